"""After a step: the next step of the same request for the user, or the work queue (#8).

And the request page names the 24/7 number of whoever must act next.
"""

from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages

import pytest

from politiebijstand.verzoeken.constants import TaakStatus
from tests.verzoeken.helpers import NU, maak_verzoek, open_taken, situatie, stap_uitvoeren
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def _meldingen(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_na_een_stap_naar_de_volgende_stap_van_hetzelfde_verzoek() -> None:
    verzoek = maak_verzoek()
    maak_verzoek()  # another request of the same RCCB: its task is not the next one
    client, _ = als("RCCB-MN")
    (eerste,) = open_taken(verzoek)
    assert eerste.bpmn_id == "taak_vooroverleg_ccb_kmar"
    response = client.post(
        f"/verzoeken/taken/{eerste.pk}/", {"actie": "afronden", "verslag": "Gebeld."}
    )
    (volgende,) = open_taken(verzoek)
    assert volgende.bpmn_id == "taak_vooroverleg_locc"
    assert response.status_code == 302
    assert response["Location"] == f"/verzoeken/taken/{volgende.pk}/"
    assert _meldingen(response) == [
        f"Stap 'Lokaal operationeel vooroverleg met CCB-KMar' van {verzoek.kenmerk} is "
        "afgerond. Dit is de volgende stap van dit verzoek voor u."
    ]


def test_zonder_eigen_volgende_stap_terug_naar_de_werkvoorraad_met_melding() -> None:
    verzoek = maak_verzoek()
    for _ in range(4):  # up to the RCCB's last step: sending the form to the LOCC
        (taak,) = open_taken(verzoek)
        stap_uitvoeren(taak, None, NU)
    (taak,) = open_taken(verzoek)
    assert (taak.bpmn_id, taak.organisatie.code) == ("taak_aanvraagformulier_verzenden", "RCCB-MN")
    client, _ = als("RCCB-MN")
    response = client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "verslag": "Ok"})
    assert response.status_code == 302
    assert response["Location"] == "/werkvoorraad/"
    assert _meldingen(response) == [
        f"Stap '{taak.naam}' van {verzoek.kenmerk} is afgerond. Er is geen volgende stap van "
        "dit verzoek voor u; hier is uw werkvoorraad."
    ]
    assert [t.organisatie.code for t in open_taken(verzoek)] == ["LOCC"]


def test_een_stap_die_een_collega_oppakte_is_niet_de_volgende() -> None:
    # Two parts (KMar, procedure 3; another unit, procedure 1): the RCCB has two open steps.
    verzoek = maak_verzoek(situatie(gevraagd=[{"leverancier": "kmar"}, {"leverancier": "politie"}]))
    kmar, le_pob = open_taken(verzoek)
    assert [t.bpmn_id for t in (kmar, le_pob)] == [
        "taak_vooroverleg_ccb_kmar",
        "taak_contact_le_pob",
    ]
    collega, _ = als("RCCB-MN")
    collega.post(f"/werkvoorraad/taken/{le_pob.pk}/oppakken/")
    client, _ = als("RCCB-MN")
    response = client.post(f"/verzoeken/taken/{kmar.pk}/", {"actie": "afronden", "verslag": "Ok"})
    volgende = next(t for t in open_taken(verzoek) if t.bpmn_id == "taak_vooroverleg_locc")
    assert response["Location"] == f"/verzoeken/taken/{volgende.pk}/"
    le_pob.refresh_from_db()
    assert le_pob.status == TaakStatus.OPGEPAKT


def test_verzoekpagina_toont_het_24_7_nummer_van_wie_aan_zet_is() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "Wie nu aan zet is, met het 24/7-nummer:" in html
    assert (
        "<strong>Afdeling Conflict- en Crisisbeheersing, Midden-Nederland</strong>: "
        "geen 24/7-nummer bekend</li>"
    ) in html
    for _ in range(5):  # to the LOCC: it has a 24/7 number
        (taak,) = open_taken(verzoek)
        stap_uitvoeren(taak, None, NU)
    assert [t.organisatie.code for t in open_taken(verzoek)] == ["LOCC"]
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert (
        "<strong>Landelijk Operationeel Coördinatiecentrum</strong>: 24/7 "
        '<a class="utrecht-link utrecht-link--telephone pb-nummer" href="tel:0886628048">'
        "088 - 662 80 48</a>"
    ) in html
    assert "geen 24/7-nummer bekend" not in html


def test_locc_van_formulier_tot_verzoek_aan_defensie_in_vijf_keer_afronden() -> None:
    """Issue #10, item 3: the request to Defence with its copy to the DOC is one action.

    From the form sent by the RCCB, the LOCC opens its first step from the work queue and then
    clicks 'afronden' five times, each time landing on its next step; the fifth sends the
    request to DJZ and DOPS-KMar with the copy to the DOC (was seven steps, ADR 0035).
    """
    verzoek = maak_verzoek()
    while [t.organisatie.code for t in open_taken(verzoek)] != ["LOCC"]:
        for taak in open_taken(verzoek):
            stap_uitvoeren(taak, None, NU)
    client, _ = als("LOCC")
    (taak,) = open_taken(verzoek)
    stappen = []
    for _ in range(10):  # the LOCC steps up to the request to Defence; then none is left
        stappen.append(taak.bpmn_id)
        response = client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden"})
        assert response.status_code == 302
        volgende = [t for t in open_taken(verzoek) if t.organisatie.code == "LOCC"]
        if not volgende:
            assert response["Location"] == "/werkvoorraad/"
            break
        (taak,) = volgende
        assert response["Location"] == f"/verzoeken/taken/{taak.pk}/"
    assert stappen == [
        "taak_aanvraag_verwerken",
        "taak_aanvraag_toetsen",
        "taak_korpschef_informeren",
        "taak_vooroverleg_dops_kmar",
        "taak_verzoek_defensie",
    ]
    assert {t.organisatie.code for t in open_taken(verzoek)} == {"DJZ", "C-KMAR"}
