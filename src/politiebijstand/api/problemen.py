"""Error responses as `application/problem+json` (RFC 9457), as the NLGov API design rules ask.

Every problem has a `type` (a URN with a stable kebab-case code), a Dutch `title` and
`detail`, the HTTP `status`, and, for validation errors, `invalid-params`: a list of
``{"name": <JSON path of the field>, "reason": <Dutch message>}``.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse

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
