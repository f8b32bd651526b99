"""Backup and restore of the database: one command each (issue #13 item 6, docs/backup.md).

- `reservekopie_maken`: SQLite through its online backup API (`sqlite3.Connection.backup`, a
  consistent copy while the web and worker processes keep writing); PostgreSQL with
  ``pg_dump -Fc`` (custom format), with the parameters of PB_DATABASE_URL.
- `reservekopie_terugzetten`: into an EMPTY database only (no tables but huey's empty queue
  tables): SQLite through the backup API the other way, PostgreSQL with
  ``pg_restore --single-transaction``.

Both are audited (``reservekopie-gemaakt`` before the copy, so that the copy holds its own
record; ``reservekopie-teruggezet`` after the restore, in the restored database). The anchors
(checkpoint files, `audit.anker`) live outside the database and are not in the copy: keep them
with it; `politiebijstand audit verify` checks the restored chain against them.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.audit.services import audit_record

SQLITE_KOP = b"SQLite format 3\x00"


class ReservekopieGeweigerd(Exception):
    """The backup or restore was refused or failed; the message (Dutch) names the field."""


@dataclass(frozen=True, slots=True)
class Reservekopie:
    """What was written or read.

    Attributes:
        bestand: the backup file (absolute path).
        soort: ``"sqlite"`` (a SQLite database file) or ``"postgresql"`` (pg_dump's custom
            format).
        bytes: size of the file in bytes.
    """

    bestand: Path
    soort: str
    bytes: int


def _soort(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):  # pragma: no cover - the settings allow no other
        raise ReservekopieGeweigerd(f"database: {vendor} wordt niet ondersteund")
    return vendor


def _pg_omgeving(alias: str) -> tuple[list[str], dict[str, str]]:
    """pg_dump / pg_restore's connection arguments and environment, from the settings."""
    instellingen = connections[alias].settings_dict
    argumenten = ["--dbname", str(instellingen["NAME"])]
    if instellingen.get("HOST"):
        argumenten += ["--host", str(instellingen["HOST"])]
    if instellingen.get("PORT"):
        argumenten += ["--port", str(instellingen["PORT"])]
    if instellingen.get("USER"):
        argumenten += ["--username", str(instellingen["USER"])]
    omgeving = dict(os.environ)
    if instellingen.get("PASSWORD"):
        omgeving["PGPASSWORD"] = str(instellingen["PASSWORD"])
    return argumenten, omgeving


def _programma(naam: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        raise ReservekopieGeweigerd(
            f"{naam}: programma niet gevonden; installeer de PostgreSQL-clientprogramma's"
        )
    return pad


def _draaien(
    opdracht: list[str], omgeving: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL client program (found by `_programma`); its output as text."""
    return subprocess.run(  # noqa: S603 - fixed program, arguments from the settings
        opdracht, env=omgeving, capture_output=True, text=True, check=False
    )


def _uitvoeren(opdracht: list[str], omgeving: dict[str, str]) -> None:
    resultaat = _draaien(opdracht, omgeving)
    if resultaat.returncode != 0:
        raise ReservekopieGeweigerd(
            f"{Path(opdracht[0]).name} mislukte (exitstatus {resultaat.returncode}): "
            f"{resultaat.stderr.strip()}"
        )


#: pg_restore's refusal of an archive format it does not know (pg_backup_archiver.c).
_ONBEKENDE_VERSIE = re.compile(r"unsupported version \((\d+)\.(\d+)\) in file header")


def _pg_fout(stderr: str) -> str:
    """pg_restore's message without its own ``pg_restore: `` prefix, on one line."""
    regels = [r.removeprefix("pg_restore: ").strip() for r in stderr.strip().splitlines()]
    return "; ".join(r for r in regels if r)


def _versie(programma: str) -> str:
    """What `programma` ``--version`` prints (``pg_restore (PostgreSQL) 15.18 ...``)."""
    return _draaien([programma, "--version"]).stdout.strip() or programma


#: Tables a backup of this product holds: Django's migrations and the audit trail, which the
#: restore writes to (``reservekopie-teruggezet``) and `audit verify` checks.
EIGEN_TABELLEN = frozenset({"django_migrations", AuditLogEntry._meta.db_table})

#: The queue tables of huey's PostgresHuey (conf.production), made when a process starts.
HUEY_TABELLEN = frozenset({"huey_counter", "huey_kv", "huey_schedule", "huey_task"})


def _leeg(verbinding: BaseDatabaseWrapper, tabel: str) -> bool:
    with verbinding.cursor() as cursor:
        cursor.execute(f'SELECT 1 FROM "{tabel}" LIMIT 1')  # noqa: S608 - a name of HUEY_TABELLEN
        return cursor.fetchone() is None


def reservekopie_maken(naar: Path, *, alias: str = "default") -> Reservekopie:
    """Write a backup of the database to `naar`, a file that must not exist yet.

    The copy is written next to `naar` under a temporary name and renamed when complete, so a
    failed backup leaves no file. Records ``reservekopie-gemaakt`` (system event) first.

    The file is readable by its owner only (mode 0600).

    Raises:
        ReservekopieGeweigerd: `naar` exists, its folder does not or cannot be written (field
            ``--to``), the SQLite database file does not exist (not created by the check) or
            the database holds no tables of this product (field ``database``), or pg_dump is
            missing or fails.
    """
    naar = naar.resolve()
    if naar.exists():
        raise ReservekopieGeweigerd(f"--to: {naar} bestaat al; kies een nieuw bestand")
    if not naar.parent.is_dir():
        raise ReservekopieGeweigerd(f"--to: de map {naar.parent} bestaat niet")
    soort = _soort(alias)
    naam = connections[alias].settings_dict["NAME"]
    in_geheugen = str(naam) == ":memory:" or str(naam).startswith("file:")  # the tests' own
    if soort == "sqlite" and not in_geheugen and not Path(str(naam)).is_file():
        # Checked before a connection, which would leave an empty database file behind.
        raise ReservekopieGeweigerd(
            f"database: {naam} bestaat niet; klopt PB_DATABASE_URL? Voor make run-prod: lees "
            "eerst var/run-prod.omgeving in (docs/backup.md)."
        )
    if "audit_auditlogentry" not in connections[alias].introspection.table_names():
        raise ReservekopieGeweigerd(
            f"database: {connections[alias].settings_dict['NAME']} heeft geen tabellen van "
            "politiebijstand (niet gemigreerd); klopt PB_DATABASE_URL? Voor make run-prod: "
            "lees eerst var/run-prod.omgeving in (docs/backup.md)."
        )
    tijdelijk = naar.with_name(f".{naar.name}.bezig")
    # Only the owner may read the copy (password hashes, personal data): a new file of mode
    # 0600 before a byte is written into it; a stale one of an interrupted backup goes first,
    # and a link planted in its place is not followed.
    tijdelijk.unlink(missing_ok=True)
    try:
        fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as exc:
        raise ReservekopieGeweigerd(f"--to: {naar.parent}: {exc.strerror}") from exc
    os.fchmod(fd, 0o600)
    os.close(fd)
    audit_record(
        gebeurtenis="reservekopie-gemaakt",
        actor=None,
        object_type="database",
        object_id=alias,
        na={"bestand": naar.name, "soort": soort},
    )
    try:
        if soort == "sqlite":
            verbinding = connections[alias]
            verbinding.ensure_connection()
            doel = sqlite3.connect(tijdelijk)
            try:
                verbinding.connection.backup(doel)
            finally:
                doel.close()
        else:
            argumenten, omgeving = _pg_omgeving(alias)
            opdracht = [_programma("pg_dump"), "--format=custom", "--no-owner", "--file"]
            _uitvoeren([*opdracht, str(tijdelijk), *argumenten], omgeving)
        tijdelijk.replace(naar)
    finally:
        tijdelijk.unlink(missing_ok=True)
    return Reservekopie(bestand=naar, soort=soort, bytes=naar.stat().st_size)


def _kop(van: Path, lengte: int) -> bytes:
    """The first `lengte` bytes of `van`; an unreadable file is refused by name (``--from``)."""
    try:
        with van.open("rb") as bestand:
            return bestand.read(lengte)
    except OSError as fout:
        raise ReservekopieGeweigerd(f"--from: {van} is niet te lezen ({fout.strerror})") from None


def _sqlite_reservekopie_controleren(van: Path) -> None:
    """Refuse `van` unless it is a whole SQLite database with this product's tables.

    Read-only: SQLite's ``PRAGMA quick_check`` reads every page (a cut-off or damaged copy
    fails it) and the copy must hold `EIGEN_TABELLEN`.

    Raises:
        ReservekopieGeweigerd: (field ``--from``) not a SQLite file, damaged, or not a backup
            of this product.
    """
    if _kop(van, len(SQLITE_KOP)) != SQLITE_KOP:
        raise ReservekopieGeweigerd(f"--from: {van.name} is geen SQLite-reservekopie")
    bron = sqlite3.connect(f"{van.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        uitslag = bron.execute("PRAGMA quick_check").fetchone()
        if uitslag != ("ok",):
            raise sqlite3.DatabaseError(str(uitslag[0]) if uitslag else "geen uitslag")
        tabellen = bron.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.DatabaseError as fout:
        raise ReservekopieGeweigerd(
            f"--from: {van.name} is beschadigd of onvolledig (SQLite: {fout}); neem een andere "
            "reservekopie"
        ) from None
    finally:
        bron.close()
    if not {naam for (naam,) in tabellen} >= EIGEN_TABELLEN:
        raise ReservekopieGeweigerd(f"--from: {van.name} is geen reservekopie van deze toepassing")


#: A line of ``pg_restore --list`` for a table's rows in the public schema: id, two oids,
#: ``TABLE DATA``, schema, name, owner (empty under --no-owner); PostgreSQL quotes none of
#: them (pg_backup_archiver.c).
_PG_TABEL_DATA = re.compile(r"^\d+; \d+ \d+ TABLE DATA public (\S+)(?: \S*)?$")


def pg_tabellen_met_data(lijst: str) -> set[str]:
    """The tables of the public schema whose rows an archive holds, from its ``--list``.

    A table in another schema, or one whose rows were left out (``--schema-only``), is not
    among them.
    """
    return {m.group(1) for regel in lijst.splitlines() if (m := _PG_TABEL_DATA.match(regel))}


def _pg_reservekopie_controleren(van: Path) -> None:
    """Refuse `van` unless it is a pg_dump custom-format archive with this product's tables.

    Reads only the archive's table of contents (``pg_restore --list``, no database). A copy
    cut off in its data passes here; ``pg_restore --single-transaction`` then fails as a whole.

    Raises:
        ReservekopieGeweigerd: (field ``--from``) not such an archive, made by a newer
            pg_dump than this pg_restore reads (both versions named), its table of contents
            unreadable, or not a backup of this product; pg_restore is missing.
    """
    if _kop(van, 5) != b"PGDMP":
        raise ReservekopieGeweigerd(
            f"--from: {van.name} is geen PostgreSQL-reservekopie (pg_dump -Fc)"
        )
    pg_restore = _programma("pg_restore")
    resultaat = _draaien([pg_restore, "--list", str(van)])
    nieuwer = _ONBEKENDE_VERSIE.search(resultaat.stderr)
    if resultaat.returncode != 0 and nieuwer and nieuwer.group(1) == "1":
        # pg_backup_archiver.c refuses a format it does not know: 1.x above the newest it
        # reads is an archive of a newer pg_dump (its header is sound; its contents are not
        # checked); any other number (0.x, 2.x and up: no pg_dump writes those) is damage.
        formaat = f"{nieuwer.group(1)}.{nieuwer.group(2)}"
        raise ReservekopieGeweigerd(
            f"--from: {van.name} heeft archiefformaat {formaat}, nieuwer dan deze pg_restore "
            f"kan lezen ({_versie(pg_restore)}); zet hem terug met de pg_restore van dezelfde "
            "PostgreSQL-versie als de pg_dump die hem maakte, of van een nieuwere"
        )
    if resultaat.returncode != 0:
        raise ReservekopieGeweigerd(
            f"--from: {van.name} is beschadigd of onvolledig (pg_restore: "
            f"{_pg_fout(resultaat.stderr)}); neem een andere reservekopie"
        )
    if not pg_tabellen_met_data(resultaat.stdout) >= EIGEN_TABELLEN:
        raise ReservekopieGeweigerd(f"--from: {van.name} is geen reservekopie van deze toepassing")


def reservekopie_terugzetten(van: Path, *, alias: str = "default") -> Reservekopie:
    """Restore the backup `van` into the database, which must be empty.

    Empty means no tables but huey's empty queue tables, which PostgresHuey makes as a
    production process starts (`HUEY_TABELLEN`; dropped before the restore brings them back).

    Then records ``reservekopie-teruggezet`` (system event) in the restored database. Check the
    restored audit chain with `politiebijstand audit verify` (the anchors are not in the copy).

    Raises:
        ReservekopieGeweigerd: `van` is missing, not a backup of this kind of database,
            damaged (SQLite: any page; PostgreSQL: its table of contents) or without
            `EIGEN_TABELLEN` (field ``--from``; checked before the database is touched, so a
            refusal leaves nothing behind); the database is not empty (field
            ``database``); pg_restore is missing or fails (its single transaction leaves the
            database empty; field ``--from`` when the archive ends too soon, else
            ``database``).
    """
    van = van.resolve()
    if not van.is_file():
        raise ReservekopieGeweigerd(f"--from: {van} bestaat niet of is geen bestand")
    soort = _soort(alias)
    # The file is checked before the database is touched: a refused file leaves no trace, not
    # even the empty file SQLite makes when it first connects to a database that is not there.
    if soort == "sqlite":
        _sqlite_reservekopie_controleren(van)
    else:
        _pg_reservekopie_controleren(van)
    verbinding = connections[alias]
    tabellen = verbinding.introspection.table_names()
    # Under conf.production, huey's PostgresHuey makes its (empty) queue tables in the database
    # as soon as a command starts; they come back from the backup, so they are dropped first.
    huey = [t for t in tabellen if t in HUEY_TABELLEN and _leeg(verbinding, t)]
    tabellen = [t for t in tabellen if t not in huey]
    if tabellen:
        raise ReservekopieGeweigerd(
            f"database: niet leeg ({len(tabellen)} tabellen, zoals {sorted(tabellen)[0]}); "
            "terugzetten kan alleen in een lege database. Maak een nieuwe, lege database en "
            "wijs PB_DATABASE_URL daarheen."
        )
    if soort == "sqlite":
        bron = sqlite3.connect(f"{van.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            verbinding.ensure_connection()
            bron.backup(verbinding.connection)
        finally:
            bron.close()
    else:
        if huey:
            # Locked, checked again and dropped in one transaction: a job queued meanwhile is
            # refused rather than lost.
            namen = ", ".join(f'"{t}"' for t in huey)
            with transaction.atomic(using=alias), verbinding.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {namen} IN ACCESS EXCLUSIVE MODE")
                if not all(_leeg(verbinding, t) for t in huey):
                    raise ReservekopieGeweigerd(
                        "database: niet leeg (de wachtrij van huey heeft taken); terugzetten "
                        "kan alleen in een lege database"
                    )
                cursor.execute(f"DROP TABLE {namen}")
        argumenten, omgeving = _pg_omgeving(alias)
        opdracht = [_programma("pg_restore"), "--no-owner", "--single-transaction"]
        resultaat = _draaien([*opdracht, "--exit-on-error", *argumenten, str(van)], omgeving)
        if resultaat.returncode != 0:
            fout = _pg_fout(resultaat.stderr)
            if "input file" in fout:  # cut off in its data: the list check could not see it
                raise ReservekopieGeweigerd(
                    f"--from: {van.name} is onvolledig (pg_restore: {fout}); niets is "
                    "teruggezet, de database is leeg gebleven; neem een andere reservekopie"
                )
            raise ReservekopieGeweigerd(
                f"database: pg_restore mislukte (exitstatus {resultaat.returncode}: {fout}); "
                "niets is teruggezet, de database is leeg gebleven"
            )
    audit_record(
        gebeurtenis="reservekopie-teruggezet",
        actor=None,
        object_type="database",
        object_id=alias,
        na={"bestand": van.name, "soort": soort},
    )
    return Reservekopie(bestand=van, soort=soort, bytes=van.stat().st_size)
