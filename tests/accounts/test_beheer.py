"""A beheerder manages the accounts of their own organisation only; every change audited."""

from __future__ import annotations

from urllib.parse import quote

from django.test import Client

import pytest
from allauth.mfa.models import Authenticator

from politiebijstand.accounts.constants import Gebeurtenis, Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.services import gebruiker_rechten_wijzigen
from politiebijstand.audit.models import AuditLogEntry
from tests.accounts.factories import WACHTWOORD, maak_gebruiker, maak_organisatie
from tests.accounts.helpers import heeft_totp, tweede_factor_instellen

# Its own organisations (tests.accounts.factories), without the reference data.
pytestmark = pytest.mark.usefixtures("zonder_referentiedata")


def ingelogd_als(gebruiker: Gebruiker, *, herauthenticatie: bool = True) -> Client:
    """Logged in with password and TOTP; re-authenticated, as changing rights needs (#9)."""
    tweede_factor_instellen(gebruiker)
    client = Client()
    client.force_login(gebruiker)
    if herauthenticatie:
        assert client.post("/accounts/reauthenticate/", {"password": WACHTWOORD}).status_code == 302
    return client


@pytest.fixture
def beheerder() -> Gebruiker:
    return maak_gebruiker("RCCB-MN", Rol.BEHEERDER, username="beheer-mn")


def test_beheerder_ziet_alleen_accounts_van_de_eigen_organisatie(beheerder: Gebruiker) -> None:
    maak_gebruiker("RCCB-MN", username="collega-mn")
    maak_gebruiker("RCCB-RT", username="collega-rt")
    response = ingelogd_als(beheerder).get("/accounts/beheer/")
    assert response.status_code == 200
    assert [g.username for g in response.context["gebruikers"]] == ["beheer-mn", "collega-mn"]


@pytest.mark.parametrize("rol", [Rol.MEDEWERKER, Rol.BESLUITVORMER])
def test_alleen_een_beheerder_beheert_accounts(rol: str) -> None:
    client = ingelogd_als(maak_gebruiker("RCCB-MN", rol))
    assert client.get("/accounts/beheer/").status_code == 403
    assert client.get("/accounts/beheer/nieuw/").status_code == 403


def test_account_van_een_andere_organisatie_antwoordt_404_en_blijft_gelijk(
    beheerder: Gebruiker,
) -> None:
    ander = maak_gebruiker("RCCB-RT", username="collega-rt")
    client = ingelogd_als(beheerder)
    assert client.get(f"/accounts/beheer/{ander.pk}/").status_code == 404
    response = client.post(
        f"/accounts/beheer/{ander.pk}/", {"actie": "rechten", "rol": "beheerder"}
    )
    assert response.status_code == 404
    ander.refresh_from_db()
    assert (ander.rol, ander.is_active) == (Rol.MEDEWERKER, True)
    assert not AuditLogEntry.objects.filter(gebeurtenis=Gebeurtenis.RECHTEN_GEWIJZIGD).exists()


def test_rol_wijzigen_wordt_geaudit_met_voor_en_na(beheerder: Gebruiker) -> None:
    collega = maak_gebruiker("RCCB-MN", username="collega-mn")
    client = ingelogd_als(beheerder)
    response = client.post(
        f"/accounts/beheer/{collega.pk}/",
        {"actie": "rechten", "rol": "besluitvormer", "is_active": "on"},
    )
    assert response.status_code == 302
    collega.refresh_from_db()
    assert collega.rol == Rol.BESLUITVORMER
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.RECHTEN_GEWIJZIGD)
    assert (regel.actor_id, regel.object_type, regel.object_id) == (
        beheerder.pk,
        "accounts.gebruiker",
        str(collega.pk),
    )
    basis = {"organisatie": "RCCB-MN", "is_active": True, "is_staff": False, "is_superuser": False}
    assert regel.voor == {**basis, "rol": "medewerker"}
    assert regel.na == {**basis, "rol": "besluitvormer"}


def test_deactiveren_beeindigt_de_sessies_van_het_account(beheerder: Gebruiker) -> None:
    collega = maak_gebruiker("RCCB-MN", username="collega-mn")
    collega_client = ingelogd_als(collega)
    assert collega_client.get("/accounts/sessions/").status_code == 200
    ingelogd_als(beheerder).post(
        f"/accounts/beheer/{collega.pk}/", {"actie": "rechten", "rol": "medewerker"}
    )
    collega.refresh_from_db()
    assert not collega.is_active
    assert collega_client.get("/accounts/sessions/").status_code == 302
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.RECHTEN_GEWIJZIGD)
    assert regel.voor is not None and regel.na is not None
    assert (regel.voor["is_active"], regel.na["is_active"]) == (True, False)


def test_beheerder_kan_eigen_rol_niet_wijzigen(beheerder: Gebruiker) -> None:
    response = ingelogd_als(beheerder).post(
        f"/accounts/beheer/{beheerder.pk}/", {"actie": "rechten", "rol": "medewerker"}
    )
    assert response.status_code == 400
    beheerder.refresh_from_db()
    assert (beheerder.rol, beheerder.is_active) == (Rol.BEHEERDER, True)


def test_nieuw_account_komt_in_de_eigen_organisatie_en_wordt_geaudit(
    beheerder: Gebruiker,
) -> None:
    response = ingelogd_als(beheerder).post(
        "/accounts/beheer/nieuw/",
        {"username": "nieuw-mn", "rol": "besluitvormer", "password": "lang-genoeg-wachtwoord-7"},
    )
    assert response.status_code == 302
    nieuw = Gebruiker.objects.get(username="nieuw-mn")
    assert nieuw.organisatie == beheerder.organisatie
    assert nieuw.rol == Rol.BESLUITVORMER
    assert not heeft_totp(nieuw)  # set up by the person at the first log-in
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.GEBRUIKER_AANGEMAAKT)
    assert regel.actor_id == beheerder.pk
    assert regel.na is not None and regel.na["organisatie"] == "RCCB-MN"


def test_nieuw_account_met_zwak_wachtwoord_of_bestaande_naam_wordt_geweigerd(
    beheerder: Gebruiker,
) -> None:
    client = ingelogd_als(beheerder)
    response = client.post(
        "/accounts/beheer/nieuw/", {"username": "x", "rol": "medewerker", "password": "kort"}
    )
    assert response.status_code == 400
    assert "password" in response.context["form"].errors
    response = client.post(
        "/accounts/beheer/nieuw/",
        {"username": "beheer-mn", "rol": "medewerker", "password": "lang-genoeg-wachtwoord-7"},
    )
    assert response.context["form"].errors["username"] == ["Deze gebruikersnaam bestaat al."]
    assert Gebruiker.objects.count() == 1


def test_tweede_factor_resetten(beheerder: Gebruiker) -> None:
    collega = maak_gebruiker("RCCB-MN", username="collega-mn")
    collega_client = ingelogd_als(collega, herauthenticatie=False)
    ingelogd_als(beheerder).post(f"/accounts/beheer/{collega.pk}/", {"actie": "tweede_factor"})
    assert not Authenticator.objects.filter(user=collega).exists()
    # Its session passed a second factor that no longer exists: to the set-up of a new one.
    response = collega_client.get("/accounts/sessions/")
    assert response.headers["Location"] == "/accounts/2fa/totp/activate/"
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD)
    assert regel.voor == {"types": ["recovery_codes", "totp"]}


def test_rechten_wijzigen_service_weigert_onbekend_veld_en_rol() -> None:
    gebruiker = maak_gebruiker("LOCC")
    with pytest.raises(ValueError, match=r"^is_demo: geen recht"):
        gebruiker_rechten_wijzigen(door=None, gebruiker=gebruiker, is_demo=True)
    with pytest.raises(ValueError, match=r"^rol: 'baas' is geen rol"):
        gebruiker_rechten_wijzigen(door=None, gebruiker=gebruiker, rol="baas")
    opgeslagen = gebruiker_rechten_wijzigen(door=None, gebruiker=gebruiker, rol=Rol.MEDEWERKER)
    # nothing changed, nothing audited
    assert (opgeslagen.pk, opgeslagen.rol, opgeslagen.is_demo) == (
        gebruiker.pk,
        Rol.MEDEWERKER,
        False,
    )
    assert not AuditLogEntry.objects.filter(object_type="accounts.gebruiker").exists()


def test_organisatie_wijzigen_in_de_admin_wordt_geaudit(admin_client: Client) -> None:
    gebruiker = maak_gebruiker("RCCB-MN", username="verhuizer")
    nieuw = maak_organisatie("RCCB-RT")
    admin_client.post("/accounts/reauthenticate/", {"password": "password"})  # issue #9
    response = admin_client.post(
        f"/admin/accounts/gebruiker/{gebruiker.pk}/change/",
        {
            "username": "verhuizer",
            "organisatie": nieuw.pk,
            "rol": "medewerker",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.RECHTEN_GEWIJZIGD)
    assert regel.voor is not None and regel.na is not None
    assert (regel.voor["organisatie"], regel.na["organisatie"]) == ("RCCB-MN", "RCCB-RT")
    assert regel.actor_gebruikersnaam == "admin"


def test_kop_toont_wie_er_is_ingelogd_met_uitloggen(beheerder: Gebruiker) -> None:
    pagina = ingelogd_als(beheerder).get("/wijzer/").content.decode()
    assert "beheer-mn · RCCB-MN · beheerder" in pagina
    assert 'action="/accounts/logout/"' in pagina
    assert 'href="/accounts/beheer/"' in pagina
    assert 'href="/accounts/uitloggen-overal/"' in pagina


@pytest.mark.parametrize(
    ("pad", "data"),
    [
        ("/accounts/beheer/{pk}/", {"actie": "rechten", "rol": Rol.BEHEERDER, "is_active": "on"}),
        ("/accounts/beheer/{pk}/", {"actie": "tweede_factor"}),
        ("/accounts/beheer/nieuw/", {"username": "nieuw", "rol": Rol.BEHEERDER}),
    ],
)
def test_rechten_en_tweede_factor_vragen_eerst_herauthenticatie(
    beheerder: Gebruiker, pad: str, data: dict[str, str]
) -> None:
    collega = maak_gebruiker("RCCB-MN", username="collega-mn")
    tweede_factor_instellen(collega)
    client = ingelogd_als(beheerder, herauthenticatie=False)
    url = pad.format(pk=collega.pk)
    response = client.post(url, data)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/accounts/reauthenticate/?next={quote(url, safe='')}"
    collega.refresh_from_db()
    assert collega.rol == Rol.MEDEWERKER
    assert heeft_totp(collega)
    assert not Gebruiker.objects.filter(username="nieuw").exists()
    assert not AuditLogEntry.objects.filter(
        gebeurtenis__in=[
            Gebeurtenis.RECHTEN_GEWIJZIGD,
            Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD,
            Gebeurtenis.GEBRUIKER_AANGEMAAKT,
        ]
    ).exists()
