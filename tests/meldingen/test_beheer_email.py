"""The beheerder reads the demo's caught e-mail in the product, audited (issue #10 item 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.test import Client

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.mailvanger import Mailvanger, bestandsnaam
from tests.accounts.factories import maak_gebruiker, maak_organisatie
from tests.accounts.helpers import tweede_factor_instellen
from tests.meldingen.test_mailvanger import BERICHT

pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

NAAM = bestandsnaam("<0c1d@politiebijstand>")


def ingelogd_als(gebruiker: Gebruiker) -> Client:
    tweede_factor_instellen(gebruiker)
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def mailmap(settings: Any, tmp_path: Path) -> Path:
    settings.MAILVANGER_MAP = tmp_path
    Mailvanger(map=tmp_path).opslaan(BERICHT)
    return tmp_path


def test_beheerder_ziet_de_gevangen_email_en_organisaties_zonder_mailbox(mailmap: Path) -> None:
    maak_organisatie("DJZ", naam="Directie Juridische Zaken")
    maak_organisatie("RCCB-MN", mailbox="rccb-mn@demo.politiebijstand.test")
    beheerder = maak_gebruiker("RCCB-MN", Rol.BEHEERDER, username="beheer-mn")
    client = ingelogd_als(beheerder)
    lijst = client.get("/accounts/beheer/email/")
    assert lijst.status_code == 200
    assert [o.code for o in lijst.context["zonder_mailbox"]] == ["DJZ"]
    (kop,) = lijst.context["berichten"]
    assert (kop.naam, kop.onderwerp) == (NAAM, "BV-2026-000001: nieuwe taak")
    html = lijst.content.decode()
    assert "Directie Juridische Zaken (DJZ)" in html
    assert f'href="/accounts/beheer/email/{NAAM}/"' in html
    assert "2026-03-02 10:00" in html  # 09:00 UTC shown in Europe/Amsterdam

    bericht = client.get(f"/accounts/beheer/email/{NAAM}/")
    assert bericht.status_code == 200
    html = bericht.content.decode()
    assert "Er staat een taak klaar: &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x</script>" not in html
    regels = list(
        AuditLogEntry.objects.filter(actor=beheerder, gebeurtenis__startswith="gevangen-")
        .order_by("volgnummer")
        .values_list("gebeurtenis", "object_type", "object_id", "na")
    )
    assert regels == [
        ("gevangen-email-lijst-bekeken", "meldingen.gevangen_email", "", {"aantal": 1}),
        (
            "gevangen-email-bekeken",
            "meldingen.gevangen_email",
            NAAM.removesuffix(".eml"),
            {"message_id": "<0c1d@politiebijstand>"},
        ),
    ]
    assert client.get(f"/accounts/beheer/email/{'0' * 64}.eml/").status_code == 404


@pytest.mark.parametrize("rol", [Rol.MEDEWERKER, Rol.BESLUITVORMER])
def test_alleen_de_beheerder_leest_email(mailmap: Path, rol: str) -> None:
    client = ingelogd_als(maak_gebruiker("RCCB-MN", rol))
    assert client.get("/accounts/beheer/email/").status_code == 403
    assert client.get(f"/accounts/beheer/email/{NAAM}/").status_code == 403
    assert not AuditLogEntry.objects.filter(gebeurtenis__startswith="gevangen-email").exists()


def test_zonder_mailvanger_geen_berichten(settings: Any) -> None:
    assert not hasattr(settings, "MAILVANGER_MAP")
    client = ingelogd_als(maak_gebruiker("RCCB-MN", Rol.BEHEERDER))
    lijst = client.get("/accounts/beheer/email/")
    assert lijst.status_code == 200
    assert lijst.context["berichten"] == []
    assert "er is geen mailvanger" in lijst.content.decode()
    assert client.get(f"/accounts/beheer/email/{NAAM}/").status_code == 404
