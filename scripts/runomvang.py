"""Measure the stored size of the procedure runs before and after ADR 0051 (issue #13 item 2).

Generates `--verzoeken` requests with `benchdata.genereer` (the data of `scripts/bench.py` part
c) into a SQLite file in a temporary folder, then measures ``length(run_state)`` per part and
the stored models, with the models split out (now) and, after migrating `verzoeken` back to
0006 (each run holding its whole model again, as before), with them embedded. Prints the
averages and the totals extrapolated to 50,000 requests (one part per request, as generated).

    PYTHONPATH=src .venv/bin/python scripts/runomvang.py --verzoeken 2000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOEL = 50_000


def _meten() -> tuple[int, float, int, int]:
    """(parts, average length(run_state), total length(run_state), total length(spec))."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), AVG(LENGTH(run_state)), SUM(LENGTH(run_state)) "
            "FROM verzoeken_deelverzoek"
        )
        delen, gemiddeld, totaal = cursor.fetchone()
        cursor.execute("SELECT COALESCE(SUM(LENGTH(spec)), 0) FROM verzoeken_procedurespecificatie")
        (specs,) = cursor.fetchone()
    return int(delen), float(gemiddeld), int(totaal), int(specs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verzoeken", type=int, default=2000)
    args = parser.parse_args(argv)
    map_ = Path(tempfile.mkdtemp(prefix="pb-runomvang-"))
    os.environ["PB_DATABASE_URL"] = f"sqlite:///{map_ / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.test")
    import django

    django.setup()
    from django.core.management import call_command

    sys.path.insert(0, str(REPO / "scripts"))
    import benchdata

    call_command("migrate", verbosity=0, interactive=False)
    benchdata.genereer(aantal=args.verzoeken, uit=print)
    delen, na, na_totaal, specs = _meten()
    call_command("migrate", "verzoeken", "0006", verbosity=0, interactive=False)
    delen_voor, voor, voor_totaal, _ = _meten()
    if delen_voor != delen:
        raise RuntimeError(f"parts before {delen_voor} != after {delen}")
    factor = DOEL / delen
    print(f"parts measured: {delen} (of {args.verzoeken} requests)")
    print(f"before: average length(run_state) {voor:,.0f} characters per part")
    print(f"after:  average length(run_state) {na:,.0f} characters per part")
    print(f"after:  stored models {specs:,} characters in total (once per model version)")
    print(
        f"at {DOEL:,} parts: before {voor_totaal * factor / 1e6:,.0f} MB, "
        f"after {(na_totaal * factor + specs) / 1e6:,.0f} MB (characters, extrapolated)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
