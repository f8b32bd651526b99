"""The register page /capaciteit/ and the "Capaciteit" block of the request and decision pages."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.capaciteit.services import register_laden
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.models import Taak
from politiebijstand.web.tekst import duur
from tests.verzoeken.helpers import NU, maak_verzoek, open_taken, stap_uitvoeren
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

URL = "/capaciteit/"


def cellen(html: str, naam: str) -> list[str]:
    """The data cells of the register's row of capacity `naam`."""
    rij = html[html.index(f"{naam}</th>") :]
    return re.findall(r'<td class="utrecht-table__cell">(.*?)</td>', rij[: rij.index("</tr>")])


def test_het_locc_ziet_de_beschikbaarheid_op_een_moment_in_nederlandse_tijd() -> None:
    register_laden()
    maak_verzoek()  # 4 KMar platoons from 4 March 2026 09:00 UTC (10:00 CET) for 8 hours
    client, _ = als("LOCC")
    html = inhoud(client.get(URL, {"moment": "2026-03-04T10:00"}))
    assert "Beschikbaarheid op <strong>04-03-2026 10:00 CET</strong>" in html
    assert '<h2 class="utrecht-heading-2">Landelijk Operationeel Coördinatiecentrum' not in html
    assert cellen(html, "Bijstandspelotons KMar") == [
        "Bijstandseenheid KMar",
        "8",
        "0",
        "4",
        "4",
        "",
    ]
    assert "Waterwerper WW-04</th>" in html and "In onderhoud, werkplaats Nieuwegein" in html
    assert "Geen conflicten op dit moment." in html
    # At 09:59 CET the claim does not hold yet.
    vroeg = inhoud(client.get(URL, {"moment": "04-03-2026 09:59"}))
    assert cellen(vroeg, "Bijstandspelotons KMar")[3:5] == ["0", "8"]


def test_conflict_op_het_overzicht_en_een_foute_datum() -> None:
    register_laden()
    regels = (services.InzetRegel("ME-peloton", 5),)
    maak_verzoek(regels=regels)
    maak_verzoek(regels=regels)
    client, _ = als("LOCC")
    html = inhoud(client.get(URL, {"moment": "2026-03-04T12:00"}))
    assert (
        '<li class="utrecht-unordered-list__item" data-conflict="overschreden">'
        "Bijstandspelotons KMar: 10 geclaimd van 8 in totaal (2 te veel) van 04-03-2026 10:00 tot "
        "04-03-2026 18:00.</li>"
    ) in html
    assert '<strong class="pb-status--nee">-2 (overschreden)</strong>' in html
    fout = inhoud(client.get(URL, {"moment": "2026-03-29T02:30"}))
    assert (
        "Datum en tijd: 29-03-2026 02:30 bestaat niet in Nederlandse tijd (de klok gaat dan "
        "een uur vooruit); kies een tijd vanaf 03:00."
    ) in fout


def test_anderen_zien_alleen_claims_van_hun_eigen_verzoeken() -> None:
    register_laden()
    eigen = maak_verzoek()
    client, _ = als("RCCB-MN")
    html = inhoud(client.get(URL))
    assert "Het volledige overzicht is voor het LOCC." in html
    assert f"{eigen.kenmerk}: 4 × Bijstandspelotons KMar (DOPS-KMar), voorlopig, van " in html
    assert "Waterwerper WW-01" not in html
    ander, _ = als("RCCB-AM")
    assert eigen.kenmerk not in inhoud(ander.get(URL))
    beheerder, _ = als("RCCB-AM", Rol.BEHEERDER)
    assert "Waterwerper WW-01</th>" in inhoud(beheerder.get(URL))


def test_niet_ingelogd_gaat_naar_het_inloggen() -> None:
    from django.test import Client

    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_verzoekpagina_en_besluitformulier_tonen_claims_en_conflicten() -> None:
    register_laden()
    regels = (services.InzetRegel("ME-peloton", 5),)
    eerste = maak_verzoek(regels=regels)
    verzoek = maak_verzoek(regels=regels)
    client, _ = als("RCCB-MN")
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    blok = html[html.index('<section class="pb-capaciteit"') :]
    blok = blok[: blok.index("</section>")]
    assert "Let op, conflict in het capaciteitenoverzicht:" in blok
    assert "Bijstandspelotons KMar: 10 geclaimd van 8 in totaal (2 te veel)" in blok
    # The competing claim's request, linked (the RCCB takes part in it too); then its own.
    assert (
        " Ook geclaimd door: "
        f'<a class="utrecht-link pb-kenmerk" href="/verzoeken/{eerste.uuid}/">{eerste.kenmerk}</a>.'
        "</li>"
    ) in blok
    assert blok.index("Ook geclaimd door") < blok.index(">Claims van dit verzoek</h3>")
    assert (
        "5 × Bijstandspelotons KMar (DOPS-KMar), voorlopig, van 04-03-2026 10:00 tot "
        "04-03-2026 18:00"
    ) in blok
    # Walk to the LOCC's decision: its form shows the block before the decision.
    while not (besluit := [t for t in open_taken(verzoek) if t.is_besluit]):
        for taak in open_taken(verzoek):
            stap_uitvoeren(taak, None, NU + timedelta(minutes=5))
    (taak,) = besluit
    assert taak.bpmn_id == "taak_besluit_locc"
    locc, _ = als("LOCC", Rol.BESLUITVORMER)
    formulier = inhoud(locc.get(f"/verzoeken/taken/{taak.pk}/"))
    assert formulier.index('<section class="pb-capaciteit"') < formulier.index('name="uitkomst"')
    assert "Bijstandspelotons KMar: 10 geclaimd van 8 in totaal (2 te veel)" in formulier
    stap = Taak.objects.get(verzoek=verzoek, bpmn_id="taak_aanvraag_verwerken")
    assert (stap.gegevens or {})["capaciteit"] == "5 × Bijstandspelotons KMar (voorlopig)"
    assert "<dt>Capaciteit</dt><dd>5 × Bijstandspelotons KMar (voorlopig)</dd>" in inhoud(
        client.get(f"/verzoeken/{verzoek.uuid}/")
    )


def test_reactietijden_in_uren_en_minuten() -> None:
    """#11 trial: "reactietijd 1 day, 0:00:00" and "6:00:00" became "24 uur" and "6 uur"."""
    register_laden()
    client, _ = als("LOCC")
    html = inhoud(client.get(URL, {"moment": "2026-03-04T10:00"}))
    assert cellen(html, "CBRN-detectie-eenheid")[-1] == "reactietijd 6 uur"
    assert cellen(html, "Explosieven Opruimingsdienst Defensie")[-1] == "reactietijd 2 uur"
    assert "reactietijd 24 uur" in html
    assert "day" not in html and ":00:00" not in html


def test_duur_in_het_nederlands() -> None:
    assert [
        duur(t)
        for t in (
            timedelta(days=1),
            timedelta(hours=6),
            timedelta(minutes=30),
            timedelta(hours=1, minutes=30, seconds=59),
            timedelta(0),
            None,
        )
    ] == ["24 uur", "6 uur", "30 min", "1 uur 30 min", "0 min", "-"]


def test_de_stap_van_het_locc_toont_het_capaciteitenoverzicht() -> None:
    """#11 item 1: the LOCC's step "verwerken in capaciteitenoverzichten" shows the result."""
    register_laden()
    verzoek = maak_verzoek(regels=(services.InzetRegel("ME-peloton", 5),))
    while not (stap := [t for t in open_taken(verzoek) if t.bpmn_id == "taak_aanvraag_verwerken"]):
        for taak in open_taken(verzoek):
            stap_uitvoeren(taak, None, NU + timedelta(minutes=5))
    locc, _ = als("LOCC")
    open_pagina = inhoud(locc.get(f"/verzoeken/taken/{stap[0].pk}/"))
    assert "Afronden zet de gevraagde inzet als voorlopige claims" in open_pagina
    assert open_pagina.index('<section class="pb-capaciteit"') < open_pagina.index('name="verslag"')
    stap_uitvoeren(stap[0], None, NU + timedelta(minutes=10))
    klaar = inhoud(locc.get(f"/verzoeken/taken/{stap[0].pk}/"))
    assert "Afronden zet de gevraagde inzet" not in klaar
    assert (
        "5 × Bijstandspelotons KMar (DOPS-KMar), voorlopig, van 04-03-2026 10:00 tot "
        "04-03-2026 18:00"
    ) in klaar
