"""Log-in helpers for tests: TOTP codes computed with allauth's own implementation."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.test import Client

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from politiebijstand.accounts.models import Gebruiker


def totp_code(secret: str, *, stap: int = 0) -> str:
    """The TOTP code of `secret` now (or `stap` periods later), as allauth validates it.

    In the last 2 seconds of a period it first waits for the next one, so that the code is
    still valid when the test client posts it on a loaded machine (a CI run failed so).
    """
    periode = int(getattr(settings, "MFA_TOTP_PERIOD", 30))
    over = periode - time.time() % periode
    if stap == 0 and over < 2:
        time.sleep(over + 0.05)
    return str(format_hotp_value(hotp_value(secret, int(time.time()) // periode + stap)))


def totp_code_met_marge(secret: str, *, marge: float = 5.0) -> str:
    """`totp_code` for a browser test: waits for a new period if fewer than `marge` seconds of
    this one remain, so the code is still valid when the page submits it (real time only)."""
    periode = int(getattr(settings, "MFA_TOTP_PERIOD", 30))
    over = periode - time.time() % periode
    if over < marge:
        time.sleep(over + 0.1)
    return totp_code(secret)


def tweede_factor_instellen(gebruiker: Gebruiker) -> tuple[str, list[str]]:
    """Give the account TOTP and recovery codes, as the set-up page would.

    Returns:
        The TOTP secret (base32) and the recovery codes.
    """
    secret = generate_totp_secret()
    TOTP.activate(gebruiker, secret)
    codes = RecoveryCodes.activate(gebruiker).generate_codes()
    return secret, codes


def heeft_totp(gebruiker: Gebruiker) -> bool:
    return bool(Authenticator.objects.filter(user=gebruiker, type=Authenticator.Type.TOTP).exists())


def tweede_factor_sessie(gebruiker: Gebruiker) -> dict[str, Any]:
    """The session entries allauth writes when `gebruiker` passes password and TOTP.

    Empty for an account without TOTP. The middleware accepts a session of an account with
    TOTP only when the session itself passed it (issue #9).
    """
    authenticator = Authenticator.objects.filter(
        user=gebruiker, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        return {}
    return {
        AUTHENTICATION_METHODS_SESSION_KEY: [
            {"method": "password", "at": time.time(), "username": gebruiker.username},
            {"method": "mfa", "at": time.time(), "id": authenticator.pk, "type": "totp"},
        ],
        "account_authentication_methods_user": str(gebruiker.pk),
    }


def tweede_factor_in_sessie(client: Client, gebruiker: Gebruiker) -> None:
    """Record in `client`'s session that it passed `gebruiker`'s TOTP, as allauth does at log-in.

    For tests that log in with `force_login` (tests/conftest.py does it for every test).
    """
    entries = tweede_factor_sessie(gebruiker)
    if entries:
        sessie = client.session
        sessie.update(entries)
        sessie.save()
