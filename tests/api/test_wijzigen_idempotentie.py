"""Safe retries: the Idempotency-Key of the API's POSTs (#12 item 4; ADR 0048).

A replay with the same key and body returns the first answer and never makes a second
object, also when many duplicates arrive at once (threads, on SQLite and on PostgreSQL); the
same key with another body is a 422; a refused request leaves the key free.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

import pytest
import yaml
from huey.contrib.djhuey import HUEY

from politiebijstand.api.idempotentie import GELDIGHEID, sleutels_opruimen
from politiebijstand.api.models import IdempotentieSleutel
from politiebijstand.api.tasks import idempotentiesleutels_opruimen_task
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from tests.api.test_wijzigen_verzoeken import aanmaken, aanvraag
from tests.api.wijzigen import taak_etag
from tests.verzoeken.helpers import maak_verzoek, open_taken
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"
SLEUTEL = "5f0c6a2e-6f1d-4d53-9a43-6c1c1b7f2a01"


def test_herhaling_geeft_het_eerste_antwoord_en_maakt_niets_opnieuw() -> None:
    client, _ = als("RCCB-MN")
    eerste = aanmaken(client, aanvraag(), **{"Idempotency-Key": SLEUTEL})
    assert eerste.status_code == 201, eerste.content
    assert "Idempotent-Replayed" not in eerste
    tweede = aanmaken(client, aanvraag(), **{"Idempotency-Key": SLEUTEL})
    assert tweede.status_code == 201
    assert tweede.content == eerste.content
    assert (tweede["Location"], tweede["ETag"], tweede["Content-Type"]) == (
        eerste["Location"],
        eerste["ETag"],
        "application/json",
    )
    assert tweede["Idempotent-Replayed"] == "true"
    assert Bijstandsverzoek.objects.count() == 1
    assert AuditLogEntry.objects.filter(gebeurtenis="verzoek-aangemaakt").count() == 1
    (rij,) = IdempotentieSleutel.objects.all()
    assert (rij.methode, rij.pad, rij.sleutel, rij.antwoord_status) == (
        "POST",
        "/api/v1/verzoeken",
        SLEUTEL,
        201,
    )
    assert rij.verloopt_op - rij.aangemaakt_op == GELDIGHEID == timedelta(hours=24)


def test_dezelfde_body_in_een_andere_volgorde_is_dezelfde_body() -> None:
    client, _ = als("RCCB-MN")
    body = aanvraag()
    assert aanmaken(client, body, **{"Idempotency-Key": SLEUTEL}).status_code == 201
    omgekeerd = dict(reversed(list(body.items())))
    herhaald = aanmaken(client, omgekeerd, **{"Idempotency-Key": SLEUTEL})
    assert (herhaald.status_code, herhaald["Idempotent-Replayed"]) == (201, "true")
    assert Bijstandsverzoek.objects.count() == 1


def test_andere_body_met_dezelfde_sleutel_is_422() -> None:
    client, _ = als("RCCB-MN")
    assert aanmaken(client, aanvraag(), **{"Idempotency-Key": SLEUTEL}).status_code == 201
    response = aanmaken(client, aanvraag(titel="Iets anders"), **{"Idempotency-Key": SLEUTEL})
    assert (response.status_code, response["Content-Type"]) == (422, PROBLEM)
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:idempotency-key-hergebruikt",
        "title": "Idempotency-Key hergebruikt",
        "status": 422,
        "detail": "Deze Idempotency-Key is de afgelopen 24 uur al gebruikt voor een verzoek "
        "met een andere body. Gebruik voor een ander verzoek een nieuwe sleutel.",
        "invalid-params": [
            {
                "name": "Idempotency-Key",
                "reason": "eerder gebruikt met een andere body; gebruik een nieuwe sleutel",
            }
        ],
    }
    assert Bijstandsverzoek.objects.count() == 1


def test_de_sleutel_hoort_bij_de_gebruiker_en_het_pad() -> None:
    a, _ = als("RCCB-MN")
    b, _ = als("RCCB-MN")
    assert aanmaken(a, aanvraag(), **{"Idempotency-Key": SLEUTEL}).status_code == 201
    andere = aanmaken(b, aanvraag(), **{"Idempotency-Key": SLEUTEL})
    assert (andere.status_code, "Idempotent-Replayed" in andere) == (201, False)
    assert Bijstandsverzoek.objects.count() == 2


@pytest.mark.parametrize(
    "sleutel",
    ["", " begint-met-spatie", "x" * 256, "geen\ttab", "één"],
)
def test_ongeldige_sleutel_is_400_met_de_kop(sleutel: str) -> None:
    client, _ = als("RCCB-MN")
    response = aanmaken(client, aanvraag(), **{"Idempotency-Key": sleutel})
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM)
    reden = "1 tot 255 afdrukbare ASCII-tekens, niet beginnend of eindigend met een spatie"
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:idempotency-key-ongeldig",
        "title": "Ongeldige Idempotency-Key",
        "status": 400,
        "detail": f"Idempotency-Key: {reden}",
        "invalid-params": [{"name": "Idempotency-Key", "reason": reden}],
    }
    assert not Bijstandsverzoek.objects.exists()


def test_langste_geldige_sleutel() -> None:
    client, _ = als("RCCB-MN")
    lang = "k" + "~ " * 126 + "k!"
    assert len(lang) == 255
    for sleutel in (lang, "a"):
        assert aanmaken(client, aanvraag(), **{"Idempotency-Key": sleutel}).status_code == 201


def test_een_weigering_bewaart_niets_en_de_sleutel_blijft_bruikbaar() -> None:
    client, _ = als("RCCB-MN")
    fout = aanmaken(client, aanvraag(titel=""), **{"Idempotency-Key": SLEUTEL})
    assert fout.status_code == 400
    assert not IdempotentieSleutel.objects.exists()
    goed = aanmaken(client, aanvraag(), **{"Idempotency-Key": SLEUTEL})
    assert (goed.status_code, "Idempotent-Replayed" in goed) == (201, False)


def test_herhaling_van_een_wijziging_geeft_het_eerste_antwoord_ook_met_oude_if_match() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    kop = {"If-Match": taak_etag(taak, wie), "Idempotency-Key": SLEUTEL}
    pad = f"/api/v1/taken/{taak.pk}/oppakken"
    eerste = client.post(pad, content_type="application/json", headers=kop)
    assert eerste.status_code == 200, eerste.content
    # The retry's If-Match is stale now; the key says it is the same act: the first answer.
    tweede = client.post(pad, content_type="application/json", headers=kop)
    assert (tweede.status_code, tweede.content, tweede["Idempotent-Replayed"]) == (
        200,
        eerste.content,
        "true",
    )
    assert AuditLogEntry.objects.filter(gebeurtenis="taak-opgepakt").count() == 1
    # Without the key the same stale If-Match is a 412.
    zonder = client.post(
        pad, content_type="application/json", headers={"If-Match": kop["If-Match"]}
    )
    assert zonder.status_code == 412


def test_een_achtergelaten_sleutel_zonder_antwoord_wordt_overgenomen() -> None:
    """The first request died after inserting its key: its work was rolled back, so a retry
    that takes the key's lock runs it (once)."""
    client, wie = als("RCCB-MN")
    body = aanvraag()
    tekst = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    nu = timezone.now()
    IdempotentieSleutel.objects.create(
        aanroeper=f"gebruiker:{wie.pk}",
        methode="POST",
        pad="/api/v1/verzoeken",
        sleutel=SLEUTEL,
        body_sha256=hashlib.sha256(tekst.encode()).hexdigest(),
        aangemaakt_op=nu,
        verloopt_op=nu + GELDIGHEID,
    )
    response = aanmaken(client, body, **{"Idempotency-Key": SLEUTEL})
    assert (response.status_code, "Idempotent-Replayed" in response) == (201, False)
    assert IdempotentieSleutel.objects.get().antwoord_status == 201
    assert Bijstandsverzoek.objects.count() == 1


def test_een_fout_in_de_view_geeft_de_sleutel_vrij() -> None:
    client, _ = als("RCCB-MN")
    pad = f"/api/v1/verzoeken/{uuid.uuid4()}/intrekking"
    kop = {"If-Match": '"' + "0" * 64 + '"', "Idempotency-Key": SLEUTEL}
    response = client.post(pad, {"reden": "x"}, content_type="application/json", headers=kop)
    assert (response.status_code, response["Content-Type"]) == (404, PROBLEM)
    assert not IdempotentieSleutel.objects.exists()


def test_een_verlopen_sleutel_telt_niet_meer_en_wordt_opgeruimd() -> None:
    client, _ = als("RCCB-MN")
    assert aanmaken(client, aanvraag(), **{"Idempotency-Key": SLEUTEL}).status_code == 201
    IdempotentieSleutel.objects.update(verloopt_op=timezone.now() - timedelta(seconds=1))
    opnieuw = aanmaken(client, aanvraag(), **{"Idempotency-Key": SLEUTEL})
    assert (opnieuw.status_code, "Idempotent-Replayed" in opnieuw) == (201, False)
    assert Bijstandsverzoek.objects.count() == 2
    assert sleutels_opruimen() == 0  # the new row is valid for 24 hours
    later = timezone.now() + GELDIGHEID + timedelta(seconds=1)
    assert sleutels_opruimen(nu=later) == 1
    assert not IdempotentieSleutel.objects.exists()


def test_het_uurlijkse_opruimen_verwijdert_alleen_verlopen_sleutels() -> None:
    nu = timezone.now()
    for naam, verloopt in (("oud", nu - timedelta(minutes=1)), ("nieuw", nu + GELDIGHEID)):
        IdempotentieSleutel.objects.create(
            aanroeper="gebruiker:1",
            methode="POST",
            pad="/api/v1/verzoeken",
            sleutel=naam,
            body_sha256="0" * 64,
            aangemaakt_op=verloopt - GELDIGHEID,
            verloopt_op=verloopt,
        )
    idempotentiesleutels_opruimen_task.call_local()
    assert list(IdempotentieSleutel.objects.values_list("sleutel", flat=True)) == ["nieuw"]
    taken = HUEY._registry._registry  # registered by ApiConfig.ready, as the consumer finds it
    assert "politiebijstand.api.tasks.idempotentiesleutels_opruimen_task" in taken


def test_het_advies_neemt_geen_sleutel() -> None:
    """The advice changes nothing: a retry is already safe, and nothing is stored (ADR 0048)."""
    body = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "gemeenten": ["Den Haag"],
        "gevraagd": [{"leverancier": "kmar"}],
    }
    for _ in range(2):
        response = Client().post(
            "/api/v1/advies",
            body,
            content_type="application/json",
            headers={"Idempotency-Key": SLEUTEL},
        )
        assert response.status_code == 200
        assert "Idempotent-Replayed" not in response
    assert not IdempotentieSleutel.objects.exists()


def test_openapi_verklaart_de_sleutel_bij_elke_post(tmp_path: Path) -> None:
    bestand = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(bestand))
    paden = yaml.safe_load(bestand.read_text(encoding="utf-8"))["paths"]
    posts = {pad: ops["post"] for pad, ops in paden.items() if "post" in ops}
    assert sorted(posts) == [
        "/advies",
        "/taken/{id}/afronding",
        "/taken/{id}/oppakken",
        "/taken/{id}/teruggeven",
        "/verzoeken",
        "/verzoeken/{uuid}/intrekking",
    ]
    for pad, op in posts.items():
        koppen = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "header"}
        if pad == "/advies":
            assert "Idempotency-Key" not in koppen
            continue
        assert koppen["Idempotency-Key"].get("required", False) is False
        assert koppen["Idempotency-Key"]["schema"]["pattern"] == "^[!-~]([ -~]{0,253}[!-~])?$"
        assert {"409", "422", "400"} <= set(op["responses"]), pad
        # The media type of errors is the NLGov helper's (problem+json, ADR 0046).
        inhoud = op["responses"]["422"]["content"].values()
        assert [v["schema"] for v in inhoud] == [{"$ref": "#/components/schemas/Probleem"}]
        succes = "201" if pad == "/verzoeken" else "200"
        assert set(op["responses"][succes]["headers"]) >= {"Idempotent-Replayed", "ETag"}
        if pad != "/verzoeken":
            assert koppen["If-Match"]["required"] is True
            assert {"412", "428"} <= set(op["responses"])


# --- many duplicates at once ------------------------------------------------------------------


def _tegelijk(aantal: int, doe: Any) -> list[Any]:
    """Run `doe(i)` in `aantal` threads that start together; their results (or exceptions)."""
    start = threading.Barrier(aantal)
    uitkomsten: list[Any] = [None] * aantal

    def draad(i: int) -> None:
        try:
            start.wait(timeout=30)
            uitkomsten[i] = doe(i)
        except Exception as exc:  # the assertion names it
            uitkomsten[i] = exc
        finally:
            connection.close()

    draden = [threading.Thread(target=draad, args=(i,)) for i in range(aantal)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=120)
    return uitkomsten


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", range(2))
def test_acht_gelijktijdige_duplicaten_maken_een_verzoek(ronde: int) -> None:
    """8 threads post the same request with the same key at once: exactly one is made.

    Each thread has its own client (its own session cookie of the same user), which made one
    request before, so the concurrent ones do not write their sessions: SQLite's in-memory
    test database answers a second writer with "table is locked" instead of waiting as a file
    database does (`conf.base.database_from_url`: WAL, IMMEDIATE). On PostgreSQL a
    duplicate that finds the first still running gets 409; on SQLite it waits for the first
    and gets its answer. Every 201 is the same answer.
    """
    _, wie = als("RCCB-MN")
    clients = []
    for _ in range(8):
        client = Client()
        client.force_login(wie)
        assert client.get("/api/v1/werkvoorraad").status_code == 200  # writes the session
        clients.append(client)
    sleutel = f"{SLEUTEL}-{ronde}"
    uitkomsten = _tegelijk(
        8, lambda i: aanmaken(clients[i], aanvraag(), **{"Idempotency-Key": sleutel})
    )
    fouten = [u for u in uitkomsten if isinstance(u, Exception)]
    assert fouten == []
    statussen = sorted(u.status_code for u in uitkomsten)
    assert set(statussen) <= {201, 409}, statussen
    gemaakt = [u for u in uitkomsten if u.status_code == 201]
    assert gemaakt, statussen
    assert len({u.content for u in gemaakt}) == 1
    assert len([u for u in gemaakt if "Idempotent-Replayed" not in u]) == 1
    for u in uitkomsten:
        if u.status_code == 409:
            assert u.json()["type"] == "urn:politiebijstand:probleem:idempotency-key-in-behandeling"
            assert u["Retry-After"] == "1"
    if connection.vendor == "sqlite":
        assert statussen == [201] * 8  # one writer at a time: each duplicate waited
    assert Bijstandsverzoek.objects.count() == 1
    assert AuditLogEntry.objects.filter(gebeurtenis="verzoek-aangemaakt").count() == 1
    assert Taak.objects.count() == 1
    # After the rush, a retry gets the stored answer.
    later = aanmaken(clients[0], aanvraag(), **{"Idempotency-Key": sleutel})
    assert (later.status_code, later.content, later["Idempotent-Replayed"]) == (
        201,
        gemaakt[0].content,
        "true",
    )
