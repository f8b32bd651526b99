"""Recording a step on behalf of a party without an account, with its PDF (issue #10 item 4).

Procedure 4 (the armed forces, public order) for Utrecht, asked by Midden-Nederland: DJZ has
no account in these tests, so the LOCC, the coordinator, records DJZ's decision on behalf of
the Minister of Defence with the PDF DJZ sent (ADR 0037). Walked through the services.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.documenten.models import Document
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeInvoer
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, Taak
from tests.verzoeken.helpers import (
    NU,
    gebruiker,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken.test_procedures import KRIJGSMACHT, P4_ANTWOORDEN

pytestmark = pytest.mark.usefixtures("referentiedata")

DJZ_NAAM = "Directie Juridische Zaken van het Ministerie van Defensie"
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def documentenmap(settings: SettingsWrapper, tmp_path: Path) -> Path:
    """A folder of its own per test, so that the files a test stores can be counted."""
    settings.DOCUMENTEN_DIR = tmp_path / "documenten"
    return Path(settings.DOCUMENTEN_DIR)


def pdf(inhoud: bytes = PDF, naam: str = "antwoord-djz.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def tot_besluit_djz() -> tuple[Bijstandsverzoek, Taak]:
    """A procedure-4 request walked until DJZ's decision is open (no DJZ account made)."""
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT))
    for _ in range(40):
        taken = open_taken(verzoek)
        djz = next((t for t in taken if t.bpmn_id == "taak_besluit_defensie"), None)
        if djz is not None:
            return verzoek, djz
        stap_uitvoeren(taken[0], P4_ANTWOORDEN.get(taken[0].bpmn_id), NU)
    raise AssertionError("taak_besluit_defensie not reached")


def _bestanden(verzoek: Bijstandsverzoek) -> set[Path]:
    """The stored files of the request (its signed form is one)."""
    map_ = Path(settings.DOCUMENTEN_DIR) / str(verzoek.pk)
    return set(map_.iterdir()) if map_.exists() else set()


def test_coordinator_legt_besluit_van_djz_namens_vast_met_de_pdf() -> None:
    verzoek, taak = tot_besluit_djz()
    assert taak.organisatie.code == "DJZ"
    locc = gebruiker("LOCC", Rol.BESLUITVORMER)

    besluit = services.besluit_nemen(
        taak=taak, uitkomst="toegekend", motivering="", door=locc, bestand=pdf(), nu=NU
    )

    document = Document.objects.get(verzoek=verzoek, extern=True)
    sha = hashlib.sha256(PDF).hexdigest()
    assert (
        document.soort,
        document.extern,
        document.afzender,
        document.titel,
        document.sha256,
        document.grootte,
        document.aangemaakt_door_id,
    ) == (
        "extern",
        True,
        DJZ_NAAM,
        f"Antwoord van {DJZ_NAAM}: {taak.naam}",
        sha,
        len(PDF),
        locc.pk,
    )
    taak.refresh_from_db()
    assert taak.status == TaakStatus.AFGEROND
    assert taak.afgerond_door_id == locc.pk
    assert taak.gegevens == {
        "besluit_defensie": "toegekend",
        "motivering": "",
        "voorwaarden": "",
        "namens": "DJZ",
        "document": str(document.uuid),
        "sha256": sha,
    }
    assert (besluit.veld, besluit.uitkomst, besluit.organisatie.code, besluit.genomen_door_id) == (
        "besluit_defensie",
        "toegekend",
        "DJZ",
        locc.pk,
    )
    rij = AuditLogEntry.objects.filter(gebeurtenis="besluit-genomen", object_id=str(besluit.pk))
    na = rij.get().na
    assert na is not None
    assert (na["namens"], na["document"], na["sha256"]) == ("DJZ", str(document.uuid), sha)
    # DJZ's next step (informing the LOCC) is recorded on its behalf in the same way.
    informeren = next(t for t in open_taken(verzoek) if t.organisatie.code == "DJZ")
    assert informeren.bpmn_id == "taak_besluit_defensie_informeren"
    services.taak_afronden(
        taak=informeren, data={}, door=locc, bestand=pdf(b"%PDF-1.4\nbrief\n%%EOF"), nu=NU
    )
    informeren.refresh_from_db()
    tweede = Document.objects.exclude(pk=document.pk).get(verzoek=verzoek, extern=True)
    assert (tweede.versie, informeren.gegevens) == (
        2,
        {
            "namens": "DJZ",
            "document": str(tweede.uuid),
            "sha256": hashlib.sha256(b"%PDF-1.4\nbrief\n%%EOF").hexdigest(),
        },
    )
    afgerond = AuditLogEntry.objects.filter(
        gebeurtenis="taak-afgerond", object_id=str(informeren.pk)
    )
    assert (afgerond.get().na or {})["namens"] == "DJZ"
    assert [t.organisatie.code for t in open_taken(verzoek)] == ["LOCC"]


def _niets_gewijzigd(verzoek: Bijstandsverzoek, taak: Taak) -> None:
    """The step is open, no decision, no external document, and no file without its row.

    The files are the signed form and the LOCC's letter to Defence (ADR 0036).
    """
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert taak.gegevens is None
    assert not Besluit.objects.filter(verzoek=verzoek).exists()
    assert not Document.objects.filter(verzoek=verzoek, extern=True).exists()
    documenten = Document.objects.filter(verzoek=verzoek).order_by("soort")
    assert [d.soort for d in documenten] == ["aanvraagformulier", "verzoek_defensie"]
    assert _bestanden(verzoek) == {Path(settings.DOCUMENTEN_DIR) / d.bestand for d in documenten}


def test_zonder_pdf_geweigerd_op_veld_bestand_en_niets_gewijzigd() -> None:
    verzoek, taak = tot_besluit_djz()
    locc = gebruiker("LOCC", Rol.BESLUITVORMER)
    with pytest.raises(OngeldigeInvoer) as fout:
        services.besluit_nemen(taak=taak, uitkomst="toegekend", motivering="", door=locc, nu=NU)
    assert (fout.value.veld, fout.value.code) == ("bestand", "bestand-verplicht")
    _niets_gewijzigd(verzoek, taak)


@pytest.mark.parametrize(
    ("bestand", "code"),
    [
        (pdf(b"PK\x03\x04 een docx", "antwoord.docx"), "bestand-geen-pdf"),
        (pdf(b"<html>%PDF-1.4</html>", "antwoord.pdf"), "bestand-geen-pdf"),
        (pdf(b"", "leeg.pdf"), "bestand-leeg"),
    ],
)
def test_geen_pdf_geweigerd_en_niets_opgeslagen(bestand: SimpleUploadedFile, code: str) -> None:
    verzoek, taak = tot_besluit_djz()
    locc = gebruiker("LOCC", Rol.BESLUITVORMER)
    with pytest.raises(OngeldigeInvoer) as fout:
        services.besluit_nemen(
            taak=taak, uitkomst="toegekend", motivering="", door=locc, bestand=bestand, nu=NU
        )
    assert (fout.value.veld, fout.value.code) == ("bestand", code)
    _niets_gewijzigd(verzoek, taak)


def test_te_groot_geweigerd(settings: SettingsWrapper) -> None:
    verzoek, taak = tot_besluit_djz()
    settings.DOCUMENT_MAX_BYTES = 32
    with pytest.raises(OngeldigeInvoer) as fout:
        services.besluit_nemen(
            taak=taak,
            uitkomst="toegekend",
            motivering="",
            door=gebruiker("LOCC", Rol.BESLUITVORMER),
            bestand=pdf(),
            nu=NU,
        )
    assert (fout.value.veld, fout.value.code) == ("bestand", "bestand-te-groot")
    _niets_gewijzigd(verzoek, taak)


@pytest.mark.parametrize(
    ("code", "rol"),
    [
        ("RCCB-MN", Rol.BESLUITVORMER),  # the requester: not the coordinator of procedure 4
        ("LE-POB", Rol.BESLUITVORMER),  # takes part, coordinates 1 and 6, not 4
        ("DOC", Rol.BESLUITVORMER),  # another party (now with an account of its own)
        ("LOCC", Rol.MEDEWERKER),  # the coordinator, but a decision needs a besluitvormer
    ],
)
def test_een_ander_kan_niet_namens_vastleggen(code: str, rol: str) -> None:
    verzoek, taak = tot_besluit_djz()
    with pytest.raises(GeenToegang):
        services.besluit_nemen(
            taak=taak,
            uitkomst="toegekend",
            motivering="",
            door=gebruiker(code, rol),
            bestand=pdf(),
            nu=NU,
        )
    _niets_gewijzigd(verzoek, taak)


def test_met_een_actief_account_van_djz_kan_het_locc_niet() -> None:
    verzoek, taak = tot_besluit_djz()
    djz = gebruiker("DJZ", Rol.BESLUITVORMER)
    locc = gebruiker("LOCC", Rol.BESLUITVORMER)
    with pytest.raises(GeenToegang) as fout:
        services.besluit_nemen(
            taak=taak, uitkomst="toegekend", motivering="", door=locc, bestand=pdf(), nu=NU
        )
    assert fout.value.message == "Deze taak hoort niet bij uw organisatie."
    _niets_gewijzigd(verzoek, taak)
    # DJZ does its own step, without a PDF; a PDF there is refused (it is not on behalf).
    with pytest.raises(OngeldigeInvoer) as bijlage:
        services.besluit_nemen(
            taak=taak, uitkomst="toegekend", motivering="", door=djz, bestand=pdf(), nu=NU
        )
    assert (bijlage.value.veld, bijlage.value.code) == ("bestand", "bestand-niet-namens")
    services.besluit_nemen(taak=taak, uitkomst="toegekend", motivering="", door=djz, nu=NU)
    taak.refresh_from_db()
    assert "namens" not in (taak.gegevens or {})
    # A deactivated account no longer counts: the LOCC records DJZ's next step again.
    djz.is_active = False
    djz.save(update_fields=["is_active"])
    informeren = next(t for t in open_taken(verzoek) if t.organisatie.code == "DJZ")
    services.taak_afronden(taak=informeren, data={}, door=locc, bestand=pdf(), nu=NU)
    informeren.refresh_from_db()
    assert informeren.gegevens is not None and informeren.gegevens["namens"] == "DJZ"


def test_oppakken_namens_mag_de_coordinator_en_een_ander_niet() -> None:
    _, taak = tot_besluit_djz()
    locc = gebruiker("LOCC", Rol.BESLUITVORMER)
    services.taak_oppakken(taak=taak, door=locc, nu=NU)
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == (TaakStatus.OPGEPAKT, locc.pk)
    with pytest.raises(GeenToegang):
        services.taak_oppakken(taak=taak, door=gebruiker("RCCB-MN"), nu=NU)
