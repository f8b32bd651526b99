"""Fill each part's current period and unit (ADR 0044).

The period is its latest deployment version's (`InzetVersie`), else its request's; the unit
is its request's. Two UPDATEs with correlated subqueries, so it runs in the database on SQLite
and PostgreSQL alike. Going back, the columns are dropped by 0006's reverse.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def vullen(apps, schema_editor):
    Bijstandsverzoek = apps.get_model("verzoeken", "Bijstandsverzoek")
    Deelverzoek = apps.get_model("verzoeken", "Deelverzoek")
    InzetVersie = apps.get_model("verzoeken", "InzetVersie")
    verzoek = Bijstandsverzoek.objects.filter(pk=OuterRef("verzoek_id"))
    Deelverzoek.objects.update(
        periode_start=Subquery(verzoek.values("periode_start")[:1]),
        periode_eind=Subquery(verzoek.values("periode_eind")[:1]),
        eenheid_id=Subquery(verzoek.values("eenheid_id")[:1]),
    )
    laatste = InzetVersie.objects.filter(deelverzoek_id=OuterRef("pk")).order_by("-versie")
    Deelverzoek.objects.filter(pk__in=InzetVersie.objects.values("deelverzoek_id")).update(
        periode_start=Subquery(laatste.values("periode_start")[:1]),
        periode_eind=Subquery(laatste.values("periode_eind")[:1]),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("verzoeken", "0007_deelverzoek_periode"),
    ]

    operations = [
        migrations.RunPython(vullen, migrations.RunPython.noop),
    ]
