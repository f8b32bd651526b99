"""Builders of test input: situations go through `situatie_from_dict`, as real input does."""

from __future__ import annotations

from typing import Any

from politiebijstand.rules import Advies, Gevraagd, Route, Situatie, advies_bepalen
from politiebijstand.rules.catalogus import regel_van
from politiebijstand.rules.situatie import situatie_from_dict
from politiebijstand.rules.uitkomst import Uitkomst


def situatie(*gevraagd: dict[str, Any], **velden: Any) -> Situatie:
    """A validated `Situatie`: not own capacity, public order, the given providers."""
    data: dict[str, Any] = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "gevraagd": list(gevraagd),
    }
    data.update(velden)
    return situatie_from_dict(data)


def gevraagd(leverancier: str, **velden: Any) -> Gevraagd:
    """One validated `Gevraagd` item."""
    return situatie({"leverancier": leverancier, **velden}).gevraagd[0]


def advies(*gevraagd: dict[str, Any], **velden: Any) -> Advies:
    """The engine's advice for `situatie(*gevraagd, **velden)`."""
    return advies_bepalen(situatie(*gevraagd, **velden))


def enige_route(*gevraagd: dict[str, Any], **velden: Any) -> Route:
    """The only route of the engine's advice."""
    routes = advies(*gevraagd, **velden).routes
    assert len(routes) == 1
    return routes[0]


def actoren(route: Route) -> list[str]:
    """The acting organisations of the route's steps, in order."""
    return [s.actor for s in route.stappen]


def uit_catalogus(func: Any, uitkomst: Uitkomst[Any]) -> None:
    """Assert that every source of `uitkomst` is registered for `func` in the catalogue."""
    geregistreerd = set(regel_van(func).bronnen)
    assert set(uitkomst.bronnen) <= geregistreerd, (uitkomst.bronnen, geregistreerd)
