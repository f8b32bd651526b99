"""Steps through the API: pick up, hand back, complete, each at the step's version (#12).

``POST /api/v1/taken/<id>/oppakken``, ``/teruggeven`` and ``/afronding`` require If-Match with
the step's ETag (its representation, `TaakBronSerializer`): 428 without it, 412 when a
colleague changed the step in between. The gates are the pages': another organisation's step
is 404, a decision without the role 403, a step someone else picked up 409.
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import connection
from django.test import Client
from django.utils.timezone import localtime

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.api.versies import etag_van
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Taak
from tests.api.wijzigen import taak_etag
from tests.verzoeken.helpers import (
    NU,
    maak_verzoek,
    maak_verzoek_amsterdam,
    open_taken,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"
RCCB_MN = {"code": "RCCB-MN", "naam": "Afdeling Conflict- en Crisisbeheersing, Midden-Nederland"}


def actie(client: Client, taak: Taak, wat: str, body: Any = None, **headers: str) -> Any:
    return client.post(
        f"/api/v1/taken/{taak.pk}/{wat}",
        body if body is not None else {},
        content_type="application/json",
        headers=headers,
    )


def test_oppakken_geeft_de_stap_met_zijn_nieuwe_versie() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    etag = taak_etag(taak, wie)
    response = actie(client, taak, "oppakken", **{"If-Match": etag})
    assert response.status_code == 200, response.content
    taak.refresh_from_db()
    assert taak.opgepakt_op is not None
    body = dict(response.json())
    # The fields to complete it, as its GET gives them (exactly in test_bronnen_taken).
    assert [veld["naam"] for veld in body.pop("velden")] == ["verslag", "overgeslagen", "reden"]
    assert body == {
        "id": taak.pk,
        "deelverzoek": 1,
        "documentatie": taak.documentatie,
        "naam": "Lokaal operationeel vooroverleg met CCB-KMar",
        "bpmn_id": "taak_vooroverleg_ccb_kmar",
        "procedure_id": "3",
        "organisatie": RCCB_MN,
        "status": "opgepakt",
        "due": None,
        "is_besluit": False,
        "optioneel": True,
        "aangemaakt_op": "2026-03-02T10:00:00+01:00",
        "verzoek": {
            "uuid": str(verzoek.uuid),
            "kenmerk": verzoek.kenmerk,
            "titel": "Versterking openbare orde Utrecht",
        },
        "eenheid": {"code": "EENHEID-MN", "naam": "Politie, eenheid Midden-Nederland"},
        "spoed": False,
        "namens": None,
        "opgepakt_door": wie.get_username(),
        "opgepakt_op": localtime(taak.opgepakt_op).isoformat(),
        "afgerond_door": None,
        "afgerond_op": None,
        "overgeslagen": False,
        "gegevens": None,
    }
    assert response["ETag"] == etag_van(response.json()) == taak_etag(taak, wie) != etag
    assert AuditLogEntry.objects.filter(gebeurtenis="taak-opgepakt", actor_id=wie.pk).count() == 1


def test_teruggeven_zet_de_stap_weer_open() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    opgepakt = actie(client, taak, "oppakken", **{"If-Match": taak_etag(taak, wie)})
    response = actie(client, taak, "teruggeven", **{"If-Match": opgepakt["ETag"]})
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["status"], data["opgepakt_door"], data["opgepakt_op"]) == ("open", None, None)
    assert response["ETag"] == etag_van(data)
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == ("open", None)
    assert AuditLogEntry.objects.filter(gebeurtenis="taak-teruggegeven").count() == 1


def test_afronden_met_de_velden_van_de_stap() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    response = actie(
        client,
        taak,
        "afronding",
        {"gegevens": {"verslag": "Vooroverleg gevoerd met CCB-KMar."}},
        **{"If-Match": taak_etag(taak, wie)},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    taak.refresh_from_db()
    assert taak.afgerond_op is not None
    assert {k: data[k] for k in ("status", "afgerond_door", "afgerond_op", "gegevens")} == {
        "status": "afgerond",
        "afgerond_door": wie.get_username(),
        "afgerond_op": localtime(taak.afgerond_op).isoformat(),
        "gegevens": {"verslag": "Vooroverleg gevoerd met CCB-KMar."},
    }
    assert response["ETag"] == etag_van(data)
    assert [t.bpmn_id for t in open_taken(verzoek)] == ["taak_vooroverleg_locc"]


def test_afronden_met_een_fout_veld_noemt_het_en_verandert_niets() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    response = actie(
        client,
        taak,
        "afronding",
        {"gegevens": {"overgeslagen": True}},
        **{"If-Match": taak_etag(taak, wie)},
    )
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM)
    assert response.json()["invalid-params"][0]["name"] == "reden"
    taak.refresh_from_db()
    assert taak.status == "open"


@pytest.mark.parametrize("wat", ["oppakken", "teruggeven", "afronding"])
def test_zonder_if_match_428(wat: str) -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, _ = als("RCCB-MN")
    response = actie(client, taak, wat, {"gegevens": {"verslag": "x"}})
    assert (response.status_code, response["Content-Type"]) == (428, PROBLEM)
    assert response.json()["type"] == "urn:politiebijstand:probleem:if-match-vereist"
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == ("open", None)


def test_412_als_een_collega_de_stap_intussen_oppakte() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    a, wie_a = als("RCCB-MN")
    b, wie_b = als("RCCB-MN")
    gelezen = taak_etag(taak, wie_a)
    assert actie(b, taak, "oppakken", **{"If-Match": taak_etag(taak, wie_b)}).status_code == 200
    for wat in ("oppakken", "afronding"):
        response = actie(a, taak, wat, {"gegevens": {"verslag": "x"}}, **{"If-Match": gelezen})
        assert (response.status_code, response["Content-Type"]) == (412, PROBLEM)
        assert response.json()["type"] == "urn:politiebijstand:probleem:versie-verouderd"
        assert response["ETag"] == taak_etag(taak, wie_a) != gelezen
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == ("opgepakt", wie_b.pk)
    # With the current version: the service's own refusal, 409 naming who has it.
    response = actie(a, taak, "oppakken", **{"If-Match": taak_etag(taak, wie_a)})
    assert (response.status_code, response.json()["detail"]) == (
        409,
        f"Deze taak is opgepakt door {wie_b.get_username()}. Er is niets gewijzigd.",
    )
    teruggeven = actie(a, taak, "teruggeven", **{"If-Match": taak_etag(taak, wie_a)})
    assert teruggeven.status_code == 409


def test_poorten_als_de_pagina() -> None:
    verzoek = maak_verzoek()
    am = maak_verzoek_amsterdam()
    (taak,) = open_taken(verzoek)
    (taak_am,) = open_taken(am)
    rccb_am, wie_am = als("RCCB-AM")
    locc, _ = als("LOCC")
    vreemd = '"' + "0" * 64 + '"'
    for client in (rccb_am, locc):  # not their organisation's step: 404, as the work queue
        for wat in ("oppakken", "teruggeven", "afronding"):
            response = actie(client, taak, wat, **{"If-Match": vreemd})
            assert (response.status_code, response["Content-Type"]) == (404, PROBLEM)
    eigen = {"If-Match": taak_etag(taak_am, wie_am)}
    assert actie(rccb_am, taak_am, "oppakken", **eigen).status_code == 200
    assert Taak.objects.get(pk=taak.pk).status == "open"


def test_besluit_zonder_de_rol_is_403() -> None:
    sit = situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}])
    verzoek = maak_verzoek(sit, bevoegd_gezag="GM0345")
    besluit = None
    for _ in range(20):
        taken = open_taken(verzoek)
        besluit = next((t for t in taken if t.is_besluit), None)
        if besluit is not None:
            break
        stap_uitvoeren(taken[0], None, NU)
    assert besluit is not None and besluit.organisatie.code == "KORPSCHEF"
    medewerker, wie = als("KORPSCHEF", Rol.MEDEWERKER)
    response = actie(
        medewerker,
        besluit,
        "afronding",
        {"uitkomst": "toegekend", "motivering": "Nodig."},
        **{"If-Match": taak_etag(besluit, wie)},
    )
    assert (response.status_code, response.json()["detail"]) == (
        403,
        "Alleen een besluitvormer van uw organisatie kan dit besluit nemen.",
    )
    besluitvormer, wie_b = als("KORPSCHEF", Rol.BESLUITVORMER)
    genomen = actie(
        besluitvormer,
        besluit,
        "afronding",
        {"uitkomst": "toegekend", "motivering": "Nodig."},
        **{"If-Match": taak_etag(besluit, wie_b)},
    )
    assert genomen.status_code == 200, genomen.content
    assert genomen.json()["status"] == "afgerond"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_twee_tegelijk_met_dezelfde_versie_een_wint_de_ander_krijgt_412() -> None:
    """No lost update: the If-Match check and the change hold the step's lock together."""
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    mensen = [als("RCCB-MN") for _ in range(2)]
    for client, _ in mensen:
        assert client.get("/api/v1/werkvoorraad").status_code == 200
    gelezen = taak_etag(taak, mensen[0][1])
    assert gelezen == taak_etag(taak, mensen[1][1])
    start = threading.Barrier(2)
    uitkomsten: list[Any] = [None, None]

    def oppakken(i: int) -> None:
        try:
            start.wait(timeout=10)
            uitkomsten[i] = actie(mensen[i][0], taak, "oppakken", **{"If-Match": gelezen})
        except Exception as exc:  # the assertion names it
            uitkomsten[i] = exc
        finally:
            connection.close()

    draden = [threading.Thread(target=oppakken, args=(i,)) for i in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=60)
    assert sorted(u.status_code for u in uitkomsten) == [200, 412]
    winnaar = next(i for i, u in enumerate(uitkomsten) if u.status_code == 200)
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == ("opgepakt", mensen[winnaar][1].pk)
    assert AuditLogEntry.objects.filter(gebeurtenis="taak-opgepakt").count() == 1
