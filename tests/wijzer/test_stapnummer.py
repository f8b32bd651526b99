"""The wizard's "stap X van Y" against the pages actually asked on each path (issue #8)."""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import QueryDict
from django.test import Client

import pytest

from politiebijstand.vragenlijst.adressen import stap_url
from politiebijstand.vragenlijst.stappen import (
    kan_stappen_toevoegen,
    query_van_situatie,
    voortgang,
)
from tests.conftest import CASES_DIR
from tests.wijzer.test_publiek import VERMISSING, ZONDER_GEMEENTEN

pytestmark = pytest.mark.usefixtures("referentiedata")

VOORTGANG = re.compile(
    r'<p class="pb-voortgang">Bijstandswijzer · stap (\d+) van (ten minste )?(\d+): '
)

SITUATIES: dict[str, dict[str, Any]] = {
    "vermissing-met-misdrijf": VERMISSING,
    "zonder-gemeenten": ZONDER_GEMEENTEN,
    **{
        pad.stem: json.loads(pad.read_text(encoding="utf-8"))["situatie"]
        for pad in sorted(CASES_DIR.glob("*.json"))
    },
}


def _tot(query: QueryDict, stappen: list[Any]) -> QueryDict:
    """`query` with only the answers of `stappen` (what the user had given when arriving)."""
    velden = {naam for s in stappen for naam in s.form_class.base_fields}
    deel = QueryDict(mutable=True)
    for naam, waarden in query.lists():
        if naam in velden:
            deel.setlist(naam, waarden)
    return deel


def _regels(situatie: dict[str, Any]) -> list[tuple[str, int, bool, int]]:
    """Per page on the way to the advice: (slug, X, "ten minste", Y) as the page shows it."""
    query = query_van_situatie(situatie)
    pad = voortgang(query).pad
    client = Client()
    uit = []
    for index, stap_ in enumerate(pad):
        html = client.get(stap_url(stap_, _tot(query, pad[:index]))).content.decode()
        match = VOORTGANG.search(html)
        assert match is not None, stap_.slug
        uit.append((stap_.slug, int(match[1]), bool(match[2]), int(match[3])))
    return uit


@pytest.mark.parametrize("naam", sorted(SITUATIES))
def test_stapnummer_klopt_op_elk_pad(naam: str) -> None:
    regels = _regels(SITUATIES[naam])
    aantal = len(regels)
    for index, (slug, nummer, ten_minste, totaal) in enumerate(regels):
        assert nummer == index + 1, slug
        if ten_minste:
            assert totaal <= aantal, slug
        else:
            assert totaal == aantal, slug  # a certain total is the real one
    # The last page knows the total, unless its own answer could still add pages.
    query = query_van_situatie(SITUATIES[naam])
    pad = voortgang(query).pad
    voor_de_laatste = voortgang(_tot(query, pad[:-1])).antwoorden
    assert regels[-1][2:] == (kan_stappen_toevoegen(pad[-1], voor_de_laatste), aantal)


def test_stapnummers_van_de_kmar_zaak() -> None:
    assert _regels(SITUATIES["kmar-avondklok-den-haag"]) == [
        ("taak", 1, True, 2),
        ("capaciteit", 2, True, 2),
        ("leveranciers", 3, True, 4),
        ("details", 4, False, 4),
    ]


def test_stapnummers_met_eigen_capaciteit_en_met_regioburgemeester() -> None:
    assert _regels(SITUATIES["eigen-capaciteit"]) == [
        ("taak", 1, True, 2),
        ("capaciteit", 2, True, 2),  # "ja" ends here, "nee" asks more
    ]
    assert _regels(SITUATIES["vermissing-met-misdrijf"]) == [
        ("taak", 1, True, 2),
        ("misdrijf", 2, True, 3),
        ("capaciteit", 3, True, 3),
        ("leveranciers", 4, True, 5),
        ("krijgsmacht", 5, False, 6),
        ("details", 6, False, 6),
    ]


def test_stapnummers_zonder_en_met_gemeenten() -> None:
    # Without municipalities the wizard asks whether the requester is the regioburgemeester;
    # with them it is derived per municipality (contract, interpretation 12), so the details
    # page cannot know the total yet.
    assert _regels(SITUATIES["zonder-gemeenten"]) == [
        ("taak", 1, True, 2),
        ("capaciteit", 2, True, 2),
        ("leveranciers", 3, True, 4),
        ("details", 4, True, 4),
        ("regioburgemeester", 5, False, 5),
    ]
    assert _regels(SITUATIES["voetbal-amsterdam-me-pelotons"]) == [
        ("taak", 1, True, 2),
        ("capaciteit", 2, True, 2),
        ("leveranciers", 3, True, 4),
        ("details", 4, True, 4),
    ]
