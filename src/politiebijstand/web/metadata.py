"""The answer to `OPTIONS` on the API: the allowed methods only (issue #12, NLGov).

DRF's default (`SimpleMetadata`) describes a view from its class name, its English docstring
and, for a POST, a serializer the view may not have (an `AssertionError`, a 500, on a view
without `serializer_class`). The OpenAPI document (`/api/v1/openapi.json`) is the
description of the API; `OPTIONS` answers 200 with the `Allow` header and an empty object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.metadata import BaseMetadata

if TYPE_CHECKING:  # DRF loads this class while `rest_framework.views` is being imported
    from rest_framework.request import Request
    from rest_framework.views import APIView


class AlleenMethoden(BaseMetadata):
    """Metadata of an `OPTIONS` answer: none; the methods are in its `Allow` header."""

    def determine_metadata(self, request: Request, view: APIView) -> dict[str, Any]:
        """An empty object: the OpenAPI document describes the operations."""
        return {}
