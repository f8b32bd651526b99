"""Procedures 1 and 6: bijstand by another police unit (Pw 2012 art. 56 lid 1 and 2).

One description for both: the korpschef decides on the request of the burgemeester (1,
openbare orde) or the officier van justitie (6, justitiële taken), after the regioburgemeester's
zienswijze unless it is urgent (art. 56 lid 3). The regioburgemeester is given the opportunity,
within the term ``zienswijze_termijn``: when it passes, the interrupting timer
``timer_zienswijze`` cancels the task and the request proceeds without it ("geen zienswijze
binnen de termijn"; ADR-0023). A (partial) rejection is always sent in writing, with reasons,
to the requester, with a copy to DGPOL at the same time (``taak_afwijzing_schriftelijk``,
toelichting 9), whether or not anyone appeals; the appeal itself is procedure 9 (ADR-0022).
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.definities.citaten import (
    CONTACT_LE_POB_SPOED,
    FORMULIER_INDIENEN_KORPSCHEF,
    FORMULIER_OPSTELLEN,
    KORPSCHEF_AFWIJZEN,
    KORPSCHEF_UITVOERING,
    LE_POB_COORDINEERT,
    LE_POB_INFORMEERT_LOCC,
    ZIENSWIJZE,
)
from politiebijstand.procedures.model import BESLUIT, GEMEENTEN, Proces, Veld

#: Toelichting 9, on the korpschef's (partial) rejection: in writing, with reasons, and a copy
#: to DGPOL at the same time. Quoted verbatim (the factsheet's "omkleedt" included).
AFWIJZING_SCHRIFTELIJK = (
    "Een dergelijke afwijzing geschiedt schriftelijk, met reden omkleedt aan de aanvrager."
)
AFSCHRIFT_DGPOL = (
    "Een afschrift van deze afwijzing wordt gelijktijdig gezonden aan het Directoraat "
    "Generaal Politie (DGPOL) van het Ministerie van Veiligheid en Justitie."
)
#: Start variable: the term the regioburgemeester has for the zienswijze (ADR-0023).
ZIENSWIJZE_TERMIJN = Veld("duur", standaard="PT24H")


def andere_eenheid(nummer: str) -> Proces:
    """Procedures 1 (openbare orde, art. 56 lid 1) and 6 (justitie, art. 56 lid 2)."""
    justitie = nummer == "6"
    indiener = "OVJ" if justitie else "BURGEMEESTER"
    if justitie:
        naam = "Procedure 6: bijstand door een andere eenheid, justitiële taken"
        intro = (
            "De Politiewet 2012 bepaalt dat de officier van justitie het verzoek om bijstand "
            "voor de strafrechtelijke handhaving van de rechtsorde en de taken ten dienste van "
            "justitie indient bij de korpschef."
        )
        verzenden = (
            "RCCB verzendt het aanvraagformulier per e-mail naar de afdeling Preparatie en "
            "Operationeel Beheer."
        )
    else:
        naam = "Procedure 1: bijstand door een andere eenheid, openbare orde"
        intro = (
            "De Politiewet 2012 bepaalt dat de burgemeester het verzoek om bijstand indient bij "
            "de korpschef."
        )
        verzenden = (
            "RCCB verzendt het aanvraagformulier per e-mail naar afdeling Preparatie en "
            "Operationeel Beheer."
        )
    p = Proces(
        id=f"procedure_{nummer}",
        naam=naam,
        lanes=["RCCB", "REGIOBURGEMEESTER", indiener, "KORPSCHEF", "LE-POB", "LOCC"],
        documentatie=f"Factsheet, toelichting {nummer}. {intro} {ZIENSWIJZE}",
    )
    blokken.start(
        p,
        "RCCB",
        zienswijze_vereist=Veld("ja_nee"),
        zienswijze_termijn=ZIENSWIJZE_TERMIJN,
        gemeenten_zienswijze=GEMEENTEN,
        **({} if justitie else blokken.PER_GEMEENTE),
    )
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak("taak_contact_le_pob", "Contact met LE-POB", "RCCB", CONTACT_LE_POB_SPOED)
    p.taak(
        "taak_aanvraagformulier_opstellen",
        "Aanvraagformulier opstellen",
        "RCCB",
        FORMULIER_OPSTELLEN,
    )
    p.xor("gw_zienswijze", "Zienswijze vereist?", "RCCB")
    p.taak(
        "taak_zienswijze_regioburgemeester",
        "Zienswijze geven",
        "REGIOBURGEMEESTER",
        ZIENSWIJZE,
        noot=(
            "Eén zienswijze per formulier, dus per gemeente waarvan de burgemeester niet zelf "
            "de regioburgemeester is. Niet nodig wanneer de aanvrager zelf de regioburgemeester "
            "is, of bij spoed (Pw 2012 art. 56 lid 3). De regioburgemeester krijgt de "
            "gelegenheid binnen een termijn (standaard 24 uur, in te stellen); daarna gaat het "
            "verzoek verder zonder zienswijze."
        ),
        per_gemeente="gemeenten_zienswijze",
    )
    p.timer(
        "timer_zienswijze",
        "Geen zienswijze binnen de termijn",
        aan="taak_zienswijze_regioburgemeester",
        duur="zienswijze_termijn",
        onderbreekt=True,
        noot=(
            "Pw 2012 art. 56 lid 3 vraagt de gelegenheid tot een zienswijze, niet de "
            "zienswijze zelf: na de termijn gaat het verzoek verder, vastgelegd als 'geen "
            "zienswijze binnen de termijn'. Voor de formulieren waarop de regioburgemeester nog "
            "niet reageerde."
        ),
    )
    p.xor("gw_zienswijze_samen", "", "RCCB")
    noot_indienen = None
    if justitie:
        # Contract, interpretation 3 (erratum of toelichting 6).
        noot_indienen = (
            "Erratum: de factsheet noemt hier de burgemeester; Pw 2012 art. 56 lid 2 en de kop "
            "van toelichting 6 noemen de officier van justitie, die dus indient."
        )
    p.taak(
        "taak_verzoek_indienen",
        "Verzoek indienen bij de korpschef",
        indiener,
        FORMULIER_INDIENEN_KORPSCHEF,
        noot=noot_indienen,
        per_gemeente=blokken.per_gemeente(p, indiener),
    )
    p.taak("taak_aanvraagformulier_verzenden", "Aanvraagformulier verzenden", "RCCB", verzenden)
    p.xor("gw_spoed_samen", "", "KORPSCHEF")
    blokken.spoedroute(
        p,
        lane="RCCB",
        formaliseert=indiener,
        coordinator="LE-POB",
        telefoon=(CONTACT_LE_POB_SPOED,),
        formaliseren=(FORMULIER_OPSTELLEN, FORMULIER_INDIENEN_KORPSCHEF, verzenden),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak(
        "taak_besluit_korpschef",
        "Besluit op het verzoek",
        "KORPSCHEF",
        intro,
        KORPSCHEF_UITVOERING,
        KORPSCHEF_AFWIJZEN,
        velden={"besluit": BESLUIT},
        noot=(
            "Na een (gedeeltelijke) afwijzing volgt altijd de schriftelijke afwijzing met "
            "afschrift aan DGPOL; daarna kan het bevoegd gezag beroep instellen bij de minister "
            "(procedure 9, Pw 2012 art. 56 lid 4)."
        ),
    )
    p.xor("gw_besluit", "Besluit?", "KORPSCHEF")
    p.taak(
        "taak_afwijzing_schriftelijk",
        "Afwijzing schriftelijk met redenen aan de aanvrager, afschrift aan DGPOL",
        "KORPSCHEF",
        AFWIJZING_SCHRIFTELIJK,
        AFSCHRIFT_DGPOL,
        noot=(
            "Verplicht bij een gehele of gedeeltelijke afwijzing, ook als niemand beroep "
            "instelt: de redenen zijn verplicht; de aanvrager (RCCB en bevoegd gezag) en DGPOL "
            "krijgen tegelijk bericht."
        ),
    )
    p.xor("gw_na_afwijzing", "Deels toegekend?", "KORPSCHEF")
    p.eind("eind_afgewezen", "Afgewezen: beroep mogelijk (procedure 9)", "KORPSCHEF")
    p.xor("gw_uitvoeren", "", "LE-POB")
    p.taak("taak_bijstand_coordineren", "Bijstand coördineren", "LE-POB", LE_POB_COORDINEERT)
    p.taak("taak_locc_informeren", "LOCC informeren", "LE-POB", LE_POB_INFORMEERT_LOCC)
    p.eind("eind", "Bijstand geregeld", "LE-POB")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_contact_le_pob", "geen spoed", "not spoed")
    p.keten("taak_contact_le_pob", "taak_aanvraagformulier_opstellen", "gw_zienswijze")
    p.stroom("gw_zienswijze", "taak_zienswijze_regioburgemeester", "vereist", "zienswijze_vereist")
    p.stroom("gw_zienswijze", "gw_zienswijze_samen", "niet vereist", "not zienswijze_vereist")
    p.stroom("timer_zienswijze", "gw_zienswijze_samen")
    p.keten(
        "taak_zienswijze_regioburgemeester",
        "gw_zienswijze_samen",
        "taak_verzoek_indienen",
        "taak_aanvraagformulier_verzenden",
        "gw_spoed_samen",
    )
    p.keten("gw_spoed_samen", "taak_besluit_korpschef", "gw_besluit")
    p.stroom(
        "gw_besluit",
        "taak_afwijzing_schriftelijk",
        "(deels) afgewezen",
        'besluit != "toegekend"',
    )
    p.stroom("gw_besluit", "gw_uitvoeren", "toegekend", 'besluit == "toegekend"')
    p.stroom("taak_afwijzing_schriftelijk", "gw_na_afwijzing")
    p.stroom("gw_na_afwijzing", "eind_afgewezen", "afgewezen", 'besluit == "afgewezen"')
    p.stroom("gw_na_afwijzing", "gw_uitvoeren", "deels toegekend", 'besluit != "afgewezen"')
    p.keten("gw_uitvoeren", "taak_bijstand_coordineren", "taak_locc_informeren", "eind")
    return p
