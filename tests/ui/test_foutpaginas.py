"""Dutch error pages in the NL Design System style (user test defect 6)."""

from __future__ import annotations

import html
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client, override_settings

import pytest

pytestmark = pytest.mark.usefixtures("referentiedata")

THEMA = f'href="/static/{settings.THEME_CSS}"'


def tekst(response: Any) -> str:
    return html.unescape(response.content.decode())


def test_405_op_een_webpagina_is_een_nederlandse_pagina(client: Client) -> None:
    response = client.post("/wijzer/advies/?taak=openbare_orde")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Frame-Options"] == "DENY"
    body = tekst(response)
    assert '<h1 class="utrecht-heading-1">Deze handeling kan hier niet</h1>' in body
    assert "De pagina bestaat wel, maar niet voor deze handeling (POST)." in body
    assert "<title>Handeling niet mogelijk · politiebijstand</title>" in body
    assert THEMA in body
    assert "Spoed? Bel 24 uur per dag" in body


def test_405_van_de_api_blijft_de_api_zijn_zaak(client: Client) -> None:
    response = client.get("/api/v1/advies")
    assert response.status_code == 405
    assert "Deze handeling kan hier niet" not in response.content.decode()


def test_te_veel_velden_in_het_webadres_geeft_400_met_uitleg(client: Client) -> None:
    query = "&".join(["leverancier=kmar"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"/wijzer/advies/?taak=openbare_orde&{query}")
    assert response.status_code == 400
    body = tekst(response)
    assert '<h1 class="utrecht-heading-1">Deze aanvraag kan het systeem niet verwerken</h1>' in body
    assert (
        "Het webadres bevat te veel gegevens (meer dan 1000 velden). Een link van dit systeem "
        "heeft er nooit zoveel"
    ) in body
    assert "leverancier=kmar" not in body


@override_settings(DEBUG=True)
def test_te_veel_velden_ook_in_debugstand_geen_500(client: Client) -> None:
    query = "&".join(["x=1"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    assert client.get(f"/wijzer/advies/?{query}").status_code == 400
    assert Client().get(f"/accounts/login/?{query}").status_code == 400


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_te_groot_formulier_geeft_413(client: Client) -> None:
    response = client.post("/verzoeken/nieuw/", {"titel": "x" * 2048})
    assert response.status_code == 413
    body = tekst(response)
    assert '<h1 class="utrecht-heading-1">Het formulier is te groot</h1>' in body
    assert (
        "Het formulier bevat meer gegevens dan het systeem in één keer aanneemt (ten hoogste 1 kB)."
    ) in body


def test_grootte_in_woorden() -> None:
    from politiebijstand.ui.middleware import _grootte

    assert _grootte(2_621_440) == "2,5 MB"
    assert _grootte(1024) == "1 kB"


def test_404_is_een_nederlandse_pagina(client: Client) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    body = tekst(response)
    assert '<h1 class="utrecht-heading-1">Niet gevonden</h1>' in body
    assert "Foutmelding 404" in body
    assert 'href="/verzoeken/">Naar de bijstandsverzoeken van uw organisatie</a>' in body


@pytest.mark.parametrize(
    ("sjabloon", "kop"),
    [
        ("400.html", "Deze aanvraag kan het systeem niet verwerken"),
        ("403.html", "Geen toegang"),
        ("403_csrf.html", "Het formulier is verlopen"),
        ("500.html", "Er ging iets mis in het systeem"),
    ],
)
def test_foutpaginas_zonder_request_hebben_het_thema(sjabloon: str, kop: str) -> None:
    # Django renders 400, 500 and the CSRF failure without a request (no context processors).
    body = html.unescape(render_to_string(sjabloon))
    assert f'<h1 class="utrecht-heading-1">{kop}</h1>' in body
    assert THEMA in body
    assert '<html lang="nl"' in body


def test_csrf_fout_is_een_nederlandse_pagina() -> None:
    from tests.accounts.factories import maak_gebruiker

    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker("RCCB-MN", "medewerker"))
    response = client.post("/accounts/logout/")
    assert response.status_code == 403
    assert "Het formulier is verlopen" in tekst(response)
