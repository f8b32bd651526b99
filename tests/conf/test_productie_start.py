"""Production refuses to start without its secrets, naming every variable at fault (#9)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest

MFA_SLEUTEL = "p0nH4hYFZ4u9oC0P8pO3D5GmJq9bVn2GZ6qVbKqf1Qs="
GOED = {
    "PB_SECRET_KEY": "s" * 50,
    "PB_MFA_SLEUTEL": MFA_SLEUTEL,
    "PB_AUDIT_SLEUTEL": "a" * 32,
}


def django_setup(**omgeving: str) -> subprocess.CompletedProcess[str]:
    """``django.setup()`` under conf.production with exactly these PB_ variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    env.update(
        DJANGO_SETTINGS_MODULE="politiebijstand.conf.production",
        PB_DATA_DIR=tempfile.mkdtemp(prefix="pb-start-"),
        **omgeving,
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('gestart')"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def melding(uit: subprocess.CompletedProcess[str]) -> str:
    return uit.stderr.strip().splitlines()[-1]


def test_een_secret_key_van_49_tekens_start_niet() -> None:
    uit = django_setup(**{**GOED, "PB_SECRET_KEY": "s" * 49})
    assert (uit.returncode, uit.stdout) == (1, "")
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        "PB_SECRET_KEY must be at least 50 characters; it has 49."
    )


def test_met_een_secret_key_van_50_tekens_start_productie() -> None:
    uit = django_setup(**GOED)
    assert (uit.returncode, uit.stdout, uit.stderr) == (0, "gestart\n", "")


def test_alle_ontbrekende_variabelen_in_een_melding() -> None:
    uit = django_setup()
    assert uit.returncode == 1
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        "PB_SECRET_KEY, PB_MFA_SLEUTEL, PB_AUDIT_SLEUTEL must be set in production."
    )


@pytest.mark.parametrize("leeg", ["PB_SECRET_KEY", "PB_MFA_SLEUTEL", "PB_AUDIT_SLEUTEL"])
def test_een_lege_variabele_telt_als_ontbrekend(leeg: str) -> None:
    uit = django_setup(**{**GOED, leeg: ""})
    assert uit.returncode == 1
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        f"{leeg} must be set in production."
    )


def test_ontbrekende_en_ongeldige_variabelen_samen() -> None:
    uit = django_setup(PB_SECRET_KEY="kort", PB_AUDIT_ANKER_SLEUTEL="k" * 31)
    assert uit.returncode == 1
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        "PB_MFA_SLEUTEL, PB_AUDIT_SLEUTEL must be set in production; "
        "PB_SECRET_KEY must be at least 50 characters; it has 4; "
        "PB_AUDIT_ANKER_SLEUTEL must be at least 32 bytes (UTF-8); it has fewer."
    )


def test_een_ongeldig_pb_admins_start_niet() -> None:
    uit = django_setup(**GOED, PB_ADMINS="Beheer <beheer@example.nl>, geen-adres")
    assert uit.returncode == 1
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: PB_ADMINS: 'geen-adres' is not an "
        'e-mail address; write "Naam <adres@example.nl>, ander@example.nl"'
    )
