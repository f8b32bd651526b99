"""Backup and restore (issue #13 item 6, docs/backup.md): a restored copy keeps its audit chain.

Requests and audit rows are written here, an anchor is written and `manage backup` copies the
database; then, in separate processes as an operator runs them, `manage restore` puts the copy
into a fresh, empty database and `audit verify` checks the chain there against the anchor.
On SQLite with the online backup API; on PostgreSQL (PB_DATABASE_URL) with pg_dump/pg_restore.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

import pytest

from politiebijstand.audit.anker import anker_schrijven
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek
from tests.verzoeken.helpers import maak_verzoek

TELLEN = (
    "from politiebijstand.audit.models import AuditLogEntry as A\n"
    "from politiebijstand.verzoeken.models import Bijstandsverzoek as B\n"
    "from politiebijstand.verzoeken.workflow import run_laden\n"
    "from politiebijstand.verzoeken.models import Deelverzoek as D\n"
    "print(B.objects.count(), A.objects.count(), "
    "A.objects.order_by('-volgnummer').first().gebeurtenis, "
    "sorted(run_laden(d).model_version[:8] for d in D.objects.all()))\n"
)


@pytest.fixture
def lege_database(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database of the same kind as the tests' (removed afterwards)."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'hersteld.sqlite3'}"
        return
    naam = f"pb_herstel_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{naam}"')
    s = connection.settings_dict
    gebruiker = quote(s["USER"]) + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    yield f"postgres://{gebruiker}@/{naam}?host={quote(s['HOST'])}&port={s['PORT']}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')


def _politiebijstand(
    url: str, ankers: Path, *args: str, productie: bool = False
) -> subprocess.CompletedProcess[str]:
    """The CLI on the database `url`, under conf.dev, or under conf.production with its secrets
    (there, on PostgreSQL, huey's PostgresHuey makes its queue tables as the command starts)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    if productie:
        env.update(
            PB_SECRET_KEY="s" * 50,
            PB_MFA_SLEUTEL="p0nH4hYFZ4u9oC0P8pO3D5GmJq9bVn2GZ6qVbKqf1Qs=",
        )
    env.update(
        DJANGO_SETTINGS_MODULE=f"politiebijstand.conf.{'production' if productie else 'dev'}",
        PB_DATA_DIR=str(ankers.parent),
        PB_DATABASE_URL=url,
        PB_AUDIT_SLEUTEL=settings.AUDIT_SLEUTEL,
        PB_AUDIT_ANKER_SLEUTEL=settings.AUDIT_ANKER_SLEUTEL,
        PB_AUDIT_ANKER_DIR=str(ankers),
    )
    return subprocess.run(
        [sys.executable, "-m", "politiebijstand.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("referentiedata")
def test_a_backup_restored_into_a_fresh_database_keeps_the_chain_and_its_anchor(
    tmp_path: Path, anker_map: Path, lege_database: str
) -> None:
    for _ in range(2):
        maak_verzoek()
    anker = anker_schrijven(map_=anker_map)
    aantal = AuditLogEntry.objects.count()
    assert anker.volgnummer == aantal
    bestand = tmp_path / "kopie.backup"

    call_command("backup", "--to", str(bestand))

    assert bestand.is_file()
    assert stat.S_IMODE(bestand.stat().st_mode) == 0o600
    assert list(tmp_path.glob(".*.bezig")) == []
    laatste = AuditLogEntry.objects.order_by("-volgnummer").first()
    assert laatste is not None
    assert (laatste.volgnummer, laatste.gebeurtenis) == (aantal + 1, "reservekopie-gemaakt")
    assert laatste.na == {"bestand": "kopie.backup", "soort": connection.vendor}
    versies = sorted(d.model_versie[:8] for d in Deelverzoek.objects.all())

    url = lege_database
    # On PostgreSQL as an operator restores: under conf.production, whose job queue makes its
    # tables in the new database first (found by an operator trial, #13).
    productie = connection.vendor == "postgresql"
    uit = _politiebijstand(
        url, anker_map, "manage", "restore", "--from", str(bestand), productie=productie
    )
    assert uit.returncode == 0, uit.stderr
    uit = _politiebijstand(url, anker_map, "audit", "verify")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.splitlines()[-1] == (
        f"Anker {anker.naam} klopt: {aantal} regels tot volgnummer {aantal}."
    )
    # The restored database: the requests, the trail with the backup's and the restore's rows,
    # and runs that load on the model version they started on.
    uit = _politiebijstand(url, anker_map, "manage", "shell", "-c", TELLEN)
    assert uit.returncode == 0, uit.stderr
    bijstandsverzoeken = Bijstandsverzoek.objects.count()
    assert uit.stdout.splitlines()[-1] == (
        f"{bijstandsverzoeken} {aantal + 2} reservekopie-teruggezet {versies}"
    )

    # A second restore into the now filled database is refused; nothing changes.
    uit = _politiebijstand(url, anker_map, "manage", "restore", "--from", str(bestand))
    assert uit.returncode == 1
    assert "database: niet leeg (" in uit.stderr
    assert "terugzetten kan alleen in een lege database" in uit.stderr
    uit = _politiebijstand(url, anker_map, "manage", "shell", "-c", TELLEN)
    assert uit.stdout.splitlines()[-1].startswith(f"{bijstandsverzoeken} {aantal + 2} ")


def test_backup_refuses_a_sqlite_database_that_does_not_exist_and_makes_none(
    tmp_path: Path,
) -> None:
    """It was refused only after connecting, which left an empty file (an operator's trial)."""
    nergens = tmp_path / "nergens.sqlite3"
    uit = _politiebijstand(
        f"sqlite:///{nergens}", tmp_path / "ankers", "manage", "backup", "--to", str(tmp_path / "k")
    )
    assert uit.returncode == 1
    assert uit.stderr.strip().splitlines()[-1] == (
        f"CommandError: database: {nergens} bestaat niet; klopt PB_DATABASE_URL? Voor make "
        "run-prod: lees eerst var/run-prod.omgeving in (docs/backup.md)."
    )
    assert not nergens.exists()
    assert not (tmp_path / "k").exists()


def test_backup_refuses_a_database_without_the_products_tables(tmp_path: Path) -> None:
    leeg = tmp_path / "leeg.sqlite3"
    sqlite3.connect(leeg).close()  # an empty database file
    uit = _politiebijstand(
        f"sqlite:///{leeg}", tmp_path / "ankers", "manage", "backup", "--to", str(tmp_path / "k")
    )
    assert uit.returncode == 1
    assert uit.stderr.strip().splitlines()[-1] == (
        f"CommandError: database: {leeg} heeft geen tabellen van politiebijstand (niet "
        "gemigreerd); klopt PB_DATABASE_URL? Voor make run-prod: lees eerst "
        "var/run-prod.omgeving in (docs/backup.md)."
    )
    assert not (tmp_path / "k").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_job_queue_with_jobs_and_drops_nothing(
    tmp_path: Path, anker_map: Path, lege_database: str
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("huey's queue tables are made on PostgreSQL (conf.production)")
    sql = (
        "from django.db import connection as c\n"
        "with c.cursor() as k:\n"
        "    k.execute('CREATE TABLE huey_task (id bigserial PRIMARY KEY, queue text NOT NULL, '\n"
        "              'data bytea NOT NULL, priority double precision NOT NULL DEFAULT 0.0)')\n"
        "    k.execute(\"INSERT INTO huey_task (queue, data) VALUES ('pb', 'x')\")\n"
    )
    assert _politiebijstand(lege_database, anker_map, "manage", "shell", "-c", sql).returncode == 0
    bestand = tmp_path / "kopie.backup"
    call_command("backup", "--to", str(bestand))
    uit = _politiebijstand(
        lege_database, anker_map, "manage", "restore", "--from", str(bestand), productie=True
    )
    assert uit.returncode == 1
    assert (
        uit.stderr.strip()
        .splitlines()[-1]
        .startswith("CommandError: database: niet leeg (1 tabellen, zoals huey_task);")
    )
    tellen = "from django.db import connection as c\nk = c.cursor()\n"
    tellen += "k.execute('SELECT count(*) FROM huey_task')\nprint(k.fetchone()[0])\n"
    uit = _politiebijstand(lege_database, anker_map, "manage", "shell", "-c", tellen)
    assert uit.stdout.strip().splitlines()[-1] == "1"


@pytest.mark.django_db(transaction=True)  # the backup reads the database from outside
def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path) -> None:
    bestand = tmp_path / "kopie.backup"
    call_command("backup", "--to", str(bestand))
    voor = AuditLogEntry.objects.count()
    with pytest.raises(CommandError) as fout:
        call_command("restore", "--from", str(bestand))
    assert str(fout.value).startswith("database: niet leeg (")
    assert AuditLogEntry.objects.count() == voor


@pytest.mark.django_db
def test_backup_refuses_an_existing_file_or_a_missing_folder(tmp_path: Path) -> None:
    bestaand = tmp_path / "bestaat.backup"
    bestaand.write_bytes(b"oud")
    voor = AuditLogEntry.objects.count()
    with pytest.raises(CommandError) as fout:
        call_command("backup", "--to", str(bestaand))
    assert str(fout.value) == f"--to: {bestaand} bestaat al; kies een nieuw bestand"
    assert bestaand.read_bytes() == b"oud"
    zonder_map = tmp_path / "geen" / "kopie.backup"
    with pytest.raises(CommandError) as fout:
        call_command("backup", "--to", str(zonder_map))
    assert str(fout.value) == f"--to: de map {zonder_map.parent} bestaat niet"
    assert AuditLogEntry.objects.count() == voor


def test_restore_refuses_a_missing_file_or_one_that_is_no_backup(tmp_path: Path) -> None:
    from politiebijstand.audit.reservekopie import (
        ReservekopieGeweigerd,
        reservekopie_terugzetten,
    )

    ontbreekt = tmp_path / "ontbreekt.backup"
    with pytest.raises(ReservekopieGeweigerd) as fout:
        reservekopie_terugzetten(ontbreekt)
    assert str(fout.value) == f"--from: {ontbreekt} bestaat niet of is geen bestand"


def _sqlite_bestand(pad: Path, tabellen: tuple[str, ...], rijen: int = 0) -> Path:
    """A SQLite file with `tabellen` (and `rijen` rows of 500 characters in the first)."""
    import sqlite3

    db = sqlite3.connect(pad)
    for tabel in tabellen:
        db.execute(f"CREATE TABLE {tabel} (id integer PRIMARY KEY, x text)")
    rij = [("x" * 500,)]
    db.executemany(f"INSERT INTO {tabellen[0]} (x) VALUES (?)", rij * rijen)  # noqa: S608
    db.commit()
    db.close()
    return pad


def test_a_refused_sqlite_restore_leaves_no_database_behind(tmp_path: Path) -> None:
    """The backup is checked before the database is touched: a refused restore into a SQLite
    database that is not there yet does not leave an empty one (#13 item 6, from a re-read)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite makes its database file when it first connects")
    eigen = ("django_migrations", "audit_auditlogentry")
    heel = _sqlite_bestand(tmp_path / "heel.sqlite3", eigen, rijen=2000)
    afgekapt = tmp_path / "afgekapt.sqlite3"
    afgekapt.write_bytes(heel.read_bytes()[: heel.stat().st_size // 2])
    kop = tmp_path / "kop.sqlite3"
    kop.write_bytes(b"SQLite format 3\x00")
    vreemd = _sqlite_bestand(tmp_path / "vreemd.sqlite3", ("django_migrations", "iets_anders"))
    tekst = tmp_path / "tekst.backup"
    tekst.write_text("geen database")
    doel = tmp_path / "nieuw.sqlite3"
    verwacht = {
        afgekapt: "is beschadigd of onvolledig (SQLite: database disk image is malformed); "
        "neem een andere reservekopie",
        kop: "is beschadigd of onvolledig (SQLite: file is not a database); neem een andere "
        "reservekopie",
        vreemd: "is geen reservekopie van deze toepassing",
        tekst: "is geen SQLite-reservekopie",
    }
    for bestand, fout in verwacht.items():
        uit = _politiebijstand(
            f"sqlite:///{doel}", tmp_path / "ankers", "manage", "restore", "--from", str(bestand)
        )
        assert uit.returncode == 1, uit.stderr
        assert uit.stderr.strip().splitlines()[-1] == f"CommandError: --from: {bestand.name} {fout}"
        assert sorted(p.name for p in tmp_path.glob("nieuw.sqlite3*")) == []


@pytest.mark.django_db(transaction=True)
def test_a_refused_postgresql_restore_reads_only_the_archives_contents(
    tmp_path: Path, anker_map: Path, lege_database: str
) -> None:
    """A damaged archive, or a pg_dump of another database, is refused before the database is
    touched (``pg_restore --list``), rather than restored and then failing on the audit
    trail it lacks (#13 item 6, from a re-read)."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_restore's archives are PostgreSQL's")
    echt = tmp_path / "echt.backup"
    call_command("backup", "--to", str(echt))
    beschadigd = tmp_path / "beschadigd.backup"
    beschadigd.write_bytes(b"PGDMP" + bytes(200))
    nieuwer = tmp_path / "nieuwer.backup"  # format 1.99: from a pg_dump after this pg_restore
    nieuwer.write_bytes(b"PGDMP\x01\x63\x00" + echt.read_bytes()[8:])
    onzin = tmp_path / "onzin.backup"  # format 2.0: no pg_dump writes it, so damaged
    onzin.write_bytes(b"PGDMP\x02\x00\x00" + echt.read_bytes()[8:])
    vreemd = tmp_path / "vreemd.backup"
    instellingen = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(instellingen["PASSWORD"] or "")}
    vreemd_db = lege_database.split("@/")[1].split("?")[0]
    subprocess.run(  # the new, empty database: a dump without the product's tables
        ["pg_dump", "-Fc", "--file", str(vreemd), "--dbname", vreemd_db,
         "--host", str(instellingen["HOST"]), "--port", str(instellingen["PORT"]),
         "--username", str(instellingen["USER"])],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    versie = subprocess.run(
        ["pg_restore", "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    for bestand in (beschadigd, onzin, nieuwer, vreemd):
        uit = _politiebijstand(
            lege_database, anker_map, "manage", "restore", "--from", str(bestand)
        )
        assert uit.returncode == 1, uit.stderr
        laatste = uit.stderr.strip().splitlines()[-1]
        if bestand is vreemd:
            assert laatste == (
                "CommandError: --from: vreemd.backup is geen reservekopie van deze toepassing"
            )
        elif bestand is nieuwer:
            assert laatste == (
                "CommandError: --from: nieuwer.backup heeft archiefformaat 1.99, nieuwer dan "
                f"deze pg_restore kan lezen ({versie}); zet hem terug met de pg_restore van "
                "dezelfde PostgreSQL-versie als de pg_dump die hem maakte, of van een nieuwere"
            )
        else:
            assert laatste.startswith(
                f"CommandError: --from: {bestand.name} is beschadigd of onvolledig (pg_restore: "
            )
    # Cut off in its data: the list passes, the single transaction fails as a whole.
    afgekapt = tmp_path / "afgekapt.backup"
    inhoud = echt.read_bytes()
    afgekapt.write_bytes(inhoud[:-100])  # its last table's rows cut short
    uit = _politiebijstand(lege_database, anker_map, "manage", "restore", "--from", str(afgekapt))
    assert uit.returncode == 1, uit.stderr
    assert uit.stderr.strip().splitlines()[-1] == (
        "CommandError: --from: afgekapt.backup is onvolledig (pg_restore: error: could not read "
        "from input file: end of file); niets is teruggezet, de database is leeg gebleven; "
        "neem een andere reservekopie"
    )
    # Nothing was restored: the real backup still goes into the database, which was empty.
    uit = _politiebijstand(lege_database, anker_map, "manage", "restore", "--from", str(echt))
    assert uit.returncode == 0, uit.stderr


def test_only_the_rows_of_public_tables_count_in_a_postgresql_archive() -> None:
    """``pg_restore --list`` lines (pg_backup_archiver.c: id; oids type schema name owner):
    a table in another schema, a table without its rows, or a name with a space is not one of
    the product's tables (from a review of the check)."""
    from politiebijstand.audit.reservekopie import pg_tabellen_met_data

    lijst = "\n".join(
        [
            ";",
            "; Archive created at 2026-12-05 22:00:00 UTC",
            "215; 1259 16385 TABLE public audit_auditlogentry postgres",
            "216; 1259 16390 TABLE public django_migrations postgres",
            "3350; 0 16385 TABLE DATA public audit_auditlogentry postgres",
            "3351; 0 16390 TABLE DATA andere django_migrations postgres",
            "3352; 0 16391 TABLE DATA public django_migrations oud postgres",
            "3353; 0 16392 TABLE DATA public verzoeken_taak ",
        ]
    )
    assert pg_tabellen_met_data(lijst) == {"audit_auditlogentry", "verzoeken_taak"}


def test_a_wal_sqlite_copy_is_checked_without_files_beside_it(tmp_path: Path) -> None:
    """A copy of a database in WAL mode (as the product's) is opened immutable: checking it
    makes no -wal or -shm files next to it (from a review of the check)."""
    import sqlite3

    from politiebijstand.audit.reservekopie import (
        ReservekopieGeweigerd,
        _sqlite_reservekopie_controleren,
    )

    kopie = _sqlite_bestand(tmp_path / "wal.sqlite3", ("django_migrations", "iets_anders"))
    db = sqlite3.connect(kopie)
    assert db.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    db.close()
    with pytest.raises(ReservekopieGeweigerd) as fout:
        _sqlite_reservekopie_controleren(kopie)
    assert str(fout.value) == "--from: wal.sqlite3 is geen reservekopie van deze toepassing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.sqlite3"]
