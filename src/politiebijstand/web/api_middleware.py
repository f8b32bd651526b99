"""What every answer of the API carries, by the NLGov API Design Rules (issue #12, ADR 0046).

`ApiKoppenMiddleware` (second in ``MIDDLEWARE``, right after the request log) acts only on
paths under ``/api/``:

- ``API-Version: 1.0.0`` on every answer, errors included: the full version of the API
  (rule API-57), the ``VERSION`` of ``SPECTACULAR_SETTINGS``, so the header and the OpenAPI
  document's ``info.version`` cannot differ.
- ``Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private`` on every answer
  (also those this middleware makes itself; `web.cache.NietBewarenMiddleware` marks the rest).
- Every error as ``application/problem+json`` (RFC 9457): an answer of 400 or more that is not
  one already (Django's 404 for an unknown URL, which with ``DEBUG`` on is an HTML page listing
  every URL; a 405 or 500 page) is replaced by a problem with the same status and headers.
- HTTPS only where ``SECURE_SSL_REDIRECT`` is on (production): a call over plain HTTP gets a
  403 problem ``https-vereist`` instead of the redirect the pages get, so that a client with
  a wrong URL fails at once instead of having sent its credentials in the clear each time.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import add_never_cache_headers

from politiebijstand.web.problemen import PROBLEM_JSON, probleem_response

API_PREFIX = "/api/"
API_VERSION_HEADER = "API-Version"

#: Per status: the problem's code, title and detail for an error that was no problem yet.
_PROBLEMEN: dict[int, tuple[str, str, str]] = {
    400: ("ongeldig-verzoek", "Ongeldig verzoek", "Het verzoek kon niet worden gelezen."),
    403: ("geen-toegang", "Geen toegang", "U hebt geen toegang tot deze URL."),
    404: (
        "niet-gevonden",
        "Niet gevonden",
        "Deze URL bestaat niet in de API; de bestaande staan in /api/v1/openapi.json.",
    ),
    405: (
        "methode-niet-toegestaan",
        "Methode niet toegestaan",
        "Deze methode is voor deze URL niet toegestaan; de kop Allow noemt wat wel mag.",
    ),
    413: ("body-te-groot", "Body te groot", "Het verzoek is groter dan de API aanneemt."),
}
_SERVERFOUT = (
    "serverfout",
    "Interne fout",
    "Er ging iets mis in de server; probeer het later opnieuw of meld de kop X-Request-ID.",
)
#: Headers of the replaced answer that the problem does not keep (it has its own body).
_NIET_OVERNEMEN = frozenset({"content-type", "content-length", "content-language"})


def api_versie() -> str:
    """The API's full version, ``"1.0.0"``: ``SPECTACULAR_SETTINGS["VERSION"]``."""
    return str(settings.SPECTACULAR_SETTINGS["VERSION"])


def is_api(request: HttpRequest) -> bool:
    """Whether `request` is a call of the API (its path starts with ``/api/``)."""
    return request.path.startswith(API_PREFIX)


def _als_probleem(response: HttpResponseBase) -> HttpResponseBase:
    """`response` itself, or for an error that is no problem yet a problem with its status."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(PROBLEM_JSON):
        return response
    if response.status_code >= 500:
        code, titel, detail = _SERVERFOUT
    else:
        code, titel, detail = _PROBLEMEN.get(
            response.status_code,
            ("fout", "Verzoek niet verwerkt", "Het verzoek is niet verwerkt."),
        )
    probleem = probleem_response(titel=titel, detail=detail, code=code, status=response.status_code)
    for naam, waarde in response.items():
        if naam.lower() not in _NIET_OVERNEMEN:
            probleem[naam] = waarde
    probleem.cookies = response.cookies
    return probleem


def https_vereist() -> HttpResponse:
    """The 403 problem ``https-vereist`` for an API call over plain HTTP."""
    return probleem_response(
        titel="HTTPS vereist",
        detail="De API is alleen over HTTPS bereikbaar; gebruik https:// in de URL.",
        code="https-vereist",
        status=403,
    )


class ApiKoppenMiddleware:
    """``API-Version``, no-store and problem+json on every answer under ``/api/``; HTTPS only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_api(request):
            return self.get_response(request)
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            response: HttpResponseBase = https_vereist()
        else:
            response = _als_probleem(self.get_response(request))
        response[API_VERSION_HEADER] = api_versie()
        add_never_cache_headers(response)
        return response
