"""On PostgreSQL, a trigger refuses UPDATE and DELETE of audit rows (append-only).

The application role should in production also get only SELECT and INSERT on the table, so
that it cannot disable the trigger or TRUNCATE (which Django's test flush uses, hence no
TRUNCATE trigger here).
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

MAAK = """
CREATE OR REPLACE FUNCTION audit_weiger_wijziging() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditlogentry is alleen-toevoegen: % geweigerd', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON audit_auditlogentry
    FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();
"""

VERWIJDER = """
DROP TRIGGER IF EXISTS audit_alleen_toevoegen ON audit_auditlogentry;
DROP FUNCTION IF EXISTS audit_weiger_wijziging();
"""


def maak_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        # params=None: the SQL holds a literal % (plpgsql format), not a placeholder.
        schema_editor.execute(MAAK, params=None)


def verwijder_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VERWIJDER, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(maak_trigger, verwijder_trigger)]
