"""Procedures 4 and 8: bijstand by other parts of the armed forces (Pw 2012 art. 58 lid 1).

LE-POB first checks that the police is exhausted; DJZ decides on behalf of the Minister of
Defence (`blokken.besluit_defensie`), then the LOCC (4, openbare orde) or OZI (8, justitiële
taken) on behalf of the Minister of Justice and Security, in agreement with Defence on the
manner (art. 58 lid 2); a refusal by DJZ binds and is only passed on. LE-POB's check records
whether the police are exhausted; a negative outcome ends the route. Procedure 8 always informs
the korpsleiding through LE-POB (footnote 4: "te allen tijde"): with a convenant that is all
that follows (contract, interpretation 10), on the full route after a (partial) grant.
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.definities.citaten import (
    AFSCHRIFT_DOC,
    DJZ_BESLUIT,
    FORMULIER_DOOR_OVJ,
    FORMULIER_NAAR_LOCC,
    FORMULIER_OPSTELLEN,
    LOCC_BEPAALT,
    ONDERTEKENEN_BURGEMEESTER,
    PRIMUS_INTER_PARES,
    SPOED_ACHTERAF_SCHRIFTELIJK,
    UITPUTTING_TOETSEN_KORT,
    VOOROVERLEG_ZONDER_TOEZEGGING,
)
from politiebijstand.procedures.model import JA_NEE, Proces, Veld

# A sentence that only procedure 8 quotes (procedure 7's differs by a comma).
OVJ_NAAR_COLLEGE_8 = (
    "De (hoofd)officier van justitie onder wiens leiding het opsporingsonderzoek plaatsvindt, "
    "neemt contact op met (de afdeling bestuurlijke en juridische zaken van) het College van "
    "procureurs-generaal."
)


def krijgsmacht_openbare_orde() -> Proces:
    """Procedure 4: other parts of the armed forces, openbare orde (art. 58 lid 1)."""
    p = Proces(
        id="procedure_4",
        naam="Procedure 4: bijstand door de krijgsmacht, openbare orde",
        lanes=["RCCB", "BURGEMEESTER", "REGIOBURGEMEESTER", "LE-POB", "LOCC", "DJZ"],
        documentatie=(
            "Factsheet, toelichting 4 (Pw 2012 art. 58 lid 1). De burgemeester is "
            "verantwoordelijk voor de handhaving van de openbare orde. Hij bepaalt of bijstand "
            "van de krijgsmacht wenselijk is."
        ),
    )
    contact = (
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
        "Preparatie en Operationeel Beheer."
    )
    blokken.start(p, "RCCB", indiener=blokken.INDIENER, **blokken.PER_GEMEENTE)
    p.xor("gw_spoed", "Spoed?", "RCCB")
    blokken.lokaal_vooroverleg(
        p,
        "taak_vooroverleg_ovr",
        "Lokaal operationeel vooroverleg met de OVR",
        "Tussen RCCB van de vragende eenheid en de Officier Veiligheidsregio (OVR) in de eenheid "
        "waar bijstand nodig is, " + VOOROVERLEG_ZONDER_TOEZEGGING + ".",
    )
    p.taak("taak_contact_le_pob", "Contact met LE-POB", "RCCB", contact)
    p.xor("gw_spoed_samen", "", "LE-POB")
    blokken.spoedroute(
        p,
        lane="RCCB",
        formaliseert="BURGEMEESTER",
        coordinator="LOCC",
        telefoon=(contact, SPOED_ACHTERAF_SCHRIFTELIJK),
        formaliseren=(
            SPOED_ACHTERAF_SCHRIFTELIJK,
            FORMULIER_OPSTELLEN,
            ONDERTEKENEN_BURGEMEESTER,
            FORMULIER_NAAR_LOCC,
        ),
        naar="gw_spoed_samen",
        rij=2,
    )
    uitgeput = blokken.uitputting_toetsen(p, citaat="Deze " + UITPUTTING_TOETSEN_KORT)
    p.taak(
        "taak_toestemming_geven",
        "Toestemming geven, RCCB en LOCC informeren",
        "LE-POB",
        "De afdeling Preparatie en Operationeel Beheer geeft toestemming tot aanvragen van "
        "militaire bijstand en informeert RCCB en LOCC.",
        velden={"toestemming": JA_NEE},
    )
    p.xor("gw_toestemming", "Toestemming?", "LE-POB")
    p.eind("eind_geen_toestemming", "Geen toestemming", "LE-POB")
    p.xor("gw_formulier", "Spoed?", "RCCB")
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
    p.xor("gw_formulier_samen", "", "LOCC")
    blokken.ondertekenen(
        p,
        van="taak_aanvraagformulier_opstellen",
        naar="taak_aanvraagformulier_verzenden",
        ondertekenen=ONDERTEKENEN_BURGEMEESTER,
        primus_inter_pares=PRIMUS_INTER_PARES,
    )
    p.taak(
        "taak_aanvraag_verwerken",
        "Aanvraag verwerken in overzichten",
        "LOCC",
        "Het LOCC verwerkt de aanvraag in haar capaciteitsoverzichten en indien noodzakelijk in "
        "het multidisciplinair landelijk operationeel beeld.",
    )
    p.taak(
        "taak_aanvraag_toetsen",
        "Aanvraag toetsen",
        "LOCC",
        "Het LOCC toetst de aanvraag, onder andere om de noodzaak voor inzet van de krijgsmacht "
        "vast te stellen.",
    )
    p.taak(
        "taak_korpschef_informeren",
        "Korpschef informeren via LE-POB",
        "LOCC",
        "Het LOCC informeert de korpschef van politie, door tussenkomst van de afdeling "
        "Preparatie en Operationeel Beheer.",
    )
    defensie = blokken.verzoek_aan_defensie(
        p,
        lane="LOCC",
        verzoek=(
            "Het LOCC richt een verzoek om bijstand aan de Directie Juridische Zaken (DJZ) van "
            "het Ministerie van Defensie."
        ),
        afschrift=AFSCHRIFT_DOC,
        dops_kmar=False,
    )
    besluit = blokken.besluit_defensie(
        p,
        besluit=DJZ_BESLUIT,
        informeren_naam="LOCC informeren over het besluit",
        informeren="DJZ informeert het LOCC over het genomen besluit.",
        lane="LOCC",
    )
    p.taak(
        "taak_besluit_locc",
        "Besluit",
        "LOCC",
        LOCC_BEPAALT,
        noot=f"{blokken.MAATSTAF_58_NOOT} {blokken.ERRATUM_58_LID_2_NOOT}",
        velden=blokken.BESLUIT_MET_DEFENSIE,
    )
    p.taak(
        "taak_rccb_informeren",
        "RCCB informeren, operationele contacten leggen",
        "LOCC",
        "Het LOCC informeert het RCCB en legt indien noodzakelijk de operationele contacten, al "
        "dan niet via de Officier Veiligheidsregio (OVR), binnen de aanvragende eenheid.",
    )
    p.eind("eind", "Afgehandeld", "LOCC")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_vooroverleg_ovr", "geen spoed", "not spoed")
    p.keten("taak_vooroverleg_ovr", "taak_contact_le_pob", "gw_spoed_samen")
    p.stroom("gw_spoed_samen", "taak_uitputting_toetsen")
    p.stroom(uitgeput, "taak_toestemming_geven", "ja", "politie_uitgeput")
    p.stroom("taak_toestemming_geven", "gw_toestemming")
    p.stroom("gw_toestemming", "eind_geen_toestemming", "nee", "not toestemming")
    p.stroom("gw_toestemming", "gw_formulier", "ja", "toestemming")
    p.stroom("gw_formulier", "taak_aanvraagformulier_opstellen", "geen spoed", "not spoed")
    p.stroom("gw_formulier", "gw_formulier_samen", "spoed: formulier achteraf", "spoed")
    p.stroom("taak_aanvraagformulier_verzenden", "gw_formulier_samen")
    p.keten(
        "gw_formulier_samen",
        "taak_aanvraag_verwerken",
        "taak_aanvraag_toetsen",
        "taak_korpschef_informeren",
        defensie,
    )
    p.stroom(defensie, besluit.ingang)
    besluit.verbind()
    blokken.na_besluit_defensie(p, naar="taak_besluit_locc")
    p.keten("taak_besluit_locc", "taak_rccb_informeren", "eind")
    return p


def krijgsmacht_justitie() -> Proces:
    """Procedure 8: other parts of the armed forces, justitiële taken (art. 58 lid 1)."""
    p = Proces(
        id="procedure_8",
        naam="Procedure 8: bijstand door de krijgsmacht, justitiële taken",
        lanes=["RCCB", "LE-POB", "OVJ", "PARKET-GENERAAL", "OZI", "DJZ", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 8 (Pw 2012 art. 58 lid 1). De officier van justitie is "
            "verantwoordelijk voor de strafrechtelijke handhaving van de rechtsorde en de taken "
            "ten dienste van justitie. Hij bepaalt of bijstand van de krijgsmacht wenselijk is. "
            "Met een convenant (voetnoot 4) volgt alleen het informeren van de korpsleiding."
        ),
    )
    geleid = (
        "De aanvraag wordt vervolgens, indien ondersteund door het College, door het "
        "Parket-Generaal geleid aan de afdeling Operationele Zaken en Incidentenmanagement (OZI) "
        "van het Ministerie van Veiligheid en Justitie."
    )
    blokken.start(p, "RCCB", convenant=Veld("ja_nee", standaard=False))
    p.xor("gw_convenant", "Convenant?", "RCCB")
    p.taak(
        "taak_korpsleiding_informeren",
        "Korpsleiding informeren",
        "LE-POB",
        "Op basis van zo'n convenant hoeft niet de gehele procedure gevolgd te worden.",
        "Wel dient in de politielijn te allen tijde de korpsleiding geïnformeerd te worden over "
        "inzet van de krijgsmacht ten behoeve van politietaken, door tussenkomst van afdeling "
        "Preparatie en Operationeel Beheer.",
        # Contract, interpretation 10: with a convenant only this step is in the application.
        noot="'Te allen tijde': met een convenant (de verdere route volgt het convenant, buiten "
        "deze applicatie) en ook op de volledige route, na een (gedeeltelijke) toekenning door "
        "OZI: dan is bekend welke inzet er komt.",
    )
    p.xor("gw_korpsleiding", "Convenant?", "LE-POB")
    p.eind("eind_convenant", "Korpsleiding geïnformeerd", "LE-POB")
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.xor("gw_spoed_samen", "", "RCCB")
    blokken.spoedroute(
        p,
        lane="OVJ",
        formaliseert="OVJ",
        coordinator="OZI",
        telefoon=(SPOED_ACHTERAF_SCHRIFTELIJK,),
        formaliseren=(SPOED_ACHTERAF_SCHRIFTELIJK, OVJ_NAAR_COLLEGE_8, FORMULIER_DOOR_OVJ),
        naar="gw_spoed_samen",
        rij=1,
    )
    p.taak(
        "taak_contact_le_pob",
        "Contact met LE-POB",
        "RCCB",
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
        "Preparatie en Operationeel Beheer.",
    )
    uitgeput = blokken.uitputting_toetsen(p, citaat="Deze afdeling " + UITPUTTING_TOETSEN_KORT)
    p.taak(
        "taak_rccb_locc_informeren",
        "RCCB en LOCC informeren",
        "LE-POB",
        "De afdeling Preparatie en Operationeel Beheer informeert RCCB en LOCC.",
    )
    p.xor("gw_parket", "Spoed?", "LE-POB")
    blokken.parket_generaal(
        p, aanvraag=OVJ_NAAR_COLLEGE_8, formulier=FORMULIER_DOOR_OVJ, geleid=geleid
    )
    p.xor("gw_parket_samen", "", "OZI")
    defensie = blokken.verzoek_aan_defensie(
        p,
        lane="OZI",
        verzoek=(
            "OZI richt een schriftelijk en gespecificeerd verzoek om bijstand aan Directie "
            "Juridische Zaken (DJZ) van het Ministerie van Defensie."
        ),
        afschrift=AFSCHRIFT_DOC,
        dops_kmar=False,
    )
    besluit = blokken.besluit_defensie(
        p,
        besluit=DJZ_BESLUIT,
        informeren_naam="OZI informeren over het besluit",
        informeren="DJZ informeert OZI over het genomen besluit.",
        lane="OZI",
    )
    p.taak(
        "taak_besluit_ozi",
        "Besluit",
        "OZI",
        "Namens de Minister van Veiligheid en Justitie en in overeenstemming met de Minister van "
        "Defensie (DJZ) bepaalt OZI of, en zo ja, op welke wijze, bijstand wordt verleend.",
        noot=blokken.MAATSTAF_58_NOOT,
        velden=blokken.BESLUIT_MET_DEFENSIE,
    )
    p.xor("gw_besluit", "Toegekend?", "OZI")
    p.eind("eind_afgewezen", "Afgewezen", "OZI")
    p.eind("eind", "Afgehandeld", "LE-POB")

    p.stroom("start", "gw_convenant")
    p.stroom("gw_convenant", "taak_korpsleiding_informeren", "convenant", "convenant")
    p.stroom("taak_korpsleiding_informeren", "gw_korpsleiding")
    p.stroom("gw_korpsleiding", "eind_convenant", "convenant", "convenant")
    p.stroom("gw_korpsleiding", "eind", "geen convenant", "not convenant")
    p.stroom("gw_convenant", "gw_spoed", "geen convenant", "not convenant")
    p.stroom("gw_spoed", "gw_spoed_samen", "geen spoed", "not spoed")
    p.keten("gw_spoed_samen", "taak_contact_le_pob", "taak_uitputting_toetsen")
    p.stroom(uitgeput, "taak_rccb_locc_informeren", "ja", "politie_uitgeput")
    p.stroom("taak_rccb_locc_informeren", "gw_parket")
    p.stroom("gw_parket", "taak_aanvraag_parket_generaal", "geen spoed", "not spoed")
    p.stroom("gw_parket", "gw_parket_samen", "spoed: rechtstreeks met OZI", "spoed")
    p.keten("taak_aanvraag_parket_generaal", "taak_aanvraag_doorgeleiden", "gw_ondersteund")
    p.stroom("gw_ondersteund", "eind_niet_ondersteund", "nee", "not ondersteund")
    p.stroom("gw_ondersteund", "gw_parket_samen", "ja", "ondersteund")
    p.stroom("gw_parket_samen", defensie)
    p.stroom(defensie, besluit.ingang)
    besluit.verbind()
    blokken.na_besluit_defensie(p, naar="taak_besluit_ozi")
    p.stroom("taak_besluit_ozi", "gw_besluit")
    blokken.na_besluit(p, afgewezen="eind_afgewezen", toegekend="taak_korpsleiding_informeren")
    return p
