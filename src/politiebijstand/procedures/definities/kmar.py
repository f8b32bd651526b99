"""Procedures 3 and 7: bijstand by the Koninklijke Marechaussee (Pw 2012 art. 57 lid 1).

For openbare orde (3) the LOCC decides on behalf of the Minister of Justice and Security, for
justitiële taken (7) OZI, both after DJZ and the Commandant KMar have advised the SG of Defensie
(`blokken.verzoek_aan_defensie`, `blokken.advies_aan_sg`).
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.definities.citaten import (
    ADVIES_AAN_SG,
    AFSCHRIFT_DOC,
    FORMULIER_DOOR_OVJ,
    FORMULIER_NAAR_LOCC,
    FORMULIER_OPSTELLEN,
    LOCC_BEPAALT,
    ONDERTEKENEN_BURGEMEESTER,
    PRIMUS_INTER_PARES,
    SPOED_ACHTERAF_SCHRIFTELIJK,
    VOOROVERLEG_ZONDER_TOEZEGGING,
)
from politiebijstand.procedures.model import Proces

# Sentences that only one of these procedures quotes.
SPOED_ACHTERAF_VERZOEK = (
    "In spoedgevallen vindt het contact telefonisch plaats en wordt het verzoek achteraf "
    "geformaliseerd."
)
OVJ_NAAR_COLLEGE_7 = (
    "De (hoofd)officier van justitie onder wiens leiding het opsporingsonderzoek plaatsvindt "
    "neemt contact op met (de afdeling bestuurlijke en juridische zaken van) het College van "
    "procureurs-generaal."
)
OZI_RECHTSTREEKS = (
    "In spoedgevallen kan rechtstreeks telefonisch contact tussen de aanvragende "
    "(hoofd)officier van justitie en OZI gelegd worden."
)


def kmar_openbare_orde() -> Proces:
    """Procedure 3: KMar, openbare orde (art. 57 lid 1)."""
    vooroverleg_locc = (
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met het LOCC voor "
        "informeel vooroverleg. Bij spoed kan dit 24 uur per dag."
    )
    p = Proces(
        id="procedure_3",
        naam="Procedure 3: bijstand door de KMar, openbare orde",
        lanes=["RCCB", "BURGEMEESTER", "REGIOBURGEMEESTER", "LOCC", "DJZ", "C-KMAR"],
        documentatie=(
            "Factsheet, toelichting 3 (Pw 2012 art. 57 lid 1). De burgemeester is "
            "verantwoordelijk voor de handhaving van de openbare orde. Hij bepaalt of bijstand "
            "van de KMar wenselijk is."
        ),
    )
    blokken.start(p, "RCCB", indiener=blokken.INDIENER, **blokken.PER_GEMEENTE)
    p.xor("gw_spoed", "Spoed?", "RCCB")
    blokken.lokaal_vooroverleg(
        p,
        "taak_vooroverleg_ccb_kmar",
        "Lokaal operationeel vooroverleg met CCB-KMar",
        "Tussen RCCB van de vragende eenheid en CCB-KMar of andere betrokken KMar eenheid "
        + VOOROVERLEG_ZONDER_TOEZEGGING
        + ".",
    )
    p.taak("taak_vooroverleg_locc", "Informeel vooroverleg met het LOCC", "RCCB", vooroverleg_locc)
    p.taak(
        "taak_aanvraagformulier_opstellen",
        "Aanvraagformulier opstellen",
        "RCCB",
        FORMULIER_OPSTELLEN,
    )
    p.taak(
        "taak_aanvraagformulier_verzenden",
        "Aanvraagformulier verzenden",
        "RCCB",
        FORMULIER_NAAR_LOCC,
    )
    p.xor("gw_spoed_samen", "", "LOCC")
    blokken.ondertekenen(
        p,
        van="taak_aanvraagformulier_opstellen",
        naar="taak_aanvraagformulier_verzenden",
        ondertekenen=ONDERTEKENEN_BURGEMEESTER,
        primus_inter_pares=PRIMUS_INTER_PARES,
    )
    blokken.spoedroute(
        p,
        lane="RCCB",
        formaliseert="BURGEMEESTER",
        coordinator="LOCC",
        telefoon=(vooroverleg_locc, SPOED_ACHTERAF_VERZOEK),
        formaliseren=(
            SPOED_ACHTERAF_VERZOEK,
            FORMULIER_OPSTELLEN,
            ONDERTEKENEN_BURGEMEESTER,
            FORMULIER_NAAR_LOCC,
        ),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak(
        "taak_aanvraag_verwerken",
        "Aanvraag verwerken in overzichten",
        "LOCC",
        "Het LOCC verwerkt de aanvraag in haar capaciteitenoverzichten en indien noodzakelijk in "
        "het multidisciplinair landelijk operationeel beeld.",
    )
    p.taak("taak_aanvraag_toetsen", "Aanvraag toetsen", "LOCC", "Het LOCC toetst de aanvraag.")
    p.taak(
        "taak_korpschef_informeren",
        "Korpschef informeren via LE-POB",
        "LOCC",
        "Het LOCC informeert de korpschef van politie, door tussenkomst van de afdeling "
        "Preparatie en Operationeel Beheer van de landelijke eenheid.",
    )
    p.taak(
        "taak_vooroverleg_dops_kmar",
        "Informeel vooroverleg met DOPS-KMar",
        "LOCC",
        "Het LOCC neemt contact op met Directie Operaties KMar (DOPS-KMar) en heeft informeel "
        "vooroverleg.",
    )
    verzoek = (
        "Het LOCC richt een verzoek om bijstand aan de Directie Juridische Zaken (DJZ) van het "
        "Ministerie van Defensie en aan DOPS-KMar."
    )
    defensie = blokken.verzoek_aan_defensie(
        p, lane="LOCC", verzoek=verzoek, afschrift=AFSCHRIFT_DOC, dops_kmar=True
    )
    advies = blokken.advies_aan_sg(p, advies=ADVIES_AAN_SG)
    p.taak(
        "taak_standpunt_defensie",
        "LOCC informeren over het standpunt van Defensie",
        "DJZ",
        "DJZ informeert het LOCC namens de SG over het standpunt van het Ministerie van Defensie.",
    )
    p.taak(
        "taak_besluit_locc",
        "Besluit",
        "LOCC",
        LOCC_BEPAALT,
        noot=blokken.MAATSTAF_57_NOOT,
        velden=blokken.BESLUIT_MET_DEFENSIE,
    )
    p.taak(
        "taak_rccb_informeren",
        "RCCB informeren en in verbinding brengen",
        "LOCC",
        "Het LOCC informeert het RCCB en brengt, indien nog noodzakelijk, RCCB en CCB-KMar met "
        "elkaar in verbinding.",
    )
    p.eind("eind", "Afgehandeld", "LOCC")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_vooroverleg_ccb_kmar", "geen spoed", "not spoed")
    p.keten(
        "taak_vooroverleg_ccb_kmar", "taak_vooroverleg_locc", "taak_aanvraagformulier_opstellen"
    )
    p.stroom("taak_aanvraagformulier_verzenden", "gw_spoed_samen")
    p.keten(
        "gw_spoed_samen",
        "taak_aanvraag_verwerken",
        "taak_aanvraag_toetsen",
        "taak_korpschef_informeren",
        "taak_vooroverleg_dops_kmar",
        defensie,
    )
    p.stroom(defensie, advies.ingang)
    advies.verbind()
    p.keten(
        advies.uitgang,
        "taak_standpunt_defensie",
        "taak_besluit_locc",
        "taak_rccb_informeren",
        "eind",
    )
    return p


def kmar_justitie() -> Proces:
    """Procedure 7: KMar, justitiële taken (art. 57 lid 1)."""
    p = Proces(
        id="procedure_7",
        naam="Procedure 7: bijstand door de KMar, justitiële taken",
        lanes=["RCCB", "OVJ", "LE-POB", "PARKET-GENERAAL", "OZI", "DJZ", "C-KMAR", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 7 (Pw 2012 art. 57 lid 1). De officier van justitie is "
            "verantwoordelijk voor de strafrechtelijke handhaving van de rechtsorde en de taken "
            "ten dienste van justitie. Hij bepaalt of bijstand van de KMar wenselijk is."
        ),
    )
    geleid = (
        "De aanvraag wordt vervolgens, indien ondersteund door het College, door het "
        "Parket-Generaal geleid naar de afdeling Operationele Zaken en Incidentenmanagement (OZI) "
        "van het Ministerie van Veiligheid en Justitie."
    )
    blokken.start(p, "RCCB")
    p.xor("gw_spoed", "Spoed?", "RCCB")
    blokken.lokaal_vooroverleg(
        p,
        "taak_vooroverleg_ccb_kmar",
        "Lokaal operationeel vooroverleg met CCB-KMar",
        "Tussen RCCB van de vragende eenheid en CCB-KMar of andere betrokken KMar eenheid, "
        + VOOROVERLEG_ZONDER_TOEZEGGING,
    )
    p.xor("gw_spoed_samen", "", "RCCB")
    blokken.spoedroute(
        p,
        lane="OVJ",
        formaliseert="OVJ",
        coordinator="OZI",
        telefoon=(OZI_RECHTSTREEKS,),
        formaliseren=(SPOED_ACHTERAF_SCHRIFTELIJK, OVJ_NAAR_COLLEGE_7, FORMULIER_DOOR_OVJ),
        naar="gw_spoed_samen",
        rij=1,
    )
    p.taak(
        "taak_le_pob_informeren",
        "LE-POB informeren over de voorgenomen aanvraag",
        "RCCB",
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
        "Preparatie en Operationeel Beheer om te informeren over de voorgenomen bijstands "
        "aanvraag.",
    )
    p.xor("gw_parket", "Spoed?", "RCCB")
    p.xor("gw_parket_samen", "", "LE-POB")
    p.taak(
        "taak_korpschef_informeren",
        "Korpschef informeren",
        "LE-POB",
        "De politie informeert in de eigen lijn de korpschef over de te ontvangen bijstand, door "
        "tussenkomst van de afdeling Preparatie en Operationeel Beheer.",
    )
    p.xor("gw_doorgeleiden", "Spoed?", "LE-POB")
    blokken.parket_generaal(
        p, aanvraag=OVJ_NAAR_COLLEGE_7, formulier=FORMULIER_DOOR_OVJ, geleid=geleid
    )
    p.xor("gw_doorgeleiden_samen", "", "OZI")
    verzoek = (
        "OZI richt een schriftelijk en gespecificeerd verzoek om bijstand aan de Directie "
        "Juridische Zaken (DJZ) van het Ministerie van Defensie en aan Directie Operaties KMar "
        "(DOPS-KMar)."
    )
    defensie = blokken.verzoek_aan_defensie(
        p, lane="OZI", verzoek=verzoek, afschrift=AFSCHRIFT_DOC, dops_kmar=True
    )
    advies = blokken.advies_aan_sg(p, advies=ADVIES_AAN_SG)
    p.taak(
        "taak_besluit_ozi",
        "Besluit",
        "OZI",
        "Namens de Minister van Veiligheid en Justitie en na overleg met de Minister van Defensie "
        "(DJZ) bepaalt OZI of, en zo ja, op welke wijze, bijstand wordt verleend.",
        noot=blokken.MAATSTAF_57_NOOT,
        velden=blokken.BESLUIT_MET_DEFENSIE,
    )
    p.eind("eind", "Afgehandeld", "OZI")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_vooroverleg_ccb_kmar", "geen spoed", "not spoed")
    p.keten("taak_vooroverleg_ccb_kmar", "gw_spoed_samen", "taak_le_pob_informeren", "gw_parket")
    p.stroom("gw_parket", "taak_aanvraag_parket_generaal", "geen spoed", "not spoed")
    p.stroom("gw_parket", "gw_parket_samen", "spoed: rechtstreeks met OZI", "spoed")
    p.keten("taak_aanvraag_parket_generaal", "gw_parket_samen", "taak_korpschef_informeren")
    p.stroom("taak_korpschef_informeren", "gw_doorgeleiden")
    p.stroom("gw_doorgeleiden", "taak_aanvraag_doorgeleiden", "geen spoed", "not spoed")
    p.stroom("gw_doorgeleiden", "gw_doorgeleiden_samen", "spoed", "spoed")
    p.stroom("taak_aanvraag_doorgeleiden", "gw_ondersteund")
    p.stroom("gw_ondersteund", "eind_niet_ondersteund", "nee", "not ondersteund")
    p.stroom("gw_ondersteund", "gw_doorgeleiden_samen", "ja", "ondersteund")
    p.stroom("gw_doorgeleiden_samen", defensie)
    p.stroom(defensie, advies.ingang)
    advies.verbind()
    p.keten(advies.uitgang, "taak_besluit_ozi", "eind")
    return p
