"""The application's role has only SELECT and INSERT on the audit table (issue #9, ADR 0026).

The PostgreSQL test makes a role, gives it the privileges of migration 0004, connects as it and
shows that UPDATE, DELETE, TRUNCATE and disabling the trigger fail while INSERT and SELECT work.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from django.db import connection

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.audit.rechten import rechten_sql

ROL = "pb_app_rechten_test"
migratie = importlib.import_module("politiebijstand.audit.migrations.0004_rechten_app_rol")


def test_rechten_sql() -> None:
    assert rechten_sql("politiebijstand_app") == [
        "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_auditlogentry "
        'FROM "politiebijstand_app"',
        'GRANT SELECT, INSERT ON audit_auditlogentry TO "politiebijstand_app"',
    ]


@pytest.mark.parametrize("rol", ["", "app; DROP TABLE x", 'a"b', "1app", "a" * 64])
def test_rechten_sql_weigert_een_ongeldige_rolnaam(rol: str) -> None:
    with pytest.raises(ValueError) as exc:
        rechten_sql(rol)
    assert str(exc.value) == f"PB_DATABASE_APP_ROLE: {rol!r} is geen geldige rolnaam"


class _Verbinding:
    def __init__(self, vendor: str) -> None:
        self.vendor = vendor


class _SchemaEditor:
    """Records the statements a migration would run."""

    def __init__(self, vendor: str) -> None:
        self.connection = _Verbinding(vendor)
        self.uitgevoerd: list[str] = []

    def execute(self, sql: str, params: Any = ()) -> None:
        self.uitgevoerd.append(sql)


@pytest.mark.parametrize(
    ("vendor", "rol", "verwacht"),
    [
        ("postgresql", "pb_app", rechten_sql("pb_app")),
        ("postgresql", "", []),
        ("sqlite", "pb_app", []),
    ],
)
def test_migratie_alleen_op_postgresql_met_een_rol(
    settings: SettingsWrapper, vendor: str, rol: str, verwacht: list[str]
) -> None:
    settings.DATABASE_APP_ROLE = rol
    editor = _SchemaEditor(vendor)
    migratie.rechten_beperken(None, editor)
    assert editor.uitgevoerd == verwacht


def _verbind(**extra: Any) -> Any:
    import psycopg

    instellingen = connection.settings_dict
    return psycopg.connect(
        dbname=instellingen["NAME"],
        user=extra.pop("user", instellingen["USER"]),
        host=instellingen["HOST"] or None,
        port=instellingen["PORT"] or None,
        **extra,
    )


@pytest.fixture
def app_rol(db: None) -> Iterator[Any]:
    """A log-in role with migration 0004's privileges, and a connection as that role."""
    with _verbind(autocommit=True) as beheer:
        beheer.execute(f"DROP ROLE IF EXISTS {ROL}")
        beheer.execute(f"CREATE ROLE {ROL} LOGIN")
        for sql in rechten_sql(ROL):
            beheer.execute(sql)
        try:
            with _verbind(user=ROL) as app:
                yield app
        finally:
            beheer.execute(f"DROP OWNED BY {ROL}")
            beheer.execute(f"DROP ROLE {ROL}")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="roles need PostgreSQL")
def test_app_rol_mag_alleen_lezen_en_toevoegen(app_rol: Any) -> None:
    import psycopg

    # Each statement in its own transaction that is rolled back: nothing stays behind.
    with app_rol.transaction(force_rollback=True):
        app_rol.execute(
            "INSERT INTO audit_auditlogentry (volgnummer, tijdstip, actor_gebruikersnaam, "
            "actor_organisatie_code, gebeurtenis, object_type, object_id, vorige_hash, hash, "
            "hash_versie) VALUES (999999999, %s, '', '', 'proef', '', '', %s, %s, 2)",
            [datetime(2026, 3, 1, tzinfo=UTC), "a" * 64, "b" * 64],
        )
        rij = app_rol.execute(
            "SELECT gebeurtenis FROM audit_auditlogentry WHERE volgnummer = 999999999"
        ).fetchone()
        assert rij == ("proef",)
    for sql, fout in [
        ("UPDATE audit_auditlogentry SET gebeurtenis = 'x'", "permission denied for table"),
        ("DELETE FROM audit_auditlogentry", "permission denied for table"),
        ("TRUNCATE audit_auditlogentry", "permission denied for table"),
        ("ALTER TABLE audit_auditlogentry DISABLE TRIGGER USER", "must be owner of table"),
    ]:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match=fout):  # noqa: SIM117
            with app_rol.transaction(force_rollback=True):
                app_rol.execute(sql)
