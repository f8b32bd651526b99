"""What the result page takes from the rules: sources, routes not allowed, the rules version."""

from __future__ import annotations

import html
from typing import Any

from django.test import Client

import pytest

from politiebijstand.rules.catalogus import BRONNOTITIES
from politiebijstand.rules.interpretaties import VASTE_INTERPRETATIES
from politiebijstand.rules.versie import regels_versie, regels_versie_kort
from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie
from tests.verzoeken_ui.helpers import als


@pytest.fixture
def client(referentiedata: None) -> Client:
    """A client of a unit's RCCB, which may make requests, so the button can show."""
    rccb, _ = als("RCCB-MN")
    return rccb


def _situatie(taak: str, *gevraagd: dict[str, Any], **velden: Any) -> dict[str, Any]:
    return {
        "eigen_capaciteit_toereikend": False,
        "taak": taak,
        "spoed": False,
        "gemeenten": ["Den Haag"],
        "locatiegebonden": True,
        "gevraagd": list(gevraagd),
        **velden,
    }


def _pagina(client: Client, situatie: dict[str, Any]) -> str:
    response = client.get(resultaat_url_voor_situatie(situatie))
    assert response.status_code == 200
    return str(response.content.decode())


def test_buitenlandse_politie_justitie_noemt_stroomschema_b_niet_toelichting_rechtshulp(
    client: Client,
) -> None:
    body = _pagina(
        client,
        _situatie("strafrechtelijke_handhaving", {"leverancier": "buitenland", "land": "BE"}),
    )
    assert "(factsheet, stroomschema B, Buitenland)</p>" in body
    assert "toelichting rechtshulp" not in body


def test_procedure_noemt_haar_toelichting(client: Client) -> None:
    body = _pagina(client, _situatie("openbare_orde", {"leverancier": "politie"}))
    assert "(factsheet, toelichting 1)</p>" in body


KNOP = "Bijstandsverzoek aanmaken</a>"


def test_niet_toegestane_route_zegt_wat_nu_en_biedt_geen_verzoek_aan(client: Client) -> None:
    body = _pagina(
        client,
        _situatie(
            "strafrechtelijke_handhaving",
            {"leverancier": "krijgsmacht"},
            spoed=True,
            convenant=True,
        ),
    )
    assert (
        'procedure 8, <span class="pb-status--nee">niet toegestaan</span>. Vraag in plaats '
        "daarvan bijstand van een andere politie-eenheid (procedure 6) of van de KMar "
        "(procedure 7;"
    ) in body
    assert "bel eerst" not in body
    assert "Bel nu, in deze volgorde" not in body
    assert "<dt>Contacten, pas als aan de voorwaarde is voldaan</dt>" in body
    assert "Geen van de gevraagde routes is toegestaan: vraag deze bijstand niet aan." in body
    assert "Stappen, pas als aan de voorwaarde is voldaan</h3>" in body
    assert "convenant tussen de Ministeries" not in body.split("Let op")[0]
    assert KNOP not in body


def test_toegestane_route_naast_een_niet_toegestane_biedt_het_verzoek_aan(client: Client) -> None:
    body = _pagina(
        client,
        _situatie("openbare_orde", {"leverancier": "krijgsmacht"}, {"leverancier": "kmar"}),
    )
    assert 'procedure 4, <span class="pb-status--nee">niet toegestaan</span>. Vraag' in body
    assert "procedure 3; bel eerst LOCC" in body
    assert KNOP in body


def test_alleen_rechtshulp_biedt_geen_verzoek_aan(client: Client) -> None:
    body = _pagina(
        client,
        _situatie("strafrechtelijke_handhaving", {"leverancier": "buitenland", "land": "BE"}),
    )
    assert "bel eerst OvJ" in body
    assert KNOP not in body


def test_resultaat_en_json_noemen_de_regelversie(client: Client) -> None:
    situatie = _situatie("openbare_orde", {"leverancier": "kmar"})
    body = _pagina(client, situatie)
    assert (
        '<p class="utrecht-paragraph pb-bronnen">Dit advies volgt uit de <a class="utrecht-link" '
        f'href="/regels/">regels van de Bijstandswijzer</a> (versie {regels_versie_kort()}).</p>'
    ) in body
    url = resultaat_url_voor_situatie(situatie).replace("/wijzer/advies/", "/wijzer/advies.json")
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Regelversie"] == regels_versie()
    assert set(response.json()) == {
        "uitkomst",
        "gezag",
        "grondslag",
        "besluit_door",
        "routes",
        "waarschuwingen",
        "bronnen",
    }


def test_regelcatalogus_toont_versies_bronnen_en_de_elf_interpretaties(client: Client) -> None:
    response = client.get("/regels/")
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert f"Versie {regels_versie_kort()} van de regels." in body
    # Rule texts name the interpretation, not where it is kept (issue #8).
    assert "docs/contract" not in body
    assert "(vaste interpretatie 5)" in body
    for naam, noot in BRONNOTITIES:
        assert f"<dt>{naam}</dt><dd>{noot}</dd>" in body
    assert "Stb. 2022, 216" in body
    for i in VASTE_INTERPRETATIES:
        assert (
            f'<article class="pb-regel" id="interpretatie-{i.nummer}">\n    '
            f'<h3 class="utrecht-heading-3">Vaste interpretatie {i.nummer}: {i.titel}</h3>\n    '
            f'<p class="utrecht-paragraph">{i.tekst}</p>'
        ) in body
    assert (
        '<strong>Vaste interpretaties:</strong> <a class="utrecht-link" '
        'href="#interpretatie-8">8</a>'
    ) in body
    assert "`" not in body


def test_buiten_de_factsheet_noemt_artikel_en_wie_beslist(client: Client) -> None:
    """Contract, interpretation 13 (issue #8, item 8): the DSI through the wizard's answers."""
    situatie = _situatie(
        "strafrechtelijke_handhaving", {"leverancier": "politie"}, bijzondere_bijstandseenheid=True
    )
    pagina = _pagina(client, situatie)
    assert "Advies: bijstand buiten de factsheet" in pagina
    assert "<strong>Grondslag:</strong> art. 59 Politiewet 2012." in pagina
    assert "<strong>Wie beslist:</strong> Minister van" in pagina
    assert "(Pw 2012 art. 59)." in pagina
    assert "pb-route__kop" not in pagina
    # Without the answer, the same situation follows procedure 6.
    pagina = _pagina(client, {**situatie, "bijzondere_bijstandseenheid": False})
    assert "<strong>Grondslag:</strong>" not in pagina
    assert "procedure 6" in pagina.lower()
