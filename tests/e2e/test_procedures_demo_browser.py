"""Procedures 3 and 9 walked to their end in chromium with the demo accounts only (issue #8).

The reference data and the demo accounts of `make run` are loaded with their management
commands. Every organisation logs in through the real log-in page with its demo account
(no second factor: `DEMO_ACCOUNTS_TOEGESTAAN`) and does its steps from its own work queue.
A step's form is filled generically (`stap_invullen`): every text field gets a "Demo: ..."
text, a yes/no question "ja", a decision the path's outcome, a checkbox is ticked. So the walk
does not depend on which fields a step asks, only on who must act, which the procedure says.

- Procedure 3 (KMar, public order): the curfew riots in Den Haag
  (docs/cases/kmar-avondklok-den-haag.json), from the wizard's advice, made by the RCCB of
  Den Haag, to the LOCC's grant.
- Procedure 9 (appeal): a procedure 1 request of the burgemeester of Amersfoort, refused by the
  korpschef in writing (copy to DGPOL); the burgemeester appeals (the RCCB may not), DGPOL
  advises, the minister grants, the korpschef informs LE-POB, which coordinates and informs
  the LOCC.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from io import StringIO
from typing import Any

from django.core.management import call_command

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.demo import DEMO_WACHTWOORD, demo_gebruikersnaam
from politiebijstand.documenten.models import Document
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND, DeelverzoekStatus
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from politiebijstand.verzoeken.services.formulier import is_ondertekentaak
from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie
from tests.conftest import DOCS
from tests.e2e.formulier import formulier_ondertekenen, pdf_downloaden

pytestmark = pytest.mark.browser

#: Fills the step's form on the page: the form that is submitted to complete it.
_INVULLEN = """
([keuzes, standaard]) => {
  const form = [...document.querySelectorAll("form.pb-form")].find(
    (f) => !f.matches(".pb-teruggeven, .pb-oppakken, .pb-overslaan"));
  if (!form) return null;
  const namen = new Set();
  for (const el of form.querySelectorAll("input, textarea, select")) {
    const soort = (el.getAttribute("type") || el.tagName).toLowerCase();
    if (["hidden", "submit", "button"].includes(soort)) continue;
    if (soort === "radio") { namen.add(el.name); continue; }
    // A refusal carries no conditions and grants no line (the decision form refuses both).
    if (standaard === "afgewezen" && /^(voorwaarden$|regel_)/.test(el.name)) continue;
    if (soort === "checkbox") { el.checked = true; continue; }
    if (el.tagName === "SELECT") {
      if (!el.value) {
        const optie = [...el.options].find((o) => o.value);
        if (optie) optie.selected = true;
      }
      continue;
    }
    if (el.value) continue;
    if (soort === "number") el.value = "1";
    else if (el.inputMode === "decimal") el.value = "12500,00";  // an amount in euro (FNIK)
    else if (soort === "datetime-local") el.value = "2026-07-01T12:00";
    else if (soort === "date") el.value = "2026-07-01";
    else el.value = "Demo: " + (el.labels[0]?.textContent.trim() || el.name);
  }
  for (const naam of namen) {
    const opties = [...form.querySelectorAll(`input[type=radio][name="${naam}"]`)];
    const waarden = opties.map((o) => o.value);
    const gewenst = keuzes[naam] ?? (waarden.includes("ja") ? "ja"
      : waarden.includes(standaard) ? standaard : waarden[0]);
    opties.forEach((o) => { o.checked = o.value === gewenst; });
  }
  return form.querySelector("button[type=submit]").textContent.trim();
}
"""


def stap_invullen(page: Page, *, besluit: str, keuzes: Mapping[str, str] | None = None) -> str:
    """Fill every field of the step's form, submit it, and return the button's text.

    Text fields get "Demo: <label>", a yes/no question "ja", a choice with `besluit` among its
    values (the decision's outcome, ``uitkomst``) that value, any other choice its first value
    or the one in `keuzes` (field name -> value), and every checkbox is ticked.
    """
    knop = page.evaluate(_INVULLEN, [dict(keuzes or {}), besluit])
    assert knop, f"geen formulier op {page.url}"
    with page.expect_navigation():
        page.locator("form.pb-form button[type=submit]", has_text=knop).first.click()
    return str(knop)


class Demo:
    """One browser context per demo account, logged in through the log-in page."""

    def __init__(self, browser: Browser, live_server: LiveServer) -> None:
        self.browser = browser
        self.url = live_server.url
        self.paginas: dict[str, Page] = {}
        self.contexts: list[BrowserContext] = []
        self.wie: list[str] = []

    def als(self, code: str, rol: str = Rol.MEDEWERKER) -> Page:
        """The page of the demo account of organisation `code` with `rol` (logs in once)."""
        naam = demo_gebruikersnaam(code, rol)
        if naam not in self.paginas:
            context = self.browser.new_context(locale="nl-NL")
            self.contexts.append(context)
            page = context.new_page()
            page.goto(f"{self.url}/accounts/login/")
            page.get_by_label("Gebruikersnaam").fill(naam)
            page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
            page.get_by_role("button", name="Inloggen").click()
            expect(page.get_by_role("link", name="Werkvoorraad")).to_be_visible()
            self.paginas[naam] = page
        return self.paginas[naam]

    def verzoek_maken(self, rccb: str, situatie: Mapping[str, Any], titel: str) -> Bijstandsverzoek:
        """The RCCB opens the wizard's advice for `situatie` and makes the request from it."""
        page = self.als(rccb)
        page.goto(f"{self.url}{resultaat_url_voor_situatie(situatie)}")
        page.get_by_role("link", name="Bijstandsverzoek aanmaken").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Bijstandsverzoek aanmaken")
        page.get_by_label("Titel").fill(titel)
        page.get_by_label("Begin van de inzet").fill("2026-07-01T18:30")
        page.get_by_label("Einde van de inzet").fill("2026-07-02T02:00")
        page.get_by_label("Locatie").fill("Demo: locatie")
        page.get_by_label("Gevraagde inzet, deel 1").fill("2 pelotons")
        page.get_by_role("button", name="Bijstandsverzoek aanmaken").click()
        expect(page.get_by_text("is aangemaakt; de eerste taken staan klaar.")).to_be_visible()
        return Bijstandsverzoek.objects.get(titel=titel)

    def lopen(
        self,
        verzoek: Bijstandsverzoek,
        *,
        besluit: str,
        keuzes: Mapping[str, str] | None = None,
        max_stappen: int = 40,
        tot: str = "",
    ) -> list[tuple[str, str]]:
        """Do the open steps (oldest first) from the work queues until none is left.

        Each step is done by the demo account of the organisation that must act (a
        besluitvormer for a decision), from its work queue. Returns (organisation, step id)
        in the order done. With `tot` (a step id), stops when that step is the next one.

        Raises:
            AssertionError: a step's form is refused (the page's errors are in the message).
        """
        gedaan: list[tuple[str, str]] = []
        for _ in range(max_stappen):
            taak = (
                Taak.objects.filter(verzoek=verzoek, status__in=TAAK_OPENSTAAND)
                .select_related("organisatie")
                .order_by("aangemaakt_op", "id")
                .first()
            )
            if taak is None or taak.bpmn_id == tot:
                return gedaan
            tekenen = is_ondertekentaak(taak)
            rol = Rol.BESLUITVORMER if taak.is_besluit or tekenen else Rol.MEDEWERKER
            page = self.als(taak.organisatie.code, rol)
            page.goto(f"{self.url}/werkvoorraad/")
            rij = page.locator("tr", has=page.get_by_text(verzoek.kenmerk, exact=True))
            rij.get_by_role("link", name=taak.naam, exact=True).first.click()
            expect(page.get_by_role("heading", level=1)).to_have_text(taak.naam)
            if tekenen:  # the authority signs the form (ADR 0033); demo accounts by password
                formulier_ondertekenen(
                    page, lambda p: p.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
                )
            else:
                stap_invullen(page, besluit=besluit, keuzes=keuzes)
            taak.refresh_from_db()
            if taak.status in TAAK_OPENSTAAND:
                fouten = page.locator(".pb-veldfout, .pb-conflict, [role=alert]").all_inner_texts()
                raise AssertionError(
                    f"stap {taak.bpmn_id} ({taak.naam}) van {taak.organisatie.code} als "
                    f"{rol} geweigerd op {page.url}: {fouten}"
                )
            gedaan.append((taak.organisatie.code, taak.bpmn_id))
        raise AssertionError(f"na {max_stappen} stappen nog niet klaar: {gedaan}")

    def sluiten(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def demo(
    browser: Browser, live_server: LiveServer, transactional_db: Any, referentiedata: None
) -> Iterator[Demo]:
    call_command("demo_accounts_laden", stdout=StringIO())
    d = Demo(browser, live_server)
    yield d
    d.sluiten()


def _casus(naam: str) -> dict[str, Any]:
    casus = json.loads((DOCS / "cases" / f"{naam}.json").read_text(encoding="utf-8"))
    return dict(casus["situatie"])


def verzoek_aan_defensie_in_een_handeling(
    demo: Demo, verzoek: Bijstandsverzoek
) -> list[tuple[str, str]]:
    """The LOCC sends the request to DJZ and DOPS-KMar, copy to the DOC: one click (#10).

    The step's one button produces the letter (PDF/A, listed on the request) and the message
    to all three; the LOCC then downloads the letter from the request page.
    """
    page = demo.als("LOCC")
    page.goto(f"{demo.url}/werkvoorraad/")
    rij = page.locator("tr", has=page.get_by_text(verzoek.kenmerk, exact=True))
    rij.get_by_role("link", name=re.compile("^Verzoek aan Defensie versturen")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verzoek aan Defensie versturen (DJZ, DOPS-KMar, afschrift DOC)"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Stap afronden").click()
    taak = Taak.objects.get(verzoek=verzoek, bpmn_id="taak_verzoek_defensie")
    assert taak.status == "afgerond"
    brief = Document.objects.get(verzoek=verzoek, soort="verzoek_defensie")
    bericht = Bericht.objects.get(
        soort="stap-afgerond", object_type="verzoeken.taak", object_id=str(taak.pk)
    )
    assert sorted(o.code for o in bericht.ontvangers.all()) == ["DJZ", "DOC", "DOPS-KMAR"]

    page.goto(f"{demo.url}/verzoeken/{verzoek.uuid}/")
    link = page.get_by_role("link", name=re.compile(r"^Verzoek aan Defensie .*\(PDF\)$"))
    naam, inhoud = pdf_downloaden(page, link)
    assert (naam, inhoud[:5]) == ("verzoek_defensie-1-v1.pdf", b"%PDF-")
    assert hashlib.sha256(inhoud).hexdigest() == brief.sha256
    return [("LOCC", "taak_verzoek_defensie")]


def test_procedure_3_kmar_avondklok_den_haag_tot_de_toekenning(demo: Demo) -> None:
    verzoek = demo.verzoek_maken(
        "RCCB-DH", _casus("kmar-avondklok-den-haag"), "KMar bij de avondklokrellen"
    )
    assert (verzoek.rccb.code, verzoek.bevoegd_gezag.code) == ("RCCB-DH", "GM0518")
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.procedure_id == "3"

    gedaan = demo.lopen(verzoek, besluit="toegekend", tot="taak_verzoek_defensie")
    gedaan += verzoek_aan_defensie_in_een_handeling(demo, verzoek)
    gedaan += demo.lopen(verzoek, besluit="toegekend")

    deel.refresh_from_db()
    assert (deel.status, deel.run_afgerond) == (DeelverzoekStatus.TOEGEKEND, True)
    organisaties = {code for code, _ in gedaan}
    assert {"RCCB-DH", "GM0518", "LOCC", "DJZ", "C-KMAR"} <= organisaties
    assert gedaan[-2:] == [("LOCC", "taak_besluit_locc"), ("LOCC", "taak_rccb_informeren")]
    page = demo.als("RCCB-DH")
    page.goto(f"{demo.url}/verzoeken/{verzoek.uuid}/")
    expect(page.locator(".pb-deel").first).to_contain_text("Status: Toegekend")
    expect(page.locator(".pb-besluit").first).to_contain_text("Toegekend")
    expect(page.locator(".pb-huidig")).to_have_count(0)


def test_procedure_9_beroep_na_afwijzing_door_de_korpschef_tot_het_einde(demo: Demo) -> None:
    situatie = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "spoed": False,
        "gemeenten": ["Amersfoort"],
        "aanvrager_is_regioburgemeester": False,
        "gevraagd": [{"leverancier": "politie"}],
    }
    verzoek = demo.verzoek_maken("RCCB-MN", situatie, "ME bij de kermis in Amersfoort")
    assert verzoek.bevoegd_gezag.code == "GM0307"
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.procedure_id == "1"

    # Procedure 1 to the korpschef's refusal.
    gedaan = demo.lopen(verzoek, besluit="afgewezen")
    assert gedaan == [
        ("RCCB-MN", "taak_contact_le_pob"),
        ("RCCB-MN", "taak_aanvraagformulier_opstellen"),
        ("GM0344", "taak_zienswijze_regioburgemeester"),
        ("GM0307", "taak_verzoek_indienen"),
        ("RCCB-MN", "taak_aanvraagformulier_verzenden"),
        ("KORPSCHEF", "taak_besluit_korpschef"),
        ("KORPSCHEF", "taak_afwijzing_schriftelijk"),
    ]
    deel.refresh_from_db()
    assert deel.status == DeelverzoekStatus.AFGEWEZEN

    # The burgemeester of Amersfoort appeals from the request page (the RCCB may not).
    rccb = demo.als("RCCB-MN")
    rccb.goto(f"{demo.url}/verzoeken/{verzoek.uuid}/")
    expect(rccb.get_by_role("heading", level=1)).to_contain_text(verzoek.kenmerk)
    expect(rccb.get_by_role("link", name="Beroep instellen bij de minister")).to_have_count(0)
    burgemeester = demo.als("GM0307", Rol.BESLUITVORMER)
    burgemeester.goto(f"{demo.url}/verzoeken/{verzoek.uuid}/")
    burgemeester.get_by_role("link", name="Beroep instellen bij de minister").click()
    burgemeester.wait_for_url("**/beroep/")
    assert stap_invullen(burgemeester, besluit="toegekend") == "Beroep instellen"
    expect(burgemeester.get_by_text("Het beroep is ingesteld")).to_be_visible()

    # Procedure 9, and what follows the minister's instruction, to its end.
    gedaan = demo.lopen(verzoek, besluit="toegekend")
    beroep = Deelverzoek.objects.get(verzoek=verzoek, beroep_op=deel)
    assert (beroep.procedure_id, beroep.status, beroep.run_afgerond) == (
        "9",
        DeelverzoekStatus.TOEGEKEND,
        True,
    )
    assert gedaan == [
        ("DGPOL", "taak_advies_dgpol"),
        ("MINISTER-JENV", "taak_besluit_minister"),
        ("KORPSCHEF", "taak_le_pob_informeren"),
        ("LE-POB", "taak_bijstand_coordineren"),
        ("LE-POB", "taak_locc_informeren"),
    ]
    page = demo.als("GM0307")
    page.goto(f"{demo.url}/verzoeken/{verzoek.uuid}/")
    beroep_blok = page.locator(f".pb-deel[data-deel='{beroep.volgnummer}']")
    expect(beroep_blok).to_contain_text("Status: Toegekend (beroep tegen een eerder besluit)")
    expect(beroep_blok.locator(".pb-besluit")).to_contain_text("Toegekend")
    expect(page.locator(".pb-huidig")).to_have_count(0)
