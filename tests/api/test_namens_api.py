"""``POST /api/v1/taken/<id>/afronding``: the step page's gates for a step on behalf (#10).

DJZ has no account: the LOCC, coordinator of procedure 4, records DJZ's decision with the PDF
DJZ sent, as multipart (issue #10 item 4; ADR 0037). Without it, or with a file that is not a
PDF, the answer is a problem+json naming the field ``bestand`` and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import Http404
from django.test import Client
from django.utils.timezone import localtime

import pytest
import yaml

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.api.versies import etag_van
from politiebijstand.documenten.models import Document
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, Taak
from tests.api.wijzigen import taak_etag
from tests.verzoeken.test_namens import PDF, tot_besluit_djz
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"


def _pdf(inhoud: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile("antwoord.pdf", inhoud, content_type="application/pdf")


def _post(client: Client, taak: Taak, **extra: Any) -> Any:
    """Multipart, as Django's test client sends a dict with a file; If-Match: the step's tag."""
    return client.post(
        f"/api/v1/taken/{taak.pk}/afronding",
        {"uitkomst": "toegekend", "motivering": "", **extra},
        headers={"If-Match": _etag(client, taak)},
    )


def _etag(client: Client, taak: Taak) -> str:
    """The step's ETag for the client's user, or a made-up one when it may not see the step."""
    wie = Gebruiker.objects.get(pk=client.session["_auth_user_id"])
    try:
        return taak_etag(taak, wie)
    except Http404:
        return '"onbekend"'


def _ongewijzigd(verzoek: Bijstandsverzoek, taak: Taak) -> None:
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert not Besluit.objects.filter(verzoek=verzoek).exists()
    assert not Document.objects.filter(verzoek=verzoek, extern=True).exists()


def test_coordinator_legt_besluit_namens_djz_vast_als_multipart() -> None:
    verzoek, taak = tot_besluit_djz()
    client, locc = als("LOCC", Rol.BESLUITVORMER)
    response = _post(client, taak, bestand=_pdf())
    assert response.status_code == 200, response.content
    document = Document.objects.get(verzoek=verzoek, extern=True)
    taak.refresh_from_db()
    assert taak.afgerond_op is not None and taak.opgepakt_op is not None
    # The step after its completion, as its resource (its GET's body), with its ETag.
    assert response.json() == {
        "id": taak.pk,
        "deelverzoek": 1,
        "documentatie": taak.documentatie,
        "velden": [],
        "naam": taak.naam,
        "bpmn_id": "taak_besluit_defensie",
        "procedure_id": "4",
        "organisatie": {"code": "DJZ", "naam": taak.organisatie.naam},
        "status": "afgerond",
        "due": None,
        "is_besluit": True,
        "optioneel": False,
        "aangemaakt_op": localtime(taak.aangemaakt_op).isoformat(),
        "verzoek": {
            "uuid": str(verzoek.uuid),
            "kenmerk": verzoek.kenmerk,
            "titel": "Versterking openbare orde Utrecht",
        },
        "eenheid": {"code": "EENHEID-MN", "naam": "Politie, eenheid Midden-Nederland"},
        "spoed": False,
        "namens": "DJZ",
        "opgepakt_door": locc.get_username(),  # completing a step picks it up (the service)
        "opgepakt_op": localtime(taak.opgepakt_op).isoformat(),
        "afgerond_door": locc.get_username(),
        "afgerond_op": localtime(taak.afgerond_op).isoformat(),
        "overgeslagen": False,
        "gegevens": {
            "besluit_defensie": "toegekend",
            "motivering": "",
            "voorwaarden": "",
            "namens": "DJZ",
            "document": str(document.uuid),
            "sha256": document.sha256,
        },
    }
    assert response["ETag"] == etag_van(response.json()) == taak_etag(taak, locc)


@pytest.mark.parametrize(
    ("bestand", "code", "reden"),
    [
        (
            None,
            "bestand-verplicht",
            "voeg het ontvangen antwoord van de partij toe als PDF: zonder het bestand kunt u "
            "deze stap niet namens haar vastleggen",
        ),
        (
            b"Beste LOCC, zie bijlage.",
            "bestand-geen-pdf",
            "Het bestand is geen PDF. Alleen PDF-bestanden kunnen worden opgeslagen.",
        ),
    ],
)
def test_zonder_of_met_ongeldige_pdf_een_probleem_met_veld_bestand(
    bestand: bytes | None, code: str, reden: str
) -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    extra = {} if bestand is None else {"bestand": _pdf(bestand)}
    response = _post(client, taak, **extra)
    assert (response.status_code, response["Content-Type"]) == (400, PROBLEM)
    assert response.json() == {
        "type": f"urn:politiebijstand:probleem:{code}",
        "title": "Ongeldige invoer",
        "status": 400,
        "detail": f"bestand: {reden}",
        "invalid-params": [{"name": "bestand", "reason": reden}],
    }
    _ongewijzigd(verzoek, taak)


def test_json_zonder_bestand_wordt_geweigerd() -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    response = client.post(
        f"/api/v1/taken/{taak.pk}/afronding",
        {"uitkomst": "toegekend", "motivering": ""},
        content_type="application/json",
        headers={"If-Match": _etag(client, taak)},
    )
    assert response.status_code == 400
    assert response.json()["invalid-params"][0]["name"] == "bestand"
    _ongewijzigd(verzoek, taak)


@pytest.mark.parametrize(
    ("code", "rol", "status"),
    [
        ("RCCB-MN", Rol.BESLUITVORMER, 404),  # not its task, not the coordinator
        ("LE-POB", Rol.BESLUITVORMER, 404),  # coordinates 1 and 6, not 4
        ("LOCC", Rol.MEDEWERKER, 403),  # the coordinator, but a decision needs a besluitvormer
    ],
)
def test_een_ander_kan_het_niet(code: str, rol: str, status: int) -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als(code, rol)
    response = _post(client, taak, bestand=_pdf())
    assert (response.status_code, response["Content-Type"]) == (status, PROBLEM)
    _ongewijzigd(verzoek, taak)


def test_met_een_account_van_djz_niet_het_locc_en_djz_zonder_pdf() -> None:
    verzoek, taak = tot_besluit_djz()
    djz, _ = als("DJZ", Rol.BESLUITVORMER)
    locc, _ = als("LOCC", Rol.BESLUITVORMER)
    assert _post(locc, taak, bestand=_pdf()).status_code == 404
    _ongewijzigd(verzoek, taak)
    eigen = _post(djz, taak, bestand=_pdf())
    assert (eigen.status_code, eigen.json()["type"]) == (
        400,
        "urn:politiebijstand:probleem:bestand-niet-namens",
    )
    _ongewijzigd(verzoek, taak)
    zelf = _post(djz, taak)
    assert (zelf.status_code, zelf.json()["namens"]) == (200, None)


def test_openapi_beschrijft_de_stap_als_json_en_multipart(tmp_path: Path) -> None:
    bestand = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(bestand))
    paden = yaml.safe_load(bestand.read_text(encoding="utf-8"))["paths"]
    pad = paden["/taken/{id}/afronding"]
    assert list(paden["/taken/{id}"]) == ["get"]  # reads the step (#12, ADR 0047)
    assert list(pad) == ["post"]
    assert pad["post"]["operationId"] == "taak_afronden"
    assert sorted(pad["post"]["requestBody"]["content"]) == [
        "application/json",
        "multipart/form-data",
    ]
    assert sorted(pad["post"]["responses"]) == [
        "200",
        "400",
        "401",
        "403",
        "404",
        "406",
        "409",
        "412",
        "413",
        "422",
        "428",
    ]


def test_herhaling_van_een_multipart_met_pdf_en_een_ander_pdf_is_422() -> None:
    """The key's body counts the PDF's bytes, not multipart's random boundary (ADR 0048)."""
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    kop = {"If-Match": _etag(client, taak), "Idempotency-Key": "djz-besluit-1"}
    pad = f"/api/v1/taken/{taak.pk}/afronding"
    velden = {"uitkomst": "toegekend", "motivering": ""}
    eerste = client.post(pad, {**velden, "bestand": _pdf()}, headers=kop)
    assert eerste.status_code == 200, eerste.content
    tweede = client.post(pad, {**velden, "bestand": _pdf()}, headers=kop)
    assert (tweede.status_code, tweede.content, tweede["Idempotent-Replayed"]) == (
        200,
        eerste.content,
        "true",
    )
    ander = client.post(pad, {**velden, "bestand": _pdf(PDF + b"\n%extra")}, headers=kop)
    assert (ander.status_code, ander.json()["type"]) == (
        422,
        "urn:politiebijstand:probleem:idempotency-key-hergebruikt",
    )
    assert Document.objects.filter(verzoek=verzoek, extern=True).count() == 1
    assert Besluit.objects.filter(verzoek=verzoek).count() == 1
