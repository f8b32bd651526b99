"""A clear answer when the database fails: full, or unreachable (issue #13 item 5, ADR 0053).

Django answers a database error with its 500 handler (`web.requestlog.server_error`), which
asks `database_storing` what the error was:

- ``opslag-vol``: SQLite's ``SQLITE_FULL`` ("database or disk is full"), or PostgreSQL's
  "could not extend file" / "No space left on device". The change was not stored (its
  transaction rolled back as a whole).
- ``database-onbereikbaar``: the connection failed or was cut (PostgreSQL restarted or
  stopped: "connection refused", "terminating connection due to administrator command",
  "server closed the connection unexpectedly", a closed connection). A connection that failed
  is closed at the end of its request, and a kept one (production's ``CONN_MAX_AGE``, ADR
  0055) is checked before the next request reuses it (``CONN_HEALTH_CHECKS``), so the next
  request after the database is back succeeds without restarting the app.

Both answer 503 with ``Retry-After: 60``: a Dutch page (``503.html``), or under ``/api/`` an
``application/problem+json`` problem with that code. The text says the change was not stored
only for a request that changes something (`wijzigt`): not for a page or API read, nor for a
public view that stores nothing (the advice, `web.publiek.publiek`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

from politiebijstand.web.problemen import probleem_response

API_PREFIX = "/api/"
#: Seconds after which a client may try again (the ``Retry-After`` header).
OPNIEUW_NA_SECONDEN = 60

_VOL = ("database or disk is full", "no space left on device", "could not extend file")
_ONBEREIKBAAR = (
    "connection refused",
    "could not connect",
    "connection to server",
    "terminating connection",
    "server closed the connection",
    "connection already closed",
    "the database system is shutting down",
    "the database system is starting up",
    "no connection to the server",
    "connection is closed",
    "ssl connection has been closed",
)


@dataclass(frozen=True, slots=True)
class DatabaseStoring:
    """What went wrong with the database, in Dutch for the user.

    Attributes:
        code: ``"opslag-vol"`` or ``"database-onbereikbaar"`` (the problem's code).
        titel: the page's heading and the problem's title.
        detail: what it means for a change the user sent (`wijzigt`).
        detail_lezen: what it means for a request that changes nothing (a page, a read, the
            advice).
    """

    code: str
    titel: str
    detail: str
    detail_lezen: str

    def detail_voor(self, request: HttpRequest) -> str:
        """`detail` for a request that changes something (`wijzigt`), else `detail_lezen`."""
        return self.detail if wijzigt(request) else self.detail_lezen


#: Methods that change nothing (RFC 9110, section 9.2.1).
VEILIGE_METHODEN = frozenset({"GET", "HEAD", "OPTIONS"})


def wijzigt(request: HttpRequest) -> bool:
    """Whether `request` may change something: not a safe method, nor a public view.

    The public views (`web.publiek.publiek`: the advice, the wizard) compute on the public
    factsheet and store nothing of the user's; a POST to them changes nothing.
    """
    if request.method in VEILIGE_METHODEN:
        return False
    match = getattr(request, "resolver_match", None)
    return not (match is not None and getattr(match.func, "publiek", False))


OPSLAG_VOL = DatabaseStoring(
    code="opslag-vol",
    titel="De opslag is vol",
    detail="De opslag van het systeem is vol. Uw wijziging is niet opgeslagen, ook niet voor "
    "een deel. De beheerders zijn gewaarschuwd; probeer het later opnieuw.",
    detail_lezen="De opslag van het systeem is vol, daardoor kan dit nu niet worden getoond. "
    "Er is niets gewijzigd. De beheerders zijn gewaarschuwd; probeer het later opnieuw.",
)
ONBEREIKBAAR = DatabaseStoring(
    code="database-onbereikbaar",
    titel="De database is niet bereikbaar",
    detail="De database van het systeem is tijdelijk niet bereikbaar. Uw wijziging is niet "
    "opgeslagen. Probeer het over een minuut opnieuw.",
    detail_lezen="De database van het systeem is tijdelijk niet bereikbaar, daardoor kan dit nu "
    "niet worden getoond. Er is niets gewijzigd. Probeer het over een minuut opnieuw.",
)


def database_storing(fout: BaseException | None) -> DatabaseStoring | None:
    """`OPSLAG_VOL` or `ONBEREIKBAAR` for a database error of that kind, else None.

    Args:
        fout: the exception that ended the request (`sys.exc_info()[1]`), or None.
    """
    if not isinstance(fout, OperationalError | InterfaceError):
        return None
    tekst = str(fout).lower()
    if any(t in tekst for t in _VOL):
        return OPSLAG_VOL
    if isinstance(fout, InterfaceError) or any(t in tekst for t in _ONBEREIKBAAR):
        return ONBEREIKBAAR
    return None


def storing_response(
    request: HttpRequest, storing: DatabaseStoring, request_id: str
) -> HttpResponse:
    """The 503 answer for `storing`: problem+json under ``/api/``, else the Dutch page.

    Rendered without a request context (no context processors: no database query).
    """
    detail = storing.detail_voor(request)
    if request.path.startswith(API_PREFIX):
        response = probleem_response(
            titel=storing.titel, detail=detail, code=storing.code, status=503
        )
    else:
        inhoud = loader.render_to_string(
            "503.html",
            {
                "storing": storing,
                "detail": detail,
                "wijzigt": wijzigt(request),
                "request_id": request_id,
            },
        )
        response = HttpResponse(inhoud, status=503)
    response["Retry-After"] = str(OPNIEUW_NA_SECONDEN)
    return response
