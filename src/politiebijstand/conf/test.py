"""Test overlay: fast password hashing; the database from PB_DATABASE_URL or in-memory SQLite."""

import os
import tempfile
from pathlib import Path

from politiebijstand.conf.base import *  # noqa: F403
from politiebijstand.conf.base import database_from_url
from politiebijstand.conf.logregels import logging_config

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if os.environ.get("PB_DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["PB_DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A fixed key for the second-factor secrets (ADR 0027); never used outside tests.
MFA_SLEUTELS = ["hbo8ME6qJ2kT6ugxHEwlWFAeAD9UQgiPFtU_CHBnCK4="]
HUEY = {**HUEY, "immediate": True}  # noqa: F405
# Webhooks to a receiver on loopback over http (ADR 0050).
WEBHOOK_HTTP_TOESTAAN = True

# TESTS ONLY, NOT SECRET: fixed audit keys, and anchors in a throw-away folder, never in var/.
AUDIT_SLEUTEL = "test-only-audit-sleutel-niet-geheim-0123456789"
AUDIT_ANKER_SLEUTEL = "test-only-anker-sleutel-niet-geheim-9876543210"
AUDIT_ANKER_DIR = Path(tempfile.gettempdir()) / f"pb-test-audit-ankers-{os.getpid()}"
DOCUMENTEN_DIR = Path(tempfile.gettempdir()) / f"pb-test-documenten-{os.getpid()}"

# Only warnings and errors: a line per request would bury a failing test's output. The tests of
# the log lines configure the production logging themselves (tests/web/test_requestlog.py).
LOGGING = logging_config(json=False, niveau="WARNING")
