"""The one SVG bar chart (`web.grafiek`) and the Dutch number and euro texts (ADR 0045)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from politiebijstand.web.grafiek import staafdiagram
from politiebijstand.web.tekst import euro, getal


def test_getal_en_euro() -> None:
    assert getal(3.0) == "3"
    assert getal(12.5) == "12,5"
    assert getal(0.333) == "0,33"
    assert getal(Decimal("7.10")) == "7,1"
    assert euro(Decimal("12500.5")) == "€ 12.500,50"
    assert euro(Decimal("0.005")) == "€ 0,01"
    assert euro(None) == "-"


def test_staafdiagram_met_euro_titel_beschrijving_en_balken() -> None:
    svg = str(
        staafdiagram(
            titel="FNIK 2026",
            labels=["Budget", "Besteed", "Open"],
            waarden=[Decimal("20000.00"), Decimal("5000.00"), None],
            as_naam="Euro",
            sleutel="fnik",
            waarde_tekst=euro,
        )
    )
    assert (
        'role="img" aria-labelledby="grafiek-fnik-titel" aria-describedby="grafiek-fnik-desc"'
        in svg
    )
    assert '<title id="grafiek-fnik-titel">FNIK 2026</title>' in svg
    assert (
        '<desc id="grafiek-fnik-desc">Staafdiagram: euro per rij. De tabel eronder geeft '
        "dezelfde cijfers.</desc>"
    ) in svg
    assert "<title>Budget: € 20.000,00</title>" in svg
    assert "<title>Besteed: € 5.000,00</title>" in svg
    assert "<title>Open: geen</title>" in svg
    # 20,000 on a scale of 4 ticks of 5,000: the whole plot (880 - 450 - 100 = 330 units).
    assert 'width="330.0" height="18"' in svg
    assert 'width="82.5" height="18"' in svg
    assert svg.count("<rect") == 3


def test_staafdiagram_weigert_verkeerde_invoer() -> None:
    with pytest.raises(ValueError, match="verschillen in aantal"):
        staafdiagram(titel="t", labels=["a"], waarden=[], as_naam="x", sleutel="s")
    with pytest.raises(ValueError, match="negatief"):
        staafdiagram(titel="t", labels=["a"], waarden=[-1.0], as_naam="x", sleutel="s")
