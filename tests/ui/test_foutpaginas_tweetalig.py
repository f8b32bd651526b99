"""Every error page is Dutch with English second, in the site's layout, without a traceback.

Issue #9 item 6. Each page is reached the way a user reaches it, not rendered directly.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.test import Client, override_settings

import pytest

from tests.accounts.factories import maak_gebruiker

pytestmark = pytest.mark.usefixtures("referentiedata")

THEMA = f'href="/static/{settings.THEME_CSS}"'
ALGEMEEN_ENGELS = (
    "In English: your request could not be completed. Please try again later; if the problem "
    "persists, contact the administrator of your organisation."
)


def tekst(response: Any) -> str:
    return html.unescape(response.content.decode())


def controleer(response: Any, status: int, kop: str, engels: str) -> None:
    """The page: `status`, the Dutch heading `kop`, then `engels`, in the site's layout."""
    assert response.status_code == status
    body = tekst(response)
    assert f'<h1 class="utrecht-heading-1">{kop}</h1>' in body
    assert f'<p class="utrecht-paragraph" lang="en">{engels}</p>' in body
    assert body.index(kop) < body.index(engels)
    assert '<html lang="nl"' in body
    assert THEMA in body
    assert "Traceback" not in body
    assert "Spoed? Bel 24 uur per dag" in body


def test_400_onbekende_host() -> None:
    response = Client(HTTP_HOST="elders.example").get("/wijzer/")
    controleer(
        response,
        400,
        "Deze aanvraag kan het systeem niet verwerken",
        "In English: bad request. The address or form contains something the system cannot "
        "process, for example a link that was not copied completely or was edited by hand. "
        "Nothing was saved.",
    )


def test_403_geen_toegang(client: Client) -> None:
    controleer(
        client.get("/accounts/beheer/"),
        403,
        "Geen toegang",
        "In English: access denied. You have no access to this page or action; ask the "
        "administrator of your organisation for the right role if you need it for your work.",
    )


def test_403_csrf() -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker("RCCB-MN", "medewerker"))
    controleer(
        client.post("/accounts/logout/"),
        403,
        "Het formulier is verlopen",
        "In English: the form has expired. For security reasons it was not processed and "
        "nothing was saved; reload the page (log in again if needed) and submit the form again.",
    )


def test_404(client: Client) -> None:
    controleer(
        client.get("/bestaat-niet/"),
        404,
        "Niet gevonden",
        "In English: page not found. This page does not exist, or your organisation has no "
        "access to it.",
    )


def test_405(client: Client) -> None:
    controleer(
        client.post("/wijzer/advies/?taak=openbare_orde"),
        405,
        "Deze handeling kan hier niet",
        "In English: this action is not possible here. The page exists, but not for this "
        "action (POST); nothing was saved. Open the page again and use its own buttons.",
    )


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_413(client: Client) -> None:
    controleer(
        client.post("/verzoeken/nieuw/", {"titel": "x" * 2048}),
        413,
        "Het formulier is te groot",
        "In English: the form is too large. It was not processed and nothing was saved; "
        "shorten the text and submit it again.",
    )


@override_settings(PUBLIEK_LIMIET_AANTAL=1, PUBLIEK_LIMIET_SECONDEN=60)
def test_429() -> None:
    anoniem = Client()
    assert anoniem.get("/regels/").status_code == 200
    response = anoniem.get("/regels/")
    wacht = int(response["Retry-After"])
    controleer(
        response,
        429,
        "Even wachten: te veel verzoeken",
        f"In English: too many requests. Nothing was saved; please try again in {wacht} seconds.",
    )


@override_settings(ROOT_URLCONF="tests.ui.urls_fout")
def test_500_zonder_details_van_de_fout(client_als: Callable[..., Client]) -> None:
    client = client_als()
    client.raise_request_exception = False
    response = client.get("/stuk/")
    controleer(
        response,
        500,
        "Er ging iets mis in het systeem",
        "In English: a system error stopped your request. It has been logged for the "
        "administrators; quote the error number when you contact them.",
    )
    assert "geheime details van de fout" not in tekst(response)
    assert "RuntimeError" not in tekst(response)
