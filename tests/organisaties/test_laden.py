"""The model `Organisatie`, the command `referentiedata_laden`, the selector and the admin."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.test import Client

import pytest
import yaml
from pytest_django import DjangoAssertNumQueries

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.referentie import CONTRACT_CODES, DEFAULT_PATH, load_referentie
from politiebijstand.organisaties.selectors import organisaties_by_codes

# Loading is tested on an empty database: the run-wide reference data is removed first.
pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

VELDEN = (
    "naam",
    "afkorting",
    "soort",
    "omschrijving",
    "telefoon_spoed",
    "telefoon",
    "telefoon_algemeen",
    "email",
    "website",
    "opmerking",
    "bron",
)


def _laden(bestand: Path | None = None) -> str:
    out = StringIO()
    if bestand is None:
        call_command("referentiedata_laden", stdout=out)
    else:
        call_command("referentiedata_laden", bestand=bestand, stdout=out)
    return out.getvalue().strip()


def _snapshot() -> list[dict[str, Any]]:
    return [dict(row) for row in Organisatie.objects.order_by("code").values()]


def _raw() -> dict[str, Any]:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "organisaties.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_first_load_creates_every_organisation_as_in_the_file() -> None:
    assert _laden() == "20 organisaties geladen (20 nieuw, 0 bijgewerkt, 0 ongewijzigd)"
    referentie = load_referentie()
    rows = {o.code: o for o in Organisatie.objects.all()}
    assert set(rows) == set(CONTRACT_CODES)
    for code, info in referentie.items():
        row = rows[code]
        assert {v: getattr(row, v) for v in VELDEN} == {v: getattr(info, v) for v in VELDEN}
        assert row.parent is None
        assert row.actief is True
        row.full_clean()
    assert rows["LOCC"].telefoon_spoed == "088 - 662 80 48"
    assert rows["OZI"].soort_label == "Ministerie van Justitie en Veiligheid"
    assert str(rows["LE-POB"]) == (
        "Landelijke Eenheid, afdeling Preparatie en Operationeel Beheer (LE-POB)"
    )


def test_second_load_changes_nothing() -> None:
    _laden()
    before = _snapshot()
    assert _laden() == "20 organisaties geladen (0 nieuw, 0 bijgewerkt, 20 ongewijzigd)"
    assert _snapshot() == before


def test_load_creates_missing_and_updates_changed_rows_by_code() -> None:
    _laden()
    Organisatie.objects.filter(code="DGPOL").delete()
    Organisatie.objects.filter(code="LOCC").update(telefoon_spoed="o88 - 662 80 48", actief=False)
    extra = Organisatie.objects.create(
        code="RCCB-OOST",
        naam="RCCB van de eenheid Oost-Nederland",
        afkorting="RCCB ON",
        soort="politie",
        omschrijving="Voert de bijstandsaanvragen van de eenheid uit.",
        bron="issue #3",
    )
    assert _laden() == "20 organisaties geladen (1 nieuw, 1 bijgewerkt, 18 ongewijzigd)"
    locc = Organisatie.objects.get(code="LOCC")
    assert locc.telefoon_spoed == "088 - 662 80 48"
    assert locc.actief is False  # not managed by the file
    assert Organisatie.objects.get(code="DGPOL").naam == (
        "Directoraat-Generaal Politie van het Ministerie van Justitie en Veiligheid"
    )
    assert Organisatie.objects.get(pk=extra.pk).naam == "RCCB van de eenheid Oost-Nederland"
    assert Organisatie.objects.count() == 21


def test_invalid_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    _laden()
    before = _snapshot()
    data = _raw()
    data["organisaties"][0]["naam"] = "Gewijzigde naam"  # valid change, earlier in the file
    data["organisaties"][-1]["soort"] = "rechterlijke_macht"  # invalid, last entry
    with pytest.raises(CommandError) as info:
        _laden(_write(tmp_path, data))
    assert str(info.value).startswith(
        "Niets geladen. organisaties.yaml: organisatie OVJ, veld organisaties[19].soort: "
        "onbekende soort 'rechterlijke_macht'"
    )
    assert _snapshot() == before


def test_database_failure_halfway_rolls_back_the_whole_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _laden()
    before = _snapshot()
    data = _raw()
    for entry in data["organisaties"]:
        entry["opmerking"] = "Gewijzigd."
    path = _write(tmp_path, data)

    original_save = Organisatie.save
    calls = {"n": 0}

    def failing_save(self: Organisatie, *args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise DatabaseError("schijf vol")
        original_save(self, *args, **kwargs)

    monkeypatch.setattr(Organisatie, "save", failing_save)
    with pytest.raises(DatabaseError, match="schijf vol"):
        _laden(path)
    assert calls["n"] == 5
    assert _snapshot() == before


def test_parent_is_set_from_the_file_and_cleared_again(tmp_path: Path) -> None:
    data = _raw()
    data["organisaties"].insert(
        0,
        {
            "code": "RCCB-OOST",
            "naam": "RCCB van de eenheid Oost-Nederland",
            "afkorting": "RCCB ON",
            "soort": "politie",
            "omschrijving": "Voert de bijstandsaanvragen van de eenheid uit.",
            "bron": "factsheet, LOCC, RCCB en Preparatie en Operationeel Beheer",
            "parent": "RCCB",
        },
    )
    assert _laden(_write(tmp_path, data)) == (
        "21 organisaties geladen (21 nieuw, 0 bijgewerkt, 0 ongewijzigd)"
    )
    rccb = Organisatie.objects.get(code="RCCB")
    assert Organisatie.objects.get(code="RCCB-OOST").parent == rccb
    assert list(rccb.onderdelen.values_list("code", flat=True)) == ["RCCB-OOST"]

    del data["organisaties"][0]["parent"]
    assert _laden(_write(tmp_path, data)) == (
        "21 organisaties geladen (0 nieuw, 1 bijgewerkt, 20 ongewijzigd)"
    )
    assert Organisatie.objects.get(code="RCCB-OOST").parent is None


def test_organisaties_by_codes_uses_one_query_and_keeps_the_order(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    _laden()
    with django_assert_num_queries(1):
        result = organisaties_by_codes(codes=iter(["OZI", "LOCC", "ONBEKEND", "OZI", "RCCB"]))
    assert list(result) == ["OZI", "LOCC", "RCCB"]
    assert result["LOCC"].email == "locc@nctv.minvenj.nl"


def test_organisaties_by_codes_without_codes_runs_no_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_num_queries(0):
        assert organisaties_by_codes(codes=[]) == {}


def test_admin_lists_and_searches_organisations(admin_client: Client) -> None:
    _laden()
    response = admin_client.get("/admin/organisaties/organisatie/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 20
    response = admin_client.get("/admin/organisaties/organisatie/", {"q": "Marechaussee"})
    assert response.status_code == 200
    found = sorted(o.code for o in response.context["cl"].result_list)
    assert found == ["C-KMAR", "CCB-KMAR", "DOPS-KMAR"]


def test_migrations_match_the_model() -> None:
    out = StringIO()
    call_command("makemigrations", "organisaties", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
