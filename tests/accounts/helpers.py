"""Log-in helpers for tests: TOTP codes computed with allauth's own implementation."""

from __future__ import annotations

import time

from django.conf import settings

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
    """The TOTP code of `secret` now (or `stap` periods later), as allauth validates it."""
    periode = int(getattr(settings, "MFA_TOTP_PERIOD", 30))
    return str(format_hotp_value(hotp_value(secret, int(time.time()) // periode + stap)))


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
