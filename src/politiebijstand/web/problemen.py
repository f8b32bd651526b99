"""Error responses as `application/problem+json` (RFC 9457), as the NLGov API design rules ask.

Every problem has a `type` (a URN with a stable kebab-case code), a Dutch `title` and
`detail`, the HTTP `status`, and, for validation errors, `invalid-params`: a list of
``{"name": <JSON path of the field>, "reason": <Dutch message>}``.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse

from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from politiebijstand.web.parsers import OngeldigeBody

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:politiebijstand:probleem:"


def probleem(
    *,
    titel: str,
    detail: str,
    code: str,
    status: int = 400,
    ongeldige_velden: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The problem object.

    Args:
        titel: short Dutch summary of the kind of problem (the same for every occurrence).
        detail: Dutch explanation of this occurrence.
        code: stable kebab-case code, e.g. ``"ongeldige-situatie"``; becomes the `type` URN.
        status: the HTTP status code.
        ongeldige_velden: for validation errors, ``[{"name": ..., "reason": ...}]``.

    Returns:
        A JSON-serialisable dict with `type`, `title`, `status`, `detail` and, when given,
        `invalid-params`.
    """
    data: dict[str, Any] = {
        "type": f"{TYPE_PREFIX}{code}",
        "title": titel,
        "status": status,
        "detail": detail,
    }
    if ongeldige_velden is not None:
        data["invalid-params"] = ongeldige_velden
    return data


def probleem_response(
    *,
    titel: str,
    detail: str,
    code: str,
    status: int = 400,
    ongeldige_velden: list[dict[str, str]] | None = None,
) -> HttpResponse:
    """A plain Django response carrying `probleem(...)` as `application/problem+json`."""
    body = probleem(
        titel=titel, detail=detail, code=code, status=status, ongeldige_velden=ongeldige_velden
    )
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_JSON,
    )


#: The problem object for the OpenAPI description (drf-spectacular).
PROBLEEM_SCHEMA = inline_serializer(
    name="Probleem",
    fields={
        "type": serializers.CharField(help_text="URN met een vaste code."),
        "title": serializers.CharField(),
        "status": serializers.IntegerField(),
        "detail": serializers.CharField(),
        "invalid-params": inline_serializer(
            name="OngeldigVeld",
            fields={
                "name": serializers.CharField(help_text="JSON-pad, bijv. 'gevraagd[0].middel'."),
                "reason": serializers.CharField(),
            },
            many=True,
            required=False,
        ),
    },
)


def probleem_api_response(
    *,
    titel: str,
    detail: str,
    code: str,
    status_code: int = status.HTTP_400_BAD_REQUEST,
    ongeldige_velden: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A DRF response carrying `probleem(...)` as `application/problem+json`."""
    body = probleem(
        titel=titel,
        detail=detail,
        code=code,
        status=status_code,
        ongeldige_velden=ongeldige_velden,
    )
    return Response(body, status=status_code, content_type=PROBLEM_JSON, headers=headers)


def probleem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's errors (bad JSON, wrong media type, wrong method, not found) as problem+json.

    A body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 (`body-te-groot`); an empty body a 400
    (`lege-body`); a body that is not JSON, or not sent as JSON, a 400 (`geen-json`, naming
    what is wrong when `StrikteJsonParser` refused it: a repeated key, too deep nesting, ...);
    a change over the session without its CSRF token a 403 (`csrf-mislukt`); an ``Accept``
    without JSON a 406 (`accept-niet-ondersteund`); a wrong method a 405 naming the methods of
    its `Allow` header; an object that does not
    exist or lies outside the user's scope a 404 (`niet-gevonden`, the same answer for both,
    issue #3).
    """
    if isinstance(exc, RequestDataTooBig):
        # Raised by request.body (DRF's JSON parsing reads it); Django would answer with an
        # HTML page.
        limiet = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return probleem_api_response(
            titel="Body te groot",
            detail=f"De body is groter dan de toegestane {limiet} bytes.",
            code="body-te-groot",
            status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            ongeldige_velden=[{"name": "body", "reason": f"groter dan {limiet} bytes"}],
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, OngeldigeBody):
        return probleem_api_response(
            titel="Lege body" if exc.leeg else "Geen geldige JSON",
            detail=(
                "De body is leeg: stuur een JSON-object."
                if exc.leeg
                else f"De body is geen bruikbare JSON: {exc.reden}."
            ),
            code="lege-body" if exc.leeg else "geen-json",
            ongeldige_velden=[{"name": "body", "reason": exc.reden}],
        )
    if isinstance(exc, exceptions.ParseError | exceptions.UnsupportedMediaType):
        return probleem_api_response(
            titel="Geen geldige JSON",
            detail=(
                "De body moet een JSON-object zijn, verstuurd met Content-Type: application/json."
            ),
            code="geen-json",
            ongeldige_velden=[{"name": "body", "reason": "geen geldig JSON-object"}],
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        # DRF sets Allow after this handler (finalize_response); name the same methods here.
        toegestaan = ", ".join(getattr(context.get("view"), "allowed_methods", ()))
        methode = getattr(context.get("request"), "method", "")
        return probleem_api_response(
            titel="Methode niet toegestaan",
            detail=f"De methode {methode} is voor deze URL niet toegestaan; gebruik {toegestaan}.",
            code="methode-niet-toegestaan",
            status_code=response.status_code,
            headers={"Allow": toegestaan},
        )
    if isinstance(exc, Http404 | exceptions.NotFound):
        # An object lookup (Http404) gets one fixed text; DRF's own NotFound (a page number
        # past the end) says which.
        return probleem_api_response(
            titel="Niet gevonden",
            detail=(
                str(exc.detail)
                if isinstance(exc, exceptions.NotFound)
                else "Dit bestaat niet, of valt buiten wat uw organisatie mag zien."
            ),
            code="niet-gevonden",
            status_code=status.HTTP_404_NOT_FOUND,
        )
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        # A refused API token (ADR 0049) names why in its code (``token-verlopen``, ...); the
        # challenge of the first authentication class stays on the 401 (RFC 9110 §11.6.1).
        code = exc.get_codes()
        uitdaging = response.headers.get("WWW-Authenticate")
        return probleem_api_response(
            titel="Niet geauthenticeerd",
            detail=str(exc.detail),
            code=code if isinstance(code, str) and "_" not in code else "inloggen-vereist",
            status_code=response.status_code,
            headers={"WWW-Authenticate": uitdaging} if uitdaging else None,
        )
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF"):
        # DRF's SessionAuthentication on a change without the token: its text is English.
        return probleem_api_response(
            titel="CSRF-token ontbreekt",
            detail=(
                "Een wijziging met de sessie vraagt de kop X-CSRFToken met de waarde van de "
                "cookie csrftoken."
            ),
            code="csrf-mislukt",
            status_code=status.HTTP_403_FORBIDDEN,
        )
    if isinstance(exc, exceptions.NotAcceptable):
        return probleem_api_response(
            titel="Formaat niet beschikbaar",
            detail=(
                "De API antwoordt alleen met application/json (fouten met "
                "application/problem+json); vraag daarom in de kop Accept om JSON."
            ),
            code="accept-niet-ondersteund",
            status_code=status.HTTP_406_NOT_ACCEPTABLE,
        )
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        # A query parameter refused outside a serializer (`web.paginering`): name each.
        velden = [
            {"name": str(naam), "reason": str(next(iter(meldingen), ""))}
            for naam, meldingen in sorted(exc.detail.items())
        ]
        return probleem_api_response(
            titel="Ongeldige parameters",
            detail=f"{velden[0]['name']}: {velden[0]['reason']}",
            code="ongeldige-parameters",
            ongeldige_velden=velden,
        )
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    return probleem_api_response(
        titel="Verzoek niet verwerkt",
        detail=str(detail),
        code="fout",
        status_code=response.status_code,
    )
