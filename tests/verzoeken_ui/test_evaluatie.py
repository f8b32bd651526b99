"""The evaluation page and its PDF: need-to-know, audited, stored as a document (#11 item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.services import document_pad
from tests.documenten.pdf import tekst
from tests.verzoeken.helpers import maak_verzoek
from tests.verzoeken.test_evaluatie import afgeronde_inzet
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


@pytest.fixture(autouse=True)
def documentenmap(settings: SettingsWrapper, tmp_path: Path) -> Path:
    settings.DOCUMENTEN_DIR = tmp_path / "documenten"
    return Path(settings.DOCUMENTEN_DIR)


def test_evaluatiepagina_voor_deelnemer_geaudit_en_404_voor_buitenstaander() -> None:
    verzoek = afgeronde_inzet()
    client, wie = als("RCCB-MN")
    url = f"/verzoeken/{verzoek.uuid}/evaluatie/"
    detail = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert f'href="{url}">Evaluatie</a>' in detail
    response = client.get(url)
    assert response.status_code == 200
    pagina = inhoud(response)
    assert f"Evaluatie: {verzoek.kenmerk}: Versterking openbare orde Utrecht" in pagina
    assert '<p class="utrecht-paragraph pb-kosten">Kosten: niet vastgelegd</p>' in pagina
    assert (
        '<td class="utrecht-table__cell">ME-peloton</td><td class="utrecht-table__cell">4</td>'
        '<td class="utrecht-table__cell">4</td><td class="utrecht-table__cell">4</td>'
        '<td class="utrecht-table__cell">4 pelotons</td>'
    ) in pagina
    assert pagina.count('<td class="utrecht-table__cell" data-uren>0,08</td>') == 15
    assert pagina.count('<td class="utrecht-table__cell" data-uren>1,08</td>') == 1
    assert "Evaluatie als PDF opslaan" in pagina
    assert (
        'Deel 1: inzet gestart op <time datetime="2026-03-04T10:00:00+01:00">04-03-2026 10:00'
        '</time>, beëindigd op <time datetime="2026-03-04T17:00:00+01:00">04-03-2026 17:00'
        "</time>." in pagina
    )
    rij = AuditLogEntry.objects.filter(gebeurtenis="evaluatie-bekeken").get()
    assert (rij.actor_id, rij.object_id, rij.na) == (
        wie.pk,
        str(verzoek.pk),
        {"kenmerk": verzoek.kenmerk},
    )
    buiten, _ = als("RCCB-AM")
    assert buiten.get(url).status_code == 404
    assert buiten.post(f"{url}pdf/").status_code == 404
    assert AuditLogEntry.objects.filter(gebeurtenis="evaluatie-bekeken").count() == 1
    assert not Document.objects.filter(verzoek=verzoek, soort="evaluatie").exists()


def test_evaluatie_link_pas_na_einde_inzet_de_pagina_werkt_altijd() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    url = f"/verzoeken/{verzoek.uuid}/evaluatie/"
    assert f'href="{url}"' not in inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    pagina = inhoud(client.get(url))
    assert "Nog geen besluit." in pagina
    assert "Nog geen stappen afgerond." in pagina


def test_evaluatie_als_pdf_opslaan_nieuwe_versie_in_documenten() -> None:
    verzoek = afgeronde_inzet()
    client, wie = als("GM0344")
    url = f"/verzoeken/{verzoek.uuid}/evaluatie/pdf/"
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/verzoeken/{verzoek.uuid}/#documenten"
    client.post(url)
    documenten = list(Document.objects.filter(verzoek=verzoek, soort="evaluatie"))
    assert [(d.versie, d.titel, d.aangemaakt_door_id) for d in documenten] == [
        (1, f"Evaluatie {verzoek.kenmerk}", wie.pk),
        (2, f"Evaluatie {verzoek.kenmerk}", wie.pk),
    ]
    detail = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    download = f"/verzoeken/{verzoek.uuid}/documenten/{documenten[1].uuid}/"
    assert f'href="{download}" download>Evaluatie {verzoek.kenmerk} (PDF)</a>' in detail
    pdf = b"".join(client.get(download).streaming_content)  # type: ignore[attr-defined]
    assert pdf == document_pad(documenten[1]).read_bytes()
    assert "Kosten: niet vastgelegd" in " ".join(tekst(pdf).split())
