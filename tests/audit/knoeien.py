"""Tampering with the audit table as someone with database access would: raw SQL, no trigger."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

TABEL = "audit_auditlogentry"


@contextmanager
def zonder_trigger() -> Iterator[None]:
    """Let raw SQL tamper with the table, as an attacker with database access would."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The deferred foreign-key checks must run first; then the trigger can be disabled.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABEL} DISABLE TRIGGER USER")
        yield
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {TABEL} ENABLE TRIGGER USER")
    else:
        yield


def knoei(sql: str, params: list[Any]) -> None:
    with zonder_trigger(), connection.cursor() as cursor:
        cursor.execute(sql, params)
