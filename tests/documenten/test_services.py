"""The document store and documents from outside (issue #10 items 3 and 4, ADR 0032)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.models import Document, DocumentOnveranderlijk
from politiebijstand.documenten.renderen import document_renderen, sjabloon_versie
from politiebijstand.documenten.services import (
    document_opslaan,
    document_pad,
    extern_document_opslaan,
)
from politiebijstand.verzoeken.models import Bijstandsverzoek
from tests.documenten import voorbeelden
from tests.verzoeken.helpers import gebruiker, maak_verzoek

pytestmark = pytest.mark.usefixtures("referentiedata")

#: A minimal PDF as a mail program may pass it on (trailing newline after %%EOF).
KLEINE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
#: The first bytes of a PNG image.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _opslaan(verzoek: Bijstandsverzoek, sleutel: str = "GM0344") -> Document:
    pdf = document_renderen(voorbeelden.aanvraagformulier())
    return document_opslaan(
        verzoek=verzoek,
        soort=Soort.AANVRAAGFORMULIER,
        inhoud=pdf,
        titel="Aanvraagformulier Utrecht",
        door=gebruiker("RCCB-MN"),
        sleutel=sleutel,
        sjabloon_versie=sjabloon_versie("aanvraagformulier"),
    )


def test_document_opslaan_schrijft_bestand_rij_en_auditregel() -> None:
    verzoek = maak_verzoek()
    pdf = document_renderen(voorbeelden.aanvraagformulier())
    document = _opslaan(verzoek)
    pad = document_pad(document)
    assert pad.read_bytes() == pdf
    assert pad.is_relative_to(Path(settings.DOCUMENTEN_DIR))
    assert document.bestand == f"{verzoek.pk}/{document.uuid}.pdf"
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.grootte == len(pdf)
    assert document.versie == 1
    assert document.sjabloon_versie == sjabloon_versie("aanvraagformulier")
    assert document.extern is False
    assert list(pad.parent.iterdir()) == [pad]  # no temporary file left behind
    entry = AuditLogEntry.objects.order_by("-volgnummer").first()
    assert entry is not None
    assert entry.gebeurtenis == "document-aangemaakt"
    assert (entry.object_type, entry.object_id) == ("documenten.document", str(document.pk))
    assert entry.na is not None
    assert entry.na["sha256"] == document.sha256
    assert entry.na["versie"] == 1


def test_versies_tellen_per_verzoek_soort_en_sleutel() -> None:
    verzoek = maak_verzoek()
    eerste = _opslaan(verzoek)
    tweede = _opslaan(verzoek)
    andere_gemeente = _opslaan(verzoek, sleutel="GM0307")
    assert (eerste.versie, tweede.versie, andere_gemeente.versie) == (1, 2, 1)
    assert document_pad(eerste).read_bytes() == document_pad(tweede).read_bytes()
    assert eerste.bestand != tweede.bestand


def test_opgeslagen_document_wijzigen_wordt_geweigerd() -> None:
    document = _opslaan(maak_verzoek())
    document.titel = "Anders"
    with pytest.raises(DocumentOnveranderlijk):
        document.save()
    with pytest.raises(DocumentOnveranderlijk):
        Document.objects.filter(pk=document.pk).update(titel="Anders")
    with pytest.raises(DocumentOnveranderlijk):
        document.delete()
    with pytest.raises(DocumentOnveranderlijk):
        Document.objects.filter(pk=document.pk).delete()
    assert Document.objects.get(pk=document.pk).titel == "Aanvraagformulier Utrecht"


def test_bij_terugdraaien_van_de_transactie_blijft_geen_rij_over() -> None:
    verzoek = maak_verzoek()
    aantal_audit = AuditLogEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        _opslaan(verzoek)
        raise RuntimeError("stap mislukt")
    assert Document.objects.count() == 0
    assert AuditLogEntry.objects.count() == aantal_audit


def _upload(inhoud: bytes, naam: str = "antwoord.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def test_extern_document_opslaan_bewaart_pdf_met_afzender_en_sha256() -> None:
    verzoek = maak_verzoek()
    door = gebruiker("LOCC")
    document = extern_document_opslaan(
        verzoek=verzoek, bestand=_upload(KLEINE_PDF), afzender=" DJZ Defensie ", door=door
    )
    assert document.extern is True
    assert document.soort == "extern"
    assert document.afzender == "DJZ Defensie"
    assert document.titel == "Document van DJZ Defensie"
    assert document.sha256 == hashlib.sha256(KLEINE_PDF).hexdigest()
    assert document.grootte == len(KLEINE_PDF)
    assert document.sjabloon_versie == ""
    assert document_pad(document).read_bytes() == KLEINE_PDF


def _fout(inhoud: bytes, naam: str = "antwoord.pdf", afzender: str = "DOC") -> dict[str, list[str]]:
    verzoek = maak_verzoek()
    with pytest.raises(ValidationError) as info:
        extern_document_opslaan(
            verzoek=verzoek,
            bestand=_upload(inhoud, naam),
            afzender=afzender,
            door=gebruiker("LOCC"),
        )
    assert Document.objects.count() == 0
    return {veld: [f.code or "" for f in fouten] for veld, fouten in info.value.error_dict.items()}


def test_hernoemde_png_wordt_geweigerd() -> None:
    assert _fout(PNG, naam="foto.pdf") == {"bestand": ["bestand-geen-pdf"]}


def test_pdf_zonder_eof_wordt_geweigerd() -> None:
    assert _fout(b"%PDF-1.4\n" + b"x" * 2000) == {"bestand": ["bestand-geen-pdf"]}


def test_leeg_bestand_wordt_geweigerd() -> None:
    assert _fout(b"") == {"bestand": ["bestand-leeg"]}


def test_te_groot_bestand_wordt_geweigerd(settings: SettingsWrapper) -> None:
    settings.DOCUMENT_MAX_BYTES = len(KLEINE_PDF) - 1
    assert _fout(KLEINE_PDF) == {"bestand": ["bestand-te-groot"]}


def test_bestand_van_precies_de_grens_wordt_aangenomen(settings: SettingsWrapper) -> None:
    settings.DOCUMENT_MAX_BYTES = len(KLEINE_PDF)
    document = extern_document_opslaan(
        verzoek=maak_verzoek(), bestand=_upload(KLEINE_PDF), afzender="DOC", door=gebruiker("LOCC")
    )
    assert document.grootte == len(KLEINE_PDF)


def test_foutmelding_noemt_het_veld_in_het_nederlands() -> None:
    verzoek = maak_verzoek()
    with pytest.raises(ValidationError) as info:
        extern_document_opslaan(
            verzoek=verzoek, bestand=_upload(PNG), afzender="DOC", door=gebruiker("LOCC")
        )
    assert info.value.message_dict == {
        "bestand": ["Het bestand is geen PDF. Alleen PDF-bestanden kunnen worden opgeslagen."]
    }


def test_extern_document_zonder_afzender_wordt_geweigerd() -> None:
    assert _fout(KLEINE_PDF, afzender="  ") == {"afzender": ["afzender-ontbreekt"]}


def test_standaard_maximum_is_10_mib() -> None:
    from politiebijstand.conf import base

    assert base.DOCUMENT_MAX_BYTES == 10 * 1024 * 1024
