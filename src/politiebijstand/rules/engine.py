"""The routing engine: `advies_bepalen(Situatie) -> Advies`.

It composes the rules of `politiewet_2012` in the order the contract fixes (interpretations
1 and 13): own capacity, the protection of persons (art. 56 lid 5), the minister's other
tasks, no police task, a bijzondere bijstandseenheid (art. 59), then one route per requested
provider on path A or B, and finally the rules that act on all routes (urgency, forms per
municipality, financing, errata). Every `Uitkomst` used adds its sources to the advice (or to
its route) and its warnings to `Advies.waarschuwingen`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from politiebijstand.rules.advies import Advies, AdviesUitkomst, Gezag, Route
from politiebijstand.rules.bron import Bron
from politiebijstand.rules.politiewet_2012 import (
    bijstand_buiten_factsheet,
    bijstand_buitenland,
    bijstand_eenheden,
    bijstand_gezag,
    bijstand_indiener,
    bijstand_kmar,
    bijstand_krijgsmacht,
    bijstand_middelen,
    bijstand_spoed,
    financiering,
    steunverlening,
)
from politiebijstand.rules.politiewet_2012.bijstand_buiten_factsheet import BuitenFactsheet
from politiebijstand.rules.politiewet_2012.bijstand_gezag import Pad
from politiebijstand.rules.situatie import Gevraagd, Leverancier, Situatie
from politiebijstand.rules.uitkomst import Uitkomst, labels

T = TypeVar("T")

RouteRegel = Callable[[Situatie, Gevraagd], Uitkomst[Route]]

#: Which rule gives the route for a provider on each path of the flowchart.
ROUTEREGELS: dict[tuple[Leverancier, Pad], RouteRegel] = {
    (Leverancier.POLITIE, Pad.OPENBARE_ORDE): bijstand_eenheden.eenheden_openbare_orde,
    (Leverancier.POLITIE, Pad.JUSTITIE): bijstand_eenheden.eenheden_justitie,
    (Leverancier.MIDDELEN_JENV, Pad.OPENBARE_ORDE): bijstand_middelen.middelen_jenv,
    (Leverancier.MIDDELEN_JENV, Pad.JUSTITIE): bijstand_middelen.middelen_jenv,
    (Leverancier.KMAR, Pad.OPENBARE_ORDE): bijstand_kmar.kmar_openbare_orde,
    (Leverancier.KMAR, Pad.JUSTITIE): bijstand_kmar.kmar_justitie,
    (Leverancier.KRIJGSMACHT, Pad.OPENBARE_ORDE): bijstand_krijgsmacht.krijgsmacht_openbare_orde,
    (Leverancier.KRIJGSMACHT, Pad.JUSTITIE): bijstand_krijgsmacht.krijgsmacht_justitie,
    (Leverancier.BUITENLAND, Pad.OPENBARE_ORDE): bijstand_buitenland.buitenland_openbare_orde,
    (Leverancier.BUITENLAND, Pad.JUSTITIE): bijstand_buitenland.buitenland_justitie_rechtshulp,
}


class _Verslag:
    """Collects the sources and warnings of the outcomes used, without duplicates, in order."""

    __slots__ = ("bronnen", "waarschuwingen")

    def __init__(self) -> None:
        self.bronnen: dict[Bron, None] = {}
        self.waarschuwingen: dict[str, None] = {}

    def gebruik(self, uitkomst: Uitkomst[T], *, bronnen: bool = True) -> T:
        """The outcome's value; records its warnings and (unless `bronnen` is false) sources."""
        if bronnen:
            self.bronnen.update(dict.fromkeys(uitkomst.bronnen))
        self.waarschuwingen.update(dict.fromkeys(uitkomst.waarschuwingen))
        return uitkomst.value

    def gebruik_als_van_toepassing(self, uitkomst: Uitkomst[T]) -> T:
        """The outcome's value; records its sources and warnings only when the value is truthy."""
        if uitkomst.value:
            self.gebruik(uitkomst)
        return uitkomst.value

    def advies(
        self,
        uitkomst: AdviesUitkomst,
        gezag: Gezag | None,
        routes: tuple[Route, ...] = (),
        buiten: BuitenFactsheet | None = None,
    ) -> Advies:
        return Advies(
            uitkomst=uitkomst,
            gezag=gezag,
            routes=routes,
            waarschuwingen=tuple(self.waarschuwingen),
            bronnen=labels(self.bronnen),
            grondslag=buiten.grondslag if buiten else None,
            besluit_door=buiten.besluit_door if buiten else None,
        )


def _met_bronnen(route: Route, extra: Iterable[Bron]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*route.bronnen, *labels(extra))))


def advies_bepalen(situatie: Situatie) -> Advies:
    """Compute the routing advice for a situation.

    Args:
        situatie: a valid situation (build it from untrusted input with `situatie_from_dict`).

    Returns:
        The `Advies`: the outcome, the gezag, one route per requested provider when the outcome
        is `bijstand` (in the order of `situatie.gevraagd`), the warnings and the sources.
        Pure: no I/O, no clock; the same input always gives an equal advice.

    Raises:
        ValueError: a `Situatie` built in code without a field that `situatie_from_dict`
            requires (`indicatie_misdrijf` for a missing person, `aanvrager` for no police
            task, `middel` for Ministry resources), or with a municipality it would refuse.

    Bron: docs/contract/advies.md (interpretations 1-13); factsheet, stroomschema and
    toelichting 1-12; Politiewet 2012 art. 11, 12, 14, 42, 56, 57, 58, 59.
    """
    verslag = _Verslag()
    eigen = verslag.gebruik(bijstand_gezag.eigen_capaciteit(situatie))
    gezag = verslag.gebruik(bijstand_gezag.gezag_voor_taak(situatie))
    if eigen:
        return verslag.advies(AdviesUitkomst.EIGEN_CAPACITEIT, gezag)
    personen = bijstand_buiten_factsheet.beveiliging_personen(situatie)
    if buiten := verslag.gebruik_als_van_toepassing(personen):
        return verslag.advies(AdviesUitkomst.BUITEN_FACTSHEET, gezag, buiten=buiten)
    if verslag.gebruik_als_van_toepassing(bijstand_gezag.taak_onder_gezag_minister(situatie)):
        return verslag.advies(AdviesUitkomst.GEZAG_MINISTER, gezag)
    if gezag is None:
        uitkomst = verslag.gebruik(steunverlening.militaire_steunverlening(situatie))
        return verslag.advies(uitkomst, gezag)
    bbe = bijstand_buiten_factsheet.bijzondere_bijstandseenheid(situatie, gezag)
    if buiten := verslag.gebruik_als_van_toepassing(bbe):
        return verslag.advies(AdviesUitkomst.BUITEN_FACTSHEET, gezag, buiten=buiten)

    pad = verslag.gebruik(bijstand_gezag.pad_voor_situatie(situatie, gezag))
    routes: list[Route] = []
    for gevraagd in situatie.gevraagd:
        route = verslag.gebruik(
            ROUTEREGELS[(gevraagd.leverancier, pad)](situatie, gevraagd), bronnen=False
        )
        extra: list[Bron] = []
        if situatie.spoed:
            spoed = bijstand_spoed.stappen_bij_spoed(situatie, route)
            contacten = bijstand_spoed.contacten_bij_spoed(situatie, route)
            if spoed.value is not route.stappen:
                route = replace(route, stappen=spoed.value, contacten=contacten.value)
                extra += spoed.bronnen
        fnik = financiering.fnik_militaire_inzet(route)
        if verslag.gebruik(fnik, bronnen=False):
            extra += fnik.bronnen
        if extra:
            route = replace(route, bronnen=_met_bronnen(route, extra))
        per_route = bijstand_indiener.formulieren_van_route(situatie, route)
        routes.append(replace(route, formulieren=verslag.gebruik(per_route, bronnen=False)))

    procedures = frozenset(r.procedure for r in routes)
    formulieren = bijstand_indiener.formulieren_per_gemeente(situatie, routes)
    if formulieren.value > 1:
        verslag.gebruik(formulieren)
    verslag.gebruik_als_van_toepassing(
        bijstand_gezag.erratum_vermissing_militaire_bijstand(situatie, procedures)
    )
    verslag.gebruik_als_van_toepassing(
        bijstand_krijgsmacht.convenant_zonder_procedure_8(situatie, procedures)
    )
    if not routes:
        verslag.waarschuwingen["Er is geen leverancier van bijstand gevraagd."] = None
    return verslag.advies(AdviesUitkomst.BIJSTAND, gezag, tuple(routes))


def aanvraagbare_routes(advies: Advies) -> tuple[Route, ...]:
    """The routes of an advice for which a bijstandsverzoek can be made in this system.

    Only for the outcome `bijstand`, and only routes that are `toegestaan` and follow a
    procedure of the factsheet: `rechtshulp` runs outside this system (separate procedures of
    criminal procedure via the officier van justitie; contract, interpretation 9). Empty when
    nothing can be requested: then no "Bijstandsverzoek aanmaken" is offered.

    The one place that says which routes can be requested: the wizard, the request form and
    the request service call it rather than filtering `Advies.routes` themselves.

    Returns:
        The routes, in the advice's order.

    Bron: factsheet, stroomschema B, Buitenland ("afzonderlijke strafvorderlijke procedures");
    shared/contract/advies.md, interpretation 9.
    """
    if advies.uitkomst is not AdviesUitkomst.BIJSTAND:
        return ()
    return tuple(r for r in advies.routes if r.toegestaan and r.procedure != "rechtshulp")


def wat_nu(route: Route) -> str | None:
    """What to do instead of a route that is not allowed (Dutch, for the user); else None.

    See `bijstand_krijgsmacht.wat_nu_bij_niet_toegestaan` (factsheet, stroomschema A and B,
    toelichting 4 and 8).
    """
    return bijstand_krijgsmacht.wat_nu_bij_niet_toegestaan(route).value
