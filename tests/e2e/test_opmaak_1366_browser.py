"""Layout at 1366 px and the A4 print of the picture: the LOCC's trial findings (#11).

A fresh tester at 1366 px found a squeezed checkbox label on ``/capaciteit/``, tables cut off
on ``/capaciteit/``, ``/rapportages/`` and ``/beeld/``, and a print of ``/beeld/`` without its
filters and with a page holding only the footer. Screenshots go to ``$PB_SCHERMAFDRUKKEN``
when set (for a person to look at).
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.capaciteit.models import Capaciteit
from politiebijstand.capaciteit.services import register_laden
from politiebijstand.web.grafiek import BREEDTE
from tests.accounts.helpers import tweede_factor_instellen
from tests.capaciteit.helpers import claim
from tests.verzoeken.helpers import gebruiker, maak_verzoek, situatie

pytestmark = pytest.mark.browser


def _foto(page: Page, naam: str) -> None:
    map_ = os.environ.get("PB_SCHERMAFDRUKKEN")
    if map_:
        page.screenshot(path=str(Path(map_) / f"{naam}.png"), full_page=True)


def als_locc(browser: Browser, live_server: LiveServer, breedte: int = 1366) -> Page:
    """A page logged in as the LOCC with its second factor, `breedte` px wide."""
    locc = gebruiker("LOCC")
    tweede_factor_instellen(locc)
    client = Client()
    client.force_login(locc)
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
    return context.new_page()


@pytest.fixture
def gegevens(transactional_db: Any, referentiedata: None) -> tuple[str, str]:
    """The demo register, two requests of now and a pool claimed beyond its total."""
    register_laden()
    nu = timezone.now()
    kmar = maak_verzoek(nu=nu)
    politie = maak_verzoek(situatie(gevraagd=[{"leverancier": "politie"}]), nu=nu)
    pool = Capaciteit.objects.filter(benoemd=False).order_by("pk").first()
    assert pool is not None
    claim(pool, nu, nu + timedelta(hours=4), aantal=pool.aantal + 2, verzoek=kmar)
    claim(pool, nu, nu + timedelta(hours=4), aantal=1, verzoek=politie)
    return str(kmar.uuid), politie.kenmerk


def _past(page: Page, selector: str) -> list[str]:
    """The elements matching `selector` whose content is wider than their box."""
    return list(
        page.eval_on_selector_all(
            selector,
            "els => els.filter(e => e.scrollWidth > e.clientWidth + 1)"
            ".map(e => e.getAttribute('aria-label') || e.className)",
        )
    )


def test_pagina_s_passen_op_1366_px(
    browser: Browser, live_server: LiveServer, gegevens: tuple[str, str]
) -> None:
    kmar, politie = gegevens
    page = als_locc(browser, live_server)

    page.goto(f"{live_server.url}/capaciteit/")
    _foto(page, "capaciteit")
    veld = page.get_by_label("Datum en tijd", exact=False).first.bounding_box()
    vinkje = page.locator("label[for='id_tweede_keer']").bounding_box()
    assert veld is not None and vinkje is not None
    assert veld["y"] < 400
    assert vinkje["height"] < 60, vinkje
    assert vinkje["y"] > veld["y"]
    te_breed = {"capaciteit": _past(page, ".pb-tabel-scroll")}

    page.goto(f"{live_server.url}/rapportages/")
    _foto(page, "rapportages")
    te_breed["rapportages"] = _past(page, ".pb-tabel-scroll")
    # The chart at full size (its text 11 to 12 px), a procedure's name whole.
    grafiek = page.locator("#per-procedure svg.pb-grafiek")
    if os.environ.get("PB_SCHERMAFDRUKKEN"):
        grafiek.screenshot(path=str(Path(os.environ["PB_SCHERMAFDRUKKEN"]) / "grafiek.png"))
    assert grafiek.evaluate("e => e.getBoundingClientRect().width") == BREEDTE
    expect(grafiek.locator("text.pb-grafiek__label").first).to_have_text(
        "Procedure 1: bijstand door een andere eenheid, openbare orde"
    )

    page.goto(f"{live_server.url}/beeld/")
    _foto(page, "beeld")
    te_breed["beeld"] = _past(page, ".pb-tabel-scroll")
    page.set_viewport_size({"width": 1024, "height": 900})
    _foto(page, "beeld-1024")
    te_breed["beeld"] += _past(page, ".pb-tabel-scroll")
    page.set_viewport_size({"width": 1366, "height": 900})

    page.goto(f"{live_server.url}/verzoeken/{kmar}/")
    _foto(page, "verzoek")
    conflict = page.locator(".pb-capaciteit-conflicten li")
    expect(conflict).to_contain_text("in totaal")
    expect(conflict.get_by_role("link", name=politie)).to_be_visible()

    # The print of the whole picture: the timeline's last day within the page.
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1077, "height": 703})
    page.goto(f"{live_server.url}/beeld/")
    _foto(page, "beeld-print-alles")
    rechts = page.locator("svg.pb-beeld-balken").evaluate(
        "e => e.getBoundingClientRect().right - document.documentElement.clientWidth"
    )
    assert rechts <= 0
    assert "Filters: geen" in page.locator(".pb-beeld-filters-tekst").inner_text()

    page.goto(f"{live_server.url}/beeld/?procedure=3&tot=2026-12-01")
    _foto(page, "beeld-print")
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    map_ = os.environ.get("PB_SCHERMAFDRUKKEN")
    if map_:
        (Path(map_) / "beeld.pdf").write_bytes(pdf)
    pagina_s = len(re.findall(rb"/Type\s*/Page\b", pdf))
    expect(page.locator("footer.pb-footer")).to_be_hidden()
    assert (te_breed, pagina_s) == ({"capaciteit": [], "rapportages": [], "beeld": []}, 1)
