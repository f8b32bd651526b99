"""Speed figures of politiebijstand, printed and never asserted (`make bench`, issue #2).

(a) The routing advice computed in-process by `politiebijstand.rules.advies_bepalen`, for every
    case file in ``shared/cases`` (``$PB_SHARED_DIR`` or ``../shared`` beside the repository):
    median and p95 per call in microseconds, against the goal of 1 ms median.
(b) The Bijstandswijzer's result page served through Django's test Client on an in-memory SQLite
    database with the reference data loaded: median and p95 server time in milliseconds, against
    the goal of 50 ms median. Server time is the time of `Client.generic`, in-process, without a
    network; the request that gets the result page is built by `wizard_result_request`.

Run with the test settings: ``DJANGO_SETTINGS_MODULE=politiebijstand.conf.test python
scripts/bench.py [--advies-repeat N] [--pagina-repeat N]``.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PB_SHARED_DIR", REPO.parent / "shared"))
CASES_DIR = SHARED / "cases"

ADVIES_GOAL_US = 1000.0  # goal: median of one advice at most 1 ms (issue #2)
PAGINA_GOAL_MS = 50.0  # goal: median server time of the result page at most 50 ms (issue #2)


@dataclass(frozen=True, slots=True)
class Case:
    naam: str
    situatie: dict[str, Any]


@dataclass(frozen=True, slots=True)
class WizardRequest:
    """One HTTP request to the wizard: method (``"GET"`` or ``"POST"``), path and data."""

    method: str
    path: str
    data: dict[str, str]


def wizard_result_request(situatie: dict[str, Any]) -> WizardRequest | None:
    """The GET request that renders the wizard's result page for `situatie`.

    The wizard carries every answer in the query string (`wijzer.views`), so the result page of
    a Situatie is one clean URL.
    """
    from politiebijstand.wijzer.views import resultaat_url_voor_situatie

    return WizardRequest("GET", resultaat_url_voor_situatie(situatie), {})


def load_cases() -> list[Case]:
    """Every case file in `CASES_DIR`, sorted by file name."""
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cases.append(Case(naam=path.stem, situatie=data["situatie"]))
    return cases


def timed_ns(func: Callable[[], object], repeat: int) -> list[int]:
    """Wall time of each of `repeat` calls of `func`, in nanoseconds (after 1/10 warm-up)."""
    for _ in range(max(1, repeat // 10)):
        func()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        func()
        samples.append(time.perf_counter_ns() - start)
    return samples


def median_p95(samples: Sequence[float]) -> tuple[float, float]:
    """Median and 95th percentile (inclusive method) of `samples`."""
    if len(samples) == 1:
        return samples[0], samples[0]
    return statistics.median(samples), statistics.quantiles(samples, n=100, method="inclusive")[94]


def verdict(median: float, goal: float) -> str:
    return "within goal" if median <= goal else "OVER GOAL"


def bench_advies(cases: list[Case], repeat: int) -> None:
    """Part (a): `advies_bepalen` per call, in microseconds."""
    from politiebijstand.rules import advies_bepalen, situatie_from_dict

    print(f"(a) advies_bepalen in-process, {repeat} calls per case, goal median <= 1 ms")
    alle: list[float] = []
    for case in cases:
        try:
            situatie = situatie_from_dict(case.situatie)
            advies_bepalen(situatie)
        except NotImplementedError:
            print("    not implemented yet (advies_bepalen raises NotImplementedError)")
            return
        except Exception as exc:  # a figure, not a test: report and go on
            print(f"    {case.naam:<42} error: {type(exc).__name__}: {exc}")
            continue
        call = functools.partial(advies_bepalen, situatie)
        samples = [ns / 1000 for ns in timed_ns(call, repeat)]
        alle.extend(samples)
        med, p95 = median_p95(samples)
        print(f"    {case.naam:<42} median {med:8.1f} us   p95 {p95:8.1f} us")
    if alle:
        med, p95 = median_p95(alle)
        print(
            f"    {'all cases':<42} median {med:8.1f} us   p95 {p95:8.1f} us   "
            f"({len(alle)} calls; {verdict(med, ADVIES_GOAL_US)})"
        )


def bench_pagina(cases: list[Case], repeat: int) -> None:
    """Part (b): the wizard's result page through the test Client, in milliseconds."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    if TYPE_CHECKING:
        from django.http.response import HttpResponseBase

    print(
        f"\n(b) wizard result page via django.test.Client, {repeat} requests per case, goal 50 ms"
    )
    engine = settings.DATABASES["default"]["ENGINE"]
    if (
        engine != "django.db.backends.sqlite3"
        or settings.DATABASES["default"]["NAME"] != ":memory:"
    ):
        print(
            "    needs in-memory SQLite: run with DJANGO_SETTINGS_MODULE=politiebijstand.conf.test"
        )
        print("    and without PB_DATABASE_URL")
        return
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("referentiedata_laden", stdout=io.StringIO())
        client = Client()
        alle: list[float] = []
        for case in cases:
            request = wizard_result_request(case.situatie)
            if request is None:
                print("    not available yet: no URL named 'wijzer:resultaat' (see")
                print("    wizard_result_request in scripts/bench.py)")
                return

            def fetch(req: WizardRequest = request) -> HttpResponseBase:
                if req.method == "GET":
                    return client.get(req.path, req.data)
                return client.post(req.path, req.data)

            status = fetch().status_code
            if status != 200:
                print(f"    {case.naam:<42} HTTP {status}: not timed")
                continue
            samples = [ns / 1e6 for ns in timed_ns(fetch, repeat)]
            alle.extend(samples)
            med, p95 = median_p95(samples)
            print(f"    {case.naam:<42} median {med:8.2f} ms   p95 {p95:8.2f} ms")
        if alle:
            med, p95 = median_p95(alle)
            print(
                f"    {'all cases':<42} median {med:8.2f} ms   p95 {p95:8.2f} ms   "
                f"({len(alle)} requests; {verdict(med, PAGINA_GOAL_MS)})"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed figures (printed, never asserted).")
    parser.add_argument("--advies-repeat", type=int, default=2000, help="calls per case (a)")
    parser.add_argument("--pagina-repeat", type=int, default=40, help="requests per case (b)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.test")

    cases = load_cases()
    print(f"politiebijstand bench: {len(cases)} case files in {CASES_DIR}")
    print(f"python {sys.version.split()[0]}, settings {os.environ['DJANGO_SETTINGS_MODULE']}\n")
    if not cases:
        print("no case files found: set PB_SHARED_DIR")
        return 0
    bench_advies(cases, args.advies_repeat)
    bench_pagina(cases, args.pagina_repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
