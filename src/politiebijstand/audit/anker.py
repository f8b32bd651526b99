"""Anchors of the audit trail: signed checkpoint files outside the database (issue #9).

An anchor records, at one moment, how many rows the trail had, the last `volgnummer` and that
row's hash (the chain's head). It is a JSON file in `settings.AUDIT_ANKER_DIR`, one file per
anchor, never overwritten, signed with HMAC-SHA256 and `PB_AUDIT_ANKER_SLEUTEL`:

    {"aantal": 60, "handtekening": "<64 hex>", "kop_hash": "<64 hex>", "tijdstip":
     "2026-03-01T12:00:00.000000+00:00", "versie": 1, "volgnummer": 60}

The signature covers the canonical JSON (`keten.canonical_json`) of every other key. Whoever
can delete rows from the database but cannot write this folder or knows neither key cannot
make the trail shorter or different than the latest anchor says without `audit verify`
noticing (ADR 0026, docs/audit.md).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

from politiebijstand.audit.keten import (
    GENESIS_HASH,
    canonical_json,
    gelijk,
    tijdstip_tekst,
)

#: Format version of the anchor file.
ANKER_VERSIE = 1
_VELDEN = ("aantal", "kop_hash", "tijdstip", "versie", "volgnummer")


class AnkerGeweigerd(Exception):
    """The trail is shorter or different than the latest anchor says: no new anchor over it."""


@dataclass(frozen=True)
class Kop:
    """The trail's state now: row count, last `volgnummer` (0 when empty) and its hash."""

    aantal: int
    volgnummer: int
    kop_hash: str


@dataclass(frozen=True)
class Anker:
    """One checkpoint: at `tijdstip` the trail had `aantal` rows up to `volgnummer`.

    `tijdstip` is aware, in UTC; `kop_hash` is the hash of row `volgnummer`; `naam` is the
    file name.
    """

    tijdstip: datetime
    aantal: int
    volgnummer: int
    kop_hash: str
    naam: str


@dataclass(frozen=True)
class OngeldigAnker:
    """A file in the anchor folder that is not a validly signed anchor, and why (Dutch)."""

    naam: str
    reden: str


def anker_map() -> Path:
    """The anchor folder, `settings.AUDIT_ANKER_DIR` (``PB_AUDIT_ANKER_DIR``)."""
    return Path(settings.AUDIT_ANKER_DIR)


def anker_sleutel() -> bytes:
    """The anchor key, `settings.AUDIT_ANKER_SLEUTEL` (``PB_AUDIT_ANKER_SLEUTEL``), in UTF-8.

    Raises:
        ImproperlyConfigured: when it is missing.
    """
    sleutel = str(getattr(settings, "AUDIT_ANKER_SLEUTEL", "") or "")
    if not sleutel:
        raise ImproperlyConfigured("PB_AUDIT_ANKER_SLEUTEL (of PB_AUDIT_SLEUTEL) ontbreekt")
    return sleutel.encode("utf-8")


def handtekening(velden: dict[str, Any], *, sleutel: bytes | None = None) -> str:
    """HMAC-SHA256 (hex) of the canonical JSON of an anchor's fields (without the signature)."""
    return hmac.new(sleutel or anker_sleutel(), canonical_json(velden), hashlib.sha256).hexdigest()


def kop_lezen() -> Kop:
    """The trail's row count, last `volgnummer` and head hash, read as stored (raw SQL)."""
    from politiebijstand.audit.models import AuditLogEntry

    tabel = connection.ops.quote_name(AuditLogEntry._meta.db_table)
    with connection.cursor() as cursor:
        # One statement: count and maximum come from the same snapshot.
        cursor.execute(f"SELECT COUNT(*), MAX(volgnummer) FROM {tabel}")  # noqa: S608
        aantal, laatste = cursor.fetchone() or (0, None)
        if laatste is None:
            return Kop(int(aantal), 0, GENESIS_HASH)
        cursor.execute(f"SELECT hash FROM {tabel} WHERE volgnummer = %s", [laatste])  # noqa: S608
        rij = cursor.fetchone()
    return Kop(int(aantal), int(laatste), str(rij[0]) if rij else "")


def hash_bij(volgnummer: int) -> str | None:
    """The stored hash of row `volgnummer` (`GENESIS_HASH` for 0), or None when it is absent."""
    from politiebijstand.audit.models import AuditLogEntry

    if volgnummer == 0:
        return GENESIS_HASH
    tabel = connection.ops.quote_name(AuditLogEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT hash FROM {tabel} WHERE volgnummer = %s", [volgnummer])  # noqa: S608
        rij = cursor.fetchone()
    return None if rij is None else str(rij[0])


def aantal_tot(volgnummer: int) -> int:
    """The number of stored rows with a `volgnummer` up to and including `volgnummer`."""
    from politiebijstand.audit.models import AuditLogEntry

    tabel = connection.ops.quote_name(AuditLogEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {tabel} WHERE volgnummer <= %s",  # noqa: S608
            [volgnummer],
        )
        rij = cursor.fetchone()
    return int(rij[0]) if rij else 0


def _lees(pad: Path, sleutel: bytes) -> Anker | OngeldigAnker:
    naam = pad.name
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return OngeldigAnker(naam, "geen leesbaar JSON-bestand")
    if not isinstance(data, dict) or set(data) != {*_VELDEN, "handtekening"}:
        return OngeldigAnker(naam, "de velden kloppen niet")
    velden = {k: data[k] for k in _VELDEN}
    if not isinstance(data["handtekening"], str) or not gelijk(
        handtekening(velden, sleutel=sleutel), data["handtekening"]
    ):
        return OngeldigAnker(naam, "de handtekening klopt niet")
    try:
        tijdstip = datetime.fromisoformat(str(velden["tijdstip"]))
        if tijdstip.tzinfo is None or velden["versie"] != ANKER_VERSIE:
            raise ValueError
        return Anker(
            tijdstip=tijdstip,
            aantal=int(velden["aantal"]),
            volgnummer=int(velden["volgnummer"]),
            kop_hash=str(velden["kop_hash"]),
            naam=naam,
        )
    except (TypeError, ValueError):
        return OngeldigAnker(naam, "ondertekend, maar in een onbekend formaat")


def ankers_lezen(map_: Path | None = None) -> tuple[list[Anker], list[OngeldigAnker]]:
    """Every anchor file (``anker-*.json``) in the folder, checked against the anchor key.

    Args:
        map_: the folder; default `anker_map()`. A missing folder holds no anchors.

    Returns:
        The valid anchors, oldest first (by `tijdstip`, then `volgnummer`), and the files
        that are not validly signed anchors, by name.
    """
    map_ = map_ or anker_map()
    if not map_.is_dir():
        return [], []
    sleutel = anker_sleutel()
    geldig: list[Anker] = []
    ongeldig: list[OngeldigAnker] = []
    for pad in sorted(map_.glob("anker-*.json")):
        gelezen = _lees(pad, sleutel)
        if isinstance(gelezen, Anker):
            geldig.append(gelezen)
        else:
            ongeldig.append(gelezen)
    geldig.sort(key=lambda a: (a.tijdstip, a.volgnummer))
    return geldig, ongeldig


def afwijking(anker: Anker) -> str | None:
    """What is wrong with the trail compared with `anker`, in Dutch, or None when it agrees.

    The trail agrees when it still reaches the anchor's `volgnummer`, with the anchor's hash
    there and the anchor's number of rows up to there. Rows after the anchor are checked by
    the chain (`keten.keten_verifieren`), not here.
    """
    kop = kop_lezen()
    if kop.volgnummer < anker.volgnummer:
        nu = (
            "de tabel is leeg"
            if kop.aantal == 0
            else f"de tabel nog {_regels(kop.aantal)} tot volgnummer {kop.volgnummer}"
        )
        return (
            f"Audittrail ingekort: anker {anker.naam} telt {_regels(anker.aantal)} tot "
            f"volgnummer {anker.volgnummer}, {nu}; aan het eind ontbreken: "
            f"{_regels(anker.volgnummer - kop.volgnummer)}."
        )
    opgeslagen = hash_bij(anker.volgnummer)
    if opgeslagen is None:
        return f"Audittrail ingekort: regel {anker.volgnummer} van anker {anker.naam} ontbreekt."
    if not gelijk(anker.kop_hash, opgeslagen):
        return (
            f"Audittrail herschreven: regel {anker.volgnummer} heeft niet de hash van "
            f"anker {anker.naam}."
        )
    tot = aantal_tot(anker.volgnummer)
    if tot != anker.aantal:
        return (
            f"Audittrail gewijzigd: anker {anker.naam} telt {_regels(anker.aantal)} tot "
            f"volgnummer {anker.volgnummer}, de tabel {_regels(tot)}."
        )
    return None


def _regels(aantal: int) -> str:
    return f"{aantal} regel" if aantal == 1 else f"{aantal} regels"


def anker_schrijven(*, map_: Path | None = None) -> Anker:
    """Write a new anchor over the trail's head, as a new file that is never overwritten.

    Before it anchors, it compares the trail with the latest valid anchor (`afwijking`): an
    anchor never moves over a trail that was cut or rewritten since.

    Args:
        map_: the folder; default `anker_map()`, created (mode 0700) when missing.

    Returns:
        The anchor written.

    Raises:
        AnkerGeweigerd: the trail is shorter or different than the latest anchor says.
        OSError: the folder cannot be written.
        ImproperlyConfigured: no anchor key.
    """
    anker = _schrijven(map_ or anker_map(), alleen_bij_groei=False)
    if anker is None:  # pragma: no cover - only skipped when alleen_bij_groei
        raise AssertionError("anker_schrijven: geen anker geschreven")
    return anker


def anker_schrijven_bij_groei(*, map_: Path | None = None) -> Anker | None:
    """Like `anker_schrijven`, but write nothing when the head equals the latest anchor's.

    For the periodic task: no new file every few minutes while nothing happens.

    Returns:
        The anchor written, or None when the trail has not changed since the latest anchor.

    Raises:
        AnkerGeweigerd, OSError, ImproperlyConfigured: as `anker_schrijven`.
    """
    return _schrijven(map_ or anker_map(), alleen_bij_groei=True)


def _schrijven(map_: Path, *, alleen_bij_groei: bool) -> Anker | None:
    sleutel = anker_sleutel()
    geldig, _ = ankers_lezen(map_)
    laatste = geldig[-1] if geldig else None
    if laatste is not None:
        fout = afwijking(laatste)
        if fout is not None:
            raise AnkerGeweigerd(f"anker geweigerd: {fout}")
    kop = kop_lezen()
    if (
        alleen_bij_groei
        and laatste is not None
        and (laatste.volgnummer, laatste.kop_hash) == (kop.volgnummer, kop.kop_hash)
    ):
        return None
    tijdstip = timezone.now()
    velden: dict[str, Any] = {
        "aantal": kop.aantal,
        "kop_hash": kop.kop_hash,
        "tijdstip": tijdstip_tekst(tijdstip),
        "versie": ANKER_VERSIE,
        "volgnummer": kop.volgnummer,
    }
    inhoud = canonical_json({**velden, "handtekening": handtekening(velden, sleutel=sleutel)})
    naam = f"anker-{tijdstip.strftime('%Y%m%dT%H%M%S%fZ')}-{kop.volgnummer}.json"
    map_.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written under a temporary name and linked into place, so that a crash leaves no half
    # anchor and an existing anchor is never replaced (link fails when the name exists).
    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=".anker-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(inhoud + b"\n")
            bestand.flush()
            os.fsync(bestand.fileno())
        os.chmod(tijdelijk, 0o440)
        os.link(tijdelijk, map_ / naam)
    finally:
        os.unlink(tijdelijk)
    return Anker(
        tijdstip=tijdstip,
        aantal=kop.aantal,
        volgnummer=kop.volgnummer,
        kop_hash=kop.kop_hash,
        naam=naam,
    )
