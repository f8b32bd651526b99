"""Shared fixtures: paths to the shared cases, and Debian chromium for Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PB_SHARED_DIR", REPO.parent / "shared"))
CASES_DIR = SHARED / "cases"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _lege_cache() -> None:
    """allauth keeps rate limits and used TOTP codes in the cache: start every test empty."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def admin_user(db: None, django_user_model: Any) -> Any:
    """pytest-django's superuser, with the second factor every account needs (issue #3)."""
    from tests.accounts.helpers import tweede_factor_instellen

    user = django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="password"
    )
    tweede_factor_instellen(user)
    return user


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
