"""The step page, the work queue and the API for a step recorded on behalf of DJZ (issue #10).

DJZ has no account: the LOCC, coordinator of procedure 4, records DJZ's decision with the PDF
DJZ sent (ADR 0037). The same gates hold in the pages and the API.
"""

from __future__ import annotations

import hashlib
import re
from html import escape

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.documenten.models import Document
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Besluit, Taak
from tests.verzoeken.helpers import gebruiker
from tests.verzoeken.test_namens import DJZ_NAAM, PDF, tot_besluit_djz
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

KOP = f"Antwoord van {DJZ_NAAM} vastleggen (deze partij heeft geen account)"
MOTIVERING = "Geen eenheid beschikbaar in de gevraagde periode."


def _post(taak: Taak, bestand: SimpleUploadedFile | None) -> dict[str, object]:
    data: dict[str, object] = {"uitkomst": "afgewezen", "motivering": MOTIVERING}
    if bestand is not None:
        data["bestand"] = bestand
    return data


def test_stappagina_vraagt_het_antwoord_als_pdf() -> None:
    _, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    pagina = inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    assert escape(KOP) in pagina
    assert 'enctype="multipart/form-data"' in pagina
    assert 'type="file" name="bestand" accept="application/pdf" required' in pagina
    assert "Besluit vastleggen" in pagina


def test_zonder_pdf_blijft_de_invoer_staan_en_verandert_niets() -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    response = client.post(f"/verzoeken/taken/{taak.pk}/", _post(taak, None))
    pagina = inhoud(response)
    assert response.status_code == 200
    assert "Voeg het ontvangen antwoord toe als PDF." in pagina
    assert MOTIVERING in pagina  # the typed values stay
    assert re.search(r'<input type="radio" name="uitkomst" value="afgewezen"[^>]* checked>', pagina)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert not Document.objects.filter(verzoek=verzoek, extern=True).exists()


def test_geen_pdf_geweigerd_op_het_veld_bestand() -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    bestand = SimpleUploadedFile("brief.pdf", b"GIF89a nep", content_type="application/pdf")
    pagina = inhoud(client.post(f"/verzoeken/taken/{taak.pk}/", _post(taak, bestand)))
    assert (
        'id="id_bestand_error">Ontvangen antwoord van '
        f"{DJZ_NAAM} (PDF): Het bestand is geen PDF. Alleen PDF-bestanden kunnen worden "
        "opgeslagen.</div>"
    ) in pagina
    assert MOTIVERING in pagina
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert not Besluit.objects.filter(verzoek=verzoek).exists()
    assert not Document.objects.filter(verzoek=verzoek, extern=True).exists()


def test_vastgelegd_document_in_de_lijst_en_te_downloaden_binnen_need_to_know() -> None:
    verzoek, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    bestand = SimpleUploadedFile("antwoord.pdf", PDF, content_type="application/pdf")
    response = client.post(f"/verzoeken/taken/{taak.pk}/", _post(taak, bestand))
    assert response.status_code == 302
    taak.refresh_from_db()
    assert (taak.status, (taak.gegevens or {})["namens"]) == (TaakStatus.AFGEROND, "DJZ")
    document = Document.objects.get(verzoek=verzoek, extern=True)

    rccb, _ = als("RCCB-MN")
    pagina = inhoud(rccb.get(f"/verzoeken/{verzoek.uuid}/"))
    url = f"/verzoeken/{verzoek.uuid}/documenten/{document.uuid}/"
    titel = escape(f"Antwoord van {DJZ_NAAM}: {taak.naam}")
    assert f'href="{url}" download>{titel} (PDF)</a><br>van {escape(DJZ_NAAM)}</td>' in pagina
    download = rccb.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    ontvangen = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert ontvangen == PDF
    assert hashlib.sha256(ontvangen).hexdigest() == document.sha256

    buitenstaander, _ = als("RCCB-AM")
    assert buitenstaander.get(url).status_code == 404


def test_een_ander_ziet_de_stap_niet_en_kan_niet_vastleggen() -> None:
    verzoek, taak = tot_besluit_djz()
    bestand = SimpleUploadedFile("antwoord.pdf", PDF, content_type="application/pdf")
    rccb, _ = als("RCCB-MN", Rol.BESLUITVORMER)
    assert rccb.get(f"/verzoeken/taken/{taak.pk}/").status_code == 404
    assert rccb.post(f"/verzoeken/taken/{taak.pk}/", _post(taak, bestand)).status_code == 404
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert not Document.objects.filter(verzoek=verzoek, extern=True).exists()


def test_met_een_account_van_djz_niet_meer_namens() -> None:
    _, taak = tot_besluit_djz()
    gebruiker("DJZ", Rol.BESLUITVORMER)
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    assert client.get(f"/verzoeken/taken/{taak.pk}/").status_code == 404
    assert taak.pk not in [t["id"] for t in client.get("/api/v1/werkvoorraad").json()["resultaten"]]


def test_werkvoorraad_van_de_coordinator_toont_de_stap_namens_djz() -> None:
    _, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    pagina = inhoud(client.get("/werkvoorraad/"))
    assert f'data-taak="{taak.pk}"' in pagina
    assert f'<span class="pb-label pb-namens">namens {escape(DJZ_NAAM)}</span>' in pagina
    rccb, _ = als("RCCB-MN")
    assert f'data-taak="{taak.pk}"' not in inhoud(rccb.get("/werkvoorraad/"))


def test_api_werkvoorraad_geeft_dezelfde_poorten() -> None:
    _, taak = tot_besluit_djz()
    locc, _ = als("LOCC", Rol.BESLUITVORMER)
    resultaten = locc.get("/api/v1/werkvoorraad").json()["resultaten"]
    assert [(r["id"], r["bpmn_id"], r["organisatie"]["code"], r["namens"]) for r in resultaten] == [
        (taak.pk, "taak_besluit_defensie", "DJZ", "DJZ")
    ]
    le_pob, _ = als("LE-POB")
    assert taak.pk not in [t["id"] for t in le_pob.get("/api/v1/werkvoorraad").json()["resultaten"]]
    rccb, _ = als("RCCB-MN")
    assert taak.pk not in [t["id"] for t in rccb.get("/api/v1/werkvoorraad").json()["resultaten"]]
