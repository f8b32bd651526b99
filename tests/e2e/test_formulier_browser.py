"""The request form in chromium: type, lose the session, log in, find the draft, sign (#10).

The burgemeester of Utrecht opens the form of a KMar request (procedure 3), types; the autosave
stores it. The session is lost (cookies cleared): the next autosave gets 401 and the page keeps
the text and says until when the draft is kept. After logging in again with password and TOTP,
the draft is there; signing asks for a fresh TOTP code, then the version is signed in the
burgemeester's own capacity and the signing step is done.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import timedelta
from typing import Any

from django.conf import settings

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.accounts.constants import Rol
from politiebijstand.documenten.models import Document
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import FormulierVersie, Taak
from politiebijstand.verzoeken.services.formulier import is_ondertekentaak
from tests.accounts.factories import WACHTWOORD
from tests.accounts.helpers import totp_code, totp_code_met_marge, tweede_factor_instellen
from tests.documenten.pdf import tekst
from tests.e2e.formulier import pdf_downloaden
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek, open_taken, stap_uitvoeren

pytestmark = pytest.mark.browser


def _volgende_code(secret: str) -> str:
    """A code of the next TOTP period (a code is accepted only once)."""
    periode = int(getattr(settings, "MFA_TOTP_PERIOD", 30))
    time.sleep(periode - time.time() % periode + 0.2)
    return totp_code(secret)


def _inloggen(page: Page, url: str, username: str, code: str) -> None:
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Inloggen").click()


def test_concept_overleeft_verlopen_sessie_en_ondertekenen_met_tweede_factor(
    browser: Browser, live_server: LiveServer, transactional_db: Any, referentiedata: None
) -> None:
    url = live_server.url
    verzoek = maak_verzoek()
    for _ in range(10):
        taken = open_taken(verzoek)
        if any(is_ondertekentaak(t) for t in taken):
            break
        stap_uitvoeren(taken[0], None, NU + timedelta(minutes=5))
    taak = next(t for t in open_taken(verzoek) if is_ondertekentaak(t))
    burgemeester = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    burgemeester.set_password(WACHTWOORD)
    burgemeester.save()
    secret, _ = tweede_factor_instellen(burgemeester)
    gemeente = taak.gemeente.code if taak.gemeente else "-"
    formulier_url = (
        f"{url}/verzoeken/{verzoek.uuid}/delen/{taak.deelverzoek.volgnummer}/formulier/{gemeente}/"
    )

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(formulier_url)
    _inloggen(page, url, burgemeester.username, totp_code_met_marge(secret))
    page.goto(formulier_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanvraagformulier")

    page.get_by_label("Meldplaats").fill("Jaarbeurs, hal 1")
    expect(page.locator("#concept-status")).to_contain_text("Concept bewaard om", timeout=15000)

    context.clear_cookies(name=settings.SESSION_COOKIE_NAME)  # the session, not the CSRF token
    page.get_by_label("Te verrichten taken").fill("Afzetten en begeleiden")
    melding = page.locator("#sessie-verlopen")
    expect(melding).to_contain_text("Sessie verlopen, log opnieuw in; uw concept is tot")
    expect(page.get_by_label("Te verrichten taken")).to_have_value("Afzetten en begeleiden")

    page.goto(formulier_url)
    _inloggen(page, url, burgemeester.username, _volgende_code(secret))
    page.goto(formulier_url)
    expect(page.get_by_label("Meldplaats")).to_have_value("Jaarbeurs, hal 1")

    velden = {
        "Ondertekenaar (naam en functie)": "Burgemeester van Utrecht",
        "Te verrichten taken": "Afzetten en begeleiden",
        "Meldtijd": "2026-03-04T08:00",
        "Commandovoering en verbinding": "SGBO Utrecht",
        "Logistiek en uitrusting": "Eigen uitrusting",
        "Kosten (FNIK)": "Volgens het FNIK",
        "Contactpersoon ter plaatse, 24 uur per dag bereikbaar": "OvD, 088-1234567",
        "Gewenst effect": "Ordelijk verloop",
        "Aanleiding": "Demonstratie",
    }
    for label, waarde in velden.items():
        page.get_by_label(label).fill(waarde)
    page.get_by_label("Worden politiebevoegdheden uitgeoefend?").select_option("ja")
    page.get_by_label("Wordt geweldgebruik verwacht?").select_option("nee")
    page.get_by_role("button", name="Ondertekenen (met tweede factor)").click()
    page.get_by_label("Code").fill(_volgende_code(secret))
    page.get_by_role("button", name=re.compile("Bevestig|Confirm")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanvraagformulier")
    page.get_by_role("button", name="Ondertekenen (met tweede factor)").click()
    expect(page.locator("[data-versie='1']")).to_contain_text("ondertekend door")

    versie = FormulierVersie.objects.get()
    assert (versie.ondertekend_door, versie.hoedanigheid) == (
        burgemeester,
        "De burgemeester van Utrecht",
    )
    assert Taak.objects.get(pk=taak.pk).status == TaakStatus.AFGEROND

    # The signed form is a PDF on the request's page, downloaded by its signer.
    document = Document.objects.get(verzoek=verzoek, soort="aanvraagformulier")
    page.goto(f"{url}/verzoeken/{verzoek.uuid}/")
    naam, inhoud = pdf_downloaden(
        page, page.get_by_role("link", name="Aanvraagformulier — Utrecht, deel 1, versie 1 (PDF)")
    )
    assert naam == "aanvraagformulier-1_GM0344-v1.pdf"
    assert hashlib.sha256(inhoud).hexdigest() == document.sha256
    assert "Meldplaats Jaarbeurs, hal 1" in tekst(inhoud)
    assert "Afzetten en begeleiden" in tekst(inhoud)
    context.close()
