"""The JSON shape of `Advies.to_dict()` as docs/contract/advies.md fixes it, as an assertion."""

from __future__ import annotations

from typing import Any

from politiebijstand.rules import (
    AdviesUitkomst,
    Formulier,
    Gezag,
    Indiener,
    Leverancier,
    Middel,
    Zienswijze,
)
from politiebijstand.rules.organisatiecodes import ORGANISATIECODES

ADVIES_VELDEN = {
    "uitkomst",
    "gezag",
    "grondslag",
    "besluit_door",
    "routes",
    "waarschuwingen",
    "bronnen",
}
ROUTE_VELDEN = {
    "leverancier",
    "middel",
    "procedure",
    "grondslag",
    "indiener",
    "contacten",
    "formulier",
    "formulier_naar",
    "besluit_door",
    "toegestaan",
    "bezwaren",
    "zienswijze_regioburgemeester",
    "stappen",
    "bronnen",
    "formulieren",
}
PROCEDURES = {"1", "2", "3", "4", "5", "6", "7", "8", "rechtshulp"}
FORMULIER_NAAR = {"LE-POB", "LOCC", "NCTV-DB3", "PARKET-GENERAAL"}
BESLUIT_DOOR = {"KORPSCHEF", "LOCC", "NCTV-DB3", "OZI"}


def _waarden(enum: Any) -> set[str]:
    return {e.value for e in enum}


def _teksten(waarde: Any) -> None:
    assert type(waarde) is list
    for tekst in waarde:
        assert type(tekst) is str
        assert tekst.strip()


def _optioneel(waarde: Any, toegestaan: set[str]) -> None:
    assert waarde is None or (type(waarde) is str and waarde in toegestaan), waarde


def controleer_advies(advies: dict[str, Any]) -> None:
    """Assert that `advies` has exactly the contract's keys, types and allowed values."""
    assert set(advies) == ADVIES_VELDEN
    assert type(advies["uitkomst"]) is str
    assert advies["uitkomst"] in _waarden(AdviesUitkomst)
    _optioneel(advies["gezag"], _waarden(Gezag))
    _teksten(advies["waarschuwingen"])
    _teksten(advies["bronnen"])
    assert len(advies["bronnen"]) >= 1
    assert type(advies["routes"]) is list
    if advies["uitkomst"] != AdviesUitkomst.BIJSTAND.value:
        assert advies["routes"] == []
    # Interpretation 13: the advice's own grondslag and besluit_door, only outside the factsheet.
    if advies["uitkomst"] == AdviesUitkomst.BUITEN_FACTSHEET.value:
        controleer_grondslag(advies["grondslag"])
        assert advies["grondslag"]["artikel"] in {"56", "59"}
        assert advies["besluit_door"] == "MINISTER-JENV"
        assert advies["gezag"] is not None
    else:
        assert (advies["grondslag"], advies["besluit_door"]) == (None, None)
    for route in advies["routes"]:
        controleer_route(route)


def controleer_route(route: dict[str, Any]) -> None:
    """Assert the contract's shape of one `routes[]` item."""
    assert set(route) == ROUTE_VELDEN
    assert route["leverancier"] in _waarden(Leverancier)
    _optioneel(route["middel"], _waarden(Middel))
    assert (route["middel"] is not None) is (route["leverancier"] == "middelen_jenv")
    assert type(route["procedure"]) is str
    assert route["procedure"] in PROCEDURES
    if route["grondslag"] is not None:
        controleer_grondslag(route["grondslag"])
    assert type(route["indiener"]) is str
    assert route["indiener"] in _waarden(Indiener)
    assert type(route["contacten"]) is list
    assert route["contacten"]
    assert all(type(c) is str and c in ORGANISATIECODES for c in route["contacten"])
    _optioneel(route["formulier"], _waarden(Formulier))
    _optioneel(route["formulier_naar"], FORMULIER_NAAR)
    _optioneel(route["besluit_door"], BESLUIT_DOOR)
    assert type(route["toegestaan"]) is bool
    _teksten(route["bezwaren"])
    assert bool(route["bezwaren"]) is (not route["toegestaan"])
    _optioneel(route["zienswijze_regioburgemeester"], _waarden(Zienswijze))
    assert (route["zienswijze_regioburgemeester"] is not None) is (route["procedure"] in {"1", "6"})
    assert type(route["stappen"]) is list
    assert route["stappen"]
    for stap in route["stappen"]:
        assert set(stap) == {"actor", "handeling"}
        assert type(stap["actor"]) is str
        assert stap["actor"] in ORGANISATIECODES
        assert type(stap["handeling"]) is str
        assert stap["handeling"].strip()
    _teksten(route["bronnen"])
    assert route["bronnen"]
    controleer_formulieren(route)


def controleer_grondslag(grondslag: Any) -> None:
    """Assert the contract's shape of a `grondslag` object (of a route or of the advice)."""
    assert type(grondslag) is dict
    assert set(grondslag) == {"regeling", "artikel", "lid"}
    assert type(grondslag["regeling"]) is str
    assert type(grondslag["artikel"]) is str
    assert grondslag["lid"] is None or type(grondslag["lid"]) is str


def controleer_formulieren(route: dict[str, Any]) -> None:
    """Assert the contract's `routes[].formulieren` (interpretation 12) of one route."""
    formulieren = route["formulieren"]
    assert type(formulieren) is list
    assert formulieren
    zienswijzen = set()
    for formulier in formulieren:
        assert set(formulier) == {"gemeente", "indiener", "zienswijze_regioburgemeester"}
        assert formulier["gemeente"] is None or type(formulier["gemeente"]) is str
        assert formulier["indiener"] in _waarden(Indiener)
        _optioneel(formulier["zienswijze_regioburgemeester"], _waarden(Zienswijze))
        zienswijzen.add(formulier["zienswijze_regioburgemeester"])
    if route["indiener"] != "burgemeester" or formulieren[0]["gemeente"] is None:
        assert formulieren == [
            {
                "gemeente": None,
                "indiener": route["indiener"],
                "zienswijze_regioburgemeester": route["zienswijze_regioburgemeester"],
            }
        ]
        return
    assert all(f["gemeente"] is not None for f in formulieren)
    assert all(f["indiener"] == "burgemeester" for f in formulieren)
    if route["zienswijze_regioburgemeester"] is None:
        assert zienswijzen == {None}
    elif "vereist" in zienswijzen:
        assert route["zienswijze_regioburgemeester"] == "vereist"
