"""Create the cache table ``pb_cache`` under any settings (issue #9).

Migration 0002 ran `createcachetable`, which only creates the tables of the caches that the
running settings configure: a database migrated under conf.dev or conf.test (local memory
cache) had no ``pb_cache``, and under conf.production every log-in answered 500. This creates
the table by name, with Django's own schema for it (`createcachetable`'s ``create_table``),
and does nothing if it exists. The reverse leaves it: it may predate this migration.
"""

from io import StringIO

from django.core.management.commands.createcachetable import Command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

#: The LOCATION of the DatabaseCache in conf/production.py.
CACHE_TABEL = "pb_cache"


def maak_cachetabel(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    command = Command(stdout=StringIO())
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, CACHE_TABEL, dry_run=False)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_tweede_factor_versleutelen")]

    operations = [migrations.RunPython(maak_cachetabel, migrations.RunPython.noop)]
