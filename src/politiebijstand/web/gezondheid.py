"""`GET /healthz`: whether this web process reaches its database, for the load balancer (#13).

The load balancer (docs/deployment.md) asks each web process in turn. The answer is JSON:

- 200 ``{"status": "ok", "database": "ok"}`` when ``SELECT 1`` on the default database
  answered;
- 503 ``{"status": "storing", "database": "onbereikbaar"}`` with ``Retry-After: 60`` when it did
  not (connection refused, authentication failed, the server shutting down: any
  `django.db.DatabaseError`). The error itself is logged (``politiebijstand.gezondheid``), not
  shown.

Public: no log-in, no session read or written, no cookie set, no rate limit (the load balancer
asks every few seconds), never cached (``no-store``, as every answer: `web.cache`). GET and
HEAD only; other methods get 405 (a POST first meets the CSRF check: 403). In production it is
also answered over plain HTTP (``SECURE_REDIRECT_EXEMPT``), since a load balancer's check often
goes to the node's HTTP port; it says nothing but whether the database answers.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

import structlog

from politiebijstand.web.storing import OPNIEUW_NA_SECONDEN

logger = structlog.get_logger("politiebijstand.gezondheid")

#: The path without its leading slash, as `SECURE_REDIRECT_EXEMPT` matches it.
PAD = "healthz"


def database_antwoordt() -> bool:
    """Whether ``SELECT 1`` on the default database answers 1; False on any database error."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            rij = cursor.fetchone()
    except DatabaseError as fout:
        logger.warning("gezondheid-database-onbereikbaar", fout=f"{type(fout).__name__}: {fout}")
        return False
    return rij is not None and rij[0] == 1


@login_not_required
@require_safe
def gezondheid(request: HttpRequest) -> JsonResponse:
    """200 ``{"status": "ok", "database": "ok"}``, or 503 when the database does not answer."""
    if database_antwoordt():
        return JsonResponse({"status": "ok", "database": "ok"})
    antwoord = JsonResponse({"status": "storing", "database": "onbereikbaar"}, status=503)
    antwoord["Retry-After"] = str(OPNIEUW_NA_SECONDEN)
    return antwoord
