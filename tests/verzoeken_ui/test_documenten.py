"""The request's documents on its page, downloaded within need-to-know, audited (issue #10)."""

from __future__ import annotations

import hashlib

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.documenten.models import Document
from politiebijstand.verzoeken.demo import formulier_voorbeeld
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from politiebijstand.verzoeken.services import formulier
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek, open_taken, stap_uitvoeren
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def _ondertekend() -> tuple[Bijstandsverzoek, Document]:
    """A KMar request for Utrecht whose form the burgemeester of Utrecht signed."""
    verzoek = maak_verzoek()
    taak: Taak | None = None
    for _ in range(10):
        taken = open_taken(verzoek)
        taak = next((t for t in taken if formulier.is_ondertekentaak(t)), None)
        if taak is not None:
            break
        stap_uitvoeren(taken[0], None, NU)
    assert taak is not None
    door = gebruiker("GM0344", Rol.BESLUITVORMER)
    versie = formulier.formulier_opslaan(
        deelverzoek=taak.deelverzoek,
        gemeente_code="GM0344",
        gegevens=formulier_voorbeeld(taak.deelverzoek, "GM0344"),
        door=door,
        nu=NU,
    )
    formulier.formulier_ondertekenen(versie=versie, door=door, nu=NU)
    return verzoek, Document.objects.get(verzoek=verzoek)


def test_verzoekpagina_toont_het_document_en_de_download_is_het_bestand() -> None:
    verzoek, document = _ondertekend()
    client, wie = als("RCCB-MN")
    pagina = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    url = f"/verzoeken/{verzoek.uuid}/documenten/{document.uuid}/"
    assert (
        f'href="{url}" download>Aanvraagformulier — Utrecht, deel 1, versie 1 (PDF)</a>' in pagina
    )
    assert f'<code class="utrecht-code">{document.sha256[:12]}</code>' in pagina
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    inhoud_pdf = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert hashlib.sha256(inhoud_pdf).hexdigest() == document.sha256
    rij = AuditLogEntry.objects.filter(gebeurtenis="document-gedownload").get()
    assert (rij.actor_id, rij.object_id) == (wie.pk, str(document.pk))


def test_document_buiten_need_to_know_is_niet_gevonden() -> None:
    verzoek, document = _ondertekend()
    ander, _ = als("RCCB-AM")
    url = f"/verzoeken/{verzoek.uuid}/documenten/{document.uuid}/"
    assert ander.get(url).status_code == 404
    # A document uuid under another request the user may see is not found either.
    eigen = maak_verzoek()
    client, _ = als("RCCB-MN")
    assert client.get(f"/verzoeken/{eigen.uuid}/documenten/{document.uuid}/").status_code == 404
    assert not AuditLogEntry.objects.filter(gebeurtenis="document-gedownload").exists()
