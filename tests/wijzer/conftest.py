"""Fixtures of the wizard tests: the reference data of the organisations."""

from __future__ import annotations

import io
import json
from typing import Any

from django.core.management import call_command

import pytest

from tests.conftest import CASES_DIR


@pytest.fixture
def referentiedata(db: None) -> None:
    """The organisations (codes, names, 24/7 numbers) loaded as `make run` does."""
    call_command("referentiedata_laden", stdout=io.StringIO())


def case(naam: str) -> dict[str, Any]:
    """The `situatie` object of a case file in docs/cases."""
    data: dict[str, Any] = json.loads((CASES_DIR / f"{naam}.json").read_text(encoding="utf-8"))
    return data
