"""Every case file in docs/cases, through the engine and through the CLI.

The files are read from `CASES_DIR` at collection time, so a new file is picked up without a
change here. `verwacht` is compared as docs/cases/README.md says: only the fields listed;
routes matched on `leverancier` (and `middel` for Ministry resources) with an equal number of
routes; `grondslag` compared on `artikel` and `lid`, `null` meaning no article.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from politiebijstand.cli import main
from politiebijstand.rules import advies_bepalen, situatie_from_dict
from tests.conftest import CASES_DIR, REPO
from tests.rules.contract import controleer_advies

CASUSSEN = sorted(CASES_DIR.glob("*.json"))
PARAMETERS = pytest.mark.parametrize("pad", CASUSSEN, ids=[p.stem for p in CASUSSEN])


def _casus(pad: Path) -> dict[str, Any]:
    casus = json.loads(pad.read_text(encoding="utf-8"))
    assert isinstance(casus, dict)
    assert {"situatie", "verwacht"} <= set(casus), pad.name
    return casus


def _past(route: dict[str, Any], verwacht: dict[str, Any]) -> bool:
    if route["leverancier"] != verwacht["leverancier"]:
        return False
    return bool(
        route["leverancier"] != "middelen_jenv" or route["middel"] == verwacht.get("middel")
    )


def controleer_verwacht(advies: dict[str, Any], verwacht: dict[str, Any]) -> None:
    """Assert that `advies` (the contract's JSON) matches the case's `verwacht` fields."""
    for veld, waarde in verwacht.items():
        if veld == "grondslag" and waarde is not None:
            # The advice's own grondslag (interpretation 13), compared like a route's.
            assert advies["grondslag"] is not None, veld
            gevonden = {k: advies["grondslag"][k] for k in ("artikel", "lid")}
            assert gevonden == {k: waarde.get(k) for k in ("artikel", "lid")}, veld
            continue
        if veld != "routes":
            assert advies[veld] == waarde, veld
            continue
        routes = list(advies["routes"])
        assert len(routes) == len(waarde), "aantal routes"
        for verwachte_route in waarde:
            passend = [r for r in routes if _past(r, verwachte_route)]
            assert passend, f"geen route voor {verwachte_route}"
            route = passend[0]
            routes.remove(route)
            for sleutel, verwacht_veld in verwachte_route.items():
                if sleutel == "grondslag":
                    if verwacht_veld is None:
                        assert route["grondslag"] is None
                    else:
                        assert route["grondslag"] is not None, "grondslag"
                        gevonden = {k: route["grondslag"][k] for k in ("artikel", "lid")}
                        assert gevonden == {k: verwacht_veld.get(k) for k in ("artikel", "lid")}
                else:
                    assert route[sleutel] == verwacht_veld, (
                        verwachte_route["leverancier"],
                        sleutel,
                    )


def test_de_map_met_casussen_is_niet_leeg() -> None:
    assert len(CASUSSEN) >= 14, CASES_DIR


@PARAMETERS
def test_casus_via_de_engine(pad: Path) -> None:
    casus = _casus(pad)
    advies = advies_bepalen(situatie_from_dict(casus["situatie"])).to_dict()
    controleer_advies(advies)
    controleer_verwacht(advies, casus["verwacht"])


@PARAMETERS
def test_casus_via_de_cli_in_proces(pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    casus = _casus(pad)
    assert main(["advies", str(pad), "--json"]) == 0
    uit = capsys.readouterr()
    assert uit.err == ""
    advies = json.loads(uit.out)
    assert advies == advies_bepalen(situatie_from_dict(casus["situatie"])).to_dict()
    controleer_verwacht(advies, casus["verwacht"])


@PARAMETERS
def test_casus_via_de_cli_als_proces(pad: Path) -> None:
    proces = subprocess.run(
        [str(REPO / ".venv" / "bin" / "politiebijstand"), "advies", str(pad), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (proces.returncode, proces.stderr) == (0, "")
    controleer_verwacht(json.loads(proces.stdout), _casus(pad)["verwacht"])


def test_controleer_verwacht_vindt_afwijkingen() -> None:
    advies = {
        "uitkomst": "bijstand",
        "routes": [
            {"leverancier": "kmar", "middel": None, "procedure": "3", "grondslag": None},
            {
                "leverancier": "middelen_jenv",
                "middel": "waterwerper",
                "procedure": "2",
                "grondslag": {"regeling": "Politiewet 2012", "artikel": "57", "lid": "1"},
            },
        ],
    }
    goed: dict[str, Any] = {
        "uitkomst": "bijstand",
        "routes": [
            {
                "leverancier": "middelen_jenv",
                "middel": "waterwerper",
                "grondslag": {"artikel": "57", "lid": "1"},
            },
            {"leverancier": "kmar", "procedure": "3", "grondslag": None},
        ],
    }
    controleer_verwacht(advies, goed)
    fout: list[dict[str, Any]] = [
        {"uitkomst": "eigen_capaciteit"},
        {"routes": [{"leverancier": "kmar"}]},
        {"routes": [{"leverancier": "kmar", "procedure": "7"}, {"leverancier": "politie"}]},
        {
            "routes": [
                {"leverancier": "kmar", "grondslag": {"artikel": "57", "lid": "1"}},
                goed["routes"][0],
            ]
        },
        {"routes": [goed["routes"][1], {"leverancier": "middelen_jenv", "middel": "vrt_voertuig"}]},
        {
            "routes": [
                goed["routes"][1],
                {**goed["routes"][0], "grondslag": {"artikel": "57", "lid": "2"}},
            ]
        },
    ]
    for verwacht in fout:
        with pytest.raises(AssertionError):
            controleer_verwacht(advies, verwacht)
