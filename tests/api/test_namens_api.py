"""``POST /api/v1/taken/<id>``: the same gates as the step page for a step on behalf (#10).

DJZ has no account: the LOCC, coordinator of procedure 4, records DJZ's decision with the PDF
DJZ sent, as multipart (issue #10 item 4; ADR 0037). Without it, or with a file that is not a
PDF, the answer is a problem+json naming the field ``bestand`` and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

import pytest
import yaml

from politiebijstand.accounts.constants import Rol
from politiebijstand.documenten.models import Document
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, Taak
from tests.verzoeken.test_namens import PDF, tot_besluit_djz
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"


def _pdf(inhoud: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile("antwoord.pdf", inhoud, content_type="application/pdf")


def _post(client: Client, taak: Taak, **extra: Any) -> Any:
    """Multipart, as Django's test client sends a dict with a file."""
    return client.post(
        f"/api/v1/taken/{taak.pk}", {"uitkomst": "toegekend", "motivering": "", **extra}
    )


def _ongewijzigd(verzoek: Bijstandsverzoek, taak: Taak) -> None:
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert not Besluit.objects.filter(verzoek=verzoek).exists()
    assert not Document.objects.filter(verzoek=verzoek, extern=True).exists()


def test_coordinator_legt_besluit_namens_djz_vast_als_multipart() -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    response = _post(client, taak, bestand=_pdf())
    assert response.status_code == 200, response.content
    document = Document.objects.get(verzoek=verzoek, extern=True)
    assert response.json() == {
        "id": taak.pk,
        "bpmn_id": "taak_besluit_defensie",
        "status": "afgerond",
        "gegevens": {
            "besluit_defensie": "toegekend",
            "motivering": "",
            "voorwaarden": "",
            "namens": "DJZ",
            "document": str(document.uuid),
            "sha256": document.sha256,
        },
        "namens": "DJZ",
    }


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
        f"/api/v1/taken/{taak.pk}",
        {"uitkomst": "toegekend", "motivering": ""},
        content_type="application/json",
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
    pad = yaml.safe_load(bestand.read_text(encoding="utf-8"))["paths"]["/taken/{id}"]
    assert list(pad) == ["post"]
    assert pad["post"]["operationId"] == "taak_afronden"
    assert sorted(pad["post"]["requestBody"]["content"]) == [
        "application/json",
        "multipart/form-data",
    ]
    assert sorted(pad["post"]["responses"]) == [
        *("200", "400", "401", "403", "404", "406", "409", "413")
    ]
