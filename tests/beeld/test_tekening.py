"""The drawings' geometry: timeline bars and ticks, the units' boxes (issue #11 item 2)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from politiebijstand.beeld.tekening import (
    Balk,
    TijdlijnInvoer,
    Tik,
    eenheden_schema,
    tijdlijn,
)


def test_een_balk_per_deel_geknipt_op_het_venster_met_een_tik_per_middernacht() -> None:
    t = tijdlijn(
        eerste_dag=date(2027, 1, 11),
        dagen=2,
        invoer=[
            # 12 Jan 00:00-12:00 Dutch time: the third quarter of the window.
            TijdlijnInvoer(
                start=datetime(2027, 1, 11, 23, 0, tzinfo=UTC),
                eind=datetime(2027, 1, 12, 11, 0, tzinfo=UTC),
                label="BV-1/1",
                titel="een",
                status="toegekend",
            ),
            # Began before the window, ends after it: the whole width.
            TijdlijnInvoer(
                start=datetime(2027, 1, 1, tzinfo=UTC),
                eind=datetime(2027, 2, 1, tzinfo=UTC),
                label="BV-2/1",
                titel="twee",
                status="in_inzet",
            ),
        ],
    )
    assert (t.breedte, t.hoogte) == (1000, 84)
    assert t.tikken == [Tik(200.0, "ma 11-1"), Tik(595.0, "di 12-1"), Tik(990.0, "")]
    assert t.balken == [
        Balk(y=30, x=595.0, breedte=197.5, label="BV-1/1", titel="een", status="toegekend"),
        Balk(y=52, x=200.0, breedte=790.0, label="BV-2/1", titel="twee", status="in_inzet"),
    ]
    assert t.start.isoformat() == "2027-01-11T00:00:00+01:00"
    assert t.eind.isoformat() == "2027-01-13T00:00:00+01:00"
    assert t.laatste_dag == date(2027, 1, 12)


def test_de_zomertijd_maakt_de_dag_van_de_wissel_23_uur() -> None:
    # 28 March 2027: clocks go forward; the tick of 29 March lies at 23/47 of the window.
    t = tijdlijn(eerste_dag=date(2027, 3, 28), dagen=2, invoer=[])
    assert [k.label for k in t.tikken] == ["zo 28-3", "ma 29-3", ""]
    assert t.tikken[1].x == round(200 + 23 / 47 * 790, 1)
    assert t.hoogte == 62


def test_nul_dagen_is_een_fout() -> None:
    with pytest.raises(ValueError, match="dagen moet minstens 1 zijn"):
        tijdlijn(eerste_dag=date(2027, 1, 1), dagen=0, invoer=[])


def test_de_vakken_van_de_eenheden_met_hun_aantallen() -> None:
    vakken = eenheden_schema(
        eenheden=[
            ("EENHEID-MN", "Eenheid MN", "Politie, eenheid Midden-Nederland"),
            ("EENHEID-LE", "Landelijke Eenheid", "Politie, Landelijke Eenheid"),
            ("EENHEID-XX", "XX", "Onbekend"),
        ],
        aantallen={"EENHEID-MN": 4},
    )
    assert [(v.code, v.x, v.y, v.aantal, v.landelijk) for v in vakken] == [
        ("EENHEID-MN", 250, 180, 4, False),
        ("EENHEID-LE", 250, 385, 0, True),
    ]
