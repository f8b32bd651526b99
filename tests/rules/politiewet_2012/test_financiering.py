from __future__ import annotations

import pytest

from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.politiewet_2012.financiering import (
    FNIK_WAARSCHUWING,
    fnik_militaire_inzet,
)
from tests.rules.maak import advies, enige_route, uit_catalogus

JUSTITIE = "strafrechtelijke_handhaving"


@pytest.mark.parametrize(
    ("item", "taak"),
    [
        ({"leverancier": "kmar"}, "openbare_orde"),
        ({"leverancier": "kmar"}, JUSTITIE),
        ({"leverancier": "krijgsmacht"}, "openbare_orde"),
        ({"leverancier": "krijgsmacht", "politie_uitgeput": True}, JUSTITIE),
    ],
)
def test_fnik_militaire_inzet_op_elke_militaire_route_toelichting_10(
    item: dict[str, object], taak: str
) -> None:
    route = enige_route(item, taak=taak)
    uitkomst = fnik_militaire_inzet(route)
    assert uitkomst.value is True
    assert uitkomst.bron == factsheet("toelichting 10")
    assert uitkomst.waarschuwingen == (FNIK_WAARSCHUWING,)
    assert route.bronnen[-1] == "factsheet, toelichting 10"
    assert FNIK_WAARSCHUWING in advies(item, taak=taak).waarschuwingen
    uit_catalogus(fnik_militaire_inzet, uitkomst)


def test_fnik_waarschuwing_noemt_convenant_van_10_juni_2010() -> None:
    assert "Financiering nationale inzet krijgsmacht (FNIK) van 10 juni 2010" in FNIK_WAARSCHUWING
    assert "art. 5 convenant" in FNIK_WAARSCHUWING


@pytest.mark.parametrize(
    "item",
    [
        {"leverancier": "politie"},
        {"leverancier": "middelen_jenv", "middel": "waterwerper"},
        {"leverancier": "buitenland"},
    ],
)
def test_fnik_militaire_inzet_niet_voor_civiele_routes_toelichting_10(
    item: dict[str, object],
) -> None:
    route = enige_route(item)
    assert fnik_militaire_inzet(route).value is False
    assert "factsheet, toelichting 10" not in route.bronnen
    assert FNIK_WAARSCHUWING not in advies(item).waarschuwingen


def test_fnik_waarschuwing_eenmaal_bij_twee_militaire_routes() -> None:
    a = advies({"leverancier": "kmar"}, {"leverancier": "krijgsmacht", "politie_uitgeput": True})
    assert a.waarschuwingen.count(FNIK_WAARSCHUWING) == 1
    assert all(r.bronnen[-1] == "factsheet, toelichting 10" for r in a.routes)
