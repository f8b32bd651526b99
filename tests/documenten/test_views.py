"""Serving a stored document: attachment, nosniff, audited, checked against its sha256."""

from __future__ import annotations

import hashlib

import pytest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.services import document_opslaan, document_pad
from politiebijstand.documenten.views import DocumentBeschadigd, document_response
from tests.verzoeken.helpers import gebruiker, maak_verzoek

pytestmark = pytest.mark.usefixtures("referentiedata")

PDF = b"%PDF-1.7\n% besluit\n%%EOF\n"


def _document() -> Document:
    return document_opslaan(
        verzoek=maak_verzoek(),
        soort=Soort.BESLUIT,
        inhoud=PDF,
        titel="Besluit",
        door=gebruiker("LOCC"),
        sleutel="GM0344",
    )


def test_download_is_pdf_bijlage_met_nosniff_en_auditregel() -> None:
    document = _document()
    lezer = gebruiker("RCCB-MN")
    response = document_response(document, lezer)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="besluit-GM0344-v1.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF  # type: ignore[arg-type]
    entry = AuditLogEntry.objects.order_by("-volgnummer").first()
    assert entry is not None
    assert entry.gebeurtenis == "document-gedownload"
    assert entry.actor_id == lezer.pk
    assert (entry.object_type, entry.object_id) == ("documenten.document", str(document.pk))
    assert entry.na == {
        "verzoek": str(document.verzoek_id),
        "titel": "Besluit",
        "versie": 1,
        "sha256": hashlib.sha256(PDF).hexdigest(),
    }


def test_gewijzigd_bestand_wordt_niet_geserveerd_en_niet_gelogd() -> None:
    document = _document()
    document_pad(document).write_bytes(PDF + b"extra")
    aantal = AuditLogEntry.objects.count()
    with pytest.raises(DocumentBeschadigd, match="gewijzigd"):
        document_response(document, gebruiker("RCCB-MN"))
    assert AuditLogEntry.objects.count() == aantal


def test_ontbrekend_bestand_wordt_gemeld() -> None:
    document = _document()
    document_pad(document).unlink()
    with pytest.raises(DocumentBeschadigd, match="ontbreekt"):
        document_response(document, gebruiker("RCCB-MN"))
