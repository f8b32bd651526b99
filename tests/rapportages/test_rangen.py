"""Median and p90 from only the ranks the database sends equal those of all values (ADR 0045)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from politiebijstand.rapportages.selectors import _uit_rangen, benodigde_rangen, doorlooptijd
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Taak
from tests.verzoeken.helpers import doorlopen, maak_verzoek


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 9, 10, 11, 17, 100, 101])
def test_uit_rangen_gelijk_aan_alle_waarden(n: int) -> None:
    rng = random.Random(n)  # noqa: S311 - test data
    seconden = [rng.uniform(0, 500_000) for _ in range(n)]
    gesorteerd = sorted(seconden)
    rangen = {r: gesorteerd[r] for r in benodigde_rangen(n)}
    assert _uit_rangen(n, rangen) == doorlooptijd(seconden)


def test_benodigde_rangen() -> None:
    assert benodigde_rangen(0) == set()
    assert benodigde_rangen(1) == {0}
    assert benodigde_rangen(2) == {0, 1}
    assert benodigde_rangen(10) == {4, 5, 8, 9}
    assert benodigde_rangen(11) == {5, 9, 10}


@pytest.mark.usefixtures("referentiedata")
def test_doorlooptijd_seconden_volgt_elke_schrijfactie() -> None:
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    taak = Taak.objects.filter(verzoek=verzoek, status=TaakStatus.AFGEROND).first()
    assert taak is not None and taak.afgerond_op is not None
    Taak.objects.filter(pk=taak.pk).update(afgerond_op=taak.aangemaakt_op + timedelta(hours=3))
    taak.refresh_from_db()
    assert taak.doorlooptijd_seconden == pytest.approx(10_800.0, abs=0.001)
    open_ = Taak.objects.filter(verzoek=verzoek, afgerond_op__isnull=True).first()
    if open_ is not None:
        assert open_.doorlooptijd_seconden is None
