"""Browser tests: Playwright's sync API beside Django's live server."""

from __future__ import annotations

import io
import os

from django.core.management import call_command

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM then refuses to work
# unless told that this is safe (STACK-NOTES). scripts/test.sh sets it too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def referentiedata_live(transactional_db: None) -> None:
    """The organisations in the live server's database (it shares the test database)."""
    call_command("referentiedata_laden", stdout=io.StringIO())
