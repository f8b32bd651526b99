"""The picture's "Meer tonen" in the browser: more rows in place, kept by a filter change (#11).

The form's hidden ``rijen`` is set out of band by each refreshed part (ADR 0044), so that the
refresh every 30 s and a filter change ask for as many rows as shown. One row per step here
(`RIJEN_PER_KEER` 1) over two requests; the live server runs in this process.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.beeld import selectors, views
from tests.e2e.test_beeld_rapportage_browser import als_locc
from tests.verzoeken.helpers import maak_verzoek, maak_verzoek_amsterdam

pytestmark = pytest.mark.browser


@pytest.fixture
def twee_verzoeken(transactional_db: Any, referentiedata: None) -> tuple[str, str]:
    nu = timezone.now()
    return maak_verzoek(nu=nu).kenmerk, maak_verzoek_amsterdam(nu=nu).kenmerk


def test_meer_tonen_voegt_rijen_toe_en_een_filter_houdt_ze(
    browser: Browser,
    live_server: LiveServer,
    twee_verzoeken: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selectors, "RIJEN_PER_KEER", 1)
    monkeypatch.setattr(views, "RIJEN_PER_KEER", 1)
    utrecht, amsterdam = twee_verzoeken
    page = als_locc(browser, live_server)
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/beeld/")
    rijen = page.locator("tr[data-deel]")
    expect(rijen).to_have_count(1)
    expect(page.locator(f'tr[data-deel="{utrecht}/1"]')).to_be_visible()

    page.evaluate("window.nietHerladen = true")
    page.get_by_role("link", name="Meer tonen (2 van 2 delen)").click()
    expect(rijen).to_have_count(2)
    expect(page.locator(f'tr[data-deel="{amsterdam}/1"]')).to_be_visible()
    expect(page).to_have_url(re.compile(r"/beeld/\?.*rijen=2"))
    expect(page.locator("#beeld-filters input[name=rijen]")).to_have_value("2")
    expect(page.get_by_role("link", name=re.compile("Meer tonen"))).to_have_count(0)

    # A filter change sends the form, with the rows shown: both KMar parts stay.
    page.get_by_label("Leverancier", exact=True).select_option("kmar")
    expect(page).to_have_url(re.compile(r"leverancier=kmar"))
    expect(rijen).to_have_count(2)
    assert page.evaluate("window.nietHerladen") is True
    assert fouten == []
