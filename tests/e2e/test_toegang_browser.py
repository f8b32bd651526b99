"""Need-to-know in chromium: log in with a second factor, see only your own organisation (#3).

Two requests of two units exist: Midden-Nederland's (RCCB-MN, for Utrecht) and Amsterdam's
(RCCB-AM). A medewerker of the RCCB of Midden-Nederland logs in with password and TOTP (the code
computed here from the account's secret), sees only Midden-Nederland's request in the list and
in the work queue, and gets the "Niet gevonden" page for Amsterdam's request, the same page as
for a request that does not exist.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.audit.models import AuditLogEntry
from tests.accounts.factories import WACHTWOORD
from tests.accounts.helpers import totp_code_met_marge, tweede_factor_instellen
from tests.verzoeken.helpers import (
    gebruiker,
    maak_verzoek,
    maak_verzoek_amsterdam,
)

pytestmark = pytest.mark.browser


def test_rccb_ziet_na_inloggen_met_totp_alleen_de_verzoeken_van_de_eigen_eenheid(
    browser: Browser, live_server: LiveServer, transactional_db: Any, referentiedata: None
) -> None:
    url = live_server.url
    eigen = maak_verzoek()  # Midden-Nederland
    ander = maak_verzoek_amsterdam()  # Amsterdam
    wie = gebruiker("RCCB-MN")
    secret, _ = tweede_factor_instellen(wie)

    context = browser.new_context(locale="nl-NL")  # not logged in
    page = context.new_page()
    try:
        # Log in: password, then the second factor.
        page.goto(f"{url}/verzoeken/")
        expect(page).to_have_url(f"{url}/accounts/login/?next=/verzoeken/")
        page.get_by_label("Gebruikersnaam").fill(wie.username)
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        expect(page).to_have_url(f"{url}/accounts/2fa/authenticate/")
        page.get_by_label("Code").fill(totp_code_met_marge(secret))
        page.get_by_role("button", name="Inloggen").click()

        # The request list: only the own unit's request.
        expect(page).to_have_url(f"{url}/verzoeken/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bijstandsverzoeken")
        expect(page.get_by_role("link", name=eigen.kenmerk, exact=True)).to_be_visible()
        expect(page.get_by_text("Versterking openbare orde Utrecht")).to_be_visible()
        expect(page.get_by_role("link", name=ander.kenmerk)).to_have_count(0)
        expect(page.get_by_text("Voetbalwedstrijd Amsterdam")).to_have_count(0)

        # The work queue: only the own organisation's task, of the own unit's request.
        page.get_by_role("link", name="Werkvoorraad").click()
        expect(page).to_have_url(f"{url}/werkvoorraad/")
        expect(page.get_by_role("link", name=eigen.kenmerk, exact=True)).to_be_visible()
        expect(
            page.get_by_role("link", name="Lokaal operationeel vooroverleg met CCB-KMar")
        ).to_have_count(1)
        expect(page.get_by_role("link", name=ander.kenmerk)).to_have_count(0)
        expect(page.get_by_text("Voetbalwedstrijd Amsterdam")).to_have_count(0)

        # The other unit's request: 404, the same page as for a request that does not exist.
        response = page.goto(f"{url}/verzoeken/{ander.uuid}/")
        assert response is not None
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
        expect(page.get_by_text("Voetbalwedstrijd Amsterdam")).to_have_count(0)
        onbekend = page.goto(f"{url}/verzoeken/{uuid.uuid4()}/")
        assert onbekend is not None
        assert onbekend.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Niet gevonden")

        # The own request opens, and that view is logged.
        page.get_by_role("link", name="Naar de bijstandsverzoeken van uw organisatie").click()
        page.get_by_role("link", name=eigen.kenmerk, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(eigen.kenmerk)
    finally:
        context.close()
    bekeken = AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken")
    assert list(bekeken.values_list("actor_id", "object_id")) == [(wie.pk, str(eigen.pk))]
    assert AuditLogEntry.objects.filter(gebeurtenis="gebruiker-ingelogd", actor=wie).count() == 1
