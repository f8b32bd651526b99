"""``/api/v1/organisaties`` and ``/api/v1/gemeenten``: reference data (issue #12 item 1).

Readable by every logged-in caller (DGPOL takes part in no request here); the values are the
reference data's (`organisaties/data`, the 342 municipalities of the CBS coding 2024).
"""

from __future__ import annotations

from typing import Any

from django.test import Client

import pytest

from politiebijstand.web.paginering import Paginering
from tests.api.bronnen import json_met_etag, niet_gevonden, ongeldig
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

LOCC = {
    "code": "LOCC",
    "naam": "Landelijk Operationeel Coördinatiecentrum",
    "afkorting": "LOCC",
    "soort": "ministerie_jenv",
    "omschrijving": (
        "Toetst aanvragen voor middelen van het Ministerie van Justitie en Veiligheid en voor "
        "bijstand door de KMar en de krijgsmacht voor de openbare orde, en bepaalt namens de "
        "Minister van Justitie en Veiligheid of en hoe die bijstand wordt verleend."
    ),
    "telefoon_spoed": "088 - 662 80 48",
    "telefoon": "",
    "telefoon_algemeen": "",
    "email": "locc@nctv.minvenj.nl",
    "website": "www.nctv.nl/locc",
    "opmerking": (
        'Piket bij spoed 24/7. De factsheet drukt "o88" (letter o) af; het netnummer is 088.'
    ),
    "bron": "factsheet, Contactgegevens; toelichting 2, 3 en 4",
    "onderdeel_van": None,
    "eenheid": None,
    "regioburgemeester": None,
    "functionaris": "",
    "actief": True,
}
EENHEID_MN = {"code": "EENHEID-MN", "naam": "Politie, eenheid Midden-Nederland"}


def _gemeente(code: str, naam: str, regioburgemeester: bool) -> dict[str, Any]:
    return {
        "code": code,
        "naam": f"Gemeente {naam} (burgemeester)",
        "eenheid": EENHEID_MN,
        "is_regioburgemeester": regioburgemeester,
        "functionaris": "",
        "actief": True,
    }


def _codes(client: Client, pad: str, **query: str) -> list[str]:
    body = json_met_etag(client.get(pad, {Paginering.page_size_query_param: "100", **query}))
    return [o["code"] for o in body["resultaten"]]


@pytest.fixture
def client() -> Client:
    client, _ = als("DGPOL")
    return client


def test_een_organisatie_exact_en_onbekend_404(client: Client) -> None:
    assert json_met_etag(client.get("/api/v1/organisaties/LOCC")) == LOCC
    rccb = json_met_etag(client.get("/api/v1/organisaties/RCCB-MN"))
    assert (rccb["soort"], rccb["onderdeel_van"], rccb["eenheid"]) == (
        "politie",
        "EENHEID-MN",
        None,
    )
    eenheid = json_met_etag(client.get("/api/v1/organisaties/EENHEID-MN"))
    assert eenheid["regioburgemeester"] == "GM0344"
    assert "mailbox" not in eenheid  # a beheerder's delivery setting, not reference data
    niet_gevonden(client.get("/api/v1/organisaties/ONBEKEND"))


def test_organisaties_filteren_en_sorteren(client: Client) -> None:
    assert json_met_etag(client.get("/api/v1/organisaties"))["aantal"] == 395
    assert _codes(client, "/api/v1/organisaties", zoek="kmar") == [
        "C-KMAR",
        "CCB-KMAR",
        "DOPS-KMAR",
    ]
    assert _codes(client, "/api/v1/organisaties", soort="ministerie_defensie") == [
        "DJZ",
        "DOC",
        "OVR",
        "SG-DEFENSIE",
    ]
    assert _codes(client, "/api/v1/organisaties", soort="ministerie_defensie", sorteer="-code") == [
        "SG-DEFENSIE",
        "OVR",
        "DOC",
        "DJZ",
    ]
    # A unit's area and parts: its RCCB, its parket, its 38 municipalities.
    in_mn = _codes(client, "/api/v1/organisaties", eenheid="EENHEID-MN")
    assert len(in_mn) == 40
    assert [c for c in in_mn if not c.startswith("GM")] == ["OM-MN", "RCCB-MN"]
    ongeldig(
        client.get("/api/v1/organisaties", {"soort": "bank"}),
        "soort",
        "'bank' is geen geldige waarde; kies uit: politie, ministerie_jenv, ministerie_defensie, "
        "kmar, openbaar_ministerie, gezag, beheersorganisatie.",
    )
    ongeldig(
        client.get("/api/v1/organisaties", {"eenheid": "mn"}),
        "eenheid",
        "Moet een organisatiecode zijn, zoals 'EENHEID-MN'.",
    )
    ongeldig(
        client.get("/api/v1/organisaties", {"zoek": ""}),
        "zoek",
        "Moet 1 tot 100 tekens zijn, zonder stuurtekens.",
    )
    assert _codes(client, "/api/v1/organisaties", zoek=" ") != []  # a space is text too


def test_een_gemeente_exact_en_een_andere_organisatie_is_geen_gemeente(client: Client) -> None:
    assert json_met_etag(client.get("/api/v1/gemeenten/GM0344")) == _gemeente(
        "GM0344", "Utrecht", True
    )
    assert json_met_etag(client.get("/api/v1/gemeenten/GM0307")) == _gemeente(
        "GM0307", "Amersfoort", False
    )
    niet_gevonden(client.get("/api/v1/gemeenten/LOCC"))
    niet_gevonden(client.get("/api/v1/gemeenten/GM9999"))


def test_gemeenten_filteren_sorteren_en_pagineren(client: Client) -> None:
    alle = json_met_etag(client.get("/api/v1/gemeenten"))
    assert (alle["aantal"], len(alle["resultaten"])) == (342, 25)
    assert alle["vorige"] is None
    assert alle["volgende"] is not None
    assert len(_codes(client, "/api/v1/gemeenten", eenheid="EENHEID-MN")) == 38
    body = json_met_etag(client.get("/api/v1/gemeenten", {"zoek": "utrecht"}))
    assert body["resultaten"] == [
        _gemeente("GM0344", "Utrecht", True),
        _gemeente("GM1581", "Utrechtse Heuvelrug", False),
    ]
    eerste = json_met_etag(
        client.get("/api/v1/gemeenten", {"sorteer": "-naam", Paginering.page_size_query_param: "3"})
    )
    assert [g["naam"] for g in eerste["resultaten"]] == [
        "Gemeente Zwolle (burgemeester)",
        "Gemeente Zwijndrecht (burgemeester)",
        "Gemeente Zwartewaterland (burgemeester)",
    ]
    ongeldig(
        client.get("/api/v1/gemeenten", {"sorteer": "inwoners"}),
        "sorteer",
        "'inwoners' is geen geldige waarde; kies uit: code, -code, naam, -naam.",
    )
    response = client.get("/api/v1/gemeenten", {Paginering.page_query_param: "99"})
    assert response.status_code == 404
    assert response.json()["type"] == "urn:politiebijstand:probleem:niet-gevonden"
