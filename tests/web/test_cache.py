"""No cache keeps a page or an API answer with request data (issue #9 item 6, ASVS 14.3.2)."""

from __future__ import annotations

import html

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory, override_settings

import pytest

from politiebijstand.web.cache import NietBewarenMiddleware
from tests.ui.ontwikkelserver import wsgi_get
from tests.verzoeken.helpers import maak_verzoek

pytestmark = pytest.mark.usefixtures("referentiedata")

NIET_BEWAREN = "max-age=0, no-cache, no-store, must-revalidate, private"


def test_verzoekpagina_wordt_niet_bewaard(client: Client) -> None:
    verzoek = maak_verzoek()
    response = client.get(f"/verzoeken/{verzoek.uuid}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == NIET_BEWAREN
    assert "Expires" in response


def test_api_lijst_wordt_niet_bewaard(client: Client) -> None:
    maak_verzoek()
    response = client.get("/api/v1/verzoeken")
    assert response.status_code == 200
    assert response["Cache-Control"] == NIET_BEWAREN


def test_werkvoorraad_wordt_niet_bewaard(client: Client) -> None:
    response = client.get("/werkvoorraad/")
    assert response.status_code == 200
    assert response["Cache-Control"] == NIET_BEWAREN


def test_uitkomst_van_de_wijzer_zonder_inloggen_wordt_niet_bewaard() -> None:
    # Public, but it echoes what was typed (the municipality here).
    response = Client().get(
        "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
        "&spoed=nee&gemeenten=%27s-Gravenhage&locatiegebonden=ja"
    )
    assert response.status_code == 200
    assert "'s-Gravenhage" in html.unescape(response.content.decode())
    assert response["Cache-Control"] == NIET_BEWAREN


def test_inlogpagina_en_weigering_worden_niet_bewaard() -> None:
    anoniem = Client()
    assert anoniem.get("/accounts/login/")["Cache-Control"] == NIET_BEWAREN
    weigering = anoniem.get("/api/v1/verzoeken")
    assert weigering.status_code == 401
    assert weigering["Cache-Control"] == NIET_BEWAREN


def test_eigen_cache_control_van_een_view_wordt_strenger(client: Client) -> None:
    response = client.get("/verzoeken/procedures/1.bpmn")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=0, no-cache, no-store, must-revalidate"


def test_statische_bestanden_blijven_buiten_de_middleware() -> None:
    def statisch(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("body{}", content_type="text/css")
        response["Cache-Control"] = "public, max-age=60"
        return response

    response = NietBewarenMiddleware(statisch)(RequestFactory().get("/static/ui/pb.css"))
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Expires" not in response


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_ontwikkelserver_geeft_statische_bestanden_zonder_no_store() -> None:
    """`make run`'s server (runserver) serves /static/ outside the middleware, cacheable."""
    status, headers, _ = wsgi_get(f"/static/{settings.THEME_CSS}")
    assert status == "200 OK"
    assert "no-store" not in headers.get("Cache-Control", "")
    assert "Last-Modified" in headers
