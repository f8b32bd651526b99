"""Helpers of the fault tests: a copy of the test database in a file, scripts in a subprocess.

A subprocess runs Django with the test settings on that file (``PB_DATABASE_URL``), so that
it can be killed with SIGKILL while the test process looks on; every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

import pytest

from tests.conftest import REPO

#: The longest any script may run (seconds): a hung subprocess fails the test, never blocks it.
SCRIPT_TIMEOUT = 60.0

KOP = """
import django
django.setup()
"""


def database_naar_bestand(pad: Path) -> str:
    """Copy the (committed) test database to the SQLite file `pad`; returns its URL.

    Skips the test on another database (the PostgreSQL run of ``scripts/test.sh``): these
    tests are about the SQLite file the web and the worker share.
    """
    if connection.vendor != "sqlite":
        pytest.skip("een SQLite-bestand gedeeld door processen: alleen op SQLite")
    connection.ensure_connection()
    bron = connection.connection
    doel = sqlite3.connect(pad)
    try:
        bron.backup(doel)
    finally:
        doel.close()
    return f"sqlite:///{pad}"


def _omgeving(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "politiebijstand.conf.test",
        "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO}",
        "PB_DATABASE_URL": url,
    }


def script_draaien(url: str, code: str, *, timeout: float = SCRIPT_TIMEOUT) -> str:
    """Run `code` (after ``django.setup()``) on the database `url`; returns its stdout.

    Raises:
        AssertionError: the script failed (its stderr in the message).
        subprocess.TimeoutExpired: it ran longer than `timeout` seconds.
    """
    uit = subprocess.run(
        [sys.executable, "-c", KOP + code],
        env=_omgeving(url),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    return uit.stdout


def starten(url: str, code: str) -> subprocess.Popen[str]:
    """Start `code` (after ``django.setup()``) on the database `url` in the background."""
    return subprocess.Popen(
        [sys.executable, "-c", KOP + code],
        env=_omgeving(url),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wachten_op(
    pad: Path, proces: subprocess.Popen[str], *, timeout: float = SCRIPT_TIMEOUT
) -> None:
    """Wait until the file `pad` exists (the script's signal that it reached its point).

    Raises:
        AssertionError: the process ended first, or `timeout` seconds passed.
    """
    einde = time.monotonic() + timeout
    while not pad.exists():
        if proces.poll() is not None:
            _, fout = proces.communicate()
            raise AssertionError(f"het proces stopte voor het punt: {fout}")
        if time.monotonic() > einde:
            proces.kill()
            proces.wait(timeout=10)
            raise AssertionError(f"het proces bereikte {pad.name} niet binnen {timeout} s")
        time.sleep(0.05)


def doden(proces: subprocess.Popen[str]) -> None:
    """SIGKILL: no handler, no rollback, no atexit; the OS closes its files."""
    os.kill(proces.pid, signal.SIGKILL)
    proces.wait(timeout=10)
    assert proces.returncode == -signal.SIGKILL
