"""The Bijstandswijzer in Debian's chromium: the KMar curfew case, with and without JavaScript."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.vragenlijst import teksten
from tests.conftest import CASES_DIR

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db", "referentiedata")]

CASE = json.loads((CASES_DIR / "kmar-avondklok-den-haag.json").read_text(encoding="utf-8"))
RESULTAAT = (
    "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
    "&spoed=nee&gemeenten=%27s-Gravenhage&locatiegebonden=ja"
)


def ja_nee(waarde: bool) -> str:
    return "Ja" if waarde else "Nee"


def doorloop_kmar_case(page: Page, base: str) -> None:
    """Answer every question of the wizard as the case file says, as a person would."""
    situatie: dict[str, Any] = CASE["situatie"]
    page.goto(f"{base}/wijzer/")
    page.get_by_role("link", name="Start de wijzer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Voor welke politietaak is capaciteit nodig?"
    )
    page.get_by_label(teksten.TAAK[situatie["taak"]]).check()
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kan de politie-eenheid van uw regio zelf voorzien in de capaciteit die nodig is?"
    )
    page.get_by_label(ja_nee(situatie["eigen_capaciteit_toereikend"]), exact=True).check()
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Van wie is capaciteit nodig?")
    # First try to go on without a choice: the error names the question and links to it.
    page.get_by_role("button", name="Volgende").click()
    fout = page.get_by_role("link", name=re.compile("Van wie is capaciteit nodig\\? Kies"))
    expect(fout).to_be_visible()
    for gevraagd in situatie["gevraagd"]:
        page.get_by_label(teksten.LEVERANCIER[gevraagd["leverancier"]]).check()
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Is het spoedeisend?")
    page.get_by_role("group", name="Is het spoedeisend?").get_by_label(
        ja_nee(situatie["spoed"]), exact=True
    ).check()
    page.get_by_label("In welke gemeente(n) wordt de bijstand ingezet?").fill(
        "\n".join(situatie["gemeenten"])
    )
    page.get_by_role(
        "group", name="Is de bijstand vooraf aan één gemeente te koppelen?"
    ).get_by_label("Ja", exact=True).check()
    page.get_by_role("button", name="Volgende").click()


def controleer_resultaat(page: Page, base: str) -> None:
    expect(page).to_have_url(f"{base}{RESULTAAT}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Advies: bijstand aan de politie")
    route = page.get_by_role("region", name="1. De Koninklijke Marechaussee (KMar)")
    expect(route).to_contain_text(
        "Procedure 3: Bijstand door de Koninklijke Marechaussee, voor handhaving van de "
        "openbare orde"
    )
    expect(route).to_contain_text("art. 57 lid 1 Politiewet 2012")
    expect(route.get_by_role("link", name="088 - 662 80 48")).to_have_attribute(
        "href", "tel:0886628048"
    )
    expect(route).to_contain_text("De burgemeester (of namens de burgemeester)")
    expect(page.get_by_text("de inzet valt onder het gezag van de burgemeester.")).to_be_visible()


def test_wijzer_kmar_avondklok_met_javascript(page: Page, live_server: LiveServer) -> None:
    fouten: list[str] = []
    page.on("response", lambda r: fouten.append(r.url) if r.status >= 400 else None)
    page.on(
        "console", lambda bericht: fouten.append(bericht.text) if bericht.type == "error" else None
    )
    doorloop_kmar_case(page, live_server.url)
    controleer_resultaat(page, live_server.url)
    # No errors in the console: the Content-Security-Policy allows what the pages use.
    assert fouten == []
    expect(page.get_by_role("button", name="Print dit advies")).to_be_visible()
    # Back goes to the last question with the answers kept.
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Is het spoedeisend?")
    expect(page.get_by_label("In welke gemeente(n) wordt de bijstand ingezet?")).to_have_value(
        "Den Haag"
    )


def test_wijzer_werkt_zonder_javascript(
    browser: Browser, live_server: LiveServer, ingelogd_cookies: list[dict[str, str]]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies(ingelogd_cookies)  # type: ignore[arg-type]  # as a logged-in user
    page = context.new_page()
    try:
        doorloop_kmar_case(page, live_server.url)
        controleer_resultaat(page, live_server.url)
        # The print button needs JavaScript, so it stays hidden; the JSON link works.
        expect(page.get_by_role("button", name="Print dit advies")).to_be_hidden()
        page.get_by_text("Voor ICT-beheer: dit advies in een ander systeem gebruiken").click()
        page.get_by_role("link", name="Dit advies als gegevensbestand (JSON)").click()
        advies = json.loads(page.locator("body").inner_text())
        assert advies["routes"][0]["procedure"] == "3"
        assert advies["routes"][0]["grondslag"]["artikel"] == "57"
    finally:
        context.close()


def test_wijzer_zonder_inloggen_tot_het_advies(browser: Browser, live_server: LiveServer) -> None:
    """The wizard is public (issue #8, ADR 0020): no log-in, no session cookie."""
    context = browser.new_context(locale="nl-NL")  # no cookies: never logged in
    page = context.new_page()
    try:
        doorloop_kmar_case(page, live_server.url)
        controleer_resultaat(page, live_server.url)
        assert context.cookies() == []  # nothing stored: no session, no CSRF cookie
        expect(page.get_by_role("link", name="Bijstandsverzoek aanmaken")).to_have_count(0)
        page.get_by_role("link", name="Inloggen om een bijstandsverzoek te maken").click()
        expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2Fverzoeken%2Fnieuw%2F"))
    finally:
        context.close()


def test_wijziglink_brengt_terug_naar_de_vraag_met_het_antwoord(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(f"{live_server.url}{RESULTAAT}")
    page.get_by_role("link", name="Wijzig de antwoorden van stap 'Leveranciers'").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Van wie is capaciteit nodig?")
    expect(page.get_by_label(teksten.LEVERANCIER["kmar"])).to_be_checked()
    page.get_by_label(teksten.LEVERANCIER["politie"]).check()
    page.get_by_role("button", name="Terug naar het advies").click()
    # With a municipality the new provider needs no question: the advice derives whether
    # 's-Gravenhage's burgemeester is the regioburgemeester (contract, interpretation 12).
    expect(page).to_have_url(re.compile(r"/wijzer/advies/\?"))
    expect(page.get_by_role("region", name="1. Een andere eenheid van de politie")).to_contain_text(
        "'s-Gravenhage: zienswijze regioburgemeester niet van toepassing: de aanvragende "
        "burgemeester is zelf de regioburgemeester. Volgens de referentiegegevens is de "
        "burgemeester van 's-Gravenhage regioburgemeester van Den Haag."
    )


def test_printversie_zonder_menu_met_printmoment_en_adres(
    page: Page, live_server: LiveServer
) -> None:
    # 1 July 2026, 10:00 UTC is 12:00 in Amsterdam (summer time).
    page.clock.set_fixed_time("2026-07-01T10:00:00Z")
    page.goto(f"{live_server.url}{RESULTAAT}")
    page.emulate_media(media="print")
    expect(page.locator(".pb-gebruikersmenu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    regel = page.locator(".pb-printregel")
    expect(regel).to_be_visible()
    expect(regel).to_have_text(
        f"Geprint op 01-07-2026 12:00 (Nederlandse tijd) van {live_server.url}{RESULTAAT}"
    )
    page.emulate_media(media="screen")
    expect(regel).to_be_hidden()
