"""Re-authentication before sensitive account actions (issue #9, ADR 0027)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate


def herauthenticatie_omleiding(request: HttpRequest) -> HttpResponse | None:
    """A redirect to allauth's re-authentication unless this session did so recently.

    Recently: within `ACCOUNT_REAUTHENTICATION_TIMEOUT` seconds (allauth, default 300), by
    password or TOTP. Afterwards the person comes back to this page with a GET: a form posted
    without it is not kept (it may hold a password) and must be sent again.

    Returns:
        None when the action may go ahead; otherwise the redirect to answer with.

    Raises:
        PermissionDenied: the account has no way to re-authenticate.
    """
    if did_recently_reauthenticate(request):
        return None
    methoden = get_adapter(request).get_reauthentication_methods(request.user)
    if not methoden:
        raise PermissionDenied("Herauthenticatie is voor dit account niet mogelijk.")
    terug = request.path if request.method == "POST" else request.get_full_path()
    return HttpResponseRedirect(f"{methoden[0]['url']}?{urlencode({'next': terug})}")
