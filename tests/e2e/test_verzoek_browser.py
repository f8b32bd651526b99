"""A request made from the wizard's advice and walked through procedure 1 in chromium (#4).

The RCCB of Midden-Nederland logs in with password and TOTP, opens the advice for assistance by
another unit for public order in Veenendaal, and makes the request. Then every organisation of
procedure 1 does its step from its own work queue, in the factsheet's order (toelichting 1):
the RCCB contacts LE-POB and draws up the form, the regioburgemeester (Utrecht) gives the
zienswijze, the burgemeester of Veenendaal submits, the RCCB sends the form, the korpschef
decides, LE-POB coordinates and informs the LOCC. The decision shows on the request page,
whose BPMN diagram bpmn-js draws with the bpmn.io watermark, without any CSP violation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.verzoeken.constants import DeelverzoekStatus
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie
from tests.accounts.factories import WACHTWOORD
from tests.accounts.helpers import totp_code_met_marge, tweede_factor_instellen
from tests.e2e.formulier import formulier_ondertekenen
from tests.verzoeken.helpers import gebruiker, situatie

pytestmark = pytest.mark.browser


class Kijker:
    """Browser contexts per organisation, each logged in as its own user; collects CSP errors."""

    def __init__(self, browser: Browser, live_server: LiveServer) -> None:
        self.browser = browser
        self.url = live_server.url
        self.contexts: list[BrowserContext] = []
        self.csp_fouten: list[str] = []

    def pagina(self, context: BrowserContext) -> Page:
        page = context.new_page()
        page.on(
            "console",
            lambda bericht: (
                self.csp_fouten.append(bericht.text)
                if "Content Security Policy" in bericht.text
                else None
            ),
        )
        return page

    def als(self, wie: Gebruiker) -> Page:
        """A page logged in as `wie` (session cookie of a log-in made on the server)."""
        client = Client()
        client.force_login(wie)
        sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context = self.browser.new_context(locale="nl-NL")
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": self.url}]
        )
        self.contexts.append(context)
        return self.pagina(context)

    def sluiten(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def kijker(browser: Browser, live_server: LiveServer) -> Iterator[Kijker]:
    k = Kijker(browser, live_server)
    yield k
    k.sluiten()


def _stap(page: Page, url: str, naam: str, verslag: str) -> None:
    """Do the step `naam` from the work queue of the page's organisation, with a report."""
    page.goto(f"{url}/werkvoorraad/")
    page.get_by_role("link", name=naam, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(naam)
    expect(page.get_by_role("heading", name="Wat deze stap is (factsheet)")).to_be_visible()
    page.get_by_label("Verslag").fill(verslag)
    page.get_by_role("button", name="Stap afronden").click()
    expect(page.get_by_text(f"Stap '{naam}' van")).to_be_visible()


def test_verzoek_uit_de_wijzer_door_procedure_1_tot_het_besluit(
    kijker: Kijker, live_server: LiveServer, transactional_db: Any, referentiedata: None
) -> None:
    url = live_server.url
    rccb = gebruiker("RCCB-MN")
    secret, _ = tweede_factor_instellen(rccb)
    rccb.set_password(WACHTWOORD)
    rccb.save()
    wie: dict[str, Gebruiker] = {
        "regioburgemeester": gebruiker("GM0344"),
        "burgemeester": gebruiker("GM0345", Rol.BESLUITVORMER),
        "korpschef": gebruiker("KORPSCHEF", Rol.BESLUITVORMER),
        "le-pob": gebruiker("LE-POB"),
    }
    geheimen = {naam: tweede_factor_instellen(g)[0] for naam, g in wie.items()}

    # The RCCB logs in with password and TOTP.
    context = kijker.browser.new_context(locale="nl-NL")
    kijker.contexts.append(context)
    page = kijker.pagina(context)
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(rccb.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(totp_code_met_marge(secret))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Werkvoorraad")).to_be_visible()

    # The advice, and the request made from it.
    advies = resultaat_url_voor_situatie(
        situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}])
    )
    page.goto(f"{url}{advies}")
    page.get_by_role("link", name="Bijstandsverzoek aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijstandsverzoek aanmaken")
    page.get_by_label("Titel").fill("Jaarmarkt Veenendaal")
    page.get_by_label("Begin van de inzet").fill("2026-07-01T18:30")
    page.get_by_label("Einde van de inzet").fill("2026-07-01T23:00")
    page.get_by_label("Locatie").fill("Markt, Veenendaal")
    page.get_by_label("Gevraagde inzet, deel 1").fill("2 ME-pelotons")
    page.get_by_role("button", name="Bijstandsverzoek aanmaken").click()
    expect(page.get_by_text("is aangemaakt; de eerste taken staan klaar.")).to_be_visible()
    verzoek = Bijstandsverzoek.objects.get()
    assert urlsplit(page.url).path == f"/verzoeken/{verzoek.uuid}/"
    assert verzoek.bevoegd_gezag.code == "GM0345"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{verzoek.kenmerk}: Jaarmarkt Veenendaal"
    )

    # Procedure 1, step by step, from the work queue of each organisation.
    _stap(page, url, "Contact met LE-POB", "LE-POB gebeld, capaciteit besproken.")
    _stap(page, url, "Aanvraagformulier opstellen", "Formulier opgesteld.")
    regio = kijker.als(wie["regioburgemeester"])
    # One form per municipality (ADR 0031): each task names its municipality.
    _stap(regio, url, "Zienswijze geven — Veenendaal", "Geen bezwaar.")
    burgemeester = kijker.als(wie["burgemeester"])
    # The burgemeester signs the form with a fresh TOTP code; that completes the step.
    burgemeester.goto(f"{url}/werkvoorraad/")
    # A task per municipality names it ("... — Veenendaal", ADR 0031).
    burgemeester.get_by_role("link", name=re.compile("^Verzoek indienen bij de korpschef")).click()
    formulier_ondertekenen(
        burgemeester,
        lambda p: p.get_by_label("Code").fill(totp_code_met_marge(geheimen["burgemeester"])),
    )
    _stap(page, url, "Aanvraagformulier verzenden", "Per e-mail aan LE-POB verzonden.")

    korpschef = kijker.als(wie["korpschef"])
    korpschef.goto(f"{url}/werkvoorraad/")
    besluit = Taak.objects.get(verzoek=verzoek, is_besluit=True)
    korpschef.get_by_role("link", name=besluit.naam, exact=True).click()
    expect(korpschef.get_by_text("namens de korpschef van politie")).to_be_visible()
    korpschef.get_by_label("Toegekend", exact=True).check()
    korpschef.get_by_label("Motivering").fill("Capaciteit van Oost-Nederland beschikbaar.")
    korpschef.get_by_role("button", name="Besluit vastleggen").click()
    expect(korpschef.get_by_text(f"Stap '{besluit.naam}' van")).to_be_visible()

    le_pob = kijker.als(wie["le-pob"])
    _stap(le_pob, url, "Bijstand coördineren", "RCCB Oost-Nederland levert twee pelotons.")
    _stap(le_pob, url, "LOCC informeren", "LOCC per e-mail geïnformeerd.")

    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert (deel.status, deel.run_afgerond) == (DeelverzoekStatus.TOEGEKEND, True)
    organisaties = list(
        Taak.objects.filter(verzoek=verzoek)
        .order_by("afgerond_op", "id")
        .values_list("organisatie__code", flat=True)
    )
    assert organisaties == [
        "RCCB-MN",
        "RCCB-MN",
        "GM0344",
        "GM0345",
        "RCCB-MN",
        "KORPSCHEF",
        "LE-POB",
        "LE-POB",
    ]

    # The decision on the request page, with the diagram drawn by bpmn-js.
    page.goto(f"{url}/verzoeken/{verzoek.uuid}/")
    besluit_blok = page.locator(".pb-besluit")
    expect(besluit_blok).to_contain_text("Toegekend, namens de korpschef van politie")
    expect(besluit_blok).to_contain_text("Capaciteit van Oost-Nederland beschikbaar.")
    expect(besluit_blok).to_contain_text("2 ME-pelotons: toegekend (2)")
    diagram = page.locator(".pb-diagram")
    expect(diagram).to_have_attribute("data-getekend", "ja", timeout=15000)
    expect(diagram.locator(".pb-stap-afgerond").first).to_be_visible()
    expect(diagram.locator(".bjs-powered-by")).to_be_visible()
    assert kijker.csp_fouten == []
