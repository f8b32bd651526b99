"""On PostgreSQL, the application's role gets only SELECT and INSERT on the audit table.

Runs only when `PB_DATABASE_APP_ROLE` (settings.DATABASE_APP_ROLE) names the role; the SQL is
`politiebijstand.audit.rechten.rechten_sql`, also printed in docs/audit.md for operators who
grant by hand or add the role later. Issue #9, ADR 0026.
"""

from django.conf import settings
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from politiebijstand.audit.rechten import rechten_sql


def rechten_beperken(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rol = str(getattr(settings, "DATABASE_APP_ROLE", "") or "")
    if schema_editor.connection.vendor != "postgresql" or not rol:
        return
    for sql in rechten_sql(rol):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_hash_versie")]

    operations = [migrations.RunPython(rechten_beperken, migrations.RunPython.noop)]
