"""A planted TOTP secret is impossible: encrypted at rest, never shown or edited in the admin.

Issue #9 item 2: an admin could overwrite an account's TOTP secret (stored in plain text and
shown in allauth's admin) and log in as that person.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.contrib import admin
from django.test import Client, RequestFactory, override_settings

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from cryptography.fernet import Fernet

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.versleuteling import geheim_ontsleutelen, geheim_versleutelen
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.accounts.helpers import totp_code, tweede_factor_instellen

pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

MIGRATIE = importlib.import_module(
    "politiebijstand.accounts.migrations.0003_tweede_factor_versleutelen"
)


@pytest.fixture
def slachtoffer() -> tuple[Gebruiker, str]:
    gebruiker = maak_gebruiker("RCCB-MN", username="slachtoffer")
    secret, _ = tweede_factor_instellen(gebruiker)
    return gebruiker, secret


def totp(gebruiker: Gebruiker) -> Authenticator:
    return Authenticator.objects.get(user=gebruiker, type=Authenticator.Type.TOTP)


def test_opgeslagen_geheimen_zijn_versleuteld(slachtoffer: tuple[Gebruiker, str]) -> None:
    gebruiker, secret = slachtoffer
    opgeslagen = totp(gebruiker).data["secret"]
    assert opgeslagen != secret
    assert secret not in opgeslagen
    assert opgeslagen.startswith("gAAAAA")  # a Fernet token
    assert geheim_ontsleutelen(opgeslagen) == secret
    herstel = Authenticator.objects.get(user=gebruiker, type=Authenticator.Type.RECOVERY_CODES)
    assert herstel.data["seed"].startswith("gAAAAA")
    assert len(geheim_ontsleutelen(herstel.data["seed"])) == 80  # 40 random bytes, hex


def inloggen(gebruiker: Gebruiker, code: str) -> Client:
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": gebruiker.username, "password": WACHTWOORD}
    )
    assert response.headers["Location"] == "/accounts/2fa/authenticate/"
    client.post("/accounts/2fa/authenticate/", {"code": code})
    return client


@pytest.mark.parametrize(
    "planten",
    [
        pytest.param(lambda s: s, id="platte-tekst"),
        pytest.param(
            lambda s: Fernet(Fernet.generate_key()).encrypt(s.encode()).decode(),
            id="andere-sleutel",
        ),
    ],
)
def test_geplant_geheim_geeft_geen_toegang(
    slachtoffer: tuple[Gebruiker, str], planten: Any
) -> None:
    gebruiker, _ = slachtoffer
    geplant = generate_totp_secret()
    Authenticator.objects.filter(pk=totp(gebruiker).pk).update(data={"secret": planten(geplant)})
    client = inloggen(gebruiker, totp_code(geplant))
    assert "_auth_user_id" not in client.session


def test_echt_geheim_geeft_wel_toegang(slachtoffer: tuple[Gebruiker, str]) -> None:
    """The control of the test above."""
    gebruiker, secret = slachtoffer
    assert inloggen(gebruiker, totp_code(secret)).session["_auth_user_id"] == str(gebruiker.pk)


def test_geen_admin_formulier_toont_of_wijzigt_het_geheim(
    admin_client: Client, slachtoffer: tuple[Gebruiker, str]
) -> None:
    gebruiker, secret = slachtoffer
    authenticator = totp(gebruiker)
    opgeslagen = authenticator.data["secret"]
    model_admin = admin.site._registry[Authenticator]
    assert "data" not in model_admin.get_fields(RequestFactory().get("/"))
    url = f"/admin/mfa/authenticator/{authenticator.pk}/change/"
    pagina = admin_client.get(url).content.decode()
    assert "slachtoffer" in pagina
    assert secret not in pagina
    assert opgeslagen not in pagina
    assert 'name="data"' not in pagina
    assert admin_client.post(url, {"data": '{"secret": "AAAA"}'}).status_code == 403
    assert admin_client.get("/admin/mfa/authenticator/add/").status_code == 403
    assert totp(gebruiker).data == {"secret": opgeslagen}
    # Every change form of every registered model: the secret nowhere.
    for model in admin.site._registry:
        for obj in model._default_manager.all()[:5]:
            info = (model._meta.app_label, model._meta.model_name, obj.pk)
            inhoud = admin_client.get("/admin/{}/{}/{}/change/".format(*info)).content.decode()
            assert secret not in inhoud and opgeslagen not in inhoud, info


def test_migratie_versleutelt_bestaande_geheimen_eenmaal(
    slachtoffer: tuple[Gebruiker, str],
) -> None:
    gebruiker, secret = slachtoffer
    Authenticator.objects.filter(pk=totp(gebruiker).pk).update(data={"secret": secret})
    MIGRATIE.versleutelen(apps, None)
    versleuteld = totp(gebruiker).data["secret"]
    assert versleuteld != secret
    assert geheim_ontsleutelen(versleuteld) == secret
    MIGRATIE.versleutelen(apps, None)  # idempotent: not encrypted twice
    assert totp(gebruiker).data["secret"] == versleuteld
    MIGRATIE.ontsleutelen(apps, None)
    assert totp(gebruiker).data["secret"] == secret


def test_sleutelrotatie_de_oude_sleutel_ontsleutelt_nog(settings: Any) -> None:
    oud = geheim_versleutelen("JBSWY3DPEHPK3PXP")
    nieuwe_sleutel = Fernet.generate_key().decode()
    with override_settings(MFA_SLEUTELS=[nieuwe_sleutel, *settings.MFA_SLEUTELS]):
        assert geheim_ontsleutelen(oud) == "JBSWY3DPEHPK3PXP"
        nieuw = geheim_versleutelen("JBSWY3DPEHPK3PXP")
    with pytest.raises(ValueError, match="geen geldig versleuteld geheim"):
        geheim_ontsleutelen(nieuw)
