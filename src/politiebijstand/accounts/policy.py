"""Who must use a second factor, and whether demo accounts may log in (issue #3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker


def demo_accounts_toegestaan() -> bool:
    """Whether demo accounts may log in: `DEMO_ACCOUNTS_TOEGESTAAN` (off in production)."""
    return bool(getattr(settings, "DEMO_ACCOUNTS_TOEGESTAAN", False))


def tweede_factor_vereist(gebruiker: Gebruiker) -> bool:
    """Every account must use a second factor, except a demo account where demos are allowed."""
    return not (gebruiker.is_demo and demo_accounts_toegestaan())


def heeft_tweede_factor(gebruiker: Gebruiker) -> bool:
    """Whether the account has an active TOTP authenticator (allauth.mfa)."""
    from allauth.mfa.models import Authenticator

    return bool(Authenticator.objects.filter(user=gebruiker, type=Authenticator.Type.TOTP).exists())
