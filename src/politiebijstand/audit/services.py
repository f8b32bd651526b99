"""Writing the audit trail: `audit_record`, in the transaction of the change it records."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from politiebijstand.audit.keten import (
    GENESIS_HASH,
    HUIDIGE_HASH_VERSIE,
    bereken_hash,
    tijdstip_tekst,
)
from politiebijstand.audit.models import AuditLogEntry

if TYPE_CHECKING:
    # The user model's base class, not accounts.Gebruiker: audit sits below accounts, which
    # records its log-in events here (ADR 0015). The actor column is a foreign key to
    # AUTH_USER_MODEL either way.
    from django.contrib.auth.base_user import AbstractBaseUser

GEBEURTENIS_PATROON = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

#: Key of the PostgreSQL transaction-level advisory lock that serialises the writers.
_SLOT = zlib.crc32(b"politiebijstand.audit")


def _als_json(waarde: Any, veld: str) -> Any:
    """Normalise to plain JSON (what the database gives back), so the hash survives storage."""
    if waarde is None:
        return None
    try:
        return json.loads(json.dumps(waarde, cls=DjangoJSONEncoder, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{veld}: geen JSON-waarde ({exc})") from exc


def _organisatie_code(actor: AbstractBaseUser | None) -> str:
    organisatie = getattr(actor, "organisatie", None)
    return str(getattr(organisatie, "code", "") or "")


def audit_record(
    *,
    gebeurtenis: str,
    actor: AbstractBaseUser | None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    voor: Any = None,
    na: Any = None,
    actor_gebruikersnaam: str | None = None,
) -> AuditLogEntry:
    """Append one event to the audit trail, in the current transaction.

    Call it inside the `transaction.atomic` block of the change it records, so that both are
    stored or neither. Writers are serialised so that the chain cannot fork: on PostgreSQL by a
    transaction-level advisory lock taken before the last row is read (a row lock on the last
    row would not do under READ COMMITTED: a waiting writer would read the same old last row);
    on SQLite by the IMMEDIATE transactions of the settings (`conf/base.py`), which take the
    database's write lock at BEGIN. A unique `vorige_hash` is the database's last guard.

    Args:
        gebeurtenis: stable kebab-case event code, e.g. ``"rechten-gewijzigd"``.
        actor: who acted; None for an anonymous visitor or the system.
        obj: the object concerned; sets `object_type` ('app_label.model') and `object_id`.
        object_type: given instead of `obj`: 'app_label.model', or another type name.
        object_id: given instead of `obj`, e.g. for an object that does not exist.
        voor: the state before, as a JSON-serialisable value (datetimes, UUIDs and Decimals
            become strings).
        na: the state after, likewise.
        actor_gebruikersnaam: overrides the actor's user name, e.g. the name tried at a failed
            log-in.

    Returns:
        The stored `AuditLogEntry`.

    Raises:
        ValueError: for an event code that is not kebab-case, or before/after that are not JSON.
    """
    if not GEBEURTENIS_PATROON.fullmatch(gebeurtenis):
        raise ValueError(f"gebeurtenis: {gebeurtenis!r} is geen code in kebab-case")
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
    voor_json = _als_json(voor, "voor")
    na_json = _als_json(na, "na")
    naam = (
        actor_gebruikersnaam
        if actor_gebruikersnaam is not None
        else (actor.get_username() if actor is not None else "")
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SLOT])
        laatste = (
            AuditLogEntry.objects.order_by("-volgnummer").values_list("volgnummer", "hash").first()
        )
        volgnummer, vorige_hash = (laatste[0] + 1, laatste[1]) if laatste else (1, GENESIS_HASH)
        entry = _schakel(
            volgnummer=volgnummer,
            tijdstip=timezone.now(),
            vorige_hash=vorige_hash,
            actor=actor,
            naam=naam,
            gebeurtenis=gebeurtenis,
            object_type=object_type,
            object_id=object_id,
            voor=voor_json,
            na=na_json,
        )
        entry.save()
    return entry


def _schakel(
    *,
    volgnummer: int,
    tijdstip: datetime,
    vorige_hash: str,
    actor: AbstractBaseUser | None,
    naam: str,
    gebeurtenis: str,
    object_type: str,
    object_id: str,
    voor: Any,
    na: Any,
) -> AuditLogEntry:
    """The unsaved entry that follows `vorige_hash`, with its hash (`keten.bereken_hash`)."""
    payload = {
        "volgnummer": volgnummer,
        "tijdstip": tijdstip_tekst(tijdstip),
        "actor_id": actor.pk if actor is not None else None,
        "actor_gebruikersnaam": naam[:150],
        "actor_organisatie_code": _organisatie_code(actor),
        "gebeurtenis": gebeurtenis,
        "object_type": object_type,
        "object_id": object_id,
        "voor": voor,
        "na": na,
        "vorige_hash": vorige_hash,
    }
    return AuditLogEntry(
        volgnummer=volgnummer,
        tijdstip=tijdstip,
        # By key: the stubs type the relation as accounts.Gebruiker, which audit does not
        # import (it sits below accounts, ADR 0015). The stored row is the same.
        actor_id=payload["actor_id"],
        actor_gebruikersnaam=payload["actor_gebruikersnaam"],
        actor_organisatie_code=payload["actor_organisatie_code"],
        gebeurtenis=gebeurtenis,
        object_type=object_type,
        object_id=object_id,
        voor=voor,
        na=na,
        vorige_hash=vorige_hash,
        hash=bereken_hash(payload, versie=HUIDIGE_HASH_VERSIE),
        hash_versie=HUIDIGE_HASH_VERSIE,
    )


def audit_record_systeem_batch(
    *, gebeurtenis: str, objecten: Sequence[tuple[models.Model, Any]]
) -> list[AuditLogEntry]:
    """Append one event of the system (no actor) per object, in one insert, in the same chain.

    For a bulk load of reference data (`organisaties.gebied_services.gebieden_laden`), where
    one `audit_record` per row would cost a query round trip each. The rows are the ones that
    `audit_record` would write one after the other (same payload, same hash chain, one
    `tijdstip`), under the same lock; call it inside the change's `transaction.atomic` block.

    Args:
        gebeurtenis: stable kebab-case event code, e.g. ``"organisatie-aangemaakt"``.
        objecten: (object, state after) pairs, in the order they are to be recorded; each
            state a JSON-serialisable value. There is no state before: events of creation.

    Returns:
        The stored entries, in order.

    Raises:
        ValueError: for an event code that is not kebab-case, or a state that is not JSON.
    """
    if not GEBEURTENIS_PATROON.fullmatch(gebeurtenis):
        raise ValueError(f"gebeurtenis: {gebeurtenis!r} is geen code in kebab-case")
    if not objecten:
        return []
    toestanden = [(obj, _als_json(na, "na")) for obj, na in objecten]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SLOT])
        laatste = (
            AuditLogEntry.objects.order_by("-volgnummer").values_list("volgnummer", "hash").first()
        )
        volgnummer, vorige_hash = (laatste[0], laatste[1]) if laatste else (0, GENESIS_HASH)
        tijdstip = timezone.now()
        entries: list[AuditLogEntry] = []
        for obj, na_json in toestanden:
            volgnummer += 1
            entry = _schakel(
                volgnummer=volgnummer,
                tijdstip=tijdstip,
                vorige_hash=vorige_hash,
                actor=None,
                naam="",
                gebeurtenis=gebeurtenis,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                voor=None,
                na=na_json,
            )
            vorige_hash = entry.hash
            entries.append(entry)
        # The manager refuses bulk_create to every other caller (models.AuditLogEntryQuerySet); this
        # is the one writer that keeps the chain while inserting many rows at once.
        return models.QuerySet[AuditLogEntry](AuditLogEntry).bulk_create(entries)
