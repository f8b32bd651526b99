"""The audit trail: append-only, hash-chained, verified (issue #3 item 4, issue #4 item 9)."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from pathlib import Path

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

import pytest
import time_machine

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.keten import (
    GENESIS_HASH,
    Breuk,
    bereken_hash,
    canonical_json,
    keten_verifieren,
)
from politiebijstand.audit.models import AuditAlleenToevoegen, AuditLogEntry
from politiebijstand.audit.services import audit_record
from politiebijstand.cli import main
from tests.audit.knoeien import TABEL, knoei

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keten_vanaf_genesis(db: None) -> None:
    """An empty audit trail, so each chain here starts at its genesis.

    The run-wide reference data wrote audit rows when it was loaded (tests/conftest.py); they
    are removed inside the test's transaction, past the append-only guard, as `knoei` does.
    """
    knoei(f"DELETE FROM {TABEL}", [])  # noqa: S608


@pytest.fixture
def drie_regels() -> list[AuditLogEntry]:
    piet = Gebruiker.objects.create_user("piet", password="x")
    Gebruiker.objects.create_user("klaas", password="x")
    with time_machine.travel(datetime(2026, 3, 1, 12, 0, tzinfo=UTC), tick=False):
        return [
            audit_record(gebeurtenis="gebruiker-ingelogd", actor=piet, obj=piet),
            audit_record(
                gebeurtenis="rechten-gewijzigd",
                actor=piet,
                object_type="accounts.gebruiker",
                object_id="42",
                voor={"rol": "medewerker", "n": 1.5},
                na={"rol": "besluitvormer", "lijst": [1, "é"]},
            ),
            audit_record(gebeurtenis="inloggen-mislukt", actor=None, actor_gebruikersnaam="wie"),
        ]


def test_eerste_regel_begint_bij_genesis_en_de_keten_verwijst_terug(
    drie_regels: list[AuditLogEntry],
) -> None:
    een, twee, drie = drie_regels
    assert [r.volgnummer for r in drie_regels] == [1, 2, 3]
    assert een.vorige_hash == GENESIS_HASH
    assert twee.vorige_hash == een.hash
    assert drie.vorige_hash == twee.hash


def test_hash_is_hmac_sha256_met_de_sleutel_van_de_canonieke_json_van_de_rij(
    drie_regels: list[AuditLogEntry],
) -> None:
    twee = AuditLogEntry.objects.get(volgnummer=2)
    piet = Gebruiker.objects.get(username="piet")
    verwacht = {
        "volgnummer": 2,
        "tijdstip": "2026-03-01T12:00:00.000000+00:00",
        "actor_id": piet.pk,
        "actor_gebruikersnaam": "piet",
        "actor_organisatie_code": "",
        "gebeurtenis": "rechten-gewijzigd",
        "object_type": "accounts.gebruiker",
        "object_id": "42",
        "voor": {"n": 1.5, "rol": "medewerker"},
        "na": {"lijst": [1, "é"], "rol": "besluitvormer"},
        "vorige_hash": drie_regels[0].hash,
    }
    sleutel = b"test-only-audit-sleutel-niet-geheim-0123456789"  # conf/test.py
    assert twee.hash_versie == 2
    assert twee.hash == hmac.new(sleutel, canonical_json(verwacht), hashlib.sha256).hexdigest()
    assert twee.hash == bereken_hash(verwacht)
    assert twee.hash != hashlib.sha256(canonical_json(verwacht)).hexdigest()
    assert canonical_json({"b": 1, "a": [True, None]}) == b'{"a":[true,null],"b":1}'


def test_verificatie_van_een_intacte_keten_meldt_het_aantal(
    drie_regels: list[AuditLogEntry],
) -> None:
    resultaat = keten_verifieren()
    assert resultaat.intact
    assert resultaat.aantal == 3
    assert resultaat.melding() == "Audittrail intact: 3 regels gecontroleerd."


def test_lege_keten_is_intact() -> None:
    assert keten_verifieren().aantal == 0
    assert keten_verifieren().intact


GEKNOEID: dict[str, tuple[str, object]] = {
    "tijdstip": ("tijdstip", datetime(2025, 1, 1, tzinfo=UTC)),
    "actor_id": ("actor_id", None),
    "actor_gebruikersnaam": ("actor_gebruikersnaam", "mallory"),
    "actor_organisatie_code": ("actor_organisatie_code", "LOCC"),
    "gebeurtenis": ("gebeurtenis", "gebruiker-uitgelogd"),
    "object_type": ("object_type", "organisaties.organisatie"),
    "object_id": ("object_id", "7"),
    "voor": ("voor", json.dumps({"rol": "beheerder"})),
    "na": ("na", json.dumps({"rol": "beheerder"})),
    "vorige_hash": ("vorige_hash", "f" * 64),
    "hash": ("hash", "e" * 64),
}


@pytest.mark.parametrize("volgnummer", [1, 2, 3])
@pytest.mark.parametrize("veld", sorted(GEKNOEID))
def test_knoeien_met_elk_veld_van_elke_regel_wordt_gevonden_en_benoemd(
    drie_regels: list[AuditLogEntry], veld: str, volgnummer: int
) -> None:
    kolom, waarde = GEKNOEID[veld]
    if kolom == "actor_id":
        waarde = Gebruiker.objects.get(username="klaas").pk
    knoei(f"UPDATE {TABEL} SET {kolom} = %s WHERE volgnummer = %s", [waarde, volgnummer])  # noqa: S608
    resultaat = keten_verifieren()
    assert not resultaat.intact
    assert resultaat.breuk is not None
    assert resultaat.breuk.volgnummer == volgnummer


@pytest.mark.parametrize("volgnummer", [1, 2, 3])
def test_hernummeren_van_een_regel_wordt_gevonden(
    drie_regels: list[AuditLogEntry], volgnummer: int
) -> None:
    knoei(f"UPDATE {TABEL} SET volgnummer = volgnummer + 100 WHERE volgnummer = %s", [volgnummer])  # noqa: S608
    breuk = keten_verifieren().breuk
    assert breuk is not None
    assert breuk.volgnummer == volgnummer


def test_verwijderen_van_een_middelste_regel_wordt_gevonden(
    drie_regels: list[AuditLogEntry],
) -> None:
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = %s", [2])  # noqa: S608
    breuk = keten_verifieren().breuk
    assert breuk is not None
    assert breuk.volgnummer == 2
    assert breuk.reden == "volgnummer 2 ontbreekt; na 1 volgt 3"


def test_regel_met_herberekende_hash_breekt_de_volgende_schakel(
    drie_regels: list[AuditLogEntry],
) -> None:
    """An attacker who recomputes the tampered row's hash is caught at the next row."""
    twee = AuditLogEntry.objects.get(volgnummer=2)
    payload = {
        "volgnummer": 2,
        "tijdstip": "2026-03-01T12:00:00.000000+00:00",
        "actor_id": twee.actor_id,
        "actor_gebruikersnaam": "piet",
        "actor_organisatie_code": "",
        "gebeurtenis": "rechten-gewijzigd",
        "object_type": "accounts.gebruiker",
        "object_id": "42",
        "voor": {"rol": "medewerker", "n": 1.5},
        "na": {"rol": "beheerder"},
        "vorige_hash": twee.vorige_hash,
    }
    knoei(
        f"UPDATE {TABEL} SET na = %s, hash = %s WHERE volgnummer = 2",  # noqa: S608
        [json.dumps({"rol": "beheerder"}), bereken_hash(payload)],
    )
    assert keten_verifieren().breuk == Breuk(
        3, "vorige_hash wijkt af van de hash van de vorige regel"
    )


def test_model_weigert_wijzigen_en_verwijderen(drie_regels: list[AuditLogEntry]) -> None:
    regel = AuditLogEntry.objects.get(volgnummer=1)
    regel.gebeurtenis = "iets-anders"
    with pytest.raises(AuditAlleenToevoegen):
        regel.save()
    with pytest.raises(AuditAlleenToevoegen):
        regel.delete()
    with pytest.raises(AuditAlleenToevoegen):
        AuditLogEntry.objects.filter(volgnummer=1).update(gebeurtenis="x")
    with pytest.raises(AuditAlleenToevoegen):
        AuditLogEntry.objects.all().delete()
    assert AuditLogEntry.objects.get(volgnummer=1).gebeurtenis == "gebruiker-ingelogd"
    assert keten_verifieren().intact


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_trigger_weigert_update_en_delete_in_sql(
    drie_regels: list[AuditLogEntry],
) -> None:
    for sql in (
        f"UPDATE {TABEL} SET gebeurtenis = 'x' WHERE volgnummer = 1",  # noqa: S608
        f"DELETE FROM {TABEL} WHERE volgnummer = 1",  # noqa: S608
    ):
        with pytest.raises(DatabaseError, match="alleen-toevoegen"):  # noqa: SIM117
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
    assert keten_verifieren().intact
    assert AuditLogEntry.objects.count() == 3


def test_audit_record_weigert_ongeldige_code_en_geen_json() -> None:
    with pytest.raises(ValueError, match="gebeurtenis: 'Rechten gewijzigd' is geen code"):
        audit_record(gebeurtenis="Rechten gewijzigd", actor=None)
    with pytest.raises(ValueError, match=r"^na: geen JSON-waarde"):
        audit_record(gebeurtenis="iets", actor=None, na={"x": object()})
    assert AuditLogEntry.objects.count() == 0


def test_audit_regel_verdwijnt_met_de_teruggedraaide_wijziging() -> None:
    """Written in the change's transaction: a rolled-back change leaves no audit row."""
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(gebeurtenis="rechten-gewijzigd", actor=None)
        raise RuntimeError("wijziging mislukt")
    assert AuditLogEntry.objects.count() == 0
    audit_record(gebeurtenis="rechten-gewijzigd", actor=None)
    assert AuditLogEntry.objects.get().volgnummer == 1


def test_cli_audit_verify_exit_0_bij_intact(
    drie_regels: list[AuditLogEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == "Audittrail intact: 3 regels gecontroleerd.\n"


def test_cli_audit_verify_exit_1_en_noemt_de_gebroken_schakel(
    drie_regels: list[AuditLogEntry], anker_map: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knoei(f"UPDATE {TABEL} SET object_id = '9' WHERE volgnummer = 2", [])  # noqa: S608
    assert main(["audit", "verify"]) == 1
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err == (
        "Audittrail gebroken bij regel 2: hash klopt niet met de inhoud: de regel is gewijzigd.\n"
        f"Waarschuwing: nog geen geldig anker in {anker_map}; een ingekorte staart is zo niet "
        "vast te stellen (maak er een met: politiebijstand audit anker).\n"
    )


def test_management_command_audit_verify_exit_1_bij_breuk(
    drie_regels: list[AuditLogEntry],
) -> None:
    call_command("audit_verify")
    knoei(f"DELETE FROM {TABEL} WHERE volgnummer = 1", [])  # noqa: S608
    with pytest.raises(SystemExit) as exc:
        call_command("audit_verify")
    assert exc.value.code == 1


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_schrijvers_maken_een_keten_zonder_vertakking() -> None:
    """Writers in parallel transactions are serialised: one chain, no gap, no fork."""
    import threading

    from django.db import connections

    fouten: list[BaseException] = []

    def schrijf(n: int) -> None:
        try:
            for i in range(10):
                with transaction.atomic():
                    audit_record(gebeurtenis="gelijktijdig", actor=None, na={"n": n, "i": i})
        except BaseException as exc:  # reported below
            fouten.append(exc)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijf, args=(n,)) for n in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    assert fouten == []
    assert AuditLogEntry.objects.count() == 40
    resultaat = keten_verifieren()
    assert resultaat.intact
    assert resultaat.aantal == 40
