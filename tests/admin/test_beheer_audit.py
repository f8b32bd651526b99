"""Every change in the admin is in the hash-chained audit trail, with before and after.

Issue #9 item 2. Sensitive actions (a password, rights, a second factor) first ask for
allauth's re-authentication.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.test import Client

import pytest
from allauth.mfa.models import Authenticator

from politiebijstand.accounts.constants import Gebeurtenis, Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from tests.accounts.factories import maak_gebruiker, maak_organisatie
from tests.accounts.helpers import tweede_factor_instellen

pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

NIEUW_WACHTWOORD = "paard-batterij-nietje-correct"


def herauthenticeren(client: Client) -> None:
    """allauth's re-authentication with the password of pytest-django's `admin_user`."""
    response = client.post("/accounts/reauthenticate/", {"password": "password"})
    assert response.status_code == 302


def regels(gebeurtenis: str) -> list[AuditLogEntry]:
    return list(AuditLogEntry.objects.filter(gebeurtenis=gebeurtenis).order_by("volgnummer"))


def wijzigformulier(gebruiker: Gebruiker, **velden: Any) -> dict[str, Any]:
    basis: dict[str, Any] = {
        "username": gebruiker.username,
        "first_name": gebruiker.first_name,
        "last_name": gebruiker.last_name,
        "email": gebruiker.email,
        "organisatie": gebruiker.organisatie.pk if gebruiker.organisatie else "",
        "rol": gebruiker.rol,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    basis.update(velden)
    return {k: v for k, v in basis.items() if v is not None}


@pytest.fixture
def gebruiker() -> Gebruiker:
    return maak_gebruiker("RCCB-MN", username="doelwit", email="doelwit@example.nl")


def test_opslaan_zonder_herauthenticatie_gaat_eerst_naar_herauthenticatie(
    admin_client: Client, gebruiker: Gebruiker
) -> None:
    url = f"/admin/accounts/gebruiker/{gebruiker.pk}/change/"
    assert admin_client.get(url).status_code == 200  # looking needs no re-authentication
    response = admin_client.post(url, wijzigformulier(gebruiker, is_superuser="on"))
    assert response.status_code == 302
    assert response.headers["Location"] == (
        f"/accounts/reauthenticate/?next=%2Fadmin%2Faccounts%2Fgebruiker%2F{gebruiker.pk}"
        "%2Fchange%2F"
    )
    gebruiker.refresh_from_db()
    assert not gebruiker.is_superuser
    assert not AuditLogEntry.objects.filter(
        object_type="accounts.gebruiker", object_id=str(gebruiker.pk)
    ).exists()


def test_account_aanmaken_wordt_geaudit(admin_client: Client) -> None:
    organisatie = maak_organisatie("RCCB-MN")
    herauthenticeren(admin_client)
    response = admin_client.post(
        "/admin/accounts/gebruiker/add/",
        {
            "username": "nieuw",
            "usable_password": "true",
            "password1": NIEUW_WACHTWOORD,
            "password2": NIEUW_WACHTWOORD,
            "organisatie": organisatie.pk,
            "rol": Rol.BESLUITVORMER,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    nieuw = Gebruiker.objects.get(username="nieuw")
    (regel,) = regels(Gebeurtenis.GEBRUIKER_AANGEMAAKT)
    assert (regel.actor_gebruikersnaam, regel.object_id) == ("admin", str(nieuw.pk))
    assert regel.voor is None
    assert regel.na == {
        "rol": "besluitvormer",
        "organisatie": "RCCB-MN",
        "is_active": True,
        "is_staff": False,
        "is_superuser": False,
        "groepen": [],
        "permissies": [],
        "username": "nieuw",
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_demo": False,
        "wachtwoord_bruikbaar": True,
    }
    assert NIEUW_WACHTWOORD not in json.dumps(regel.na)


def test_rechten_en_gegevens_wijzigen_worden_geaudit_met_voor_en_na(
    admin_client: Client, gebruiker: Gebruiker
) -> None:
    groep = Group.objects.create(name="beheerders")
    recht = Permission.objects.get(codename="view_organisatie")
    herauthenticeren(admin_client)
    response = admin_client.post(
        f"/admin/accounts/gebruiker/{gebruiker.pk}/change/",
        wijzigformulier(
            gebruiker,
            email="overgenomen@example.nl",
            is_staff="on",
            is_superuser="on",
            groups=[groep.pk],
            user_permissions=[recht.pk],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    (rechten,) = regels(Gebeurtenis.RECHTEN_GEWIJZIGD)
    basis = {"rol": "medewerker", "organisatie": "RCCB-MN", "is_active": True}
    assert rechten.voor == {
        **basis,
        "is_staff": False,
        "is_superuser": False,
        "groepen": [],
        "permissies": [],
    }
    assert rechten.na == {
        **basis,
        "is_staff": True,
        "is_superuser": True,
        "groepen": ["beheerders"],
        "permissies": ["organisaties.view_organisatie"],
    }
    (gegevens,) = regels(Gebeurtenis.GEBRUIKER_GEWIJZIGD)
    assert gegevens.voor is not None and gegevens.na is not None
    assert (gegevens.voor["email"], gegevens.na["email"]) == (
        "doelwit@example.nl",
        "overgenomen@example.nl",
    )
    assert rechten.actor_gebruikersnaam == gegevens.actor_gebruikersnaam == "admin"
    assert keten_verifieren().intact


def test_wachtwoord_instellen_vraagt_herauthenticatie_en_wordt_geaudit(
    admin_client: Client, gebruiker: Gebruiker
) -> None:
    url = f"/admin/accounts/gebruiker/{gebruiker.pk}/password/"
    response = admin_client.get(url)
    assert response.headers["Location"] == (
        f"/accounts/reauthenticate/?next=%2Fadmin%2Faccounts%2Fgebruiker%2F{gebruiker.pk}"
        "%2Fpassword%2F"
    )
    oud = Gebruiker.objects.get(pk=gebruiker.pk).password
    herauthenticeren(admin_client)
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {"usable_password": "true", "password1": NIEUW_WACHTWOORD, "password2": NIEUW_WACHTWOORD},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    nieuw = Gebruiker.objects.get(pk=gebruiker.pk)
    assert nieuw.password != oud
    (regel,) = regels(Gebeurtenis.WACHTWOORD_INGESTELD)
    assert (regel.actor_gebruikersnaam, regel.object_id) == ("admin", str(gebruiker.pk))
    assert (regel.voor, regel.na) == (
        {"wachtwoord_bruikbaar": True},
        {"wachtwoord_bruikbaar": True},
    )
    assert nieuw.password not in json.dumps([regel.voor, regel.na])


def test_tweede_factor_resetten_in_de_admin(admin_client: Client, gebruiker: Gebruiker) -> None:
    tweede_factor_instellen(gebruiker)
    actie = {"action": "tweede_factor_resetten", "_selected_action": [gebruiker.pk]}
    response = admin_client.post("/admin/accounts/gebruiker/", actie)
    assert response.headers["Location"] == (
        "/accounts/reauthenticate/?next=%2Fadmin%2Faccounts%2Fgebruiker%2F"
    )
    assert Authenticator.objects.filter(user=gebruiker).count() == 2
    herauthenticeren(admin_client)
    response = admin_client.post("/admin/accounts/gebruiker/", actie)
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=gebruiker).exists()
    (regel,) = regels(Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD)
    assert (regel.actor_gebruikersnaam, regel.object_id) == ("admin", str(gebruiker.pk))
    assert (regel.voor, regel.na) == ({"types": ["recovery_codes", "totp"]}, {"types": []})


def test_accounts_worden_niet_verwijderd(admin_client: Client, gebruiker: Gebruiker) -> None:
    herauthenticeren(admin_client)
    response = admin_client.post(
        f"/admin/accounts/gebruiker/{gebruiker.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Gebruiker.objects.filter(pk=gebruiker.pk).exists()


def test_groep_aanmaken_en_wijzigen_wordt_geaudit(admin_client: Client) -> None:
    recht = Permission.objects.get(codename="view_organisatie")
    herauthenticeren(admin_client)
    response = admin_client.post(
        "/admin/auth/group/add/", {"name": "lezers", "permissions": [recht.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    groep = Group.objects.get(name="lezers")
    response = admin_client.post(f"/admin/auth/group/{groep.pk}/change/", {"name": "lezers"})
    assert response.status_code == 302
    (aangemaakt,) = regels("beheer-aangemaakt")
    assert (aangemaakt.object_type, aangemaakt.object_id) == ("auth.group", str(groep.pk))
    assert (aangemaakt.voor, aangemaakt.na) == (
        None,
        {"name": "lezers", "permissions": [str(recht)]},
    )
    (gewijzigd,) = regels("beheer-gewijzigd")
    assert (gewijzigd.voor, gewijzigd.na) == (
        {"name": "lezers", "permissions": [str(recht)]},
        {"name": "lezers", "permissions": []},
    )


def test_organisatie_verwijderen_wordt_geaudit(admin_client: Client) -> None:
    organisatie = maak_organisatie("WEG-1")
    response = admin_client.post(
        f"/admin/organisaties/organisatie/{organisatie.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    (regel,) = regels("beheer-verwijderd")
    assert (regel.object_type, regel.object_id) == ("organisaties.organisatie", str(organisatie.pk))
    assert regel.voor is not None and regel.na is None
    assert (regel.voor["code"], regel.voor["naam"]) == ("WEG-1", "Organisatie WEG-1")
    assert regel.actor_gebruikersnaam == "admin"
    assert keten_verifieren().intact
