"""Procedure 2: resources of the Ministry of Justice and Security (factsheet, toelichting 2).

Two processes: a water cannon (the LOCC decides; contract, interpretation 6) and guard
containers or VRT vehicles (the NCTV's DB3 decides; no urgent path). For a water cannon the
form, naming the competent authority, comes before the LOCC's decision; only when urgent does it
follow afterwards, as the urgent path's formalisation (issue #8, item 6; ADR 0024).
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.model import BESLUIT, Proces, Veld

#: Who the form names as the competent authority: required for a real deployment (factsheet,
#: toelichting 2: "Bij een daadwerkelijke inzet moet uit het aanvraagformulier blijken wie het
#: bevoegd gezag is").
BEVOEGD_GEZAG = Veld("keuze", ("burgemeester", "officier_van_justitie"))


def waterwerper() -> Proces:
    """Procedure 2, water cannons of the Ministry (toelichting 2)."""
    contact = (
        "Voor inzet van een waterwerper (ook bij oefeningen) neemt RCCB contact op met het LOCC. "
        "Bij spoed kan dit 24 uur per dag."
    )
    toetst = (
        "Het LOCC toetst de aanvraag, legt contact met de beheersorganisatie en coördineert de "
        "verdere inzet met RCCB."
    )
    formulier = "RCCB stuurt (bij spoed achteraf) een aanvraagformulier per e-mail naar het LOCC."
    gezag = (
        "Bij een daadwerkelijke inzet moet uit het aanvraagformulier blijken wie het bevoegd "
        "gezag is."
    )
    p = Proces(
        id="procedure_2_waterwerper",
        naam="Procedure 2: middelen JenV, waterwerper",
        lanes=["RCCB", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 2. Inzet van een waterwerper van het Ministerie van "
            "Justitie en Veiligheid (beheerd door IFV-ML), ook voor een oefening."
        ),
    )
    blokken.start(p, "RCCB", oefening=Veld("ja_nee", standaard=False))
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak("taak_contact_locc", "Contact met het LOCC", "RCCB", contact)
    p.xor("gw_oefening", "Oefening?", "RCCB")
    p.taak(
        "taak_aanvraagformulier_verzenden",
        "Aanvraagformulier verzenden (met bevoegd gezag)",
        "RCCB",
        formulier,
        gezag,
        velden={"bevoegd_gezag": BEVOEGD_GEZAG},
    )
    p.taak(
        "taak_aanvraagformulier_oefening_verzenden",
        "Aanvraagformulier verzenden (oefening)",
        "RCCB",
        formulier,
        "Bij een oefening is dat niet nodig.",
    )
    p.xor("gw_oefening_samen", "", "RCCB")
    p.xor("gw_spoed_samen", "", "LOCC")
    blokken.spoedroute(
        p,
        lane="RCCB",
        formaliseert="RCCB",
        coordinator="LOCC",
        telefoon=(contact,),
        formaliseren=(formulier, gezag),
        naar="gw_spoed_samen",
        rij=2,
        conditie="spoed and not oefening",
        velden={"bevoegd_gezag": BEVOEGD_GEZAG},
    )
    p.taak(
        "taak_aanvraag_toetsen",
        "Aanvraag toetsen",
        "LOCC",
        toetst,
        velden={"besluit": BESLUIT},
        # Contract, interpretation 6 (the LOCC decides); issue #8, item 6 (the form's place).
        noot=(
            "Het LOCC beslist over de inzet. Zonder spoed toetst het de aanvraag met het "
            "formulier dat het bevoegd gezag noemt; bij spoed volgt het formulier achteraf, "
            "terwijl de procedure doorgaat."
        ),
    )
    p.xor("gw_besluit", "Besluit?", "LOCC")
    p.eind("eind_afgewezen", "Afgewezen", "LOCC")
    p.taak("taak_inzet_coordineren", "Beheersorganisatie en inzet coördineren", "LOCC", toetst)
    p.eind("eind", "Inzet geregeld", "LOCC")

    # An exercise is planned, never urgent: it always takes the normal path, whose form need
    # not name the competent authority (ADR 0024).
    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_contact_locc", "geen spoed of oefening", "not spoed or oefening")
    p.stroom("taak_contact_locc", "gw_oefening")
    p.stroom(
        "gw_oefening", "taak_aanvraagformulier_verzenden", "daadwerkelijke inzet", "not oefening"
    )
    p.stroom("gw_oefening", "taak_aanvraagformulier_oefening_verzenden", "oefening", "oefening")
    p.stroom("taak_aanvraagformulier_verzenden", "gw_oefening_samen")
    p.stroom("taak_aanvraagformulier_oefening_verzenden", "gw_oefening_samen")
    p.keten("gw_oefening_samen", "gw_spoed_samen", "taak_aanvraag_toetsen", "gw_besluit")
    blokken.na_besluit(p, afgewezen="eind_afgewezen", toegekend="taak_inzet_coordineren")
    p.stroom("taak_inzet_coordineren", "eind")
    return p


def container_vrt() -> Proces:
    """Procedure 2, guard containers and VRT vehicles (toelichting 2); no urgent path."""
    p = Proces(
        id="procedure_2_container_vrt",
        naam="Procedure 2: middelen JenV, bewakingscontainers en VRT-voertuigen",
        lanes=["RCCB", "NCTV-DB3"],
        documentatie=(
            "Factsheet, toelichting 2. Inzet van bewakingscontainers of voertuigen voor "
            "verscherpt rijdend toezicht (VRT). De factsheet noemt hier geen spoedroute en geen "
            "formulier: de piketambtenaar van DB3 is het contact; spoed verandert de route niet."
        ),
    )
    blokken.start(p, "RCCB")
    p.taak(
        "taak_contact_db3",
        "Contact met piket DB3",
        "RCCB",
        "Voor inzet van bewakingscontainers of VRT- voertuigen neemt RCCB contact op met de "
        "piketambtenaar van de directie Bewaken, Beveiligen en Burgerluchtvaart (DB3) van de "
        "NCTV.",
    )
    p.taak(
        "taak_inzet_toetsen",
        "Inzet toetsen en toestemming geven",
        "NCTV-DB3",
        "DB3 toetst de inzet en verstrekt (al dan niet) toestemming tot inzet aan RCCB, in "
        "afschrift aan de beheersorganisatie.",
        velden={"besluit": BESLUIT},
        noot=(
            "Het antwoord van DB3, toestemming of niet, gaat bij het afronden van deze stap als "
            "bericht aan het RCCB en tegelijk in afschrift aan de beheersorganisatie, het IFV "
            "Materieel en Logistiek."
        ),
    )
    p.xor("gw_besluit", "Toestemming?", "NCTV-DB3")
    p.eind("eind_afgewezen", "Geen toestemming", "NCTV-DB3")
    p.taak(
        "taak_contact_beheersorganisatie",
        "Contact met de beheersorganisatie",
        "RCCB",
        "RCCB neemt zelf contact op met de beheersorganisatie.",
    )
    p.eind("eind", "Inzet geregeld", "RCCB")
    p.keten("start", "taak_contact_db3", "taak_inzet_toetsen", "gw_besluit")
    blokken.na_besluit(p, afgewezen="eind_afgewezen", toegekend="taak_contact_beheersorganisatie")
    p.stroom("taak_contact_beheersorganisatie", "eind")
    return p
