"""Browser helper: sign a signing step's request form from its step page (ADR 0033)."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

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
