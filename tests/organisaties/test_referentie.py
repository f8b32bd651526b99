"""The pure loader of the organisations' reference data (organisaties/referentie.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from politiebijstand.organisaties.referentie import (
    CONTRACT_CODES,
    DEFAULT_PATH,
    SOORTEN,
    OngeldigeReferentie,
    OrganisatieInfo,
    load_referentie,
)
from tests.conftest import DOCS

FACTSHEET = DOCS / "bronnen" / "factsheet-bijstand-politie.md"
CONTRACT = DOCS / "contract" / "advies.md"


def _raw() -> dict[str, Any]:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "organisaties.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _index(data: dict[str, Any], code: str) -> int:
    codes = [entry["code"] for entry in data["organisaties"]]
    return codes.index(code)


def test_contract_codes_are_those_of_the_contract() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    paragraph = text.split("Organisation codes:", 1)[1].split("\n\n", 1)[0]
    assert tuple(re.findall(r"`([A-Z][A-Z0-9-]*)`", paragraph)) == CONTRACT_CODES


def test_every_contract_code_is_in_the_file_in_contract_order() -> None:
    referentie = load_referentie()
    assert tuple(referentie) == CONTRACT_CODES
    assert all(info.code == code for code, info in referentie.items())


def test_every_entry_has_a_known_soort_and_dutch_text() -> None:
    for info in load_referentie().values():
        assert info.soort in SOORTEN
        assert info.naam
        assert info.omschrijving.endswith(".")
        assert info.bron.startswith("factsheet")


def _factsheet_contacts() -> dict[str, dict[str, str]]:
    """The section "Contactgegevens" of the factsheet: organisation -> label -> value."""
    section = FACTSHEET.read_text(encoding="utf-8").split("\nContactgegevens\n", 1)[1]
    section = section.split("Deze factsheet is een uitgave van", 1)[0]
    contacts: dict[str, dict[str, str]] = {}
    current = ""
    for line in filter(None, (line.strip() for line in section.splitlines())):
        match = re.fullmatch(r"(.*?) ((?:o|0)\d{1,3} - [\d ]+|\S+@\S+|www\.\S+)", line)
        if match is None:
            current = line
            contacts[current] = {}
        else:
            contacts[current][match.group(1)] = match.group(2)
    return contacts


def test_factsheet_contacts_are_parsed_as_expected() -> None:
    assert _factsheet_contacts() == {
        "Landelijk Operationeel Coördinatiecentrum (LOCC)": {
            "Piket (bij spoed 24/7)": "o88 - 662 80 48",
            "Mail": "locc@nctv.minvenj.nl",
            "Internet": "www.nctv.nl/locc",
        },
        "Landelijke Eenheid van Politie (LE)": {
            "Operations (spoed)": "o88 - 661 55 40",
            "Algemeen nummer": "0343 - 53 55 55",
            "Afdeling Preparatie en Operationeel Beheer": "o88 - 661 55 94",
            "Mail": "mailboxklpdpreparatie@klpd.politie.nl",
        },
        "Operationele Zaken en Incidentmanagement (OZI)": {
            "Piket": "070 - 370 78 98",
            "Mail": "DCC-IM@minvenj.nl",
        },
    }


def test_contact_details_equal_the_factsheet_with_088_corrected() -> None:
    fs = {
        org: {label: re.sub(r"^o88", "088", value) for label, value in values.items()}
        for org, values in _factsheet_contacts().items()
    }
    ref = load_referentie()
    locc = fs["Landelijk Operationeel Coördinatiecentrum (LOCC)"]
    le = fs["Landelijke Eenheid van Politie (LE)"]
    ozi = fs["Operationele Zaken en Incidentmanagement (OZI)"]
    assert (ref["LOCC"].telefoon_spoed, ref["LOCC"].email, ref["LOCC"].website) == (
        locc["Piket (bij spoed 24/7)"],
        locc["Mail"],
        locc["Internet"],
    )
    assert (ref["LOCC"].telefoon, ref["LOCC"].telefoon_algemeen) == ("", "")
    assert (
        ref["LE-POB"].telefoon_spoed,
        ref["LE-POB"].telefoon,
        ref["LE-POB"].telefoon_algemeen,
        ref["LE-POB"].email,
        ref["LE-POB"].website,
    ) == (
        le["Operations (spoed)"],
        le["Afdeling Preparatie en Operationeel Beheer"],
        le["Algemeen nummer"],
        le["Mail"],
        "",
    )
    assert (ref["OZI"].telefoon_spoed, ref["OZI"].email, ref["OZI"].telefoon) == (
        ozi["Piket"],
        ozi["Mail"],
        "",
    )
    assert ref["LOCC"].telefoon_spoed == "088 - 662 80 48"
    assert ref["LE-POB"].telefoon_spoed == "088 - 661 55 40"
    assert ref["LE-POB"].telefoon == "088 - 661 55 94"


def test_the_o88_correction_is_recorded_where_it_was_made() -> None:
    ref = load_referentie()
    for code in ("LOCC", "LE-POB"):
        assert '"o88" (letter o)' in ref[code].opmerking
    assert "o88" not in ref["OZI"].opmerking


def test_organisations_without_published_contacts_have_empty_contact_fields() -> None:
    ref = load_referentie()
    with_contacts = {"LOCC", "LE-POB", "OZI"}
    for code, info in ref.items():
        contact = (info.telefoon_spoed, info.telefoon, info.telefoon_algemeen, info.email)
        if code in with_contacts:
            assert any(contact), code
        else:
            assert contact == ("", "", "", ""), code
            assert info.website == ""
            assert info.opmerking, code
    assert "via het LOCC" in ref["DJZ"].opmerking


def test_load_returns_a_fresh_dict_of_frozen_entries() -> None:
    first = load_referentie()
    first.pop("LOCC")
    assert "LOCC" in load_referentie()
    with pytest.raises(AttributeError):
        load_referentie()["LOCC"].naam = "x"  # type: ignore[misc]


def test_load_sees_a_changed_file(tmp_path: Path) -> None:
    data = _raw()
    path = _write(tmp_path, data)
    assert load_referentie(path)["OVR"].afkorting == "OVR"
    data["organisaties"][_index(data, "OVR")]["afkorting"] = "Officier VR"
    path.write_text(yaml.safe_dump(data, allow_unicode=True) + "\n", encoding="utf-8")
    assert load_referentie(str(path))["OVR"].afkorting == "Officier VR"


def test_parent_is_read_and_defaults_to_none(tmp_path: Path) -> None:
    data = _raw()
    data["organisaties"].append(
        {
            "code": "RCCB-UTRECHT",
            "naam": "RCCB van de eenheid Midden-Nederland",
            "afkorting": "RCCB MN",
            "soort": "politie",
            "omschrijving": "Voert de bijstandsaanvragen van de eenheid uit.",
            "bron": "factsheet, toelichting 1",
            "parent": "RCCB",
        }
    )
    ref = load_referentie(_write(tmp_path, data))
    assert ref["RCCB-UTRECHT"] == OrganisatieInfo(
        code="RCCB-UTRECHT",
        naam="RCCB van de eenheid Midden-Nederland",
        afkorting="RCCB MN",
        soort="politie",
        omschrijving="Voert de bijstandsaanvragen van de eenheid uit.",
        telefoon_spoed="",
        telefoon="",
        telefoon_algemeen="",
        email="",
        website="",
        opmerking="",
        bron="factsheet, toelichting 1",
        parent="RCCB",
    )
    assert ref["RCCB"].parent is None


def test_loader_imports_no_django() -> None:
    code = (
        "import sys; import politiebijstand.organisaties.referentie as r; r.load_referentie(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- validation: each error names the entry and the field -----------------------------------

BAD_ENTRIES: list[tuple[str, str, object, str, str]] = [
    # (code, field, new value or None to delete, expected veld suffix, expected melding part)
    ("LOCC", "telefoon_spoed", "o88 - 662 80 48", "telefoon_spoed", "ongeldig telefoonnummer"),
    ("LOCC", "telefoon", "088 - 662 80", "telefoon", "tien cijfers"),
    ("LOCC", "telefoon_spoed", 886628048, "telefoon_spoed", "moet tekst zijn, niet int"),
    ("OZI", "soort", "ministerie", "soort", "onbekende soort 'ministerie'"),
    ("OZI", "email", "DCC-IM at minvenj.nl", "email", "ongeldig e-mailadres"),
    ("LOCC", "website", "www nctv nl", "website", "ongeldig webadres"),
    ("DJZ", "naam", None, "naam", "verplicht veld ontbreekt"),
    ("DJZ", "omschrijving", "", "omschrijving", "mag niet leeg zijn"),
    ("DJZ", "afkorting", " DJZ", "afkorting", "witruimte"),
    ("DJZ", "telefoonnummer", "088 - 662 80 48", "telefoonnummer", "onbekend veld"),
    ("DJZ", "parent", "DEFENSIE", "parent", "onbekende code 'DEFENSIE'"),
    ("DJZ", "parent", "DJZ", "parent", "kringverwijzing"),
    ("DJZ", "naam", "x" * 201, "naam", "te lang: 201 tekens, maximaal 200"),
    ("DJZ", "actief", True, "actief", "onbekend veld"),
]


@pytest.mark.parametrize(("code", "field", "value", "veld", "melding"), BAD_ENTRIES)
def test_invalid_entry_names_the_entry_and_field(
    tmp_path: Path, code: str, field: str, value: object, veld: str, melding: str
) -> None:
    data = _raw()
    index = _index(data, code)
    if value is None:
        del data["organisaties"][index][field]
    else:
        data["organisaties"][index][field] = value
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(_write(tmp_path, data))
    assert info.value.veld == f"organisaties[{index}].{veld}"
    assert info.value.code == code
    assert melding in info.value.melding
    assert str(info.value).startswith(f"organisaties.yaml: organisatie {code}, veld ")


def test_invalid_code_is_named(tmp_path: Path) -> None:
    data = _raw()
    data["organisaties"][0]["code"] = "rccb"
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(_write(tmp_path, data))
    assert info.value.veld == "organisaties[0].code"
    assert "ongeldige code 'rccb'" in info.value.melding


def test_duplicate_code_is_refused(tmp_path: Path) -> None:
    data = _raw()
    data["organisaties"][1]["code"] = "RCCB"
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(_write(tmp_path, data))
    assert (info.value.veld, info.value.code, info.value.melding) == (
        "organisaties[1].code",
        "RCCB",
        "code komt dubbel voor",
    )


def test_missing_contract_code_is_refused(tmp_path: Path) -> None:
    data = _raw()
    del data["organisaties"][_index(data, "OVJ")]
    del data["organisaties"][_index(data, "DOC")]
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(_write(tmp_path, data))
    assert info.value.veld == "organisaties"
    assert info.value.melding == "codes van het contract ontbreken: DOC, OVJ"


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace("  - code: DOC\n", "  - code: DOC\n    code: DOCX\n"), "utf-8")
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(path)
    assert info.value.veld == "bestand"
    assert "sleutel 'code' komt dubbel voor" in info.value.melding


@pytest.mark.parametrize(
    ("content", "melding"),
    [
        ("- code: RCCB\n", "precies één sleutel 'organisaties'"),
        ("organisaties: {}\n", "niet-lege lijst"),
        ("organisaties: []\nextra: 1\n", "precies één sleutel 'organisaties'"),
        ("organisaties: [\n", "geen geldige YAML"),
        ("organisaties:\n  - RCCB\n", "mapping met velden"),
    ],
)
def test_invalid_file_shape_is_refused(tmp_path: Path, content: str, melding: str) -> None:
    path = tmp_path / "vorm.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(path)
    assert melding in info.value.melding


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(OngeldigeReferentie) as info:
        load_referentie(tmp_path / "weg.yaml")
    assert info.value.veld == "bestand"
    assert "kan niet gelezen worden" in info.value.melding
