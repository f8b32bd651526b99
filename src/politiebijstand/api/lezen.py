"""The `ETag` of the read resources, set where they are mounted (issue #12 items 1 and 4).

The read views live in the apps they read, below `api` (ADR 0015), so they cannot import
`api.versies`; `api.urls` wraps each of them with `gelezen`, which sets the tag of every
successful GET or HEAD answer by the one rule (`versies.met_etag`: sha256 of the canonical
JSON of the body, a list page included). An answer that already carries an `ETag` (the PDF
of a document: its sha256) keeps it. ADR 0047.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase

from rest_framework.response import Response

from politiebijstand.api.versies import met_etag

View = Callable[..., HttpResponseBase]


def gelezen(view: View) -> View:
    """`view` with the `ETag` of its GET and HEAD answers set (`api.versies.met_etag`).

    The wrapper keeps the view's attributes (``cls``, ``initkwargs``, ``csrf_exempt``), so that
    drf-spectacular and Django's middleware see the view itself.
    """

    @wraps(view)
    def lezen(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and isinstance(response, Response)
            and not response.has_header("ETag")
        ):
            met_etag(response)
        return response

    return lezen
