"""``GET /api/v1/besluiten`` and ``GET /api/v1/besluiten/{uuid}`` (issue #12 item 1).

Two requests walked to their decision: Midden-Nederland (granted by the LOCC at 11:05 Dutch
time) and Amsterdam (an hour later). The LOCC takes part in both, each RCCB in its own.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client

import pytest

from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek
from tests.api.bronnen import bekeken, json_met_etag, niet_gevonden, ongeldig
from tests.verzoeken.helpers import NU, doorlopen, maak_verzoek, maak_verzoek_amsterdam
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

LOCC = {"code": "LOCC", "naam": "Landelijk Operationeel Coördinatiecentrum"}
NAMENS = (
    "namens de Minister van Justitie en Veiligheid, na overleg met de Minister van Defensie "
    "(of) en in overeenstemming met de Minister van Defensie (op welke wijze)"
)


@pytest.fixture
def besloten() -> tuple[Bijstandsverzoek, Bijstandsverzoek]:
    """Both requests decided: Midden-Nederland first, Amsterdam an hour later."""
    mn = maak_verzoek()
    doorlopen(mn)
    am = maak_verzoek_amsterdam(nu=NU + timedelta(hours=1))
    doorlopen(am, nu=NU + timedelta(hours=1))
    return mn, am


def _kort(verzoek: Bijstandsverzoek, titel: str, genomen_op: str) -> dict[str, Any]:
    besluit = Besluit.objects.get(verzoek=verzoek)
    return {
        "uuid": str(besluit.uuid),
        "verzoek": {"uuid": str(verzoek.uuid), "kenmerk": verzoek.kenmerk, "titel": titel},
        "deelverzoek": 1,
        "uitkomst": "toegekend",
        "namens": NAMENS,
        "grondslag": "Politiewet 2012 art. 57 lid 2 en 3",
        "organisatie": LOCC,
        "genomen_op": genomen_op,
    }


def _mn(verzoek: Bijstandsverzoek) -> dict[str, Any]:
    return _kort(verzoek, "Versterking openbare orde Utrecht", "2026-03-02T11:05:00+01:00")


def _am(verzoek: Bijstandsverzoek) -> dict[str, Any]:
    return _kort(verzoek, "Voetbalwedstrijd Amsterdam", "2026-03-02T12:05:00+01:00")


def _uuids(client: Client, **query: str) -> list[str]:
    return [b["uuid"] for b in json_met_etag(client.get("/api/v1/besluiten", query))["resultaten"]]


def test_lijst_exact_per_organisatie_nieuwste_eerst(
    besloten: tuple[Bijstandsverzoek, Bijstandsverzoek],
) -> None:
    mn, am = besloten
    locc, _ = als("LOCC")
    assert json_met_etag(locc.get("/api/v1/besluiten")) == {
        "aantal": 2,
        "volgende": None,
        "vorige": None,
        "resultaten": [_am(am), _mn(mn)],
    }
    rccb_am, _ = als("RCCB-AM")
    assert json_met_etag(rccb_am.get("/api/v1/besluiten"))["resultaten"] == [_am(am)]
    dgpol, _ = als("DGPOL")  # takes part in neither
    assert json_met_etag(dgpol.get("/api/v1/besluiten"))["aantal"] == 0
    assert bekeken() == []  # a list is not a view of one request


def test_filters_en_volgorde(besloten: tuple[Bijstandsverzoek, Bijstandsverzoek]) -> None:
    mn, am = besloten
    b_mn, b_am = (str(Besluit.objects.get(verzoek=v).uuid) for v in (mn, am))
    locc, _ = als("LOCC")
    assert _uuids(locc, sorteer="genomen_op") == [b_mn, b_am]
    assert _uuids(locc, sorteer="-genomen_op") == [b_am, b_mn]
    assert _uuids(locc, verzoek=str(mn.uuid)) == [b_mn]
    assert _uuids(locc, uitkomst="toegekend") == [b_am, b_mn]
    assert _uuids(locc, uitkomst="afgewezen") == []
    # Days in Dutch time, both ends included.
    assert _uuids(locc, genomenVanaf="2026-03-02", genomenTot="2026-03-02") == [b_am, b_mn]
    assert _uuids(locc, genomenVanaf="2026-03-03") == []
    assert _uuids(locc, genomenTot="2026-03-01") == []
    assert _uuids(locc, genomenVanaf="2026-03-03", genomenTot="2026-03-01") == []  # empty range
    # The filters never widen the scope.
    rccb_mn, _ = als("RCCB-MN")
    assert _uuids(rccb_mn, verzoek=str(am.uuid)) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "naam", "reden"),
    [
        (
            {"uitkomst": "ja"},
            "uitkomst",
            "'ja' is geen geldige waarde; kies uit: toegekend, deels_toegekend, afgewezen.",
        ),
        (
            {"uitkomst": ""},
            "uitkomst",
            "'' is geen geldige waarde; kies uit: toegekend, deels_toegekend, afgewezen.",
        ),  # empty is not absent
        ({"genomenVanaf": "2-3-2026"}, "genomenVanaf", "Moet een datum zijn als JJJJ-MM-DD."),
        ({"verzoek": "BV-2026-000001"}, "verzoek", "Moet een geldige uuid zijn."),
        (
            {"sorteer": "titel"},
            "sorteer",
            "'titel' is geen geldige waarde; kies uit: genomen_op, -genomen_op.",
        ),
    ],
)
def test_ongeldige_parameters_noemen_de_parameter(
    query: dict[str, str], naam: str, reden: str
) -> None:
    client, _ = als("LOCC")
    ongeldig(client.get("/api/v1/besluiten", query), naam, reden)


def test_een_besluit_exact_met_regels_gelogd_en_404_buiten_scope(
    besloten: tuple[Bijstandsverzoek, Bijstandsverzoek],
) -> None:
    mn, _ = besloten
    besluit = Besluit.objects.get(verzoek=mn)
    rccb_mn, wie = als("RCCB-MN")
    body = json_met_etag(rccb_mn.get(f"/api/v1/besluiten/{besluit.uuid}"))
    assert body == {
        **_mn(mn),
        "veld": "besluit",
        "motivering": "Noodzaak aangetoond.",
        "voorwaarden": "",
        "regels": [{"regel": 1, "uitkomst": "toegekend", "toegekend_aantal": 4, "toelichting": ""}],
    }
    assert bekeken() == [
        (wie.username, str(mn.pk), {"kenmerk": mn.kenmerk, "via": "api/besluiten"})
    ]
    rccb_am, _ = als("RCCB-AM")
    niet_gevonden(rccb_am.get(f"/api/v1/besluiten/{besluit.uuid}"))
    niet_gevonden(rccb_am.get("/api/v1/besluiten/00000000-0000-4000-8000-000000000000"))
    assert len(bekeken()) == 1
