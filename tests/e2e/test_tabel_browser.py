"""The work queue's table: whole words at 1280 px, its own scroll region on a phone (defect 11)."""

from __future__ import annotations

import itertools
from typing import Any

from django.conf import settings
from django.test import Client

import pytest
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import gebruiker, maak_verzoek

pytestmark = pytest.mark.browser


def werkvoorraad(browser: Browser, live_server: LiveServer, breedte: int) -> Page:
    rccb = gebruiker("RCCB-MN")
    tweede_factor_instellen(rccb)
    client = Client()
    client.force_login(rccb)
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
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
    page.goto(f"{live_server.url}/werkvoorraad/")
    return page


def regels(page: Page, selector: str) -> list[tuple[str, int]]:
    """Per element: its text and the number of lines it takes (height / line height)."""
    resultaat: list[tuple[str, int]] = page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector)).map((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
            return [el.textContent.trim(), tops.size];
        })""",
        selector,
    )
    return resultaat


def gebroken_woorden(page: Page, selector: str) -> list[str]:
    """The words inside `selector` that the browser split over two lines.

    A break at a hyphen ("CCB-" / "KMar") is a normal line break, not a split word.
    """
    woorden: list[str] = page.evaluate(
        r"""(selector) => {
            const gebroken = [];
            for (const el of document.querySelectorAll(selector)) {
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    const re = /[^\s-]+/g;
                    let m;
                    while ((m = re.exec(node.textContent)) !== null) {
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const tops = new Set(
                            Array.from(range.getClientRects()).map((r) => Math.round(r.top))
                        );
                        if (tops.size > 1) gebroken.push(m[0]);
                    }
                }
            }
            return gebroken;
        }""",
        selector,
    )
    return woorden


@pytest.fixture
def verzoek(transactional_db: Any, referentiedata: None) -> Any:
    maak_verzoek()
    return maak_verzoek()


def test_kolomkoppen_op_1280_px_heel(
    browser: Browser, live_server: LiveServer, verzoek: Any
) -> None:
    page = werkvoorraad(browser, live_server, 1280)
    try:
        koppen = regels(page, ".pb-tabel th")
        assert [tekst for tekst, _ in koppen] == [
            "Termijn",
            "Taak",
            "Verzoek",
            "Procedure",
            "Eenheid",
            "Status",
            "Actie",
        ]
        assert all(aantal == 1 for _, aantal in koppen), koppen
        # No word in a cell is split over two lines ("Term ijn", "Proced ure").
        assert gebroken_woorden(page, ".pb-tabel") == []
        breedte = page.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 1280
    finally:
        page.context.close()


def test_tabel_schuift_op_een_telefoon_in_zijn_eigen_vak(
    browser: Browser, live_server: LiveServer, verzoek: Any
) -> None:
    page = werkvoorraad(browser, live_server, 375)
    try:
        # The page itself does not scroll sideways; the table's region does.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        vak = page.get_by_role("region", name="Taken (schuift horizontaal op een smal scherm)")
        assert vak.evaluate("(el) => el.scrollWidth > el.clientWidth")
        assert vak.get_attribute("tabindex") == "0"
        assert all(aantal == 1 for _, aantal in regels(page, ".pb-tabel th"))
        assert gebroken_woorden(page, ".pb-tabel") == []
        # The menu wraps without a large gap: each line follows right below the one before.
        vakken = page.locator(".pb-nav .utrecht-nav-list__item").evaluate_all(
            "(els) => els.map((e) => { const r = e.getBoundingClientRect();"
            " return [r.top, r.bottom]; })"
        )
        lijnen: dict[float, float] = {}
        for boven, onder in vakken:
            lijnen[round(boven)] = max(lijnen.get(round(boven), 0.0), onder)
        toppen = sorted(lijnen)
        assert len(toppen) >= 2
        for vorige, volgende in itertools.pairwise(toppen):
            assert volgende - lijnen[vorige] < 8
    finally:
        page.context.close()
