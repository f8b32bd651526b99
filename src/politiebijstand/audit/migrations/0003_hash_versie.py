"""Each row states how its hash was made: 1 = sha256 without a key (every existing row), 2 =
HMAC-SHA256 with PB_AUDIT_SLEUTEL (every new row). Issue #9, ADR 0026.

Adding the column touches no row: on PostgreSQL ADD COLUMN with a constant default does not
rewrite the table, so the append-only trigger (0002) is not fired and no hash changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_alleen_toevoegen_trigger")]

    operations = [
        migrations.AddField(
            model_name="auditlogentry",
            name="hash_versie",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="1: sha256 zonder sleutel (regels van vóór issue #9); 2: HMAC-SHA256 "
                "met PB_AUDIT_SLEUTEL. Daalt nooit langs de keten (ADR 0026).",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditlogentry",
            name="hash",
            field=models.CharField(
                help_text="HMAC-SHA256 (hex, sleutel PB_AUDIT_SLEUTEL) van de canonieke JSON "
                "van deze rij.",
                max_length=64,
                unique=True,
            ),
        ),
    ]
