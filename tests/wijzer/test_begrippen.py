"""Zienswijze explained where it appears; the glossary on every step; natural error lines.

User test defect 12.
"""

from __future__ import annotations

import html

from django.test import Client

import pytest

from politiebijstand.web.tekst import foutregel

pytestmark = pytest.mark.usefixtures("referentiedata")

ZIENSWIJZE = (
    '<dt id="begrip-zienswijze">Zienswijze</dt>\n  <dd>Het standpunt van de regioburgemeester '
    "over een verzoek om bijstand door een andere eenheid."
)


@pytest.mark.parametrize(
    "url",
    [
        "/wijzer/taak/",
        "/wijzer/capaciteit/?taak=openbare_orde",
        "/wijzer/leveranciers/?taak=openbare_orde&eigen_capaciteit_toereikend=nee",
        "/wijzer/details/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=politie",
    ],
)
def test_begrippen_op_elke_stap(client: Client, url: str) -> None:
    body = html.unescape(client.get(url).content.decode())
    assert '<details class="pb-uitleg pb-begrippen-uitleg" id="begrippen">' in body
    assert "<summary>Begrippen: gezag, spoed, regioburgemeester, zienswijze en meer</summary>" in (
        body
    )
    assert ZIENSWIJZE in body
    assert '<dt id="begrip-gezag">Gezag</dt>' in body


def test_startpagina_heeft_de_begrippen_met_zienswijze(client: Client) -> None:
    body = html.unescape(client.get("/wijzer/").content.decode())
    assert '<h2 class="utrecht-heading-2" id="begrippen">Begrippen</h2>' in body
    assert ZIENSWIJZE in body


def test_advies_legt_zienswijze_uit_waar_het_staat(client: Client) -> None:
    url = (
        "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=politie"
        "&spoed=nee&aanvrager_is_regioburgemeester=nee"
    )
    body = html.unescape(client.get(url, follow=True).content.decode())
    assert (
        "<dt>Zienswijze regioburgemeester</dt><dd>Vereist: de regioburgemeester krijgt eerst "
        "de gelegenheid zijn zienswijze te geven; die gaat mee met de aanvraag. "
        '<a class="utrecht-link pb-niet-printen" href="#begrip-zienswijze">Wat is een '
        "zienswijze?</a></dd>"
    ) in body
    assert ZIENSWIJZE in body


def test_regioburgemeestervraag_legt_zienswijze_uit(client: Client) -> None:
    url = (
        "/wijzer/regioburgemeester/?taak=openbare_orde&eigen_capaciteit_toereikend=nee"
        "&leverancier=politie&spoed=nee"
    )
    body = html.unescape(client.get(url).content.decode())
    assert "zijn zienswijze (zijn standpunt over het verzoek) te geven" in body


def test_foutregel_leest_als_een_zin() -> None:
    assert (
        foutregel(
            "Welke voorwaarden voor bijstand door de krijgsmacht zijn vervuld?",
            "Kies de vervulde voorwaarden, of 'Geen van deze'.",
        )
        == "Welke voorwaarden voor bijstand door de krijgsmacht zijn vervuld? Kies de vervulde "
        "voorwaarden, of 'Geen van deze'."
    )
    assert foutregel("Titel", "Dit veld is vereist.") == "Titel: Dit veld is vereist."


def test_foutenoverzicht_zonder_vraagteken_dubbelepunt(client: Client) -> None:
    url = (
        "/wijzer/krijgsmacht/?taak=openbare_orde&eigen_capaciteit_toereikend=nee"
        "&leverancier=krijgsmacht&verder=1"
    )
    body = html.unescape(client.get(url).content.decode())
    assert "?: " not in body
    assert (
        "Welke voorwaarden voor bijstand door de krijgsmacht zijn vervuld? Kies de vervulde "
        "voorwaarden, of 'Geen van deze'.</a>"
    ) in body
