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

from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.accounts.policy import heeft_tweede_factor, tweede_factor_vereist
from politiebijstand.accounts.receivers import SESSIE_INGELOGD_OP
from politiebijstand.audit.services import audit_record
from politiebijstand.web.problemen import probleem_response

#: Session key: the pk of the user whose second factor was found (saves a query per request).
SESSIE_TWEEDE_FACTOR = "pb_tweede_factor"
#: Session key: last time (POSIX seconds) the idle clock was reset.
SESSIE_ACTIEF_OP = "pb_actief_op"
#: The idle clock is reset (the session written) at most once per this many seconds.
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
    """Sends a logged-in user without TOTP to the set-up page (API: 403) until it is done.

    Demo accounts are exempt where `DEMO_ACCOUNTS_TOEGESTAAN` is on (`make run`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not tweede_factor_vereist(user):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in ZONDER_TWEEDE_FACTOR_TOEGESTAAN:
            return None
        # Cached in the session: a second factor is only removed by a beheerder, which ends
        # every session of the account (services.tweede_factor_resetten).
        if request.session.get(SESSIE_TWEEDE_FACTOR) == user.pk:
            return None
        if heeft_tweede_factor(user):
            request.session[SESSIE_TWEEDE_FACTOR] = user.pk
            return None
        if _is_api(request):
            return probleem_response(
                titel="Tweede factor vereist",
                detail="Stel eerst een tweede factor (TOTP) in.",
                code="tweede-factor-vereist",
                status=403,
            )
        return redirect("mfa_activate_totp")


class SessieMaximumMiddleware:
    """Ends sessions: after `SESSION_COOKIE_AGE` idle seconds, and at `SESSIE_MAXIMUM_SECONDEN`.

    The maximum counts from log-in, however active the session was.

    Idle: a session's expiry in the database is renewed when it is saved; this middleware
    marks it modified on a request at most once per `ACTIVITEIT_INTERVAL` seconds, instead of
    `SESSION_SAVE_EVERY_REQUEST` (a write on every request).
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
            if nu - int(request.session.get(SESSIE_ACTIEF_OP, 0)) >= ACTIVITEIT_INTERVAL:
                request.session[SESSIE_ACTIEF_OP] = nu
        return self.get_response(request)


#: The API views open without log-in (issue #8, ADR 0020): the advice is a computation on
#: the public factsheet, the schema describes it. Each must also be marked public
#: (`web.publiek.publiek`, which sets `login_not_required` and the rate limit).
PUBLIEKE_API = frozenset({"api:advies", "api:schema"})


class InlogVerplichtMiddleware(LoginRequiredMiddleware):
    """Every page requires log-in (Django's LoginRequiredMiddleware, issues #3 and #8).

    Views marked `login_not_required` stay open: allauth's log-in pages, the admin's log-in,
    and the public pages (`web.publiek.publiek`: the wizard and the rule catalogue).
    Under ``/api/`` every anonymous request gets 401 with a problem+json body instead of a
    redirect to the log-in page, whatever the view's own authentication classes say (DRF
    marks every APIView `login_not_required`), except the views in `PUBLIEKE_API` that are
    marked public.
    """

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if _is_api(request):
            if request.user.is_authenticated or _is_publieke_api(request, view_func):
                return None
            weigering = probleem_response(
                titel="Inloggen vereist",
                detail="Log eerst in (met de tweede factor); de API gebruikt de sessie.",
                code="inloggen-vereist",
                status=401,
            )
            weigering["WWW-Authenticate"] = 'Session realm="politiebijstand"'
            return weigering
        response = super().process_view(request, view_func, view_args, view_kwargs)
        return response if isinstance(response, HttpResponse) else None
