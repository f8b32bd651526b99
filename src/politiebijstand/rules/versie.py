"""The rules version: a stable hash of the source of the rules package.

The advice carries it outside the contract's JSON (HTTP header `X-Regelversie`, a line on the
result page and in the CLI text), a request stores it with the advice it came from (issue #4),
and the rule catalogue names it, so that an advice can be traced to the rules that made it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

#: How many hex digits of the version are shown to people.
KORT = 12


@cache
def regels_versie() -> str:
    """The sha256 (64 hex digits) of every ``*.py`` file and ``data/*.csv`` of the rules.

    The files of `politiebijstand.rules` are taken in sorted order of their path relative to
    the package, each path (POSIX form) followed by its bytes, so the value is the same on
    every machine for the same source. The municipalities in ``data/`` decide advice too
    (contract, interpretation 12), so a new list is a new version (ADR-0018). Read once per
    process.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), *root.glob("data/*.csv")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def regels_versie_kort() -> str:
    """The first `KORT` hex digits of `regels_versie()`, as shown to people."""
    return regels_versie()[:KORT]
