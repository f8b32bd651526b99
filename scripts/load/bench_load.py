"""`make bench-load`: a mixed load on production mode, measured into docs/performance.md (#13).

    python scripts/load/bench_load.py [--locust .venv-load/bin/locust] [--data var/bench-load]
        [--fase1 16:60] [--fase2 50:120] [--verzoeken 50000] [--audit 1000000]
        [--schrijf docs/performance.md]

What it does, in order (ADR 0054):

1. starts `scripts/run-prod.sh` (PostgreSQL of its own in ``--data``/pg, 2 gunicorn web
   processes, 2 huey workers, the mail catcher; demo data) on a free loopback port, with
   ``PB_BENCH_VLOER=1`` (the floor views of `politiebijstand.conf.vloer`), and waits for
   ``/healthz``;
2. the first time for that folder, has run-prod fill the database with `scripts/volumedata.py`
   after its demo data and before its processes start (``PB_RUN_PROD_NA_LADEN``; ten years:
   50,000 requests, 1,000,000 audit rows, 200 accounts; ``--verzoeken`` and ``--audit`` for a
   smaller try), marked done by ``volumedata.klaar``;
3. writes the plan with `scripts/load/voorbereiden.py` (accounts, requests, steps), after
   waiting until run-prod's workers have caught up with the timers, reminders and messages due
   since the generated history's end (so that the phases do not measure that catch-up);
4. phase 1, saturation: ``--fase1`` users (``users:seconds``) without think time; phase 2:
   ``--fase2`` users thinking 1 to 5 s; each a headless locust run of
   `scripts/load/locustfile.py`, while the CPU of the web processes, workers, database and
   locust is sampled every 0.5 s (psutil);
5. then asks each page once at a time in the product's own process (`scripts/load/kosten.py`:
   CPU, database time and queries per request, and the ceiling the CPU puts on the mix);
6. stops run-prod (SIGINT, as Ctrl-C), prints the figures and, for the standard run (`STANDAARD`)
   or with ``--schrijf FILE``, writes them between the markers ``<!-- bench-load:begin -->``
   and ``<!-- bench-load:end -->`` of docs/performance.md (or FILE).

Times are milliseconds, throughput requests per second, CPU in percent of one core (200 % is
both cores of the machine), all measured, never asserted. Exit status 0, 1 when run-prod or a
phase fails (its log named), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psutil

REPO = Path(__file__).resolve().parents[2]
BEGIN = "<!-- bench-load:begin -->"
EIND = "<!-- bench-load:end -->"
#: The request names of the locustfile: the pages, the API, and each page's floor.
PAGINAS = {"werkvoorraad": "vloer werkvoorraad", "verzoek": "vloer verzoek", "beeld": "vloer beeld"}
SCHRIJVEN = {"stap afronden (API)"}
#: The standard run, the one docs/performance.md holds: phases (users, seconds), requests, audit.
STANDAARD = ((16, 60), (50, 120), 50_000, 1_000_000)
NIET_GEMENGD = {"inloggen"}
#: The heading with which `scripts/load/kosten.py`'s section begins.
KOSTEN_KOP = "#### Cost per request"


class Mislukt(Exception):
    """A step of the benchmark failed (the message names its log)."""


@dataclass(frozen=True)
class Fase:
    """One locust run: `gebruikers` users for `seconden` s, thinking `denktijd` ("0", "1-5")."""

    naam: str
    gebruikers: int
    seconden: int
    denktijd: str
    accounts: slice


@dataclass
class Cpu:
    """CPU seconds per role over time: samples of (monotonic time, {role: cumulative seconds})."""

    monsters: list[tuple[float, dict[str, float]]] = field(default_factory=list)

    def tussen(self, begin: float, eind: float) -> dict[str, float]:
        """Percent of one core per role between two monotonic times (the samples within)."""
        binnen = [m for m in self.monsters if begin <= m[0] <= eind]
        if len(binnen) < 2:
            return {}
        (t0, eerst), (t1, laatst) = binnen[0], binnen[-1]
        return {
            rol: 100 * (laatst[rol] - eerst.get(rol, 0.0)) / (t1 - t0) for rol in sorted(laatst)
        }


def _fase(tekst: str, naam: str) -> tuple[int, int]:
    try:
        gebruikers, seconden = (int(x) for x in tekst.split(":", 1))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{naam}: verwacht gebruikers:seconden, kreeg {tekst!r}"
        ) from None
    if gebruikers < 1 or seconden < 1:
        raise argparse.ArgumentTypeError(f"{naam}: gebruikers en seconden minstens 1")
    return gebruikers, seconden


def _aantal(tekst: str, naam: str) -> int:
    """A whole number of at least 1 for option `naam`, or argparse's error naming it."""
    try:
        aantal = int(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{naam}: verwacht een geheel getal, kreeg {tekst!r}"
        ) from None
    if aantal < 1:
        raise argparse.ArgumentTypeError(f"{naam}: minstens 1, kreeg {aantal}")
    return aantal


def vrije_poort() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _seconden(proces: psutil.Process) -> float:
    tijden = proces.cpu_times()
    return float(tijden.user + tijden.system)


def cpu_stand(*, sessie: int, postmaster: int, locust: int) -> dict[str, float]:
    """Cumulative CPU seconds per role now.

    ``web`` (gunicorn) and ``werker`` (huey) are run-prod's processes (its session `sessie`);
    ``database`` is the postmaster, its live children and the children it has reaped (a
    backend per connection lives shorter than a sample); ``belasting`` is locust.
    """
    # Imported here: psutil is in .venv-load only; the argument checks run without it (tests).
    import psutil

    stand = {"web": 0.0, "werker": 0.0, "database": 0.0, "belasting": 0.0}
    try:
        pm = psutil.Process(postmaster)
        tijden = pm.cpu_times()
        stand["database"] += float(
            tijden.user + tijden.system + tijden.children_user + tijden.children_system
        )
        for kind in pm.children():
            with contextlib.suppress(psutil.Error):
                stand["database"] += _seconden(kind)
    except psutil.Error:
        pass
    try:
        lt = psutil.Process(locust)
        stand["belasting"] += _seconden(lt)
        for kind in lt.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                stand["belasting"] += _seconden(kind)
    except psutil.Error:
        pass
    for proces in psutil.process_iter():
        try:
            if proces.pid == postmaster or os.getsid(proces.pid) != sessie:
                continue
            regel = " ".join(proces.cmdline())
            if "gunicorn" in regel:
                stand["web"] += _seconden(proces)
            elif "run_huey" in regel:
                stand["werker"] += _seconden(proces)
        except (psutil.Error, OSError):
            continue
    return stand


def cpu_meten(
    cpu: Cpu, stop: threading.Event, *, sessie: int, postmaster: int, locust: int
) -> None:
    """Sample `cpu_stand` every 0.5 s into `cpu` until `stop`."""
    while True:
        cpu.monsters.append(
            (time.monotonic(), cpu_stand(sessie=sessie, postmaster=postmaster, locust=locust))
        )
        if stop.wait(0.5):
            return


def productie_omgeving(data: Path) -> dict[str, str]:
    """The environment of run-prod's processes, for the scripts run beside them.

    Read from the file run-prod writes at each start (``run-prod.omgeving``, the one
    docs/backup.md tells operators to source), by sourcing it with bash as they do, over this
    process's own environment.

    Raises:
        Mislukt: the file is missing or bash cannot read it.
    """
    bestand = data / "run-prod.omgeving"
    gelezen = subprocess.run(  # noqa: S603 - bash reads run-prod's own file
        ["/bin/bash", "-c", 'set -a; . "$1"; set +a; env -0', "bash", str(bestand)],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if gelezen.returncode != 0:
        raise Mislukt(f"{bestand} is niet te lezen: {gelezen.stderr.strip()}")
    omgeving = dict(os.environ)
    for regel in gelezen.stdout.split("\0"):
        naam, _, waarde = regel.partition("=")
        if naam == "DJANGO_SETTINGS_MODULE" or naam.startswith(("PB_", "PYTHONPATH")):
            omgeving[naam] = waarde
    return omgeving


def wachten_op(url: str, proces: subprocess.Popen[bytes], log: Path, seconden: int) -> None:
    """Until `url` answers 200, at most `seconden`; Mislukt when the process ended first."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise Mislukt(f"run-prod stopte (code {proces.returncode}); zie {log}")
        try:
            with urllib.request.urlopen(url, timeout=5) as antwoord:  # noqa: S310 - loopback
                if antwoord.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise Mislukt(f"{url} antwoordt niet binnen {seconden} s; zie {log}")


def uitvoeren(opdracht: list[str], omgeving: dict[str, str], log: Path) -> str:
    """Run a script beside run-prod; its output goes to `log` (and is returned)."""
    print(f"bench-load: {' '.join(opdracht)}", flush=True)
    with log.open("w", encoding="utf-8") as uit:
        klaar = subprocess.run(  # noqa: S603 - our own scripts
            opdracht, env=omgeving, cwd=REPO, stdout=uit, stderr=subprocess.STDOUT, check=False
        )
    tekst = log.read_text(encoding="utf-8")
    if klaar.returncode != 0:
        raise Mislukt(f"{opdracht[1]} mislukte (code {klaar.returncode}); zie {log}")
    return tekst


def percentiel(waarden: list[float], p: int) -> float:
    """The `p`-th percentile (inclusive method), 0.0 for no values."""
    if not waarden:
        return 0.0
    if len(waarden) == 1:
        return waarden[0]
    return statistics.quantiles(waarden, n=100, method="inclusive")[p - 1]


def samenvatten(tijden: list[float], fouten: int, seconden: float) -> dict[str, float]:
    """Count, throughput, p50/p95/p99 and errors of one set of response times (ms)."""
    return {
        "aantal": len(tijden),
        "per_seconde": len(tijden) / seconden if seconden else 0.0,
        "p50": percentiel(tijden, 50),
        "p95": percentiel(tijden, 95),
        "p99": percentiel(tijden, 99),
        "fouten": fouten,
    }


def fase_uitvoeren(
    fase: Fase, *, locust: str, basis: str, plan: Path, data: Path, sessie: int
) -> dict[str, Any]:
    """Run one phase with locust and the CPU sampler; its figures (see `samenvatten`).

    The window is the locustfile's: from the moment the last user has logged in to the start
    of the stop; the CPU is taken over the same window.

    Raises:
        Mislukt: locust wrote no result (its log named).
    """
    uitvoer = data / f"{fase.naam}.json"
    uitvoer.unlink(missing_ok=True)
    log = data / f"{fase.naam}.log"
    omgeving = dict(os.environ)
    omgeving.update(
        {
            "PB_LAST_PLAN": str(plan),
            "PB_LAST_DENKTIJD": fase.denktijd,
            "PB_LAST_ACCOUNTS": f"{fase.accounts.start}:{fase.accounts.stop}",
            "PB_LAST_GEBRUIKERS": str(fase.gebruikers),
            "PB_LAST_SECONDEN": str(fase.seconden),
            "PB_LAST_UITVOER": str(uitvoer),
        }
    )
    opdracht = [
        locust,
        "-f",
        str(REPO / "scripts" / "load" / "locustfile.py"),
        "--headless",
        "--only-summary",
        "-u",
        str(fase.gebruikers),
        "-r",
        str(fase.gebruikers),
        # The locustfile ends the test `seconden` after the last log-in; this is the net.
        "-t",
        f"{fase.seconden + 300}s",
        "--stop-timeout",
        "10",
        "--host",
        basis,
    ]
    print(
        f"bench-load: {fase.naam}: {fase.gebruikers} gebruikers, {fase.seconden} s, "
        f"denktijd {fase.denktijd} s",
        flush=True,
    )
    postmaster = int(
        (data / "pg" / "data" / "postmaster.pid").read_text(encoding="utf-8").split()[0]
    )
    cpu = Cpu()
    stop = threading.Event()
    with log.open("w", encoding="utf-8") as uit:
        proces = subprocess.Popen(  # noqa: S603 - the load tool
            opdracht, env=omgeving, cwd=REPO, stdout=uit, stderr=subprocess.STDOUT
        )
        meter = threading.Thread(
            target=cpu_meten,
            args=(cpu, stop),
            kwargs={"sessie": sessie, "postmaster": postmaster, "locust": proces.pid},
            daemon=True,
        )
        meter.start()
        code = proces.wait()
    stop.set()
    meter.join()
    if not uitvoer.exists():
        raise Mislukt(f"locust ({fase.naam}) schreef geen uitkomst (code {code}); zie {log}")
    ruw = json.loads(uitvoer.read_text(encoding="utf-8"))
    seconden = float(ruw["eind"] - ruw["begin"]) if ruw["begin"] else 0.0
    per_naam = {
        naam: samenvatten(tijden, ruw["fouten"].get(naam, 0), seconden)
        for naam, tijden in sorted(ruw["tijden"].items())
    }
    gemengd = [
        t
        for naam, tijden in ruw["tijden"].items()
        if naam not in NIET_GEMENGD and not naam.startswith("vloer")
        for t in tijden
    ]
    lezen = [
        t
        for naam, tijden in ruw["tijden"].items()
        if naam not in NIET_GEMENGD | SCHRIJVEN and not naam.startswith("vloer")
        for t in tijden
    ]
    schrijven = [t for naam in SCHRIJVEN for t in ruw["tijden"].get(naam, [])]
    return {
        "fase": fase,
        "per_naam": per_naam,
        "gemengd": samenvatten(gemengd, sum(ruw["fouten"].values()), seconden),
        "lezen": samenvatten(lezen, 0, seconden),
        "schrijven": samenvatten(schrijven, 0, seconden),
        "foutmeldingen": ruw["foutmeldingen"],
        "ingelogd": ruw["ingelogd"],
        "cpu": cpu.tussen(ruw["begin"], ruw["eind"]) if ruw["begin"] else {},
        "seconden": seconden,
    }


#: The rows of the generator's report that the summary names.
_SAMENVATTING = {
    "verzoeken.Bijstandsverzoek": "requests",
    "verzoeken.Taak": "steps",
    "documenten.Document": "documents",
    "meldingen.Bericht": "messages",
    "audit.AuditLogEntry": "audit rows",
    "accounts.Gebruiker": "accounts",
}


def volume_samenvatting(rapport: str) -> str:
    """A line such as "50,000 requests, ..., database 2 GB, generated in 312 s"."""
    delen: list[str] = []
    for regel in rapport.splitlines():
        woorden = regel.split()
        if len(woorden) == 2 and woorden[0] in _SAMENVATTING:
            delen.append(f"{woorden[1]} {_SAMENVATTING[woorden[0]]}")
        elif regel.startswith("Databasegrootte:"):
            delen.append("database " + regel.split(":", 1)[1].split("(")[0].strip())
        elif woorden[:1] == ["totaal"] and len(woorden) == 2:
            delen.append(f"generated in {float(woorden[1]):.0f} s")
    return ", ".join(delen) or "(no report)"


def _ms(waarde: float) -> str:
    return f"{waarde:.0f}" if waarde >= 10 else f"{waarde:.1f}"


def verslag(
    uitkomsten: list[dict[str, Any]],
    *,
    opdracht: str,
    volume: str,
    voorbereiding: str,
    kosten: str = "",
) -> str:
    """The Markdown written between the markers.

    The machine, the command, the data set, and per phase a table of requests (count, per
    second, p50/p95/p99 in ms, errors), the mix, the reads and writes, each page against its
    floor, and the CPU per role; then `kosten`, the section of `scripts/load/kosten.py`.
    """
    import psutil

    nu = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    regels = [
        f"Measured {nu} on {platform.node() or 'this machine'}: {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
        "PostgreSQL of `make run-prod`, 2 gunicorn web processes, 2 huey workers; the load tool "
        "(locust, one process) on the same machine.",
        "",
        f"Command: `{opdracht}`",
        "",
        f"Data set (`scripts/volumedata.py`, once per data folder): {volume_samenvatting(volume)}",
        "",
        "<details><summary>The generator's report</summary>",
        "",
        "```text",
        volume.strip(),
        "```",
        "",
        "</details>",
        "",
        f"Plan: {voorbereiding}",
        "",
    ]
    for u in uitkomsten:
        fase: Fase = u["fase"]
        denk = "no think time" if fase.denktijd == "0" else f"think time {fase.denktijd} s"
        regels += [
            f"#### {fase.naam}: {fase.gebruikers} users, {denk}, {fase.seconden} s "
            f"(measured over {u['seconden']:.0f} s after the last user's log-in; "
            f"{u['ingelogd']} of {fase.gebruikers} users logged in)",
            "",
            "| Request | Count | Per s | p50 ms | p95 ms | p99 ms | Errors |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for naam, s in u["per_naam"].items():
            regels.append(
                f"| {naam} | {s['aantal']} | {s['per_seconde']:.1f} | {_ms(s['p50'])} | "
                f"{_ms(s['p95'])} | {_ms(s['p99'])} | {s['fouten']} |"
            )
        g, lz, sc = u["gemengd"], u["lezen"], u["schrijven"]
        regels += [
            f"| **mixed (pages and API; errors: all, log-in too)** | {g['aantal']} | "
            f"**{g['per_seconde']:.1f}** | {_ms(g['p50'])} | {_ms(g['p95'])} | "
            f"{_ms(g['p99'])} | **{g['fouten']}** |",
            f"| reads (pages and API, no floor) | {lz['aantal']} | {lz['per_seconde']:.1f} | "
            f"{_ms(lz['p50'])} | **{_ms(lz['p95'])}** | {_ms(lz['p99'])} | |",
            f"| writes (step completion) | {sc['aantal']} | {sc['per_seconde']:.1f} | "
            f"{_ms(sc['p50'])} | **{_ms(sc['p95'])}** | {_ms(sc['p99'])} | |",
            "",
            "Page against its floor (the same main query as JSON, no template), p50 and p95: "
            + "; ".join(
                f"{pagina} {_verhouding(u, pagina, vloer, 'p50')} / "
                f"{_verhouding(u, pagina, vloer, 'p95')}"
                for pagina, vloer in PAGINAS.items()
            )
            + ".",
            "",
            "CPU (percent of one core, mean over the window; 200 % is the whole machine): "
            + ", ".join(f"{rol} {pct:.0f} %" for rol, pct in u["cpu"].items())
            + ".",
            "",
        ]
        if u["foutmeldingen"]:
            regels += ["Errors seen (first of each kind):", ""]
            regels += [f"- {m}" for m in u["foutmeldingen"][:10]]
            regels.append("")
    if kosten:
        regels += [kosten.strip(), ""]
    return "\n".join(regels)


def _verhouding(u: dict[str, Any], pagina: str, vloer: str, p: str) -> str:
    a, b = u["per_naam"].get(pagina), u["per_naam"].get(vloer)
    if not a or not b or not b[p]:
        return "n/a"
    return f"{a[p] / b[p]:.1f}x"


def schrijfdoel(schrijf: str, *, standaard: bool) -> Path | None:
    """The file the figures go into, or None to print them only.

    ``--schrijf`` as given; for ``"auto"`` (its default) docs/performance.md for the standard
    run and None for a try; ``""``: None.
    """
    if schrijf == "auto":
        return REPO / "docs" / "performance.md" if standaard else None
    return Path(schrijf) if schrijf else None


def schrijfdoel_fout(doel: Path) -> str | None:
    """Why the figures cannot be written into `doel` (checked before the run), or None."""
    try:
        inhoud = doel.read_text(encoding="utf-8")
    except FileNotFoundError:
        return f"--schrijf {doel}: het bestand bestaat niet"
    except (OSError, UnicodeDecodeError) as exc:
        return f"--schrijf {doel}: niet te lezen ({exc.__class__.__name__})"
    if BEGIN not in inhoud or EIND not in inhoud:
        return f"--schrijf {doel}: de markeringen {BEGIN} en {EIND} ontbreken"
    return None


def schrijven_in(doel: Path, tekst: str) -> None:
    """Replace what stands between the markers of `doel` by `tekst`.

    Raises:
        Mislukt: `doel` lacks one of the markers (nothing is written then).
    """
    fout = schrijfdoel_fout(doel)
    if fout is not None:
        raise Mislukt(fout)
    inhoud = doel.read_text(encoding="utf-8")
    voor, rest = inhoud.split(BEGIN, 1)
    _, na = rest.split(EIND, 1)
    doel.write_text(f"{voor}{BEGIN}\n{tekst}\n{EIND}{na}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """The benchmark (see the module's docstring)."""
    parser = argparse.ArgumentParser(prog="bench_load.py", description=__doc__.split("\n")[0])
    parser.add_argument("--locust", default=str(REPO / ".venv-load" / "bin" / "locust"))
    parser.add_argument("--bin", default=str(REPO / ".venv" / "bin"))
    parser.add_argument("--data", type=Path, default=REPO / "var" / "bench-load")
    parser.add_argument("--fase1", type=lambda t: _fase(t, "--fase1"), default=(16, 60))
    parser.add_argument("--fase2", type=lambda t: _fase(t, "--fase2"), default=(50, 120))
    parser.add_argument("--verzoeken", type=lambda t: _aantal(t, "--verzoeken"), default=50_000)
    parser.add_argument("--audit", type=lambda t: _aantal(t, "--audit"), default=1_000_000)
    parser.add_argument(
        "--schrijf",
        default="auto",
        help=(
            "the file with the markers; empty: only print; default: docs/performance.md for "
            "a run of the standard sizes, nothing for a try"
        ),
    )
    args = parser.parse_args(argv)
    standaard = (args.fase1, args.fase2, args.verzoeken, args.audit) == STANDAARD
    # Checked now, not after a run of minutes (the file is checked again when written).
    doel = schrijfdoel(args.schrijf, standaard=standaard)
    if doel is not None and (fout := schrijfdoel_fout(doel)) is not None:
        parser.error(fout)
    # The command as a user types it: the options beyond the two the Makefile always gives.
    gegeven = list(argv if argv is not None else sys.argv[1:])
    for vast in ("--locust", "--bin"):
        if vast in gegeven:
            plek = gegeven.index(vast)
            del gegeven[plek : plek + 2]
    opdracht = "make bench-load" + (
        f' BENCH_LOAD_OPTIES="{shlex.join(gegeven)}"' if gegeven else ""
    )
    data: Path = args.data.resolve()
    data.mkdir(parents=True, exist_ok=True)
    poort, mailpoort = vrije_poort(), vrije_poort()
    log = data / "run-prod.log"
    omgeving = dict(os.environ)
    omgeving.update(
        {
            "PB_DATA_DIR": str(data),
            "PORT": str(poort),
            "PB_MAILVANGER_POORT": str(mailpoort),
            "PB_BENCH_VLOER": "1",
            "BIN": args.bin,
        }
    )
    # The first time for this folder, run-prod fills the database after its own data and before
    # its workers start (PB_RUN_PROD_NA_LADEN): workers writing messages beside the generator
    # would take the ids it counts on. The sizes are kept, so that a try's small data set is
    # never reported as the full one.
    klaar, volumelog = data / "volumedata.klaar", data / "volumedata.log"
    maten_bestand = data / "volumedata.maten"
    maten = f"--verzoeken {args.verzoeken} --audit {args.audit}"
    if klaar.exists():
        gevuld = maten_bestand.read_text(encoding="utf-8") if maten_bestand.exists() else "?"
        if gevuld != maten:
            print(
                f"bench-load: --data {data} is gevuld met {gevuld}, gevraagd is {maten}; "
                "kies een andere --data of verwijder de map",
                file=sys.stderr,
            )
            return 2
    else:
        volumelog.unlink(missing_ok=True)
        vullen = [
            str(Path(args.bin).resolve() / "python"),
            str(REPO / "scripts" / "volumedata.py"),
            "--ook-als-niet-leeg",
            "--verzoeken",
            str(args.verzoeken),
            "--audit",
            str(args.audit),
        ]
        omgeving["PB_RUN_PROD_NA_LADEN"] = (
            f"{shlex.join(vullen)} > {shlex.quote(str(volumelog))} 2>&1"
        )
        print(f"bench-load: {shlex.join(vullen)} (log: {volumelog})", flush=True)
    print(f"bench-load: run-prod op 127.0.0.1:{poort} (log: {log})", flush=True)
    with log.open("w", encoding="utf-8") as uit:
        runprod = subprocess.Popen(  # noqa: S603 - our own script
            ["/bin/bash", str(REPO / "scripts" / "run-prod.sh")],
            env=omgeving,
            cwd=REPO,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    basis = f"http://127.0.0.1:{poort}"
    try:
        wachten_op(f"{basis}/healthz", runprod, log, 3600)
        if not klaar.exists():
            if not volumelog.exists():
                raise Mislukt(f"de data zijn niet gevuld; zie {log}")
            klaar.write_text(volumelog.read_text(encoding="utf-8"), encoding="utf-8")
            maten_bestand.write_text(maten, encoding="utf-8")
        volume = klaar.read_text(encoding="utf-8")
        product = productie_omgeving(data)
        python = str(Path(args.bin) / "python")
        plan = data / "plan.json"
        voorbereiding = (
            uitvoeren(
                [
                    python,
                    "scripts/load/voorbereiden.py",
                    "--plan",
                    str(plan),
                    "--accounts",
                    str(args.fase1[0] + args.fase2[0]),
                ],
                product,
                data / "voorbereiden.log",
            )
            .strip()
            .splitlines()[-1]
        )
        g1, s1 = args.fase1
        g2, s2 = args.fase2
        fasen = [
            Fase("fase-1-verzadiging", g1, s1, "0", slice(0, g1)),
            Fase("fase-2-denktijd", g2, s2, "1-5", slice(g1, g1 + g2)),
        ]
        accounts = len(json.loads(plan.read_text(encoding="utf-8"))["accounts"])
        if accounts < g1 + g2:
            raise Mislukt(
                f"het plan heeft {accounts} accounts, de fasen vragen {g1} + {g2}; "
                "minder gebruikers, of meer accounts (make volumedata GEBRUIKERS=)"
            )
        uitkomsten = [
            fase_uitvoeren(
                f, locust=args.locust, basis=basis, plan=plan, data=data, sessie=runprod.pid
            )
            for f in fasen
        ]
        # One request at a time after the load: what each page costs in the web process. A
        # failure here loses only this section, not the phases' figures.
        try:
            uitvoer = uitvoeren(
                [python, "scripts/load/kosten.py", "--plan", str(plan), "--accounts", str(g1)],
                product,
                data / "kosten.log",
            )
        except Mislukt as exc:
            print(
                f"bench-load: {exc}; het verslag volgt zonder de kosten per verzoek",
                file=sys.stderr,
            )
            uitvoer = ""
        kosten = uitvoer[uitvoer.index(KOSTEN_KOP) :] if KOSTEN_KOP in uitvoer else ""
    except Mislukt as exc:
        print(f"bench-load: {exc}", file=sys.stderr)
        return 1
    finally:
        if runprod.poll() is None:
            os.killpg(runprod.pid, signal.SIGINT)
            try:
                runprod.wait(90)
            except subprocess.TimeoutExpired:
                os.killpg(runprod.pid, signal.SIGKILL)
    tekst = verslag(
        uitkomsten, opdracht=opdracht, volume=volume, voorbereiding=voorbereiding, kosten=kosten
    )
    if not standaard:
        tekst = (
            "**A try with other sizes than the standard run: not comparable with the goals.**"
            "\n\n" + tekst
        )
    print(tekst)
    if args.schrijf == "auto" and doel is None:
        print(
            "bench-load: een proef (andere maten dan de standaard): niet geschreven in "
            "docs/performance.md (--schrijf FILE schrijft toch)"
        )
    if doel is not None:
        try:
            schrijven_in(doel, tekst)
        except Mislukt as exc:
            print(f"bench-load: {exc}; de uitkomsten staan hierboven", file=sys.stderr)
            return 1
        print(f"bench-load: geschreven in {doel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
