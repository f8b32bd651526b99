"""`make bench-load`'s own checks: bad arguments are refused by name before anything starts (#13).

The benchmark itself runs in `.venv-load` against `make run-prod` and is measured, never run in
the tests (ADR 0054); these tests cover what it does before and after: its arguments and the
file its figures go into.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "load"
REPO = Path(__file__).resolve().parents[2]


def _script(naam: str) -> Iterator[ModuleType]:
    """The load script `naam` of scripts/load/ as a module (the folder is not a package)."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        yield importlib.import_module(naam)
    finally:
        sys.path.remove(str(SCRIPTS))


@pytest.fixture(scope="module")
def bench_load() -> Iterator[ModuleType]:
    yield from _script("bench_load")


def _weigering(bench_load: ModuleType, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        bench_load.main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_een_schrijfdoel_dat_niet_bestaat_wordt_geweigerd_voor_de_run_begint(
    bench_load: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    doel = tmp_path / "bestaat-niet.md"
    regel = _weigering(bench_load, ["--data", str(data), "--schrijf", str(doel)], capsys)
    assert regel == f"bench_load.py: error: --schrijf {doel}: het bestand bestaat niet"
    assert not data.exists()  # nothing started: no data folder, no run-prod
    assert not doel.exists()


def test_een_schrijfdoel_zonder_markeringen_wordt_geweigerd(
    bench_load: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doel = tmp_path / "perf.md"
    doel.write_text("# Prestaties\n\ngeen markeringen\n", encoding="utf-8")
    regel = _weigering(
        bench_load, ["--data", str(tmp_path / "data"), "--schrijf", str(doel)], capsys
    )
    assert regel == (
        f"bench_load.py: error: --schrijf {doel}: de markeringen <!-- bench-load:begin --> en "
        "<!-- bench-load:end --> ontbreken"
    )
    assert doel.read_text(encoding="utf-8") == "# Prestaties\n\ngeen markeringen\n"


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["--fase1", "0:60"], "argument --fase1: --fase1: gebruikers en seconden minstens 1"),
        (["--fase2", "50"], "argument --fase2: --fase2: verwacht gebruikers:seconden, kreeg '50'"),
        (["--verzoeken", "0"], "argument --verzoeken: --verzoeken: minstens 1, kreeg 0"),
        (["--audit", "veel"], "argument --audit: --audit: verwacht een geheel getal, kreeg 'veel'"),
    ],
)
def test_foute_maten_worden_bij_naam_geweigerd(
    bench_load: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    melding: str,
) -> None:
    data = tmp_path / "data"
    assert _weigering(bench_load, ["--data", str(data), *argv], capsys) == (
        f"bench_load.py: error: {melding}"
    )
    assert not data.exists()


def test_schrijfdoel_standaard_proef_en_leeg(bench_load: ModuleType) -> None:
    assert bench_load.schrijfdoel("auto", standaard=True) == REPO / "docs" / "performance.md"
    assert bench_load.schrijfdoel("auto", standaard=False) is None
    assert bench_load.schrijfdoel("", standaard=True) is None
    assert bench_load.schrijfdoel("x.md", standaard=False) == Path("x.md")


def test_schrijven_in_vervangt_alleen_wat_tussen_de_markeringen_staat(
    bench_load: ModuleType, tmp_path: Path
) -> None:
    doel = tmp_path / "perf.md"
    doel.write_text(
        "voor\n<!-- bench-load:begin -->\noud\n<!-- bench-load:end -->\nna\n", encoding="utf-8"
    )
    bench_load.schrijven_in(doel, "nieuw")
    assert doel.read_text(encoding="utf-8") == (
        "voor\n<!-- bench-load:begin -->\nnieuw\n<!-- bench-load:end -->\nna\n"
    )
    doel.write_text("weg\n", encoding="utf-8")
    with pytest.raises(bench_load.Mislukt, match="de markeringen"):
        bench_load.schrijven_in(doel, "nieuw")
    assert doel.read_text(encoding="utf-8") == "weg\n"


def test_de_standaardrun_schrijft_in_een_performance_md_met_markeringen(
    bench_load: ModuleType,
) -> None:
    assert bench_load.schrijfdoel_fout(REPO / "docs" / "performance.md") is None


@pytest.fixture(scope="module")
def kosten() -> Iterator[ModuleType]:
    yield from _script("kosten")


def _meting(kosten: ModuleType, cpu: list[float], database: list[float], queries: int) -> Any:
    return kosten.Meting(cpu=cpu, database=database, queries=[queries] * len(cpu))


def test_kosten_plafond_weegt_de_mediaan_van_elke_pagina_met_de_mix(kosten: ModuleType) -> None:
    metingen = {
        "werkvoorraad": _meting(kosten, [40.0, 50.0, 60.0], [5.0, 5.0, 5.0], 6),
        "verzoek": _meting(kosten, [40.0], [10.0], 26),
        "beeld": _meting(kosten, [20.0], [2.0], 10),
        "advies (API)": _meting(kosten, [3.0], [0.5], 2),
        "stap lezen (API)": _meting(kosten, [20.0], [3.0], 8),
        "vloer werkvoorraad": _meting(kosten, [20.0], [5.0], 4),
        "vloer verzoek": _meting(kosten, [25.0], [5.0], 18),
    }
    # (30*50 + 25*40 + 15*20 + 15*3 + 10*20) / 95 = 3045 / 95 ms; the floors do not count.
    ms, per_seconde = kosten.plafond(metingen, 2)
    assert ms == pytest.approx(3045 / 95)
    assert per_seconde == pytest.approx(2000 / (3045 / 95))
    tekst = kosten.verslag(metingen, accounts=3, rondes=1, kernen=2)
    assert tekst.splitlines()[4:11] == [
        "| werkvoorraad | 50.0 | 5.0 | 6 |",
        "| verzoek | 40.0 | 10.0 | 26 |",
        "| beeld | 20.0 | 2.0 | 10 |",
        "| advies (API) | 3.0 | 0.5 | 2 |",
        "| stap lezen (API) | 20.0 | 3.0 | 8 |",
        "| vloer werkvoorraad | 20.0 | 5.0 | 4 |",
        "| vloer verzoek | 25.0 | 5.0 | 18 |",
    ]
    # werkvoorraad 55 / 25, verzoek 50 / 30; beeld has no floor measured: left out.
    assert "one request at a time (CPU plus database ms, medians): werkvoorraad 2.2x; " in tekst
    assert "verzoek 1.7x." in tekst
    assert "at most **62 requests/s** with all 2 cores" in tekst


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["--accounts", "0"], "kosten.py: error: --accounts en --rondes: minstens 1"),
        (["--rondes", "0"], "kosten.py: error: --accounts en --rondes: minstens 1"),
    ],
)
def test_kosten_weigert_foute_aantallen(
    kosten: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    melding: str,
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        kosten.main(["--plan", str(tmp_path / "plan.json"), *argv])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == melding


def test_kosten_weigert_een_plan_dat_niet_te_lezen_is(
    kosten: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{kapot", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        kosten.main(["--plan", str(plan)])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"kosten.py: error: --plan {plan}: niet te lezen (JSONDecodeError)"
    )


@pytest.mark.django_db
@pytest.mark.urls("tests.conf.vloer_urls")
@pytest.mark.usefixtures("referentiedata")
def test_kosten_meet_elke_pagina_na_een_echte_inlog(kosten: ModuleType) -> None:
    from tests.accounts.factories import WACHTWOORD, maak_gebruiker
    from tests.accounts.helpers import tweede_factor_instellen
    from tests.verzoeken.helpers import maak_verzoek, open_taken

    wie = maak_gebruiker("RCCB-MN", username="kosten-rccb-mn")
    geheim, _ = tweede_factor_instellen(wie)
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    situatie = json.loads(
        sorted((REPO / "docs" / "cases").glob("*.json"))[0].read_text(encoding="utf-8")
    )["situatie"]
    plan = {
        "accounts": [
            {"gebruikersnaam": wie.username, "verzoeken": [str(verzoek.uuid)], "stappen": [taak.pk]}
        ],
        "wachtwoord": WACHTWOORD,
        "totp_geheim": geheim,
        "situaties": [situatie],
    }
    metingen = kosten.meten(plan, accounts=1, rondes=2)
    assert sorted(metingen) == sorted([*kosten.MIX, *kosten.VLOEREN])
    assert all(len(m.cpu) == len(m.database) == 2 for m in metingen.values())
    assert all(c > 0 for m in metingen.values() for c in m.cpu)
    # The session and the user, as every logged-in request; the advice asks nothing more.
    assert metingen["advies (API)"].queries == [2, 2]
    assert metingen["werkvoorraad"].queries == [6, 6]  # tests/werkvoorraad/test_views.py
    # The floor's own query was measured: the same need-to-know, one request at a time.
    assert metingen["vloer werkvoorraad"].queries[0] < metingen["werkvoorraad"].queries[0]


@pytest.mark.django_db
@pytest.mark.usefixtures("referentiedata")
def test_kosten_noemt_een_inlog_die_niet_lukt(kosten: ModuleType) -> None:
    plan = {
        "accounts": [{"gebruikersnaam": "bestaat-niet", "verzoeken": [], "stappen": []}],
        "wachtwoord": "fout-wachtwoord-x",
        "totp_geheim": "JBSWY3DPEHPK3PXP",
        "situaties": [{}],
    }
    with pytest.raises(kosten.Mislukt, match=r"^inloggen bestaat-niet: geen tweede stap \(200\)$"):
        kosten.meten(plan, accounts=1, rondes=1)


@pytest.fixture(scope="module")
def voorbereiden() -> Iterator[ModuleType]:
    yield from _script("voorbereiden")


def _achterstand_maken() -> None:
    """One request, all its messages waiting; its open step overdue; its part's timer passed."""
    from datetime import timedelta

    from django.utils import timezone

    from politiebijstand.verzoeken.models import Deelverzoek, Taak
    from tests.verzoeken.helpers import maak_verzoek, open_taken

    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    nu = timezone.now()
    Taak.objects.filter(pk=taak.pk).update(due=nu - timedelta(hours=1))
    Deelverzoek.objects.filter(verzoek=verzoek).update(volgende_timer=nu - timedelta(minutes=1))


@pytest.mark.django_db
@pytest.mark.usefixtures("referentiedata")
def test_voorbereiden_wacht_tot_de_werkers_bij_zijn(voorbereiden: ModuleType) -> None:
    from politiebijstand.meldingen.services import berichten_versturen
    from politiebijstand.verzoeken.services import timers_verwerken

    _achterstand_maken()
    eerst = voorbereiden.achterstand()
    assert (eerst.herinneringen, eerst.timers, eerst.berichten, eerst.taken) == (1, 1, 1, 0)
    assert not eerst.bij
    assert str(eerst) == "1 herinneringen, 1 timers, 1 berichten, 0 taken in de wachtrij"
    rondes: list[float] = []

    def werker(seconden: float) -> None:  # the worker's sweep while the script sleeps
        rondes.append(seconden)
        timers_verwerken()
        berichten_versturen()

    klok = iter(range(100))
    begin, gewacht = voorbereiden.werkers_afwachten(
        30, interval=2.0, slapen=werker, klok=lambda: float(next(klok))
    )
    assert begin == eerst
    assert rondes == [2.0]  # one sweep: the reminder's message is sent in the same round
    assert gewacht == 2.0  # the clock's third reading against its first
    assert voorbereiden.achterstand().bij


@pytest.mark.django_db
@pytest.mark.usefixtures("referentiedata")
def test_voorbereiden_noemt_de_achterstand_als_de_werkers_niet_bij_komen(
    voorbereiden: ModuleType,
) -> None:
    _achterstand_maken()
    klok = iter([0.0, 4.0, 8.0])
    with pytest.raises(voorbereiden.Geweigerd) as fout:
        voorbereiden.werkers_afwachten(
            5, interval=4.0, slapen=lambda s: None, klok=lambda: next(klok)
        )
    assert str(fout.value) == (
        "--wachten: de werkers zijn na 8 s nog niet bij (1 herinneringen, 1 timers, "
        "1 berichten, 0 taken in de wachtrij); draaien de werkers van make run-prod, en staan "
        "er fouten van huey of de mailvanger in zijn log?"
    )


def test_voorbereiden_weigert_een_negatieve_wachttijd(
    voorbereiden: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        voorbereiden.main(["--plan", "/tmp/plan.json", "--wachten", "-1"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "voorbereiden.py: error: --wachten: 0 of meer seconden"
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("referentiedata")
def test_een_bericht_achter_een_eerder_in_herkansing_telt_niet_mee(
    voorbereiden: ModuleType,
) -> None:
    """The sender waits for the earlier one (ADR 0053): a mail server that is down must not
    hold the benchmark's wait until it gives up (from a review)."""
    from datetime import timedelta

    from django.utils import timezone

    from politiebijstand.meldingen.models import Bericht, BerichtStatus
    from tests.verzoeken.helpers import maak_verzoek

    verzoek = maak_verzoek()
    (eerste,) = Bericht.objects.filter(status=BerichtStatus.WACHTEND)
    assert eerste.reeks != ""
    nu = timezone.now()
    later = Bericht.objects.create(
        reeks=eerste.reeks,
        soort=eerste.soort,
        sleutel=f"{eerste.sleutel}-later",
        onderwerp=eerste.onderwerp,
        inhoud=eerste.inhoud,
        volgende_poging_op=nu - timedelta(minutes=1),
        aangemaakt_op=nu,
    )
    assert voorbereiden.achterstand().berichten == 1  # the first; the later one waits for it
    Bericht.objects.filter(pk=eerste.pk).update(volgende_poging_op=nu + timedelta(hours=1))
    assert voorbereiden.achterstand().berichten == 0  # the first in retry, the later blocked
    Bericht.objects.filter(pk=eerste.pk).update(status=BerichtStatus.VERZONDEN)
    assert voorbereiden.achterstand().berichten == 1  # now the later one is due
    assert later.pk > eerste.pk
    assert verzoek.pk is not None


def test_voorbereiden_weigert_een_wachttijd_die_geen_geheel_getal_is(
    voorbereiden: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        voorbereiden.main(["--plan", "/tmp/plan.json", "--wachten", "nan"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "voorbereiden.py: error: argument --wachten: invalid int value: 'nan'"
    )
