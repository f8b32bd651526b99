"""One log-in for everything: a password alone never opens a request, the API or the admin.

Issue #9 item 1: Django's admin log-in gave a staff account a full session with its password
alone. Every log-in URL is tried with the right password of a staff account that has TOTP,
without passing the TOTP; the control logs in completely and is let in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.test import Client

import pytest
import time_machine
from allauth.mfa.models import Authenticator

from politiebijstand.accounts.constants import Gebeurtenis, Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Bijstandsverzoek
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.accounts.helpers import totp_code, tweede_factor_instellen
from tests.verzoeken.helpers import maak_verzoek, org

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer() -> tuple[Gebruiker, str]:
    """A superuser and medewerker of RCCB-MN, with TOTP: may see the admin and the request."""
    gebruiker = maak_gebruiker(
        organisatie=org("RCCB-MN"),
        rol=Rol.MEDEWERKER,
        username="staf",
        is_staff=True,
        is_superuser=True,
    )
    secret, _ = tweede_factor_instellen(gebruiker)
    return gebruiker, secret


@pytest.fixture
def verzoek() -> Bijstandsverzoek:
    return maak_verzoek()


def doelen(verzoek: Bijstandsverzoek) -> dict[str, str]:
    return {
        "verzoek": f"/verzoeken/{verzoek.uuid}/",
        "api": "/api/v1/verzoeken",
        "admin": "/admin/",
    }


def probleem(response: Any) -> str:
    return str(response.json()["type"]).rsplit(":", 1)[-1]


@pytest.mark.parametrize("doel", ["verzoek", "api", "admin"])
def test_volledig_ingelogd_opent_alles(
    beheer: tuple[Gebruiker, str], verzoek: Bijstandsverzoek, doel: str
) -> None:
    """The control: password and TOTP at allauth's log-in open every target."""
    gebruiker, secret = beheer
    client = Client()
    assert client.post("/accounts/login/", {"login": "staf", "password": WACHTWOORD}).headers[
        "Location"
    ] == ("/accounts/2fa/authenticate/")
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    assert client.get(doelen(verzoek)[doel]).status_code == 200


def test_admin_login_pagina_stuurt_door_naar_de_enige_login(beheer: tuple[Gebruiker, str]) -> None:
    client = Client()
    response = client.get("/admin/login/", {"next": "/admin/accounts/gebruiker/"})
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "/accounts/login/?next=%2Fadmin%2Faccounts%2Fgebruiker%2F"
    )
    # Another site as `next` is not followed.
    response = client.get("/admin/login/", {"next": "https://example.com/"})
    assert response.headers["Location"] == "/accounts/login/?next=%2Fadmin%2F"


@pytest.mark.parametrize("doel", ["verzoek", "api", "admin"])
def test_wachtwoord_op_de_admin_login_geeft_geen_sessie(
    beheer: tuple[Gebruiker, str], verzoek: Bijstandsverzoek, doel: str
) -> None:
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "staf", "password": WACHTWOORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    assert "_auth_user_id" not in client.session
    assert not AuditLogEntry.objects.filter(gebeurtenis=Gebeurtenis.INGELOGD).exists()
    response = client.get(doelen(verzoek)[doel])
    assert response.status_code != 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("doel", "status", "locatie_of_code"),
    [
        ("verzoek", 302, "/accounts/login/?next=/verzoeken/{uuid}/"),
        ("api", 401, "inloggen-vereist"),
        ("admin", 302, "/admin/login/?next=/admin/"),
    ],
)
def test_wachtwoord_zonder_totp_op_de_allauth_login_geeft_geen_sessie(
    beheer: tuple[Gebruiker, str],
    verzoek: Bijstandsverzoek,
    doel: str,
    status: int,
    locatie_of_code: str,
) -> None:
    client = Client()
    response = client.post("/accounts/login/", {"login": "staf", "password": WACHTWOORD})
    assert response.headers["Location"] == "/accounts/2fa/authenticate/"
    response = client.get(doelen(verzoek)[doel])
    assert response.status_code == status
    if status == 302:
        assert response.headers["Location"] == locatie_of_code.format(uuid=verzoek.uuid)
    else:
        assert probleem(response) == locatie_of_code
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("doel", "status", "locatie_of_code"),
    [
        ("verzoek", 302, "/accounts/login/"),
        ("api", 401, "tweede-factor-niet-doorlopen"),
        ("admin", 302, "/accounts/login/"),
    ],
)
def test_sessie_met_alleen_het_wachtwoord_wordt_beeindigd_en_geaudit(
    beheer: tuple[Gebruiker, str],
    verzoek: Bijstandsverzoek,
    doel: str,
    status: int,
    locatie_of_code: str,
) -> None:
    """Django's own `login()` with the password, as the admin's log-in page did before."""
    gebruiker, _ = beheer
    client = Client()
    assert client.login(username="staf", password=WACHTWOORD)
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    pad = doelen(verzoek)[doel]
    response = client.get(pad)
    assert response.status_code == status
    if status == 302:
        assert response.headers["Location"] == locatie_of_code
    else:
        assert probleem(response) == locatie_of_code
    assert "_auth_user_id" not in client.session
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.SESSIE_ZONDER_TWEEDE_FACTOR)
    assert (regel.actor_id, regel.na) == (gebruiker.pk, {"ip": "127.0.0.1", "pad": pad})
    assert AuditLogEntry.objects.filter(gebeurtenis=Gebeurtenis.UITGELOGD).count() == 1
    assert keten_verifieren().intact


def test_tweede_factor_van_een_ander_account_telt_niet(
    beheer: tuple[Gebruiker, str], verzoek: Bijstandsverzoek
) -> None:
    """A session that passed A's TOTP, then logs in as B with B's password only: refused."""
    ander = maak_gebruiker(organisatie=org("RCCB-MN"), username="ander")
    tweede_factor_instellen(ander)
    client = Client()
    client.force_login(ander)  # password and TOTP (tests/conftest.py)
    assert client.get(f"/verzoeken/{verzoek.uuid}/").status_code == 200
    assert client.login(username="staf", password=WACHTWOORD)
    assert client.get(f"/verzoeken/{verzoek.uuid}/").headers["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session


def test_demo_account_zonder_tweede_factor_blijft_toegelaten_waar_demos_mogen(
    verzoek: Bijstandsverzoek,
) -> None:
    maak_gebruiker(organisatie=org("RCCB-MN"), username="demo-mn", is_demo=True)
    client = Client()
    assert client.login(username="demo-mn", password=WACHTWOORD)
    assert client.get(f"/verzoeken/{verzoek.uuid}/").status_code == 200


def test_verwijderde_tweede_factor_telt_binnen_een_minuut_niet_meer(
    beheer: tuple[Gebruiker, str], verzoek: Bijstandsverzoek
) -> None:
    """The check is cached for ACTIVITEIT_INTERVAL (60 s); a removed authenticator then fails.

    (A reset by a beheerder also ends the sessions at once; this covers a removal without.)
    """
    gebruiker, _ = beheer
    client = Client()
    start = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(gebruiker)
        assert client.get(f"/verzoeken/{verzoek.uuid}/").status_code == 200
        Authenticator.objects.filter(user=gebruiker).delete()
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        assert client.get(f"/verzoeken/{verzoek.uuid}/").status_code == 200
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        response = client.get(f"/verzoeken/{verzoek.uuid}/")
    assert response.headers["Location"] == "/accounts/2fa/totp/activate/"
