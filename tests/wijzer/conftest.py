"""Helpers of the wizard tests: the shared cases."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import CASES_DIR


def case(naam: str) -> dict[str, Any]:
    """The `situatie` object of a case file in docs/cases."""
    data: dict[str, Any] = json.loads((CASES_DIR / f"{naam}.json").read_text(encoding="utf-8"))
    return data
