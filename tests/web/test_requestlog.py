"""One structured log line per request, one per 500 with its traceback (issue #9, item 5)."""

from __future__ import annotations

import io
import json
import logging.config
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.template import loader
from django.test import Client, RequestFactory, override_settings

import pytest

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.conf.base import admins_from_env
from politiebijstand.conf.logregels import logging_config
from politiebijstand.web import requestlog
from tests.accounts.factories import maak_gebruiker
from tests.accounts.helpers import tweede_factor_instellen

Regels = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def json_regels() -> Iterator[Regels]:
    """The production logging (JSON lines) for this test; read the lines written so far.

    The lines go to a buffer instead of standard output, which pytest replaces per phase.
    """
    logging.config.dictConfig(logging_config(json=True, niveau="INFO"))
    [stdout] = [h for h in logging.getLogger().handlers if h.name == "stdout"]
    assert isinstance(stdout, logging.StreamHandler)
    buffer = io.StringIO()
    stdout.setStream(buffer)

    def lees() -> list[dict[str, Any]]:
        regels = buffer.getvalue().splitlines()
        buffer.seek(0)
        buffer.truncate()
        return [json.loads(regel) for regel in regels]

    yield lees
    logging.config.dictConfig(settings.LOGGING)


def ingelogd(gebruiker: Gebruiker) -> Client:
    tweede_factor_instellen(gebruiker)
    client = Client()
    client.force_login(gebruiker)
    return client


def test_een_gewone_request_geeft_een_regel_zonder_query_string(
    referentiedata: None, json_regels: Regels
) -> None:
    gebruiker = maak_gebruiker("RCCB-MN", "medewerker")
    client = ingelogd(gebruiker)
    json_regels()  # not the log-in's lines
    response = client.get(
        "/werkvoorraad/?zoek=geheim-zoekwoord", headers={"X-Request-ID": "proxy-0123456789abcdef"}
    )
    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == "proxy-0123456789abcdef"
    [regel] = json_regels()
    duur = regel.pop("duration_ms")
    assert isinstance(duur, float) and duur > 0
    assert regel.pop("timestamp").endswith("Z")
    assert regel == {
        "event": "request",
        "level": "info",
        "logger": "politiebijstand.request",
        "process": os.getpid(),
        "request_id": "proxy-0123456789abcdef",
        "method": "GET",
        "path": "/werkvoorraad/",
        "status": 200,
        "user_id": gebruiker.pk,
        "organisatie": "RCCB-MN",
        "client_ip": "127.0.0.1",
    }


@pytest.mark.parametrize(
    "kop", ["", "kort", "met spatie en {json}", "x" * 129, "-begint-met-streep"]
)
def test_een_onbruikbare_request_id_wordt_een_nieuwe_uuid4(
    db: None, json_regels: Regels, kop: str
) -> None:
    response = Client().get("/wijzer/", headers={"X-Request-ID": kop})
    [regel] = [r for r in json_regels() if r["event"] == "request"]
    assert uuid.UUID(regel["request_id"]).version == 4
    assert response.headers["X-Request-ID"] == regel["request_id"]
    assert (regel["status"], regel["user_id"], regel["organisatie"]) == (200, None, None)


@override_settings(ROOT_URLCONF="tests.web.urls_fout", ADMINS=[("Beheer", "beheer@example.nl")])
def test_een_500_geeft_een_regel_met_traceback_en_een_mail(db: None, json_regels: Regels) -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/boem/?wachtwoord=geheim", headers={"X-Request-ID": "req-500-abcdef"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "req-500-abcdef"
    tekst = response.content.decode()
    assert 'Foutnummer: <code class="utrecht-code">req-500-abcdef</code>' in tekst
    assert "vastgelegd in het logboek voor de beheerders" in tekst
    [regel] = json_regels()
    traceback = regel.pop("exception")
    assert traceback.startswith("Traceback (most recent call last):\n")
    assert traceback.endswith("RuntimeError: boem in de view")
    regel.pop("timestamp"), regel.pop("duration_ms")
    assert regel == {
        "event": "request",
        "level": "error",
        "logger": "politiebijstand.request",
        "process": os.getpid(),
        "request_id": "req-500-abcdef",
        "method": "GET",
        "path": "/boem/",
        "status": 500,
        "user_id": None,
        "organisatie": None,
        "client_ip": "127.0.0.1",
    }
    [bericht] = mail.outbox
    assert bericht.to == ["beheer@example.nl"]
    assert bericht.subject == "[politiebijstand] ERROR: request (request req-500-abcdef)"
    assert "RuntimeError: boem in de view" in bericht.body
    assert "geheim" not in bericht.body


def test_de_500_pagina_kan_zelf_niet_falen(monkeypatch: pytest.MonkeyPatch) -> None:
    def kapot(*args: object, **kwargs: object) -> str:
        raise RuntimeError("sjabloon kapot")

    monkeypatch.setattr(loader, "render_to_string", kapot)
    request = RequestFactory().get("/")
    request.META["politiebijstand.request_id"] = "<script>"
    response = requestlog.server_error(request)
    assert response.status_code == 500
    assert "Foutnummer: <code>&lt;script&gt;</code>" in response.content.decode()


def test_pb_admins_met_en_zonder_naam() -> None:
    assert admins_from_env("Team Beheer <beheer@example.nl>, ops@example.nl,") == [
        ("Team Beheer", "beheer@example.nl"),
        ("", "ops@example.nl"),
    ]
    assert admins_from_env("") == []


@pytest.mark.parametrize("fout", ["beheer-at-example.nl", "Beheer <beheer@>"])
def test_pb_admins_met_een_ongeldig_adres_weigert(fout: str) -> None:
    with pytest.raises(ImproperlyConfigured) as info:
        admins_from_env(f"ops@example.nl, {fout}")
    assert str(info.value) == (
        f"PB_ADMINS: {fout!r} is not an e-mail address; write "
        '"Naam <adres@example.nl>, ander@example.nl"'
    )


PRODUCTIE_500 = """
import django
from django.template import loader
from django.test import Client, override_settings
django.setup()
with override_settings(ROOT_URLCONF="tests.web.urls_fout"):
    response = Client(raise_request_exception=False).get(
        "/boem/?wachtwoord=geheim", secure=True, headers={"X-Request-ID": "prod-500-abcdef"}
    )
print("STATUS", response.status_code)
"""


def test_een_500_onder_productie_instellingen_geeft_een_json_regel() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    env.update(
        DJANGO_SETTINGS_MODULE="politiebijstand.conf.production",
        PB_SECRET_KEY="s" * 50,
        PB_MFA_SLEUTEL="p0nH4hYFZ4u9oC0P8pO3D5GmJq9bVn2GZ6qVbKqf1Qs=",
        PB_AUDIT_SLEUTEL="a" * 32,
        PB_ALLOWED_HOSTS="testserver",
        PB_DATA_DIR=tempfile.mkdtemp(prefix="pb-log-"),
    )
    uit = subprocess.run(
        [sys.executable, "-c", PRODUCTIE_500],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=settings.BASE_DIR.parent.parent,
    )
    assert (uit.returncode, uit.stderr) == (0, "")
    *logregels, slot = uit.stdout.splitlines()
    assert slot == "STATUS 500"
    [regel] = [json.loads(r) for r in logregels]
    assert "wachtwoord" not in uit.stdout
    assert (regel["level"], regel["status"], regel["request_id"], regel["path"]) == (
        "error",
        500,
        "prod-500-abcdef",
        "/boem/",
    )
    assert regel["exception"].startswith("Traceback (most recent call last):\n")
    assert regel["exception"].endswith("RuntimeError: boem in de view")
