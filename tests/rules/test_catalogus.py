from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from datetime import date
from types import FunctionType

import pytest

import politiebijstand.rules.politiewet_2012 as politiewet_2012
from politiebijstand.rules.bron import FACTSHEET, Bron, factsheet, politiewet
from politiebijstand.rules.catalogus import (
    MODULES,
    Regel,
    bron_voluit,
    catalogus_markdown,
    module_titel,
    regel,
    regel_van,
    regels,
)
from politiebijstand.rules.politiewet_2012.bijstand_kmar import kmar_openbare_orde
from tests.conftest import REPO


def _regelfuncties() -> dict[str, FunctionType]:
    """Every public function of the rule modules that returns an `Uitkomst`."""
    functies: dict[str, FunctionType] = {}
    for module in MODULES:
        mod = importlib.import_module(f"politiebijstand.rules.{module}")
        for naam, func in vars(mod).items():
            if (
                isinstance(func, FunctionType)
                and func.__module__ == mod.__name__
                and not naam.startswith("_")
                and str(inspect.signature(func).return_annotation).startswith("Uitkomst[")
            ):
                functies[f"{module}.{naam}"] = func
    return functies


def test_modules_zijn_alle_regelmodules_van_politiewet_2012() -> None:
    gevonden = {
        f"politiewet_2012.{m.name}"
        for m in pkgutil.iter_modules(politiewet_2012.__path__)
        if not m.name.startswith("_")
    }
    assert set(MODULES) == gevonden
    assert len(MODULES) == len(set(MODULES))


def test_elke_regelfunctie_staat_in_de_catalogus_en_omgekeerd() -> None:
    functies = _regelfuncties()
    assert {f"{r.module}.{r.naam}" for r in regels()} == set(functies)
    for func in functies.values():
        assert regel_van(func).naam == func.__name__


def test_regels_in_vaste_volgorde_met_samenvatting_en_bronnen() -> None:
    alle = regels()
    assert alle == regels()
    assert len(alle) == len(_regelfuncties())
    modules = [r.module for r in alle]
    assert modules == sorted(modules, key=MODULES.index)
    for r in alle:
        assert r.samenvatting.endswith(".")
        assert "\n" not in r.samenvatting
        assert r.bronnen
        assert "Raises:" not in r.toelichting
        assert "Args:" not in r.toelichting
    assert alle[0].naam == "eigen_capaciteit"


def test_regel_van_kmar_openbare_orde() -> None:
    r = regel_van(kmar_openbare_orde)
    assert r == Regel(
        naam="kmar_openbare_orde",
        module="politiewet_2012.bijstand_kmar",
        samenvatting="Procedure 3: bijstand by the KMar for public order (Pw art. 57 lid 1).",
        toelichting=r.toelichting,
        bronnen=(
            factsheet("toelichting 3"),
            politiewet("57", "1"),
            politiewet("57", "2"),
            factsheet("stroomschema A, KMar"),
        ),
    )
    assert r.toelichting.startswith("The burgemeester (or the regioburgemeester as primus")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.naam = "iets anders"  # type: ignore[misc]


def test_regel_eist_een_bron_en_een_docstring() -> None:
    with pytest.raises(ValueError, match="at least one Bron"):
        regel()

    def zonder_docstring() -> None:
        return None

    with pytest.raises(ValueError, match="needs a docstring"):
        regel(factsheet("toelichting 1"))(zonder_docstring)
    with pytest.raises(KeyError):
        regel_van(zonder_docstring)


def test_module_titel_zonder_punt() -> None:
    assert module_titel("politiewet_2012.bijstand_kmar") == (
        "Bijstand door de Koninklijke Marechaussee (Pw 2012 art. 57): procedures 3 en 7"
    )


def test_bron_voluit() -> None:
    assert bron_voluit(politiewet("56", "3")) == "Politiewet 2012, art. 56 lid 3 (BWBR0031788)"
    assert bron_voluit(factsheet("toelichting 10")) == f"{FACTSHEET}, toelichting 10"
    assert bron_voluit(Bron(regeling=FACTSHEET)) == FACTSHEET
    assert (
        bron_voluit(Bron("Regeling X", onderdeel="Stcrt. 2008, 3", geldig_vanaf=date(2008, 1, 7)))
        == "Regeling X, Stcrt. 2008, 3, geldig vanaf 2008-01-07"
    )


def test_catalogus_markdown_noemt_elke_module_en_regel() -> None:
    md = catalogus_markdown()
    assert md.startswith("# Regelcatalogus\n")
    assert md.endswith("\n")
    assert f"Aantal regels: {len(regels())}." in md
    for module in MODULES:
        assert f"\n## {module_titel(module)}\n\nModule `{module}`.\n" in md
    for r in regels():
        assert f"\n### `{r.naam}`\n\n{r.samenvatting}\n" in md
    assert "- Politiewet 2012, art. 57 lid 1 (BWBR0031788)\n" in md


def test_docs_regels_md_is_actueel() -> None:
    """docs/regels.md is generated: run `make docs` after changing a rule."""
    assert (REPO / "docs" / "regels.md").read_text(encoding="utf-8") == catalogus_markdown()
