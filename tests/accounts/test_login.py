"""Log-in with password and TOTP, recovery codes, lock-out, session expiry (issue #3 item 3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.test import Client, override_settings

import pytest
import time_machine

from politiebijstand.accounts.constants import Gebeurtenis
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.accounts.helpers import heeft_totp, totp_code, tweede_factor_instellen

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    """Not logged in (the conftest's `client` is logged in)."""
    return Client()


START = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
BESCHERMD = "/accounts/sessions/"  # allauth's session list: needs a complete log-in


def account_regels() -> Any:
    """The audit rows about accounts (creating test organisations is audited too)."""
    return AuditLogEntry.objects.filter(object_type__in=["accounts.gebruiker", ""])


def gebeurtenissen() -> list[str]:
    return list(account_regels().values_list("gebeurtenis", flat=True))


def wachtwoord_invullen(client: Client, naam: str, wachtwoord: str = WACHTWOORD) -> str:
    response = client.post("/accounts/login/", {"login": naam, "password": wachtwoord})
    return str(response.headers.get("Location", response.status_code))


@pytest.fixture
def gebruiker_met_totp() -> tuple[Gebruiker, str, list[str]]:
    gebruiker = maak_gebruiker("LOCC", username="anna")
    secret, codes = tweede_factor_instellen(gebruiker)
    AuditLogEntry.objects.count()  # nothing audited by the set-up helper
    return gebruiker, secret, codes


def test_inloggen_met_wachtwoord_en_totp(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    gebruiker, secret, _ = gebruiker_met_totp
    assert wachtwoord_invullen(client, "anna") == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not logged in after the first factor
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    assert client.get(BESCHERMD).status_code == 200
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.INGELOGD)
    assert regel.actor_id == gebruiker.pk
    assert regel.actor_organisatie_code == "LOCC"
    assert regel.na == {"ip": "127.0.0.1"}
    assert keten_verifieren().intact


def test_verkeerde_totp_code_logt_niet_in_en_wordt_geaudit(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    gebruiker, secret, _ = gebruiker_met_totp
    wachtwoord_invullen(client, "anna")
    fout = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6)
    response = client.post("/accounts/2fa/authenticate/", {"code": fout})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert gebeurtenissen() == [Gebeurtenis.TWEEDE_FACTOR_MISLUKT]
    assert account_regels().get().actor_id == gebruiker.pk


def test_totp_code_werkt_maar_een_keer(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    _, secret, _ = gebruiker_met_totp
    code = totp_code(secret)
    wachtwoord_invullen(client, "anna")
    client.post("/accounts/2fa/authenticate/", {"code": code})
    ander = Client()
    wachtwoord_invullen(ander, "anna")
    ander.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in ander.session


def test_herstelcode_vervangt_totp_eenmalig(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    gebruiker, _, codes = gebruiker_met_totp
    assert len(codes) == 10
    wachtwoord_invullen(client, "anna")
    client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    tweede = Client()
    wachtwoord_invullen(tweede, "anna")
    tweede.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert "_auth_user_id" not in tweede.session
    tweede.post("/accounts/2fa/authenticate/", {"code": codes[1]})
    assert tweede.session["_auth_user_id"] == str(gebruiker.pk)


def test_account_zonder_totp_moet_eerst_een_tweede_factor_instellen(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    gebruiker = maak_gebruiker("RCCB-MN", username="bert")
    assert wachtwoord_invullen(client, "bert") == "/"
    assert client.get(BESCHERMD).headers["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/accounts/password/change/").headers["Location"] == (
        "/accounts/2fa/totp/activate/"
    )
    assert client.get("/accounts/2fa/").status_code == 200  # the MFA pages stay open
    # allauth asks for the password again before a second factor is added (reauthentication)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.headers["Location"] == (
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )
    client.post("/accounts/reauthenticate/", {"password": WACHTWOORD})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert b"<svg" in response.content  # QR code inline, no data: URI (CSP self only)
    secret = client.session["mfa.totp.secret"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert heeft_totp(gebruiker)
    assert client.get(BESCHERMD).status_code == 200
    assert client.get("/accounts/2fa/recovery-codes/").status_code == 200
    assert Gebeurtenis.TWEEDE_FACTOR_GEACTIVEERD in gebeurtenissen()


def test_api_zonder_tweede_factor_antwoordt_403(client: Client) -> None:
    maak_gebruiker("RCCB-MN", username="bert")
    wachtwoord_invullen(client, "bert")
    response = client.post("/api/v1/advies", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["type"] == "urn:politiebijstand:probleem:tweede-factor-vereist"


def test_totp_kan_niet_door_de_gebruiker_zelf_worden_uitgezet(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    gebruiker, _, _ = gebruiker_met_totp
    client.force_login(gebruiker)
    client.post("/accounts/2fa/totp/deactivate/", {})
    assert heeft_totp(gebruiker)


def test_lock_out_na_vijf_mislukte_pogingen_ook_met_het_goede_wachtwoord(
    client: Client,
) -> None:
    maak_gebruiker("LOCC", username="carla")
    with time_machine.travel(START, tick=False) as reis:
        for _ in range(5):
            response = client.post("/accounts/login/", {"login": "carla", "password": "fout"})
            assert response.status_code == 200
        response = client.post("/accounts/login/", {"login": "carla", "password": WACHTWOORD})
        assert response.status_code == 200
        assert "Te veel inlogpogingen" in response.content.decode()
        assert "_auth_user_id" not in client.session
        assert gebeurtenissen() == [Gebeurtenis.INLOGGEN_MISLUKT] * 5 + [
            Gebeurtenis.INLOGGEN_GEBLOKKEERD
        ]
        assert account_regels().last().actor_gebruikersnaam == "carla"
        reis.shift(timedelta(seconds=901))  # PB_LOGIN_BLOKKADE_SECONDEN = 900
        assert wachtwoord_invullen(client, "carla") == "/"


def test_lock_out_geldt_per_account(client: Client) -> None:
    maak_gebruiker("LOCC", username="carla")
    maak_gebruiker("LOCC", username="daan")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "carla", "password": "fout"})
    assert wachtwoord_invullen(client, "daan") == "/"


def test_mislukte_poging_wordt_geaudit_met_het_account(client: Client) -> None:
    gebruiker = maak_gebruiker("LOCC", username="carla")
    client.post("/accounts/login/", {"login": "carla", "password": "fout"})
    client.post("/accounts/login/", {"login": "niemand", "password": "fout"})
    een, twee = account_regels()
    assert (een.gebeurtenis, een.actor_id, een.object_id) == (
        Gebeurtenis.INLOGGEN_MISLUKT,
        None,
        str(gebruiker.pk),
    )
    assert (twee.actor_gebruikersnaam, twee.object_id) == ("niemand", "")


def ingelogd(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]], herstelcode: int = -1
) -> None:
    _, secret, codes = gebruiker_met_totp
    wachtwoord_invullen(client, "anna")
    code = totp_code(secret) if herstelcode < 0 else codes[herstelcode]
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" in client.session


def test_sessie_verloopt_na_30_minuten_zonder_verzoek(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    with time_machine.travel(START, tick=False) as reis:
        ingelogd(client, gebruiker_met_totp)
        reis.shift(timedelta(minutes=29))
        assert client.get(BESCHERMD).status_code == 200  # and the idle clock restarts
        reis.shift(timedelta(minutes=29))
        assert client.get(BESCHERMD).status_code == 200
        reis.shift(timedelta(minutes=30, seconds=1))
        response = client.get(BESCHERMD)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/accounts/login/")


def test_sessie_verloopt_na_12_uur_ook_bij_activiteit(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    with time_machine.travel(START, tick=False) as reis:
        ingelogd(client, gebruiker_met_totp)
        for _ in range(12 * 3):
            reis.shift(timedelta(minutes=20))
            assert client.get(BESCHERMD).status_code == 200
        reis.shift(timedelta(minutes=1))
        response = client.get(BESCHERMD)
        assert response.headers["Location"] == "/accounts/login/"
        assert Gebeurtenis.SESSIE_VERLOPEN in gebeurtenissen()


def test_uitloggen_wordt_geaudit(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    ingelogd(client, gebruiker_met_totp)
    client.post("/accounts/logout/")
    assert gebeurtenissen()[-1] == Gebeurtenis.UITGELOGD
    assert client.get(BESCHERMD).status_code == 302


def test_overal_uitloggen_beeindigt_alle_sessies(
    gebruiker_met_totp: tuple[Gebruiker, str, list[str]],
) -> None:
    laptop, telefoon = Client(), Client()
    ingelogd(laptop, gebruiker_met_totp)
    ingelogd(telefoon, gebruiker_met_totp, herstelcode=0)
    assert telefoon.get(BESCHERMD).status_code == 200
    response = laptop.post("/accounts/uitloggen-overal/")
    assert response.headers["Location"] == "/accounts/login/"
    assert laptop.get(BESCHERMD).status_code == 302
    assert telefoon.get(BESCHERMD).status_code == 302
    regel = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.SESSIES_BEEINDIGD)
    assert regel.na == {"aantal": 2}


def test_demo_account_logt_in_zonder_tweede_factor(client: Client) -> None:
    maak_gebruiker("LOCC", username="demo-locc", is_demo=True)
    assert wachtwoord_invullen(client, "demo-locc") == "/"
    assert client.get(BESCHERMD).status_code == 200


@override_settings(DEMO_ACCOUNTS_TOEGESTAAN=False)
def test_demo_account_kan_niet_inloggen_waar_demos_verboden_zijn(client: Client) -> None:
    demo = maak_gebruiker("LOCC", username="demo-locc", is_demo=True)
    response = client.post("/accounts/login/", {"login": "demo-locc", "password": WACHTWOORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    client.force_login(demo)  # a session from before: refused as well
    assert client.get(BESCHERMD).status_code == 302


def test_lock_out_ook_na_vijf_verkeerde_totp_codes(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    _, secret, _ = gebruiker_met_totp
    goed = totp_code(secret)
    fout = str((int(goed) + 1) % 1_000_000).zfill(6)
    wachtwoord_invullen(client, "anna")
    for _ in range(5):
        client.post("/accounts/2fa/authenticate/", {"code": fout})
    response = client.post("/accounts/2fa/authenticate/", {"code": goed})
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in response.content.decode()
    assert gebeurtenissen().count(Gebeurtenis.TWEEDE_FACTOR_MISLUKT) == 5


def test_eigen_wachtwoord_wijzigen_staat_in_de_auditketen(
    client: Client, gebruiker_met_totp: tuple[Gebruiker, str, list[str]]
) -> None:
    """Issue #9: every change to an account is audited, also the user's own password."""
    gebruiker, _, codes = gebruiker_met_totp
    wachtwoord_invullen(client, "anna")
    client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    nieuw = "Een-nieuw-lang-wachtwoord-2026"
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": WACHTWOORD, "password1": nieuw, "password2": nieuw},
    )
    assert response.status_code == 302
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(nieuw)
    rij = AuditLogEntry.objects.get(gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD)
    assert (rij.actor_id, rij.object_id, rij.na) == (
        gebruiker.pk,
        str(gebruiker.pk),
        {"soort": "gewijzigd", "ip": "127.0.0.1"},
    )
    assert nieuw not in str(rij.na) and nieuw not in str(rij.voor)
    assert keten_verifieren().intact
