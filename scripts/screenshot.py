#!/usr/bin/env python3
"""Screenshots of the product for the README (issues #2 and #4).

Starts the product on a throw-away SQLite database (migrate, reference data, demo accounts and
demo requests, as `make run` does; runserver on a free port of 127.0.0.1), logs in as the demo
account of the RCCB of Midden-Nederland (every page needs a log-in; demo accounts have no
second factor), walks the wizard in Debian's chromium with Playwright for the case
docs/cases/kmar-avondklok-den-haag.json, and writes

    docs/img/wijzer-vraag.png      a question page (the providers, multi-select)
    docs/img/wijzer-resultaat.png  the result page (the top of the advice)
    docs/img/werkvoorraad.png      the RCCB's work queue
    docs/img/verzoek.png           a demo request's part: current step and BPMN diagram

Run from the repository: ``.venv/bin/python scripts/screenshot.py [--full-page]``.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, ViewportSize, sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
VIEWPORT: ViewportSize = {"width": 1200, "height": 1000}
DEMO_ACCOUNT = "demo-rccb-mn-medewerker"
DEMO_WACHTWOORD = "demo-bijstand"  # politiebijstand.accounts.demo; refused in production
DEMO_VERZOEK = "Demo: Demonstratie en tegendemonstratie Jaarbeursplein"  # procedure 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start within {seconds} s")


def log_in(page: Page, base: str) -> None:
    """Log in with the demo account of the RCCB Midden-Nederland (no second factor)."""
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(DEMO_ACCOUNT)
    page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Werkvoorraad").wait_for()


def walk_kmar_case(page: Page, base: str) -> None:
    """Answer the wizard's questions for the KMar curfew case (Den Haag, January 2021)."""
    page.goto(f"{base}/wijzer/")
    page.get_by_role("link", name="Start de wijzer").click()
    page.get_by_label("Handhaving van de openbare orde").check()
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Nee").check()
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("De Koninklijke Marechaussee (KMar)").check()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full-page", action="store_true", help="the whole result page")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "politiebijstand.conf.dev",
            "PB_DATA_DIR": data_dir,
        }
        env.pop("PB_DATABASE_URL", None)
        manage = [str(REPO / ".venv" / "bin" / "politiebijstand"), "manage"]
        for command in (
            ["migrate", "--noinput"],
            ["referentiedata_laden"],
            ["gebieden_laden"],
            ["demo_accounts_laden"],
            ["demo_verzoeken_laden"],
        ):
            subprocess.run(  # noqa: S603 - fixed arguments
                [*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL
            )
        server = subprocess.Popen(  # noqa: S603 - fixed arguments
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(f"{base}/wijzer/")
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--headless", "--no-sandbox", "--disable-gpu"],
                )
                page = browser.new_page(viewport=VIEWPORT, locale="nl-NL")
                log_in(page, base)
                walk_kmar_case(page, base)
                page.mouse.move(0, 0)
                page.screenshot(path=str(OUT / "wijzer-vraag.png"), animations="disabled")
                page.get_by_role("button", name="Volgende").click()
                page.get_by_role("group", name="Is het spoedeisend?").get_by_label("Nee").check()
                page.get_by_label("In welke gemeente(n)").fill("Den Haag")
                page.get_by_role("group", name="Is de bijstand vooraf").get_by_label("Ja").check()
                page.get_by_role("button", name="Volgende").click()
                page.wait_for_url("**/wijzer/advies/**")
                page.get_by_role("heading", name="Advies: bijstand aan de politie").wait_for()
                page.screenshot(path=str(OUT / "wijzer-resultaat.png"), full_page=args.full_page)
                print(f"result page: {page.url}")
                page.goto(f"{base}/werkvoorraad/")
                page.mouse.move(0, 0)
                page.screenshot(path=str(OUT / "werkvoorraad.png"), full_page=True)
                page.goto(f"{base}/verzoeken/")
                page.get_by_role("row", name=DEMO_VERZOEK).get_by_role("link").first.click()
                page.get_by_role("heading", level=1, name=DEMO_VERZOEK).wait_for()
                page.locator(".pb-diagram[data-getekend='ja']").first.wait_for(timeout=15000)
                page.mouse.move(0, 0)
                # The part with its diagram; the diagram is wider than the part's box.
                deel = page.locator(".pb-deel").first.bounding_box()
                figuur = page.locator(".pb-diagram-figuur").first.bounding_box()
                if deel is None or figuur is None:
                    raise SystemExit("the request page shows no part with a diagram")
                links = min(deel["x"], figuur["x"])
                rechts = max(deel["x"] + deel["width"], figuur["x"] + figuur["width"])
                page.screenshot(
                    path=str(OUT / "verzoek.png"),
                    full_page=True,
                    clip={
                        "x": links,
                        "y": deel["y"],
                        "width": rechts - links,
                        "height": deel["height"],
                    },
                )
                print(f"request page: {page.url}")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    for name in ("wijzer-vraag.png", "wijzer-resultaat.png", "werkvoorraad.png", "verzoek.png"):
        print(f"wrote {(OUT / name).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
