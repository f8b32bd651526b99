"""Functional mailboxes of the organisations: demo data, admin filter, history (issue #10)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.test import Client

import pytest

from politiebijstand.organisaties.geschiedenis import organisatie_geschiedenis
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.services import demo_mailbox
from tests.accounts.factories import maak_organisatie

pytestmark = pytest.mark.usefixtures("zonder_referentiedata")


@pytest.mark.parametrize(
    ("code", "adres"),
    [
        ("LOCC", "locc@demo.politiebijstand.test"),
        ("LE-POB", "le-pob@demo.politiebijstand.test"),
        ("GM0344", "gm0344@demo.politiebijstand.test"),
        ("RCCB_NN x", "rccb-nn-x@demo.politiebijstand.test"),
    ],
)
def test_demo_mailbox(code: str, adres: str) -> None:
    assert demo_mailbox(code) == adres


def test_demo_mailboxen_laden_vult_alleen_lege_mailboxen_met_geschiedenis() -> None:
    locc = maak_organisatie("LOCC")
    djz = maak_organisatie("DJZ", mailbox="postbus@djz.example.nl")

    out = StringIO()
    call_command("demo_mailboxen_laden", stdout=out)
    assert out.getvalue() == "1 organisaties kregen een demo-mailbox.\n"
    locc.refresh_from_db()
    djz.refresh_from_db()
    assert (locc.mailbox, djz.mailbox) == (
        "locc@demo.politiebijstand.test",
        "postbus@djz.example.nl",
    )
    gewijzigd = organisatie_geschiedenis(locc)[0]
    assert gewijzigd.gebeurtenis == "organisatie-gewijzigd"
    assert gewijzigd.voor is not None and gewijzigd.na is not None
    assert (gewijzigd.voor["mailbox"], gewijzigd.na["mailbox"]) == (
        "",
        "locc@demo.politiebijstand.test",
    )
    call_command("demo_mailboxen_laden", stdout=out)
    assert out.getvalue().splitlines()[-1] == "0 organisaties kregen een demo-mailbox."


def test_beheerder_vindt_de_organisaties_zonder_mailbox(admin_client: Client) -> None:
    maak_organisatie("LOCC", mailbox="locc@demo.politiebijstand.test")
    maak_organisatie("DJZ")
    zonder = admin_client.get("/admin/organisaties/organisatie/?mailbox=zonder")
    met = admin_client.get("/admin/organisaties/organisatie/?mailbox=met")
    assert zonder.status_code == met.status_code == 200
    assert [o.code for o in zonder.context["cl"].result_list] == ["DJZ"]
    assert [o.code for o in met.context["cl"].result_list] == ["LOCC"]


def test_referentiedata_laden_laat_de_mailbox_staan() -> None:
    call_command("referentiedata_laden", stdout=StringIO())
    locc = Organisatie.objects.get(code="LOCC")
    locc.mailbox = "functioneel@locc.example.nl"
    locc.save()
    call_command("referentiedata_laden", stdout=StringIO())
    locc.refresh_from_db()
    assert locc.mailbox == "functioneel@locc.example.nl"
    assert locc.email == "locc@nctv.minvenj.nl"  # the factsheet's contact address
