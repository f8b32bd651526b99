"""The migrations of documenten match its model."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

import pytest


@pytest.mark.django_db
def test_migraties_passen_bij_het_model() -> None:
    out = StringIO()
    call_command("makemigrations", "documenten", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
