"""Log in with password and a second factor in Debian's chromium, then see the work queue (#3)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.accounts.helpers import totp_code_met_marge, tweede_factor_instellen

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db", "referentiedata")]


def test_inloggen_met_tweede_factor_toont_de_werkvoorraad(
    browser: Browser, live_server: LiveServer, transactional_db: Any
) -> None:
    gebruiker = maak_gebruiker("RCCB-MN", "medewerker", username="e2e-anna")
    secret, _ = tweede_factor_instellen(gebruiker)
    context = browser.new_context(locale="nl-NL")  # not logged in
    page = context.new_page()
    csp_fouten: list[str] = []
    page.on(
        "console",
        lambda bericht: (
            csp_fouten.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    try:
        response = page.goto(f"{live_server.url}/werkvoorraad/")
        assert response is not None
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        # Pages with request data require log-in (the wizard is public, ADR 0020).
        expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/werkvoorraad/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
        assert csp_fouten == []
        page.get_by_label("Gebruikersnaam").fill("e2e-anna")
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()

        expect(page).to_have_url(f"{live_server.url}/accounts/2fa/authenticate/")
        page.get_by_label("Code").fill(totp_code_met_marge(secret))
        page.get_by_role("button", name="Inloggen").click()

        expect(page).to_have_url(f"{live_server.url}/werkvoorraad/")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Werkvoorraad")
    finally:
        context.close()
    regel = AuditLogEntry.objects.filter(gebeurtenis="gebruiker-ingelogd").get()
    assert regel.actor_id == gebruiker.pk
    assert keten_verifieren().intact
