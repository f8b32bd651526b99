"""A HEAD request gets the headers of its GET and no body (RFC 9110 section 9.3.2).

Django's WSGI handler answers HEAD with the GET's body and leaves it to the server to drop
it; gunicorn 27 does, with a warning per request ("WSGI app sent body bytes on a no-body
response"). A load balancer's health check with HEAD on ``/healthz`` (docs/deployment.md)
then filled the log with warnings (an operator's trial, #13).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase


class HeadZonderInhoudMiddleware:
    """Empty the body of every answer to HEAD; its headers (``Content-Length`` included) stay.

    A streamed answer (a PDF) gets an empty stream; its file is still closed at the end of
    the response, as for a GET.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.method == "HEAD":
            if isinstance(response, StreamingHttpResponse):
                response.streaming_content = iter(())
            elif hasattr(response, "content"):
                response.content = b""
        return response
