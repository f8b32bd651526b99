"""Middleware: a second factor is required, and sessions have an absolute maximum (issue #3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from politiebijstand.accounts.authenticatie import REALM, ApiTokenAuthenticatie, bearer_geheim
from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.accounts.policy import (
    heeft_tweede_factor,
    sessie_tweede_factor_doorlopen,
    tweede_factor_vereist,
)
from politiebijstand.accounts.receivers import SESSIE_INGELOGD_OP
from politiebijstand.accounts.versleuteling import geheim_ontsleutelen
from politiebijstand.audit.services import audit_record
from politiebijstand.web.problemen import probleem_response

#: Session key of allauth.mfa: the TOTP secret being set up, until it is stored.
TOTP_GEHEIM = "mfa.totp.secret"
#: Session key: [user pk, POSIX seconds] of the last check that this session passed the second
#: factor of an authenticator the account still has; re-checked after ACTIVITEIT_INTERVAL.
SESSIE_TWEEDE_FACTOR = "pb_tweede_factor"
#: Session key: last time (POSIX seconds) the idle clock was reset.
SESSIE_ACTIEF_OP = "pb_actief_op"
#: The second-factor check is cached in the session for this many seconds; it is also the
#: longest interval between two resets of the idle clock (`activiteit_interval`).
ACTIVITEIT_INTERVAL = 60

#: Pages open to a logged-in user who has not yet set up the required second factor.
ZONDER_TWEEDE_FACTOR_TOEGESTAAN = frozenset(
    {
        "mfa_activate_totp",
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "uitloggen_overal",
    }
)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _is_publieke_api(request: HttpRequest, view_func: Any) -> bool:
    """Whether the API view is listed in `PUBLIEKE_API` and marked `login_not_required`.

    DRF marks every APIView `login_not_required`, so the attribute alone opens nothing.
    """
    match = request.resolver_match
    return (
        match is not None
        and match.view_name in PUBLIEKE_API
        and getattr(view_func, "login_required", True) is False
    )


class TweedeFactorVerplichtMiddleware:
    """A session is accepted only if it passed the second factor itself (issues #3, #9).

    - The account has TOTP and this session passed it (allauth's log-in stage, a
      re-authentication with TOTP, or the set-up of TOTP in this session), with an
      authenticator the account still has (checked at most once per `ACTIVITEIT_INTERVAL`):
      accepted.
    - The account has TOTP but this session logged in with the password only (Django's admin
      log-in, or any other path around allauth's second-factor stage): logged out and audited
      (`sessie-zonder-tweede-factor`); pages redirect to the log-in, the API answers 401.
    - The account has no TOTP yet: only the set-up pages open; others redirect there (API 403).

    Demo accounts are exempt where `DEMO_ACCOUNTS_TOEGESTAAN` is on (`make run`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        geheim = getattr(request, "_pb_totp_geheim", None)
        if geheim is not None:
            _instelling_vastleggen(request, geheim)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not tweede_factor_vereist(user):
            return None
        # Cached for a minute in the session (saves a query per request); a reset also ends the
        # account's sessions at once (services.tweede_factor_resetten).
        nu = int(timezone.now().timestamp())
        gecontroleerd = request.session.get(SESSIE_TWEEDE_FACTOR)
        if (
            isinstance(gecontroleerd, list)
            and gecontroleerd[0] == user.pk
            and 0 <= nu - int(gecontroleerd[1]) < ACTIVITEIT_INTERVAL
        ):
            return None
        if sessie_tweede_factor_doorlopen(request, user):
            request.session[SESSIE_TWEEDE_FACTOR] = [user.pk, nu]
            return None
        if heeft_tweede_factor(user):
            return _zonder_tweede_factor_weigeren(request, user)
        match = request.resolver_match
        if match is not None and match.url_name in ZONDER_TWEEDE_FACTOR_TOEGESTAAN:
            if match.url_name == "mfa_activate_totp" and request.method == "POST":
                # The secret this session is setting up (allauth keeps it in the session).
                request._pb_totp_geheim = request.session.get(TOTP_GEHEIM)  # type: ignore[attr-defined]
            return None
        if _is_api(request):
            return probleem_response(
                titel="Tweede factor vereist",
                detail="Stel eerst een tweede factor (TOTP) in.",
                code="tweede-factor-vereist",
                status=403,
            )
        return redirect("mfa_activate_totp")


def _instelling_vastleggen(request: HttpRequest, geheim: str) -> None:
    """Record that this session passed the second factor when it has just set up TOTP.

    Setting up proves possession: allauth stores the TOTP only after a valid code of the
    secret it kept in this session. The account had no second factor before. Recorded the way
    allauth records a second factor at log-in, which `sessie_tweede_factor_doorlopen` reads.
    Compared with the stored secret, so that a set-up in another session does not count.
    """
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator

    user = request.user
    totp = Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).first()
    if totp is None or not user.is_authenticated:
        return
    try:
        opgeslagen = geheim_ontsleutelen(str(totp.data.get("secret", "")))
    except ValueError:
        return
    if constant_time_compare(opgeslagen, geheim):
        record_authentication(request, user, "mfa", id=totp.pk, type="totp", ingesteld=True)


def _zonder_tweede_factor_weigeren(request: HttpRequest, user: Any) -> HttpResponse:
    """End a session that skipped the account's second factor, audited (issue #9)."""
    audit_record(
        gebeurtenis=Gebeurtenis.SESSIE_ZONDER_TWEEDE_FACTOR,
        actor=user,
        obj=user,
        na={"ip": str(request.META.get("REMOTE_ADDR", "")), "pad": request.path[:200]},
    )
    logout(request)
    if _is_api(request):
        return probleem_response(
            titel="Inloggen vereist",
            detail="Deze sessie heeft de tweede factor niet doorlopen. Log opnieuw in.",
            code="tweede-factor-niet-doorlopen",
            status=401,
        )
    return redirect(settings.LOGIN_URL)


def activiteit_interval(inactief_seconden: int) -> int:
    """How many seconds may pass before a request resets the idle clock (writes the session).

    A tenth of the idle timeout, at most `ACTIVITEIT_INTERVAL` (60 s): ``1800`` -> ``60``,
    ``300`` -> ``30``, ``30`` -> ``3``, ``9`` -> ``0`` (every request). A request that does
    not reset the clock leaves the session's end where the last reset put it, so an active
    session may end after `inactief_seconden` minus this interval without a request (at
    most 10 % early, never late), and never while requests come closer together than that.

    Args:
        inactief_seconden: the idle timeout (``SESSION_COOKIE_AGE``), in seconds.
    """
    return min(ACTIVITEIT_INTERVAL, inactief_seconden // 10)


class SessieMaximumMiddleware:
    """Ends sessions: after `SESSION_COOKIE_AGE` idle seconds, and at `SESSIE_MAXIMUM_SECONDEN`.

    The maximum counts from log-in, however active the session was.

    Idle: a session's expiry in the database is renewed when it is saved; this middleware
    marks it modified when `activiteit_interval` seconds have passed since the last reset,
    instead of `SESSION_SAVE_EVERY_REQUEST` (a write on every request). A fixed minute made
    an idle timeout under 60 s end sessions with a request every 20 s (issue #9, ADR 0029).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            ingelogd_op = request.session.get(SESSIE_INGELOGD_OP)
            maximum = timedelta(seconds=settings.SESSIE_MAXIMUM_SECONDEN)
            if ingelogd_op and timezone.now() - datetime.fromisoformat(ingelogd_op) > maximum:
                audit_record(
                    gebeurtenis=Gebeurtenis.SESSIE_VERLOPEN,
                    actor=user,
                    obj=user,
                    na={"ingelogd_op": ingelogd_op},
                )
                logout(request)
                if _is_api(request):
                    return probleem_response(
                        titel="Sessie verlopen",
                        detail="Uw sessie is verlopen. Log opnieuw in.",
                        code="sessie-verlopen",
                        status=401,
                    )
                return redirect(settings.LOGIN_URL)
            nu = int(timezone.now().timestamp())
            interval = activiteit_interval(settings.SESSION_COOKIE_AGE)
            if nu - int(request.session.get(SESSIE_ACTIEF_OP, 0)) >= interval:
                request.session[SESSIE_ACTIEF_OP] = nu  # marks it modified, even if equal
        return self.get_response(request)


#: The API views open without log-in (issue #8, ADR 0020): the advice is a computation on
#: the public factsheet, the schema describes it. Each must also be marked public
#: (`web.publiek.publiek`, which sets `login_not_required` and the rate limit).
PUBLIEKE_API = frozenset({"api:advies", "api:schema", "api:openapi-json", "api:openapi-yaml"})


def _is_token_aanroep(request: HttpRequest, view_func: Any) -> bool:
    """Whether the call sends a Bearer token to a DRF view that checks it (ADR 0049).

    Such a call goes on to the view, whose `ApiTokenAuthenticatie` accepts the token or
    answers 401 itself; a view without it (or not DRF) is refused here as before.
    """
    if bearer_geheim(request.headers.get("Authorization", "")) is None:
        return False
    klassen = getattr(getattr(view_func, "cls", None), "authentication_classes", ())
    return any(
        isinstance(klasse, type) and issubclass(klasse, ApiTokenAuthenticatie) for klasse in klassen
    )


class InlogVerplichtMiddleware(LoginRequiredMiddleware):
    """Every page requires log-in (Django's LoginRequiredMiddleware, issues #3 and #8).

    Views marked `login_not_required` stay open: allauth's log-in pages, the admin's log-in,
    and the public pages (`web.publiek.publiek`: the wizard and the rule catalogue).
    Under ``/api/`` every anonymous request gets 401 with a problem+json body instead of a
    redirect to the log-in page, whatever the view's own authentication classes say (DRF
    marks every APIView `login_not_required`), except the views in `PUBLIEKE_API` that are
    marked public, and a call with a Bearer token to a view that checks tokens
    (`ApiTokenAuthenticatie`, ADR 0049), which answers 401 itself for a bad token.
    """

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if _is_api(request):
            if (
                request.user.is_authenticated
                or _is_publieke_api(request, view_func)
                or _is_token_aanroep(request, view_func)
            ):
                return None
            weigering = probleem_response(
                titel="Inloggen vereist",
                detail=(
                    "Log eerst in (met de tweede factor), of stuur een API-token van uw "
                    "organisatie in de kop Authorization: Bearer."
                ),
                code="inloggen-vereist",
                status=401,
            )
            weigering["WWW-Authenticate"] = (
                f'Bearer realm="{REALM}", Session realm="politiebijstand"'
            )
            return weigering
        response = super().process_view(request, view_func, view_args, view_kwargs)
        return response if isinstance(response, HttpResponse) else None
