"""The cache table ``pb_cache`` exists after `migrate` under any settings (issue #9)."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

from django.conf import settings
from django.db import connection

import pytest

cachetabel = importlib.import_module("politiebijstand.accounts.migrations.0004_cachetabel_altijd")


def kolommen() -> list[tuple[str, bool]]:
    with connection.cursor() as cursor:
        beschrijving = connection.introspection.get_table_description(cursor, "pb_cache")
    return [(kolom.name, kolom.null_ok) for kolom in beschrijving]


@pytest.mark.django_db
def test_migrate_onder_testinstellingen_maakt_pb_cache() -> None:
    # The test settings keep the cache in local memory: `createcachetable` alone made nothing.
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert "pb_cache" in connection.introspection.table_names()
    assert kolommen() == [("cache_key", False), ("value", False), ("expires", False)]
    with connection.cursor() as cursor:
        indexen = connection.introspection.get_constraints(cursor, "pb_cache")
    assert {tuple(i["columns"]) for i in indexen.values() if i["index"] or i["primary_key"]} >= {
        ("cache_key",),
        ("expires",),
    }


@pytest.mark.django_db
def test_de_migratie_nogmaals_laat_een_bestaande_tabel_staan() -> None:
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO pb_cache VALUES ('sleutel', 'waarde', '2030-01-01 00:00:00')")
    # The migration reads only the schema editor's connection (SQLite allows no schema
    # editor inside the test's transaction).
    cachetabel.maak_cachetabel(None, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM pb_cache")
        assert cursor.fetchall() == [("sleutel", "waarde")]
