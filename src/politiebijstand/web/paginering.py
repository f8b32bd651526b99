"""Pagination of the API's lists, with Dutch names (NLGov API design rules).

A page is ``{"aantal": <all rows>, "volgende": <URL or null>, "vorige": <URL or null>,
"resultaten": [...]}``; the query parameters are ``pagina`` (a whole number from 1) and
``perPagina`` (1 to 100, default 25; lowerCamelCase, as every query key of the API). A value
that is no such number is a 400 problem naming the parameter (`ongeldige-parameters`), as the
OpenAPI document declares it; a page past the last one is a 404 problem (`niet-gevonden`).
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

#: The largest page (`perPagina`), and the default.
MAX_PER_PAGINA = 100
PER_PAGINA = 25
#: Page numbers above this are refused as malformed (no list is that long).
MAX_PAGINA = 1_000_000


def _geheel_getal(request: Request, naam: str, minimum: int, maximum: int) -> int | None:
    """The query parameter `naam` as a whole number in [minimum, maximum]; None if absent.

    Raises:
        ValidationError: ``{naam: ["Moet een geheel getal van <minimum> tot en met
            <maximum> zijn."]}`` when it is present but no such number.
    """
    waarde = request.query_params.get(naam)
    if waarde is None:
        return None
    if not (waarde.isascii() and waarde.isdigit()) or not minimum <= int(waarde) <= maximum:
        raise ValidationError(
            {naam: [f"Moet een geheel getal van {minimum} tot en met {maximum} zijn."]}
        )
    return int(waarde)


class Paginering(PageNumberPagination):
    """Page-number pagination: `pagina`, `perPagina`; counts with one COUNT query."""

    page_size = PER_PAGINA
    page_query_param = "pagina"
    page_query_description = "Paginanummer, vanaf 1."
    page_size_query_param = "perPagina"
    page_size_query_description = (
        f"Aantal resultaten per pagina (standaard {PER_PAGINA}, hoogstens {MAX_PER_PAGINA})."
    )
    max_page_size = MAX_PER_PAGINA
    invalid_page_message = "Pagina {page_number} bestaat niet: {message}"

    def get_page_size(self, request: Request) -> int:
        per_pagina = _geheel_getal(request, "perPagina", 1, MAX_PER_PAGINA)
        return self.page_size if per_pagina is None else per_pagina

    def get_page_number(self, request: Request, paginator: Any) -> int:
        pagina = _geheel_getal(request, "pagina", 1, MAX_PAGINA)
        return 1 if pagina is None else pagina

    def get_paginated_response(self, data: Any) -> Response:
        if self.page is None:
            raise RuntimeError("get_paginated_response() before paginate_queryset()")
        return Response(
            {
                "aantal": self.page.paginator.count,
                "volgende": self.get_next_link(),
                "vorige": self.get_previous_link(),
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["aantal", "volgende", "vorige", "resultaten"],
            "properties": {
                "aantal": {"type": "integer", "description": "Aantal resultaten in totaal."},
                "volgende": {"type": ["string", "null"], "format": "uri"},
                "vorige": {"type": ["string", "null"], "format": "uri"},
                "resultaten": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": self.page_query_description,
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGINA},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": self.page_size_query_description,
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PER_PAGINA,
                    "default": PER_PAGINA,
                },
            },
        ]
