"""`audit verify` against the latest anchor: cut and rewritten trails are named (issue #9).

Each test tampers with the test database (a throw-away copy) as someone with database access
but without the keys would, or as someone holding the chain key, and checks the exact report.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management import call_command

import pytest
import time_machine
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.audit import services
from politiebijstand.audit.anker import AnkerGeweigerd, anker_schrijven, ankers_lezen
from politiebijstand.audit.controle import audit_controleren
from politiebijstand.audit.keten import Breuk, canonical_json, keten_verifieren, tijdstip_tekst
from politiebijstand.audit.keten import bereken_hash as project_hash
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.audit.services import audit_record
from politiebijstand.audit.tasks import audit_anker_periodiek_task
from politiebijstand.cli import main
from tests.audit.knoeien import TABEL, knoei

pytestmark = pytest.mark.django_db

NU = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ANKER = "anker-20260301T120000000000Z-60.json"


@pytest.fixture(autouse=True)
def _keten_vanaf_genesis(db: None) -> None:
    """An empty audit trail (the run-wide reference data wrote rows; see test_keten.py)."""
    knoei(f"DELETE FROM {TABEL}", [])  # noqa: S608


@pytest.fixture
def zestig_regels_met_anker() -> None:
    """60 rows, anchored at 2026-03-01 12:00 UTC."""
    with time_machine.travel(NU, tick=False):
        for i in range(60):
            audit_record(gebeurtenis="verzoek-bekeken", actor=None, object_id=str(i), na={"i": i})
        anker = anker_schrijven()
    assert anker is not None
    assert anker.naam == ANKER


def verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["audit", "verify"])
    uit = capsys.readouterr()
    return status, uit.out, uit.err


def payload_van(regel: Mapping[str, Any], vorige_hash: str) -> dict[str, Any]:
    return {
        "volgnummer": regel["volgnummer"],
        "tijdstip": tijdstip_tekst(regel["tijdstip"]),
        "actor_id": regel["actor_id"],
        "actor_gebruikersnaam": regel["actor_gebruikersnaam"],
        "actor_organisatie_code": regel["actor_organisatie_code"],
        "gebeurtenis": regel["gebeurtenis"],
        "object_type": regel["object_type"],
        "object_id": regel["object_id"],
        "voor": regel["voor"],
        "na": regel["na"],
        "vorige_hash": vorige_hash,
    }


def herschrijf_vanaf(
    volgnummer: int, *, versie: int, sleutel: bytes | None, tot: int | None = None
) -> None:
    """Change row `volgnummer` and recompute every hash from there on, as a forger would.

    `versie` 2 with `sleutel`: the project's own hash function with that key (a guessed key,
    or the real one for a party that holds it); `versie` 1: the unkeyed sha256 of old rows.
    `tot`: the last row rewritten (default: the last row).
    """
    regels = list(AuditLogEntry.objects.filter(volgnummer__gte=volgnummer).values())
    if tot is not None:
        regels = [r for r in regels if r["volgnummer"] <= tot]
    vorige_hash = regels[0]["vorige_hash"]
    for regel in regels:
        if regel["volgnummer"] == volgnummer:
            regel["na"] = {"i": "vervalst"}
        payload = payload_van(regel, vorige_hash)
        if versie == 1:
            nieuwe_hash = hashlib.sha256(canonical_json(payload)).hexdigest()
        else:
            nieuwe_hash = project_hash(payload, versie=2, sleutel=sleutel)
        knoei(
            f"UPDATE {TABEL} SET na = %s, vorige_hash = %s, hash = %s, hash_versie = %s "  # noqa: S608
            "WHERE volgnummer = %s",
            [json.dumps(regel["na"]), vorige_hash, nieuwe_hash, versie, regel["volgnummer"]],
        )
        vorige_hash = nieuwe_hash


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_intacte_keten_met_anker(capsys: pytest.CaptureFixture[str]) -> None:
    assert verify(capsys) == (
        0,
        "Audittrail intact: 60 regels gecontroleerd.\n"
        f"Anker {ANKER} klopt: 60 regels tot volgnummer 60.\n",
        "",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_nieuwe_regels_na_het_anker_zijn_in_orde(capsys: pytest.CaptureFixture[str]) -> None:
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    assert verify(capsys)[:2] == (
        0,
        "Audittrail intact: 61 regels gecontroleerd.\n"
        f"Anker {ANKER} klopt: 60 regels tot volgnummer 60.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_gewijzigde_regel(capsys: pytest.CaptureFixture[str]) -> None:
    knoei(f"UPDATE {TABEL} SET object_id = 'x' WHERE volgnummer = 10", [])  # noqa: S608
    assert verify(capsys) == (
        1,
        "",
        "Audittrail gebroken bij regel 10: hash klopt niet met de inhoud: de regel is gewijzigd.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_verwijderde_middelste_regel(capsys: pytest.CaptureFixture[str]) -> None:
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = 30", [])  # noqa: S608
    assert verify(capsys) == (
        1,
        "",
        "Audittrail gebroken bij regel 30: volgnummer 30 ontbreekt; na 29 volgt 31.\n"
        f"Audittrail gewijzigd: anker {ANKER} telt 60 regels tot volgnummer 60, de tabel "
        "59 regels.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_verwijderde_laatste_regel(capsys: pytest.CaptureFixture[str]) -> None:
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = 60", [])  # noqa: S608
    assert keten_verifieren().intact  # the chain alone cannot see it
    assert verify(capsys) == (
        1,
        "",
        f"Audittrail ingekort: anker {ANKER} telt 60 regels tot volgnummer 60, de tabel nog "
        "59 regels tot volgnummer 59; aan het eind ontbreken: 1 regel.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_verwijderde_laatste_vijftig(capsys: pytest.CaptureFixture[str]) -> None:
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer > 10", [])  # noqa: S608
    assert verify(capsys) == (
        1,
        "",
        f"Audittrail ingekort: anker {ANKER} telt 60 regels tot volgnummer 60, de tabel nog "
        "10 regels tot volgnummer 10; aan het eind ontbreken: 50 regels.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_alles_verwijderd(capsys: pytest.CaptureFixture[str]) -> None:
    knoei(f"DELETE FROM {TABEL}", [])  # noqa: S608
    assert verify(capsys) == (
        1,
        "",
        f"Audittrail ingekort: anker {ANKER} telt 60 regels tot volgnummer 60, de tabel is "
        "leeg; aan het eind ontbreken: 60 regels.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_herschreven_met_de_eigen_hashfunctie_zonder_de_sleutel(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A DBA without the key guesses one (here the development key): row 20 is named."""
    herschrijf_vanaf(20, versie=2, sleutel=b"dev-only-audit-sleutel-niet-geheim-0123456789")
    assert verify(capsys) == (
        1,
        "",
        "Audittrail gebroken bij regel 20: hash klopt niet met de inhoud: de regel is "
        "gewijzigd.\n"
        f"Audittrail herschreven: regel 60 heeft niet de hash van anker {ANKER}.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_herschreven_als_oude_regels_zonder_sleutel(capsys: pytest.CaptureFixture[str]) -> None:
    """Downgrading to the unkeyed hash of the rows from before the key is refused."""
    herschrijf_vanaf(20, versie=1, sleutel=None)
    assert verify(capsys) == (
        1,
        "",
        "Audittrail gebroken bij regel 20: hash_versie 1 na een regel met hash_versie 2: de "
        "regel is zonder sleutel herberekend.\n"
        f"Audittrail herschreven: regel 60 heeft niet de hash van anker {ANKER}.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_geheel_herschreven_zonder_sleutel_vindt_alleen_het_anker(
    capsys: pytest.CaptureFixture[str],
) -> None:
    herschrijf_vanaf(1, versie=1, sleutel=None)
    assert verify(capsys) == (
        1,
        "",
        f"Audittrail herschreven: regel 60 heeft niet de hash van anker {ANKER}.\n"
        "Waarschuwing: 60 regels zijn van vóór de sleutel (hash_versie 1); de eerste regel met "
        "sleutel en de ankers beschermen ze.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_herschreven_met_de_echte_sleutel_vindt_het_anker(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A party holding the chain key recomputes a valid chain; the anchor still differs."""
    herschrijf_vanaf(20, versie=2, sleutel=None)
    assert keten_verifieren().intact
    assert verify(capsys) == (
        1,
        "",
        f"Audittrail herschreven: regel 60 heeft niet de hash van anker {ANKER}.\n",
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_vervalst_anker(anker_map: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cut the last row and lower the anchor's count to match, without the anchor key."""
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = 60", [])  # noqa: S608
    pad = anker_map / ANKER
    inhoud = json.loads(pad.read_text())
    laatste = AuditLogEntry.objects.get(volgnummer=59)
    inhoud.update(aantal=59, volgnummer=59, kop_hash=laatste.hash)
    os.chmod(pad, 0o640)
    pad.write_text(json.dumps(inhoud))
    assert verify(capsys) == (
        1,
        "",
        f"Anker {ANKER} is vervalst of beschadigd: de handtekening klopt niet.\n"
        f"Waarschuwing: nog geen geldig anker in {anker_map}; een ingekorte staart is zo niet "
        "vast te stellen (maak er een met: politiebijstand audit anker).\n",
    )


def test_geen_anker_is_een_waarschuwing(
    anker_map: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    assert verify(capsys) == (
        0,
        "Audittrail intact: 1 regels gecontroleerd.\n",
        f"Waarschuwing: nog geen geldig anker in {anker_map}; een ingekorte staart is zo niet "
        "vast te stellen (maak er een met: politiebijstand audit anker).\n",
    )


def test_anker_file_is_ondertekend_json(anker_map: Path) -> None:
    with time_machine.travel(NU, tick=False):
        audit_record(gebeurtenis="verzoek-bekeken", actor=None)
        anker_schrijven()
    regel = AuditLogEntry.objects.get()
    (pad,) = anker_map.iterdir()
    assert pad.name == "anker-20260301T120000000000Z-1.json"
    assert oct(pad.stat().st_mode & 0o777) == "0o440"
    inhoud = json.loads(pad.read_text())
    assert inhoud == {
        "aantal": 1,
        "handtekening": inhoud["handtekening"],
        "kop_hash": regel.hash,
        "tijdstip": "2026-03-01T12:00:00.000000+00:00",
        "versie": 1,
        "volgnummer": 1,
    }
    velden = {k: v for k, v in inhoud.items() if k != "handtekening"}

    # The separate anchor key of conf/test.py, not the chain key.
    sleutel = b"test-only-anker-sleutel-niet-geheim-9876543210"
    assert (
        inhoud["handtekening"]
        == hmac.new(sleutel, canonical_json(velden), hashlib.sha256).hexdigest()
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_anker_ondertekend_met_de_ketensleutel_telt_niet(
    anker_map: Path, settings: SettingsWrapper, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whoever holds only the chain key (the web processes) cannot make a valid anchor."""
    settings.AUDIT_ANKER_SLEUTEL = settings.AUDIT_SLEUTEL
    with time_machine.travel(datetime(2026, 3, 2, tzinfo=UTC), tick=False):
        anker_schrijven()
    settings.AUDIT_ANKER_SLEUTEL = "test-only-anker-sleutel-niet-geheim-9876543210"
    status, _, err = verify(capsys)
    assert status == 1
    assert err == (
        "Anker anker-20260302T000000000000Z-60.json is vervalst of beschadigd: de handtekening "
        "klopt niet.\n"
    )


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_geen_nieuw_anker_over_een_ingekorte_keten(capsys: pytest.CaptureFixture[str]) -> None:
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = 60", [])  # noqa: S608
    melding = (
        f"anker geweigerd: Audittrail ingekort: anker {ANKER} telt 60 regels tot volgnummer 60, "
        "de tabel nog 59 regels tot volgnummer 59; aan het eind ontbreken: 1 regel."
    )
    with pytest.raises(AnkerGeweigerd) as exc:
        anker_schrijven()
    assert str(exc.value) == melding
    assert main(["audit", "anker"]) == 1
    assert capsys.readouterr().err == melding + "\n"
    assert [a.naam for a in ankers_lezen()[0]] == [ANKER]


def test_cli_audit_anker_schrijft_een_anker(
    anker_map: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    with time_machine.travel(NU, tick=False):
        assert main(["audit", "anker"]) == 0
    assert capsys.readouterr().out == (
        f"Anker geschreven: {anker_map / 'anker-20260301T120000000000Z-1.json'} "
        "(1 regels tot volgnummer 1).\n"
    )


def test_management_commands(anker_map: Path) -> None:
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    call_command("audit_anker")
    call_command("audit_verify")
    knoei(f"DELETE FROM {TABEL}", [])  # noqa: S608
    with pytest.raises(SystemExit) as exc:
        call_command("audit_verify")
    assert exc.value.code == 1
    with pytest.raises(SystemExit) as exc:
        call_command("audit_anker")
    assert exc.value.code == 1


def test_periodieke_taak_schrijft_alleen_bij_groei(anker_map: Path) -> None:
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    audit_anker_periodiek_task.call_local()
    audit_anker_periodiek_task.call_local()
    assert len(list(anker_map.iterdir())) == 1
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    audit_anker_periodiek_task.call_local()
    assert [a.volgnummer for a in ankers_lezen()[0]] == [1, 2]


def test_periodieke_taak_weigert_over_een_ingekorte_keten(anker_map: Path) -> None:
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    audit_record(gebeurtenis="verzoek-bekeken", actor=None)
    anker_schrijven()
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = 2", [])  # noqa: S608
    audit_anker_periodiek_task.call_local()
    assert [a.volgnummer for a in ankers_lezen()[0]] == [2]


def test_cli_audit_zonder_opdracht_is_een_gebruiksfout() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["audit", "herstel"])
    assert exc.value.code == 2


def test_cli_audit_zonder_sleutel_is_exit_2(
    settings: SettingsWrapper, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.AUDIT_SLEUTEL = ""
    assert main(["audit", "verify"]) == 2
    assert capsys.readouterr().err == (
        "politiebijstand audit: PB_AUDIT_SLEUTEL ontbreekt: de audittrail heeft een sleutel nodig\n"
    )


def test_oude_regels_zonder_sleutel_gevolgd_door_regels_met_sleutel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows from before the key (hash_versie 1) verify with sha256, and protect nothing alone:
    the keyed row after them covers them through its `vorige_hash`."""
    monkeypatch.setattr(services, "HUIDIGE_HASH_VERSIE", 1)
    audit_record(gebeurtenis="oud", actor=None)
    audit_record(gebeurtenis="oud", actor=None)
    monkeypatch.undo()
    audit_record(gebeurtenis="nieuw", actor=None)
    assert list(AuditLogEntry.objects.values_list("hash_versie", flat=True)) == [1, 1, 2]
    resultaat = keten_verifieren()
    assert (resultaat.intact, resultaat.aantal, resultaat.zonder_sleutel) == (True, 3, 2)
    herschrijf_vanaf(1, versie=1, sleutel=None, tot=2)
    assert keten_verifieren().breuk == Breuk(
        3, "vorige_hash wijkt af van de hash van de vorige regel"
    )
    assert audit_controleren().intact is False


@pytest.mark.usefixtures("zestig_regels_met_anker")
def test_niet_ascii_in_hash_en_handtekening_wordt_benoemd(
    anker_map: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tampered value that is not plain hex is a finding, not a crash."""
    knoei(f"UPDATE {TABEL} SET hash = %s WHERE volgnummer = 60", ["é" * 64])  # noqa: S608
    pad = anker_map / ANKER
    inhoud = json.loads(pad.read_text())
    os.chmod(pad, 0o640)
    pad.write_text(json.dumps({**inhoud, "handtekening": "é" * 64}))
    assert verify(capsys) == (
        1,
        "",
        "Audittrail gebroken bij regel 60: hash klopt niet met de inhoud: de regel is "
        "gewijzigd.\n"
        f"Anker {ANKER} is vervalst of beschadigd: de handtekening klopt niet.\n"
        f"Waarschuwing: nog geen geldig anker in {anker_map}; een ingekorte staart is zo niet "
        "vast te stellen (maak er een met: politiebijstand audit anker).\n",
    )
