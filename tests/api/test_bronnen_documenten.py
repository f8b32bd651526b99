"""``GET /api/v1/documenten``, ``/documenten/{uuid}`` and ``/documenten/{uuid}/inhoud`` (#12).

Documents received from outside (small PDFs, no rendering): two of the Midden-Nederland
request, one of the Amsterdam request. The PDF is served as the page serves it: checked
against its sha256 and the download logged (`documenten.views.document_response`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.documenten.models import Document
from politiebijstand.documenten.services import document_pad, extern_document_opslaan
from politiebijstand.verzoeken.models import Bijstandsverzoek
from tests.api.bronnen import PROBLEM, bekeken, json_met_etag, niet_gevonden, ongeldig
from tests.verzoeken.helpers import gebruiker, maak_verzoek, maak_verzoek_amsterdam
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

KLEINE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def documentenmap(settings: SettingsWrapper, tmp_path: Path) -> Path:
    settings.DOCUMENTEN_DIR = tmp_path / "documenten"
    return Path(settings.DOCUMENTEN_DIR)


def _extern(verzoek: Bijstandsverzoek, afzender: str, inhoud: bytes = KLEINE_PDF) -> Document:
    bestand = SimpleUploadedFile("antwoord.pdf", inhoud, content_type="application/pdf")
    return extern_document_opslaan(
        verzoek=verzoek, bestand=bestand, afzender=afzender, door=gebruiker("LOCC")
    )


def _item(document: Document, verzoek: Bijstandsverzoek, titel: str) -> dict[str, Any]:
    return {
        "uuid": str(document.uuid),
        "verzoek": {"uuid": str(verzoek.uuid), "kenmerk": verzoek.kenmerk, "titel": titel},
        "soort": "extern",
        "sleutel": document.sleutel,
        "titel": document.titel,
        "versie": document.versie,
        "bestandsnaam": document.bestandsnaam,
        "sha256": hashlib.sha256(KLEINE_PDF).hexdigest(),
        "grootte": 45,
        "extern": True,
        "afzender": document.afzender,
        "ondertekend_namens": "",
        "ondertekend_op": None,
        "aangemaakt_op": timezone.localtime(document.aangemaakt_op).isoformat(),
        "inhoud": f"/api/v1/documenten/{document.uuid}/inhoud",
    }


@pytest.fixture
def documenten() -> tuple[Bijstandsverzoek, Document, Document, Document]:
    mn = maak_verzoek()
    djz = _extern(mn, "DJZ Defensie")
    doc = _extern(mn, "DOC")
    am = _extern(maak_verzoek_amsterdam(), "DJZ Defensie")
    return mn, djz, doc, am


def _uuids(client: Client, **query: str) -> list[str]:
    body = json_met_etag(client.get("/api/v1/documenten", query))
    return [d["uuid"] for d in body["resultaten"]]


def test_lijst_exact_van_de_eigen_verzoeken_nieuwste_eerst(
    documenten: tuple[Bijstandsverzoek, Document, Document, Document],
) -> None:
    mn, djz, doc, _ = documenten
    assert (djz.sleutel, djz.titel, djz.versie, djz.bestandsnaam) == (
        "DJZ Defensie",
        "Document van DJZ Defensie",
        1,
        "extern-DJZ_Defensie-v1.pdf",
    )
    client, _ = als("RCCB-MN")
    titel = "Versterking openbare orde Utrecht"
    assert json_met_etag(client.get("/api/v1/documenten")) == {
        "aantal": 2,
        "volgende": None,
        "vorige": None,
        "resultaten": [_item(doc, mn, titel), _item(djz, mn, titel)],
    }
    assert bekeken() == []


def test_filters_en_volgorde(
    documenten: tuple[Bijstandsverzoek, Document, Document, Document],
) -> None:
    mn, djz, doc, am = documenten
    locc, _ = als("LOCC")  # takes part in both requests (procedure 3)
    assert _uuids(locc) == [str(am.uuid), str(doc.uuid), str(djz.uuid)]
    assert _uuids(locc, sorteer="aangemaakt_op") == [str(djz.uuid), str(doc.uuid), str(am.uuid)]
    # By title: "Document van DJZ Defensie" (twice: Amsterdam's is newer) before "... DOC".
    assert _uuids(locc, sorteer="titel") == [str(djz.uuid), str(am.uuid), str(doc.uuid)]
    assert _uuids(locc, sorteer="-titel") == [str(doc.uuid), str(am.uuid), str(djz.uuid)]
    assert _uuids(locc, verzoek=str(mn.uuid)) == [str(doc.uuid), str(djz.uuid)]
    assert _uuids(locc, soort="extern", verzoek=str(mn.uuid)) == [str(doc.uuid), str(djz.uuid)]
    assert _uuids(locc, soort="besluit") == []
    rccb_am, _ = als("RCCB-AM")
    assert _uuids(rccb_am) == [str(am.uuid)]
    assert _uuids(rccb_am, verzoek=str(mn.uuid)) == []
    ongeldig(
        locc.get("/api/v1/documenten", {"soort": "brief"}),
        "soort",
        "'brief' is geen geldige waarde; kies uit: aanvraagformulier, verzoek_defensie, besluit, "
        "afwijzing_korpschef, beroep, aanwijzing_minister, evaluatie, extern.",
    )


def test_een_document_exact_gelogd_en_404_buiten_scope(
    documenten: tuple[Bijstandsverzoek, Document, Document, Document],
) -> None:
    mn, djz, _, _ = documenten
    client, wie = als("RCCB-MN")
    body = json_met_etag(client.get(f"/api/v1/documenten/{djz.uuid}"))
    assert body == _item(djz, mn, "Versterking openbare orde Utrecht")
    assert bekeken() == [
        (wie.username, str(mn.pk), {"kenmerk": mn.kenmerk, "via": "api/documenten"})
    ]
    rccb_am, _ = als("RCCB-AM")
    niet_gevonden(rccb_am.get(f"/api/v1/documenten/{djz.uuid}"))
    niet_gevonden(rccb_am.get(f"/api/v1/documenten/{djz.uuid}/inhoud"))
    niet_gevonden(client.get("/api/v1/documenten/00000000-0000-4000-8000-000000000000"))
    assert len(bekeken()) == 1
    assert bekeken("document-gedownload") == []


def test_inhoud_is_het_pdf_met_koppen_etag_en_auditregel(
    documenten: tuple[Bijstandsverzoek, Document, Document, Document],
) -> None:
    mn, djz, _, _ = documenten
    client, wie = als("RCCB-MN")
    # Whatever the client accepts, the answer is the PDF.
    pad = f"/api/v1/documenten/{djz.uuid}/inhoud"
    response: Any = client.get(pad, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == KLEINE_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{djz.bestandsnaam}"'
    assert response["Content-Length"] == "45"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{hashlib.sha256(KLEINE_PDF).hexdigest()}"'
    assert bekeken("document-gedownload") == [
        (
            wie.username,
            str(djz.pk),
            {
                "verzoek": str(mn.pk),
                "titel": "Document van DJZ Defensie",
                "versie": 1,
                "sha256": djz.sha256,
            },
        )
    ]


def test_gewijzigd_bestand_wordt_niet_geleverd_en_niet_gelogd(
    documenten: tuple[Bijstandsverzoek, Document, Document, Document],
) -> None:
    _, djz, _, _ = documenten
    document_pad(djz).write_bytes(KLEINE_PDF.replace(b"1.4", b"1.5"))
    client, _ = als("RCCB-MN")
    response = client.get(f"/api/v1/documenten/{djz.uuid}/inhoud")
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:document-beschadigd",
        "title": "Document beschadigd",
        "status": 500,
        "detail": (
            "Het bestand van dit document ontbreekt of komt niet overeen met de vastgelegde "
            "sha256; meld dit aan de beheerder."
        ),
    }
    assert not response.has_header("ETag")
    assert bekeken("document-gedownload") == []


def _queries(client: Client, pad: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(pad).status_code == 200
    return len(queries)


def test_de_lijst_kost_evenveel_queries_bij_meer_documenten(
    documenten: tuple[Bijstandsverzoek, Document, Document, Document],
) -> None:
    mn = documenten[0]
    locc, _ = als("LOCC")
    _queries(locc, "/api/v1/documenten")  # the session's first request does more
    voor = _queries(locc, "/api/v1/documenten")
    _extern(mn, "C-KMAR")
    _extern(maak_verzoek_amsterdam(), "DOC")
    assert _queries(locc, "/api/v1/documenten") == voor
