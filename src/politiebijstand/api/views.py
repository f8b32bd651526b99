"""The advice API: `POST /api/v1/advies` takes a `Situatie` and returns the `Advies`.

Log-in required, as for every page (issue #3): the session of a logged-in user with a
second factor (REST_FRAMEWORK defaults: SessionAuthentication, which also checks the CSRF
token, and IsAuthenticated). Every error is `application/problem+json` (RFC 9457).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from politiebijstand.api.problemen import PROBLEM_JSON, probleem
from politiebijstand.api.serializers import AdviesSerializer, SituatieSerializer
from politiebijstand.rules import OngeldigeSituatie, advies_bepalen, situatie_from_dict

_PROBLEEM_SCHEMA = inline_serializer(
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


def _probleem_response(
    *,
    titel: str,
    detail: str,
    code: str,
    status_code: int = status.HTTP_400_BAD_REQUEST,
    ongeldige_velden: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = probleem(
        titel=titel,
        detail=detail,
        code=code,
        status=status_code,
        ongeldige_velden=ongeldige_velden,
    )
    return Response(body, status=status_code, content_type=PROBLEM_JSON, headers=headers)


def probleem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's errors (bad JSON, wrong media type, wrong method) as problem+json.

    A body that is not JSON, or not sent as JSON, is a 400 (`geen-json`); a wrong method a
    405 with its `Allow` header.
    """
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ParseError | exceptions.UnsupportedMediaType):
        return _probleem_response(
            titel="Geen geldige JSON",
            detail=(
                "De body moet een JSON-object zijn, verstuurd met Content-Type: application/json."
            ),
            code="geen-json",
            ongeldige_velden=[{"name": "body", "reason": "geen geldig JSON-object"}],
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _probleem_response(
            titel="Methode niet toegestaan",
            detail=f"Gebruik {response.headers.get('Allow', 'POST')} voor deze URL.",
            code="methode-niet-toegestaan",
            status_code=response.status_code,
            headers={"Allow": response.headers.get("Allow", "POST, OPTIONS")},
        )
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    return _probleem_response(
        titel="Verzoek niet verwerkt",
        detail=str(detail),
        code="fout",
        status_code=response.status_code,
    )


class AdviesApi(APIView):
    """Routing advice for a situation (factsheet and Politiewet 2012)."""

    parser_classes = (JSONParser,)
    renderer_classes = (JSONRenderer,)

    def get_exception_handler(self) -> Any:
        return probleem_exception_handler

    @extend_schema(
        operation_id="advies_bepalen",
        summary="Bepaal het bijstandsadvies voor een situatie",
        description=(
            "Neemt een Situatie (shared/contract/advies.md) en geeft het Advies: gezag, en per "
            "gevraagde leverancier de procedure, grondslag, indiener, contacten, formulier, "
            "besluitnemer en stappen, met bronnen. Fouten als application/problem+json met "
            "'invalid-params' die het veld noemen."
        ),
        request=SituatieSerializer,
        responses={
            200: AdviesSerializer,
            400: OpenApiResponse(_PROBLEEM_SCHEMA, description="Ongeldige situatie of geen JSON."),
            405: OpenApiResponse(_PROBLEEM_SCHEMA, description="Alleen POST."),
        },
        examples=[
            OpenApiExample(
                "KMar bij avondklokrellen",
                request_only=True,
                value={
                    "eigen_capaciteit_toereikend": False,
                    "taak": "openbare_orde",
                    "gemeenten": ["Den Haag"],
                    "gevraagd": [{"leverancier": "kmar"}],
                },
            )
        ],
        auth=[],
    )
    def post(self, request: Request) -> Response:
        try:
            situatie = situatie_from_dict(request.data)
        except OngeldigeSituatie as fout:
            return _probleem_response(
                titel="Ongeldige situatie",
                detail=str(fout),
                code="ongeldige-situatie",
                ongeldige_velden=[{"name": fout.veld, "reason": fout.melding}],
            )
        return Response(advies_bepalen(situatie).to_dict())
