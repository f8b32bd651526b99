"""POST /api/v1/advies: the contract's Advies, and errors as application/problem+json."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

import pytest
import yaml

from politiebijstand.rules import advies_bepalen, situatie_from_dict
from tests.conftest import CASES_DIR

URL = "/api/v1/advies"
PROBLEM = "application/problem+json"

KMAR = {
    "eigen_capaciteit_toereikend": False,
    "taak": "openbare_orde",
    "gemeenten": ["Den Haag"],
    "aanvrager_is_regioburgemeester": True,
    "gevraagd": [{"leverancier": "kmar"}],
}


def post(client: Client, body: Any, content_type: str = "application/json") -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type=content_type)


def test_advies_heeft_de_vorm_van_het_contract(client: Client) -> None:
    response = post(client, KMAR)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data == advies_bepalen(situatie_from_dict(KMAR)).to_dict()
    assert list(data) == ["uitkomst", "gezag", "routes", "waarschuwingen", "bronnen"]
    assert data["uitkomst"] == "bijstand"
    assert data["gezag"] == "burgemeester"
    (route,) = data["routes"]
    assert list(route) == [
        "leverancier",
        "middel",
        "procedure",
        "grondslag",
        "indiener",
        "contacten",
        "formulier",
        "formulier_naar",
        "besluit_door",
        "toegestaan",
        "bezwaren",
        "zienswijze_regioburgemeester",
        "stappen",
        "bronnen",
    ]
    assert route["procedure"] == "3"
    assert route["grondslag"] == {"regeling": "Politiewet 2012", "artikel": "57", "lid": "1"}
    assert route["formulier_naar"] == "LOCC"
    assert route["besluit_door"] == "LOCC"


@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_elke_case_via_de_api(client: Client, path: Any) -> None:
    situatie = json.loads(path.read_text(encoding="utf-8"))["situatie"]
    response = post(client, situatie)
    assert response.status_code == 200
    assert response.json() == advies_bepalen(situatie_from_dict(situatie)).to_dict()


def test_ontbrekend_veld_is_een_probleem_dat_het_veld_noemt(client: Client) -> None:
    response = post(client, {"eigen_capaciteit_toereikend": False})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:ongeldige-situatie",
        "title": "Ongeldige situatie",
        "status": 400,
        "detail": "taak: verplicht veld ontbreekt",
        "invalid-params": [{"name": "taak", "reason": "verplicht veld ontbreekt"}],
    }


def test_fout_in_een_gevraagde_leverancier_noemt_het_pad(client: Client) -> None:
    body = {**KMAR, "gevraagd": [{"leverancier": "kmar"}, {"leverancier": "middelen_jenv"}]}
    response = post(client, body)
    assert response.status_code == 400
    params = response.json()["invalid-params"]
    assert [p["name"] for p in params] == ["gevraagd[1].middel"]


def test_onbekend_veld_wordt_geweigerd(client: Client) -> None:
    response = post(client, {**KMAR, "prioriteit": "hoog"})
    assert response.status_code == 400
    assert response.json()["invalid-params"] == [{"name": "prioriteit", "reason": "onbekend veld"}]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{niet json", "application/json"),
        ("taak=openbare_orde", "application/x-www-form-urlencoded"),
        ("<situatie/>", "application/xml"),
    ],
)
def test_geen_json_is_een_400_probleem(client: Client, body: str, content_type: str) -> None:
    response = post(client, body, content_type)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    data = response.json()
    assert data["type"] == "urn:politiebijstand:probleem:geen-json"
    assert data["status"] == 400
    assert data["invalid-params"] == [{"name": "body", "reason": "geen geldig JSON-object"}]


def test_json_dat_geen_object_is_noemt_de_situatie(client: Client) -> None:
    response = post(client, [1, 2])
    assert response.status_code == 400
    assert response.json()["invalid-params"] == [
        {"name": "situatie", "reason": "moet een JSON-object zijn"}
    ]


def test_get_geeft_405_probleem(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM
    assert "POST" in response["Allow"]
    data = response.json()
    assert data["type"] == "urn:politiebijstand:probleem:methode-niet-toegestaan"
    assert data["status"] == 405


def test_anoniem_krijgt_401_zonder_advies() -> None:
    """Every page requires log-in, the API too (issue #3)."""
    response = Client().post(URL, data=json.dumps(KMAR), content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "inloggen-vereist"


def test_sessie_vraagt_het_csrf_token(client_als: Any) -> None:
    """A logged-in browser session must send the CSRF token (SessionAuthentication)."""
    client = client_als("medewerker", "RCCB-MN")
    client.handler.enforce_csrf_checks = True
    zonder = client.post(URL, data=json.dumps(KMAR), content_type="application/json")
    assert zonder.status_code == 403
    client.get("/accounts/sessions/")  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    met = client.post(
        URL, data=json.dumps(KMAR), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert met.status_code == 200


def test_openapi_beschrijft_verzoek_en_antwoord(client: Client) -> None:
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    operation = schema["paths"]["/api/v1/advies"]["post"]
    assert operation["operationId"] == "advies_bepalen"
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Situatie"}
    assert set(operation["responses"]) == {"200", "400", "405"}
    components = schema["components"]["schemas"]
    assert components["Situatie"]["required"] == ["eigen_capaciteit_toereikend", "taak"]
    assert set(components["Advies"]["properties"]) == {
        "uitkomst",
        "gezag",
        "routes",
        "waarschuwingen",
        "bronnen",
    }
    assert "invalid-params" in components["Probleem"]["properties"]
    assert "get" not in schema["paths"]["/api/v1/advies"]
