"""One structured log line per request, the request id, and a 500 page that names it (#9).

`RequestLogMiddleware` (first in ``MIDDLEWARE``) gives each request an id: the client's or
reverse proxy's ``X-Request-ID`` when it is a sane token, else a new uuid4. The id is bound to
structlog's context (so every line logged during the request carries it), returned as the
response header ``X-Request-ID``, and shown on the 500 page as "Foutnummer". When the response
is done, the middleware logs one line, event ``"request"``, with the request id, method, path
(never the query string: it may carry request data), status, duration in milliseconds, the
user's id and organisation code, and the client's address. An unhandled exception makes that
same line level ``error`` with the traceback; ``django.request`` is silenced in the
``LOGGING`` setting (conf/base.py), so the exception is not logged twice. Request bodies,
form data, passwords and TOTP codes are never logged.

`FoutMailHandler` mails lines of level ``error`` to ``ADMINS`` (``PB_ADMINS``): the log line,
not Django's error report, which would carry the form data and cookies.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.core.mail import mail_admins
from django.core.signals import got_request_exception
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.html import escape

import structlog

REQUEST_ID_HEADER = "X-Request-ID"
#: Where the request id and the exception of a request are kept (WSGI-style environ keys).
_META_REQUEST_ID = "politiebijstand.request_id"
_META_FOUT = "politiebijstand.fout"
#: A sane request id from outside: 8 to 128 letters, digits, dots, dashes and underscores
#: (a uuid, or a proxy's hex id); anything else could forge or break a log line.
_GELDIG_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,127}")

logger = structlog.get_logger("politiebijstand.request")


def request_id_from_header(waarde: str) -> str:
    """The request id to use for a request whose ``X-Request-ID`` header is `waarde`.

    Returns:
        `waarde` when it is a sane token (8-128 characters of ``[A-Za-z0-9._-]``, starting with
        a letter or digit), else a new uuid4 in its 36-character form.
    """
    if _GELDIG_REQUEST_ID.fullmatch(waarde):
        return waarde
    return str(uuid.uuid4())


def request_id_of(request: HttpRequest) -> str:
    """The id that `RequestLogMiddleware` gave `request`; ``""`` if it did not run."""
    waarde = request.META.get(_META_REQUEST_ID, "")
    return waarde if isinstance(waarde, str) else ""


def _fout_bewaren(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """Keep the exception of a request for its log line (Django sends this inside `except`)."""
    if request is not None:
        request.META[_META_FOUT] = sys.exc_info()


got_request_exception.connect(_fout_bewaren, dispatch_uid="politiebijstand.web.requestlog")


def _gebruiker(request: HttpRequest) -> tuple[int | None, str | None]:
    """The user's id and organisation code, or ``(None, None)`` for an anonymous request."""
    gebruiker = getattr(request, "user", None)
    if gebruiker is None or not gebruiker.is_authenticated:
        return None, None
    organisatie = getattr(gebruiker, "organisatie", None)
    return gebruiker.pk, getattr(organisatie, "code", None)


def _client_ip(request: HttpRequest) -> str | None:
    """The client's address as the log-in limits see it (allauth), else ``REMOTE_ADDR``."""
    # Imported here: LOGGING loads this module (FoutMailHandler) before the apps are ready.
    from allauth.account.adapter import get_adapter

    try:
        ip = get_adapter(request).get_client_ip(request)
    except Exception:  # a missing or untrusted forwarding header
        ip = request.META.get("REMOTE_ADDR")
    return str(ip) if ip else None


class RequestLogMiddleware:
    """Give each request an id and log one line when it is done (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        begin = time.monotonic()
        request_id = request_id_from_header(request.headers.get(REQUEST_ID_HEADER, ""))
        request.META[_META_REQUEST_ID] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            # Exceptions below this middleware come back as a 500 response (Django's handler).
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            self._log(request, response.status_code, begin)
            return response
        finally:
            structlog.contextvars.clear_contextvars()

    def _log(self, request: HttpRequest, status: int, begin: float) -> None:
        velden: dict[str, Any] = {
            "method": request.method,
            "path": request.path,
            "status": status,
            "duration_ms": round((time.monotonic() - begin) * 1000, 1),
        }
        try:
            velden["user_id"], velden["organisatie"] = _gebruiker(request)
        except Exception:  # e.g. the database is down: the line matters more than the user
            velden["user_id"], velden["organisatie"] = None, None
        velden["client_ip"] = _client_ip(request)
        fout = request.META.pop(_META_FOUT, None)
        if status >= 500:
            logger.error("request", exc_info=fout or False, **velden)
        else:
            logger.info("request", **velden)


#: The 500 page when even the template fails: plain HTML, no template, no database.
_NOODPAGINA = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Fout in het systeem'
    "</title></head><body><h1>Er ging iets mis in het systeem</h1><p>De fout is vastgelegd "
    "voor de beheerders. Foutnummer: <code>{request_id}</code></p></body></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's ``handler500``: the 500 page with the request's id as "Foutnummer".

    A database that is full or unreachable gets the 503 page or problem instead
    (`web.storing`, ADR 0053).

    Renders ``500.html`` without a request context (as Django does: no context processors,
    so no database query), and falls back to a fixed page if even that fails, so that this
    view cannot fail itself.
    """
    request_id = request_id_of(request)
    # Imported here: LOGGING loads this module before the apps are ready.
    from politiebijstand.web.storing import database_storing, storing_response

    storing = database_storing(sys.exc_info()[1])
    if storing is not None:  # full or unreachable: 503 with what it means (ADR 0053)
        try:
            return storing_response(request, storing, request_id)
        except Exception:
            logger.exception("foutpagina-mislukt")
    try:
        inhoud: str = loader.render_to_string("500.html", {"request_id": request_id})
    except Exception:
        logger.exception("foutpagina-mislukt")
        inhoud = _NOODPAGINA.format(request_id=escape(request_id))
    return HttpResponseServerError(inhoud)


class FoutMailHandler(logging.Handler):
    """Mail each log record it gets (configured at level ``ERROR``) to ``ADMINS``.

    The subject names the level, the event and the request id; the body is the formatted log
    line with its traceback. Nothing is sent when ``ADMINS`` is empty (``mail_admins``).
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if isinstance(record.msg, dict):  # a structlog event (ProcessorFormatter)
                event = str(record.msg.get("event", ""))
                request_id = str(record.msg.get("request_id", ""))
            else:
                event = record.getMessage()
                request_id = str(structlog.contextvars.get_contextvars().get("request_id", ""))
            onderwerp = f"{record.levelname}: {event}"
            if request_id:
                onderwerp += f" (request {request_id})"
            onderwerp = " ".join(onderwerp.split())[:200]
            mail_admins(onderwerp, self.format(record), fail_silently=True)
        except Exception:
            self.handleError(record)
