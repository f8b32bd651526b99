"""Dutch error pages for the web pages where Django answers without one.

- A query string or form with more fields than ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` makes Django
  raise `TooManyFieldsSent` wherever `request.GET` or `request.POST` is first read; with
  ``DEBUG`` on, even the debug page then fails and the user gets a bare 500. Here the data is
  read first, and such a request gets the 400 page that says why.
- A request body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` gets the 413 page.
- A 405 (a page that exists, but not for this method) has an empty body in Django; it gets
  the 405 page, with its ``Allow`` header kept.

The API (``/api/``) is left alone: it answers in `application/problem+json` (`web.problemen`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

API_PREFIX = "/api/"


def _grootte(aantal_bytes: int) -> str:
    """``2621440`` -> ``"2,5 MB"``; below a megabyte in kB (``1024`` -> ``"1 kB"``)."""
    if aantal_bytes < 1024 * 1024:
        return f"{aantal_bytes // 1024} kB"
    return f"{aantal_bytes / (1024 * 1024):.1f} MB".replace(".", ",")


def foutpagina(
    request: HttpRequest, status: int, *, reden: str = "", allow: str = ""
) -> HttpResponse:
    """The Dutch error page ``<status>.html`` for `request`, with an optional reason.

    Args:
        request: the request; its query string and form data are not read.
        status: 400, 405 or 413.
        reden: a sentence that says what was wrong, shown on the page.
        allow: for a 405, the methods the page does allow (the ``Allow`` header).
    """
    response = render(
        request,
        f"{status}.html",
        {"reden": reden, "methode": request.method, "toegestaan": allow},
        status=status,
    )
    if allow:
        response["Allow"] = allow
    return response


class FoutpaginaMiddleware:
    """Answer too large or too many fields with 400/413 pages, and give 405 a page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            return self.get_response(request)
        fout = self._lees_gegevens(request)
        if fout is not None:
            return fout
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            pagina = foutpagina(request, 405, allow=response.get("Allow", ""))
            # Keep what the inner middleware set (X-Frame-Options, Vary, cookies).
            for naam, waarde in response.items():
                if naam.lower() not in ("content-type", "content-length"):
                    pagina[naam] = waarde
            pagina.cookies = response.cookies
            return pagina
        return response

    @staticmethod
    def _lees_gegevens(request: HttpRequest) -> HttpResponse | None:
        """Read the query string and form data now; a page that says why when that fails."""
        try:
            request.GET  # noqa: B018 - parsing it here is the point
        except TooManyFieldsSent:
            request.GET = QueryDict()
            return foutpagina(
                request,
                400,
                reden=(
                    "Het webadres bevat te veel gegevens (meer dan "
                    f"{settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} velden). Een link van dit "
                    "systeem heeft er nooit zoveel: waarschijnlijk is de link beschadigd of "
                    "met de hand gewijzigd."
                ),
            )
        if request.method not in ("POST", "PUT", "PATCH"):
            return None
        try:
            request.POST  # noqa: B018 - parsing it here is the point
        except RequestDataTooBig:
            return foutpagina(
                request,
                413,
                reden=(
                    "Het formulier bevat meer gegevens dan het systeem in één keer aanneemt "
                    f"(ten hoogste {_grootte(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)})."
                ),
            )
        except TooManyFieldsSent:
            return foutpagina(
                request,
                400,
                reden=(
                    "Het formulier bevat te veel velden (meer dan "
                    f"{settings.DATA_UPLOAD_MAX_NUMBER_FIELDS})."
                ),
            )
        return None
