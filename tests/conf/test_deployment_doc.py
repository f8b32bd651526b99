"""docs/deployment.md names every PB_ variable the code reads, and no other (ADR 0052)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: A whole variable name; "PB_EMAIL_*" in prose is not one.
NAAM = re.compile(r"\bPB_[A-Z0-9]+(?:_[A-Z0-9]+)*\b")


def namen(tekst: str) -> set[str]:
    return set(NAAM.findall(tekst))


def test_de_tabel_noemt_elke_variabele_van_de_code() -> None:
    code: set[str] = set()
    for pad in (REPO / "src" / "politiebijstand").rglob("*.py"):
        code |= namen(pad.read_text(encoding="utf-8"))
    code.discard("PB_EMAIL")  # "PB_EMAIL_*" in comments
    gids = (REPO / "docs" / "deployment.md").read_text(encoding="utf-8")
    tabel = namen("\n".join(r for r in gids.splitlines() if r.startswith("| `PB_")))
    assert sorted(code - tabel) == []
    assert sorted(tabel - code) == []
    assert len(tabel) == 46
