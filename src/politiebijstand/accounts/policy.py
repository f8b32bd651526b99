"""Who must use a second factor, and whether demo accounts may log in (issue #3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest

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


def sessie_tweede_factor_doorlopen(request: HttpRequest, gebruiker: Gebruiker) -> bool:
    """Whether *this session* of `gebruiker` passed a second factor it still has (issue #9).

    Reads allauth's authentication records of the session (`get_authentication_records`):
    allauth writes one with method ``mfa`` and the authenticator's id when a TOTP or recovery
    code is accepted at log-in or re-authentication; the middleware writes one when TOTP is
    set up in the session. Django's own `login()` (the admin's log-in page) writes none. The
    records are bound to the user: a log-in as another user in the same browser does not
    inherit them. The authenticator must still exist: after a reset the session is not
    accepted, even if it was not ended. One indexed query.
    """
    from allauth.account.authentication import get_authentication_records
    from allauth.mfa.models import Authenticator

    ids = [
        record.get("id")
        for record in get_authentication_records(request, gebruiker)
        if isinstance(record, dict) and record.get("method") == "mfa"
    ]
    if not ids:
        return False
    return bool(Authenticator.objects.filter(user_id=gebruiker.pk, pk__in=ids).exists())
