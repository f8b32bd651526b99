"""Browser helpers: sign a signing step's request form (ADR 0033); download a document."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin

from playwright.sync_api import Locator, Page, expect

#: Fill every empty field of the request form: texts "Demo: <label>", yes/no "ja", moments
#: the start of the deployment.
_INVULLEN = """() => {
  const form = document.getElementById("aanvraagformulier");
  const start = form.querySelector("[name=periode_start]").value;
  for (const veld of form.querySelectorAll("textarea, select, input[type=datetime-local]")) {
    if (veld.value) continue;
    if (veld.name.startsWith("zienswijze")) continue;
    if (veld.tagName === "SELECT") { veld.value = "ja"; continue; }
    if (veld.type === "datetime-local") { veld.value = start; continue; }
    const label = form.querySelector(`label[for="${veld.id}"]`);
    veld.value = "Demo: " + (label ? label.textContent.trim() : veld.name);
  }
  const ziens = form.querySelector("[name=zienswijze_inhoud]");
  if (ziens && !ziens.value) {
    form.querySelector("[name=zienswijze_niet_nodig]").value = "Demo: niet nodig";
  }
  const aantal = form.querySelector("[name=regel_aantal]");
  if (aantal && !aantal.value) {
    form.querySelector("[name=regel_omschrijving]").value = "Demo: peloton";
    aantal.value = "1";
  }
}"""


def formulier_ondertekenen(page: Page, herauthenticeren: Callable[[Page], None]) -> None:
    """On a signing step's page: open the form, fill it, sign, re-authenticate, sign.

    `herauthenticeren` answers allauth's re-authentication page (password or TOTP code).
    """
    page.get_by_role("link", name="Open het aanvraagformulier").click()
    # The step's own heading may name the form too: wait for the form itself.
    expect(page.locator("#aanvraagformulier")).to_be_attached()
    page.evaluate(_INVULLEN)
    knop = page.get_by_role("button", name="Ondertekenen (met tweede factor)")
    knop.click()
    if "reauthenticate" in page.url:
        herauthenticeren(page)
        page.get_by_role("button", name=re.compile("Bevestig|Confirm")).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Aanvraagformulier")
        knop.click()
    expect(page.locator("[data-versie]").last).to_contain_text("ondertekend door")


def pdf_downloaden(page: Page, link: Locator) -> tuple[str, bytes]:
    """Download a document link's PDF in the page's session: its file name and its bytes.

    The link must be a download link (``download`` attribute). Debian's headless chromium
    emits no download event here, so the file is fetched with the browser context's request
    API: the same cookies, session, second factor and need-to-know as a click.
    """
    assert link.get_attribute("download") is not None
    href = link.get_attribute("href")
    assert href
    response = page.request.get(urljoin(page.url, href))
    assert response.status == 200, response.status
    assert response.headers["content-type"] == "application/pdf"
    gevonden = re.search(r'attachment; filename="([^"]+)"', response.headers["content-disposition"])
    assert gevonden, response.headers["content-disposition"]
    return gevonden.group(1), response.body()
