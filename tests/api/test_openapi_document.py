"""The NLGov API Design Rules' core: headers, errors, the public document (#12, ADR 0046)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.http import HttpResponse, HttpResponseServerError
from django.test import Client, override_settings

import pytest
import yaml

from politiebijstand.web.api_middleware import _als_probleem
from tests.verzoeken.helpers import maak_verzoek
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
PROBLEM = "application/problem+json"
NO_STORE = "max-age=0, no-cache, no-store, must-revalidate, private"


def test_het_vastgelegde_document_is_het_geserveerde() -> None:
    geserveerd = Client().get("/api/v1/openapi.json").json()
    vastgelegd = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    assert vastgelegd == geserveerd, (
        "docs/openapi.yaml verschilt van het document dat /api/v1/openapi.json serveert: "
        "voer `make openapi` uit en leg docs/openapi.yaml vast."
    )


def test_document_is_openbaar_als_json_en_yaml_zonder_sessie() -> None:
    client = Client()
    als_json = client.get("/api/v1/openapi.json", HTTP_ACCEPT="text/html")
    assert als_json.status_code == 200
    assert als_json["Content-Type"] == "application/json"
    assert als_json["API-Version"] == "1.0.0"
    assert als_json.cookies == {}
    als_yaml = client.get("/api/v1/openapi.yaml")
    assert als_yaml.status_code == 200
    assert als_yaml["Content-Type"] == "application/yaml; charset=utf-8"
    assert yaml.safe_load(als_yaml.content) == json.loads(als_json.content)


def test_document_noemt_server_contact_versie_en_beveiliging_per_operatie() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    # OpenAPI 3.1 says null with a type ["string", "null"]: no 3.0 `nullable` without a type.
    assert "nullable" not in json.dumps(document)
    assert document["servers"] == [
        {"url": "/api/v1", "description": "Versie 1 van de API, op deze server."}
    ]
    assert document["info"]["version"] == "1.0.0"
    assert document["info"]["contact"] == {
        "name": "LOCC (Landelijk Operationeel Coördinatiecentrum)",
        "email": "locc@nctv.minvenj.nl",
        "url": "https://www.nctv.nl/locc",
    }
    beveiliging = {
        f"{methode.upper()} {pad}": operatie["security"]
        for pad, operaties in document["paths"].items()
        for methode, operatie in operaties.items()
    }
    # The public advice asks nothing; every other operation an API token or the session.
    gesloten: list[dict[str, list[str]]] = [{"bearerAuth": []}, {"cookieAuth": []}]
    assert beveiliging == {
        "POST /advies": [{}],
        **{
            operatie: gesloten
            for operatie in (
                "GET /besluiten",
                "GET /besluiten/{uuid}",
                "GET /capaciteit",
                "GET /documenten",
                "GET /documenten/{uuid}",
                "GET /documenten/{uuid}/inhoud",
                "GET /gemeenten",
                "GET /gemeenten/{code}",
                "GET /organisaties",
                "GET /organisaties/{code}",
                "GET /taken/{id}",
                "POST /taken/{id}/afronding",
                "POST /taken/{id}/oppakken",
                "POST /taken/{id}/teruggeven",
                "GET /verzoeken",
                "POST /verzoeken",
                "GET /verzoeken/{uuid}",
                "POST /verzoeken/{uuid}/intrekking",
                "GET /verzoeken/{uuid}/taken",
                "GET /werkvoorraad",
            )
        },
    }


def test_elke_fout_is_problem_json_en_elk_antwoord_draagt_api_version() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    for pad, operaties in document["paths"].items():
        for operatie in operaties.values():
            for code, antwoord in operatie["responses"].items():
                assert set(antwoord["headers"]) >= {"API-Version", "Cache-Control"}, code
                if int(code) >= 400:
                    assert antwoord["content"] == {
                        PROBLEM: {"schema": {"$ref": "#/components/schemas/Probleem"}}
                    }
                elif pad == "/documenten/{uuid}/inhoud":  # the stored PDF itself
                    assert set(antwoord["content"]) == {"application/pdf"}
                else:
                    assert set(antwoord["content"]) == {"application/json"}


def test_situatie_declareert_patroon_en_voorwaardelijk_verplichte_velden() -> None:
    schemas = Client().get("/api/v1/openapi.json").json()["components"]["schemas"]
    situatie, gevraagd = schemas["Situatie"], schemas["Gevraagd"]
    assert situatie["additionalProperties"] is False
    assert situatie["allOf"][0] == {
        "if": {"properties": {"taak": {"const": "vermissing"}}, "required": ["taak"]},
        "then": {
            "required": ["indicatie_misdrijf"],
            "properties": {"indicatie_misdrijf": {"type": "boolean"}},
        },
    }
    gemeenten = situatie["properties"]["gemeenten"]
    assert (gemeenten["type"], gemeenten["maxItems"], gemeenten["uniqueItems"]) == (
        ["array", "null"],
        342,
        True,
    )
    assert len(gemeenten["items"]["enum"]) == 353
    assert {"Den Haag", "'s-Gravenhage", "Utrecht"} <= set(gemeenten["items"]["enum"])
    assert gevraagd["properties"]["land"]["pattern"] == "^[A-Z]{2}$"
    assert gevraagd["then"] == {
        "required": ["middel"],
        "properties": {"middel": {"enum": ["waterwerper", "bewakingscontainer", "vrt_voertuig"]}},
    }
    assert situatie["properties"]["gevraagd"]["allOf"][0] == {
        "contains": {
            "properties": {"leverancier": {"const": "politie"}, "middel": {"type": "null"}},
            "required": ["leverancier"],
        },
        "minContains": 0,
        "maxContains": 1,
    }


def test_paginering_met_lower_camel_case_en_gedeclareerde_grenzen() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p for p in document["paths"]["/verzoeken"]["get"]["parameters"]}
    assert parameters["perPagina"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "default": 25,
    }
    assert parameters["pagina"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 1000000}
    client, _ = als("RCCB-MN")
    for waarde in ("0", "101", "twee"):
        response = client.get("/api/v1/verzoeken", {"perPagina": waarde})
        assert response.status_code == 400
        assert response.json() == {
            "type": "urn:politiebijstand:probleem:ongeldige-parameters",
            "title": "Ongeldige parameters",
            "status": 400,
            "detail": "perPagina: Moet een geheel getal van 1 tot en met 100 zijn.",
            "invalid-params": [
                {"name": "perPagina", "reason": "Moet een geheel getal van 1 tot en met 100 zijn."}
            ],
        }
    assert client.get("/api/v1/verzoeken", {"pagina": "0"}).json()["invalid-params"] == [
        {"name": "pagina", "reason": "Moet een geheel getal van 1 tot en met 1000000 zijn."}
    ]


def test_leeg_filter_filtert_niets() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    response = client.get("/api/v1/verzoeken", {"status": "", "zoek": "", "eenheid": ""})
    assert [v["kenmerk"] for v in response.json()["resultaten"]] == [verzoek.kenmerk]


def _koppen(response: Any) -> tuple[str, str, str]:
    return (response["API-Version"], response["Cache-Control"], response["Content-Type"])


@pytest.mark.parametrize("debug", [False, True])
def test_onbekende_api_url_is_een_probleem_ook_met_debug(debug: bool) -> None:
    with override_settings(DEBUG=debug):
        for client in (Client(), als("RCCB-MN")[0]):
            response = client.get("/api/v1/bestaat-niet")
            assert response.status_code == 404
            assert _koppen(response) == ("1.0.0", NO_STORE, PROBLEM)
            assert json.loads(response.content) == {
                "type": "urn:politiebijstand:probleem:niet-gevonden",
                "title": "Niet gevonden",
                "status": 404,
                "detail": (
                    "Deze URL bestaat niet in de API; de bestaande staan in /api/v1/openapi.json."
                ),
            }


def test_elke_soort_antwoord_draagt_api_version_en_no_store() -> None:
    anoniem = Client()
    niet_ingelogd = anoniem.get("/api/v1/verzoeken")
    assert niet_ingelogd.status_code == 401
    assert _koppen(niet_ingelogd) == ("1.0.0", NO_STORE, PROBLEM)
    advies = anoniem.post("/api/v1/advies", data="{}", content_type="application/json")
    assert advies.status_code == 400
    assert _koppen(advies) == ("1.0.0", NO_STORE, PROBLEM)
    client, _ = als("RCCB-MN")
    lijst = client.get("/api/v1/verzoeken")
    assert lijst.status_code == 200
    assert _koppen(lijst) == ("1.0.0", NO_STORE, "application/json")


def test_405_noemt_de_methoden_die_wel_mogen() -> None:
    client, _ = als("RCCB-MN")
    response = client.delete("/api/v1/verzoeken/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert _koppen(response) == ("1.0.0", NO_STORE, PROBLEM)
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:methode-niet-toegestaan",
        "title": "Methode niet toegestaan",
        "status": 405,
        "detail": "De methode DELETE is voor deze URL niet toegestaan; gebruik GET, HEAD, OPTIONS.",
    }
    document = Client().post("/api/v1/openapi.json")
    assert (document.status_code, document["Allow"]) == (405, "GET, HEAD, OPTIONS")
    assert document.json()["detail"] == (
        "De methode POST is voor deze URL niet toegestaan; gebruik GET, HEAD, OPTIONS."
    )
    advies = Client().get("/api/v1/advies")
    assert advies["Allow"] == "POST, OPTIONS"
    assert advies.json()["detail"] == (
        "De methode GET is voor deze URL niet toegestaan; gebruik POST, OPTIONS."
    )


@override_settings(SECURE_SSL_REDIRECT=True)
def test_in_productie_alleen_https_zonder_omleiding() -> None:
    client = Client()
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 403
    assert _koppen(response) == ("1.0.0", NO_STORE, PROBLEM)
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:https-vereist",
        "title": "HTTPS vereist",
        "status": 403,
        "detail": "De API is alleen over HTTPS bereikbaar; gebruik https:// in de URL.",
    }
    assert client.get("/api/v1/openapi.json", secure=True).status_code == 200
    # The pages keep their redirect to HTTPS.
    assert client.get("/wijzer/").status_code == 301


def test_een_serverfout_onder_api_wordt_een_probleem_met_zijn_koppen() -> None:
    pagina = HttpResponseServerError("<h1>Serverfout</h1>")
    pagina["X-Request-ID"] = "abcdef0123456789"
    probleem = _als_probleem(pagina)
    assert (probleem.status_code, probleem["Content-Type"]) == (500, PROBLEM)
    assert probleem["X-Request-ID"] == "abcdef0123456789"
    assert isinstance(probleem, HttpResponse)
    assert json.loads(probleem.content) == {
        "type": "urn:politiebijstand:probleem:serverfout",
        "title": "Interne fout",
        "status": 500,
        "detail": (
            "Er ging iets mis in de server; probeer het later opnieuw of meld de kop X-Request-ID."
        ),
    }
    al_een_probleem = Client().get("/api/v1/verzoeken")
    assert _als_probleem(al_een_probleem) is al_een_probleem


def test_csrf_en_accept_fouten_in_het_nederlands() -> None:
    client, _ = als("LOCC")
    client.handler.enforce_csrf_checks = True
    zonder_token = client.post("/api/v1/taken/1", data="{}", content_type="application/json")
    assert zonder_token.status_code == 403
    assert zonder_token.json() == {
        "type": "urn:politiebijstand:probleem:csrf-mislukt",
        "title": "CSRF-token ontbreekt",
        "status": 403,
        "detail": (
            "Een wijziging met de sessie vraagt de kop X-CSRFToken met de waarde van de "
            "cookie csrftoken."
        ),
    }
    html = client.get("/api/v1/verzoeken", HTTP_ACCEPT="text/html")
    assert html.status_code == 406
    assert _koppen(html) == ("1.0.0", NO_STORE, PROBLEM)
    assert html.json() == {
        "type": "urn:politiebijstand:probleem:accept-niet-ondersteund",
        "title": "Formaat niet beschikbaar",
        "status": 406,
        "detail": (
            "De API antwoordt alleen met application/json (fouten met "
            "application/problem+json); vraag daarom in de kop Accept om JSON."
        ),
    }


def test_options_noemt_alleen_de_methoden() -> None:
    """OPTIONS gave a 500 on a POST view without serializer_class, and English docstrings."""
    client, _ = als("RCCB-MN")
    response = client.options("/api/v1/verzoeken")
    assert (response.status_code, response.json()) == (200, {})
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"
    assert client.options("/api/v1/organisaties").json() == {}
