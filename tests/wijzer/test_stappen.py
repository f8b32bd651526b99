"""The wizard's steps: which questions are asked, and the Situatie built from the answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.http import QueryDict

import pytest

from politiebijstand.rules import advies_bepalen, situatie_from_dict
from politiebijstand.vragenlijst.stappen import (
    canonieke_query,
    details_velden,
    naar_situatie,
    pad,
    query_van_situatie,
    voortgang,
)
from politiebijstand.wijzer.views import alineas
from tests.conftest import CASES_DIR

CASE_FILES = sorted(CASES_DIR.glob("*.json"))


def q(text: str) -> QueryDict:
    return QueryDict(text)


def slugs(query: str) -> list[str]:
    return [s.slug for s in voortgang(q(query)).pad]


def test_zonder_antwoorden_is_de_taak_de_eerste_open_vraag() -> None:
    stand = voortgang(q(""))
    assert stand.open is not None
    assert stand.open.stap.slug == "taak"
    assert stand.open.ongeldig is False
    assert stand.antwoorden == {}


def test_eigen_capaciteit_voldoende_slaat_de_leveranciers_over() -> None:
    stand = voortgang(q("taak=openbare_orde&eigen_capaciteit_toereikend=ja"))
    assert stand.open is None
    assert [s.slug for s in stand.pad] == ["taak", "capaciteit"]
    assert naar_situatie(stand.antwoorden) == {
        "eigen_capaciteit_toereikend": True,
        "taak": "openbare_orde",
        "gevraagd": [],
    }


def test_vermissing_vraagt_naar_een_indicatie_van_een_misdrijf() -> None:
    assert slugs("taak=vermissing") == ["taak", "misdrijf"]
    assert slugs("taak=vermissing&indicatie_misdrijf=ja") == ["taak", "misdrijf", "capaciteit"]


def test_geen_politietaak_vraagt_wie_aanvraagt_en_dan_geen_leveranciers() -> None:
    stand = voortgang(
        q("taak=geen_politietaak&aanvrager=officier_van_justitie&eigen_capaciteit_toereikend=nee")
    )
    assert stand.open is None
    assert [s.slug for s in stand.pad] == ["taak", "aanvrager", "capaciteit"]
    assert naar_situatie(stand.antwoorden) == {
        "eigen_capaciteit_toereikend": False,
        "taak": "geen_politietaak",
        "aanvrager": "officier_van_justitie",
    }


@pytest.mark.parametrize("taak", ["bewaking_en_beveiliging_rijksdomein", "vreemdelingentoezicht"])
def test_taken_van_de_minister_vragen_geen_leveranciers(taak: str) -> None:
    stand = voortgang(q(f"taak={taak}&eigen_capaciteit_toereikend=nee"))
    assert stand.open is None
    assert [s.slug for s in stand.pad] == ["taak", "capaciteit"]


def test_vervolgvragen_alleen_voor_de_gekozen_leveranciers_in_vaste_volgorde() -> None:
    basis = "taak=openbare_orde&eigen_capaciteit_toereikend=nee"
    assert slugs(f"{basis}&leverancier=kmar") == ["taak", "capaciteit", "leveranciers", "details"]
    alle = (
        f"{basis}&leverancier=buitenland&leverancier=krijgsmacht&leverancier=middelen_jenv"
        "&middel=waterwerper&oefening=nee&krijgsmacht_voorwaarde=geen&land=BE"
    )
    assert slugs(alle) == [
        "taak",
        "capaciteit",
        "leveranciers",
        "middelen",
        "waterwerper",
        "krijgsmacht",
        "buitenland",
        "details",
    ]


def test_waterwerpervraag_alleen_als_een_waterwerper_gekozen_is() -> None:
    basis = "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=middelen_jenv"
    assert "waterwerper" not in slugs(f"{basis}&middel=vrt_voertuig")
    assert "waterwerper" in slugs(f"{basis}&middel=vrt_voertuig&middel=waterwerper")


def test_pad_volgt_het_gezag_en_bij_vermissing_de_indicatie() -> None:
    assert pad({"taak": "openbare_orde"}) == "A"
    assert pad({"taak": "hulpverlening"}) == "A"
    assert pad({"taak": "strafrechtelijke_handhaving"}) == "B"
    assert pad({"taak": "taken_ten_dienste_van_justitie"}) == "B"
    assert pad({"taak": "vermissing", "indicatie_misdrijf": True}) == "B"
    assert pad({"taak": "vermissing", "indicatie_misdrijf": False}) == "A"
    assert pad({"taak": "vermissing"}) is None
    assert pad({"taak": "vreemdelingentoezicht"}) is None


def test_detailvragen_alleen_waar_de_motor_ze_gebruikt() -> None:
    a = {"taak": "openbare_orde"}
    b = {"taak": "strafrechtelijke_handhaving"}
    assert details_velden({**a, "leverancier": ["buitenland"]}) == ["spoed", "gemeenten"]
    assert details_velden({**a, "leverancier": ["politie"]}) == [
        "spoed",
        "gemeenten",
        "aanvrager_is_regioburgemeester",
    ]
    assert details_velden({**a, "leverancier": ["kmar"]}) == [
        "spoed",
        "gemeenten",
        "locatiegebonden",
    ]
    assert details_velden({**b, "leverancier": ["politie", "kmar"]}) == ["spoed", "gemeenten"]
    assert details_velden({**b, "leverancier": ["krijgsmacht"]}) == [
        "spoed",
        "gemeenten",
        "convenant",
    ]


def test_gemeenten_per_regel_of_met_komma_gescheiden() -> None:
    stand = voortgang(
        q(
            "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar&spoed=nee"
            "&locatiegebonden=nee&gemeenten=Veenendaal%0D%0ADe+Bilt,+Utrechtse+Heuvelrug%0D%0A"
        )
    )
    assert stand.open is None
    assert stand.antwoorden["gemeenten"] == ["Veenendaal", "De Bilt", "Utrechtse Heuvelrug"]
    assert canonieke_query(stand).getlist("gemeenten") == [
        "Veenendaal, De Bilt, Utrechtse Heuvelrug"
    ]


def test_geen_van_deze_niet_samen_met_een_voorwaarde() -> None:
    stand = voortgang(
        q(
            "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=krijgsmacht"
            "&krijgsmacht_voorwaarde=geen&krijgsmacht_voorwaarde=politie_uitgeput"
        )
    )
    assert stand.open is not None
    assert stand.open.stap.slug == "krijgsmacht"
    assert stand.open.ongeldig is True
    assert stand.open.fouten() == [
        (
            "krijgsmacht_voorwaarde",
            "Welke voorwaarden voor bijstand door de krijgsmacht zijn vervuld? "
            "Kies 'Geen van deze' niet samen met een voorwaarde.",
        )
    ]


def test_ongeldige_waarde_in_de_link_noemt_het_veld() -> None:
    stand = voortgang(q("taak=rellen"))
    assert stand.open is not None
    assert stand.open.ongeldig is True
    assert stand.open.fouten() == [
        (
            "taak",
            "Voor welke politietaak is capaciteit nodig? Kies een van de genoemde politietaken.",
        )
    ]


def test_krijgsmacht_op_pad_b_vraagt_niet_naar_de_kmar() -> None:
    stand = voortgang(
        q(
            "taak=strafrechtelijke_handhaving&eigen_capaciteit_toereikend=nee"
            "&leverancier=krijgsmacht&krijgsmacht_voorwaarde=politie_uitgeput"
            "&krijgsmacht_voorwaarde=kmar_uitgeput&spoed=nee&convenant=ja"
        )
    )
    assert stand.open is None
    assert naar_situatie(stand.antwoorden)["gevraagd"] == [
        {
            "leverancier": "krijgsmacht",
            "politie_uitgeput": True,
            "specialisme_niet_beschikbaar": False,
        }
    ]


def test_antwoorden_van_een_ander_pad_tellen_niet_mee() -> None:
    stand = voortgang(
        q(
            "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar&spoed=ja"
            "&locatiegebonden=ja&convenant=ja&middel=waterwerper&land=DE&indicatie_misdrijf=ja"
        )
    )
    assert stand.open is None
    assert naar_situatie(stand.antwoorden) == {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "spoed": True,
        "gemeenten": [],
        "locatiegebonden": True,
        "gevraagd": [{"leverancier": "kmar"}],
    }
    assert canonieke_query(stand).urlencode() == (
        "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar&spoed=ja"
        "&locatiegebonden=ja"
    )


def _case(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["situatie"]
    return data


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_elke_case_geeft_via_de_wijzer_hetzelfde_advies(path: Path) -> None:
    """The questions the wizard leaves out do not change the advice (only where it matters)."""
    situatie = _case(path)
    stand = voortgang(query_van_situatie(situatie))
    assert stand.open is None, stand.open.fouten() if stand.open else None
    via_wijzer = advies_bepalen(situatie_from_dict(naar_situatie(stand.antwoorden)))
    direct = advies_bepalen(situatie_from_dict(situatie))
    assert via_wijzer.to_dict() == direct.to_dict()


def test_de_cases_zijn_gevonden() -> None:
    assert len(CASE_FILES) >= 14


def test_alineas_voegt_harde_regeleinden_samen_en_houdt_opsommingen_apart() -> None:
    assert alineas("a\nb\n\n- c\n  d\n- e") == [["a b"], ["- c d", "- e"]]
    assert alineas("") == []


def test_regioburgemeester_is_een_eigen_stap_na_de_details_zonder_gemeenten() -> None:
    basis = "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=politie"
    assert slugs(basis) == ["taak", "capaciteit", "leveranciers", "details"]
    assert slugs(f"{basis}&spoed=nee") == [
        "taak",
        "capaciteit",
        "leveranciers",
        "details",
        "regioburgemeester",
    ]
    stand = voortgang(q(f"{basis}&spoed=nee&aanvrager_is_regioburgemeester=ja"))
    assert stand.open is None
    assert naar_situatie(stand.antwoorden)["aanvrager_is_regioburgemeester"] is True
    # With municipalities it is derived per municipality (contract, interpretation 12): not
    # asked, and a stale answer in the query is left out of the situation.
    met = f"{basis}&spoed=nee&gemeenten=Utrecht&aanvrager_is_regioburgemeester=nee"
    assert slugs(met) == ["taak", "capaciteit", "leveranciers", "details"]
    stand = voortgang(q(met))
    assert stand.open is None
    assert naar_situatie(stand.antwoorden) == {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "spoed": False,
        "gemeenten": ["Utrecht"],
        "gevraagd": [{"leverancier": "politie"}],
    }
    # Not asked where it plays no part (procedure 1 only: contract, interpretation 4).
    kmar = "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
    assert "regioburgemeester" not in slugs(f"{kmar}&spoed=nee&locatiegebonden=ja")


def test_een_nieuwe_vraag_na_een_gewijzigd_antwoord_is_open_niet_ongeldig() -> None:
    # Path B with the armed forces added after the details were answered: the convenant
    # question is new. gh: user test defect 3 ("Er is 1 fout" for a question never seen).
    stand = voortgang(
        q(
            "taak=strafrechtelijke_handhaving&eigen_capaciteit_toereikend=nee"
            "&leverancier=kmar&leverancier=krijgsmacht&krijgsmacht_voorwaarde=politie_uitgeput"
            "&spoed=nee&gemeenten=Utrecht"
        )
    )
    assert stand.open is not None
    assert stand.open.stap.slug == "details"
    assert stand.open.ongeldig is False
    # A given answer that is wrong still is.
    fout = voortgang(
        q(
            "taak=strafrechtelijke_handhaving&eigen_capaciteit_toereikend=nee"
            "&leverancier=krijgsmacht&krijgsmacht_voorwaarde=politie_uitgeput"
            "&spoed=misschien&gemeenten=Utrecht"
        )
    )
    assert fout.open is not None
    assert fout.open.ongeldig is True
    assert [naam for naam, _ in fout.open.fouten()] == ["spoed", "convenant"]


@pytest.mark.parametrize(
    ("gemeenten", "melding"),
    [
        ("Utrecht,+utrecht", "'utrecht' staat al in de lijst (gemeenten[0])."),
        ("A" * 81, "Een gemeentenaam is ten hoogste 80 tekens lang."),
        ("Amsterdma", "Onbekende gemeente 'Amsterdma'; bedoelt u Amsterdam?"),
    ],
)
def test_gemeenten_stap_weigert_wat_het_advies_zou_weigeren(gemeenten: str, melding: str) -> None:
    stand = voortgang(
        q(
            "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar&spoed=nee"
            f"&locatiegebonden=ja&gemeenten={gemeenten}"
        )
    )
    assert stand.open is not None
    assert stand.open.ongeldig is True
    assert [veld for veld, _ in stand.open.fouten()] == ["gemeenten"]
    assert stand.open.fouten()[0][1].endswith(melding)
