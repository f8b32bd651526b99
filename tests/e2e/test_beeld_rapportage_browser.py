"""The LOCC's walk in chromium: picture, filter, yearly report with its chart, print (#11).

Issue #11's "must show": the LOCC opens the operational picture (``/beeld/``), filters it by
procedure (in place, without reloading; the URL follows), checks the filtered rows, opens the
yearly report from the navigation, checks a chart (SVG, named by its title) and a value in
the table beside it, returns to the filtered picture and prints it on A4 landscape: the PDF
starts with ``%PDF`` and the print stylesheet hides the navigation and the filters.

Two requests are made now through the services: one of Midden-Nederland asking the KMar
(procedure 3) and one of Midden-Nederland asking another police unit (procedure 1).
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.rapportages.selectors import MAANDEN
from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import gebruiker, maak_verzoek, situatie

pytestmark = pytest.mark.browser


def als_locc(browser: Browser, live_server: LiveServer) -> Page:
    """A page logged in as the LOCC, with its second factor (force_login, session cookie)."""
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
    """Kenmerken of a KMar request (procedure 3) and a police request (procedure 1), now."""
    nu = timezone.now()
    kmar = maak_verzoek(nu=nu)
    politie = maak_verzoek(situatie(gevraagd=[{"leverancier": "politie"}]), nu=nu)
    return kmar.kenmerk, politie.kenmerk


def test_het_locc_filtert_het_beeld_opent_de_rapportage_en_drukt_het_beeld_af(
    browser: Browser, live_server: LiveServer, verzoeken: tuple[str, str]
) -> None:
    kmar, politie = verzoeken
    nu = timezone.now().astimezone(ZoneInfo("Europe/Amsterdam"))
    page = als_locc(browser, live_server)
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)

    # The picture: both parts.
    page.goto(f"{live_server.url}/beeld/")
    expect(page.get_by_role("heading", name="Operationeel beeld", level=1)).to_be_visible()
    rijen = page.locator("tr[data-deel]")
    expect(rijen).to_have_count(2)
    expect(page.locator("g[data-balk]")).to_have_count(2)

    # Filtered by procedure in place: not reloaded, the URL follows, only the KMar part.
    page.evaluate("window.nietHerladen = true")
    page.get_by_label("Procedure", exact=True).select_option("3")
    expect(rijen).to_have_count(1)
    expect(page.locator(f'tr[data-deel="{kmar}/1"]')).to_be_visible()
    expect(page).to_have_url(re.compile(r"/beeld/\?.*procedure=3"))
    assert page.evaluate("window.nietHerladen") is True
    assert politie not in page.locator("#beeld-inhoud").inner_text()

    # The yearly report from the navigation: this year, a chart with its table beside it.
    page.get_by_role("navigation").get_by_role("link", name="Rapportages").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rapportages {nu.year}")
    grafiek = page.get_by_role("img", name=f"Verzoeken per maand in {nu.year}: verzoeken")
    expect(grafiek).to_be_visible()
    assert grafiek.evaluate("e => e.tagName") == "svg"
    expect(grafiek.locator("desc")).to_have_text(
        "Staafdiagram: verzoeken per rij. De tabel eronder geeft dezelfde cijfers."
    )
    expect(grafiek.locator("rect.pb-grafiek__balk")).to_have_count(12)
    maand = MAANDEN[nu.month - 1]
    expect(grafiek.locator("rect.pb-grafiek__balk title").nth(nu.month - 1)).to_have_text(
        f"{maand}: 2"
    )
    tabel = page.get_by_role("table", name=f"Verzoeken per maand in {nu.year}")
    expect(tabel.get_by_role("row", name=f"{maand} 2")).to_be_visible()
    expect(tabel.get_by_role("row")).to_have_count(13)
    procedures = page.get_by_role("table", name="Deelverzoeken per procedure (route)")
    expect(
        procedures.get_by_role("row", name="Procedure 3: bijstand door de KMar, openbare orde 1")
    ).to_be_visible()
    export = page.request.get(f"{live_server.url}/rapportages/export.xlsx?jaar={nu.year}")
    assert export.status == 200
    assert export.body()[:2] == b"PK"

    # Back to the picture, still filtered; printed on A4 landscape without the navigation.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/beeld/\?.*procedure=3"))
    expect(rijen).to_have_count(1)
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("nav.pb-nav")).to_be_hidden()
    expect(page.locator("#beeld-filters")).to_be_hidden()
    expect(page.locator(f'tr[data-deel="{kmar}/1"]')).to_be_visible()
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    maten = [
        (float(b), float(h)) for b, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    ]
    # A4 landscape in points (297 x 210 mm is 841.9 x 595.3; chromium rounds its inches).
    assert maten
    assert all(abs(b - 841.9) < 1.5 and abs(h - 595.3) < 1.5 for b, h in maten), maten
    assert fouten == []
