"""Bijstand door de Koninklijke Marechaussee (Pw 2012 art. 57): procedures 3 en 7.

The KMar may give bijstand to the police (art. 57 lid 1), also when police capacity is not
exhausted; a specific request for the KMar (local knowledge, practice, investigative
expertise) is possible. The minister decides after consulting the Minister of Defence
(lid 2, 3): for public order the LOCC on the minister's behalf (toelichting 3), for justice
tasks OZI (toelichting 7).
"""

from __future__ import annotations

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import Formulier, Grondslag, Indiener, Route, Stap
from politiebijstand.rules.bron import POLITIEWET_2012, factsheet, politiewet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.politiewet_2012.bijstand_indiener import (
    indiener_openbare_orde_militair,
)
from politiebijstand.rules.situatie import Gevraagd, Leverancier, Situatie
from politiebijstand.rules.uitkomst import Uitkomst, labels

ART_57_LID_1 = politiewet("57", "1")
ART_57_LID_2 = politiewet("57", "2")
ART_57_LID_3 = politiewet("57", "3")
#: The KMar giving bijstand is under the burgemeester (lid 1) or the officier van justitie
#: (lid 2), as the police are (issue #8, item 9).
ART_14_LID_1 = politiewet("14", "1")
ART_14_LID_2 = politiewet("14", "2")
TOELICHTING_3 = factsheet("toelichting 3")
TOELICHTING_7 = factsheet("toelichting 7")
STROOMSCHEMA_A = factsheet("stroomschema A, KMar")
STROOMSCHEMA_B = factsheet("stroomschema B, KMar")


@regel(
    TOELICHTING_3,
    TOELICHTING_7,
    STROOMSCHEMA_A,
    STROOMSCHEMA_B,
    samenvatting=("De KMar mag worden gevraagd zonder dat de politie is uitgeput."),
    toelichting=(
        "'De Koninklijke Marechaussee (KMar) kan bijstand verlenen, ook als de capaciteit van "
        "de politie nog niet uitgeput is. Ook een specifiek verzoek voor KMar bijstand (...) "
        "is mogelijk' (toelichting 3 en 7; stroomschema: 'Uitputting politie niet "
        "noodzakelijk'). Voorwaarden die voor de krijgsmacht gelden, spelen voor de KMar geen "
        "rol (vaste interpretatie 5 (docs/contract))."
    ),
)
def kmar_zonder_uitputting(gevraagd: Gevraagd) -> Uitkomst[bool]:
    """The KMar may be asked without police capacity being exhausted: always allowed.

    "De Koninklijke Marechaussee (KMar) kan bijstand verlenen, ook als de capaciteit van de
    politie nog niet uitgeput is. Ook een specifiek verzoek voor KMar bijstand ... is
    mogelijk" (toelichting 3 and 7; flowchart: "Uitputting politie niet noodzakelijk").
    Conditions given for the armed forces are ignored for the KMar (contract,
    interpretation 5).
    """
    return _KMAR_TOEGESTAAN


_KMAR_TOEGESTAAN = Uitkomst(
    True,
    bron=STROOMSCHEMA_A,
    ook=(TOELICHTING_3, TOELICHTING_7),
    reden="uitputting van de politie is voor KMar-bijstand niet nodig",
)


# --- Procedure 3: public order --------------------------------------------------------------

_P3_VOOROVERLEG = Stap(
    org.RCCB,
    "Optioneel: lokaal operationeel vooroverleg tussen RCCB van de vragende eenheid en CCB-KMar "
    "(of een andere betrokken KMar-eenheid) over mogelijke bijstand; er kunnen geen toezeggingen "
    "worden gedaan.",
)
P3_CONTACTSTAP = Stap(
    org.RCCB,
    "RCCB neemt contact op met het LOCC voor informeel vooroverleg; bij spoed kan dit 24 uur "
    "per dag.",
)
_P3_FORMULIER = Stap(
    org.RCCB, "RCCB stelt het aanvraagformulier op (formulier op de website van het LOCC)."
)
_P3_ONDERTEKENING = {
    Indiener.BURGEMEESTER: Stap(
        org.BURGEMEESTER,
        "Het aanvraagformulier wordt ondertekend door of namens de burgemeester.",
    ),
    Indiener.REGIOBURGEMEESTER: Stap(
        org.REGIOBURGEMEESTER,
        "Het aanvraagformulier wordt ondertekend door of namens de regioburgemeester, die het "
        "verzoek als primus inter pares indient (bijstand vooraf niet aan één gemeente te "
        "koppelen).",
    ),
}
_P3_NA_ONDERTEKENING = (
    Stap(org.RCCB, "RCCB verzendt het aanvraagformulier per e-mail naar het LOCC."),
    Stap(
        org.LOCC,
        "Het LOCC verwerkt de aanvraag in zijn capaciteitsoverzichten en zo nodig in het "
        "multidisciplinair landelijk operationeel beeld.",
    ),
    Stap(org.LOCC, "Het LOCC toetst de aanvraag."),
    Stap(org.LOCC, "Het LOCC informeert de korpschef van politie, via LE-POB."),
    Stap(
        org.LOCC,
        "Het LOCC neemt contact op met de Directie Operaties KMar (DOPS-KMar) voor informeel "
        "vooroverleg.",
    ),
    Stap(
        org.LOCC,
        "Het LOCC richt een verzoek om bijstand aan de Directie Juridische Zaken (DJZ) van "
        "Defensie en aan DOPS-KMar, met tegelijk een afschrift aan het Defensie "
        "Operatiecentrum (DOC).",
    ),
    Stap(
        org.DJZ,
        "DJZ adviseert vanuit zijn verantwoordelijkheid de Secretaris-generaal van Defensie, "
        "als korpsbeheerder van de KMar.",
    ),
    Stap(
        org.C_KMAR,
        "De Commandant KMar adviseert vanuit zijn verantwoordelijkheid de Secretaris-generaal "
        "van Defensie, als korpsbeheerder van de KMar.",
    ),
    Stap(
        org.DJZ,
        "DJZ informeert het LOCC namens de Secretaris-generaal over het standpunt van het "
        "Ministerie van Defensie.",
    ),
    Stap(
        org.LOCC,
        "Het LOCC bepaalt namens de Minister van Justitie en Veiligheid, na overleg met de "
        "Minister van Defensie (DJZ), of en zo ja op welke wijze bijstand wordt verleend.",
    ),
    Stap(
        org.LOCC,
        "Het LOCC informeert het RCCB en brengt zo nodig RCCB en CCB-KMar met elkaar in "
        "verbinding.",
    ),
)
_STAPPEN_3 = {
    indiener: (_P3_VOOROVERLEG, P3_CONTACTSTAP, _P3_FORMULIER, ondertekening, *_P3_NA_ONDERTEKENING)
    for indiener, ondertekening in _P3_ONDERTEKENING.items()
}
#: The written part of procedure 3, formalised afterwards when urgent.
P3_SCHRIFTELIJK = (
    _P3_FORMULIER,
    *_P3_ONDERTEKENING.values(),
    _P3_NA_ONDERTEKENING[0],
)
_BRONNEN_3 = (
    TOELICHTING_3,
    ART_57_LID_1,
    ART_57_LID_2,
    ART_57_LID_3,
    ART_14_LID_1,
    STROOMSCHEMA_A,
)
_LABELS_3 = labels(_BRONNEN_3)
_GRONDSLAG_57_1 = Grondslag(regeling=POLITIEWET_2012, artikel="57", lid="1")


@regel(
    *_BRONNEN_3,
    samenvatting=(
        "Procedure 3: bijstand door de KMar voor de openbare orde (Pw 2012 art. 57 lid 1)."
    ),
    toelichting=(
        "De burgemeester, of de regioburgemeester als primus inter pares, ondertekent het "
        "formulier van de website van het LOCC. Het RCCB neemt contact op met het LOCC (bij "
        "spoed 24 uur per dag) en mailt het formulier naar het LOCC. Het LOCC toetst, overlegt "
        "met DOPS-KMar, richt een verzoek aan DJZ en DOPS-KMar (met een afschrift aan het DOC) "
        "en beslist namens de Minister van Justitie en Veiligheid: of, na overleg met de "
        "Minister van Defensie (Pw 2012 art. 57 lid 2), en hoe, in overeenstemming met de "
        "Minister van Defensie (art. 57 lid 3; vaste interpretatie 8 (docs/contract)). De KMar "
        "staat bij de bijstand onder het gezag van de burgemeester (art. 14 lid 1)."
    ),
)
def kmar_openbare_orde(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 3: bijstand by the KMar for public order (Pw art. 57 lid 1).

    The burgemeester (or the regioburgemeester as primus inter pares, see
    `indiener_openbare_orde_militair`) signs the form of the LOCC website; the RCCB contacts
    the LOCC (24/7 when urgent) and e-mails the form to it. The LOCC assesses, consults
    DOPS-KMar, asks DJZ and DOPS-KMar (copy to DOC), and decides on behalf of the Minister of
    JenV whether, after consulting the Minister of Defence (art. 57 lid 2), and how, in
    agreement with that minister (lid 3; contract, interpretation 8). The KMar is then under
    the burgemeester's gezag (art. 14 lid 1).
    """
    indiener = indiener_openbare_orde_militair(situatie)
    toegestaan = kmar_zonder_uitputting(gevraagd)
    route = Route(
        leverancier=Leverancier.KMAR.value,
        middel=None,
        procedure="3",
        grondslag=_GRONDSLAG_57_1,
        indiener=indiener.value,
        contacten=(org.LOCC,),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.LOCC,
        besluit_door=org.LOCC,
        toegestaan=toegestaan.value,
        stappen=_STAPPEN_3[indiener.value],
        bronnen=_LABELS_3,
    )
    return Uitkomst(
        route,
        bron=_BRONNEN_3[0],
        ook=_BRONNEN_3[1:],
        reden=f"KMar, openbare orde: procedure 3; {indiener.reden}",
    )


# --- Procedure 7: justice tasks ---------------------------------------------------------------

#: The officier van justitie's written request via the College (toelichting 7 and 8).
OVJ_COLLEGE_STAP = Stap(
    org.OVJ,
    "De (hoofd)officier van justitie onder wiens leiding het opsporingsonderzoek plaatsvindt "
    "neemt contact op met (de afdeling bestuurlijke en juridische zaken van) het College van "
    "procureurs-generaal. RCCB kan het aanvraagformulier (website LOCC) opmaken, maar de "
    "(hoofd)officier van justitie zendt het in vanuit het arrondissementsparket, niet vanuit "
    "de politie.",
)
PARKET_GENERAAL_STAP = Stap(
    org.PARKET_GENERAAL,
    "Indien het College de aanvraag ondersteunt, leidt het Parket-Generaal haar naar de "
    "afdeling Operationele Zaken en Incidentenmanagement (OZI) van het Ministerie van Justitie "
    "en Veiligheid.",
)
#: The written part of procedures 7 and 8, formalised afterwards when urgent.
JUSTITIE_SCHRIFTELIJK = (OVJ_COLLEGE_STAP, PARKET_GENERAAL_STAP)

_STAPPEN_7 = (
    Stap(
        org.RCCB,
        "Optioneel: lokaal operationeel vooroverleg tussen RCCB van de vragende eenheid en "
        "CCB-KMar (of een andere betrokken KMar-eenheid) over mogelijke bijstand; er kunnen geen "
        "toezeggingen worden gedaan.",
    ),
    Stap(
        org.RCCB,
        "RCCB neemt contact op met LE-POB om te informeren over de voorgenomen bijstandsaanvraag.",
    ),
    OVJ_COLLEGE_STAP,
    # The factsheet's line verbatim; LE-POB acts, as in the BPMN's lane (procedures/definities/
    # kmar.py, taak_korpschef_informeren; issue #8, item 9).
    Stap(
        org.LE_POB,
        "De politie informeert in de eigen lijn de korpschef over de te ontvangen bijstand, "
        "door tussenkomst van de afdeling Preparatie en Operationeel Beheer.",
    ),
    PARKET_GENERAAL_STAP,
    Stap(
        org.OZI,
        "OZI richt een schriftelijk en gespecificeerd verzoek om bijstand aan de Directie "
        "Juridische Zaken (DJZ) van Defensie en aan DOPS-KMar, met tegelijk een afschrift aan "
        "het Defensie Operatiecentrum (DOC).",
    ),
    Stap(
        org.DJZ,
        "DJZ adviseert vanuit zijn verantwoordelijkheid de Secretaris-generaal van Defensie, "
        "als korpsbeheerder van de KMar.",
    ),
    Stap(
        org.C_KMAR,
        "De Commandant KMar adviseert vanuit zijn verantwoordelijkheid de Secretaris-generaal "
        "van Defensie, als korpsbeheerder van de KMar.",
    ),
    Stap(
        org.OZI,
        "OZI bepaalt namens de Minister van Justitie en Veiligheid, na overleg met de Minister "
        "van Defensie (DJZ), of en zo ja op welke wijze bijstand wordt verleend.",
    ),
)
_BRONNEN_7 = (
    TOELICHTING_7,
    ART_57_LID_1,
    ART_57_LID_2,
    ART_57_LID_3,
    ART_14_LID_2,
    STROOMSCHEMA_B,
)
_LABELS_7 = labels(_BRONNEN_7)


@regel(
    *_BRONNEN_7,
    samenvatting=(
        "Procedure 7: bijstand door de KMar voor justitiële taken (Pw 2012 art. 57 lid 1)."
    ),
    toelichting=(
        "De (hoofd)officier van justitie zendt het verzoek vanuit het arrondissementsparket "
        "naar het College van procureurs-generaal; het formulier gaat naar het "
        "Parket-Generaal. Het RCCB informeert LE-POB; de politie informeert in de eigen lijn "
        "de korpschef, door tussenkomst van LE-POB. Steunt het College het verzoek, dan leidt "
        "het Parket-Generaal het naar OZI, dat een verzoek richt aan DJZ en DOPS-KMar (met een "
        "afschrift aan het DOC) en namens de Minister van Justitie en Veiligheid beslist: of, "
        "na overleg met de Minister van Defensie (Pw 2012 art. 57 lid 2), en hoe, in "
        "overeenstemming met de Minister van Defensie (art. 57 lid 3; vaste interpretatie 8 "
        "(docs/contract)). De KMar staat bij de bijstand onder het gezag van de officier van "
        "justitie (art. 14 lid 2)."
    ),
)
def kmar_justitie(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 7: bijstand by the KMar for justice tasks (Pw art. 57 lid 1).

    The (hoofd)officier van justitie submits the request from the arrondissementsparket to
    the College van procureurs-generaal (`formulier_naar` PARKET-GENERAAL); the RCCB informs
    LE-POB, and LE-POB informs the korpschef ("door tussenkomst van de afdeling Preparatie en
    Operationeel Beheer"). If the College supports it, the Parket-Generaal passes it to OZI,
    which asks DJZ and DOPS-KMar (copy to DOC) and decides on behalf of the Minister of JenV
    whether (art. 57 lid 2) and how (lid 3) (contract, interpretation 8). The KMar is then
    under the officier van justitie's gezag (art. 14 lid 2).
    """
    toegestaan = kmar_zonder_uitputting(gevraagd)
    route = Route(
        leverancier=Leverancier.KMAR.value,
        middel=None,
        procedure="7",
        grondslag=_GRONDSLAG_57_1,
        indiener=Indiener.OFFICIER_VAN_JUSTITIE,
        contacten=(org.LE_POB, org.OVJ, org.PARKET_GENERAAL),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.PARKET_GENERAAL,
        besluit_door=org.OZI,
        toegestaan=toegestaan.value,
        stappen=_STAPPEN_7,
        bronnen=_LABELS_7,
    )
    return Uitkomst(
        route,
        bron=_BRONNEN_7[0],
        ook=_BRONNEN_7[1:],
        reden="KMar, justitiële taak: procedure 7 via de officier van justitie",
    )
