"""Speed figures of politiebijstand, printed and never asserted (`make bench`, issue #2).

(a) The routing advice computed in-process by `politiebijstand.rules.advies_bepalen`, for every
    case file in ``docs/cases``:
    median and p95 per call in microseconds, against the goal of 1 ms median.
(b) The Bijstandswijzer's result page served through Django's test Client on an in-memory SQLite
    database with the reference data loaded: median and p95 server time in milliseconds, against
    the goal of 50 ms median. Server time is the time of `Client.generic`, in-process, without a
    network; the request that gets the result page is built by `wizard_result_request`.

(c) Requests (issue #4) with 50,000 bijstandsverzoeken in the database, generated with a fixed
    seed by `scripts/benchdata.py`, on a file SQLite database in a temporary folder (and on
    PostgreSQL too when ``PB_DATABASE_URL`` names one: a test database is made there and
    dropped): the work queue page (``/werkvoorraad/``) and the request page
    (``/verzoeken/<uuid>/``) through the test Client, median and p95 server time in ms against
    the goals 50 ms median and 150 ms p95; the operational picture (``/beeld/``, issue #11) as
    the LOCC and an RCCB at the data's "now", against 100 ms median; the yearly report page
    (``/rapportages/?jaar=``, the LOCC's national figures of the last whole year), cold (the
    cache emptied before each request) and from the cache, against 100 ms median (#11 item 4);
    and completing a task (`taak_afronden`: procedure step, audit row,
    outbox rows) median over 200, against the goal 30 ms; and a request's capacity conflict
    check (issue #11 item 1) against the goal 20 ms median. Each database runs in a child
    process of its own (Django's settings are per process).

(d) PDF rendering (issue #10): each document template rendered in-process to PDF/A-2b with
    typst from the example contexts of ``tests/documenten/voorbeelden.py`` (a new kenmerk per
    render, so that typst's memoisation cannot replay an earlier one): median and p95 per
    document type in milliseconds, against the goal of 300 ms median; the first render of the
    process (fonts loaded, compiler made) is shown apart.

(e) The API with an organisation's token (issue #12 item 3) beside the same through the pages,
    in-memory SQLite: ``GET /api/v1/verzoeken/{uuid}`` with the token, with the session, and
    the request page; ``POST /api/v1/advies`` with the token header and with the session, and
    the wizard's result page: median and p95 server time in ms, side by side (`bench_api`).

Run with the test settings: ``DJANGO_SETTINGS_MODULE=politiebijstand.conf.test python
scripts/bench.py [--advies-repeat N] [--pagina-repeat N] [--verzoeken N] [--zonder-verzoeken]
[--pdf-repeat N] [--api-repeat N] [--alleen-api]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import io
import itertools
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parent.parent
CASES_DIR = REPO / "docs" / "cases"

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
    from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie

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
    # Not a case, so not in the goal: the largest input, all 342 municipalities (issue #8),
    # validation included (one form each on procedure 1 and 3).
    from politiebijstand.rules.gemeenten import gemeenten

    grootste = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "gemeenten": [g.naam for g in gemeenten()],
        "gevraagd": [{"leverancier": "politie"}, {"leverancier": "kmar"}],
    }
    samples = [
        ns / 1000
        for ns in timed_ns(lambda: advies_bepalen(situatie_from_dict(grootste)), repeat // 10)
    ]
    med, p95 = median_p95(samples)
    print(f"    {'342 gemeenten, with validation':<42} median {med:8.1f} us   p95 {p95:8.1f} us")


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
        # The units and all 342 municipalities, as in make run (issue #8), timed: the first
        # load creates them, the second (every later make run) writes nothing.
        for keer in ("first", "second"):
            begin = time.perf_counter()
            call_command("gebieden_laden", stdout=io.StringIO())
            print(f"    gebieden_laden ({keer} load) {time.perf_counter() - begin:8.2f} s")
        # Every page requires log-in with a second factor (issue #3): a medewerker of the LOCC.
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        from politiebijstand.accounts.models import Gebruiker
        from politiebijstand.organisaties.models import Organisatie

        gebruiker = Gebruiker.objects.create_user(
            username="bench-wijzer", organisatie=Organisatie.objects.get(code="LOCC")
        )
        TOTP.activate(gebruiker, generate_totp_secret())
        client = Client()
        client.force_login(gebruiker)
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


VERZOEK_PAGINA_GOAL_MS = 50.0  # goal: median of the work queue and request page (issue #4)
VERZOEK_PAGINA_P95_MS = 150.0  # goal: p95 of those pages (issue #4)
AFRONDEN_GOAL_MS = 30.0  # goal: median of completing a task (issue #4)
RAPPORTAGE_GOAL_MS = 100.0  # goal: median of a yearly report page (issue #11 item 4)
BEELD_GOAL_MS = 100.0  # goal: median of the operational picture (issue #11)
BRIEF_STAP_GOAL_MS = 50.0  # goal: median of a step that writes a letter and its messages (#10)
BRIEF_STAPPEN = 30  # requests walked to the request to Defence, one letter each


def _rapport(label: str, samples: Sequence[float], goal: float, p95_goal: float | None) -> None:
    med, p95 = median_p95(samples)
    doel = f"goal {goal:.0f} ms median" + (f", {p95_goal:.0f} ms p95" if p95_goal else "")
    binnen = med <= goal and (p95_goal is None or p95 <= p95_goal)
    print(
        f"    {label:<42} median {med:8.2f} ms   p95 {p95:8.2f} ms   ({len(samples)}; {doel}: "
        f"{'within goal' if binnen else 'OVER GOAL'})"
    )


def bench_verzoeken(aantal: int, repeat: int, afronden: int) -> None:
    """Part (c), in this process: generate, then time the pages and completing a task."""
    import django

    django.setup()
    import random

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.organisaties.models import Organisatie
    from politiebijstand.verzoeken import services
    from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND
    from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelname, Taak

    sys.path.insert(0, str(REPO / "scripts"))
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import benchdata
    from tests.accounts.helpers import tweede_factor_in_sessie

    setup_test_environment()
    db = settings.DATABASES["default"]
    postgres = db["ENGINE"].endswith("postgresql")
    old_name = None
    if postgres:
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        print(f"    database: PostgreSQL (test database {connection.settings_dict['NAME']})")
    else:
        call_command("migrate", verbosity=0, interactive=False)
        print(f"    database: SQLite file {db['NAME']}")
    try:
        start = time.perf_counter()
        samenvatting = benchdata.genereer(aantal=aantal, uit=print)
        duur = time.perf_counter() - start
        print(
            f"    generated {samenvatting.verzoeken} requests, {samenvatting.taken} tasks "
            f"({samenvatting.open_taken} open) in {duur:.0f} s; by status: "
            + ", ".join(f"{k} {v}" for k, v in sorted(samenvatting.per_status.items()))
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as a database in use has

        def client_van(gebruiker: Gebruiker) -> Client:
            if not Authenticator.objects.filter(user=gebruiker).exists():
                TOTP.activate(gebruiker, generate_totp_secret())
            client = Client()
            client.force_login(gebruiker)
            # The log-in is complete only with the second factor in the session (issue #9).
            tweede_factor_in_sessie(client, gebruiker)
            return client

        print(f"    work queue page, {repeat} requests per organisation")
        alle: list[float] = []
        for code in ("LOCC", "LE-POB", "KORPSCHEF", "RCCB-MN", "DJZ"):
            gebruiker = Gebruiker.objects.get(username=f"bench-{code.lower()}-medewerker")
            client = client_van(gebruiker)
            open_ = Taak.objects.filter(organisatie__code=code, status__in=TAAK_OPENSTAAND).count()
            if client.get("/werkvoorraad/").status_code != 200:
                print(f"    {code}: HTTP error, not timed")
                continue
            samples = [
                ns / 1e6 for ns in timed_ns(functools.partial(client.get, "/werkvoorraad/"), repeat)
            ]
            alle.extend(samples)
            _rapport(
                f"{code} ({open_} open tasks)",
                samples,
                VERZOEK_PAGINA_GOAL_MS,
                VERZOEK_PAGINA_P95_MS,
            )
        if alle:
            _rapport("work queue, all", alle, VERZOEK_PAGINA_GOAL_MS, VERZOEK_PAGINA_P95_MS)

        rng = random.Random(benchdata.SEED)  # noqa: S311 - choosing pages to time
        locc = Gebruiker.objects.get(username="bench-locc-medewerker")
        locc_id = locc.organisatie_id or 0
        uuids = list(
            Bijstandsverzoek.objects.filter(
                pk__in=Deelname.objects.filter(organisatie_id=locc_id).values("verzoek_id")
            ).values_list("uuid", flat=True)
        )
        gekozen = rng.sample(uuids, min(len(uuids), max(repeat * 4, 200)))
        client = client_van(locc)
        client.get(f"/verzoeken/{gekozen[0]}/")
        samples = []
        for u in gekozen:
            t0 = time.perf_counter_ns()
            response = client.get(f"/verzoeken/{u}/")
            samples.append((time.perf_counter_ns() - t0) / 1e6)
            if response.status_code != 200:
                print(f"    request page {u}: HTTP {response.status_code}")
        print(f"    request page as the LOCC, {len(samples)} different requests")
        _rapport("request page", samples, VERZOEK_PAGINA_GOAL_MS, VERZOEK_PAGINA_P95_MS)

        # The yearly report (#11 item 4): national figures of the last whole year of the data.
        jaar = benchdata.NU.year - 1
        # The first request reads the figures (cold); the page keeps them in the cache until the
        # audit trail grows (ADR 0040), so the timed requests after it are served from there.
        # The cold path (the first request after any change) is timed apart: the cache emptied
        # before each request (ADR 0045).
        from django.core.cache import cache

        rapportage = functools.partial(client.get, f"/rapportages/?jaar={jaar}")

        def koud_lezen() -> object:
            cache.clear()
            return rapportage()

        if rapportage().status_code != 200:
            print(f"    yearly report {jaar}: HTTP error, not timed")
        else:
            koud = [ns / 1e6 for ns in timed_ns(koud_lezen, max(repeat // 5, 5))]
            samples = [ns / 1e6 for ns in timed_ns(rapportage, max(repeat // 2, 10))]
            print(
                f"    yearly report {jaar} as the LOCC (national figures): cold (cache emptied "
                f"before each, {len(koud)}) and from the cache ({len(samples)})"
            )
            _rapport("yearly report page, cold", koud, RAPPORTAGE_GOAL_MS, None)
            _rapport("yearly report page, cached", samples, RAPPORTAGE_GOAL_MS, None)
        # The operational picture (issue #11 item 2) at the data's "now", so that the
        # generated pending and active requests are on it; only the page's clock is set.
        from types import SimpleNamespace
        from unittest import mock

        # At least 20 requests each, so that the median means something on a shared machine;
        # the page (first paint) and the part htmx fetches every 30 s (ADR 0044).
        beeld_repeat = max(repeat, 20)
        print(f"    operational picture (/beeld/), {beeld_repeat} requests per organisation")
        klok = SimpleNamespace(now=lambda: benchdata.NU)
        ververs = {"HX-Request": "true", "HX-Target": "beeld-inhoud"}
        for code in ("LOCC", "RCCB-MN"):
            wie = Gebruiker.objects.get(username=f"bench-{code.lower()}-medewerker")
            client = client_van(wie)
            with mock.patch("politiebijstand.beeld.views.timezone", klok):
                if client.get("/beeld/").status_code != 200:
                    print(f"    {code}: HTTP error, not timed")
                    continue
                samples = [
                    ns / 1e6
                    for ns in timed_ns(functools.partial(client.get, "/beeld/"), beeld_repeat)
                ]
                deel = [
                    ns / 1e6
                    for ns in timed_ns(
                        functools.partial(client.get, "/beeld/", headers=ververs), beeld_repeat
                    )
                ]
            _rapport(f"picture as {code}", samples, BEELD_GOAL_MS, None)
            _rapport(f"picture refresh (htmx part) as {code}", deel, BEELD_GOAL_MS, None)

        rccb = Gebruiker.objects.get(username="bench-rccb-mn-medewerker")
        utrecht = Organisatie.objects.get(code="GM0344")
        situatie = {
            "eigen_capaciteit_toereikend": False,
            "taak": "openbare_orde",
            "spoed": False,
            "gemeenten": ["Utrecht"],
            "gevraagd": [{"leverancier": "kmar"}],
        }
        taken = []
        for i in range(afronden):
            verzoek = _bench_verzoek(situatie, f"Bench afronden {i}", utrecht=utrecht, rccb=rccb)
            taken.append(Taak.objects.get(verzoek=verzoek, status__in=TAAK_OPENSTAAND))
        samples = []
        for taak in taken:
            t0 = time.perf_counter_ns()
            services.taak_afronden(taak=taak, data={"verslag": "Vooroverleg gehad."}, door=rccb)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
        print(
            f"    completing a task (taak_afronden: step, audit row, outbox rows), {len(samples)}"
        )
        _rapport("taak_afronden", samples, AFRONDEN_GOAL_MS, None)
        _bench_brief_stap(rccb=rccb, utrecht=utrecht, situatie=situatie)
        _bench_conflicten(repeat)
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)


CONFLICT_GOAL_MS = 20.0  # goal: median of a decision's conflict check (issue #11 item 1)


def _bench_conflicten(repeat: int) -> None:
    """The capacity check of the decision form: a request's claims and their conflicts.

    Loads the demo register, gives up to 2,000 parts two claims each over their request's
    period (random capacities, 1 or 2 units), then times `claims_van_verzoek` + `conflicten`
    for `repeat` random requests (ADR 0038).
    """
    import random

    from politiebijstand.capaciteit.models import Capaciteit, Claim
    from politiebijstand.capaciteit.selectors import claims_van_verzoek
    from politiebijstand.capaciteit.services import conflicten, register_laden
    from politiebijstand.verzoeken.models import Deelverzoek

    register_laden()
    capaciteiten = list(Capaciteit.objects.all())
    delen = list(Deelverzoek.objects.select_related("verzoek").order_by("pk")[:2000])
    if not capaciteiten or not delen:
        print("    conflict check: no register or no requests, not timed")
        return
    kans = random.Random(11)  # noqa: S311 (test data, not security)
    Claim.objects.bulk_create(
        Claim(
            capaciteit=kans.choice(capaciteiten),
            aantal=kans.choice((1, 2)),
            van=d.verzoek.periode_start,
            tot=d.verzoek.periode_eind,
            soort="voorlopig",
            verzoek_id=d.verzoek_id,
            deelverzoek=d,
            aangemaakt_op=d.verzoek.aangemaakt_op,
        )
        for d in delen
        for _ in range(2)
    )
    verzoeken = kans.sample([d.verzoek_id for d in delen], min(repeat, len(delen)))
    samples = []
    for verzoek_id in verzoeken:
        t0 = time.perf_counter_ns()
        conflicten(claims_van_verzoek(verzoek_id))
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    aantal = Claim.objects.count()
    print(f"    capacity conflict check of a request, {aantal} claims in the register")
    _rapport("claims_van_verzoek + conflicten", samples, CONFLICT_GOAL_MS, None)


def _bench_verzoek(situatie: dict[str, Any], titel: str, *, utrecht: Any, rccb: Any) -> Any:
    """A new request of the RCCB Midden-Nederland for Utrecht, two days after the data's now."""
    import benchdata

    from politiebijstand.verzoeken import services

    return services.verzoek_aanmaken(
        situatie=situatie,
        titel=titel,
        bevoegd_gezag=utrecht,
        periode_start=benchdata.NU + timedelta(days=2),
        periode_eind=benchdata.NU + timedelta(days=2, hours=8),
        locatie="Jaarbeursplein, Utrecht",
        gevraagde_capaciteit="4 pelotons",
        door=rccb,
    )


def _bench_brief_stap(*, rccb: Any, utrecht: Any, situatie: dict[str, Any]) -> None:
    """Completing the LOCC's request to Defence: the letter (PDF/A) and its messages (#10)."""
    from django.utils import timezone

    from politiebijstand.verzoeken import services
    from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND
    from politiebijstand.verzoeken.models import Taak

    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.verzoeken.helpers import gebruiker, stap_uitvoeren

    taken = []
    for i in range(BRIEF_STAPPEN):
        verzoek = _bench_verzoek(situatie, f"Bench brief {i}", utrecht=utrecht, rccb=rccb)
        for _ in range(20):
            open_ = list(Taak.objects.filter(verzoek=verzoek, status__in=TAAK_OPENSTAAND))
            doel = next((t for t in open_ if t.bpmn_id == "taak_verzoek_defensie"), None)
            if doel is not None:
                taken.append(doel)
                break
            for taak in open_:
                stap_uitvoeren(taak, None, timezone.now())
    locc = gebruiker("LOCC")
    samples = []
    for taak in taken:
        t0 = time.perf_counter_ns()
        services.taak_afronden(taak=taak, data={"verslag": "Verzoek verstuurd."}, door=locc)
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    print(
        "    the request to Defence in one action (taak_afronden: step, letter rendered as "
        f"PDF/A and stored, messages with the PDF), {len(samples)}"
    )
    _rapport("taak_afronden with a letter", samples, BRIEF_STAP_GOAL_MS, None)


def bench_verzoeken_databases(aantal: int, repeat: int, afronden: int) -> None:
    """Part (c) on a file SQLite database in a temporary folder, and on PostgreSQL if set."""
    import subprocess
    import tempfile

    print(
        f"\n(c) requests: {aantal} generated, work queue and request page (goal 50 ms median, "
        "150 ms p95), operational picture (goal 100 ms median), completing a task (goal 30 ms "
        "median)"
    )
    databases = []
    with tempfile.TemporaryDirectory(prefix="pb-bench-") as tmp:
        databases.append(("SQLite (file)", f"sqlite:///{tmp}/bench.sqlite3"))
        if os.environ.get("PB_DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
            databases.append(("PostgreSQL", os.environ["PB_DATABASE_URL"]))
        for naam, url in databases:
            print(f"  {naam}")
            sys.stdout.flush()
            env = {**os.environ, "PB_DATABASE_URL": url, "PB_BENCH_DEEL": "c"}
            subprocess.run(  # noqa: S603 - our own script
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--verzoeken",
                    str(aantal),
                    "--verzoek-repeat",
                    str(repeat),
                    "--afronden",
                    str(afronden),
                ],
                env=env,
                check=False,
            )


PDF_GOAL_MS = 300.0  # goal: median of rendering one document at most 300 ms (issue #10)


def bench_pdf(repeat: int) -> None:
    """Part (d): rendering each document template, in-process."""
    import django

    django.setup()
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.documenten.voorbeelden import ALLE

    from politiebijstand.documenten.renderen import document_renderen

    print(
        f"\n(d) PDF/A-2b rendering with typst, {repeat} renders per document, goal median <= 300 ms"
    )
    start = time.perf_counter_ns()
    document_renderen(next(iter(ALLE.values())))
    eerste = (time.perf_counter_ns() - start) / 1e6
    print(f"    {'first render of the process':<42} {eerste:8.2f} ms")
    alle: list[float] = []
    for naam, context in ALLE.items():
        teller = itertools.count()

        def render(c: Any = context, t: itertools.count[int] = teller) -> bytes:
            return document_renderen(dataclasses.replace(c, kenmerk=f"BENCH-{next(t)}"))

        samples = [ns / 1e6 for ns in timed_ns(render, repeat)]
        alle.extend(samples)
        grootte = len(document_renderen(context))
        med, p95 = median_p95(samples)
        print(
            f"    {naam:<42} median {med:8.2f} ms   p95 {p95:8.2f} ms   "
            f"({grootte / 1024:.0f} KiB; {verdict(med, PDF_GOAL_MS)})"
        )
    med, p95 = median_p95(alle)
    print(
        f"    {'all documents':<42} median {med:8.2f} ms   p95 {p95:8.2f} ms   "
        f"{verdict(med, PDF_GOAL_MS)}"
    )


API_REPEAT = 100  # requests per operation and way in part (e)


def _kolom(samples: Sequence[float]) -> str:
    """``"median / p95 ms"`` of `samples`, or ``"-"`` when there are none."""
    if not samples:
        return f"{'-':>20}"
    med, p95 = median_p95(samples)
    return f"{med:7.2f} / {p95:7.2f} ms"


def bench_api(cases: list[Case], repeat: int) -> None:
    """Part (e): the API with an organisation's token beside the same through the pages.

    On in-memory SQLite with the reference data and 20 requests of the RCCB Midden-Nederland:
    ``GET /api/v1/verzoeken/{uuid}`` with ``Authorization: Bearer`` (token checked, call and
    view audited), the same with the session, and the request page; ``POST /api/v1/advies``
    of every case file with the token header (the advice is public: the header is not read)
    and the wizard's result page of the same situation with the session. Median and p95 server
    time in ms through the test Client, printed side by side (issue #12 item 3, ADR 0049).
    """
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment, teardown_test_environment

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    print(
        f"\n(e) API with a token beside the pages (#12 item 3), {repeat} requests each, "
        "median / p95 server time"
    )
    if settings.DATABASES["default"]["NAME"] != ":memory:":
        print("    needs in-memory SQLite: DJANGO_SETTINGS_MODULE=politiebijstand.conf.test")
        return
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("referentiedata_laden", stdout=io.StringIO())
        call_command("gebieden_laden", stdout=io.StringIO())
        from tests.accounts.helpers import tweede_factor_in_sessie
        from tests.api.tokens import bearer, token_voor
        from tests.verzoeken.helpers import gebruiker, maak_verzoek

        verzoeken = [maak_verzoek() for _ in range(20)]
        kop = bearer(token_voor("RCCB-MN", naam="Bench"))
        medewerker = gebruiker("RCCB-MN")
        TOTP.activate(medewerker, generate_totp_secret())
        sessie = Client()
        sessie.force_login(medewerker)
        tweede_factor_in_sessie(sessie, medewerker)
        token = Client()

        def reeks(vraag: Callable[[int], Any]) -> list[float]:
            """`repeat` timed calls of `vraag(i)` (after a tenth as warm-up); 200 expected."""
            for i in range(max(1, repeat // 10)):
                vraag(i)
            samples = []
            for i in range(repeat):
                t0 = time.perf_counter_ns()
                response = vraag(i)
                samples.append((time.perf_counter_ns() - t0) / 1e6)
                if response.status_code != 200:
                    print(f"    HTTP {response.status_code} on call {i}: figures not valid")
                    return []
            return samples

        def uuid(i: int) -> str:
            return str(verzoeken[i % len(verzoeken)].uuid)

        def situatie(i: int) -> dict[str, Any]:
            return cases[i % len(cases)].situatie

        print(f"    {'operation':<30} {'API + token':>20} {'API + session':>20} {'page':>20}")
        lezen = (
            reeks(lambda i: token.get(f"/api/v1/verzoeken/{uuid(i)}", headers=kop)),
            reeks(lambda i: sessie.get(f"/api/v1/verzoeken/{uuid(i)}")),
            reeks(lambda i: sessie.get(f"/verzoeken/{uuid(i)}/")),
        )
        print(f"    {'GET one request':<30} " + " ".join(_kolom(s) for s in lezen))
        # Public and rate-limited per address without a session; not what is measured here.
        with override_settings(PUBLIEK_LIMIET_AANTAL=10**9):
            advies: tuple[list[float], ...] = (
                reeks(
                    lambda i: token.post(
                        "/api/v1/advies",
                        json.dumps(situatie(i)),
                        content_type="application/json",
                        headers=kop,
                    )
                ),
                reeks(
                    lambda i: sessie.post(
                        "/api/v1/advies", json.dumps(situatie(i)), content_type="application/json"
                    )
                ),
                [],
            )
            pagina = []
            for i in range(repeat):
                request = wizard_result_request(situatie(i))
                if request is None:
                    break
                t0 = time.perf_counter_ns()
                response = sessie.get(request.path, request.data)
                pagina.append((time.perf_counter_ns() - t0) / 1e6)
                if response.status_code != 200:
                    print(f"    result page: HTTP {response.status_code}, not valid")
                    pagina = []
                    break
        print(
            f"    {'advice (' + str(len(cases)) + ' case files)':<30} "
            + " ".join(_kolom(s) for s in (*advies[:2], pagina))
        )
        print("    (a token call writes an api-aanroep audit row; GET also verzoek-bekeken)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed figures (printed, never asserted).")
    parser.add_argument("--advies-repeat", type=int, default=2000, help="calls per case (a)")
    parser.add_argument("--pagina-repeat", type=int, default=40, help="requests per case (b)")
    parser.add_argument("--verzoeken", type=int, default=50_000, help="requests generated (c)")
    parser.add_argument("--verzoek-repeat", type=int, default=50, help="page requests (c)")
    parser.add_argument("--afronden", type=int, default=200, help="tasks completed (c)")
    parser.add_argument("--zonder-verzoeken", action="store_true", help="skip part (c)")
    parser.add_argument("--pdf-repeat", type=int, default=50, help="renders per document (d)")
    parser.add_argument("--api-repeat", type=int, default=API_REPEAT, help="requests each (e)")
    parser.add_argument("--alleen-api", action="store_true", help="only part (e)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.test")
    if os.environ.get("PB_BENCH_DEEL") == "c":  # the child process of part (c)
        bench_verzoeken(args.verzoeken, args.verzoek_repeat, args.afronden)
        return 0

    cases = load_cases()
    print(f"politiebijstand bench: {len(cases)} case files in {CASES_DIR}")
    print(f"python {sys.version.split()[0]}, settings {os.environ['DJANGO_SETTINGS_MODULE']}\n")
    if not cases:
        print(f"no case files found in {CASES_DIR}")
        return 0
    if args.alleen_api:
        bench_api(cases, args.api_repeat)
        return 0
    bench_advies(cases, args.advies_repeat)
    bench_pagina(cases, args.pagina_repeat)
    bench_pdf(args.pdf_repeat)
    bench_api(cases, args.api_repeat)
    if not args.zonder_verzoeken:
        bench_verzoeken_databases(args.verzoeken, args.verzoek_repeat, args.afronden)
    return 0


if __name__ == "__main__":
    sys.exit(main())
