"""Demo accounts for `make run`, refused under production settings; the deploy check (#3)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import Client, override_settings

import pytest

from politiebijstand.accounts.demo import (
    DEMO_ORGANISATIE_LIJST,
    DEMO_ORGANISATIES,
    DEMO_WACHTWOORD,
    demo_rollen,
)
from politiebijstand.accounts.models import Gebruiker


@pytest.fixture
def client() -> Client:
    """Not logged in (the conftest's `client` is logged in)."""
    return Client()


PRODUCTIE = {
    # Without the test run's own switches (a deployment never sets DJANGO_ALLOW_ASYNC_UNSAFE:
    # async.E001) and without its database: the test database of the PostgreSQL run is made by
    # pytest-django, and its URL names a database that does not exist outside the test.
    **{
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "PB_DATABASE_URL"}
    },
    "PB_DATA_DIR": tempfile.mkdtemp(prefix="pb-productie-"),
    "PB_SECRET_KEY": secrets.token_urlsafe(64),
    # Production refuses to start without the audit chain's keys (issue #9, ADR 0026).
    "PB_AUDIT_SLEUTEL": secrets.token_urlsafe(48),
    "PB_AUDIT_ANKER_SLEUTEL": secrets.token_urlsafe(48),
    "PB_MFA_SLEUTEL": "p0nH4hYFZ4u9oC0P8pO3D5GmJq9bVn2GZ6qVbKqf1Qs=",
    "DJANGO_SETTINGS_MODULE": "politiebijstand.conf.production",
}


def test_demo_accounts_per_organisatie_met_hun_procedures_en_herhaalbaar(
    referentiedata: None,
) -> None:
    out = StringIO()
    call_command("demo_accounts_laden", stdout=out)
    regels = out.getvalue().splitlines()
    assert regels[:5] == [
        "Demo-accounts (wachtwoord voor allemaal: demo-bijstand):",
        "",
        "Eenheid Midden-Nederland (de demoverzoeken)",
        "  RCCB Midden-Nederland (RCCB-MN): RCCB in alle procedures behalve 9",
        "    demo-rccb-mn-medewerker  demo-rccb-mn-beheerder",
    ]
    # The regioburgemeester acts in two lanes; which procedures have them is the models' say.
    assert regels[5].startswith(
        "  Burgemeester van Utrecht (GM0344): BURGEMEESTER in procedure 1, "
    )
    assert "; REGIOBURGEMEESTER in procedure 1, " in regels[5]
    assert "  DGPOL: in procedure 9" in regels
    assert "    demo-minister-jenv-medewerker  demo-minister-jenv-besluitvormer" in regels
    assert regels[-3:] == [
        "  demo-admin: technisch beheer (Django admin)",
        "",
        "Een nieuw verzoek loopt met deze accounts tot het einde als het RCCB, de gemeente en het "
        "parket hierboven staan.",
    ]
    aantal = Gebruiker.objects.filter(is_demo=True).count()
    assert aantal == sum(len(demo_rollen(o)) for o in DEMO_ORGANISATIE_LIJST) + 1
    assert len(DEMO_ORGANISATIES) == 24
    burgemeester = Gebruiker.objects.get(username="demo-burgemeester-utrecht-besluitvormer")
    assert burgemeester.organisatie is not None and burgemeester.organisatie.code == "GM0344"
    assert burgemeester.check_password(DEMO_WACHTWOORD)
    # Only where a lane decides (or the gezag signs) is there a besluitvormer.
    assert not Gebruiker.objects.filter(username="demo-dgpol-besluitvormer").exists()
    call_command("demo_accounts_laden", stdout=StringIO())
    assert Gebruiker.objects.count() == aantal
    admin = Gebruiker.objects.get(username="demo-admin")
    assert (admin.is_superuser, admin.is_staff, admin.is_demo) == (True, True, True)


def test_demo_account_logt_in_zonder_tweede_factor(referentiedata: None, client: Client) -> None:
    call_command("demo_accounts_laden", stdout=StringIO())
    response = client.post(
        "/accounts/login/", {"login": "demo-locc-medewerker", "password": DEMO_WACHTWOORD}
    )
    assert response.headers["Location"] == "/"
    assert client.get("/accounts/sessions/").status_code == 200


@override_settings(DEMO_ACCOUNTS_TOEGESTAAN=False)
def test_demo_accounts_geweigerd_waar_demos_verboden_zijn(referentiedata: None) -> None:
    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("demo_accounts_laden", stdout=StringIO())
    assert not Gebruiker.objects.exists()


def test_demo_accounts_vragen_eerst_de_referentiedata(zonder_referentiedata: None) -> None:
    with pytest.raises(CommandError, match="organisatie RCCB-MN ontbreekt"):
        call_command("demo_accounts_laden", stdout=StringIO())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "politiebijstand.cli", "manage", *args],
        env=PRODUCTIE,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_check_is_schoon_met_productie_instellingen() -> None:
    resultaat = run("check", "--deploy", "--fail-level", "WARNING")
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.strip() == "System check identified no issues (0 silenced)."


def test_demo_accounts_laden_faalt_met_productie_instellingen() -> None:
    resultaat = run("demo_accounts_laden")
    assert resultaat.returncode == 1
    assert "Demo-accounts zijn niet toegestaan met deze instellingen (productie)." in (
        resultaat.stderr
    )
    assert resultaat.stdout == ""


def test_productie_instellingen_zonder_secret_key_weigeren_te_starten() -> None:
    env = {k: v for k, v in PRODUCTIE.items() if k != "PB_SECRET_KEY"}
    resultaat = subprocess.run(
        [sys.executable, "-m", "politiebijstand.cli", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultaat.returncode != 0
    assert "PB_SECRET_KEY must be set in production" in resultaat.stderr


@pytest.mark.parametrize(
    ("sleutel", "melding"),
    [
        (None, "PB_MFA_SLEUTEL must be set in production"),
        ("geheim", "PB_MFA_SLEUTEL: each key must be a Fernet key"),
    ],
)
def test_productie_instellingen_zonder_geldige_mfa_sleutel_weigeren_te_starten(
    sleutel: str | None, melding: str
) -> None:
    env = {k: v for k, v in PRODUCTIE.items() if k != "PB_MFA_SLEUTEL"}
    if sleutel is not None:
        env["PB_MFA_SLEUTEL"] = sleutel
    resultaat = subprocess.run(
        [sys.executable, "-m", "politiebijstand.cli", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultaat.returncode != 0
    assert melding in resultaat.stderr


def test_productie_instellingen_zijn_streng() -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.DEMO_ACCOUNTS_TOEGESTAAN, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-ancestors'],"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'])"
    )
    resultaat = run("shell", "-c", code)
    assert (
        resultaat.stdout.strip().splitlines()[-1]
        == "False True True 31536000 True [\"'none'\"] [\"'self'\"]"
    )
