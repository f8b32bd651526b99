"""Every source the engine cites exists: factsheet sections are the factsheet's real headings."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest

from politiebijstand.rules import Advies, Politietaak, advies_bepalen, situatie_from_dict
from politiebijstand.rules.bron import FACTSHEET, FACTSHEET_ONDERDELEN, factsheet
from politiebijstand.rules.catalogus import regels
from tests.conftest import CASES_DIR

_GEVRAAGD: tuple[dict[str, Any], ...] = (
    {"leverancier": "politie"},
    {"leverancier": "middelen_jenv", "middel": "waterwerper"},
    {"leverancier": "middelen_jenv", "middel": "waterwerper", "oefening": True},
    {"leverancier": "middelen_jenv", "middel": "bewakingscontainer"},
    {"leverancier": "middelen_jenv", "middel": "vrt_voertuig"},
    {"leverancier": "kmar"},
    {"leverancier": "krijgsmacht"},
    {"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True},
    {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True},
    {"leverancier": "buitenland", "land": "BE"},
)


def _situaties() -> Iterator[dict[str, Any]]:
    """Every task (with each crime indication and requester) with every provider, urgent or
    not, with or without convenant, tied to one or to several municipalities."""
    for taak in Politietaak:
        for indicatie, aanvrager in itertools.product(
            (False, True), ("burgemeester", "officier_van_justitie")
        ):
            for item, spoed, convenant, locatie in itertools.product(
                _GEVRAAGD, (False, True), (False, True), (False, True)
            ):
                yield {
                    "eigen_capaciteit_toereikend": False,
                    "taak": taak.value,
                    "indicatie_misdrijf": indicatie,
                    "aanvrager": aanvrager,
                    "spoed": spoed,
                    "convenant": convenant,
                    "locatiegebonden": locatie,
                    "gemeenten": ["Utrecht", "Nieuwegein"] if locatie else [],
                    "gevraagd": [item],
                }
    yield {"eigen_capaciteit_toereikend": True, "taak": "openbare_orde"}
    for pad in sorted(CASES_DIR.glob("*.json")):
        yield json.loads(pad.read_text(encoding="utf-8"))["situatie"]


ADVIEZEN: tuple[Advies, ...] = tuple(advies_bepalen(situatie_from_dict(s)) for s in _situaties())


def _labels(advies: Advies) -> Iterator[str]:
    yield from advies.bronnen
    for route in advies.routes:
        yield from route.bronnen


def test_factsheet_onderdelen_zijn_de_koppen_van_de_factsheet() -> None:
    assert {"stroomschema stap 1", "stroomschema stap 2", "Contactgegevens"} < FACTSHEET_ONDERDELEN
    assert {f"toelichting {n}" for n in range(1, 13)} < FACTSHEET_ONDERDELEN
    assert "stroomschema B, Buitenland" in FACTSHEET_ONDERDELEN
    assert "toelichting 8, voetnoot 4" in FACTSHEET_ONDERDELEN
    assert "Politie en bevoegd gezag, voetnoot 2" in FACTSHEET_ONDERDELEN
    for fout in (
        "toelichting rechtshulp",
        "toelichting 13",
        "toelichting 9, voetnoot 4",
        "voetnoot 7",
        "stroomschema C, Politie",
        "stroomschema A/B, 'bij spoed 24/7'",
    ):
        assert fout not in FACTSHEET_ONDERDELEN
        with pytest.raises(ValueError, match="not a section of the factsheet"):
            factsheet(fout)


def test_elke_factsheetbron_in_de_catalogus_is_een_echt_onderdeel() -> None:
    for regel in regels():
        for bron in regel.bronnen:
            if bron.regeling == FACTSHEET:
                assert bron.onderdeel in FACTSHEET_ONDERDELEN, (regel.naam, bron)


def test_elk_factsheetlabel_in_een_advies_is_een_echt_onderdeel() -> None:
    gezien: set[str] = set()
    for advies in ADVIEZEN:
        for label in _labels(advies):
            if label.startswith("factsheet"):
                onderdeel = label.removeprefix("factsheet, ")
                assert onderdeel in FACTSHEET_ONDERDELEN, label
                gezien.add(onderdeel)
            else:
                assert label.startswith(
                    ("Pw 2012 art. ", "Regeling militaire steunverlening in het openbaar belang")
                ), label
    # The grid reaches every procedure, so the check is not vacuous.
    assert {f"toelichting {n}" for n in range(1, 13) if n != 9} <= gezien
    assert "stroomschema B, Buitenland" in gezien
    assert "toelichting rechtshulp" not in gezien


def test_eerste_bron_van_een_route_is_de_beschrijving_van_de_procedure() -> None:
    procedures: set[str] = set()
    for advies in ADVIEZEN:
        for route in advies.routes:
            procedures.add(route.procedure)
            if route.procedure == "rechtshulp":
                assert route.bronnen[0] == "factsheet, stroomschema B, Buitenland"
            else:
                assert route.bronnen[0] == f"factsheet, toelichting {route.procedure}"
    assert procedures == {"1", "2", "3", "4", "5", "6", "7", "8", "rechtshulp"}
