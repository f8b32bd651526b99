"""Pagination of the API's lists, with Dutch names (NLGov API design rules).

A page is ``{"aantal": <all rows>, "volgende": <URL or null>, "vorige": <URL or null>,
"resultaten": [...]}``; the query parameters are ``pagina`` (1, 2, ...) and ``per_pagina``
(default 25, at most 100). A page that does not exist is a 404 problem (`niet-gevonden`).
"""

from __future__ import annotations

from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class Paginering(PageNumberPagination):
    """Page-number pagination: `pagina`, `per_pagina`; counts with one COUNT query."""

    page_size = 25
    page_query_param = "pagina"
    page_query_description = "Paginanummer, vanaf 1."
    page_size_query_param = "per_pagina"
    page_size_query_description = "Aantal resultaten per pagina (standaard 25, hoogstens 100)."
    max_page_size = 100
    invalid_page_message = "Pagina {page_number} bestaat niet: {message}"

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
                "volgende": {"type": "string", "format": "uri", "nullable": True},
                "vorige": {"type": "string", "format": "uri", "nullable": True},
                "resultaten": schema,
            },
        }
