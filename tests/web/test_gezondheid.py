"""`GET /healthz`: the load balancer's health check, whether the database answers (#13)."""

from __future__ import annotations

import json

from django.db import OperationalError, connection
from django.test import Client

import pytest

from politiebijstand.web.gezondheid import PAD
from tests.conf.test_lokaal_http import python


@pytest.mark.django_db
def test_gezond_200_json_zonder_sessie_en_no_store() -> None:
    antwoord = Client().get("/healthz")
    assert (antwoord.status_code, antwoord["Content-Type"], json.loads(antwoord.content)) == (
        200,
        "application/json",
        {"status": "ok", "database": "ok"},
    )
    assert "no-store" in antwoord["Cache-Control"]
    assert antwoord.cookies == {}
    assert Client().head("/healthz").status_code == 200


@pytest.mark.django_db
def test_database_onbereikbaar_503_met_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    def weigeren() -> None:
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    monkeypatch.setattr(connection, "cursor", weigeren)
    antwoord = Client().get("/healthz")
    assert (
        antwoord.status_code,
        antwoord["Retry-After"],
        json.loads(antwoord.content),
    ) == (503, "60", {"status": "storing", "database": "onbereikbaar"})
    assert "no-store" in antwoord["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("methode", ["post", "put", "patch", "delete"])
def test_alleen_get_en_head(methode: str) -> None:
    assert getattr(Client(), methode)("/healthz").status_code == 405


def test_productie_antwoordt_ook_over_http_en_stuurt_de_rest_naar_https() -> None:
    """Production redirects every plain-HTTP request to HTTPS except this one (a node's check)."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "from django.test import Client; c = Client(); "
        "print(s.SECURE_REDIRECT_EXEMPT, c.get('/healthz').status_code, "
        "c.get('/accounts/login/').status_code)"
    )
    uit = python(code, PB_ALLOWED_HOSTS="testserver")
    # The JSON request log comes first on standard output; the printed line is the last.
    assert (uit.returncode, uit.stdout.splitlines()[-1]) == (0, f"['^{PAD}$'] 200 301")
