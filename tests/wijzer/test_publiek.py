"""The wizard, the rule catalogue and the advice API are public; request data is not (#8).

ADR 0020: no log-in, no session stored, a rate limit per client address for anonymous
callers; everything with request data stays behind log-in and the second factor.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.sessions.models import Session
from django.test import Client, override_settings

import pytest
import time_machine
from pytest_django.asserts import assertContains, assertNotContains

from politiebijstand.vragenlijst.adressen import stap_url
from politiebijstand.vragenlijst.stappen import STAPPEN, query_van_situatie, voortgang
from tests.conftest import CASES_DIR

pytestmark = pytest.mark.usefixtures("referentiedata")

KMAR = {
    "eigen_capaciteit_toereikend": False,
    "taak": "openbare_orde",
    "gemeenten": ["Den Haag"],
    "gevraagd": [{"leverancier": "kmar"}],
}
KMAR_ADVIES = (
    "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
    "&spoed=nee&gemeenten=%27s-Gravenhage&locatiegebonden=ja"
)


#: A missing person with signs of a crime: the only path with the question `misdrijf`.
VERMISSING = {
    "eigen_capaciteit_toereikend": False,
    "taak": "vermissing",
    "indicatie_misdrijf": True,
    "gevraagd": [{"leverancier": "krijgsmacht", "krijgsmacht_voorwaarde": "geen"}],
}
#: Another unit without municipalities: the only path with the question `regioburgemeester`
#: (with municipalities it is derived per municipality, contract interpretation 12).
ZONDER_GEMEENTEN = {
    "eigen_capaciteit_toereikend": False,
    "taak": "openbare_orde",
    "gevraagd": [{"leverancier": "politie"}],
}


def _situaties() -> list[dict[str, Any]]:
    return [
        VERMISSING,
        ZONDER_GEMEENTEN,
        *(
            json.loads(pad.read_text(encoding="utf-8"))["situatie"]
            for pad in sorted(CASES_DIR.glob("*.json"))
        ),
    ]


def _geen_sessiecookie(response: Any) -> None:
    assert "sessionid" not in response.cookies
    assert "Set-Cookie" not in response.headers or "sessionid" not in response["Set-Cookie"]


def test_anoniem_opent_elke_stap_van_de_wijzer_zonder_sessie() -> None:
    client = Client()
    gezien: set[str] = set()
    for situatie in _situaties():
        query = query_van_situatie(situatie)
        for stap_ in voortgang(query).pad:
            response = client.get(stap_url(stap_, query))
            assert response.status_code == 200, stap_.slug
            _geen_sessiecookie(response)
            gezien.add(stap_.slug)
    # The cases and VERMISSING walk every question the wizard has.
    assert gezien == {s.slug for s in STAPPEN}
    assert Session.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    ["/", "/wijzer/", KMAR_ADVIES, KMAR_ADVIES.replace("/advies/", "/advies.json"), "/regels/"],
)
def test_anoniem_opent_de_publieke_paginas_zonder_sessie(url: str) -> None:
    response = Client().get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain in ([], [("/wijzer/", 302)])
    _geen_sessiecookie(response)
    assert Session.objects.count() == 0


def test_anoniem_krijgt_advies_en_schema_van_de_api_zonder_sessie() -> None:
    client = Client(enforce_csrf_checks=True)
    advies = client.post("/api/v1/advies", data=json.dumps(KMAR), content_type="application/json")
    assert advies.status_code == 200
    assert advies.json()["routes"][0]["procedure"] == "3"
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert schema["Content-Type"] == "text/plain; charset=utf-8"
    for response in (advies, schema):
        assert not response.cookies
    assert Session.objects.count() == 0


def test_advies_vraagt_een_anonieme_gebruiker_eerst_in_te_loggen() -> None:
    response = Client().get(KMAR_ADVIES)
    volgende = "%2Fverzoeken%2Fnieuw%2F%3F" + KMAR_ADVIES.split("?", 1)[1].replace(
        "%", "%25"
    ).replace("=", "%3D").replace("&", "%26").replace("+", "%2B")
    assertContains(
        response,
        f'href="/accounts/login/?next={volgende}" hx-boost="false">'
        "Inloggen om een bijstandsverzoek te maken</a>",
    )
    assertNotContains(response, "Bijstandsverzoek aanmaken")
    assertContains(response, '<a class="utrecht-link" href="/accounts/login/" hx-boost="false">')


@pytest.mark.parametrize(
    ("url", "status", "location"),
    [
        ("/verzoeken/", 302, "/accounts/login/?next=/verzoeken/"),
        ("/verzoeken/nieuw/", 302, "/accounts/login/?next=/verzoeken/nieuw/"),
        ("/werkvoorraad/", 302, "/accounts/login/?next=/werkvoorraad/"),
        ("/api/v1/verzoeken", 401, None),
        ("/api/v1/werkvoorraad", 401, None),
    ],
)
def test_anoniem_ziet_geen_verzoekgegevens(url: str, status: int, location: str | None) -> None:
    response = Client().get(url)
    assert response.status_code == status
    if location is not None:
        assert response["Location"] == location
    else:
        assert response.json()["type"] == "urn:politiebijstand:probleem:inloggen-vereist"


@override_settings(PUBLIEK_LIMIET_AANTAL=3, PUBLIEK_LIMIET_SECONDEN=60)
def test_vierde_anonieme_pagina_binnen_de_minuut_is_een_429_met_wachttijd() -> None:
    client = Client()
    with time_machine.travel("2026-12-03 12:00:15 +0000", tick=False):
        for _ in range(3):
            assert client.get("/regels/").status_code == 200
        response = client.get("/wijzer/")
    assert response.status_code == 429
    assert response["Retry-After"] == "45"
    assertContains(response, "Even wachten: te veel verzoeken", status_code=429)
    assertContains(
        response, "zonder inloggen zijn 3 verzoeken per 60 seconden per adres", status_code=429
    )
    assertContains(response, "Probeer het over 45 seconden opnieuw.", status_code=429)
    # The next window starts afresh.
    with time_machine.travel("2026-12-03 12:01:00 +0000", tick=False):
        assert client.get("/wijzer/").status_code == 200


@override_settings(PUBLIEK_LIMIET_AANTAL=2, PUBLIEK_LIMIET_SECONDEN=60)
def test_derde_anonieme_api_aanroep_is_een_429_probleem() -> None:
    client = Client()
    body = json.dumps(KMAR)
    with time_machine.travel("2026-12-03 12:00:00 +0000", tick=False):
        for _ in range(2):
            ok = client.post("/api/v1/advies", data=body, content_type="application/json")
            assert ok.status_code == 200
        response = client.post("/api/v1/advies", data=body, content_type="application/json")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:te-veel-verzoeken",
        "title": "Te veel verzoeken",
        "status": 429,
        "detail": (
            "Zonder inloggen zijn 2 verzoeken per 60 seconden per adres toegestaan. "
            "Probeer het over 60 seconden opnieuw."
        ),
    }


@override_settings(PUBLIEK_LIMIET_AANTAL=1, PUBLIEK_LIMIET_SECONDEN=60)
def test_de_limiet_telt_per_adres() -> None:
    client = Client()
    with time_machine.travel("2026-12-03 12:00:00 +0000", tick=False):
        assert client.get("/regels/").status_code == 200
        assert client.get("/regels/").status_code == 429
        assert client.get("/regels/", REMOTE_ADDR="192.0.2.7").status_code == 200


@override_settings(PUBLIEK_LIMIET_AANTAL=1, PUBLIEK_LIMIET_SECONDEN=60)
def test_ingelogde_gebruiker_telt_niet_mee(client: Client) -> None:
    with time_machine.travel("2026-12-03 12:00:00 +0000", tick=False):
        for _ in range(3):
            assert client.get("/regels/").status_code == 200
