"""Who must use a second factor, and whether demo accounts may log in (issue #3)."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def demo_accounts_toegestaan() -> bool:
    """Whether demo accounts may log in: `DEMO_ACCOUNTS_TOEGESTAAN` (off in production)."""
    return bool(getattr(settings, "DEMO_ACCOUNTS_TOEGESTAAN", False))


def tweede_factor_vereist(gebruiker: Any) -> bool:
    """Every account must use a second factor, except a demo account where demos are allowed."""
    return not (getattr(gebruiker, "is_demo", False) and demo_accounts_toegestaan())


def heeft_tweede_factor(gebruiker: Any) -> bool:
    """Whether the account has an active TOTP authenticator (allauth.mfa)."""
    from allauth.mfa.models import Authenticator

    return bool(Authenticator.objects.filter(user=gebruiker, type=Authenticator.Type.TOTP).exists())
