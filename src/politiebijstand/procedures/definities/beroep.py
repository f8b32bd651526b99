"""Procedure 9: (partial) rejection by the korpschef and appeal to the minister.

Pw 2012 art. 56 lid 4; factsheet, toelichting 9. Started as a run of its own after a (partial)
rejection in procedure 1 or 6 (`engine.beroep_startgegevens`).
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.definities.citaten import KORPSCHEF_AFWIJZEN, KORPSCHEF_UITVOERING
from politiebijstand.procedures.model import BESLUIT, JA_NEE, Proces, Veld


def afwijzing_en_beroep() -> Proces:
    """Procedure 9: (partial) rejection by the korpschef and appeal (art. 56 lid 4)."""
    p = Proces(
        id="procedure_9",
        naam="Procedure 9: afwijzing door de korpschef en beroep bij de minister",
        lanes=["KORPSCHEF", "BURGEMEESTER", "OVJ", "DGPOL", "MINISTER-JENV"],
        documentatie=(
            "Factsheet, toelichting 9 (Pw 2012 art. 56 lid 4). "
            + KORPSCHEF_UITVOERING
            + " Kan of wil de korpschef het verzoek om zwaarwegende redenen niet honoreren, dan "
            "kan de burgemeester of hoofdofficier van justitie beroep instellen bij de minister. "
            "Deze kan de korpschef een aanwijzing geven. Gestart na een (gedeeltelijke) "
            "afwijzing in procedure 1 of 6."
        ),
    )
    p.start(
        "start",
        "Verzoek (deels) afgewezen",
        "KORPSCHEF",
        citaten=(KORPSCHEF_AFWIJZEN,),
        noot="Dit besluit is genomen in procedure 1 of 6 (taak_besluit_korpschef).",
        velden={
            "spoed": blokken.SPOED,
            "formalisatie_termijn": blokken.FORMALISATIE_TERMIJN,
            "aanvrager": Veld("keuze", ("burgemeester", "officier_van_justitie")),
        },
    )
    p.en("gw_afwijzing", "Afwijzing en afschrift tegelijk", "KORPSCHEF")
    p.taak(
        "taak_afwijzing_aanvrager",
        "Afwijzing schriftelijk aan de aanvrager",
        "KORPSCHEF",
        "Een dergelijke afwijzing geschiedt schriftelijk, met reden omkleedt aan de aanvrager.",
    )
    p.taak(
        "taak_afschrift_dgpol",
        "Afschrift aan DGPOL",
        "KORPSCHEF",
        "Een afschrift van deze afwijzing wordt gelijktijdig gezonden aan het Directoraat "
        "Generaal Politie (DGPOL) van het Ministerie van Veiligheid en Justitie.",
    )
    p.en("gw_afwijzing_samen", "", "KORPSCHEF")
    beroep = (
        "De burgemeester of de officier van justitie kan de Minister van Veiligheid en Justitie "
        "verzoeken de korpschef op te dragen alsnog in de gevraagde bijstand te voorzien."
    )
    p.xor("gw_aanvrager", "Aanvrager?", "KORPSCHEF")
    p.taak(
        "taak_beroep_burgemeester",
        "Beroep bij de minister?",
        "BURGEMEESTER",
        beroep,
        velden={"beroep_ingesteld": JA_NEE},
    )
    p.taak(
        "taak_beroep_ovj",
        "Beroep bij de minister?",
        "OVJ",
        beroep,
        velden={"beroep_ingesteld": JA_NEE},
    )
    p.xor("gw_aanvrager_samen", "", "DGPOL")
    p.xor("gw_beroep", "Beroep ingesteld?", "DGPOL")
    p.eind("eind_geen_beroep", "Geen beroep", "DGPOL")
    p.taak(
        "taak_advies_dgpol",
        "Advies aan de minister",
        "DGPOL",
        "DGPOL adviseert de Minister van Veiligheid en Justitie over dit verzoek en over de "
        "consequenties van herverdeling van politiecapaciteiten indien alsnog aan het "
        "bijstandsverzoek wordt voldaan.",
    )
    p.taak(
        "taak_besluit_minister",
        "Besluit, aanwijzing aan de korpschef",
        "MINISTER-JENV",
        "Indien de Minister van Veiligheid en Justitie tot het oordeel komt dat alsnog aan het "
        "bijstandsverzoek moet worden voldaan, dan geeft hij daartoe de nodige aanwijzingen aan "
        "de korpschef.",
        velden={"besluit": BESLUIT},
    )
    p.xor("gw_besluit", "Besluit?", "MINISTER-JENV")
    p.eind("eind_beroep_afgewezen", "Beroep afgewezen", "MINISTER-JENV")
    p.taak(
        "taak_le_pob_informeren",
        "LE-POB informeren om uit te voeren",
        "KORPSCHEF",
        "De korpschef informeert de landelijke eenheid van politie, afdeling Preparatie en "
        "Operationeel Beheer, teneinde het besluit daadwerkelijk uit te voeren.",
    )
    p.eind("eind", "Aanwijzing uitgevoerd", "KORPSCHEF")

    p.stroom("start", "gw_afwijzing")
    for taak in ("taak_afwijzing_aanvrager", "taak_afschrift_dgpol"):
        p.keten("gw_afwijzing", taak, "gw_afwijzing_samen")
    p.stroom("gw_afwijzing_samen", "gw_aanvrager")
    p.stroom(
        "gw_aanvrager", "taak_beroep_burgemeester", "burgemeester", 'aanvrager == "burgemeester"'
    )
    p.stroom(
        "gw_aanvrager",
        "taak_beroep_ovj",
        "officier van justitie",
        'aanvrager == "officier_van_justitie"',
    )
    p.stroom("taak_beroep_burgemeester", "gw_aanvrager_samen")
    p.stroom("taak_beroep_ovj", "gw_aanvrager_samen")
    p.stroom("gw_aanvrager_samen", "gw_beroep")
    p.stroom("gw_beroep", "eind_geen_beroep", "nee", "not beroep_ingesteld")
    p.stroom("gw_beroep", "taak_advies_dgpol", "ja", "beroep_ingesteld")
    p.keten("taak_advies_dgpol", "taak_besluit_minister", "gw_besluit")
    blokken.na_besluit(p, afgewezen="eind_beroep_afgewezen", toegekend="taak_le_pob_informeren")
    p.stroom("taak_le_pob_informeren", "eind")
    return p
