"""The admin's own log-in page, closed: one log-in for everything (issue #9, ADR 0027)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


@login_not_required
def admin_inloggen(request: HttpRequest) -> HttpResponseRedirect:
    """Send ``/admin/login/`` (any method) to allauth's log-in; it never logs anyone in.

    Django's admin log-in checks only the password: no second factor, no lock-out, no audit.
    The admin redirects here when a session may not see it; the person logs in with password
    and TOTP at allauth's page and comes back to `next` (only a path of this site).
    """
    volgende = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        volgende = reverse("admin:index")
    return HttpResponseRedirect(
        f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': volgende})}"
    )
