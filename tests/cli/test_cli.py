from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from politiebijstand.cli import EXIT_ONGELDIG, advies_tekst, main
from politiebijstand.rules import advies_bepalen, situatie_from_dict
from politiebijstand.rules.catalogus import catalogus_markdown, regels
from politiebijstand.rules.versie import regels_versie_kort
from tests.conftest import REPO

KMAR: dict[str, Any] = {
    "eigen_capaciteit_toereikend": False,
    "taak": "openbare_orde",
    "gemeenten": ["Den Haag"],
    "gevraagd": [{"leverancier": "kmar"}],
}


def _schrijf(tmp_path: Path, inhoud: Any, naam: str = "situatie.json") -> Path:
    pad = tmp_path / naam
    pad.write_text(inhoud if isinstance(inhoud, str) else json.dumps(inhoud), encoding="utf-8")
    return pad


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    uit = capsys.readouterr()
    return status, uit.out, uit.err


def test_advies_json_is_precies_advies_to_dict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "advies", str(_schrijf(tmp_path, KMAR)), "--json")
    assert (status, err) == (0, "")
    assert json.loads(out) == advies_bepalen(situatie_from_dict(KMAR)).to_dict()
    assert out.endswith("}\n")


def test_advies_leest_van_standaardinvoer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(KMAR)))
    status, out, err = _run(capsys, "advies", "-", "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["routes"][0]["procedure"] == "3"


def test_advies_van_casusbestand_gebruikt_alleen_de_situatie(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    casus = {"id": "x", "bron": None, "situatie": KMAR, "verwacht": {"uitkomst": "iets anders"}}
    status, out, _ = _run(capsys, "advies", str(_schrijf(tmp_path, casus)), "--json")
    assert status == 0
    assert json.loads(out) == advies_bepalen(situatie_from_dict(KMAR)).to_dict()


def test_advies_tekst_noemt_route_contacten_met_nummer_stappen_en_bronnen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "advies", str(_schrijf(tmp_path, KMAR)))
    assert (status, err) == (0, "")
    regels_ = out.splitlines()
    assert regels_[:2] == ["Advies: bijstand aanvragen", "Gezag:  burgemeester"]
    assert "Route 1 van 1: Koninklijke Marechaussee (KMar), procedure 3" in regels_
    assert "  Grondslag:    Politiewet 2012, art. 57 lid 1" in regels_
    assert "  Indiener:     de burgemeester (dient in en ondertekent)" in regels_
    assert "    1. LOCC (Landelijk Operationeel Coördinatiecentrum)" in regels_
    assert "       spoed 24/7: 088 - 662 80 48; e-mail: locc@nctv.minvenj.nl" in regels_
    assert "  Besluit door: LOCC (Landelijk Operationeel Coördinatiecentrum)" in regels_
    assert (
        "     4. [BURGEMEESTER] Het aanvraagformulier wordt ondertekend door of namens de "
        "burgemeester." in regels_
    )
    assert "Waarschuwingen:" in regels_
    assert regels_[-2].startswith("Bronnen: factsheet, stroomschema stap 1;")
    assert regels_[-1] == f"Regelversie: {regels_versie_kort()}"


def test_advies_tekst_zonder_referentiedata_toont_codes() -> None:
    advies = advies_bepalen(situatie_from_dict(KMAR))
    regels_ = advies_tekst(advies).splitlines()
    assert "    1. LOCC" in regels_
    assert "  Besluit door: LOCC" in regels_


def test_advies_tekst_niet_toegestaan_zegt_wat_nu_en_roept_niet_op_tot_bellen() -> None:
    data = {**KMAR, "taak": "strafrechtelijke_handhaving", "spoed": True, "convenant": True}
    data["gevraagd"] = [{"leverancier": "krijgsmacht"}]
    regels_ = advies_tekst(advies_bepalen(situatie_from_dict(data))).splitlines()
    assert regels_[0] == (
        "Advies: niet aanvragen: geen gevraagde route is toegestaan (zie 'Wat nu')"
    )
    assert regels_[4] == "  Toegestaan:   NEE, zie de bezwaren"
    assert regels_[5] == (
        "  Wat nu:       Vraag in plaats daarvan bijstand van een andere politie-eenheid "
        "(procedure 6) of van"
    )
    assert "  Contacten, pas als aan de voorwaarde is voldaan:" in regels_
    assert "  Stappen, pas als aan de voorwaarde is voldaan:" in regels_
    assert "  Neem contact op met, in deze volgorde:" not in regels_
    assert "     1. [RCCB] RCCB neemt contact op met LE-POB." in regels_
    assert not any("Spoed:" in r or "convenant tussen" in r for r in regels_)


def test_advies_tekst_bezwaren_en_geen_formulier() -> None:
    data = {**KMAR, "taak": "strafrechtelijke_handhaving"}
    data["gevraagd"] = [{"leverancier": "krijgsmacht"}, {"leverancier": "buitenland"}]
    tekst = advies_tekst(advies_bepalen(situatie_from_dict(data)))
    assert "  Toegestaan:   NEE, zie de bezwaren" in tekst
    assert "  Bezwaren:\n    - Niet toegestaan (factsheet, stroomschema B" in tekst
    assert "Route 2 van 2: buitenlandse politie, rechtshulp (strafvorderlijke procedures)" in tekst
    assert "  Formulier:    geen formulier in dit systeem" in tekst
    assert "  Besluit door: geen (buiten dit systeem)" in tekst


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("{", "situatie.json: geen geldige JSON (regel 1, kolom 2)"),
        ("", "situatie.json: leeg bestand (er staat geen JSON in)"),
        (" \n\t", "situatie.json: leeg bestand"),
        ("[" * 100_000 + "]" * 100_000, "situatie.json: JSON te diep genest (meer dan 16 niveaus)"),
        ({"situatie": {"taak": [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}}, "JSON te diep genest"),
        ('{"spoed": NaN}', "situatie.json: NaN is geen geldige JSON-waarde"),
        ('{"spoed": ' + "9" * 5000 + "}", "situatie.json: een getal is te lang (meer dan 4300"),
        ("[]", "fout in veld 'situatie': moet een JSON-object zijn"),
        ('{"taak": "openbare_orde"}', "fout in veld 'eigen_capaciteit_toereikend': verplicht"),
        ({**KMAR, "onbekend": 1}, "fout in veld 'onbekend': onbekend veld"),
        ({**KMAR, "spoed": "ja"}, "fout in veld 'spoed': moet true of false zijn"),
        ({**KMAR, "taak": "vermissing"}, "fout in veld 'indicatie_misdrijf': verplicht"),
        (
            {**KMAR, "gevraagd": [{"leverancier": "middelen_jenv"}]},
            "fout in veld 'gevraagd[0].middel': verplicht bij middelen_jenv",
        ),
        (
            {"situatie": {**KMAR, "gevraagd": [{"leverancier": "kmar", "x": 1}]}},
            "fout in veld 'situatie.gevraagd[0].x': onbekend veld",
        ),
        ({"situatie": []}, "fout in veld 'situatie': moet een JSON-object zijn"),
        ('{"taak": "openbare_orde", "taak": "hulpverlening"}', "veld 'taak' komt dubbel voor"),
        (
            {**KMAR, "gemeenten": ["Den Haag", "den haag "]},
            "fout in veld 'gemeenten[1]': 'den haag' staat al in de lijst (gemeenten[0])",
        ),
        (
            {**KMAR, "gemeenten": ["Amsterdma"]},
            "fout in veld 'gemeenten[0]': onbekende gemeente 'Amsterdma'; bedoelt u Amsterdam?",
        ),
        (
            {**KMAR, "gevraagd": [{"leverancier": "kmar"}, {"leverancier": "kmar"}]},
            "fout in veld 'gevraagd[1]': kmar is al gevraagd in gevraagd[0]",
        ),
        (
            {**KMAR, "gevraagd": [{"leverancier": "buitenland", "land": "Belgie"}]},
            "fout in veld 'gevraagd[0].land': moet een landcode van twee hoofdletters zijn",
        ),
    ],
)
def test_advies_ongeldige_invoer_exit_2_niets_op_stdout_melding_noemt_veld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: Any, melding: str
) -> None:
    for extra in ([], ["--json"]):
        status, out, err = _run(capsys, "advies", str(_schrijf(tmp_path, inhoud)), *extra)
        assert status == EXIT_ONGELDIG == 2
        assert out == ""
        assert err.startswith("politiebijstand advies: ")
        assert melding in err
        assert err.endswith("\n")


def test_advies_onleesbaar_bestand_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ontbreekt = tmp_path / "bestaat-niet.json"
    status, out, err = _run(capsys, "advies", str(ontbreekt))
    assert (status, out) == (2, "")
    assert err == f"politiebijstand advies: kan {ontbreekt} niet lezen: No such file or directory\n"
    status, out, err = _run(capsys, "advies", str(tmp_path))
    assert (status, out) == (2, "")
    assert err == f"politiebijstand advies: kan {tmp_path} niet lezen: Is a directory\n"
    binair = tmp_path / "binair.json"
    binair.write_bytes(b"\xff\xfe{\x00")
    status, out, err = _run(capsys, "advies", str(binair))
    assert (status, out) == (2, "")
    assert err == f"politiebijstand advies: {binair}: geen UTF-8-tekst\n"


def test_advies_leest_bestand_en_standaardinvoer_met_utf8_bom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "bom.json"
    pad.write_bytes(b"\xef\xbb\xbf" + json.dumps(KMAR).encode())
    status, out, err = _run(capsys, "advies", str(pad), "--json")
    assert (status, err) == (0, "")
    assert json.loads(out) == advies_bepalen(situatie_from_dict(KMAR)).to_dict()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pad.read_bytes())))
    status, out, err = _run(capsys, "advies", "-", "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["routes"][0]["procedure"] == "3"


def test_advies_diep_geneste_json_via_subprocess_exit_2_zonder_traceback(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, "[" * 100_000 + "]" * 100_000)
    proces = subprocess.run(
        [str(REPO / ".venv" / "bin" / "politiebijstand"), "advies", str(pad)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (proces.returncode, proces.stdout) == (2, "")
    assert proces.stderr == (
        f"politiebijstand advies: {pad}: JSON te diep genest (meer dan 16 niveaus)\n"
    )


def test_advies_zonder_bestand_is_gebruiksfout(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["advies"])
    assert exit_.value.code == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert "FILE" in uit.err


def test_advies_ongeldige_invoer_via_subprocess_van_standaardinvoer() -> None:
    proces = subprocess.run(
        [str(REPO / ".venv" / "bin" / "politiebijstand"), "advies", "-", "--json"],
        input=json.dumps({**KMAR, "gevraagd": [{"leverancier": "leger"}]}),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proces.returncode == 2
    assert proces.stdout == ""
    assert "fout in veld 'gevraagd[0].leverancier': onbekende waarde 'leger'" in proces.stderr


def test_regels_markdown_is_de_catalogus(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "regels", "--markdown")
    assert (status, err) == (0, "")
    assert out == catalogus_markdown()


def test_regels_tekst_noemt_elke_regel_met_bron(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "regels")
    assert status == 0
    alle = regels()
    assert out.splitlines()[0] == (
        f"Regelcatalogus: {len(alle)} regels (regelversie {regels_versie_kort()})"
    )
    for regel in alle:
        assert f"  {regel.naam}: {regel.samenvatting}" in out
    assert "      bron: Politiewet 2012, art. 57 lid 1 (BWBR0031788)" in out


def test_advies_tekst_noemt_elk_formulier_per_gemeente_met_zijn_zienswijze() -> None:
    """Issue #8, interpretation 12: Den Haag and Wassenaar each their own form."""
    tekst = advies_tekst(
        advies_bepalen(
            situatie_from_dict(
                {
                    "eigen_capaciteit_toereikend": False,
                    "taak": "openbare_orde",
                    "gemeenten": ["Den Haag", "Wassenaar"],
                    "gevraagd": [{"leverancier": "politie"}],
                }
            )
        ),
        {},
    )
    assert (
        "  Formulieren:  2, één per gemeente, elk ondertekend door de eigen burgemeester:\n"
        "    - 's-Gravenhage; zienswijze niet van toepassing: de burgemeester is zelf "
        "regioburgemeester\n"
        "    - Wassenaar; zienswijze vereist: de regioburgemeester krijgt eerst de gelegenheid "
        "zijn\n      zienswijze te geven\n"
    ) in tekst


# Contract, interpretation 13 (issue #8, item 8): the two case files outside the factsheet.
BUITEN_FACTSHEET = {
    "beveiliging-personen-minister": (
        "minister_jenv",
        {"regeling": "Politiewet 2012", "artikel": "56", "lid": "5"},
        "Grondslag: Politiewet 2012, art. 56 lid 5",
    ),
    "dsi-bijzondere-bijstandseenheid": (
        "officier_van_justitie",
        {"regeling": "Politiewet 2012", "artikel": "59", "lid": None},
        "Grondslag: Politiewet 2012, art. 59",
    ),
}


@pytest.mark.parametrize("naam", sorted(BUITEN_FACTSHEET))
def test_advies_buiten_de_factsheet_json_en_tekst(
    naam: str, capsys: pytest.CaptureFixture[str]
) -> None:
    gezag, grondslag, regel = BUITEN_FACTSHEET[naam]
    pad = REPO / "docs" / "cases" / f"{naam}.json"
    status, out, err = _run(capsys, "advies", str(pad), "--json")
    assert (status, err) == (0, "")
    advies = json.loads(out)
    assert {k: advies[k] for k in ("uitkomst", "gezag", "grondslag", "besluit_door", "routes")} == {
        "uitkomst": "buiten_factsheet",
        "gezag": gezag,
        "grondslag": grondslag,
        "besluit_door": "MINISTER-JENV",
        "routes": [],
    }
    assert len(advies["waarschuwingen"]) == 1
    assert "valt buiten de factsheet" in advies["waarschuwingen"][0]
    situatie = json.loads(pad.read_text(encoding="utf-8"))["situatie"]
    regels_ = advies_tekst(advies_bepalen(situatie_from_dict(situatie))).splitlines()
    assert regels_[0] == (
        "Advies: bijstand buiten de factsheet: de Politiewet 2012 regelt een eigen weg"
    )
    assert regels_[2:4] == [regel, "Beslist: MINISTER-JENV"]
    assert not any(r.startswith("Route ") for r in regels_)
