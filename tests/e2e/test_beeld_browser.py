"""The operational picture in the browser: open, filter without reloading, print on A4 (#11)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import gebruiker, maak_verzoek, maak_verzoek_amsterdam

pytestmark = pytest.mark.browser


def als_locc(browser: Browser, live_server: LiveServer) -> Page:
    locc = gebruiker("LOCC")
    tweede_factor_instellen(locc)
    client = Client()
    client.force_login(locc)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


@pytest.fixture
def verzoeken(transactional_db: Any, referentiedata: None) -> tuple[str, str]:
    nu = timezone.now()
    return maak_verzoek(nu=nu).kenmerk, maak_verzoek_amsterdam(nu=nu).kenmerk


def test_het_locc_opent_filtert_en_drukt_het_beeld_af(
    browser: Browser, live_server: LiveServer, verzoeken: tuple[str, str]
) -> None:
    utrecht, amsterdam = verzoeken
    page = als_locc(browser, live_server)
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/beeld/")
    expect(page.get_by_role("heading", name="Operationeel beeld", level=1)).to_be_visible()
    rijen = page.locator("tr[data-deel]")
    expect(rijen).to_have_count(2)
    expect(page.locator("g[data-balk]")).to_have_count(2)
    expect(page.locator('a[data-eenheid="EENHEID-AM"] .pb-vak__aantal')).to_have_text("1")

    # Filtering swaps the picture in place: the page is not reloaded, the URL follows.
    page.evaluate("window.nietHerladen = true")
    page.get_by_label("Vragende eenheid", exact=True).select_option("EENHEID-AM")
    expect(rijen).to_have_count(1)
    expect(page.locator(f'tr[data-deel="{amsterdam}/1"]')).to_be_visible()
    expect(page.locator('a[data-eenheid="EENHEID-MN"] .pb-vak__aantal')).to_have_text("0")
    expect(page).to_have_url(re.compile(r"/beeld/\?.*eenheid=EENHEID-AM"))
    assert page.evaluate("window.nietHerladen") is True
    assert utrecht not in page.locator("#beeld-inhoud").inner_text()

    # The print: a button (shown by app.js), no navigation, A4 landscape from the stylesheet.
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("nav.pb-nav")).to_be_hidden()
    expect(page.locator("#beeld-filters")).to_be_hidden()
    expect(page.locator("tr[data-deel]")).to_have_count(1)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF-")
    maten = {
        (round(float(b)), round(float(h)))
        for b, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    }
    assert maten == {(842, 595)}  # A4 landscape in points (297 x 210 mm)
    assert fouten == []
