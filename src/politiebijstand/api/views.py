"""The advice API: `POST /api/v1/advies` takes a `Situatie` and returns the `Advies`.

Public (issue #8, ADR 0020): no log-in, no session and no CSRF token; a pure computation on
the public factsheet and the law, with no side effect and nothing stored. Anonymous callers
are rate-limited (`web.publiek`, mounted in `api.urls`). Every error is
`application/problem+json` (RFC 9457).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from politiebijstand.api.serializers import AdviesSerializer, SituatieSerializer
from politiebijstand.rules import OngeldigeSituatie, advies_bepalen, situatie_from_dict
from politiebijstand.rules.versie import regels_versie
from politiebijstand.web.parsers import LEEG, OngeldigeBody, StrikteJsonParser
from politiebijstand.web.problemen import (
    PROBLEEM_SCHEMA,
    probleem_api_response,
    probleem_exception_handler,
)

#: The response header that names the rules version of an advice (sha256, 64 hex digits);
#: a header, so that the body stays exactly the contract's `Advies`.
REGELVERSIE_HEADER = "X-Regelversie"


class AdviesApi(APIView):
    """Routing advice for a situation (factsheet and Politiewet 2012).

    No authentication: the session is not read, so no CSRF token is asked (ADR 0020).
    """

    parser_classes = (StrikteJsonParser,)
    renderer_classes = (JSONRenderer,)
    authentication_classes = ()
    permission_classes = (AllowAny,)

    def get_exception_handler(self) -> Any:
        return probleem_exception_handler

    @extend_schema(
        operation_id="advies_bepalen",
        summary="Bepaal het bijstandsadvies voor een situatie",
        description=(
            "Neemt een Situatie (docs/contract/advies.md) en geeft het Advies: gezag, en per "
            "gevraagde leverancier de procedure, grondslag, indiener, contacten, formulier, "
            "besluitnemer en stappen, met bronnen. Fouten als application/problem+json met "
            "'invalid-params' die het veld noemen."
        ),
        request=SituatieSerializer,
        parameters=[
            OpenApiParameter(
                REGELVERSIE_HEADER,
                str,
                OpenApiParameter.HEADER,
                response=[200],
                description="De regelversie: sha256 (64 hex) van de broncode van de regels.",
            )
        ],
        responses={
            200: AdviesSerializer,
            400: OpenApiResponse(
                PROBLEEM_SCHEMA, description="Ongeldige situatie, lege body of geen JSON."
            ),
            413: OpenApiResponse(
                PROBLEEM_SCHEMA, description="Body groter dan DATA_UPLOAD_MAX_MEMORY_SIZE."
            ),
            429: OpenApiResponse(
                PROBLEEM_SCHEMA,
                description=(
                    "Te veel verzoeken zonder inloggen (PUBLIEK_LIMIET_AANTAL per "
                    "PUBLIEK_LIMIET_SECONDEN); de header Retry-After geeft de wachttijd."
                ),
            ),
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
        if request.stream is None:
            # DRF reads an empty body as {} without calling the parser; it is no situation.
            raise OngeldigeBody(LEEG, leeg=True)
        try:
            situatie = situatie_from_dict(request.data)
        except OngeldigeSituatie as fout:
            return probleem_api_response(
                titel="Ongeldige situatie",
                detail=str(fout),
                code="ongeldige-situatie",
                ongeldige_velden=[{"name": fout.veld, "reason": fout.melding}],
            )
        return Response(
            advies_bepalen(situatie).to_dict(), headers={REGELVERSIE_HEADER: regels_versie()}
        )


class OpenApiTekstRenderer(OpenApiYamlRenderer):
    """The OpenAPI YAML as ``text/plain``: a browser shows it instead of downloading it."""

    media_type = "text/plain"


class _EenVorm(BaseContentNegotiation):
    """Always the view's one renderer, whatever ``Accept`` says: the URL names the format."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: Any, format_suffix: str | None = None
    ) -> tuple[Any, str]:
        return (renderers[0], renderers[0].media_type)


@extend_schema_view(get=extend_schema(exclude=True))
class OpenApiJson(SpectacularAPIView):
    """``GET /api/v1/openapi.json``: the OpenAPI 3.1 document as ``application/json``.

    Public (rule API-51, ADR 0046): no log-in, no authentication class, so DRF reads no
    session and asks no CSRF token; rate-limited like the advice (`web.publiek`). The same
    document as ``docs/openapi.yaml`` (a test compares them; ``make openapi`` rewrites it).
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)
    content_negotiation_class = _EenVorm
    renderer_classes = [OpenApiJsonRenderer2]  # noqa: RUF012 - a list, as the base class's

    def get_exception_handler(self) -> Any:
        return probleem_exception_handler


@extend_schema_view(get=extend_schema(exclude=True))
class OpenApiYaml(OpenApiJson):
    """``GET /api/v1/openapi.yaml``: the same document as ``application/yaml``."""

    renderer_classes = [OpenApiYamlRenderer2]  # noqa: RUF012


@extend_schema_view(get=extend_schema(exclude=True))
class SchemaApi(SpectacularAPIView):
    """The OpenAPI document at ``/api/v1/schema/``, readable in a browser (the wizard links it).

    Not itself in the document (nor are `OpenApiJson` and `OpenApiYaml`). Public like the
    advice it describes (ADR 0020): no authentication, no session.

    A browser (Accept ``text/html, */*``) gets the YAML as ``text/plain; charset=utf-8``;
    ``?format=json`` gives ``application/json``; tools still get
    ``application/vnd.oai.openapi`` (+json) or ``application/yaml`` by asking for it. The
    version is the one of SPECTACULAR_SETTINGS, shown once (no separate api_version).
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)
    # A list, as the base class declares it; DRF never mutates it.
    renderer_classes = [  # noqa: RUF012
        OpenApiTekstRenderer,
        OpenApiYamlRenderer,
        OpenApiYamlRenderer2,
        OpenApiJsonRenderer2,
        OpenApiJsonRenderer,
    ]
