"""POST /api/v1/advies: the contract's Advies, and errors as application/problem+json."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

import pytest
import yaml

from politiebijstand.rules import advies_bepalen, situatie_from_dict
from politiebijstand.rules.versie import regels_versie
from politiebijstand.verzoeken import workflow
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
    # The rules version travels in a header, so that the body stays the contract's Advies.
    assert response["X-Regelversie"] == regels_versie()
    data = response.json()
    assert data == advies_bepalen(situatie_from_dict(KMAR)).to_dict()
    assert list(data) == [
        "uitkomst",
        "gezag",
        "grondslag",
        "besluit_door",
        "routes",
        "waarschuwingen",
        "bronnen",
    ]
    assert (data["grondslag"], data["besluit_door"]) == (None, None)
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
        "formulieren",
    ]
    assert route["formulieren"] == [
        {
            "gemeente": "'s-Gravenhage",
            "indiener": "burgemeester",
            "zienswijze_regioburgemeester": None,
        }
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


@pytest.mark.parametrize(
    ("naam", "gezag", "artikel", "lid"),
    [
        ("beveiliging-personen-minister", "minister_jenv", "56", "5"),
        ("dsi-bijzondere-bijstandseenheid", "officier_van_justitie", "59", None),
    ],
)
def test_advies_buiten_de_factsheet_via_de_api(
    client: Client, naam: str, gezag: str, artikel: str, lid: str | None
) -> None:
    # Contract, interpretation 13 (issue #8, item 8): the article and who decides, no route.
    situatie = json.loads((CASES_DIR / f"{naam}.json").read_text(encoding="utf-8"))["situatie"]
    response = post(client, situatie)
    assert response.status_code == 200
    data = response.json()
    assert {k: data[k] for k in ("uitkomst", "gezag", "grondslag", "besluit_door", "routes")} == {
        "uitkomst": "buiten_factsheet",
        "gezag": gezag,
        "grondslag": {"regeling": "Politiewet 2012", "artikel": artikel, "lid": lid},
        "besluit_door": "MINISTER-JENV",
        "routes": [],
    }
    (waarschuwing,) = data["waarschuwingen"]
    assert "valt buiten de factsheet" in waarschuwing
    assert f"art. {artikel}" in waarschuwing


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


def test_anoniem_krijgt_het_advies_zonder_sessie_of_csrf() -> None:
    """The advice API is public (issue #8, ADR 0020): no log-in, no CSRF token, no cookie."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, data=json.dumps(KMAR), content_type="application/json")
    assert response.status_code == 200
    assert response.json() == advies_bepalen(situatie_from_dict(KMAR)).to_dict()
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


@pytest.mark.parametrize("body", ["", "   \n"])
def test_lege_body_is_een_400_probleem_dat_de_body_noemt(client: Client, body: str) -> None:
    response = post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:lege-body",
        "title": "Lege body",
        "status": 400,
        "detail": "De body is leeg: stuur een JSON-object.",
        "invalid-params": [{"name": "body", "reason": "leeg: de body bevat geen JSON"}],
    }


@pytest.mark.parametrize(
    ("body", "reden"),
    [
        ("[" * 100_000 + "]" * 100_000, "JSON te diep genest (meer dan 16 niveaus)"),
        ('{"taak": [' * 20 + "1" + "]}" * 20, "JSON te diep genest (meer dan 16 niveaus)"),
        (
            '{"taak": "openbare_orde", "taak": "hulpverlening"}',
            "veld 'taak' komt dubbel voor in hetzelfde object",
        ),
        ('{"spoed": Infinity}', "Infinity is geen geldige JSON-waarde"),
        (b"\xff\xfe{}", "geen UTF-8-tekst"),
        (
            "{niet json",
            "geen geldige JSON (regel 1, kolom 2): Expecting property name enclosed in "
            "double quotes",
        ),
    ],
)
def test_body_die_de_cli_ook_weigert_is_een_400_probleem_met_reden(
    client: Client, body: str | bytes, reden: str
) -> None:
    """The API decodes with the CLI's helper (rules.situatie.json_laden)."""
    response = post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:geen-json",
        "title": "Geen geldige JSON",
        "status": 400,
        "detail": f"De body is geen bruikbare JSON: {reden}.",
        "invalid-params": [{"name": "body", "reason": reden}],
    }


def test_body_groter_dan_de_limiet_is_een_413_probleem(client: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({**KMAR, "gemeenten": ["x" * 1000]})
    response = post(client, body)
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:body-te-groot",
        "title": "Body te groot",
        "status": 413,
        "detail": "De body is groter dan de toegestane 1000 bytes.",
        "invalid-params": [{"name": "body", "reason": "groter dan 1000 bytes"}],
    }


def test_body_met_utf8_bom_wordt_gelezen(client: Client) -> None:
    response = post(client, b"\xef\xbb\xbf" + json.dumps(KMAR).encode())
    assert response.status_code == 200
    assert response.json() == advies_bepalen(situatie_from_dict(KMAR)).to_dict()


@pytest.mark.parametrize(
    ("wijziging", "veld", "reden"),
    [
        (
            {"gemeenten": ["Den Haag", " den haag"]},
            "gemeenten[1]",
            "'den haag' staat al in de lijst (gemeenten[0])",
        ),
        (
            {"gemeenten": ["Den\tHaag"]},
            "gemeenten[0]",
            "een gemeentenaam mag geen stuurtekens bevatten",
        ),
        (
            {"gemeenten": ["x" * 81]},
            "gemeenten[0]",
            "een gemeentenaam is ten hoogste 80 tekens lang",
        ),
        (
            {"gemeenten": [f"G{i}" for i in range(343)]},
            "gemeenten",
            "ten hoogste 342 gemeenten, niet 343",
        ),
        (
            {"gemeenten": ["Utrecht", "Amsterdma"]},
            "gemeenten[1]",
            "onbekende gemeente 'Amsterdma'; bedoelt u Amsterdam?",
        ),
        (
            {"gevraagd": [{"leverancier": "kmar"}, {"leverancier": "kmar"}]},
            "gevraagd[1]",
            "kmar is al gevraagd in gevraagd[0]; vraag elk één keer",
        ),
        (
            {"gevraagd": [{"leverancier": "buitenland", "land": "be"}]},
            "gevraagd[0].land",
            "moet een landcode van twee hoofdletters zijn (ISO 3166-1 alpha-2, bijvoorbeeld BE of "
            "DE), niet 'be'",
        ),
    ],
)
def test_validatie_is_die_van_situatie_from_dict(
    client: Client, wijziging: dict[str, Any], veld: str, reden: str
) -> None:
    response = post(client, {**KMAR, **wijziging})
    assert response.status_code == 400
    assert response.json()["invalid-params"] == [{"name": veld, "reason": reden}]


def test_sessie_hoeft_geen_csrf_token_te_sturen(client_als: Any) -> None:
    """The advice reads no session, so a logged-in browser needs no CSRF token (ADR 0020)."""
    client = client_als("medewerker", "RCCB-MN")
    client.handler.enforce_csrf_checks = True
    zonder = client.post(URL, data=json.dumps(KMAR), content_type="application/json")
    assert zonder.status_code == 200
    assert zonder.json() == advies_bepalen(situatie_from_dict(KMAR)).to_dict()


def test_openapi_beschrijft_verzoek_en_antwoord(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/advies"]["post"]
    assert operation["operationId"] == "advies_bepalen"
    assert operation["security"] == [{}]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Situatie"}
    assert set(operation["responses"]) == {"200", "400", "406", "413", "429"}
    assert set(operation["responses"]["200"]["headers"]) == {
        "X-Regelversie",
        "API-Version",
        "Cache-Control",
    }
    assert set(operation["responses"]["400"]["content"]) == {"application/problem+json"}
    assert operation["responses"]["429"]["headers"]["Retry-After"]["schema"] == {
        "type": "integer",
        "minimum": 1,
    }
    components = schema["components"]["schemas"]
    assert components["Situatie"]["required"] == ["eigen_capaciteit_toereikend", "taak"]
    assert set(components["Advies"]["properties"]) == {
        "uitkomst",
        "gezag",
        "grondslag",
        "besluit_door",
        "routes",
        "waarschuwingen",
        "bronnen",
    }
    assert "invalid-params" in components["Probleem"]["properties"]
    assert "get" not in schema["paths"]["/advies"]


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_schema_toont_zich_in_de_browser_met_een_versie(client: Client) -> None:
    response = client.get("/api/v1/schema/", HTTP_ACCEPT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="politiebijstand API.yaml"'
    schema = yaml.safe_load(response.content)
    assert schema["info"]["version"] == "1.0.0"
    als_json = client.get("/api/v1/schema/?format=json", HTTP_ACCEPT=BROWSER)
    assert als_json["Content-Type"] == "application/json"
    assert json.loads(als_json.content)["info"]["version"] == "1.0.0"
    openapi = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert openapi["Content-Type"] == "application/vnd.oai.openapi; charset=utf-8"
    assert yaml.safe_load(openapi.content) == schema


def test_verzoeken_bewaren_dezelfde_regelversie() -> None:
    """A request stores the version the API and the wizard show (issue #4)."""
    assert workflow.regels_versie is regels_versie
