from __future__ import annotations

import dataclasses

import pytest

from politiebijstand.rules import (
    AdviesUitkomst,
    Gevraagd,
    Leverancier,
    OngeldigeSituatie,
    Politietaak,
    Situatie,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.rules.engine import ROUTEREGELS
from politiebijstand.rules.politiewet_2012.bijstand_gezag import Pad
from tests.rules.maak import advies, situatie

ALLE = (
    {"leverancier": "buitenland", "land": "BE"},
    {"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True},
    {"leverancier": "middelen_jenv", "middel": "vrt_voertuig"},
    {"leverancier": "kmar"},
    {"leverancier": "politie"},
)


def test_routeregels_dekken_elke_leverancier_op_beide_paden() -> None:
    assert set(ROUTEREGELS) == {(lev, pad) for lev in Leverancier for pad in Pad}


def test_advies_bepalen_een_route_per_gevraagde_leverancier_in_volgorde() -> None:
    a = advies(*ALLE)
    assert a.uitkomst is AdviesUitkomst.BIJSTAND
    assert [(r.leverancier, r.procedure) for r in a.routes] == [
        ("buitenland", "5"),
        ("krijgsmacht", "4"),
        ("middelen_jenv", "2"),
        ("kmar", "3"),
        ("politie", "1"),
    ]
    b = advies(*ALLE, taak="taken_ten_dienste_van_justitie")
    assert [r.procedure for r in b.routes] == ["rechtshulp", "8", "2", "7", "6"]


def test_advies_bepalen_bronnen_van_het_advies_stroomschema_en_gezag() -> None:
    assert advies({"leverancier": "kmar"}).bronnen == (
        "factsheet, stroomschema stap 1",
        "Pw 2012 art. 11 lid 1",
        "factsheet, stroomschema stap 2",
    )
    assert advies({"leverancier": "kmar"}, taak="strafrechtelijke_handhaving").bronnen == (
        "factsheet, stroomschema stap 1",
        "Pw 2012 art. 12 lid 1",
        "factsheet, stroomschema stap 2",
    )
    assert advies(eigen_capaciteit_toereikend=True).bronnen == (
        "factsheet, stroomschema stap 1",
        "Pw 2012 art. 11 lid 1",
    )


def test_advies_bepalen_is_deterministisch_en_zonder_dubbele_waarschuwingen() -> None:
    eenmaal = situatie(*ALLE, gemeenten=["Utrecht", "Zeist"], spoed=True, convenant=True)
    # situatie_from_dict refuses a provider asked twice; the engine still gives one advice.
    s = dataclasses.replace(eenmaal, gevraagd=eenmaal.gevraagd * 2)
    a = advies_bepalen(s)
    assert a == advies_bepalen(s)
    assert len(a.waarschuwingen) == len(set(a.waarschuwingen))
    assert len(a.routes) == 10
    for route in a.routes:
        assert len(route.bronnen) == len(set(route.bronnen))


def test_advies_bepalen_waarschuwt_zonder_gevraagde_leverancier_uit_code() -> None:
    # situatie_from_dict refuses this; a Situatie built in code still gets a clear advice.
    a = advies_bepalen(Situatie(eigen_capaciteit_toereikend=False, taak=Politietaak.OPENBARE_ORDE))
    assert a.uitkomst is AdviesUitkomst.BIJSTAND
    assert a.routes == ()
    assert a.waarschuwingen == ("Er is geen leverancier van bijstand gevraagd.",)


def test_advies_bepalen_middelen_zonder_middel_uit_code_is_een_fout() -> None:
    s = Situatie(
        eigen_capaciteit_toereikend=False,
        taak=Politietaak.OPENBARE_ORDE,
        gevraagd=(Gevraagd(leverancier=Leverancier.MIDDELEN_JENV),),
    )
    with pytest.raises(ValueError, match="middel"):
        advies_bepalen(s)


@pytest.mark.parametrize("taak", ["openbare_orde", "vermissing", "strafrechtelijke_handhaving"])
def test_situatie_from_dict_lege_gevraagd_lijst_is_ongeldig(taak: str) -> None:
    with pytest.raises(OngeldigeSituatie) as fout:
        situatie_from_dict(
            {
                "eigen_capaciteit_toereikend": False,
                "taak": taak,
                "indicatie_misdrijf": False,
                "gevraagd": [],
            }
        )
    assert fout.value.veld == "gevraagd"
    assert "minstens één leverancier" in fout.value.melding


@pytest.mark.parametrize(
    "velden",
    [
        {"eigen_capaciteit_toereikend": True, "taak": "openbare_orde"},
        {"eigen_capaciteit_toereikend": False, "taak": "vreemdelingentoezicht"},
        {
            "eigen_capaciteit_toereikend": False,
            "taak": "geen_politietaak",
            "aanvrager": "burgemeester",
        },
    ],
)
def test_situatie_from_dict_lege_gevraagd_lijst_mag_zonder_bijstand(
    velden: dict[str, object],
) -> None:
    assert situatie_from_dict({**velden, "gevraagd": []}).gevraagd == ()
