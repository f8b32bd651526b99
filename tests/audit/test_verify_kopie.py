"""`politiebijstand audit verify` as an operator runs it, on tampered copies of a database file.

One SQLite database is migrated and filled with 60 audit rows and an anchor by the real command
line, in separate processes; each test copies the file, tampers with the copy with the sqlite3
module (as someone with the file but without the keys would) and runs `audit verify` on it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection

import pytest

# The copy is a SQLite file, whatever database the rest of the run uses; once is enough.
pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="copies a SQLite file; runs in the SQLite run"
)

VULLEN = (
    "from politiebijstand.audit.services import audit_record\n"
    "for i in range(60):\n"
    "    audit_record(gebeurtenis='verzoek-bekeken', actor=None, object_id=str(i))\n"
)


def _omgeving(map_: Path, db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    env.update(
        DJANGO_SETTINGS_MODULE="politiebijstand.conf.dev",
        PB_DATA_DIR=str(map_),
        PB_DATABASE_URL=f"sqlite:///{db}",
        PB_AUDIT_ANKER_DIR=str(map_ / "ankers"),
    )
    return env


def _politiebijstand(map_: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "politiebijstand.cli", *args],
        env=_omgeving(map_, db),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def origineel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The migrated database with 60 rows and one anchor: (folder, database file, anchor)."""
    map_ = tmp_path_factory.mktemp("audit-kopie")
    db = map_ / "db.sqlite3"
    for args in (
        ("manage", "migrate", "--noinput", "-v", "0"),
        ("manage", "shell", "-c", VULLEN),
        ("audit", "anker"),
    ):
        uit = _politiebijstand(map_, db, *args)
        assert uit.returncode == 0, uit.stderr
    (anker,) = (map_ / "ankers").iterdir()
    return map_, db, anker.name


def _sql(*opdrachten: str) -> Callable[[sqlite3.Connection], None]:
    def knoei(verbinding: sqlite3.Connection) -> None:
        for opdracht in opdrachten:
            verbinding.execute(opdracht)

    return knoei


def _herschrijf_met_geraden_sleutel(verbinding: sqlite3.Connection) -> None:
    """Change row 20 and recompute every later hash with the project's function and a guess."""
    import hashlib
    import hmac
    import json

    from politiebijstand.audit.keten import VELDEN, canonical_json, tijdstip_tekst

    rijen = verbinding.execute(
        "SELECT volgnummer, tijdstip, actor_id, actor_gebruikersnaam, actor_organisatie_code, "
        "gebeurtenis, object_type, object_id, voor, na, vorige_hash FROM audit_auditlogentry "
        "WHERE volgnummer >= 20 ORDER BY volgnummer"
    ).fetchall()
    vorige = rijen[0][10]
    for rij in rijen:
        payload = dict(zip(VELDEN, rij, strict=True))
        payload["tijdstip"] = tijdstip_tekst(datetime.fromisoformat(rij[1]).replace(tzinfo=UTC))
        payload["voor"] = json.loads(rij[8]) if rij[8] else None
        payload["na"] = json.loads(rij[9]) if rij[9] else None
        payload["vorige_hash"] = vorige
        if rij[0] == 20:
            payload["object_id"] = "vervalst"
        nieuw = hmac.new(b"geraden" * 6, canonical_json(payload), hashlib.sha256).hexdigest()
        verbinding.execute(
            "UPDATE audit_auditlogentry SET object_id = ?, vorige_hash = ?, hash = ? "
            "WHERE volgnummer = ?",
            [payload["object_id"], vorige, nieuw, rij[0]],
        )
        vorige = nieuw


GEVALLEN: dict[str, tuple[Callable[[sqlite3.Connection], None], str]] = {
    "regel-gewijzigd": (
        _sql("UPDATE audit_auditlogentry SET object_id = 'x' WHERE volgnummer = 10"),
        "Audittrail gebroken bij regel 10: hash klopt niet met de inhoud: de regel is gewijzigd.\n",
    ),
    "middelste-verwijderd": (
        _sql("DELETE FROM audit_auditlogentry WHERE volgnummer = 30"),
        "Audittrail gebroken bij regel 30: volgnummer 30 ontbreekt; na 29 volgt 31.\n"
        "Audittrail gewijzigd: anker {anker} telt 60 regels tot volgnummer 60, de tabel "
        "59 regels.\n",
    ),
    "laatste-verwijderd": (
        _sql("DELETE FROM audit_auditlogentry WHERE volgnummer = 60"),
        "Audittrail ingekort: anker {anker} telt 60 regels tot volgnummer 60, de tabel nog "
        "59 regels tot volgnummer 59; aan het eind ontbreken: 1 regel.\n",
    ),
    "laatste-50-verwijderd": (
        _sql("DELETE FROM audit_auditlogentry WHERE volgnummer > 10"),
        "Audittrail ingekort: anker {anker} telt 60 regels tot volgnummer 60, de tabel nog "
        "10 regels tot volgnummer 10; aan het eind ontbreken: 50 regels.\n",
    ),
    "alles-verwijderd": (
        _sql("DELETE FROM audit_auditlogentry"),
        "Audittrail ingekort: anker {anker} telt 60 regels tot volgnummer 60, de tabel is "
        "leeg; aan het eind ontbreken: 60 regels.\n",
    ),
    "herschreven-vanaf-20": (
        _herschrijf_met_geraden_sleutel,
        "Audittrail gebroken bij regel 20: hash klopt niet met de inhoud: de regel is "
        "gewijzigd.\n"
        "Audittrail herschreven: regel 60 heeft niet de hash van anker {anker}.\n",
    ),
}


def test_het_origineel_is_intact(origineel: tuple[Path, Path, str]) -> None:
    map_, db, anker = origineel
    uit = _politiebijstand(map_, db, "audit", "verify")
    assert (uit.returncode, uit.stdout, uit.stderr) == (
        0,
        "Audittrail intact: 60 regels gecontroleerd.\n"
        f"Anker {anker} klopt: 60 regels tot volgnummer 60.\n",
        "",
    )


@pytest.mark.parametrize("geval", sorted(GEVALLEN))
def test_geknoeide_kopie_wordt_gevonden_en_benoemd(
    origineel: tuple[Path, Path, str], tmp_path: Path, geval: str
) -> None:
    map_, db, anker = origineel
    kopie = tmp_path / "kopie.sqlite3"
    # SQLite's backup API: a consistent copy, including what is still in the WAL file.
    with closing(sqlite3.connect(db)) as bron, closing(sqlite3.connect(kopie)) as doel:
        bron.backup(doel)
    knoei, verwacht = GEVALLEN[geval]
    with closing(sqlite3.connect(kopie)) as verbinding:
        knoei(verbinding)
        verbinding.commit()
    uit = _politiebijstand(map_, kopie, "audit", "verify")
    assert (uit.returncode, uit.stdout, uit.stderr) == (1, "", verwacht.format(anker=anker))
