"""Bijstand door andere delen van de krijgsmacht (Pw 2012 art. 58): procedures 4 en 8.

In special cases (bijzondere gevallen, art. 58 lid 1) other parts of the armed forces may give
bijstand: when police or KMar cannot provide it, for example for capacities or specialisms
found only in the armed forces. For public order the LOCC decides on behalf of the Minister of
JenV after DJZ's decision on behalf of the Minister of Defence (toelichting 4); for justice
tasks OZI (toelichting 8). A convenant may shorten procedure 8 (footnote 4).
"""

from __future__ import annotations

from collections.abc import Collection

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import Formulier, Grondslag, Indiener, Route, Stap
from politiebijstand.rules.bron import POLITIEWET_2012, factsheet, politiewet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.politiewet_2012.bijstand_indiener import (
    indiener_openbare_orde_militair,
)
from politiebijstand.rules.politiewet_2012.bijstand_kmar import (
    OVJ_COLLEGE_STAP,
    PARKET_GENERAAL_STAP,
)
from politiebijstand.rules.situatie import Gevraagd, Leverancier, Situatie
from politiebijstand.rules.uitkomst import Uitkomst, labels

ART_58_LID_1 = politiewet("58", "1")
ART_58_LID_2 = politiewet("58", "2")
#: Soldiers giving bijstand are under the burgemeester (14 lid 1) or the officier van justitie
#: (14 lid 2), by 14 lid 4 (issue #8, item 9).
ART_14_LID_1 = politiewet("14", "1")
ART_14_LID_2 = politiewet("14", "2")
ART_14_LID_4 = politiewet("14", "4")
TOELICHTING_4 = factsheet("toelichting 4")
TOELICHTING_8 = factsheet("toelichting 8")
CONVENANT = factsheet("toelichting 8, voetnoot 4")
STROOMSCHEMA_A = factsheet("stroomschema A, ander deel krijgsmacht")
STROOMSCHEMA_B = factsheet("stroomschema B, ander deel krijgsmacht")


# --- Conditions (contract, interpretation 5) -----------------------------------------------

_VOORWAARDE_A = (
    "Toegepaste voorwaarde voor de krijgsmacht bij de openbare orde (procedure 4): het "
    "specialisme is bij politie en KMar niet beschikbaar, of de capaciteit van politie én KMar "
    "is uitgeput (de getrapte volgorde politie, KMar, krijgsmacht). De factsheet formuleert dit "
    "verschillend: het stroomschema zegt 'Politie- of KMar capaciteiten moeten uitgeput zijn of "
    "specialisme binnen politie of KMar is niet beschikbaar', toelichting 4 'als de politie of "
    "de KMar niet kunnen voorzien in een bijstandsaanvraag'; Pw 2012 art. 58 lid 1 spreekt van "
    "'bijzondere gevallen'."
)
_VOORWAARDE_B = (
    "Toegepaste voorwaarde voor de krijgsmacht bij een justitiële taak (procedure 8): het "
    "specialisme is bij politie en KMar niet beschikbaar, of de politiecapaciteit is uitgeput "
    "(stroomschema B: 'Politiecapaciteit moet uitgeput zijn of specialisme binnen politie of "
    "KMar is niet beschikbaar'). Toelichting 8 noemt ook de KMar ('als de nationale politie of "
    "de KMar niet kunnen voorzien'); dit advies volgt het stroomschema. Pw 2012 art. 58 lid 1 "
    "spreekt van 'bijzondere gevallen'."
)


#: What to do instead when the armed forces may not (yet) be asked, per procedure: the tiered
#: order of the flowchart (police, KMar, armed forces) and LE-POB's check of exhaustion
#: (toelichting 4 and 8, first steps).
WAT_NU: dict[str, str] = {
    "4": (
        "Vraag in plaats daarvan bijstand van een andere politie-eenheid (procedure 1) of van de "
        "KMar (procedure 3; daarvoor hoeft de politie niet uitgeput te zijn). De krijgsmacht kan "
        "pas worden gevraagd als de capaciteit van politie én KMar is uitgeput, of als het "
        "specialisme bij politie en KMar ontbreekt; LE-POB toetst dat."
    ),
    "8": (
        "Vraag in plaats daarvan bijstand van een andere politie-eenheid (procedure 6) of van de "
        "KMar (procedure 7; daarvoor hoeft de politie niet uitgeput te zijn). De krijgsmacht kan "
        "pas worden gevraagd als de politiecapaciteit is uitgeput, of als het specialisme bij "
        "politie en KMar ontbreekt; LE-POB toetst dat."
    ),
}


def _toetsing(
    *,
    procedure: str,
    specialisme: bool,
    ontbreekt: tuple[str, ...],
    voorwaarde: str,
    bron_tekst: str,
) -> tuple[tuple[str, ...], str, str]:
    """(bezwaren, reden, note) for a condition that is met via specialism or exhaustion."""
    if specialisme:
        reden = "toegestaan: het specialisme is bij politie en KMar niet beschikbaar"
        return (), reden, f"Krijgsmacht, procedure {procedure}, {reden}. {voorwaarde}"
    if not ontbreekt:
        reden = "toegestaan: de vereiste capaciteit is uitgeput"
        return (), reden, f"Krijgsmacht, procedure {procedure}, {reden}. {voorwaarde}"
    reden = "niet toegestaan: " + "; ".join(ontbreekt)
    bezwaar = (
        f"Niet toegestaan ({bron_tekst}): " + "; ".join(ontbreekt) + ", en het specialisme is "
        "niet opgegeven als ontbrekend bij politie en KMar."
    )
    noot = f"Krijgsmacht, procedure {procedure}, {reden}. {WAT_NU[procedure]} {voorwaarde}"
    return (bezwaar,), reden, noot


@regel(
    STROOMSCHEMA_A,
    TOELICHTING_4,
    ART_58_LID_1,
    samenvatting=(
        "De krijgsmacht mag voor de openbare orde alleen worden gevraagd als het specialisme "
        "bij politie en KMar ontbreekt, of als politie én KMar zijn uitgeput."
    ),
    toelichting=(
        "Dit is de getrapte volgorde politie, KMar, krijgsmacht (vaste interpretatie 5 "
        "(docs/contract)). Het stroomschema zegt 'Politie- of KMar capaciteiten moeten "
        "uitgeput zijn of specialisme binnen politie of KMar is niet beschikbaar', toelichting "
        "4 'als de politie of de KMar niet kunnen voorzien in een bijstandsaanvraag'; Pw 2012 "
        "art. 58 lid 1 spreekt van 'bijzondere gevallen'. Is niet aan de voorwaarde voldaan, "
        "dan is de route niet toegestaan en noemt het advies het bezwaar met zijn bron. Het "
        "advies zegt welke voorwaarde het heeft toegepast."
    ),
)
def voorwaarde_krijgsmacht_openbare_orde(gevraagd: Gevraagd) -> Uitkomst[tuple[str, ...]]:
    """Whether the armed forces may be asked for public order; the value is the bezwaren.

    Allowed when the specialism is available at neither police nor KMar
    (`specialisme_niet_beschikbaar`), or when both police and KMar capacity are exhausted
    (`politie_uitgeput` and `kmar_uitgeput`): the tiered order police, KMar, armed forces
    (contract, interpretation 5). An empty tuple means allowed; otherwise one bezwaar naming the
    unmet conditions and the source. The note in the warnings says which condition was applied.
    """
    ontbreekt = tuple(
        tekst
        for vervuld, tekst in (
            (gevraagd.politie_uitgeput, "de politiecapaciteit is niet uitgeput"),
            (gevraagd.kmar_uitgeput, "de KMar-capaciteit is niet uitgeput"),
        )
        if not vervuld
    )
    bezwaren, reden, noot = _toetsing(
        procedure="4",
        specialisme=gevraagd.specialisme_niet_beschikbaar,
        ontbreekt=ontbreekt,
        voorwaarde=_VOORWAARDE_A,
        bron_tekst="factsheet, stroomschema A en toelichting 4; Pw 2012 art. 58 lid 1",
    )
    return Uitkomst(
        bezwaren,
        bron=STROOMSCHEMA_A,
        ook=(TOELICHTING_4, ART_58_LID_1),
        reden=reden,
        waarschuwingen=(noot,),
    )


@regel(
    STROOMSCHEMA_B,
    TOELICHTING_8,
    ART_58_LID_1,
    samenvatting=(
        "De krijgsmacht mag voor een justitiële taak alleen worden gevraagd als het "
        "specialisme bij politie en KMar ontbreekt, of als de politiecapaciteit is uitgeput."
    ),
    toelichting=(
        "Stroomschema B: 'Politiecapaciteit moet uitgeput zijn of specialisme binnen politie "
        "of KMar is niet beschikbaar.' Toelichting 8 noemt ook de KMar ('als de nationale "
        "politie of de KMar niet kunnen voorzien'); het advies volgt het stroomschema en zegt "
        "dat (vaste interpretatie 5 (docs/contract)). Uitputting van de KMar is op pad B dus "
        "niet vereist. Pw 2012 art. 58 lid 1 spreekt van 'bijzondere gevallen'."
    ),
)
def voorwaarde_krijgsmacht_justitie(gevraagd: Gevraagd) -> Uitkomst[tuple[str, ...]]:
    """Whether the armed forces may be asked for a justice task; the value is the bezwaren.

    Allowed when the specialism is available at neither police nor KMar, or when police
    capacity is exhausted (flowchart B; contract, interpretation 5). KMar exhaustion is not
    required on path B. An empty tuple means allowed; otherwise one bezwaar with its source.
    """
    ontbreekt = () if gevraagd.politie_uitgeput else ("de politiecapaciteit is niet uitgeput",)
    bezwaren, reden, noot = _toetsing(
        procedure="8",
        specialisme=gevraagd.specialisme_niet_beschikbaar,
        ontbreekt=ontbreekt,
        voorwaarde=_VOORWAARDE_B,
        bron_tekst="factsheet, stroomschema B en toelichting 8; Pw 2012 art. 58 lid 1",
    )
    return Uitkomst(
        bezwaren,
        bron=STROOMSCHEMA_B,
        ook=(TOELICHTING_8, ART_58_LID_1),
        reden=reden,
        waarschuwingen=(noot,),
    )


# --- Procedure 4: public order --------------------------------------------------------------

P4_CONTACTSTAP = Stap(org.RCCB, "RCCB neemt contact op met LE-POB.")
_P4_FORMULIER = Stap(
    org.RCCB, "RCCB stelt het aanvraagformulier op (formulier op de website van het LOCC)."
)
_P4_VOOR_ONDERTEKENING = (
    Stap(
        org.RCCB,
        "Optioneel: lokaal operationeel vooroverleg tussen RCCB van de vragende eenheid en de "
        "Officier Veiligheidsregio (OVR) in de eenheid waar bijstand nodig is; er kunnen geen "
        "toezeggingen worden gedaan.",
    ),
    P4_CONTACTSTAP,
    Stap(
        org.LE_POB,
        "LE-POB toetst of de Nationale Politie daadwerkelijk is uitgeput en of het gewenste "
        "resultaat niet anderszins met eigen middelen kan worden bereikt.",
    ),
    Stap(
        org.LE_POB,
        "LE-POB geeft toestemming tot het aanvragen van militaire bijstand en informeert RCCB en "
        "LOCC.",
    ),
    _P4_FORMULIER,
)
_P4_ONDERTEKENING = {
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
_P4_NA_ONDERTEKENING = (
    Stap(org.RCCB, "RCCB verzendt het aanvraagformulier per e-mail naar het LOCC."),
    Stap(
        org.LOCC,
        "Het LOCC verwerkt de aanvraag in zijn capaciteitsoverzichten en zo nodig in het "
        "multidisciplinair landelijk operationeel beeld.",
    ),
    Stap(
        org.LOCC,
        "Het LOCC toetst de aanvraag, onder andere om de noodzaak van inzet van de krijgsmacht "
        "vast te stellen, en bekijkt of er bij politie of andere hulpdiensten civiele capaciteit "
        "beschikbaar is.",
    ),
    Stap(org.LOCC, "Het LOCC informeert de korpschef van politie, via LE-POB."),
    Stap(
        org.LOCC,
        "Het LOCC richt een verzoek om bijstand aan de Directie Juridische Zaken (DJZ) van "
        "Defensie, met tegelijk een afschrift aan het Defensie Operatiecentrum (DOC).",
    ),
    Stap(
        org.DJZ,
        "DJZ neemt namens de Minister van Defensie (gemandateerd) het besluit tot bijstand of de "
        "afwijzing daarvan.",
    ),
    Stap(org.DJZ, "DJZ informeert het LOCC over het genomen besluit."),
    Stap(
        org.LOCC,
        "Het LOCC bepaalt namens de Minister van Justitie en Veiligheid of en zo ja op welke "
        "wijze bijstand wordt verleend; over de wijze in overeenstemming met de Minister van "
        "Defensie (DJZ) (Pw 2012 art. 58 lid 2; de factsheet zegt 'na overleg', zie erratum).",
    ),
    Stap(
        org.LOCC,
        "Het LOCC informeert het RCCB en legt zo nodig de operationele contacten binnen de "
        "aanvragende eenheid, al dan niet via de Officier Veiligheidsregio (OVR).",
    ),
)
_STAPPEN_4 = {
    indiener: (*_P4_VOOR_ONDERTEKENING, ondertekening, *_P4_NA_ONDERTEKENING)
    for indiener, ondertekening in _P4_ONDERTEKENING.items()
}
#: The written part of procedure 4, formalised afterwards when urgent.
P4_SCHRIFTELIJK = (_P4_FORMULIER, *_P4_ONDERTEKENING.values(), _P4_NA_ONDERTEKENING[0])
_BRONNEN_4 = (
    TOELICHTING_4,
    ART_58_LID_1,
    ART_58_LID_2,
    ART_14_LID_4,
    ART_14_LID_1,
    STROOMSCHEMA_A,
)
_LABELS_4 = labels(_BRONNEN_4)
_GRONDSLAG_58_1 = Grondslag(regeling=POLITIEWET_2012, artikel="58", lid="1")


@regel(
    *_BRONNEN_4,
    samenvatting=(
        "Procedure 4: bijstand door andere delen van de krijgsmacht voor de openbare orde (Pw "
        "2012 art. 58 lid 1)."
    ),
    toelichting=(
        "Het RCCB neemt contact op met LE-POB, dat toetst of de politie werkelijk is uitgeput "
        "en toestemming geeft om militaire bijstand aan te vragen. Het formulier van de "
        "website van het LOCC, ondertekend door of namens de burgemeester (of de "
        "regioburgemeester als primus inter pares), gaat naar het LOCC. DJZ beslist namens de "
        "Minister van Defensie; daarna beslist het LOCC namens de Minister van Justitie en "
        "Veiligheid (vaste interpretatie 8 (docs/contract)). De route is alleen toegestaan "
        "onder de voorwaarde voor de krijgsmacht bij de openbare orde. Een convenant verandert "
        "deze procedure niet. De militairen staan bij de bijstand onder het gezag van de "
        "burgemeester (Pw 2012 art. 14 lid 4 met lid 1)."
    ),
)
def krijgsmacht_openbare_orde(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 4: bijstand by other parts of the armed forces for public order (art. 58 lid 1).

    The RCCB contacts LE-POB, which checks that the police are really exhausted and allows the
    request, then e-mails the form (LOCC website), signed by or for the burgemeester (or the
    regioburgemeester as primus inter pares), to the LOCC. DJZ decides on behalf of the Minister
    of Defence; the LOCC then decides on behalf of the Minister of JenV (`besluit_door` LOCC;
    contract, interpretation 8). Allowed only under `voorwaarde_krijgsmacht_openbare_orde`.
    """
    indiener = indiener_openbare_orde_militair(situatie)
    voorwaarde = voorwaarde_krijgsmacht_openbare_orde(gevraagd)
    route = Route(
        leverancier=Leverancier.KRIJGSMACHT.value,
        middel=None,
        procedure="4",
        grondslag=_GRONDSLAG_58_1,
        indiener=indiener.value,
        contacten=(org.LE_POB, org.LOCC),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.LOCC,
        besluit_door=org.LOCC,
        toegestaan=not voorwaarde.value,
        bezwaren=voorwaarde.value,
        stappen=_STAPPEN_4[indiener.value],
        bronnen=_LABELS_4,
    )
    waarschuwingen = voorwaarde.waarschuwingen + erratum_overleg_procedure_4().waarschuwingen
    if situatie.convenant:
        waarschuwingen += (_CONVENANT_NIET_OPENBARE_ORDE,)
    return Uitkomst(
        route,
        bron=_BRONNEN_4[0],
        ook=_BRONNEN_4[1:],
        reden=f"krijgsmacht, openbare orde: procedure 4; {voorwaarde.reden}",
        waarschuwingen=waarschuwingen,
    )


#: Erratum: toelichting 4 says "na overleg", Pw 2012 art. 58 lid 2 "in overeenstemming".
ERRATUM_OVERLEG_4 = (
    "Erratum factsheet: toelichting 4 zegt dat het LOCC 'namens de Minister van Veiligheid en "
    "Justitie en na overleg met de Minister van Defensie (DJZ)' bepaalt of, en zo ja, op welke "
    "wijze, bijstand wordt verleend. Pw 2012 art. 58 lid 2 zegt dat over de wijze wordt beslist "
    "'in overeenstemming met' de Minister van Defensie. De wet gaat voor: zonder overeenstemming "
    "met Defensie over de wijze kan het LOCC geen bijstand toekennen, en een afwijzing door DJZ "
    "bindt."
)


@regel(
    ART_58_LID_2,
    TOELICHTING_4,
    samenvatting=(
        "Erratum: bij procedure 4 beslist het LOCC over de wijze in overeenstemming met de "
        "Minister van Defensie, niet alleen na overleg."
    ),
    toelichting=(
        "Toelichting 4: 'Namens de Minister van Veiligheid en Justitie en na overleg met de "
        "Minister van Defensie (DJZ) bepaalt het LOCC of, en zo ja, op welke wijze, bijstand "
        "wordt verleend.' Pw 2012 art. 58 lid 2 vraagt overeenstemming met de Minister van "
        "Defensie over de wijze; toelichting 8 zegt het wel zo. De wet gaat voor; het advies "
        "waarschuwt en noemt beide teksten (vaste interpretatie 3 (docs/contract))."
    ),
)
def erratum_overleg_procedure_4() -> Uitkomst[bool]:
    """Procedure 4's decision needs agreement with Defence on the manner, not only consultation.

    Erratum: toelichting 4 says the LOCC decides "na overleg met de Minister van Defensie
    (DJZ)"; Pw 2012 art. 58 lid 2 says the manner is decided "in overeenstemming met" the
    Minister of Defence (toelichting 8 says so too). The law prevails, with a warning citing
    both texts (contract, interpretation 3). The value is True: agreement is required.
    """
    return _ERRATUM_OVERLEG_4


_ERRATUM_OVERLEG_4 = Uitkomst(
    True,
    bron=ART_58_LID_2,
    ook=(TOELICHTING_4,),
    reden="Pw 2012 art. 58 lid 2: de wijze in overeenstemming met de Minister van Defensie",
    waarschuwingen=(ERRATUM_OVERLEG_4,),
)


_CONVENANT_NIET_OPENBARE_ORDE = (
    "Convenant: de factsheet kent convenanten alleen voor justitiële defensiebijstand "
    "(procedure 8, voetnoot 4). Voor de openbare orde (procedure 4) geldt de volledige procedure."
)


# --- Procedure 8: justice tasks ---------------------------------------------------------------

_STAPPEN_8 = (
    Stap(org.RCCB, "RCCB neemt contact op met LE-POB."),
    Stap(
        org.LE_POB,
        "LE-POB toetst of de Nationale Politie daadwerkelijk is uitgeput en of het gewenste "
        "resultaat niet anderszins met eigen middelen kan worden bereikt.",
    ),
    Stap(org.LE_POB, "LE-POB informeert RCCB en LOCC."),
    OVJ_COLLEGE_STAP,
    PARKET_GENERAAL_STAP,
    Stap(
        org.OZI,
        "OZI richt een schriftelijk en gespecificeerd verzoek om bijstand aan de Directie "
        "Juridische Zaken (DJZ) van Defensie, met tegelijk een afschrift aan het Defensie "
        "Operatiecentrum (DOC).",
    ),
    Stap(
        org.DJZ,
        "DJZ neemt namens de Minister van Defensie (gemandateerd) het besluit tot bijstand of de "
        "afwijzing daarvan.",
    ),
    Stap(org.DJZ, "DJZ informeert OZI over het genomen besluit."),
    Stap(
        org.OZI,
        "OZI bepaalt namens de Minister van Justitie en Veiligheid, in overeenstemming met de "
        "Minister van Defensie (DJZ), of en zo ja op welke wijze bijstand wordt verleend.",
    ),
    # Footnote 4: "te allen tijde", so also on the full route (issue #8, item 5), as in the
    # BPMN: after OZI's (partial) grant, when the deployment is known.
    Stap(
        org.LE_POB,
        "LE-POB informeert de korpsleiding over de inzet van de krijgsmacht ten behoeve van "
        "politietaken (dit moet te allen tijde gebeuren), na een (gedeeltelijke) toekenning door "
        "OZI.",
    ),
)
_STAPPEN_CONVENANT = (
    Stap(
        org.OVJ,
        "De (hoofd)officier van justitie vraagt de bijstand aan volgens de afspraken van het "
        "convenant tussen de Ministeries van Justitie en Veiligheid en Defensie; de gehele "
        "procedure 8 hoeft niet te worden gevolgd.",
    ),
    Stap(
        org.RCCB,
        "RCCB meldt de inzet van de krijgsmacht in de politielijn aan LE-POB.",
    ),
    Stap(
        org.LE_POB,
        "LE-POB informeert de korpsleiding over de inzet van de krijgsmacht ten behoeve van "
        "politietaken (dit moet te allen tijde gebeuren).",
    ),
)
#: Footnote 4 is a source of every route of procedure 8: the korpsleiding is informed "te
#: allen tijde", with or without a convenant.
_BRONNEN_8 = (
    TOELICHTING_8,
    ART_58_LID_1,
    ART_58_LID_2,
    ART_14_LID_4,
    ART_14_LID_2,
    STROOMSCHEMA_B,
    CONVENANT,
)
_LABELS_8 = labels(_BRONNEN_8)

CONVENANT_WAARSCHUWING = (
    "Convenant: voor deze vorm van justitiële defensiebijstand geldt een convenant tussen de "
    "Ministeries van Justitie en Veiligheid en Defensie, zodat niet de gehele procedure 8 "
    "hoeft te worden gevolgd. Controleer of het convenant deze inzet dekt. De korpsleiding "
    "moet in de politielijn te allen tijde worden geïnformeerd over de inzet van de "
    "krijgsmacht, via LE-POB (factsheet, toelichting 8, voetnoot 4)."
)


@regel(
    CONVENANT,
    STROOMSCHEMA_B,
    ART_58_LID_1,
    samenvatting=(
        "Een convenant verkort procedure 8 als die route is toegestaan; de korpsleiding wordt "
        "altijd via LE-POB geïnformeerd."
    ),
    toelichting=(
        "Voetnoot 4: 'Voor sommige vormen van justitiële defensiebijstand zijn (...) "
        "convenanten afgesloten. Op basis van zo'n convenant hoeft niet de gehele procedure "
        "gevolgd te worden. Wel dient in de politielijn te allen tijde de korpsleiding "
        "geïnformeerd te worden over inzet van de krijgsmacht ten behoeve van politietaken, "
        "door tussenkomst van afdeling Preparatie en Operationeel Beheer.' Of een convenant de "
        "inzet dekt, is een menselijk oordeel. Alleen de stappen veranderen; de andere "
        "gegevens van de route blijven gelijk (vaste interpretatie 10 (docs/contract)).\n\n"
        "Een convenant verkort de procedure voor een verzoek dat mag worden gedaan; het heft "
        "de voorwaarde van Pw 2012 art. 58 lid 1 en stroomschema B niet op. Is de route niet "
        "toegestaan, dan wordt de verkorte route niet toegepast: de stappen blijven die van de "
        "volledige procedure 8, ter informatie, en een waarschuwing zegt waarom."
    ),
)
def convenant_procedure_8(situatie: Situatie, *, toegestaan: bool = True) -> Uitkomst[bool]:
    """Whether procedure 8 takes the convenant's short route (footnote 4).

    "Voor sommige vormen van justitiële defensiebijstand zijn ... convenanten afgesloten. Op
    basis van zo'n convenant hoeft niet de gehele procedure gevolgd te worden. Wel dient in de
    politielijn te allen tijde de korpsleiding geïnformeerd te worden over inzet van de
    krijgsmacht ten behoeve van politietaken, door tussenkomst van afdeling Preparatie en
    Operationeel Beheer." Whether a convenant covers the case is a human judgement
    (`Situatie.convenant`). Only the steps change; the other fields of the route stay
    (contract, interpretation 10). A convenant shortens the procedure of a request that may be
    made; it does not lift the condition of art. 58 lid 1 and flowchart B. When the route is not
    allowed (`toegestaan` false) the short route is not applied, so the advice does not present
    it as if the deployment will happen: the steps stay those of the full procedure 8, for
    information, and a warning says why.
    """
    if not situatie.convenant:
        return _CONVENANT_NEE
    if not toegestaan:
        return _CONVENANT_NIET_TOEGESTAAN
    return _CONVENANT_JA


_CONVENANT_JA = Uitkomst(
    True,
    bron=CONVENANT,
    reden="een convenant dekt deze justitiële defensiebijstand: verkorte route",
    waarschuwingen=(CONVENANT_WAARSCHUWING,),
)
_CONVENANT_NEE = Uitkomst(False, bron=CONVENANT, reden="geen convenant: de volledige procedure")
_CONVENANT_NIET_TOEGESTAAN = Uitkomst(
    False,
    bron=CONVENANT,
    ook=(STROOMSCHEMA_B, ART_58_LID_1),
    reden="convenant niet toegepast: de krijgsmacht mag (nog) niet worden gevraagd",
    waarschuwingen=(
        "Convenant niet toegepast: een convenant verkort alleen de procedure voor justitiële "
        "defensiebijstand die mag worden gevraagd (factsheet, toelichting 8, voetnoot 4). Aan de "
        "voorwaarde voor inzet van de krijgsmacht is niet voldaan (factsheet, stroomschema B; "
        "Pw 2012 art. 58 lid 1), dus de verkorte route geldt niet. De stappen van procedure 8 "
        "staan er ter informatie: ze gelden pas als aan de voorwaarde is voldaan.",
    ),
)


@regel(
    *_BRONNEN_8,
    samenvatting=(
        "Procedure 8: bijstand door andere delen van de krijgsmacht voor justitiële taken (Pw "
        "2012 art. 58 lid 1)."
    ),
    toelichting=(
        "Het RCCB neemt contact op met LE-POB, dat toetst of de politie is uitgeput en RCCB en "
        "LOCC informeert. De (hoofd)officier van justitie zendt het verzoek vanuit het "
        "arrondissementsparket naar het College van procureurs-generaal; het formulier gaat "
        "naar het Parket-Generaal, dat het naar OZI leidt. DJZ beslist namens de Minister van "
        "Defensie, OZI namens de Minister van Justitie en Veiligheid (vaste interpretatie 8 "
        "(docs/contract)). Na een (gedeeltelijke) toekenning informeert LE-POB de "
        "korpsleiding: dat moet 'te allen tijde' (voetnoot 4), dus ook op de volledige route. "
        "De route is alleen toegestaan onder de voorwaarde voor de "
        "krijgsmacht bij een justitiële taak; de stappen volgen de regel over het convenant. "
        "De militairen staan bij de bijstand onder het gezag van de officier van justitie (Pw "
        "2012 art. 14 lid 4 met lid 2)."
    ),
)
def krijgsmacht_justitie(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 8: bijstand by other parts of the armed forces for justice tasks (art. 58 lid 1).

    The RCCB contacts LE-POB, which checks that the police are exhausted and informs RCCB and
    LOCC; the (hoofd)officier van justitie submits the request from the arrondissementsparket to
    the College van procureurs-generaal (`formulier_naar` PARKET-GENERAAL), which passes it to
    OZI; DJZ decides on behalf of the Minister of Defence, OZI on behalf of the Minister of JenV
    (`besluit_door` OZI; contract, interpretation 8); after a (partial) grant LE-POB informs the
    korpsleiding ("te allen tijde", footnote 4; issue #8, item 5). Allowed only under
    `voorwaarde_krijgsmacht_justitie`; the steps follow `convenant_procedure_8`.
    """
    voorwaarde = voorwaarde_krijgsmacht_justitie(gevraagd)
    convenant = convenant_procedure_8(situatie, toegestaan=not voorwaarde.value)
    route = Route(
        leverancier=Leverancier.KRIJGSMACHT.value,
        middel=None,
        procedure="8",
        grondslag=_GRONDSLAG_58_1,
        indiener=Indiener.OFFICIER_VAN_JUSTITIE,
        contacten=(org.LE_POB, org.OVJ, org.PARKET_GENERAAL),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.PARKET_GENERAAL,
        besluit_door=org.OZI,
        toegestaan=not voorwaarde.value,
        bezwaren=voorwaarde.value,
        stappen=_STAPPEN_CONVENANT if convenant.value else _STAPPEN_8,
        bronnen=_LABELS_8,
    )
    return Uitkomst(
        route,
        bron=_BRONNEN_8[0],
        ook=_BRONNEN_8[1:],
        reden=f"krijgsmacht, justitiële taak: procedure 8; {voorwaarde.reden}; {convenant.reden}",
        waarschuwingen=voorwaarde.waarschuwingen + convenant.waarschuwingen,
    )


@regel(
    CONVENANT,
    samenvatting=(
        "Een opgegeven convenant zonder route van procedure 8 wordt niet toegepast, met een "
        "waarschuwing."
    ),
    toelichting=(
        "Een convenant verandert alleen procedure 8 (vaste interpretatie 10 (docs/contract)). "
        "Is een convenant opgegeven maar wordt de krijgsmacht niet voor een justitiële taak "
        "gevraagd, dan zegt een waarschuwing dat het niet is toegepast; bij procedure 4 geeft "
        "die route zelf een waarschuwing."
    ),
)
def convenant_zonder_procedure_8(situatie: Situatie, procedures: Collection[str]) -> Uitkomst[bool]:
    """Whether `convenant` was given although no route of procedure 8 is advised.

    A convenant changes only procedure 8 (contract, interpretation 10). When it is set but no
    armed forces are asked for a justice task, a warning says it was not applied (procedure 4
    gives its own warning).
    """
    if situatie.convenant and "8" not in procedures and "4" not in procedures:
        return _CONVENANT_GENEGEERD
    return _CONVENANT_NIET_GENEGEERD


_CONVENANT_GENEGEERD = Uitkomst(
    True,
    bron=CONVENANT,
    reden="convenant opgegeven zonder justitiële defensiebijstand",
    waarschuwingen=(
        "Convenant: een convenant verkort alleen procedure 8 (andere delen van de krijgsmacht "
        "voor een justitiële taak; factsheet, toelichting 8, voetnoot 4). In dit advies komt "
        "procedure 8 niet voor; het convenant is niet toegepast.",
    ),
)
_CONVENANT_NIET_GENEGEERD = Uitkomst(
    False, bron=CONVENANT, reden="convenant niet opgegeven of toegepast op procedure 8"
)


@regel(
    STROOMSCHEMA_A,
    STROOMSCHEMA_B,
    TOELICHTING_4,
    TOELICHTING_8,
    samenvatting=(
        "Is de krijgsmacht niet toegestaan, dan zegt het advies wat in plaats daarvan kan: "
        "politie of KMar vragen, of eerst aan de voorwaarde voldoen."
    ),
    toelichting=(
        "Een route die niet is toegestaan, mag niet lezen als een opdracht. De getrapte "
        "volgorde van het stroomschema geeft de alternatieven: een andere politie-eenheid "
        "(procedure 1 of 6) of de KMar (procedure 3 of 7, zonder uitputting van de politie); "
        "de krijgsmacht pas als aan haar voorwaarde is voldaan, wat LE-POB toetst (toelichting "
        "4 en 8, eerste stappen). Dezelfde tekst staat in de waarschuwing over de voorwaarde."
    ),
)
def wat_nu_bij_niet_toegestaan(route: Route) -> Uitkomst[str | None]:
    """What to do instead when a route of procedure 4 or 8 is not allowed; None otherwise.

    A route that is not allowed must not read as a call to action. The flowchart's tiered
    order gives the alternatives: another police unit (procedure 1 or 6) or the KMar
    (procedure 3 or 7, no exhaustion needed); the armed forces only once their condition is
    met, which LE-POB checks (toelichting 4 and 8, first steps). The same text is part of the
    warning of `voorwaarde_krijgsmacht_openbare_orde` and `voorwaarde_krijgsmacht_justitie`.
    """
    if route.toegestaan or route.procedure not in WAT_NU:
        return Uitkomst(None, bron=STROOMSCHEMA_A, reden="toegestaan: niets anders te doen")
    bron = STROOMSCHEMA_A if route.procedure == "4" else STROOMSCHEMA_B
    toelichting = TOELICHTING_4 if route.procedure == "4" else TOELICHTING_8
    return Uitkomst(
        WAT_NU[route.procedure],
        bron=bron,
        ook=(toelichting,),
        reden=f"procedure {route.procedure} niet toegestaan: eerst politie of KMar",
    )
