"""Financiering nationale inzet krijgsmacht (FNIK): factsheet, toelichting 10.

The convenant of 10 June 2010 between the ministries makes a yearly budget available to the
Ministry of Defence from which the additional costs of military assistance (bijstand) and
militaire steunverlening are reimbursed.
"""

from __future__ import annotations

from politiebijstand.rules.advies import Route
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.situatie import Leverancier
from politiebijstand.rules.uitkomst import Uitkomst

FNIK = factsheet("toelichting 10")

FNIK_WAARSCHUWING = (
    "Financiering: additionele uitgaven voor militaire bijstand (KMar en andere delen van de "
    "krijgsmacht) en militaire steunverlening worden vergoed uit het budget van het convenant "
    "Financiering nationale inzet krijgsmacht (FNIK) van 10 juni 2010. Defensie garandeert de "
    "inzet als aan de procedures, randvoorwaarden en regels voor het aanvragen is voldaan, ook "
    "als de middelen niet toereikend blijken. Bij een uitzonderlijk grootschalige of langdurige "
    "inzet kan daarvan in onderling overleg worden afgeweken (art. 5 convenant; factsheet, "
    "toelichting 10)."
)

_MILITAIR = frozenset({Leverancier.KMAR.value, Leverancier.KRIJGSMACHT.value})


@regel(
    FNIK,
    samenvatting=(
        "Extra kosten van militaire bijstand worden vergoed uit de financiering nationale "
        "inzet krijgsmacht (FNIK)."
    ),
    toelichting=(
        "Toelichting 10: op grond van het convenant van 10 juni 2010 wordt jaarlijks een "
        "bedrag aan het Ministerie van Defensie ter beschikking gesteld, waaruit additionele "
        "uitgaven voor militaire bijstand en steunverlening worden vergoed. Elke militaire "
        "route telt: de KMar (procedures 3 en 7) en andere delen van de krijgsmacht "
        "(procedures 4 en 8), ook als de route niet is toegestaan, zodat de aanvrager het "
        "vooraf weet."
    ),
)
def fnik_militaire_inzet(route: Route) -> Uitkomst[bool]:
    """Whether the additional costs of a route are reimbursed under the FNIK convenant.

    Every military route counts: the KMar (procedures 3 and 7) and the other parts of the
    armed forces (procedures 4 and 8), whether or not the route is allowed, so that the user
    knows before asking. The note goes into the advice's warnings and "factsheet, toelichting
    10" into the route's sources.
    """
    if route.leverancier in _MILITAIR:
        return _FNIK_JA
    return _FNIK_NEE


_FNIK_JA = Uitkomst(
    True,
    bron=FNIK,
    reden="militaire bijstand: additionele uitgaven vergoed uit FNIK",
    waarschuwingen=(FNIK_WAARSCHUWING,),
)
_FNIK_NEE = Uitkomst(False, bron=FNIK, reden="geen militaire inzet: FNIK niet van toepassing")
