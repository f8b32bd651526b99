"""Procedure 9: appeal to the minister after a (partial) rejection by the korpschef.

Pw 2012 art. 56 lid 4; factsheet, toelichting 9. The rejection itself, in writing with reasons
and with the copy to DGPOL, is a step of procedure 1 or 6 (``taak_afwijzing_schriftelijk``),
whether or not anyone appeals. This procedure is started as a run of its own when the
competent authority lodges the appeal (`verzoeken.services.beroep_instellen`,
`engine.beroep_startgegevens`): DGPOL advises, the minister decides, and after an instruction
the korpschef informs LE-POB, which coordinates the assistance and informs the LOCC as in
procedure 1 or 6 (ADR-0022).
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.definities.citaten import (
    KORPSCHEF_UITVOERING,
    LE_POB_COORDINEERT,
    LE_POB_INFORMEERT_LOCC,
)
from politiebijstand.procedures.model import BESLUIT, Proces, Veld

#: Toelichting 9: the appeal is the burgemeester's or the officier van justitie's own choice.
BEROEP = (
    "De burgemeester of de officier van justitie kan de Minister van Veiligheid en Justitie "
    "verzoeken de korpschef op te dragen alsnog in de gevraagde bijstand te voorzien."
)
#: After the minister's instruction the bijstand runs as in procedure 1 or 6 (ADR-0022).
ALS_PROCEDURE_1_OF_6 = (
    "Toelichting 9 eindigt bij LE-POB; na de aanwijzing van de minister wordt de bijstand "
    "uitgevoerd zoals in procedure 1 of 6, waarvan deze regel is geciteerd."
)


def afwijzing_en_beroep() -> Proces:
    """Procedure 9: appeal to the minister after a (partial) rejection (art. 56 lid 4)."""
    p = Proces(
        id="procedure_9",
        naam="Procedure 9: afwijzing door de korpschef en beroep bij de minister",
        lanes=["DGPOL", "MINISTER-JENV", "KORPSCHEF", "LE-POB", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 9 (Pw 2012 art. 56 lid 4). "
            + KORPSCHEF_UITVOERING
            + " Kan of wil de korpschef het verzoek om zwaarwegende redenen niet honoreren, dan "
            "kan de burgemeester of hoofdofficier van justitie beroep instellen bij de minister. "
            "Deze kan de korpschef een aanwijzing geven. Gestart wanneer het bevoegd gezag na "
            "een (gedeeltelijke) afwijzing in procedure 1 of 6 beroep instelt."
        ),
    )
    p.start(
        "start",
        "Beroep ingesteld bij de minister",
        "DGPOL",
        citaten=(BEROEP,),
        noot=(
            "Ingesteld door de burgemeester of de officier van justitie, of namens hen onder "
            "een vastgelegd mandaat, met een reden en een bevestiging; nooit door een RCCB. "
            "De schriftelijke afwijzing met afschrift aan DGPOL ging vooraf in procedure 1 of 6."
        ),
        velden={
            "spoed": blokken.SPOED,
            "formalisatie_termijn": blokken.FORMALISATIE_TERMIJN,
            "aanvrager": Veld("keuze", ("burgemeester", "officier_van_justitie")),
        },
    )
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
    p.taak(
        "taak_bijstand_coordineren",
        "Bijstand coördineren",
        "LE-POB",
        LE_POB_COORDINEERT,
        noot=ALS_PROCEDURE_1_OF_6,
    )
    p.taak(
        "taak_locc_informeren",
        "LOCC informeren",
        "LE-POB",
        LE_POB_INFORMEERT_LOCC,
        noot=ALS_PROCEDURE_1_OF_6,
    )
    p.eind("eind", "Aanwijzing uitgevoerd", "LE-POB")

    p.keten("start", "taak_advies_dgpol", "taak_besluit_minister", "gw_besluit")
    blokken.na_besluit(p, afgewezen="eind_beroep_afgewezen", toegekend="taak_le_pob_informeren")
    p.keten("taak_le_pob_informeren", "taak_bijstand_coordineren", "taak_locc_informeren", "eind")
    return p
