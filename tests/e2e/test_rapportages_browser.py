"""The LOCC opens the yearly report in chromium: a chart (SVG) with its table (#11 item 4).

The reference data and the demo accounts of `make run` are loaded with their management
commands; one request of Midden-Nederland is made through the services (2 March 2026). The
LOCC's demo account logs in through the real log-in page (no second factor for demo accounts).
"""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.accounts.demo import DEMO_WACHTWOORD, demo_gebruikersnaam
from tests.verzoeken.helpers import maak_verzoek

pytestmark = pytest.mark.browser


def test_locc_opent_de_rapportage_met_grafiek_en_tabel(
    browser: Browser, live_server: LiveServer, transactional_db: Any, referentiedata: None
) -> None:
    call_command("demo_accounts_laden", stdout=StringIO())
    maak_verzoek()
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(demo_gebruikersnaam("LOCC", "medewerker"))
        page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("link", name="Rapportages").click()
        page.get_by_label("Jaar").fill("2026")
        page.get_by_role("button", name="Toon").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Rapportages 2026")
        grafiek = page.get_by_role("img", name="Verzoeken per maand in 2026: verzoeken")
        expect(grafiek).to_be_visible()
        expect(grafiek.locator("rect.pb-grafiek__balk")).to_have_count(12)
        expect(grafiek.locator("rect.pb-grafiek__balk title").nth(2)).to_have_text("maart: 1")
        tabel = page.get_by_role("table", name="Verzoeken per maand in 2026")
        expect(tabel.get_by_role("row", name="maart 1")).to_be_visible()
        expect(tabel.get_by_role("row")).to_have_count(13)
        export = page.request.get(f"{live_server.url}/rapportages/export.xlsx?jaar=2026")
        assert export.status == 200
        assert export.body()[:2] == b"PK"
    finally:
        context.close()
