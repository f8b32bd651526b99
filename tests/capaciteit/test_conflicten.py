"""Availability and conflicts: half-open periods, overdraw, a resource twice, maintenance.

Includes the deployment from 02:00 Dutch time on Sunday 25 October 2026, the last Sunday of
October, when the clocks go back from 03:00 CEST (UTC+2) to 02:00 CET (UTC+1).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from politiebijstand.capaciteit.constants import ClaimSoort, ConflictSoort, MiddelStatus
from politiebijstand.capaciteit.services import (
    OngeldigeClaim,
    beschikbaarheid,
    conflicten,
    register_op,
)
from politiebijstand.capaciteit.views import MomentForm
from tests.capaciteit.helpers import claim, middel, pool

pytestmark = pytest.mark.usefixtures("referentiedata")

AMS = ZoneInfo("Europe/Amsterdam")


def utc(dag: int, uur: int, minuut: int = 0, maand: int = 3) -> datetime:
    return datetime(2026, maand, dag, uur, minuut, tzinfo=UTC)


def test_een_claim_tot_10_uur_en_een_vanaf_10_uur_botsen_niet() -> None:
    ww = middel()
    eerste = claim(ww, utc(10, 8), utc(10, 10))
    tweede = claim(ww, utc(10, 10), utc(10, 12))
    assert conflicten([eerste, tweede]) == []
    # At 10:00 the first no longer holds, the second does.
    op_tien = beschikbaarheid(ww, utc(10, 10))
    assert (op_tien.totaal, op_tien.vast, op_tien.voorlopig, op_tien.beschikbaar) == (1, 1, 0, 0)
    assert op_tien.claims == (tweede,)
    net_ervoor = beschikbaarheid(ww, utc(10, 9, 59))
    assert net_ervoor.claims == (eerste,)
    assert beschikbaarheid(ww, utc(10, 12)).beschikbaar == 1


def test_overschreden_gedeelde_capaciteit() -> None:
    me = pool(aantal=4)
    eerste = claim(me, utc(10, 9), utc(10, 11), aantal=3)
    tweede = claim(me, utc(10, 10), utc(10, 12), aantal=2, soort=ClaimSoort.VOORLOPIG)
    (conflict,) = conflicten([tweede])
    assert conflict.soort == ConflictSoort.OVERSCHREDEN
    assert (conflict.van, conflict.tot, conflict.geclaimd) == (utc(10, 10), utc(10, 11), 5)
    # 10 March 2026 is winter time: UTC+1.
    assert conflict.melding == (
        "ME-pelotons Amsterdam: 5 geclaimd van 4 in totaal (1 te veel) van 10-03-2026 11:00 tot "
        "10-03-2026 12:00."
    )
    op = beschikbaarheid(me, utc(10, 10, 30))
    assert (op.vast, op.voorlopig, op.beschikbaar, op.overschreden) == (3, 2, -1, True)
    assert conflicten([eerste]) == [conflict]


def test_precies_vol_is_geen_conflict() -> None:
    me = pool(aantal=4)
    claims = [claim(me, utc(10, 9), utc(10, 11), aantal=2) for _ in range(2)]
    assert conflicten(claims) == []
    assert beschikbaarheid(me, utc(10, 9)).beschikbaar == 0


def test_benoemd_middel_twee_keer_geclaimd() -> None:
    ww = middel()
    claim(ww, utc(10, 8), utc(10, 12))
    tweede = claim(ww, utc(10, 11), utc(10, 14))
    (conflict,) = conflicten([tweede])
    assert conflict.soort == ConflictSoort.DUBBEL
    assert (conflict.van, conflict.tot, conflict.geclaimd) == (utc(10, 11), utc(10, 12), 2)
    assert conflict.melding == (
        "Waterwerper WW-01 is 2 keer geclaimd van 10-03-2026 12:00 tot 10-03-2026 13:00."
    )


def test_vrijgegeven_claim_telt_niet() -> None:
    ww = middel()
    eerste = claim(ww, utc(10, 8), utc(10, 12))
    eerste.vrijgegeven_op = utc(9, 8)
    eerste.save()
    tweede = claim(ww, utc(10, 11), utc(10, 14))
    assert conflicten([tweede]) == []
    assert conflicten([eerste]) == []
    assert beschikbaarheid(ww, utc(10, 11)).claims == (tweede,)


def test_middel_in_onderhoud() -> None:
    ww = middel("Waterwerper WW-04", status=MiddelStatus.ONDERHOUD, locatie="werkplaats Nieuwegein")
    enige = claim(ww, utc(10, 8), utc(10, 12))
    (conflict,) = conflicten([enige])
    assert conflict.soort == ConflictSoort.ONDERHOUD
    assert conflict.melding == (
        "Waterwerper WW-04 is in onderhoud (werkplaats Nieuwegein) en kan niet worden ingezet."
    )
    op = beschikbaarheid(ww, utc(10, 9))
    assert (op.totaal, op.beschikbaar) == (0, -1)


def test_tijd_zonder_tijdzone_wordt_geweigerd() -> None:
    with pytest.raises(OngeldigeClaim) as fout:
        beschikbaarheid(middel(), datetime(2026, 3, 10, 9))  # noqa: DTZ001
    assert (fout.value.veld, fout.value.melding) == (
        "moment",
        "moment: een datum en tijd met tijdzone is vereist",
    )


# --- The change to winter time: Sunday 25 October 2026 -------------------------------------


def lokaal(invoer: str, *, tweede_keer: bool = False) -> datetime:
    """What the register's form makes of a Dutch time as typed in the page."""
    form = MomentForm({"moment": invoer, **({"tweede_keer": "on"} if tweede_keer else {})})
    assert form.is_valid(), form.errors
    moment: datetime = form.cleaned_data["moment"]
    return moment


def test_de_wintertijd_02_00_is_de_eerste_keer_02_00_zomertijd() -> None:
    # 02:00 happens twice; the form takes the first (summer time): 02:00 CEST = 00:00 UTC.
    begin = lokaal("2026-10-25T02:00")
    assert begin.astimezone(UTC) == datetime(2026, 10, 25, 0, 0, tzinfo=UTC)
    # Three hours of deployment: until 00:00 + 3 h = 03:00 UTC, 04:00 CET on the clock.
    eind = begin.astimezone(UTC) + timedelta(hours=3)
    assert eind == datetime(2026, 10, 25, 3, 0, tzinfo=UTC)
    assert f"{timezone.localtime(eind):%H:%M %Z}" == "04:00 CET"
    # Typed as "02:00 to 05:00" on the clock it is four hours: 00:00 to 04:00 UTC (the form
    # gives UTC; subtracting two Europe/Amsterdam datetimes would give the wall clock's 3).
    tot = lokaal("2026-10-25T05:00")
    assert tot.astimezone(UTC) == datetime(2026, 10, 25, 4, 0, tzinfo=UTC)
    assert tot - begin == timedelta(hours=4)
    assert tot.astimezone(AMS) - begin.astimezone(AMS) == timedelta(hours=3)


def test_inzet_vanaf_02_00_over_de_wintertijd_heen() -> None:
    ww = middel()
    # The deployment: 02:00 CEST to 05:00 CET, 00:00 to 04:00 UTC.
    nacht = claim(ww, lokaal("2026-10-25T02:00"), lokaal("2026-10-25T05:00"))
    assert (nacht.van, nacht.tot) == (
        datetime(2026, 10, 25, 0, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 4, 0, tzinfo=UTC),
    )
    # Both 02:30s (CEST and CET) are inside it.
    eerste_half_drie = datetime(2026, 10, 25, 2, 30, tzinfo=AMS)
    tweede_half_drie = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=AMS)
    assert tweede_half_drie - eerste_half_drie == timedelta(hours=0)  # wall-clock arithmetic
    assert tweede_half_drie.astimezone(UTC) - eerste_half_drie.astimezone(UTC) == timedelta(hours=1)
    assert beschikbaarheid(ww, eerste_half_drie).claims == (nacht,)
    assert beschikbaarheid(ww, tweede_half_drie).claims == (nacht,)
    # A claim from 05:00 CET (04:00 UTC) touches it without conflict ...
    ochtend = claim(ww, lokaal("2026-10-25T05:00"), lokaal("2026-10-25T08:00"))
    assert conflicten([nacht, ochtend]) == []
    assert beschikbaarheid(ww, lokaal("2026-10-25T05:00")).claims == (ochtend,)
    # ... one from 03:00 CET (02:00 UTC) overlaps its last two hours.
    drie_uur = claim(ww, lokaal("2026-10-25T03:00"), lokaal("2026-10-25T04:00"))
    assert drie_uur.van == datetime(2026, 10, 25, 2, 0, tzinfo=UTC)
    (conflict,) = conflicten([drie_uur])
    assert conflict.soort == ConflictSoort.DUBBEL
    assert (conflict.van, conflict.tot) == (
        datetime(2026, 10, 25, 2, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 3, 0, tzinfo=UTC),
    )
    assert conflict.melding == (
        "Waterwerper WW-01 is 2 keer geclaimd van 25-10-2026 03:00 tot 25-10-2026 04:00."
    )


def test_register_op_een_moment_per_capaciteit() -> None:
    me = pool(aantal=4)
    ww = middel()
    claim(me, utc(10, 9), utc(10, 11), aantal=3)
    claim(ww, utc(10, 10), utc(10, 11))
    rijen = {
        r.capaciteit.naam: (r.totaal, r.vast, r.voorlopig, r.beschikbaar)
        for r in register_op(utc(10, 10))
    }
    assert rijen == {"ME-pelotons Amsterdam": (4, 3, 0, 1), "Waterwerper WW-01": (1, 1, 0, 0)}


def test_het_dubbele_uur_de_tweede_keer_en_een_tijd_die_niet_bestaat() -> None:
    assert lokaal("2026-10-25T02:30", tweede_keer=True).astimezone(UTC) == datetime(
        2026, 10, 25, 1, 30, tzinfo=UTC
    )
    assert lokaal("25-10-2026 02:30").astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    # Outside the double hour the choice changes nothing.
    assert lokaal("2026-10-25T04:00", tweede_keer=True).astimezone(UTC) == datetime(
        2026, 10, 25, 3, 0, tzinfo=UTC
    )
    form = MomentForm({"moment": "2026-03-29T02:30"})
    assert not form.is_valid()
    assert form.errors["moment"] == [
        "29-03-2026 02:30 bestaat niet in Nederlandse tijd (de klok gaat dan een uur vooruit); "
        "kies een tijd vanaf 03:00."
    ]
    form = MomentForm({"moment": "morgen"})
    assert not form.is_valid()
    assert form.errors["moment"] == ["Vul een datum en tijd in, bijvoorbeeld 25-10-2026 02:30."]
