"""The request forms' errors read as sentences: label, then message (defect 12)."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest

from tests.verzoeken.helpers import NU, maak_verzoek, open_taken, situatie, stap_uitvoeren
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def test_vraaglabel_krijgt_geen_dubbelepunt() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=[{"leverancier": "politie"}]))
    client, _ = als("RCCB-MN")
    (taak,) = open_taken(verzoek)
    body = html.unescape(inhoud(client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden"})))
    assert "?: " not in body


def test_zienswijzetaak_legt_het_begrip_uit() -> None:
    verzoek = maak_verzoek(
        situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}]),
        bevoegd_gezag="GM0345",
    )
    nu = NU
    for _ in range(10):  # the steps of procedure 1 before the zienswijze
        zienswijze = [t for t in open_taken(verzoek) if "zienswijze" in t.bpmn_id]
        if zienswijze:
            break
        for open_taak in open_taken(verzoek):
            nu += timedelta(minutes=5)
            stap_uitvoeren(open_taak, None, nu)
    (taak,) = zienswijze
    client, _ = als(taak.organisatie.code)
    body = html.unescape(inhoud(client.get(f"/verzoeken/taken/{taak.pk}/")))
    assert "Een <strong>zienswijze</strong> is het standpunt van de regioburgemeester" in body
    assert 'href="/wijzer/#begrip-zienswijze">Meer begrippen</a>' in body
