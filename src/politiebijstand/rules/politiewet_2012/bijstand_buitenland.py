"""Bijstand door buitenlandse politiediensten, op verdragsbasis: procedure 5 en rechtshulp.

Treaties (BeNeLux, Enschede, Prüm) let foreign police units give bijstand in the Netherlands.
For public order the RCCB contacts LE-POB, which brings in the LOCC for coordination and
formalisation (toelichting 5). For a justice task "gelden afzonderlijke strafvorderlijke
procedures" via the officier van justitie (flowchart B, Buitenland). The factsheet names no
article of the Politiewet for either.
"""

from __future__ import annotations

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import Formulier, Indiener, Route, Stap
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.situatie import Gevraagd, Leverancier, Situatie
from politiebijstand.rules.uitkomst import Uitkomst, labels

TOELICHTING_5 = factsheet("toelichting 5")
STROOMSCHEMA_A = factsheet("stroomschema A, Buitenland")
STROOMSCHEMA_B = factsheet("stroomschema B, Buitenland")

P5_CONTACTSTAP = Stap(
    org.RCCB,
    "RCCB neemt contact op met LE-POB over het verzoek om bijstand van buitenlandse "
    "politie-eenheden (verdragen: BeNeLux, Enschede, Prüm); bij spoed kan dit 24 uur per dag.",
)
_STAPPEN_5 = (
    P5_CONTACTSTAP,
    Stap(
        org.LE_POB,
        "Zodra duidelijk is om welk soort bijstand het gaat, neemt LE-POB contact op met het "
        "LOCC voor verdere coördinatie en formalisatie van de gevraagde bijstand.",
    ),
    Stap(
        org.BURGEMEESTER,
        "De burgemeester dient het aanvraagformulier (website LOCC) in bij het LOCC.",
    ),
    Stap(
        org.LOCC,
        "Het LOCC coördineert en formaliseert de gevraagde bijstand op basis van het verdrag.",
    ),
)
_BRONNEN_5 = (TOELICHTING_5, STROOMSCHEMA_A)
_LABELS_5 = labels(_BRONNEN_5)


@regel(
    *_BRONNEN_5,
    samenvatting=(
        "Procedure 5: bijstand door buitenlandse politie voor de openbare orde, op grond van "
        "een verdrag."
    ),
    toelichting=(
        "Het RCCB neemt contact op met LE-POB (bij spoed 24 uur per dag). Zodra duidelijk is "
        "om welk soort bijstand het gaat, neemt LE-POB contact op met het LOCC voor verdere "
        "coördinatie en formalisatie. De burgemeester dient in; het formulier van de website "
        "van het LOCC gaat naar het LOCC, dat beslist (vaste interpretatie 9 (docs/contract)). "
        "Het land is alleen ter informatie. De factsheet noemt hiervoor geen artikel van de "
        "Politiewet 2012."
    ),
)
def buitenland_openbare_orde(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 5: bijstand by foreign police for public order, on the basis of a treaty.

    The RCCB contacts LE-POB (24/7 when urgent); once the kind of bijstand is clear, LE-POB
    contacts the LOCC for coordination and formalisation. The burgemeester submits; the form of
    the LOCC website goes to the LOCC, which decides (contract, interpretation 9). `land` is
    informative only.
    """
    land = f" ({gevraagd.land})" if gevraagd.land else ""
    route = Route(
        leverancier=Leverancier.BUITENLAND.value,
        middel=None,
        procedure="5",
        grondslag=None,
        indiener=Indiener.BURGEMEESTER,
        contacten=(org.LE_POB, org.LOCC),
        formulier=Formulier.WEBSITE_LOCC,
        formulier_naar=org.LOCC,
        besluit_door=org.LOCC,
        toegestaan=True,
        stappen=_STAPPEN_5,
        bronnen=_LABELS_5,
    )
    return Uitkomst(
        route,
        bron=TOELICHTING_5,
        ook=(STROOMSCHEMA_A,),
        reden=f"buitenlandse politie{land}, openbare orde: procedure 5 op verdragsbasis",
    )


_STAPPEN_RECHTSHULP = (
    Stap(org.RCCB, "RCCB neemt contact op met de officier van justitie."),
    Stap(
        org.OVJ,
        "De officier van justitie volgt de afzonderlijke strafvorderlijke procedures voor "
        "bijstand van buitenlandse politie (verdragen: BeNeLux, Enschede, Prüm); deze vallen "
        "buiten de factsheet.",
    ),
)
_LABELS_RECHTSHULP = labels((STROOMSCHEMA_B,))

RECHTSHULP_WAARSCHUWING = (
    "Buitenlandse politie voor een justitiële taak: hiervoor gelden afzonderlijke "
    "strafvorderlijke procedures (rechtshulp) via de officier van justitie. De factsheet "
    "beschrijft die niet; dit advies noemt daarom geen formulier en geen beslisser "
    "(factsheet, stroomschema B, Buitenland)."
)


@regel(
    STROOMSCHEMA_B,
    samenvatting=(
        "Buitenlandse politie voor een justitiële taak: rechtshulp via de officier van justitie."
    ),
    toelichting=(
        "Stroomschema B, Buitenland: 'Neem contact op met de officier van justitie. Hiervoor "
        "gelden afzonderlijke strafvorderlijke procedures.' De officier van justitie dient in; "
        "de factsheet beschrijft die procedures niet, dus het advies noemt geen formulier en "
        "geen beslisser (vaste interpretatie 9 (docs/contract))."
    ),
)
def buitenland_justitie_rechtshulp(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Foreign police on a justice task: procedure "rechtshulp" via the officier van justitie.

    Flowchart B: "Neem contact op met de officier van justitie. Hiervoor gelden afzonderlijke
    strafvorderlijke procedures." The officier van justitie submits; no form, no decider in
    this system (contract, interpretation 9).
    """
    route = Route(
        leverancier=Leverancier.BUITENLAND.value,
        middel=None,
        procedure="rechtshulp",
        grondslag=None,
        indiener=Indiener.OFFICIER_VAN_JUSTITIE,
        contacten=(org.OVJ,),
        formulier=None,
        formulier_naar=None,
        besluit_door=None,
        toegestaan=True,
        stappen=_STAPPEN_RECHTSHULP,
        bronnen=_LABELS_RECHTSHULP,
    )
    return Uitkomst(
        route,
        bron=STROOMSCHEMA_B,
        reden="buitenlandse politie, justitiële taak: rechtshulp via de officier van justitie",
        waarschuwingen=(RECHTSHULP_WAARSCHUWING,),
    )
