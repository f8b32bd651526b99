"""Versions of API resources: the `ETag` and the `If-Match` check (issue #12 item 4).

A resource's version is its representation: the strong entity tag is the sha256 of the
resource's JSON, canonicalised (keys sorted, no spaces, UTF-8). A GET sets it; a change
(POST, PUT, PATCH or DELETE on an existing resource) must send it back in `If-Match`
(RFC 9110 §13.1.1) and is refused with 428 without it (RFC 6585 §3) and with 412 when the
resource changed since (RFC 9110 §15.5.13). Because the tag is computed from the same
representation as the GET, no version column is needed and every resource has one.

In `web` (below the domain apps) so that every app's `api` module can use it;
`politiebijstand.api.versies` re-exports it (ADR 0048).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from politiebijstand.web.problemen import probleem_api_response


def etag_van(data: Any) -> str:
    """The strong entity tag of a representation.

    Args:
        data: the resource's JSON-serialisable representation (as a serializer's `.data`);
            values JSON cannot carry (dates, UUIDs, Decimals) are written with `str`.

    Returns:
        The tag with its quotes, e.g. ``'"3f2a…"'`` (64 hex digits between double quotes).
    """
    tekst = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return '"' + hashlib.sha256(tekst.encode("utf-8")).hexdigest() + '"'


def met_etag(response: Response) -> Response:
    """Set the `ETag` header of a successful response from its data; returns the response."""
    if 200 <= response.status_code < 300 and response.data is not None:
        response["ETag"] = etag_van(response.data)
    return response


def _tags(kop: str) -> list[str]:
    """The entity tags of an `If-Match` header: ``*`` or a comma-separated list."""
    return [deel.strip() for deel in kop.split(",") if deel.strip()]


def if_match_controleren(request: Request, huidige: Any) -> Response | None:
    """Check a change's `If-Match` against the resource's current representation.

    Args:
        request: the change's request.
        huidige: the current representation of the resource, as a GET would return it.

    Returns:
        None when the change may go on; otherwise the problem to answer: 428
        ``if-match-vereist`` without the header or with only ``*`` (a change must name the
        version it read, so ``*`` protects nothing here), 412 ``versie-verouderd`` when no tag in it
        matches (a weak tag ``W/"…"`` never matches: the comparison is strong).
    """
    kop = request.headers.get("If-Match")
    if not kop or kop.strip() == "*":
        # RFC 9110 lets `*` match any version; a change here must name the one it read.
        return probleem_api_response(
            titel="If-Match ontbreekt",
            detail=(
                "Een wijziging vraagt de kop If-Match met de ETag van de versie die u "
                "het laatst las (haal de bron op met GET); * is niet genoeg."
            ),
            code="if-match-vereist",
            status_code=status.HTTP_428_PRECONDITION_REQUIRED,
        )
    tags = _tags(kop)
    if etag_van(huidige) in tags:
        return None
    return probleem_api_response(
        titel="Versie verouderd",
        detail=(
            "De bron is gewijzigd sinds u hem las; haal hem opnieuw op met GET en "
            "beoordeel de wijziging opnieuw."
        ),
        code="versie-verouderd",
        status_code=status.HTTP_412_PRECONDITION_FAILED,
        headers={"ETag": etag_van(huidige)},
    )
