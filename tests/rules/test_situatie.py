"""Input validation in `situatie_from_dict` and `json_laden`: the single place for every channel."""

from __future__ import annotations

import json
from typing import Any

import pytest

from politiebijstand.rules.gemeenten import gemeenten
from politiebijstand.rules.situatie import (
    MAX_GEMEENTE_LENGTE,
    MAX_GEMEENTEN,
    MAX_JSON_DIEPTE,
    OngeldigeJson,
    OngeldigeSituatie,
    json_laden,
    situatie_from_dict,
)

BASIS: dict[str, Any] = {
    "eigen_capaciteit_toereikend": False,
    "taak": "openbare_orde",
    "gevraagd": [{"leverancier": "kmar"}],
}


def _fout(**velden: Any) -> tuple[str, str]:
    with pytest.raises(OngeldigeSituatie) as fout:
        situatie_from_dict({**BASIS, **velden})
    return fout.value.veld, fout.value.melding


def test_gemeenten_worden_getrimd_en_krijgen_hun_officiele_naam_in_hun_volgorde() -> None:
    situatie = situatie_from_dict({**BASIS, "gemeenten": ["  Den Haag ", "rijswijk\n", "Delft"]})
    assert situatie.gemeenten == ("'s-Gravenhage", "Rijswijk (ZH.)", "Delft")


def test_gemeenten_ten_hoogste_342_elk_een_keer() -> None:
    assert MAX_GEMEENTEN == 342
    namen = [g.naam for g in gemeenten()]
    assert len(situatie_from_dict({**BASIS, "gemeenten": namen}).gemeenten) == 342
    assert _fout(gemeenten=[*namen, "Nog een"]) == (
        "gemeenten",
        "ten hoogste 342 gemeenten, niet 343",
    )


def test_gemeentenaam_ten_hoogste_80_tekens_na_trimmen() -> None:
    assert MAX_GEMEENTE_LENGTE == 80
    naam = "x" * 80
    # 80 characters pass the length check; no municipality has such a name.
    assert _fout(gemeenten=[f" {naam} "]) == (
        "gemeenten[0]",
        f"onbekende gemeente '{'x' * 17}...{'x' * 18}'; geef de naam van een Nederlandse gemeente",
    )
    assert _fout(gemeenten=["Utrecht", naam + "x"]) == (
        "gemeenten[1]",
        "een gemeentenaam is ten hoogste 80 tekens lang",
    )


@pytest.mark.parametrize(
    ("naam", "melding"),
    [
        ("Amsterdma", "onbekende gemeente 'Amsterdma'; bedoelt u Amsterdam?"),
        (
            "Bergen",
            "onbekende gemeente 'Bergen'; bedoelt u Bergen (L.), Bergen (NH.) of Bergen op Zoom?",
        ),
        ("Zzzz", "onbekende gemeente 'Zzzz'; geef de naam van een Nederlandse gemeente"),
    ],
)
def test_onbekende_gemeente_noemt_het_veld_en_de_naaste_namen(naam: str, melding: str) -> None:
    """Issue #8: "Amsterdma" is an error naming `gemeenten` and suggesting Amsterdam."""
    assert _fout(gemeenten=["Utrecht", naam]) == ("gemeenten[1]", melding)


@pytest.mark.parametrize(
    ("naam", "officieel"),
    [
        ("Den Haag", "'s-Gravenhage"),
        ("den bosch", "'s-Hertogenbosch"),
        ("'S-GRAVENHAGE", "'s-Gravenhage"),
        ("Sudwest Fryslan", "Súdwest-Fryslân"),
        ("Bergen (NH)", "Bergen (NH.)"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("Tietjerksteradeel", "Tytsjerksteradiel"),
    ],
)
def test_bekende_andere_namen_geven_de_officiele_naam(naam: str, officieel: str) -> None:
    assert situatie_from_dict({**BASIS, "gemeenten": [naam]}).gemeenten == (officieel,)


def test_een_andere_naam_van_dezelfde_gemeente_is_dubbel() -> None:
    assert _fout(gemeenten=["Den Haag", "'s-Gravenhage"]) == (
        "gemeenten[1]",
        '"\'s-Gravenhage" staat al in de lijst (gemeenten[0])',
    )


@pytest.mark.parametrize("naam", ["Den\tHaag", "Den\x00Haag", "Den\u202eHaag", "Den\u200bHaag"])
def test_gemeentenaam_zonder_stuurtekens(naam: str) -> None:
    assert _fout(gemeenten=["Utrecht", naam]) == (
        "gemeenten[1]",
        "een gemeentenaam mag geen stuurtekens bevatten",
    )


def test_dubbele_gemeente_ongeacht_hoofdletters_en_spaties() -> None:
    assert _fout(gemeenten=["Den Haag", "Delft", " DEN HAAG "]) == (
        "gemeenten[2]",
        "'DEN HAAG' staat al in de lijst (gemeenten[0])",
    )


def test_dezelfde_leverancier_en_middel_twee_keer_noemt_gevraagd_i() -> None:
    waterwerper = {"leverancier": "middelen_jenv", "middel": "waterwerper"}
    container = {"leverancier": "middelen_jenv", "middel": "bewakingscontainer"}
    assert len(situatie_from_dict({**BASIS, "gevraagd": [waterwerper, container]}).gevraagd) == 2
    assert _fout(
        gevraagd=[waterwerper, {"leverancier": "kmar"}, {**waterwerper, "oefening": True}]
    ) == (
        "gevraagd[2]",
        "middelen_jenv (waterwerper) is al gevraagd in gevraagd[0]; vraag elk één keer",
    )
    krijgsmacht = {"leverancier": "krijgsmacht"}
    assert _fout(gevraagd=[krijgsmacht, {**krijgsmacht, "politie_uitgeput": True}]) == (
        "gevraagd[1]",
        "krijgsmacht is al gevraagd in gevraagd[0]; vraag elk één keer",
    )


def test_fout_in_een_item_gaat_voor_de_dubbele() -> None:
    assert _fout(gevraagd=[{"leverancier": "kmar"}, {"leverancier": "kmar", "x": 1}])[0] == (
        "gevraagd[1].x"
    )


@pytest.mark.parametrize("land", ["BE", "DE", "LU", None])
def test_land_is_een_iso_code_van_twee_hoofdletters(land: str | None) -> None:
    situatie = situatie_from_dict(
        {**BASIS, "gevraagd": [{"leverancier": "buitenland", "land": land}]}
    )
    assert situatie.gevraagd[0].land == land


@pytest.mark.parametrize("land", ["", "be", "BEL", "B", "B1", "België", " BE"])
def test_land_dat_geen_landcode_is_wordt_geweigerd(land: str) -> None:
    veld, melding = _fout(gevraagd=[{"leverancier": "buitenland", "land": land}])
    assert veld == "gevraagd[0].land"
    assert melding == (
        "moet een landcode van twee hoofdletters zijn (ISO 3166-1 alpha-2, bijvoorbeeld BE of "
        f"DE), niet {land!r}"
    )


def test_melding_toont_een_lange_of_diepe_waarde_ingekort() -> None:
    veld, melding = _fout(spoed="x" * 10_000)
    assert veld == "spoed"
    assert len(melding) < 100
    diep: Any = 1
    for _ in range(MAX_JSON_DIEPTE * 10):
        diep = [diep]
    assert _fout(spoed=diep) == ("spoed", "moet true of false zijn, niet [[[...]]]")


# --- json_laden ----------------------------------------------------------------------------


def test_json_laden_leest_utf8_met_en_zonder_bom() -> None:
    tekst = json.dumps(BASIS)
    assert json_laden(tekst) == json_laden(tekst.encode()) == BASIS
    assert json_laden(b"\xef\xbb\xbf" + tekst.encode()) == BASIS
    assert json_laden("\ufeff" + tekst) == BASIS


@pytest.mark.parametrize(
    ("tekst", "code", "melding"),
    [
        ("", "leeg", "leeg bestand (er staat geen JSON in)"),
        (b" \n", "leeg", "leeg bestand (er staat geen JSON in)"),
        (b"\xef\xbb\xbf", "leeg", "leeg bestand (er staat geen JSON in)"),
        (b"\xff{}", "geen-utf8", "geen UTF-8-tekst"),
        (
            "{",
            "geen-json",
            "geen geldige JSON (regel 1, kolom 2): Expecting property name "
            "enclosed in double quotes",
        ),
        ('{"a": 1, "a": 2}', "dubbele-sleutel", "veld 'a' komt dubbel voor in hetzelfde object"),
        (
            '{"a": [{"b": 1, "b": 1}]}',
            "dubbele-sleutel",
            "veld 'b' komt dubbel voor in hetzelfde object",
        ),
        ("NaN", "geen-json-waarde", "NaN is geen geldige JSON-waarde"),
        ("[-Infinity]", "geen-json-waarde", "-Infinity is geen geldige JSON-waarde"),
        ("9" * 5000, "getal-te-lang", "een getal is te lang (meer dan 4300 cijfers)"),
        ("[" * 17 + "]" * 17, "te-diep", "JSON te diep genest (meer dan 16 niveaus)"),
        ("[" * 100_000 + "]" * 100_000, "te-diep", "JSON te diep genest (meer dan 16 niveaus)"),
        (
            '{"a":' * 100_000 + "1" + "}" * 100_000,
            "te-diep",
            "JSON te diep genest (meer dan 16 niveaus)",
        ),
    ],
)
def test_json_laden_weigert_met_code_en_melding(
    tekst: str | bytes, code: str, melding: str
) -> None:
    with pytest.raises(OngeldigeJson) as fout:
        json_laden(tekst)
    assert (fout.value.code, fout.value.melding) == (code, melding)


def test_json_laden_staat_16_niveaus_toe() -> None:
    assert json_laden("[" * 16 + "]" * 16) == json.loads("[" * 16 + "]" * 16)
