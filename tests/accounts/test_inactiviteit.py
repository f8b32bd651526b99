"""The idle timeout counts activity for any setting, and refuses a nonsensical one (issue #9).

A tester found that an idle timeout under 60 s ended active sessions: the idle clock was
reset at most once a minute, so a session with a request every 20 s and a timeout of 30 s
ended after 60 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from django.test import Client, override_settings

import pytest
import time_machine

from politiebijstand.accounts.middleware import activiteit_interval
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.accounts.helpers import totp_code, tweede_factor_instellen

START = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
BESCHERMD = "/accounts/sessions/"  # allauth's session list: needs a complete log-in


def inloggen() -> Client:
    """Log in with password and TOTP at allauth's log-in page, as a person does."""
    gebruiker = maak_gebruiker("LOCC", username="anna")
    secret, _ = tweede_factor_instellen(gebruiker)
    client = Client()
    client.post("/accounts/login/", {"login": "anna", "password": WACHTWOORD})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    return client


def naar_inloggen(client: Client) -> bool:
    response = client.get(BESCHERMD)
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
@override_settings(SESSION_COOKIE_AGE=30)
def test_verzoek_elke_20_seconden_houdt_een_sessie_van_30_seconden_open() -> None:
    with time_machine.travel(START, tick=False) as reis:
        client = inloggen()
        for _ in range(6):  # two minutes
            reis.shift(timedelta(seconds=20))
            assert client.get(BESCHERMD).status_code == 200
        reis.shift(timedelta(seconds=29))
        assert client.get(BESCHERMD).status_code == 200
        reis.shift(timedelta(seconds=31))
        assert naar_inloggen(client)


@pytest.mark.django_db
@override_settings(SESSION_COOKIE_AGE=30)
def test_31_seconden_stilte_beeindigt_een_sessie_van_30_seconden() -> None:
    with time_machine.travel(START, tick=False) as reis:
        client = inloggen()
        reis.shift(timedelta(seconds=20))
        assert client.get(BESCHERMD).status_code == 200
        reis.shift(timedelta(seconds=31))
        assert naar_inloggen(client)


@pytest.mark.django_db
@override_settings(SESSION_COOKIE_AGE=5)
def test_ook_een_time_out_van_5_seconden_telt_elk_verzoek() -> None:
    with time_machine.travel(START, tick=False) as reis:
        client = inloggen()
        for _ in range(30):
            reis.shift(timedelta(seconds=4))
            assert client.get(BESCHERMD).status_code == 200
        reis.shift(timedelta(seconds=6))
        assert naar_inloggen(client)


@pytest.mark.parametrize(
    ("inactief", "interval"),
    [(43_200, 60), (1800, 60), (600, 60), (300, 30), (30, 3), (10, 1), (9, 0), (1, 0)],
)
def test_activiteit_interval_is_een_tiende_en_hoogstens_een_minuut(
    inactief: int, interval: int
) -> None:
    assert activiteit_interval(inactief) == interval


@pytest.mark.parametrize(
    ("naam", "waarde"),
    [
        ("PB_SESSIE_INACTIEF_SECONDEN", "0"),
        ("PB_SESSIE_INACTIEF_SECONDEN", "-30"),
        ("PB_SESSIE_INACTIEF_SECONDEN", "een half uur"),
        ("PB_SESSIE_MAXIMUM_SECONDEN", "0"),
    ],
)
def test_onzinnige_sessieduur_weigert_te_starten_met_de_naam(naam: str, waarde: str) -> None:
    """A timeout of 0 or less would end every session at once: the settings refuse it."""
    resultaat = subprocess.run(
        [sys.executable, "-c", "import politiebijstand.conf.base"],
        env={**os.environ, naam: waarde},
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 1
    assert resultaat.stderr.rstrip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: "
        f"{naam} must be a whole number of seconds greater than 0, not {waarde!r}"
    )


def test_sessieduur_van_een_seconde_mag() -> None:
    resultaat = subprocess.run(
        [
            sys.executable,
            "-c",
            "from politiebijstand.conf import base; print(base.SESSION_COOKIE_AGE)",
        ],
        env={**os.environ, "PB_SESSIE_INACTIEF_SECONDEN": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert resultaat.stdout == "1\n"


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("0", "PB_AUDIT_ANKER_MINUTEN must be a whole number of minutes greater than 0, not '0'"),
        ("61", "PB_AUDIT_ANKER_MINUTEN must be a whole number of minutes from 1 to 60, not '61'"),
        (
            "kwartier",
            "PB_AUDIT_ANKER_MINUTEN must be a whole number of minutes greater than 0, "
            "not 'kwartier'",
        ),
    ],
)
def test_ankerinterval_buiten_1_tot_60_minuten_weigert_te_starten(
    waarde: str, melding: str
) -> None:
    """Issue #9: the anchor interval feeds a crontab (`*/N` minutes); 0 or 61 would break it."""
    resultaat = subprocess.run(
        [sys.executable, "-c", "import politiebijstand.conf.base"],
        env={**os.environ, "PB_AUDIT_ANKER_MINUTEN": waarde},
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 1
    assert resultaat.stderr.rstrip().splitlines()[-1] == (
        f"django.core.exceptions.ImproperlyConfigured: {melding}"
    )
