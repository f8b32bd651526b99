"""What users read: no words of the developers, one name for the minister (issue #8, item 15)."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from django.test import Client

import pytest

from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie, stap_url
from politiebijstand.vragenlijst.stappen import query_van_situatie, voortgang
from tests.conftest import CASES_DIR

pytestmark = pytest.mark.usefixtures("referentiedata")

#: Words of the developers that a burgemeester's staff member should not have to read.
INTERN = ("contract", "interpretatie 11", "aanroeper", "regelversie", "json")
#: The block for ICT staff on the result page, where JSON and the API are the subject.
VOOR_ICT = re.compile(r'<details class="pb-uitleg pb-json.*?</details>', re.S)


def _tekst(response: Any) -> str:
    """The page as a user reads it: without tags, scripts and the block for ICT staff."""
    body = VOOR_ICT.sub("", response.content.decode())
    body = re.sub(r"<(script|head)\b.*?</\1>", "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _situaties() -> list[dict[str, Any]]:
    return [
        json.loads(pad.read_text(encoding="utf-8"))["situatie"]
        for pad in sorted(CASES_DIR.glob("*.json"))
    ]


def test_wijzer_gebruikt_geen_interne_woorden() -> None:
    client = Client()
    paginas = [client.get("/wijzer/")]
    for situatie in _situaties():
        query = query_van_situatie(situatie)
        paginas += [client.get(stap_url(s, query)) for s in voortgang(query).pad]
        paginas.append(client.get(resultaat_url_voor_situatie(situatie)))
    for response in paginas:
        assert response.status_code == 200
        tekst = _tekst(response).lower()
        gevonden = [woord for woord in INTERN if woord in tekst]
        assert gevonden == [], response.wsgi_request.get_full_path()


def test_de_minister_heet_overal_justitie_en_veiligheid() -> None:
    client = Client()
    for situatie in _situaties():
        tekst = _tekst(client.get(resultaat_url_voor_situatie(situatie)))
        # The 2014 name only inside a quotation of the factsheet ('...') and in the cited
        # heading of its flowchart for the ministry's means.
        # The apostrophe of 's-Gravenhage and 's-Hertogenbosch opens no quotation.
        buiten_citaten = re.sub(r"'[^']*'", "", tekst.replace("'s-", "s-")).replace(
            "stroomschema A/B, Middelen Ministerie van Veiligheid en Justitie", ""
        )
        assert "Veiligheid en Justitie" not in buiten_citaten


def test_de_openingsvraag_spreekt_elke_gebruiker_aan() -> None:
    html = Client().get("/wijzer/capaciteit/?taak=openbare_orde").content.decode()
    vraag = "Kan de politie-eenheid van uw regio zelf voorzien in de capaciteit die nodig is?"
    assert vraag in html
    assert (
        "uw eigen eenheid als u bij de politie werkt, of de eenheid van uw gemeente of "
        "arrondissement als u voor een burgemeester of officier van justitie werkt."
    ) in html
