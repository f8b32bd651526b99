"""A WSGI application without Django, for starting gunicorn with the product's settings file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """``200 OK`` with the body ``leeg``."""
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"leeg"]
