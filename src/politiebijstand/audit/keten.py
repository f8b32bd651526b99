"""The hash chain of the audit trail: canonical form, hashing and verification.

The hash of a row is ``HMAC-SHA256(PB_AUDIT_SLEUTEL, canonical_json(payload))`` in lower-case
hex (`hash_versie` 2, issue #9, ADR 0026), where the payload holds every stored field except
`hash` and `hash_versie`, with the timestamp as ISO 8601 UTC with microseconds and `voor`/`na`
as JSON values. Canonical JSON: keys sorted, no spaces, UTF-8, no NaN. The first row's
`vorige_hash` is `GENESIS_HASH`. Rows written before the key (`hash_versie` 1) keep their
unkeyed ``sha256(canonical_json(payload))``; along the chain the version never goes down, so
a row cannot be re-hashed without the key once a keyed row follows it (ADR 0026).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils.dateparse import parse_datetime

GENESIS_HASH = "0" * 64

#: `hash_versie` of the rows hashed without a key, before issue #9.
HASH_VERSIE_SHA256 = 1
#: `hash_versie` of the rows hashed with HMAC-SHA256 and `PB_AUDIT_SLEUTEL` (issue #9).
HASH_VERSIE_HMAC = 2
#: The version every new row gets.
HUIDIGE_HASH_VERSIE = HASH_VERSIE_HMAC

#: The shortest accepted key, in bytes (the output size of SHA-256).
MINIMALE_SLEUTEL_BYTES = 32

#: The hashed fields, in table order (the payload's keys).
VELDEN: tuple[str, ...] = (
    "volgnummer",
    "tijdstip",
    "actor_id",
    "actor_gebruikersnaam",
    "actor_organisatie_code",
    "gebeurtenis",
    "object_type",
    "object_id",
    "voor",
    "na",
    "vorige_hash",
)


def canonical_json(value: Any) -> bytes:
    """Serialise `value` canonically: sorted keys, no whitespace, UTF-8, no NaN.

    Raises:
        TypeError: for a value that is not plain JSON (dict, list, str, int, float, bool, None).
        ValueError: for NaN or infinity.
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def tijdstip_tekst(tijdstip: datetime) -> str:
    """ISO 8601 text of an aware datetime in UTC with microseconds, as it is hashed.

    Raises:
        ValueError: if `tijdstip` is naive.
    """
    if tijdstip.tzinfo is None:
        raise ValueError("tijdstip: een tijdstip met tijdzone is vereist")
    return tijdstip.astimezone(UTC).isoformat(timespec="microseconds")


def audit_sleutel() -> bytes:
    """The chain's HMAC key: `settings.AUDIT_SLEUTEL` (``PB_AUDIT_SLEUTEL``) in UTF-8.

    Raises:
        ImproperlyConfigured: when the key is missing (production refuses to start without it;
            the dev and test settings carry a fixed, non-secret key).
    """
    sleutel = str(getattr(settings, "AUDIT_SLEUTEL", "") or "")
    if not sleutel:
        raise ImproperlyConfigured(
            "PB_AUDIT_SLEUTEL ontbreekt: de audittrail heeft een sleutel nodig"
        )
    return sleutel.encode("utf-8")


def bereken_hash(
    payload: dict[str, Any], *, versie: int = HUIDIGE_HASH_VERSIE, sleutel: bytes | None = None
) -> str:
    """The hash (64 hex digits) of the canonical JSON of a row's payload (`VELDEN`).

    Args:
        payload: the row's fields, as described in the module docstring.
        versie: `HASH_VERSIE_HMAC` (HMAC-SHA256) or `HASH_VERSIE_SHA256` (plain sha256, only to
            check rows written before the key).
        sleutel: the HMAC key; default `audit_sleutel()`.

    Raises:
        ValueError: for an unknown version.
        ImproperlyConfigured: for version 2 without a key configured.
    """
    data = canonical_json(payload)
    if versie == HASH_VERSIE_SHA256:
        return hashlib.sha256(data).hexdigest()
    if versie == HASH_VERSIE_HMAC:
        return hmac.new(sleutel or audit_sleutel(), data, hashlib.sha256).hexdigest()
    raise ValueError(f"hash_versie {versie} is onbekend")


def gelijk(verwacht: str, opgeslagen: object) -> bool:
    """Whether a stored hash equals the expected one, in constant time.

    Compared as UTF-8 bytes: a tampered value may hold any text (`hmac.compare_digest` refuses
    non-ASCII `str`) or not be text at all.
    """
    return hmac.compare_digest(verwacht.encode("utf-8"), str(opgeslagen).encode("utf-8"))


@dataclass(frozen=True)
class Breuk:
    """The first broken link: the position where the chain breaks, and why (Dutch)."""

    volgnummer: int
    reden: str


@dataclass(frozen=True)
class Verificatie:
    """Result of checking the chain: rows checked, the first break, rows without the key."""

    aantal: int
    breuk: Breuk | None
    zonder_sleutel: int = 0

    @property
    def intact(self) -> bool:
        return self.breuk is None

    def melding(self) -> str:
        """One Dutch line for the CLI."""
        if self.breuk is None:
            return f"Audittrail intact: {self.aantal} regels gecontroleerd."
        return f"Audittrail gebroken bij regel {self.breuk.volgnummer}: {self.breuk.reden}."


def _rijen(batch: int) -> Iterator[tuple[Any, ...]]:
    """Every row as stored, read with a plain cursor so that tampered values cannot crash it.

    JSON columns are read as text on both SQLite and PostgreSQL and parsed here.
    """
    from politiebijstand.audit.models import AuditLogEntry

    tabel = connection.ops.quote_name(AuditLogEntry._meta.db_table)
    if connection.vendor == "postgresql":
        voor, na = "voor::text", "na::text"
    else:
        voor, na = "voor", "na"
    kolommen = (
        "volgnummer, tijdstip, actor_id, actor_gebruikersnaam, actor_organisatie_code, "
        f"gebeurtenis, object_type, object_id, {voor}, {na}, vorige_hash, hash, hash_versie"
    )
    vanaf = -1
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT {kolommen} FROM {tabel} WHERE volgnummer > %s "  # noqa: S608
                "ORDER BY volgnummer LIMIT %s",
                [vanaf, batch],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            yield from rows
            vanaf = rows[-1][0]


def _als_tijdstip(waarde: Any) -> datetime:
    if isinstance(waarde, datetime):
        tijdstip = waarde
    else:
        parsed = parse_datetime(str(waarde))
        if parsed is None:
            raise ValueError(f"tijdstip {waarde!r} is geen tijdstip")
        tijdstip = parsed
    if tijdstip.tzinfo is None:  # SQLite stores UTC without an offset
        tijdstip = tijdstip.replace(tzinfo=UTC)
    return tijdstip


def _als_json(waarde: Any) -> Any:
    if waarde is None:
        return None
    return json.loads(waarde) if isinstance(waarde, str | bytes) else waarde


def keten_verifieren(*, batch: int = 2000) -> Verificatie:
    """Check the whole chain and name the first broken link.

    For each row in order of `volgnummer`: the number follows the previous one without a gap
    (a removed or renumbered row), `vorige_hash` equals the previous row's `hash`, the
    `hash_versie` is known and not lower than the previous row's, and `hash` equals the
    recomputed hash of its fields (any changed field; with the key for version 2).

    The chain alone cannot see rows cut from its end: `politiebijstand.audit.controle` adds
    the anchors (ADR 0026).

    Args:
        batch: rows read per query.

    Returns:
        `Verificatie` with the number of rows read and the first `Breuk`, or None when intact.
    """
    sleutel = audit_sleutel()
    verwacht_nummer = 1
    vorige_hash = GENESIS_HASH
    vorige_versie = HASH_VERSIE_SHA256
    aantal = 0
    zonder_sleutel = 0
    for rij in _rijen(batch):
        aantal += 1
        nummer = int(rij[0])
        if nummer != verwacht_nummer:
            return Verificatie(
                aantal,
                Breuk(
                    verwacht_nummer,
                    f"volgnummer {verwacht_nummer} ontbreekt; na {verwacht_nummer - 1} "
                    f"volgt {nummer}",
                ),
            )
        opgeslagen_hash = rij[11]
        versie = int(rij[12])
        if rij[10] != vorige_hash:
            return Verificatie(
                aantal,
                Breuk(nummer, "vorige_hash wijkt af van de hash van de vorige regel"),
                zonder_sleutel,
            )
        if versie not in (HASH_VERSIE_SHA256, HASH_VERSIE_HMAC):
            return Verificatie(
                aantal, Breuk(nummer, f"hash_versie {versie} is onbekend"), zonder_sleutel
            )
        if versie < vorige_versie:
            return Verificatie(
                aantal,
                Breuk(
                    nummer,
                    f"hash_versie {versie} na een regel met hash_versie {vorige_versie}: "
                    "de regel is zonder sleutel herberekend",
                ),
                zonder_sleutel,
            )
        try:
            payload = dict(zip(VELDEN, rij[:11], strict=True))
            payload["tijdstip"] = tijdstip_tekst(_als_tijdstip(rij[1]))
            payload["voor"] = _als_json(rij[8])
            payload["na"] = _als_json(rij[9])
            payload["actor_id"] = None if rij[2] is None else int(rij[2])
            herberekend = bereken_hash(payload, versie=versie, sleutel=sleutel)
        except (ValueError, TypeError) as exc:
            return Verificatie(aantal, Breuk(nummer, f"regel onleesbaar: {exc}"), zonder_sleutel)
        if not gelijk(herberekend, opgeslagen_hash):
            return Verificatie(
                aantal,
                Breuk(nummer, "hash klopt niet met de inhoud: de regel is gewijzigd"),
                zonder_sleutel,
            )
        if versie == HASH_VERSIE_SHA256:
            zonder_sleutel += 1
        vorige_hash = opgeslagen_hash
        vorige_versie = versie
        verwacht_nummer += 1
    return Verificatie(aantal, None, zonder_sleutel)
