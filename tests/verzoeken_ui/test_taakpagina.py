"""The task page: the step's Dutch name instead of a BPMN id; the phone form's organisation.

User test defect 9.
"""

from __future__ import annotations

import html
import re

import pytest

from politiebijstand.verzoeken.services import taak_oppakken
from politiebijstand.verzoeken.ui.views import leesbare_documentatie
from tests.verzoeken.helpers import maak_verzoek, open_taken, org, situatie
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def optgroups(body: str) -> list[str]:
    return re.findall(r'<optgroup label="([^"]+)">', body)


def test_documentatie_noemt_de_stap_bij_naam() -> None:
    assert (
        leesbare_documentatie(
            "De schriftelijke stappen volgen achteraf in taak_schriftelijk_formaliseren "
            "(contract, interpretatie 11).",
            "3",
        )
        == "De schriftelijke stappen volgen achteraf in de stap 'Schriftelijk formaliseren'."
    )
    # Pointers for developers are not shown (issue #8).
    assert (
        leesbare_documentatie("Een werkafspraak van deze applicatie (issue #4), geen stap.", "3")
        == "Een werkafspraak van deze applicatie, geen stap."
    )
    assert leesbare_documentatie("Zie taak_bestaat_niet.", "3") == "Zie taak_bestaat_niet."


def test_telefoonstap_toont_geen_interne_id_en_kiest_het_locc_voor() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))  # procedure 3: KMar, public order
    (taak,) = open_taken(verzoek)
    assert taak.bpmn_id == "taak_telefonisch_contact_vastgelegd"
    client, _ = als("RCCB-MN")
    body = html.unescape(inhoud(client.get(f"/verzoeken/taken/{taak.pk}/")))
    assert "taak_schriftelijk_formaliseren" not in body
    assert "volgen achteraf in de stap 'Schriftelijk formaliseren'" in body
    assert (
        "<strong>Bel volgens het advies:</strong> Landelijk Operationeel Coördinatiecentrum "
        '(LOCC), 24 uur per dag <a class="utrecht-link utrecht-link--telephone pb-nummer" '
        'href="tel:0886628048">088 - 662 80 48</a>.'
    ) in body
    locc = org("LOCC")
    assert (
        f'<option value="{locc.pk}" selected>Landelijk Operationeel Coördinatiecentrum (LOCC), '
        "24/7 088 - 662 80 48</option>"
    ) in body
    assert "---------" not in body
    assert optgroups(body) == [
        "Uit het advies voor dit verzoek",
        "Landelijke organisaties",
        "Politie-eenheden",
        "Openbaar Ministerie",
    ]
    # The advice's group comes first and holds the LOCC first.
    eerste_groep = body.split('<optgroup label="Uit het advies voor dit verzoek">')[1]
    assert eerste_groep.split("</optgroup>")[0].strip().startswith(f'<option value="{locc.pk}"')


def test_telefoonstap_van_procedure_7_kiest_ozi_voor() -> None:
    verzoek = maak_verzoek(
        situatie(spoed=True, taak="strafrechtelijke_handhaving", gevraagd=[{"leverancier": "kmar"}])
    )
    (taak,) = [t for t in open_taken(verzoek) if t.bpmn_id == "taak_telefonisch_contact_vastgelegd"]
    client, _ = als(taak.organisatie.code)
    body = html.unescape(inhoud(client.get(f"/verzoeken/taken/{taak.pk}/")))
    ozi = org("OZI")
    assert f'<option value="{ozi.pk}" selected>' in body
    assert 'href="tel:0703707898">070 - 370 78 98</a>' in body


def test_status_van_een_opgepakte_taak_zegt_door_wie_zonder_herhaling() -> None:
    """'Opgepakt, opgepakt door ...' read twice; the status line says it once (LOCC user test)."""
    verzoek = maak_verzoek(situatie(spoed=True))  # procedure 3: KMar, public order
    (taak,) = open_taken(verzoek)
    client, _ = als("RCCB-MN")
    collega_client, collega = als("RCCB-MN")
    url = f"/verzoeken/taken/{taak.pk}/"
    assert "<dt>Status</dt><dd>Open</dd>" in inhoud(client.get(url))
    taak_oppakken(taak=taak, door=collega)
    assert f"<dt>Status</dt><dd>Opgepakt door {collega.username}</dd>" in inhoud(client.get(url))
    assert "<dt>Status</dt><dd>Opgepakt door u</dd>" in inhoud(collega_client.get(url))


def test_taak_oppakken_en_teruggeven_vanaf_de_taakpagina() -> None:
    """The task page offers picking up and handing back, not only the queue (LOCC user test)."""
    verzoek = maak_verzoek(situatie(spoed=True))  # procedure 3: KMar, public order
    (taak,) = open_taken(verzoek)
    client, ik = als("RCCB-MN")
    url = f"/verzoeken/taken/{taak.pk}/"
    oppakken = f"/werkvoorraad/taken/{taak.pk}/oppakken/"
    teruggeven = f"/werkvoorraad/taken/{taak.pk}/teruggeven/"
    body = inhoud(client.get(url))
    assert f'action="{oppakken}"' in body
    assert f'<input type="hidden" name="terug" value="{url}">' in body
    assert f'action="{teruggeven}"' not in body

    antwoord = client.post(oppakken, {"terug": url})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == url
    body = html.unescape(inhoud(client.get(url)))
    assert f"U hebt de taak '{taak.naam}' ({verzoek.kenmerk}) opgepakt." in body
    assert "<dt>Status</dt><dd>Opgepakt door u</dd>" in body
    assert f'action="{teruggeven}"' in body
    assert f'action="{oppakken}"' not in body
    taak.refresh_from_db()
    assert taak.opgepakt_door_id == ik.pk

    antwoord = client.post(teruggeven)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/werkvoorraad/"
    taak.refresh_from_db()
    assert taak.opgepakt_door_id is None
    assert "<dt>Status</dt><dd>Open</dd>" in inhoud(client.get(url))
