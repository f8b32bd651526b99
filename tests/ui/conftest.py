"""Fixtures of the shared page tests: the reference data of the organisations."""

from __future__ import annotations

import io

from django.core.management import call_command

import pytest


@pytest.fixture
def referentiedata(db: None) -> None:
    """The organisations (codes, names, 24/7 numbers) loaded as `make run` does."""
    call_command("referentiedata_laden", stdout=io.StringIO())
