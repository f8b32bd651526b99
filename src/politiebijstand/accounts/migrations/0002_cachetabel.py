"""Create the database cache table where a DatabaseCache is configured (conf.production).

allauth keeps log-in rate limits and used TOTP codes in the cache; in production all web
processes must share it. `createcachetable` does nothing for other cache backends.
"""

from django.core.management import call_command
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def maak_cachetabel(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(maak_cachetabel, migrations.RunPython.noop)]
