"""The request page's BPMN diagram: window-wide, readable, with zoom buttons (defect 10)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.test import Client

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import gebruiker, maak_verzoek

pytestmark = pytest.mark.browser


def schaal(page: Page) -> float:
    """The zoom of the diagram: the scale of bpmn-js's viewport transform."""
    transform = page.locator(".pb-diagram .viewport").first.get_attribute("transform") or ""
    match = re.match(r"matrix\(([-\d.e]+)", transform)
    assert match, transform
    return float(match.group(1))


def test_diagram_is_breed_hoog_en_zoombaar(
    browser: Browser, live_server: LiveServer, transactional_db: Any, referentiedata: None
) -> None:
    verzoek = maak_verzoek()
    rccb = gebruiker("RCCB-MN")
    tweede_factor_instellen(rccb)
    client = Client()
    client.force_login(rccb)
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="nl-NL")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/verzoeken/{verzoek.uuid}/")
        diagram = page.locator(".pb-diagram")
        expect(diagram).to_have_attribute("data-getekend", "ja", timeout=15000)
        tekst = page.locator(".pb-content").bounding_box()
        vak = diagram.bounding_box()
        assert tekst is not None and vak is not None
        # Wider than the text column (58rem), as wide as the window less 2rem each side.
        assert vak["width"] > tekst["width"]
        assert vak["width"] == pytest.approx(1600 - 64 - 2, abs=20)
        assert vak["height"] >= 24 * 16
        # Readable at once: at least the minimum zoom, around the current step.
        begin = schaal(page)
        assert begin >= 0.79
        stap = diagram.locator(".pb-stap-huidig").first.bounding_box()
        assert stap is not None
        assert vak["x"] <= stap["x"] and stap["x"] + stap["width"] <= vak["x"] + vak["width"]
        assert vak["y"] <= stap["y"] and stap["y"] + stap["height"] <= vak["y"] + vak["height"]
        knoppen = page.get_by_role("group", name="Zoomen in het diagram")
        knoppen.get_by_role("button", name="Inzoomen").click()
        assert schaal(page) == pytest.approx(begin * 1.25, rel=0.01)
        knoppen.get_by_role("button", name="Uitzoomen").click()
        knoppen.get_by_role("button", name="Uitzoomen").click()
        assert schaal(page) == pytest.approx(begin / 1.25, rel=0.01)
        knoppen.get_by_role("button", name="Hele diagram").click()
        assert schaal(page) < begin
        knoppen.get_by_role("button", name="Naar de huidige stap").click()
        assert schaal(page) >= 0.79
        expect(diagram.locator(".bjs-powered-by")).to_be_visible()
    finally:
        context.close()
