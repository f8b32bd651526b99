"""The request API: exact JSON, need-to-know per organisation, audit of every view, queries (#3).

Two requests of two units: Midden-Nederland (RCCB-MN, for Utrecht) and Amsterdam (RCCB-AM).
Both ask the KMar (procedure 3), so the LOCC takes part in both; each unit's RCCB only in its
own.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest
import yaml

from politiebijstand.accounts.constants import Rol
from politiebijstand.api.versies import etag_van
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, Deelverzoek, Taak
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    maak_verzoek_amsterdam,
    open_taken,
    situatie,
)
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"
RCCB_MN = {"code": "RCCB-MN", "naam": "Afdeling Conflict- en Crisisbeheersing, Midden-Nederland"}
EENHEID_MN = {"code": "EENHEID-MN", "naam": "Politie, eenheid Midden-Nederland"}
UTRECHT = {"code": "GM0344", "naam": "Gemeente Utrecht (burgemeester)"}
NIET_GEVONDEN = {
    "type": "urn:politiebijstand:probleem:niet-gevonden",
    "title": "Niet gevonden",
    "status": 404,
    "detail": "Dit bestaat niet, of valt buiten wat uw organisatie mag zien.",
}


def lijst_item_mn(verzoek: Bijstandsverzoek) -> dict[str, Any]:
    """The list item of `maak_verzoek()` (times in Europe/Amsterdam: UTC+1 in March)."""
    return {
        "uuid": str(verzoek.uuid),
        "kenmerk": verzoek.kenmerk,
        "titel": "Versterking openbare orde Utrecht",
        "status": "in_behandeling",
        "gezag": "burgemeester",
        "taak": "openbare_orde",
        "eenheid": EENHEID_MN,
        "bevoegd_gezag": UTRECHT,
        "spoed": False,
        "periode_start": "2026-03-04T10:00:00+01:00",
        "periode_eind": "2026-03-04T18:00:00+01:00",
        "locatie": "Jaarbeursplein, Utrecht",
        "aangemaakt_op": "2026-03-02T10:00:00+01:00",
        "gewijzigd_op": "2026-03-02T10:00:00+01:00",
    }


def kenmerken(response: Any) -> list[str]:
    return [v["kenmerk"] for v in response.json()["resultaten"]]


def test_lijst_geeft_exact_de_verzoeken_van_de_eigen_organisatie() -> None:
    mn = maak_verzoek()
    maak_verzoek_amsterdam()
    client, _ = als("RCCB-MN")
    response = client.get("/api/v1/verzoeken")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["ETag"] == etag_van(response.json())
    assert response.json() == {
        "aantal": 1,
        "volgende": None,
        "vorige": None,
        "resultaten": [lijst_item_mn(mn)],
    }


def test_lijst_per_organisatie_rccb_van_de_andere_eenheid_ziet_het_verzoek_niet() -> None:
    mn = maak_verzoek()
    am = maak_verzoek_amsterdam(nu=NU.replace(hour=10))
    rccb_am, _ = als("RCCB-AM")
    assert kenmerken(rccb_am.get("/api/v1/verzoeken")) == [am.kenmerk]
    rccb_mn, _ = als("RCCB-MN")
    assert kenmerken(rccb_mn.get("/api/v1/verzoeken")) == [mn.kenmerk]
    locc, _ = als("LOCC")  # procedure 3 passes the LOCC: it sees both, newest first
    assert kenmerken(locc.get("/api/v1/verzoeken")) == [am.kenmerk, mn.kenmerk]
    dgpol, _ = als("DGPOL")  # takes part in neither
    assert dgpol.get("/api/v1/verzoeken").json() == {
        "aantal": 0,
        "volgende": None,
        "vorige": None,
        "resultaten": [],
    }


def test_lijst_filtert_op_eenheid_spoed_status_en_tekst() -> None:
    mn = maak_verzoek()
    am = maak_verzoek_amsterdam()
    locc, _ = als("LOCC")
    assert kenmerken(locc.get("/api/v1/verzoeken", {"eenheid": "EENHEID-AM"})) == [am.kenmerk]
    assert kenmerken(locc.get("/api/v1/verzoeken", {"zoek": "jaarbeurs"})) == [mn.kenmerk]
    assert kenmerken(locc.get("/api/v1/verzoeken", {"spoed": "true"})) == []
    assert kenmerken(locc.get("/api/v1/verzoeken", {"status": "besloten"})) == []
    # The filters never widen the scope: RCCB-MN asking for Amsterdam gets nothing.
    rccb_mn, _ = als("RCCB-MN")
    assert kenmerken(rccb_mn.get("/api/v1/verzoeken", {"eenheid": "EENHEID-AM"})) == []


#: A refused status of the request list, with the values it takes.
STATUS_KLAAR = (
    "'klaar' is geen geldige waarde; kies uit: in_behandeling, besloten, in_inzet, afgerond, "
    "ingetrokken."
)


def test_ongeldige_filters_zijn_een_probleem_dat_elk_veld_noemt() -> None:
    client, _ = als("RCCB-MN")
    response = client.get("/api/v1/verzoeken", {"spoed": "misschien", "status": "klaar"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:ongeldige-parameters",
        "title": "Ongeldige parameters",
        "status": 400,
        "detail": "spoed: Moet true of false zijn.",
        "invalid-params": [
            {"name": "spoed", "reason": "Moet true of false zijn."},
            {
                "name": "status",
                "reason": STATUS_KLAAR,
            },
        ],
    }
    werk = client.get("/api/v1/werkvoorraad", {"procedure": "10"})
    assert werk.status_code == 400
    assert werk.json()["invalid-params"] == [
        {
            "name": "procedure",
            "reason": (
                "'10' is geen geldige waarde; kies uit: 1, 2_container_vrt, 2_waterwerper, 3, 4, "
                "5, 6, 7, 8, 9."
            ),
        }
    ]


def test_lijst_is_gepagineerd_met_nederlandse_namen() -> None:
    drie = [maak_verzoek(nu=NU.replace(hour=h)) for h in (8, 9, 10)]
    client, _ = als("RCCB-MN")
    eerste = client.get("/api/v1/verzoeken", {"perPagina": "2"}).json()
    assert (eerste["aantal"], eerste["vorige"]) == (3, None)
    assert eerste["volgende"] == "http://testserver/api/v1/verzoeken?pagina=2&perPagina=2"
    assert [v["kenmerk"] for v in eerste["resultaten"]] == [drie[2].kenmerk, drie[1].kenmerk]
    tweede = client.get("/api/v1/verzoeken", {"perPagina": "2", "pagina": "2"}).json()
    assert tweede["vorige"] == "http://testserver/api/v1/verzoeken?perPagina=2"
    assert (tweede["volgende"], kenmerken_van(tweede)) == (None, [drie[0].kenmerk])
    voorbij = client.get("/api/v1/verzoeken", {"perPagina": "2", "pagina": "3"})
    assert voorbij.status_code == 404
    assert voorbij.json()["type"] == "urn:politiebijstand:probleem:niet-gevonden"
    assert voorbij.json()["detail"].startswith("Pagina 3 bestaat niet: ")


def kenmerken_van(pagina: dict[str, Any]) -> list[str]:
    return [v["kenmerk"] for v in pagina["resultaten"]]


def test_detail_geeft_exact_het_verzoek_zijn_delen_open_stappen_en_tijdlijn() -> None:
    verzoek = maak_verzoek()
    client, wie = als("RCCB-MN")
    response = client.get(f"/api/v1/verzoeken/{verzoek.uuid}")
    assert response.status_code == 200
    data = response.json()
    assert response["ETag"] == etag_van(data)  # the version a withdrawal sends in If-Match
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    (taak,) = open_taken(verzoek)
    aanvrager = verzoek.aangevraagd_door.get_username()
    assert data == {
        "verzoek": {
            **lijst_item_mn(verzoek),
            "omschrijving": "Demonstratie en tegendemonstratie op het Jaarbeursplein.",
            "rccb": RCCB_MN,
            "regioburgemeester": UTRECHT,
            "gemeenten": [UTRECHT],
            "gevraagde_capaciteit": "4 pelotons",
            "gewenst_effect": "",
            "situatie": {
                "eigen_capaciteit_toereikend": False,
                "taak": "openbare_orde",
                "spoed": False,
                "gemeenten": ["Utrecht"],
                "gevraagd": [{"leverancier": "kmar"}],
            },
            "advies": verzoek.advies,
            "regels_versie": verzoek.regels_versie,
            "ingetrokken_reden": "",
            "versie": 1,
        },
        "deelverzoeken": [
            {
                "uuid": str(deel.uuid),
                "volgnummer": 1,
                "procedure_id": "3",
                "leverancier": "kmar",
                "middel": "",
                "status": "in_behandeling",
                "besluit": "",
                "beroep_op": None,
                "regels": [{"volgnummer": 1, "omschrijving": "ME-peloton", "aantal": 4}],
                "besluiten": [],
                "inzetversies": [],
            }
        ],
        "open_taken": [
            {
                "id": taak.pk,
                "naam": "Lokaal operationeel vooroverleg met CCB-KMar",
                "bpmn_id": "taak_vooroverleg_ccb_kmar",
                "procedure_id": "3",
                "organisatie": RCCB_MN,
                "status": "open",
                "due": None,
                "is_besluit": False,
                "optioneel": True,
                "aangemaakt_op": "2026-03-02T10:00:00+01:00",
            }
        ],
        "tijdlijn": [
            {
                "op": "2026-03-02T10:00:00+01:00",
                "soort": "status",
                "titel": "Status deelverzoek: - → In behandeling",
                "organisatie": "",
                "door": aanvrager,
                "gegevens": {"handeling": "starten", "toelichting": ""},
            }
        ],
    }
    assert data["verzoek"]["advies"]["routes"][0]["procedure"] == "3"
    # The view is logged, as on the request page (police data law: consultation is logged).
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken")
    assert (regel.actor_id, regel.object_type, regel.object_id) == (
        wie.pk,
        "verzoeken.bijstandsverzoek",
        str(verzoek.pk),
    )
    assert regel.na == {"kenmerk": verzoek.kenmerk}


def test_detail_toont_besluit_beroep_en_volgnummer_van_het_bestreden_deel() -> None:
    sit = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "gemeenten": ["Veenendaal"],
        "gevraagd": [{"leverancier": "politie"}],
    }
    verzoek = maak_verzoek(sit, bevoegd_gezag="GM0345")
    afgewezen = {"uitkomst": "afgewezen", "motivering": "Geen capaciteit beschikbaar."}
    doorlopen(verzoek, {"taak_besluit_korpschef": afgewezen})
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    services.beroep_instellen(
        deelverzoek=deel,
        door=gebruiker("GM0345", Rol.BESLUITVORMER),
        reden="Nodig.",
        bevestigd=True,
    )
    besluit = Besluit.objects.get(deelverzoek=deel)
    client, _ = als("GM0345")
    data = client.get(f"/api/v1/verzoeken/{verzoek.uuid}").json()
    (eerste, beroep) = data["deelverzoeken"]
    assert (eerste["status"], eerste["besluit"], eerste["beroep_op"]) == (
        "in_beroep",
        "afgewezen",
        None,
    )
    assert (beroep["procedure_id"], beroep["volgnummer"], beroep["beroep_op"]) == ("9", 2, 1)
    assert eerste["besluiten"] == [
        {
            "uuid": str(besluit.uuid),
            "uitkomst": "afgewezen",
            "motivering": "Geen capaciteit beschikbaar.",
            "voorwaarden": "",
            "namens": "namens de korpschef van politie",
            "grondslag": "Politiewet 2012 art. 56 lid 1",
            "organisatie": {"code": "KORPSCHEF", "naam": "Korpschef van de Nationale politie"},
            "genomen_op": "2026-03-02T10:30:00+01:00",
            "regels": [
                {"regel": 1, "uitkomst": "afgewezen", "toegekend_aantal": None, "toelichting": ""}
            ],
        }
    ]
    assert [t["organisatie"]["code"] for t in data["open_taken"]] == ["DGPOL"]
    statussen = [t["titel"] for t in data["tijdlijn"] if t["soort"] == "status"]
    assert "Status deelverzoek: Afgewezen → In beroep bij de minister" in statussen


def test_detail_buiten_de_scope_geeft_404_zonder_auditregel() -> None:
    mn = maak_verzoek()
    am = maak_verzoek_amsterdam()
    rccb_am, _ = als("RCCB-AM")
    for pad in (f"/api/v1/verzoeken/{mn.uuid}", f"/api/v1/verzoeken/{uuid.uuid4()}"):
        response = rccb_am.get(pad)
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
        assert response.json() == NIET_GEVONDEN  # the same answer: existence does not leak
    assert not AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken").exists()
    assert rccb_am.get(f"/api/v1/verzoeken/{am.uuid}").status_code == 200


def test_werkvoorraad_geeft_exact_de_open_taken_van_de_eigen_organisatie() -> None:
    mn = maak_verzoek()
    am = maak_verzoek_amsterdam()
    (taak,) = open_taken(mn)
    Taak.objects.filter(pk=taak.pk).update(due=NU)  # long past: overdue
    client, _ = als("RCCB-MN")
    response = client.get("/api/v1/werkvoorraad")
    assert response.status_code == 200
    assert response.json() == {
        "aantal": 1,
        "volgende": None,
        "vorige": None,
        "resultaten": [
            {
                "id": taak.pk,
                "naam": "Lokaal operationeel vooroverleg met CCB-KMar",
                "bpmn_id": "taak_vooroverleg_ccb_kmar",
                "procedure_id": "3",
                "organisatie": RCCB_MN,
                "status": "open",
                "due": "2026-03-02T10:00:00+01:00",
                "is_besluit": False,
                "optioneel": True,
                "aangemaakt_op": "2026-03-02T10:00:00+01:00",
                "verzoek": {
                    "uuid": str(mn.uuid),
                    "kenmerk": mn.kenmerk,
                    "titel": "Versterking openbare orde Utrecht",
                },
                "eenheid": EENHEID_MN,
                "spoed": False,
                "te_laat": True,
                "opgepakt_door": None,
                "namens": None,
            }
        ],
    }
    rccb_am, _ = als("RCCB-AM")
    (taak_am,) = open_taken(am)
    assert [t["id"] for t in rccb_am.get("/api/v1/werkvoorraad").json()["resultaten"]] == [
        taak_am.pk
    ]
    locc, _ = als("LOCC")  # the LOCC's steps come later in procedure 3
    assert locc.get("/api/v1/werkvoorraad").json()["aantal"] == 0
    assert client.get("/api/v1/werkvoorraad", {"status": "opgepakt"}).json()["aantal"] == 0


def _aantal_queries(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(pad)
    assert response.status_code == 200
    return len(queries)


def test_aantal_queries_hangt_niet_af_van_het_aantal_verzoeken() -> None:
    maak_verzoek()
    maak_verzoek_amsterdam()
    rccb, _ = als("RCCB-AM")
    rccb.get("/api/v1/verzoeken")  # the first request caches the second factor in the session
    paden = ("/api/v1/verzoeken", "/api/v1/werkvoorraad")
    een = [_aantal_queries(rccb, pad) for pad in paden]
    for _ in range(3):
        maak_verzoek_amsterdam()
    vier = [_aantal_queries(rccb, pad) for pad in paden]
    assert rccb.get("/api/v1/werkvoorraad").json()["aantal"] == 4
    assert een == vier == [4, 4]  # session, user, COUNT, the page with its joins


def test_aantal_queries_van_het_detail_is_begrensd() -> None:
    klein = maak_verzoek()
    besloten = maak_verzoek()
    doorlopen(besloten, {"taak_besluit_locc": {"uitkomst": "toegekend"}})
    twee_delen = maak_verzoek(
        situatie(gevraagd=[{"leverancier": "kmar"}, {"leverancier": "politie"}])
    )
    doorlopen(
        twee_delen,
        {
            "taak_besluit_locc": {"uitkomst": "toegekend"},
            "taak_besluit_korpschef": {"uitkomst": "toegekend"},
        },
    )
    client, _ = als("LOCC")
    client.get("/api/v1/verzoeken")
    verzoeken = (klein, besloten, twee_delen)
    aantallen = [_aantal_queries(client, f"/api/v1/verzoeken/{v.uuid}") for v in verzoeken]
    # Decisions add two queries (their lines, and the requested lines these name); a second
    # part, more tasks and steps add none. An open request whose next actor has no 24/7
    # number adds one: the LOCC's number as the fall-back. 19 and 20 on SQLite; PostgreSQL
    # adds the audit trail's advisory lock.
    assert aantallen[1] == aantallen[2] == aantallen[0] + 1
    assert max(aantallen) <= (21 if connection.vendor == "postgresql" else 20)


def test_openapi_beschrijft_de_verzoek_api_zonder_waarschuwingen(tmp_path: Path) -> None:
    bestand = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(bestand))
    schema = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    paden = schema["paths"]
    assert paden["/verzoeken"]["get"]["operationId"] == "verzoeken_lijst"
    assert paden["/verzoeken/{uuid}"]["get"]["operationId"] == "verzoek_bekijken"
    assert paden["/werkvoorraad"]["get"]["operationId"] == "werkvoorraad_lijst"
    assert list(paden["/verzoeken"]) == ["get", "post"]  # post: tests/api/test_wijzigen_*
    for pad in ("/verzoeken/{uuid}", "/werkvoorraad"):
        assert list(paden[pad]) == ["get"]
    lijst = paden["/verzoeken"]["get"]
    assert {p["name"] for p in lijst["parameters"]} == {
        "pagina",
        "perPagina",
        "status",
        "eenheid",
        "spoed",
        "zoek",
    }
    ok = lijst["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/PaginatedVerzoekList"}
    componenten = schema["components"]["schemas"]
    assert set(componenten["PaginatedVerzoekList"]["properties"]) == {
        "aantal",
        "volgende",
        "vorige",
        "resultaten",
    }
    assert set(componenten["VerzoekDetail"]["properties"]) == {
        "verzoek",
        "deelverzoeken",
        "open_taken",
        "tijdlijn",
    }
    assert componenten["VerzoekStatusEnum"]["enum"] == [
        "in_behandeling",
        "besloten",
        "in_inzet",
        "afgerond",
        "ingetrokken",
    ]
    assert set(lijst["responses"]) == {"200", "400", "401", "403", "404", "406"}


#: Each list of the API and the query parameters it knows (its filters, then the pages).
KENT_VERZOEKEN = "eenheid, pagina, perPagina, spoed, status, zoek"
LIJSTEN_EN_PARAMETERS = {
    "/api/v1/verzoeken": KENT_VERZOEKEN,
    "/api/v1/werkvoorraad": "eenheid, pagina, perPagina, procedure, spoed, status",
    "/api/v1/verzoeken/{uuid}/taken": "pagina, perPagina, status",
    "/api/v1/besluiten": "genomenTot, genomenVanaf, pagina, perPagina, sorteer, uitkomst, verzoek",
    "/api/v1/documenten": "pagina, perPagina, soort, sorteer, verzoek",
    "/api/v1/capaciteit": "leverancier, moment, pagina, perPagina, soort, sorteer",
    "/api/v1/organisaties": "eenheid, pagina, perPagina, soort, sorteer, zoek",
    "/api/v1/gemeenten": "eenheid, pagina, perPagina, sorteer, zoek",
}


@pytest.mark.parametrize("pad", list(LIJSTEN_EN_PARAMETERS))
def test_een_onbekende_parameter_is_een_probleem_dat_hem_noemt(pad: str) -> None:
    """A misspelt filter gave the whole, unfiltered list (from the API's review, #12)."""
    verzoek = maak_verzoek()
    client, _ = als("LOCC")
    antwoord = client.get(pad.format(uuid=verzoek.uuid), {"stauts": "open", "pagina": "1"})
    reden = f"Onbekende parameter; deze lijst kent: {LIJSTEN_EN_PARAMETERS[pad]}."
    assert antwoord.status_code == 400
    assert antwoord.json() == {
        "type": "urn:politiebijstand:probleem:ongeldige-parameters",
        "title": "Ongeldige parameters",
        "status": 400,
        "detail": f"stauts: {reden}",
        "invalid-params": [{"name": "stauts", "reason": reden}],
    }
    # Its known parameters still work: the list itself answers 200.
    assert client.get(pad.format(uuid=verzoek.uuid), {"pagina": "1"}).status_code == 200


def test_een_onbekende_parameter_wordt_genoemd_naast_de_ongeldige_en_format_is_onbekend() -> None:
    client, _ = als("LOCC")
    antwoord = client.get("/api/v1/verzoeken", {"status": "klaar", "stauts": "open"})
    assert antwoord.status_code == 400
    assert antwoord.json()["invalid-params"] == [
        {
            "name": "status",
            "reason": STATUS_KLAAR,
        },
        {"name": "stauts", "reason": f"Onbekende parameter; deze lijst kent: {KENT_VERZOEKEN}."},
    ]
    # A list answers JSON only and declares no ?format=: refused like any unknown key.
    formaat = client.get("/api/v1/verzoeken", {"format": "json"})
    assert formaat.status_code == 400
    assert formaat.json()["invalid-params"] == [
        {"name": "format", "reason": f"Onbekende parameter; deze lijst kent: {KENT_VERZOEKEN}."}
    ]


@pytest.mark.parametrize("pad", ["/api/v1/verzoeken", "/api/v1/besluiten"])
def test_een_parameter_twee_keer_is_een_probleem(pad: str) -> None:
    """Silently the last value was taken (an operator's trial, #13)."""
    client, _ = als("LOCC")
    sleutel = "status" if pad.endswith("verzoeken") else "uitkomst"
    waarden = ["in_behandeling", "besloten"] if sleutel == "status" else ["toegekend", "afgewezen"]
    antwoord = client.get(f"{pad}?{sleutel}={waarden[0]}&{sleutel}={waarden[1]}")
    assert antwoord.status_code == 400
    assert antwoord.json()["invalid-params"] == [
        {
            "name": sleutel,
            "reason": f"Eén waarde per parameter; gegeven: '{waarden[0]}', '{waarden[1]}'.",
        }
    ]
    # One value, or the pages' own keys once each, still answer.
    assert client.get(pad, {sleutel: waarden[1], "pagina": "1"}).status_code == 200
    assert client.get(f"{pad}?pagina=1&pagina=2").json()["invalid-params"] == [
        {"name": "pagina", "reason": "Eén waarde per parameter; gegeven: '1', '2'."}
    ]
