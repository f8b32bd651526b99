"""The log-in pages are Dutch, with 'u', also for a browser that asks for English.

User test defect 7: LocaleMiddleware picked the browser's English for allauth's texts.
"""

from __future__ import annotations

import html
from typing import Any

from django.test import Client, override_settings

import pytest

from tests.accounts.factories import WACHTWOORD, maak_gebruiker

ENGELS = {"Accept-Language": "en-US,en;q=0.9"}


def tekst(response: Any) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def anoniem(db: None) -> Client:
    return Client(headers=ENGELS)


def test_inlogpagina_is_nederlands_bij_een_engelse_browser(anoniem: Client) -> None:
    response = anoniem.get("/accounts/login/")
    body = tekst(response)
    for engels in ("Username", "Password", "Forgot your password?", "Sign In"):
        assert engels not in body
    assert '<label class="utrecht-form-label" for="id_login">Gebruikersnaam</label>' in body
    assert '<label class="utrecht-form-label" for="id_password">Wachtwoord</label>' in body
    assert "Wachtwoord vergeten?" in body
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in body


def test_demo_accounts_worden_niet_om_een_code_gevraagd(anoniem: Client) -> None:
    body = tekst(anoniem.get("/accounts/login/"))
    assert "De demo-accounts (demo-…, wachtwoord demo-bijstand) hebben geen tweede factor" in (
        body.replace("<code>", "").replace("</code>", "")
    )
    with override_settings(DEMO_ACCOUNTS_TOEGESTAAN=False):
        assert "demo-accounts" not in tekst(anoniem.get("/accounts/login/"))


def test_verkeerd_wachtwoord_in_het_nederlands_met_u(anoniem: Client) -> None:
    maak_gebruiker("LOCC", username="carla")
    body = tekst(anoniem.post("/accounts/login/", {"login": "carla", "password": "fout"}))
    assert (
        "De gebruikersnaam of het wachtwoord is onjuist. Na 5 mislukte pogingen wordt "
        "inloggen 15 minuten geblokkeerd."
    ) in body
    assert "Je gebruikersnaam" not in body
    assert "not correct" not in body


def test_blokkade_zegt_hoe_lang_en_wie_te_bellen(anoniem: Client) -> None:
    maak_gebruiker("LOCC", username="carla")
    for _ in range(5):
        anoniem.post("/accounts/login/", {"login": "carla", "password": "fout"})
    body = tekst(anoniem.post("/accounts/login/", {"login": "carla", "password": WACHTWOORD}))
    assert (
        "Te veel inlogpogingen: inloggen is 15 minuten geblokkeerd. Probeer het daarna "
        "opnieuw. Weet u uw wachtwoord niet meer, of hebt u deze pogingen niet zelf gedaan? "
        "Neem dan contact op met de beheerder van uw organisatie."
    ) in body
    assert "Try again later" not in body


@override_settings(LOGIN_BLOKKADE_SECONDEN=1800)
def test_blokkadeduur_volgt_de_instelling(anoniem: Client) -> None:
    from django.core.exceptions import ValidationError

    from politiebijstand.ui.templatetags.ui import allauth_melding

    fout = ValidationError("Too many failed login attempts.", code="too_many_login_attempts")
    assert allauth_melding(fout).startswith("Te veel inlogpogingen: inloggen is 30 minuten")
    assert allauth_melding(ValidationError("Iets anders.", code="onbekend")) == "Iets anders."


def test_melding_na_inloggen_met_u(anoniem: Client) -> None:
    maak_gebruiker("LOCC", username="carla", is_demo=True)
    response = anoniem.post(
        "/accounts/login/", {"login": "carla", "password": WACHTWOORD}, follow=True
    )
    body = tekst(response)
    assert "U bent ingelogd als carla." in body
    assert "Successfully signed in" not in body
    assert "Je bent" not in body


@pytest.mark.parametrize(
    ("url", "kop", "zin"),
    [
        (
            "/accounts/password/reset/",
            "Nieuw wachtwoord aanvragen",
            "Vul het e-mailadres van uw account in.",
        ),
        (
            "/accounts/logout/",
            "Uitloggen",
            "Weet u zeker dat u wilt uitloggen?",
        ),
    ],
)
@pytest.mark.django_db
def test_wachtwoord_en_uitlogpagina_zeggen_u(url: str, kop: str, zin: str) -> None:
    gebruiker = maak_gebruiker("LOCC", is_demo=True)
    client = Client(headers=ENGELS)
    if url.endswith("logout/"):
        client.force_login(gebruiker)
    body = tekst(client.get(url))
    assert f'<h1 class="utrecht-heading-1">{kop}</h1>' in body
    assert zin in body
    for je in (" je ", "Je ", " jouw "):
        assert je not in body.split("<footer")[0]
