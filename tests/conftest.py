"""Shared fixtures: the reference data, the cases and sources in docs/, Debian chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The contract, the case files and the sources, copied into the repository (ADR-0018).
DOCS = REPO / "docs"
CASES_DIR = DOCS / "cases"
CHROMIUM = "/usr/bin/chromium"


def _referentiedata_laden() -> None:
    """Load the organisations, units, parketten and municipalities, as `make run` does.

    The same as the commands `referentiedata_laden` and `gebieden_laden`, through their services.
    """
    from politiebijstand.organisaties.gebied_services import gebieden_laden
    from politiebijstand.organisaties.gebieden import load_gebieden
    from politiebijstand.organisaties.referentie import load_referentie
    from politiebijstand.organisaties.services import referentiedata_laden

    referentiedata_laden(referentie=load_referentie())
    gebieden_laden(gebieden=load_gebieden())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The test database with the reference data, loaded once for the whole run.

    Every `db` test sees it, because its changes are rolled back. A transactional test
    (``transactional_db``, ``live_server``) empties the database afterwards, so such a test
    requests `referentiedata`, which loads it again. Tests that need the database without it
    request `zonder_referentiedata`.
    """
    with django_db_blocker.unblock():
        _referentiedata_laden()


@pytest.fixture
def referentiedata(db: None) -> None:
    """The reference data (organisations and areas) in the test database.

    Loaded once per run by `django_db_setup`. A `db` test runs inside a transaction over that
    data; a transactional test does not, and a transactional test before it may have emptied
    the database, so there it is loaded again (loading is idempotent).
    """
    from django.db import connection

    if not connection.in_atomic_block:
        _referentiedata_laden()


@pytest.fixture
def zonder_referentiedata(db: None) -> None:
    """A database without organisations, for tests of loading or of its absence.

    Deleted inside the test's transaction, so the next test has the reference data again.
    The audit rows of the loading stay: the audit trail only grows.
    """
    from politiebijstand.organisaties.models import Organisatie

    # The links between organisations are PROTECTed: clear them first (no audit rows: update).
    Organisatie.objects.update(parent=None, eenheid=None, regioburgemeester=None)
    Organisatie.objects.all().delete()


@pytest.fixture(autouse=True)
def _lege_cache() -> None:
    """allauth keeps rate limits and used TOTP codes in the cache: start every test empty."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_met_tweede_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Client.force_login` stands for a complete log-in: password and, if any, the TOTP.

    The middleware accepts a session of an account with TOTP only if the session passed it
    (issue #9); `Client.login` (Django's password-only log-in) stays as it is.
    """
    from django.test import Client

    from tests.accounts.helpers import tweede_factor_in_sessie

    origineel = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        origineel(self, user, backend)
        tweede_factor_in_sessie(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def admin_user(db: None, django_user_model: Any) -> Any:
    """pytest-django's superuser, with the second factor every account needs (issue #3)."""
    from tests.accounts.helpers import tweede_factor_instellen

    user = django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="password"
    )
    tweede_factor_instellen(user)
    return user


def _ingelogd(gebruiker: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def client_als(db: None) -> Callable[..., Any]:
    """Make a test client logged in as a new account: ``client_als(rol, organisatie_code)``.

    The account has a second factor (TOTP), as every account must (issue #3).
    """
    from tests.accounts.factories import maak_gebruiker
    from tests.accounts.helpers import tweede_factor_instellen

    def maak(rol: str = "medewerker", code: str = "RCCB-MN", **velden: Any) -> Any:
        gebruiker = maak_gebruiker(code, rol, **velden)
        tweede_factor_instellen(gebruiker)
        return _ingelogd(gebruiker)

    return maak


@pytest.fixture
def client(client_als: Callable[..., Any]) -> Any:
    """Django's test client, logged in: every page requires log-in (issue #3).

    A medewerker of RCCB-MN with a second factor. For an anonymous client use
    ``django.test.Client()``; for other roles, `client_als`.
    """
    return client_als("medewerker", "RCCB-MN")


@pytest.fixture
def ingelogd_cookies(live_server: Any, transactional_db: None) -> list[dict[str, str]]:
    """Cookies of a logged-in medewerker of RCCB-MN (with TOTP) for the live server.

    For a browser context made in the test: ``context.add_cookies(ingelogd_cookies)``.
    """
    from django.conf import settings

    from tests.accounts.factories import maak_gebruiker
    from tests.accounts.helpers import tweede_factor_instellen

    gebruiker = maak_gebruiker("RCCB-MN", "medewerker", username="e2e-medewerker")
    tweede_factor_instellen(gebruiker)
    sessie = _ingelogd(gebruiker).cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}]


@pytest.fixture
def context(new_context: Callable[..., Any], ingelogd_cookies: list[dict[str, str]]) -> Any:
    """Playwright's browser context, logged in on the live server as a medewerker (issue #3).

    For the log-in itself, a test makes its own context with ``browser.new_context()``.
    """
    browser_context = new_context()
    browser_context.add_cookies(ingelogd_cookies)
    return browser_context


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's chromium; Playwright's own browser download does not work here."""
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is required in CI (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
        ],
    }
