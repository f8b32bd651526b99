"""allauth adapters: no self sign-up; lock-outs audited; TOTP kept and encrypted at rest."""

from __future__ import annotations

import base64
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

import structlog
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.accounts.policy import tweede_factor_vereist
from politiebijstand.accounts.versleuteling import geheim_ontsleutelen, geheim_versleutelen
from politiebijstand.audit.services import audit_record

logger = structlog.get_logger(__name__)


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
    """Second-factor secrets encrypted at rest; TOTP kept where a second factor is required.

    Where a second factor is required, the TOTP authenticator cannot be removed by its user;
    a beheerder resets it (`politiebijstand.accounts.services.tweede_factor_resetten`).
    """

    def encrypt(self, text: str) -> str:
        """Encrypt a TOTP secret or recovery-code seed with `PB_MFA_SLEUTEL` (issue #9)."""
        return geheim_versleutelen(text)

    def decrypt(self, encrypted_text: str) -> str:
        """Decrypt what `encrypt` stored.

        A value that does not decrypt (written into the table by hand: a planted or plain
        secret) gives a fresh random secret instead, so that no code matches it: the log-in
        fails like a wrong code, without an error page, and the event is logged.
        """
        try:
            return geheim_ontsleutelen(encrypted_text)
        except ValueError:
            logger.warning("tweede-factor-geheim-ongeldig")
            return base64.b32encode(secrets.token_bytes(20)).decode("ascii")

    # `authenticator` is allauth.mfa's Authenticator; allauth has no types, so Any (ADR 0015).
    def can_delete_authenticator(self, authenticator: Any) -> bool:
        from allauth.mfa.models import Authenticator

        if authenticator.type == Authenticator.Type.TOTP and tweede_factor_vereist(
            authenticator.user
        ):
            return False
        return bool(super().can_delete_authenticator(authenticator))
