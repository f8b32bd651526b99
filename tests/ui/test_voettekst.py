"""The footer of every page: the three 24/7 numbers of the factsheet, each with its purpose."""

from __future__ import annotations

import html
from typing import Any

import pytest

pytestmark = pytest.mark.usefixtures("referentiedata")

LE_POB = (
    '<li><strong><abbr title="Landelijke Eenheid, afdeling Preparatie en Operationeel Beheer">'
    'LE-POB</abbr></strong> <a class="utrecht-link utrecht-link--telephone pb-nummer" '
    'href="tel:0886615540">088 - 661 55 40</a>: bijstand van andere politie-eenheden en '
    "buitenlandse politie</li>"
)
LOCC = (
    '<li><strong><abbr title="Landelijk Operationeel Coördinatiecentrum">LOCC</abbr></strong> '
    '<a class="utrecht-link utrecht-link--telephone pb-nummer" href="tel:0886628048">'
    "088 - 662 80 48</a>: waterwerpers, KMar en krijgsmacht bij openbare orde</li>"
)
OZI = (
    '<a class="utrecht-link utrecht-link--telephone pb-nummer" href="tel:0703707898">'
    "070 - 370 78 98</a>: KMar en krijgsmacht voor justitiële taken, bij spoed (de officier "
    "van justitie belt)</li>"
)


@pytest.mark.parametrize(
    "url",
    [
        "/wijzer/",
        "/wijzer/taak/",
        "/regels/",
        "/werkvoorraad/",
        "/verzoeken/",
        "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=ja",
    ],
)
def test_voettekst_noemt_de_drie_spoednummers_met_waarvoor(client: Any, url: str) -> None:
    body = html.unescape(client.get(url).content.decode())
    assert "Spoed? Bel 24 uur per dag" in body
    assert LE_POB in body
    assert LOCC in body
    assert OZI in body
    assert body.index(LE_POB) < body.index(LOCC) < body.index(OZI)
    assert "Welk nummer voor uw situatie geldt, staat per route in het advies" in body
    # The old footer sent everyone to the LOCC, also for procedure 1 (LE-POB) and 7/8 (OZI).
    assert "Bel het piket van het Landelijk Operationeel" not in body


def test_voettekst_zonder_referentiedata_laat_de_nummers_weg(client: Any) -> None:
    from politiebijstand.organisaties.models import Organisatie

    Organisatie.objects.filter(code__in=["LE-POB", "OZI"]).update(telefoon_spoed="")
    body = html.unescape(client.get("/wijzer/").content.decode())
    assert LOCC in body
    assert "LE-POB</abbr>" not in body
    assert "070 - 370 78 98" not in body
