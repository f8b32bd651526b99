"""What one request of each page costs, one at a time, in the product's own process (#13 item 4).

    python scripts/load/kosten.py --plan var/bench-load/plan.json [--accounts 16] [--rondes 5]

Run by `make bench-load` after its phases, beside run-prod, in the product's environment
(``run-prod.omgeving``: the production settings and run-prod's PostgreSQL). Each of the plan's
first ``--accounts`` accounts logs in for real (password, then the TOTP code, allauth's two
pages) through Django's test client, in this process; then each page of the load's mix and
each floor is asked ``--rondes`` times per account, one request at a time, while this process
measures per request:

- **CPU**: this process's CPU time (`time.process_time`): Django, the template, the ORM and
  psycopg; not PostgreSQL's own work, which runs in its backend;
- **database**: the time spent in the database calls (a `connection.execute_wrapper`): the
  round trips and PostgreSQL's planning and execution;
- **queries**: the number of database calls.

Prints a Markdown section: a table of the medians per page, and from the CPU and the mix's
weights (the locustfile's ``@task`` weights, the reads only) the ceiling that CPU alone puts on
the mixed throughput of a machine whose whole CPU serves the web processes: the cores times
1000 divided by the weighted mean CPU ms. It is an upper bound: the database, the load tool and
the workers share the same cores under load, and the writes cost more than the reads.

Exit status 0; 1 when a log-in or a page fails (named).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The pages of the load's mix and their weights in the locustfile (``@task``), the reads
#: only (the step completion writes, and would use up the plan's steps); then the floors.
MIX = {"werkvoorraad": 30, "verzoek": 25, "beeld": 15, "advies (API)": 15, "stap lezen (API)": 10}
VLOEREN = ("vloer werkvoorraad", "vloer verzoek", "vloer beeld")
PAGINA_VLOER = dict(zip(("werkvoorraad", "verzoek", "beeld"), VLOEREN, strict=True))


@dataclass
class Meting:
    """The per-request measurements of one page: CPU ms, database ms, query counts."""

    cpu: list[float] = field(default_factory=list)
    database: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)


class Mislukt(Exception):
    """A log-in or a page failed (the message names it)."""


@contextmanager
def _database_klok(meting: dict[str, float]) -> Iterator[None]:
    """Add the seconds and the count of the database calls made inside to `meting`."""
    from django.db import connection

    def wrapper(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        begin = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            meting["seconden"] += time.perf_counter() - begin
            meting["aantal"] += 1

    with connection.execute_wrapper(wrapper):
        yield


def inloggen(naam: str, plan: dict[str, Any]) -> Any:
    """A test client logged in as `naam` with the plan's password and TOTP secret (allauth).

    Raises:
        Mislukt: a page of the log-in did not lead on (its status named).
    """
    from django.test import Client

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    client = Client(HTTP_HOST="127.0.0.1")
    antwoord = client.post("/accounts/login/", {"login": naam, "password": plan["wachtwoord"]})
    if "/2fa/authenticate" not in antwoord.get("Location", ""):
        raise Mislukt(f"inloggen {naam}: geen tweede stap ({antwoord.status_code})")
    for poging in range(2):
        if poging:
            time.sleep(30 - time.time() % 30 + 0.5)  # the next period's code
        code = format_hotp_value(hotp_value(plan["totp_geheim"], int(time.time()) // 30))
        antwoord = client.post("/accounts/2fa/authenticate/", {"code": code})
        if antwoord.status_code == 302 and "/2fa/" not in antwoord["Location"]:
            return client
    raise Mislukt(f"inloggen {naam}: tweede factor geweigerd ({antwoord.status_code})")


def paginas(client: Any, account: dict[str, Any], plan: dict[str, Any]) -> dict[str, Any]:
    """Per page name a call that asks it once, as the locustfile does."""
    verzoeken = account["verzoeken"]
    stappen = account["stappen"]
    situatie = plan["situaties"][0]
    gevraagd: dict[str, Callable[[], Any]] = {
        "werkvoorraad": lambda: client.get("/werkvoorraad/"),
        "beeld": lambda: client.get("/beeld/"),
        "advies (API)": lambda: client.post(
            "/api/v1/advies", json.dumps(situatie), content_type="application/json"
        ),
        "vloer werkvoorraad": lambda: client.get("/bench/vloer/werkvoorraad/"),
        "vloer beeld": lambda: client.get("/bench/vloer/beeld/"),
    }
    if verzoeken:
        gevraagd["verzoek"] = lambda: client.get(f"/verzoeken/{verzoeken[0]}/")
        gevraagd["vloer verzoek"] = lambda: client.get(f"/bench/vloer/verzoeken/{verzoeken[0]}/")
    if stappen:
        gevraagd["stap lezen (API)"] = lambda: client.get(f"/api/v1/taken/{stappen[-1]}")
    return gevraagd


def meten(plan: dict[str, Any], *, accounts: int, rondes: int) -> dict[str, Meting]:
    """Log in `accounts` accounts of the plan and measure each page `rondes` times each.

    Raises:
        Mislukt: a log-in failed, or a page answered other than 200.
    """
    metingen: dict[str, Meting] = {}
    for account in plan["accounts"][:accounts]:
        client = inloggen(account["gebruikersnaam"], plan)
        for naam, vraag in paginas(client, account, plan).items():
            if vraag().status_code != 200:  # once unmeasured: the session and caches warm
                raise Mislukt(f"{naam} voor {account['gebruikersnaam']}: geen 200")
            meting = metingen.setdefault(naam, Meting())
            for _ in range(rondes):
                klok = {"seconden": 0.0, "aantal": 0.0}
                with _database_klok(klok):
                    begin = time.process_time()
                    status = vraag().status_code
                    cpu = time.process_time() - begin
                if status != 200:
                    raise Mislukt(f"{naam} voor {account['gebruikersnaam']}: {status}")
                meting.cpu.append(cpu * 1000)
                meting.database.append(klok["seconden"] * 1000)
                meting.queries.append(int(klok["aantal"]))
        print(f"kosten: {account['gebruikersnaam']} gemeten", file=sys.stderr, flush=True)
    return metingen


def _totaal(meting: Meting) -> float:
    """The median of CPU plus database ms per request."""
    return statistics.median(c + d for c, d in zip(meting.cpu, meting.database, strict=True))


def plafond(metingen: dict[str, Meting], kernen: int) -> tuple[float, float]:
    """The mix's weighted mean CPU ms per request (reads) and the ceiling it puts on it.

    Returns:
        ``(ms, requests per second)``: `kernen` * 1000 / ms.
    """
    gewogen = [(MIX[n], statistics.median(m.cpu)) for n, m in metingen.items() if n in MIX]
    ms = sum(g * c for g, c in gewogen) / sum(g for g, _ in gewogen)
    return ms, kernen * 1000 / ms


def verslag(metingen: dict[str, Meting], *, accounts: int, rondes: int, kernen: int) -> str:
    """The Markdown section: the table of medians and the ceiling."""
    regels = [
        f"#### Cost per request, one at a time ({accounts} accounts, {rondes} times each, "
        "`scripts/load/kosten.py`)",
        "",
        "| Request | CPU ms (web process) | Database ms | Queries |",
        "|---|---:|---:|---:|",
    ]
    for naam in [*MIX, *VLOEREN]:
        if naam in metingen:
            m = metingen[naam]
            regels.append(
                f"| {naam} | {statistics.median(m.cpu):.1f} | "
                f"{statistics.median(m.database):.1f} | {statistics.median(m.queries):.0f} |"
            )
    ms, per_seconde = plafond(metingen, kernen)
    verhoudingen = [
        f"{pagina} {_totaal(metingen[pagina]) / _totaal(metingen[vloer]):.1f}x"
        for pagina, vloer in PAGINA_VLOER.items()
        if pagina in metingen and vloer in metingen
    ]
    regels += [
        "",
        "Page against its floor, one request at a time (CPU plus database ms, medians): "
        + "; ".join(verhoudingen)
        + ".",
        "",
        f"The mix's reads, weighted as the locustfile asks them: {ms:.1f} ms of CPU in the web "
        f"process per request, so the web processes alone could serve at most "
        f"**{per_seconde:.0f} requests/s** with all {kernen} cores and nothing else on them "
        "(an upper bound: under load the database, locust and the workers take their share, "
        "and the writes cost more).",
    ]
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    """Measure and print (see the module's docstring)."""
    parser = argparse.ArgumentParser(prog="kosten.py", description=__doc__.split("\n")[0])
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--accounts", type=int, default=16)
    parser.add_argument("--rondes", type=int, default=5)
    args = parser.parse_args(argv)
    if args.accounts < 1 or args.rondes < 1:
        parser.error("--accounts en --rondes: minstens 1")
    try:
        plan = json.loads(args.plan.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        parser.error(f"--plan {args.plan}: niet te lezen ({exc.__class__.__name__})")
    import django

    django.setup()
    try:
        metingen = meten(plan, accounts=args.accounts, rondes=args.rondes)
    except Mislukt as exc:
        print(f"kosten: {exc}", file=sys.stderr)
        return 1
    kernen = os.cpu_count() or 1
    print(verslag(metingen, accounts=args.accounts, rondes=args.rondes, kernen=kernen))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
