"""No copy of an answer in a browser or proxy cache (issue #9 item 6; ASVS 5.0 14.3.2; ADR 0029).

Every response the application makes carries ``Cache-Control: max-age=0, no-cache, no-store,
must-revalidate, private`` (Django's `add_never_cache_headers`), so that no cache keeps a
page or an API answer with request data: not the browser's disk cache, not its back button,
not a proxy on the way.

The rule is every response, not only those for a logged-in user: the Bijstandswijzer's
result page is public but echoes what was typed, a log-in page sets a cookie, and a redirect
or error page for a session that just ended must not be replayed from a cache either. What is
left cacheable are the static files (``STATIC_URL``), which carry no request data. In
production the reverse proxy serves those; with ``make run`` Django's development server
does, outside the middleware. The check on ``STATIC_URL`` keeps them cacheable should the
application ever serve them itself. A view's own ``Cache-Control`` is tightened, never
loosened (``private, max-age=3600`` becomes ``private, max-age=0, no-cache, no-store,
must-revalidate``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


def is_statisch(pad: str) -> bool:
    """Whether `pad` (a request path) lies under ``STATIC_URL`` (``"/static/"``)."""
    static_url = str(settings.STATIC_URL or "")
    return static_url.startswith("/") and pad.startswith(static_url)


class NietBewarenMiddleware:
    """Mark every response but static files ``no-store`` (`add_never_cache_headers`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not is_statisch(request.path):
            add_never_cache_headers(response)
        return response
