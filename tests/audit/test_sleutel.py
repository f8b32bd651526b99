"""Production refuses to start without a proper audit key (issue #9, ADR 0026)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SECRET = "p" * 64


def start_productie(**omgeving: str) -> subprocess.CompletedProcess[str]:
    """Import the production settings in a fresh interpreter with exactly these PB_ variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    env.update(PB_SECRET_KEY=SECRET, PB_DATABASE_URL="sqlite:////tmp/pb-sleutel-test.sqlite3")
    # Production also needs the second factor's key (ADR 0027), checked before the audit keys.
    env.update(PB_MFA_SLEUTEL="p0nH4hYFZ4u9oC0P8pO3D5GmJq9bVn2GZ6qVbKqf1Qs=")
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "-c", "import politiebijstand.conf.production"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def laatste_regel(uit: subprocess.CompletedProcess[str]) -> str:
    return uit.stderr.strip().splitlines()[-1]


def test_productie_zonder_audit_sleutel_start_niet() -> None:
    uit = start_productie()
    assert uit.returncode == 1
    assert laatste_regel(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        "PB_AUDIT_SLEUTEL must be set in production."
    )


@pytest.mark.parametrize("naam", ["PB_AUDIT_SLEUTEL", "PB_AUDIT_ANKER_SLEUTEL"])
def test_productie_met_een_korte_sleutel_start_niet(naam: str) -> None:
    omgeving = {"PB_AUDIT_SLEUTEL": "s" * 32, naam: "k" * 31}
    uit = start_productie(**omgeving)
    assert uit.returncode == 1
    assert laatste_regel(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        f"{naam} must be at least 32 bytes (UTF-8); it has fewer."
    )


def test_productie_met_sleutels_van_32_bytes_start() -> None:
    uit = start_productie(PB_AUDIT_SLEUTEL="s" * 32, PB_AUDIT_ANKER_SLEUTEL="é" * 16)
    assert (uit.returncode, uit.stderr) == (0, "")
