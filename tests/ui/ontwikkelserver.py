"""Requests to the development server's handler (`make run`: runserver with staticfiles)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory


def wsgi_get(pad: str) -> tuple[str, dict[str, str], bytes]:
    """GET `pad`, unnormalised, from runserver's handler: status line, headers, body.

    The handler serves ``/static/`` itself, outside the middleware, as runserver does.
    """
    antwoord: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> Callable[..., Any]:
        antwoord["status"], antwoord["headers"] = status, dict(headers)
        return lambda _: None

    environ = RequestFactory().get(pad).environ
    body: Iterable[bytes] = StaticFilesHandler(WSGIHandler())(environ, start_response)
    inhoud = b"".join(body)
    return antwoord["status"], antwoord["headers"], inhoud
