"""``GET /api/v1/capaciteit``: the register with availability at a moment (issue #12 item 1).

As the page /capaciteit/ (ADR 0038): the LOCC and beheerders see it; everyone else gets 403.
Four ME platoons of Amsterdam (3 claimed firm, then 1 tentative) and one water cannon.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.capaciteit.constants import ClaimSoort, MiddelStatus
from politiebijstand.capaciteit.models import Capaciteit
from tests.api.bronnen import PROBLEM, json_met_etag, ongeldig
from tests.capaciteit.helpers import claim, middel, pool
from tests.verzoeken.helpers import NU, maak_verzoek, org
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

EENHEID_AM = {"code": "EENHEID-AM", "naam": "Politie, eenheid Amsterdam"}
IFV = {"code": "IFV-ML", "naam": "Instituut Fysieke Veiligheid, Materieel en Logistiek"}
#: 4 March 2026 12:00 in Amsterdam (UTC+1), during both claims.
MIDDAG = "2026-03-04T12:00:00+01:00"


@pytest.fixture
def register() -> tuple[Capaciteit, Capaciteit]:
    me = pool(aantal=4)
    ww = middel(locatie="Apeldoorn")
    verzoek = maak_verzoek()
    start = NU + timedelta(days=2)
    claim(me, start, start + timedelta(hours=8), aantal=3, verzoek=verzoek)
    claim(me, start + timedelta(hours=2), start + timedelta(hours=4), soort=ClaimSoort.VOORLOPIG)
    return me, ww


def _regel(capaciteit: Capaciteit, **anders: Any) -> dict[str, Any]:
    return {
        "id": capaciteit.pk,
        "leverancier": EENHEID_AM,
        "soort": "me_peloton",
        "naam": "ME-pelotons Amsterdam",
        "aantal": 4,
        "benoemd": False,
        "status": "beschikbaar",
        "locatie": "",
        "reactietijd": None,
        "verdrag": "",
        "bron": "test",
        "totaal": 4,
        "vast": 0,
        "voorlopig": 0,
        "beschikbaar": 4,
        **anders,
    }


def _ww(capaciteit: Capaciteit, **anders: Any) -> dict[str, Any]:
    ww = {
        "leverancier": IFV,
        "soort": "waterwerper",
        "naam": "Waterwerper WW-01",
        "aantal": 1,
        "benoemd": True,
        "locatie": "Apeldoorn",
        "totaal": 1,
        "beschikbaar": 1,
    }
    return _regel(capaciteit, **{**ww, **anders})


def _namen(client: Client, **query: str) -> list[str]:
    body = json_met_etag(client.get("/api/v1/capaciteit", query))
    return [r["naam"] for r in body["resultaten"]]


def test_het_locc_ziet_de_beschikbaarheid_op_het_moment_exact(
    register: tuple[Capaciteit, Capaciteit],
) -> None:
    me, ww = register
    locc, _ = als("LOCC")
    body = json_met_etag(locc.get("/api/v1/capaciteit", {"moment": MIDDAG}))
    assert body == {
        "aantal": 2,
        "volgende": None,
        "vorige": None,
        "resultaten": [
            _regel(me, vast=3, voorlopig=1, beschikbaar=0),
            _ww(ww),
        ],
    }
    # Without an offset the moment is Dutch time; at 18:00 the claim [10:00, 18:00) has ended.
    avond = json_met_etag(locc.get("/api/v1/capaciteit", {"moment": "2026-03-04T18:00"}))
    assert avond["resultaten"][0] == _regel(me)


def test_een_middel_in_onderhoud_heeft_niets_beschikbaar(
    register: tuple[Capaciteit, Capaciteit],
) -> None:
    _, ww = register
    Capaciteit.objects.filter(pk=ww.pk).update(status=MiddelStatus.ONDERHOUD)
    beheerder, _ = als("DGPOL", Rol.BEHEERDER)  # a beheerder of any organisation
    body = json_met_etag(beheerder.get("/api/v1/capaciteit", {"soort": "waterwerper"}))
    assert body["resultaten"] == [_ww(ww, status="onderhoud", totaal=0, beschikbaar=0)]


def test_filters_en_volgorde(register: tuple[Capaciteit, Capaciteit]) -> None:
    locc, _ = als("LOCC")
    beide = ["ME-pelotons Amsterdam", "Waterwerper WW-01"]
    assert _namen(locc) == beide  # by provider code: EENHEID-AM before IFV-ML
    assert _namen(locc, sorteer="-leverancier") == beide[::-1]
    assert _namen(locc, sorteer="-naam") == beide[::-1]
    assert _namen(locc, moment=MIDDAG, sorteer="beschikbaar") == beide  # 0 before 1
    assert _namen(locc, moment=MIDDAG, sorteer="-beschikbaar") == beide[::-1]
    assert _namen(locc, leverancier="IFV-ML") == ["Waterwerper WW-01"]
    assert _namen(locc, soort="me_peloton") == ["ME-pelotons Amsterdam"]
    assert _namen(locc, soort="waterwerper", leverancier="EENHEID-AM") == []
    ongeldig(
        locc.get("/api/v1/capaciteit", {"moment": "morgen"}),
        "moment",
        "Moet een tijdstip zijn als 2026-03-04T10:00:00+01:00.",
    )
    ongeldig(
        locc.get("/api/v1/capaciteit", {"soort": "tank"}),
        "soort",
        "'tank' is geen geldige waarde; kies uit: me_peloton, aanhoudingseenheid, specialisme, "
        "bijstandseenheid_kmar, waterwerper, bewakingscontainer, vrt_voertuig, defensiecapaciteit, "
        "buitenlandse_partner.",
    )


@pytest.mark.parametrize("code", ["RCCB-MN", "LE-POB", "CCB-KMAR"])
def test_anderen_dan_het_locc_en_beheerders_krijgen_403(
    register: tuple[Capaciteit, Capaciteit], code: str
) -> None:
    client, _ = als(code, Rol.BESLUITVORMER)
    response = client.get("/api/v1/capaciteit")
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:alleen-locc",
        "title": "Geen toegang",
        "status": 403,
        "detail": (
            "Het capaciteitsoverzicht is voor het LOCC en beheerders; de claims van uw eigen "
            "verzoeken staan bij het verzoek."
        ),
    }
    assert not response.has_header("ETag")


def test_reactietijd_als_iso_8601_duur() -> None:
    Capaciteit.objects.create(
        organisatie=org("SG-DEFENSIE"),
        soort="defensiecapaciteit",
        naam="Explosievenopruiming",
        reactietijd=timedelta(hours=6, minutes=30),
        bron="test",
    )
    locc, _ = als("LOCC")
    body = json_met_etag(locc.get("/api/v1/capaciteit"))
    assert [(r["naam"], r["reactietijd"]) for r in body["resultaten"]] == [
        ("Explosievenopruiming", "P0DT06H30M00S")
    ]
