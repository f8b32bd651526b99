"""``POST /api/v1/verzoeken`` and ``POST /api/v1/verzoeken/<uuid>/intrekking`` (#12 items 1, 4).

A request is made as the page's create form makes it (`verzoek_aanmaken`), by the requesting
unit's RCCB; it is withdrawn at the version the caller read (If-Match with the ETag of
``GET /api/v1/verzoeken/<uuid>``): 428 without it, 412 after someone else changed it.
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils.timezone import localtime

import pytest

from politiebijstand.api.versies import etag_van
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.api.wijzigen import taak_etag, verzoek_etag
from tests.verzoeken.helpers import maak_verzoek, maak_verzoek_amsterdam, open_taken, situatie
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"
RCCB_MN = {"code": "RCCB-MN", "naam": "Afdeling Conflict- en Crisisbeheersing, Midden-Nederland"}
EENHEID_MN = {"code": "EENHEID-MN", "naam": "Politie, eenheid Midden-Nederland"}
UTRECHT = {"code": "GM0344", "naam": "Gemeente Utrecht (burgemeester)"}


def aanvraag(**velden: Any) -> dict[str, Any]:
    """The body of a request for Utrecht asking a KMar platoon (procedure 3)."""
    basis: dict[str, Any] = {
        "situatie": situatie(),
        "titel": "Versterking openbare orde Utrecht",
        "omschrijving": "Demonstratie en tegendemonstratie op het Jaarbeursplein.",
        "bevoegd_gezag": "GM0344",
        "periode_start": "2027-03-04T10:00:00+01:00",
        "periode_eind": "2027-03-04T18:00:00",  # no offset: Dutch time, as on the page
        "locatie": "Jaarbeursplein, Utrecht",
        "gevraagde_capaciteit": "4 pelotons",
        "regels": [{"omschrijving": "ME-peloton", "aantal": 4}],
    }
    basis.update(velden)
    return basis


def aanmaken(client: Client, body: dict[str, Any], **headers: str) -> Any:
    return client.post("/api/v1/verzoeken", body, content_type="application/json", headers=headers)


def intrekken(client: Client, verzoek: Bijstandsverzoek, reden: Any, **headers: str) -> Any:
    return client.post(
        f"/api/v1/verzoeken/{verzoek.uuid}/intrekking",
        {"reden": reden},
        content_type="application/json",
        headers=headers,
    )


def test_aanmaken_geeft_201_met_location_en_het_verzoek_zoals_get_het_geeft() -> None:
    client, wie = als("RCCB-MN")
    response = aanmaken(client, aanvraag())
    assert response.status_code == 201, response.content
    verzoek = Bijstandsverzoek.objects.get()
    assert response["Location"] == f"http://testserver/api/v1/verzoeken/{verzoek.uuid}"
    data = response.json()
    assert response["ETag"] == etag_van(data)
    (taak,) = open_taken(verzoek)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    aangemaakt = localtime(verzoek.aangemaakt_op).isoformat()
    assert data["verzoek"] == {
        "uuid": str(verzoek.uuid),
        "kenmerk": f"BV-2026-{verzoek.pk:06d}",
        "titel": "Versterking openbare orde Utrecht",
        "status": "in_behandeling",
        "gezag": "burgemeester",
        "taak": "openbare_orde",
        "eenheid": EENHEID_MN,
        "bevoegd_gezag": UTRECHT,
        "spoed": False,
        "periode_start": "2027-03-04T10:00:00+01:00",
        "periode_eind": "2027-03-04T18:00:00+01:00",
        "locatie": "Jaarbeursplein, Utrecht",
        "aangemaakt_op": aangemaakt,
        "gewijzigd_op": aangemaakt,
        "omschrijving": "Demonstratie en tegendemonstratie op het Jaarbeursplein.",
        "rccb": RCCB_MN,
        "regioburgemeester": UTRECHT,
        "gemeenten": [UTRECHT],
        "gevraagde_capaciteit": "4 pelotons",
        "gewenst_effect": "",
        "situatie": situatie(),
        "advies": verzoek.advies,
        "regels_versie": verzoek.regels_versie,
        "ingetrokken_reden": "",
        "versie": 1,
    }
    assert [(d["uuid"], d["procedure_id"], d["regels"]) for d in data["deelverzoeken"]] == [
        (str(deel.uuid), "3", [{"volgnummer": 1, "omschrijving": "ME-peloton", "aantal": 4}])
    ]
    assert [t["id"] for t in data["open_taken"]] == [taak.pk]
    assert (verzoek.aangevraagd_door_id, verzoek.oefening) == (wie.pk, False)
    # Stored in UTC: 10:00 and 18:00 in Amsterdam (UTC+1 in March) are 09:00 and 17:00 UTC.
    assert (verzoek.periode_start.isoformat(), verzoek.periode_eind.isoformat()) == (
        "2027-03-04T09:00:00+00:00",
        "2027-03-04T17:00:00+00:00",
    )
    # The same representation and version as the GET (which is audited as a view).
    lezen = client.get(f"/api/v1/verzoeken/{verzoek.uuid}")
    assert (lezen.json(), lezen["ETag"]) == (data, response["ETag"])
    assert AuditLogEntry.objects.filter(gebeurtenis="verzoek-aangemaakt").count() == 1
    assert AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken").count() == 2


def test_aanmaken_alleen_door_het_rccb_van_een_eenheid() -> None:
    client, _ = als("LOCC")
    response = aanmaken(client, aanvraag())
    assert (response.status_code, response["Content-Type"]) == (403, PROBLEM)
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:geen-toegang",
        "title": "Geen toegang",
        "status": 403,
        "detail": "Alleen het RCCB van een eenheid kan een bijstandsverzoek aanmaken.",
    }
    assert not Bijstandsverzoek.objects.exists()


@pytest.mark.parametrize(
    ("body", "velden"),
    [
        (
            aanvraag(titel="", regels=[{"omschrijving": "ME-peloton", "aantal": 0}]),
            [
                {"name": "titel", "reason": "Dit veld mag niet leeg zijn."},
                {
                    "name": "regels[0].aantal",
                    "reason": "Zorg ervoor dat deze waarde groter is dan of gelijk is aan 1.",
                },
            ],
        ),
        (
            {k: v for k, v in aanvraag().items() if k not in ("locatie", "periode_start")},
            [
                {"name": "periode_start", "reason": "Dit veld is vereist."},
                {"name": "locatie", "reason": "Dit veld is vereist."},
            ],
        ),
        (
            aanvraag(gemeenten=["GM0344", ["GM0345"]], periode_eind="morgen"),
            [
                {"name": "gemeenten[1]", "reason": "Moet een tekst zijn."},
                {
                    "name": "periode_eind",
                    "reason": "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende "
                    "formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
                },
            ],
        ),
    ],
)
def test_ongeldige_velden_worden_elk_genoemd_en_er_wordt_niets_aangemaakt(
    body: dict[str, Any], velden: list[dict[str, str]]
) -> None:
    client, _ = als("RCCB-MN")
    response = aanmaken(client, body)
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM)
    assert response.json()["invalid-params"] == velden
    assert response.json()["type"] == "urn:politiebijstand:probleem:ongeldige-invoer"
    assert not Bijstandsverzoek.objects.exists()


@pytest.mark.parametrize(
    ("velden", "naam", "reden"),
    [
        ({"bevoegd_gezag": "GM9999"}, "bevoegd_gezag", "onbekende organisatiecode 'GM9999'"),
        ({"gemeenten": ["GM0344", "XX"]}, "gemeenten[1]", "onbekende organisatiecode 'XX'"),
        (
            {"bevoegd_gezag": "OM-MN"},
            "bevoegd_gezag",
            "het bevoegd gezag is hier burgemeester: kies een gemeente",
        ),
        (
            {"bevoegd_gezag": "GM0363"},
            "bevoegd_gezag",
            "Gemeente Amsterdam (burgemeester) ligt niet in het gebied van Politie, eenheid "
            "Midden-Nederland",
        ),
        (
            {"situatie": situatie(taak="geen_idee")},
            "situatie.taak",
            # The rules' own message (`situatie_from_dict`), as the page shows it.
            "taak: onbekende waarde 'geen_idee'; toegestaan: openbare_orde, hulpverlening, "
            "vermissing, strafrechtelijke_handhaving, taken_ten_dienste_van_justitie, "
            "bewaking_en_beveiliging_rijksdomein, bewaking_en_beveiliging_personen, "
            "vreemdelingentoezicht, geen_politietaak",
        ),
        (
            {"gevraagde_capaciteit": "", "regels": []},
            "gevraagde_capaciteit",
            "vul de gevraagde capaciteit of het gewenste effect in",
        ),
        (
            {"periode_eind": "2027-03-04T09:00:00+01:00"},
            "periode_eind",
            "het einde moet na het begin liggen",
        ),
    ],
)
def test_de_regels_van_de_pagina_gelden_met_het_veld_in_de_fout(
    velden: dict[str, Any], naam: str, reden: str
) -> None:
    client, _ = als("RCCB-MN")
    response = aanmaken(client, aanvraag(**velden))
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM), response.content
    assert response.json()["invalid-params"] == [{"name": naam, "reason": reden}]
    assert response.json()["detail"] == f"{naam}: {reden}"
    assert not Bijstandsverzoek.objects.exists()


def test_intrekken_met_de_gelezen_versie() -> None:
    verzoek = maak_verzoek()
    client, wie = als("RCCB-MN")
    etag = verzoek_etag(client, verzoek)
    response = intrekken(client, verzoek, "De demonstratie is afgelast.", **{"If-Match": etag})
    assert response.status_code == 200, response.content
    data = response.json()
    assert response["ETag"] == etag_van(data) != etag
    assert (data["verzoek"]["status"], data["verzoek"]["ingetrokken_reden"]) == (
        "ingetrokken",
        "De demonstratie is afgelast.",
    )
    assert [d["status"] for d in data["deelverzoeken"]] == ["ingetrokken"]
    assert data["open_taken"] == []
    verzoek.refresh_from_db()
    assert verzoek.status == "ingetrokken"
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="verzoek-ingetrokken")
    assert regel.na is not None
    assert (regel.actor_id, regel.na["reden"]) == (wie.pk, "De demonstratie is afgelast.")
    assert verzoek_etag(client, verzoek) == response["ETag"]


def test_intrekken_zonder_if_match_is_428_en_er_verandert_niets() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    response = intrekken(client, verzoek, "Afgelast.")
    assert (response.status_code, response["Content-Type"]) == (428, PROBLEM)
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:if-match-vereist",
        "title": "If-Match ontbreekt",
        "status": 428,
        "detail": "Een wijziging vraagt de kop If-Match met de ETag van de versie die u het "
        "laatst las (haal de bron op met GET); * is niet genoeg.",
    }
    verzoek.refresh_from_db()
    assert verzoek.status == "in_behandeling"


def test_intrekken_na_een_wijziging_door_een_ander_is_412() -> None:
    verzoek = maak_verzoek()
    rccb, _ = als("RCCB-MN")
    etag = verzoek_etag(rccb, verzoek)
    # A colleague picks up the open step in between: the request's open steps changed.
    collega, ander = als("RCCB-MN")
    (taak,) = open_taken(verzoek)
    opgepakt = collega.post(
        f"/api/v1/taken/{taak.pk}/oppakken", headers={"If-Match": taak_etag(taak, ander)}
    )
    assert opgepakt.status_code == 200
    response = intrekken(rccb, verzoek, "Afgelast.", **{"If-Match": etag})
    assert (response.status_code, response["Content-Type"]) == (412, PROBLEM)
    assert response.json()["type"] == "urn:politiebijstand:probleem:versie-verouderd"
    huidig = verzoek_etag(rccb, verzoek)
    assert response["ETag"] == huidig != etag
    verzoek.refresh_from_db()
    assert verzoek.status == "in_behandeling"
    assert Taak.objects.get(pk=taak.pk).status == "opgepakt"
    # With the current version it goes through.
    assert intrekken(rccb, verzoek, "Afgelast.", **{"If-Match": huidig}).status_code == 200


def test_intrekken_poorten_en_fouten() -> None:
    verzoek = maak_verzoek()
    am = maak_verzoek_amsterdam()
    rccb, _ = als("RCCB-MN")
    etag = verzoek_etag(rccb, verzoek)
    # Another unit's RCCB: 404, the same as an unknown request.
    rccb_am, _ = als("RCCB-AM")
    assert intrekken(rccb_am, verzoek, "x", **{"If-Match": etag}).status_code == 404
    # The LOCC takes part (procedure 3) but did not ask: 403, as the page.
    locc, _ = als("LOCC")
    geweigerd = intrekken(locc, verzoek, "x", **{"If-Match": verzoek_etag(locc, verzoek)})
    assert (geweigerd.status_code, geweigerd.json()["detail"]) == (
        403,
        "Alleen het RCCB van de vragende eenheid of het bevoegd gezag kan dit doen.",
    )
    # No reason: 400 naming the field.
    leeg = intrekken(rccb, verzoek, "  ", **{"If-Match": etag})
    assert (leeg.status_code, leeg.json()["invalid-params"]) == (
        400,
        [{"name": "reden", "reason": "Dit veld mag niet leeg zijn."}],
    )
    assert intrekken(rccb, verzoek, "Afgelast.", **{"If-Match": etag}).status_code == 200
    # Nothing left to withdraw: 409.
    nogmaals = intrekken(rccb, verzoek, "Nogmaals.", **{"If-Match": verzoek_etag(rccb, verzoek)})
    assert (nogmaals.status_code, nogmaals.json()) == (
        409,
        {
            "type": "urn:politiebijstand:probleem:ongeldige-overgang",
            "title": "Niet mogelijk in deze status",
            "status": 409,
            "detail": "dit verzoek kan niet meer worden ingetrokken",
        },
    )
    am.refresh_from_db()
    assert am.status == "in_behandeling"
