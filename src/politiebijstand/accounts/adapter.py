"""allauth adapters: no self sign-up; lock-outs written to the audit trail; TOTP kept."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.accounts.policy import tweede_factor_vereist
from politiebijstand.audit.services import audit_record


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Accounts are made by a beheerder of the organisation, never by sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Apply allauth's rate limit; a refused attempt (lock-out) is audited."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit_record(
                gebeurtenis=Gebeurtenis.INLOGGEN_GEBLOKKEERD,
                actor=None,
                actor_gebruikersnaam=str(credentials.get("username", ""))[:150],
                na={"ip": request.META.get("REMOTE_ADDR", "")},
            )
            raise


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    """Where a second factor is required, the TOTP authenticator cannot be removed by its user.

    A beheerder resets it (`politiebijstand.accounts.services.tweede_factor_resetten`).
    """

    # `authenticator` is allauth.mfa's Authenticator; allauth has no types, so Any (ADR 0015).
    def can_delete_authenticator(self, authenticator: Any) -> bool:
        from allauth.mfa.models import Authenticator

        if authenticator.type == Authenticator.Type.TOTP and tweede_factor_vereist(
            authenticator.user
        ):
            return False
        return bool(super().can_delete_authenticator(authenticator))
