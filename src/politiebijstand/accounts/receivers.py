"""Audit receivers: log-ins, failures, log-outs, passwords and second factors (issues #3, #9)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals

from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.audit.services import audit_record

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker

#: Session key holding the log-in time (ISO 8601 UTC), for the absolute session limit.
SESSIE_INGELOGD_OP = "pb_ingelogd_op"


def _ip(request: HttpRequest | None) -> str:
    return str(request.META.get("REMOTE_ADDR", "")) if request is not None else ""


@receiver(user_logged_in, dispatch_uid="pb_audit_ingelogd")
def audit_ingelogd(
    sender: object, request: HttpRequest | None, user: Gebruiker, **kwargs: Any
) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSIE_INGELOGD_OP] = timezone.now().isoformat()
    audit_record(gebeurtenis=Gebeurtenis.INGELOGD, actor=user, obj=user, na={"ip": _ip(request)})


@receiver(user_login_failed, dispatch_uid="pb_audit_inloggen_mislukt")
def audit_inloggen_mislukt(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    naam = str(credentials.get("username", ""))[:150]
    bestaand = get_user_model().objects.filter(username=naam).first() if naam else None
    audit_record(
        gebeurtenis=Gebeurtenis.INLOGGEN_MISLUKT,
        actor=None,
        actor_gebruikersnaam=naam,
        obj=bestaand,
        na={"ip": _ip(request)},
    )


@receiver(user_logged_out, dispatch_uid="pb_audit_uitgelogd")
def audit_uitgelogd(
    sender: object, request: HttpRequest | None, user: Gebruiker | None = None, **kwargs: Any
) -> None:
    if user is None:
        return
    audit_record(gebeurtenis=Gebeurtenis.UITGELOGD, actor=user, obj=user, na={"ip": _ip(request)})


@receiver(mfa_signals.authentication_failed, dispatch_uid="pb_audit_tweede_factor_mislukt")
def audit_tweede_factor_mislukt(
    sender: object, request: HttpRequest | None, user: Gebruiker, **kwargs: Any
) -> None:
    audit_record(
        gebeurtenis=Gebeurtenis.TWEEDE_FACTOR_MISLUKT,
        actor=user,
        obj=user,
        na={"ip": _ip(request), "herauthenticatie": bool(kwargs.get("reauthentication"))},
    )


def _authenticator_event(gebeurtenis: Gebeurtenis) -> Callable[..., None]:
    def handler(
        sender: object, request: HttpRequest | None, user: Gebruiker, **kwargs: Any
    ) -> None:
        authenticator = kwargs.get("authenticator")
        audit_record(
            gebeurtenis=gebeurtenis,
            actor=user,
            obj=user,
            na={"type": getattr(authenticator, "type", "")},
        )

    return handler


_toegevoegd = _authenticator_event(Gebeurtenis.TWEEDE_FACTOR_GEACTIVEERD)
_verwijderd = _authenticator_event(Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD)
_vernieuwd = _authenticator_event(Gebeurtenis.HERSTELCODES_VERNIEUWD)
mfa_signals.authenticator_added.connect(_toegevoegd, dispatch_uid="pb_audit_2fa_toegevoegd")
mfa_signals.authenticator_removed.connect(_verwijderd, dispatch_uid="pb_audit_2fa_verwijderd")
mfa_signals.authenticator_reset.connect(_vernieuwd, dispatch_uid="pb_audit_2fa_vernieuwd")


def _wachtwoord_event(soort: str) -> Callable[..., None]:
    """Audit a user's own password change, set or reset (allauth), as `wachtwoord-gewijzigd`.

    The password itself, or its hash, is never recorded. Issue #9: every change to an account
    is in the hash-chained trail; a beheerder setting someone else's password is
    `wachtwoord-ingesteld` (`services.wachtwoord_instelling_vastleggen`).
    """

    def handler(
        sender: object, request: HttpRequest | None, user: Gebruiker, **kwargs: Any
    ) -> None:
        audit_record(
            gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD,
            actor=user,
            obj=user,
            na={"soort": soort, "ip": _ip(request)},
        )

    return handler


_gewijzigd = _wachtwoord_event("gewijzigd")
_gezet = _wachtwoord_event("ingesteld")
_hersteld = _wachtwoord_event("hersteld")
account_signals.password_changed.connect(_gewijzigd, dispatch_uid="pb_audit_ww_gewijzigd")
account_signals.password_set.connect(_gezet, dispatch_uid="pb_audit_ww_ingesteld")
account_signals.password_reset.connect(_hersteld, dispatch_uid="pb_audit_ww_hersteld")
