from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
from datetime import date
from types import FunctionType

import pytest

import politiebijstand.rules.politiewet_2012 as politiewet_2012
from politiebijstand.rules.bron import FACTSHEET, Bron, factsheet, politiewet
from politiebijstand.rules.catalogus import (
    BRONNOTITIES,
    CODETEKST,
    MODULES,
    Regel,
    bron_voluit,
    catalogus_markdown,
    module_titel,
    regel,
    regel_van,
    regels,
)
from politiebijstand.rules.interpretaties import VASTE_INTERPRETATIES, geciteerde_interpretaties
from politiebijstand.rules.politiewet_2012.bijstand_kmar import kmar_openbare_orde
from politiebijstand.rules.versie import regels_versie_kort
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
        assert r.toelichting.strip() == r.toelichting != ""
        assert r.bronnen
    assert alle[0].naam == "eigen_capaciteit"


#: English that would betray an untranslated docstring.
ENGELS = re.compile(r"\b(?:the|which|whether|allowed|request|police|must|when|otherwise)\b", re.I)


def test_elke_regel_heeft_nederlandse_tekst_zonder_code() -> None:
    for r in regels():
        for tekst in (r.samenvatting, r.toelichting):
            assert not CODETEKST.search(tekst), (r.naam, CODETEKST.search(tekst))
            assert not ENGELS.search(tekst), (r.naam, ENGELS.search(tekst))
            assert r.naam not in tekst
        doc = inspect.getdoc(
            getattr(importlib.import_module(f"politiebijstand.rules.{r.module}"), r.naam)
        )
        assert doc is not None
        # The docstring stays the English text for programmers.
        assert r.samenvatting != doc.partition("\n")[0]


def test_interpretaties_worden_geciteerd_als_vaste_interpretatie_docs_contract() -> None:
    geciteerd: set[int] = set()
    for r in regels():
        tekst = f"{r.samenvatting} {r.toelichting}"
        assert r.interpretaties == geciteerde_interpretaties(tekst)
        for nummer in r.interpretaties:
            assert f"vaste interpretatie {nummer} (docs/contract)" in tekst
        assert "interpretation" not in tekst
        assert not re.search(r"interpretatie \d+\b(?! \(docs/contract\))", tekst), r.naam
        geciteerd.update(r.interpretaties)
    assert geciteerd == set(range(1, 14))
    assert regel_van(kmar_openbare_orde).interpretaties == (8,)


def test_de_dertien_vaste_interpretaties_in_het_nederlands() -> None:
    assert [i.nummer for i in VASTE_INTERPRETATIES] == list(range(1, 14))
    for i in VASTE_INTERPRETATIES:
        assert i.titel and i.tekst.endswith(".")
        assert not CODETEKST.search(i.tekst), (i.nummer, CODETEKST.search(i.tekst))
        assert not ENGELS.search(i.tekst), (i.nummer, ENGELS.search(i.tekst))
    assert VASTE_INTERPRETATIES[4].titel == "Voorwaarden voor de krijgsmacht"
    assert VASTE_INTERPRETATIES[4].tekst.startswith(
        "Andere delen van de krijgsmacht (procedures 4 en 8) zijn alleen toegestaan als"
    )
    assert VASTE_INTERPRETATIES[12].titel == (
        "Bijstand buiten de factsheet (uitbreiding van het project)"
    )
    with pytest.raises(ValueError, match="no interpretation 14"):
        geciteerde_interpretaties("vaste interpretatie 14 (docs/contract)")


def test_regel_van_kmar_openbare_orde() -> None:
    r = regel_van(kmar_openbare_orde)
    assert r == Regel(
        naam="kmar_openbare_orde",
        module="politiewet_2012.bijstand_kmar",
        samenvatting=(
            "Procedure 3: bijstand door de KMar voor de openbare orde (Pw 2012 art. 57 lid 1)."
        ),
        toelichting=r.toelichting,
        bronnen=(
            factsheet("toelichting 3"),
            politiewet("57", "1"),
            politiewet("57", "2"),
            politiewet("57", "3"),
            politiewet("14", "1"),
            factsheet("stroomschema A, KMar"),
        ),
        interpretaties=(8,),
    )
    assert r.toelichting.startswith("De burgemeester, of de regioburgemeester als primus inter")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.naam = "iets anders"  # type: ignore[misc]


def test_regel_eist_bron_docstring_en_nederlandse_tekst() -> None:
    tekst = {"samenvatting": "Een regel.", "toelichting": "Uitleg."}
    with pytest.raises(ValueError, match="at least one Bron"):
        regel(**tekst)

    def zonder_docstring() -> None:
        return None

    with pytest.raises(ValueError, match="needs a docstring"):
        regel(factsheet("toelichting 1"), **tekst)(zonder_docstring)
    with pytest.raises(KeyError):
        regel_van(zonder_docstring)
    for samenvatting, toelichting, fout in (
        ("Zonder punt", "Uitleg.", "one sentence"),
        ("Twee\nregels.", "Uitleg.", "one sentence"),
        ("Een regel.", "  ", "toelichting"),
        ("Een regel.", "Zie `eigen_capaciteit`.", "holds code '`'"),
        ("Een regel.", "Zie eigen_capaciteit.", "holds code 'eigen_capaciteit'"),
        ("Een regel.", "Geeft None.", "holds code 'None'"),
        ("Een regel.", "Zie vaste interpretatie 14 (docs/contract).", "no interpretation 14"),
    ):
        with pytest.raises(ValueError, match=re.escape(fout)):
            regel(factsheet("toelichting 1"), samenvatting=samenvatting, toelichting=toelichting)


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
    assert f"Regelversie: {regels_versie_kort()} (het begin van de sha256" in md
    for module in MODULES:
        assert f"\n## {module_titel(module)}\n" in md
    for r in regels():
        kop = f"\n### {r.samenvatting.removesuffix('.')}\n\n{r.toelichting}\n\nBronnen:\n"
        assert kop in md
        assert f"\nIn de code: `{r.naam}` in `{r.module}`.\n" in md
    assert "- Politiewet 2012, art. 57 lid 1 (BWBR0031788)\n" in md
    assert md.count("\n### Vaste interpretatie ") == 13
    assert (
        "\n### Vaste interpretatie 5: Voorwaarden voor de krijgsmacht\n\n"
        f"{VASTE_INTERPRETATIES[4].tekst}\n"
    ) in md


def test_catalogus_noemt_versie_van_de_bronnen() -> None:
    assert FACTSHEET == "LOCC-factsheet Bijstand & ondersteuning aan de politie (2014)"
    noten = dict(BRONNOTITIES)
    politiewet_noot = noten["Politiewet 2012 (BWBR0031788)"]
    assert "getoetst aan een geconsolideerde tekst van de Politiewet 2012 (BWBR0031788)" in (
        politiewet_noot
    )
    assert "De wijziging van 2022 (Stb. 2022, 216: taken van de Koninklijke Marechaussee, en " in (
        politiewet_noot
    )
    assert "is hierin nog niet verwerkt" in politiewet_noot
    assert FACTSHEET in noten
    md = catalogus_markdown()
    for naam, noot in BRONNOTITIES:
        assert f"- **{naam}**. {noot}\n" in md
    assert f"- {FACTSHEET}, toelichting 3\n" in md


def test_docs_regels_md_is_actueel() -> None:
    """docs/regels.md is generated: run `make docs` after changing a rule."""
    assert (REPO / "docs" / "regels.md").read_text(encoding="utf-8") == catalogus_markdown()
