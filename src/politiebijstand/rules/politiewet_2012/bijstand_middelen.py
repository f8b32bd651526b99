"""Middelen van het Ministerie van JenV (factsheet, toelichting 2): procedure 2.

Water cannons, guard containers and vehicles for heightened mobile surveillance (VRT) are
owned by the Ministry and managed by the Instituut Fysieke Veiligheid / Materieel en Logistiek
(IFV-ML). They may be used under the burgemeester or the officier van justitie. The factsheet
names no article of the Politiewet for them.
"""

from __future__ import annotations

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import Formulier, Indiener, Route, Stap
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.situatie import Gevraagd, Leverancier, Middel, Situatie
from politiebijstand.rules.uitkomst import Uitkomst, labels

TOELICHTING_2 = factsheet("toelichting 2")
STROOMSCHEMA = factsheet("stroomschema A/B, Middelen Ministerie van Veiligheid en Justitie")


@regel(
    TOELICHTING_2,
    samenvatting=(
        "Middelen van het Ministerie van Justitie en Veiligheid vraagt het RCCB zelf aan."
    ),
    toelichting=(
        "In toelichting 2 neemt het RCCB contact op met het LOCC (waterwerper) of met DB3 van "
        "de NCTV (bewakingscontainers en VRT-voertuigen) en stuurt het zelf het formulier. "
        "Anders dan bij de andere procedures ondertekent geen burgemeester of officier van "
        "justitie; bij een daadwerkelijke inzet moet uit het formulier wel blijken wie het "
        "bevoegd gezag is (vaste interpretatie 6 (docs/contract))."
    ),
)
def indiener_middelen() -> Uitkomst[Indiener]:
    """The RCCB itself requests Ministry resources (contract, interpretation 6).

    Toelichting 2 has the RCCB contact the LOCC (water cannon) or DB3 (containers, VRT) and
    send the form; unlike the other procedures, no burgemeester or officier van justitie
    signs. For a real deployment the form must show who holds gezag.
    """
    return _INDIENER


_INDIENER = Uitkomst(
    Indiener.RCCB, bron=TOELICHTING_2, reden="RCCB vraagt middelen van JenV zelf aan"
)

# --- Water cannon -------------------------------------------------------------------------

WATERWERPER_CONTACTSTAP = Stap(
    org.RCCB,
    "RCCB neemt voor de inzet van een waterwerper (ook bij oefeningen) contact op met het "
    "LOCC; bij spoed kan dit 24 uur per dag.",
)
_WATERWERPER_TOETSING = Stap(
    org.LOCC,
    "Het LOCC toetst de aanvraag, legt contact met de beheersorganisatie (IFV-ML) en "
    "coördineert de verdere inzet met RCCB.",
)
_WATERWERPER_FORMULIER = Stap(
    org.RCCB,
    "RCCB stuurt het aanvraagformulier (website LOCC) per e-mail naar het LOCC; bij een "
    "daadwerkelijke inzet moet uit het formulier blijken wie het bevoegd gezag is.",
)
_WATERWERPER_FORMULIER_OEFENING = Stap(
    org.RCCB,
    "RCCB stuurt het aanvraagformulier (website LOCC) per e-mail naar het LOCC; bij een "
    "oefening hoeft het bevoegd gezag niet op het formulier te staan.",
)
_STAPPEN_WATERWERPER = (WATERWERPER_CONTACTSTAP, _WATERWERPER_TOETSING, _WATERWERPER_FORMULIER)
_STAPPEN_OEFENING = (
    WATERWERPER_CONTACTSTAP,
    _WATERWERPER_TOETSING,
    _WATERWERPER_FORMULIER_OEFENING,
)
_BRONNEN_WATERWERPER = (TOELICHTING_2, STROOMSCHEMA)
_LABELS_WATERWERPER = labels(_BRONNEN_WATERWERPER)
#: The written part, sent afterwards when urgent ("bij spoed achteraf").
WATERWERPER_SCHRIFTELIJK = (_WATERWERPER_FORMULIER, _WATERWERPER_FORMULIER_OEFENING)

OEFENING_WAARSCHUWING = (
    "Oefening met een waterwerper: uit het aanvraagformulier hoeft niet te blijken wie het "
    "bevoegd gezag is; bij een daadwerkelijke inzet wel (factsheet, toelichting 2)."
)


@regel(
    *_BRONNEN_WATERWERPER,
    samenvatting=(
        "Procedure 2 voor een waterwerper: het RCCB vraagt het LOCC, dat toetst en beslist."
    ),
    toelichting=(
        "'Voor inzet van een waterwerper (ook bij oefeningen) neemt RCCB contact op met het "
        "LOCC.' Het LOCC toetst de aanvraag, legt contact met de beheersorganisatie en "
        "coördineert de verdere inzet. Het RCCB mailt het formulier van de website van het "
        "LOCC naar het LOCC, bij spoed achteraf. Bij een daadwerkelijke inzet blijkt uit het "
        "formulier wie het bevoegd gezag is; bij een oefening hoeft dat niet, en het advies "
        "zegt dat (vaste interpretatie 6 (docs/contract))."
    ),
)
def middelen_waterwerper(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 2 for a water cannon: the RCCB asks the LOCC, which assesses and decides.

    "Voor inzet van een waterwerper (ook bij oefeningen) neemt RCCB contact op met het LOCC."
    The LOCC assesses, contacts the managing organisation and coordinates; the RCCB e-mails
    the form (website LOCC) to the LOCC, afterwards when urgent. For a real deployment the form
    shows the competent authority; for an exercise it need not (a warning says so).
    """
    oefening = gevraagd.oefening
    route = Route(
        leverancier=Leverancier.MIDDELEN_JENV.value,
        middel=Middel.WATERWERPER.value,
        procedure="2",
        grondslag=None,
        indiener=indiener_middelen().value,
        contacten=(org.LOCC,),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.LOCC,
        besluit_door=org.LOCC,
        toegestaan=True,
        stappen=_STAPPEN_OEFENING if oefening else _STAPPEN_WATERWERPER,
        bronnen=_LABELS_WATERWERPER,
    )
    return Uitkomst(
        route,
        bron=TOELICHTING_2,
        ook=(STROOMSCHEMA,),
        reden="waterwerper: procedure 2 via het LOCC" + (" (oefening)" if oefening else ""),
        waarschuwingen=(OEFENING_WAARSCHUWING,) if oefening else (),
    )


# --- Guard containers and VRT vehicles ----------------------------------------------------

_DB3_CONTACT = Stap(
    org.RCCB,
    "RCCB neemt contact op met de piketambtenaar van de directie Bewaken, Beveiligen en "
    "Burgerluchtvaart (DB3) van de NCTV.",
)
_DB3_TOETSING = Stap(
    org.NCTV_DB3,
    "DB3 toetst de inzet en verstrekt al dan niet toestemming tot inzet aan RCCB, in afschrift "
    "aan de beheersorganisatie.",
)
_DB3_BEHEER = Stap(org.RCCB, "RCCB neemt zelf contact op met de beheersorganisatie (IFV-ML).")
_STAPPEN_DB3 = (_DB3_CONTACT, _DB3_TOETSING, _DB3_BEHEER)
_BRONNEN_DB3 = (TOELICHTING_2, STROOMSCHEMA)
_LABELS_DB3 = labels(_BRONNEN_DB3)

DB3_SPOED_WAARSCHUWING = (
    "Spoed: de factsheet noemt voor bewakingscontainers en VRT-voertuigen geen aparte "
    "spoedprocedure; neem direct contact op met de piketambtenaar van DB3 (factsheet, "
    "toelichting 2)."
)
DB3_FORMULIER_WAARSCHUWING = (
    "Bewakingscontainers en VRT-voertuigen: het stroomschema verwijst naar het formulier op de "
    "website van het LOCC, maar volgens toelichting 2 toetst DB3 van de NCTV de inzet en geeft "
    "DB3 de toestemming. Het verzoek gaat daarom naar DB3, niet naar het LOCC."
)


@regel(
    *_BRONNEN_DB3,
    samenvatting=(
        "Procedure 2 voor een bewakingscontainer of VRT-voertuig: DB3 van de NCTV toetst en "
        "beslist."
    ),
    toelichting=(
        "'Voor inzet van bewakingscontainers of VRT-voertuigen neemt RCCB contact op met de "
        "piketambtenaar van de directie Bewaken, Beveiligen en Burgerluchtvaart (DB3) van de "
        "NCTV. DB3 toetst de inzet en verstrekt (al dan niet) toestemming tot inzet aan RCCB, "
        "in afschrift aan de beheersorganisatie.' Daarna neemt het RCCB zelf contact op met de "
        "beheersorganisatie. Toelichting 2 is specifieker dan het stroomschema, dat naar het "
        "LOCC verwijst: het verzoek gaat naar DB3 en DB3 beslist (vaste interpretatie 6 "
        "(docs/contract)). De factsheet noemt hier geen spoedprocedure."
    ),
)
def middelen_bewakingscontainer_vrt(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 2 for a guard container or VRT vehicle: NCTV's DB3 assesses and decides.

    "Voor inzet van bewakingscontainers of VRT-voertuigen neemt RCCB contact op met de
    piketambtenaar van de directie Bewaken, Beveiligen en Burgerluchtvaart (DB3) van de NCTV.
    DB3 toetst de inzet en verstrekt (al dan niet) toestemming", in copy to the managing
    organisation, which the RCCB then contacts itself. Toelichting 2 is more specific than the
    flowchart (which points to the LOCC): `formulier_naar` and `besluit_door` are NCTV-DB3
    (contract, interpretation 6). The factsheet names no urgent procedure here.
    """
    middel = gevraagd.middel
    if middel not in (Middel.BEWAKINGSCONTAINER, Middel.VRT_VOERTUIG):
        raise ValueError(f"not a DB3 resource: {middel}")
    route = Route(
        leverancier=Leverancier.MIDDELEN_JENV.value,
        middel=middel.value,
        procedure="2",
        grondslag=None,
        indiener=indiener_middelen().value,
        contacten=(org.NCTV_DB3, org.IFV_ML),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.NCTV_DB3,
        besluit_door=org.NCTV_DB3,
        toegestaan=True,
        stappen=_STAPPEN_DB3,
        bronnen=_LABELS_DB3,
    )
    waarschuwingen: tuple[str, ...] = (DB3_FORMULIER_WAARSCHUWING,)
    if situatie.spoed:
        waarschuwingen += (DB3_SPOED_WAARSCHUWING,)
    return Uitkomst(
        route,
        bron=TOELICHTING_2,
        ook=(STROOMSCHEMA,),
        reden=f"{middel.value}: procedure 2 via DB3 van de NCTV",
        waarschuwingen=waarschuwingen,
    )


@regel(
    TOELICHTING_2,
    samenvatting=(
        "Een middel van het ministerie volgt procedure 2 via het LOCC (waterwerper) of via DB3 "
        "(bewakingscontainer, VRT-voertuig)."
    ),
    toelichting=(
        "Deze middelen kunnen worden ingezet onder gezag van de burgemeester en onder gezag "
        "van de officier van justitie (toelichting 2); het pad van het stroomschema maakt voor "
        "de route dus niet uit."
    ),
)
def middelen_jenv(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Which route of procedure 2 a Ministry resource takes: LOCC or DB3.

    A water cannon goes via the LOCC (`middelen_waterwerper`); a guard container or a VRT
    vehicle via DB3 of the NCTV (`middelen_bewakingscontainer_vrt`). Both may serve the
    burgemeester and the officier van justitie: the path of the flowchart does not matter.

    Raises:
        ValueError: `gevraagd.middel` is missing (`situatie_from_dict` requires it).
    """
    if gevraagd.middel is Middel.WATERWERPER:
        return middelen_waterwerper(situatie, gevraagd)
    if gevraagd.middel is None:
        raise ValueError("middel is required for leverancier middelen_jenv")
    return middelen_bewakingscontainer_vrt(situatie, gevraagd)
