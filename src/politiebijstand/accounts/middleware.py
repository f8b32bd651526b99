"""Middleware: a second factor is required, and sessions have an absolute maximum (issue #3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone

from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.accounts.policy import heeft_tweede_factor, tweede_factor_vereist
from politiebijstand.accounts.receivers import SESSIE_INGELOGD_OP
from politiebijstand.audit.services import audit_record

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
        if heeft_tweede_factor(user):
            return None
        if _is_api(request):
            return JsonResponse(
                {
                    "type": "tweede-factor-vereist",
                    "title": "Stel eerst een tweede factor (TOTP) in.",
                    "status": 403,
                },
                status=403,
                content_type="application/problem+json",
            )
        return redirect("mfa_activate_totp")


class SessieMaximumMiddleware:
    """Ends a session `SESSIE_MAXIMUM_SECONDEN` after log-in, however active it was.

    The idle timeout is Django's own: `SESSION_COOKIE_AGE` with `SESSION_SAVE_EVERY_REQUEST`.
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
                    return JsonResponse(
                        {"type": "sessie-verlopen", "title": "Sessie verlopen.", "status": 401},
                        status=401,
                        content_type="application/problem+json",
                    )
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class InlogVerplichtMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware; API views (DRF) answer 401/403 themselves instead."""

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if getattr(view_func, "cls", None) is not None and _is_api(request):
            return None  # a DRF APIView: its authentication and permission classes decide
        response = super().process_view(request, view_func, view_args, view_kwargs)
        return response if isinstance(response, HttpResponse) else None
