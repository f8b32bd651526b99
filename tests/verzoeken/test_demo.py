"""The demo requests of `make run`: made through the services, idempotent, refused in production."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import CommandError, call_command

import pytest

from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak

pytestmark = pytest.mark.usefixtures("referentiedata")


def test_demo_verzoeken_in_verschillende_stadia_en_herhaalbaar() -> None:
    call_command("demo_accounts_laden", stdout=StringIO())
    out = StringIO()
    call_command("demo_verzoeken_laden", stdout=out)
    verzoeken = list(Bijstandsverzoek.objects.order_by("id"))
    assert [(v.titel.removeprefix("Demo: "), v.status) for v in verzoeken] == [
        ("Demonstratie en tegendemonstratie Jaarbeursplein", "in_behandeling"),
        ("Versterking ME bij risicowedstrijd", "in_behandeling"),
        ("Spoed: waterwerper bij ongeregeldheden", "in_behandeling"),
        ("Rechercheurs KMar bij wapenonderzoek", "in_behandeling"),
        ("Waterwerper bij jaarwisseling", "in_inzet"),
        ("Extra ME bij festival (afgewezen)", "besloten"),
        ("Bewaking manifestatie (ingetrokken)", "ingetrokken"),
    ]
    open_per_verzoek = [
        sorted(
            (t.organisatie.code, t.bpmn_id)
            for t in Taak.objects.filter(verzoek=v, status="open").select_related("organisatie")
        )
        for v in verzoeken[:4]
    ]
    assert open_per_verzoek == [
        [("LOCC", "taak_aanvraag_verwerken")],
        [("KORPSCHEF", "taak_besluit_korpschef")],
        [("LOCC", "taak_aanvraag_toetsen"), ("RCCB-MN", "taak_schriftelijk_formaliseren")],
        [("OM-MN", "taak_aanvraag_parket_generaal")],
    ]
    assert Deelverzoek.objects.get(verzoek=verzoeken[5]).status == "afgewezen"
    assert verzoeken[0].kenmerk in out.getvalue()
    call_command("demo_verzoeken_laden", stdout=StringIO())
    assert Bijstandsverzoek.objects.count() == 7


def test_zonder_demo_accounts_een_duidelijke_fout() -> None:
    with pytest.raises(CommandError, match="demo_accounts_laden"):
        call_command("demo_verzoeken_laden", stdout=StringIO())


def test_geweigerd_onder_productie_instellingen(settings: Any) -> None:
    settings.DEMO_ACCOUNTS_TOEGESTAAN = False
    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("demo_verzoeken_laden", stdout=StringIO())
    assert Bijstandsverzoek.objects.count() == 0
