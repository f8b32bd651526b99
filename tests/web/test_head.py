"""HEAD: the GET's headers without its body, so that gunicorn logs no warning per request."""

from __future__ import annotations

import io
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import Client, RequestFactory

import pytest

from politiebijstand.web.head import HeadZonderInhoudMiddleware


def _antwoord(response: HttpResponseBase, methode: str) -> Any:
    request = RequestFactory().generic(methode, "/healthz")

    def get_response(_: HttpRequest) -> HttpResponseBase:
        return response

    return HeadZonderInhoudMiddleware(get_response)(request)


def test_head_houdt_de_koppen_en_laat_de_inhoud_weg() -> None:
    response = HttpResponse(b'{"status": "ok"}', content_type="application/json")
    response["Content-Length"] = "16"
    head = _antwoord(response, "HEAD")
    assert (head.content, head["Content-Length"], head["Content-Type"]) == (
        b"",
        "16",
        "application/json",
    )


def test_get_houdt_zijn_inhoud() -> None:
    assert _antwoord(HttpResponse(b"inhoud"), "GET").content == b"inhoud"


@pytest.mark.django_db  # closing a response ends the request (request_finished)
def test_een_gestreamd_antwoord_op_head_is_leeg_en_sluit_zijn_bestand() -> None:
    bestand = io.BytesIO(b"%PDF-1.7 ...")
    head = _antwoord(FileResponse(bestand, content_type="application/pdf"), "HEAD")
    assert isinstance(head, StreamingHttpResponse)
    assert list(head) == []  # the WSGI server iterates the response itself
    assert head["Content-Length"] == "12"
    head.close()
    assert bestand.closed


@pytest.mark.django_db
def test_head_op_healthz_door_de_hele_stapel() -> None:
    """Through every middleware: the same headers as GET, no body (the handler's own answer;
    Django's test client would drop a body itself, so the body is asserted above)."""
    client = Client()
    get, head = client.get("/healthz"), client.head("/healthz")
    assert (get.status_code, head.status_code) == (200, 200)
    assert head["Content-Type"] == get["Content-Type"]
    assert head["Cache-Control"] == get["Cache-Control"]
