"""Which database errors get the 503 answer, and which code (`web.storing`, ADR 0053)."""

from __future__ import annotations

import json

from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError
from django.test import RequestFactory
from django.urls import resolve

import pytest

from politiebijstand.web.storing import (
    ONBEREIKBAAR,
    OPSLAG_VOL,
    database_storing,
    storing_response,
    wijzigt,
)


@pytest.mark.parametrize(
    ("fout", "verwacht"),
    [
        (OperationalError("database or disk is full"), OPSLAG_VOL),
        (OperationalError('could not extend file "base/1/2": No space left on device'), OPSLAG_VOL),
        (
            OperationalError(
                'connection to server on socket "/tmp/.s.PGSQL.5432" failed: '
                "Connection refused\n\tIs the server running locally?"
            ),
            ONBEREIKBAAR,
        ),
        (
            OperationalError("terminating connection due to administrator command"),
            ONBEREIKBAAR,
        ),
        (
            OperationalError(
                "server closed the connection unexpectedly\n\tThis probably means the server "
                "terminated abnormally"
            ),
            ONBEREIKBAAR,
        ),
        (InterfaceError("connection already closed"), ONBEREIKBAAR),
        (OperationalError("database is locked"), None),
        (OperationalError("no such table: verzoeken_taak"), None),
        (IntegrityError("UNIQUE constraint failed"), None),
        (DatabaseError("database or disk is full"), None),
        (ValueError("connection refused"), None),
        (None, None),
    ],
)
def test_database_storing(fout: BaseException | None, verwacht: object) -> None:
    assert database_storing(fout) is verwacht


@pytest.mark.parametrize(
    ("methode", "pad", "verwacht"),
    [
        ("post", "/api/v1/taken/7/afronding", True),
        ("post", "/verzoeken/taken/7/", True),
        ("post", "/accounts/beheer/webhooks/nieuw/", True),
        ("get", "/api/v1/taken/7", False),
        ("get", "/werkvoorraad/", False),
        ("head", "/beeld/", False),
        # The advice is public (web.publiek): a POST computes it and stores nothing.
        ("post", "/api/v1/advies", False),
        ("get", "/wijzer/", False),
    ],
)
def test_wijzigt_naar_methode_en_view(methode: str, pad: str, verwacht: bool) -> None:
    request = getattr(RequestFactory(), methode)(pad)
    request.resolver_match = resolve(pad)
    assert wijzigt(request) is verwacht


@pytest.mark.django_db  # the page's footer reads the 24/7 numbers (none when the database is out)
def test_een_wijziging_hoort_dat_ze_niet_is_opgeslagen_een_lezing_dat_er_niets_veranderde() -> None:
    factory = RequestFactory()
    schrijven = factory.post("/api/v1/taken/7/afronding")
    schrijven.resolver_match = resolve("/api/v1/taken/7/afronding")
    assert json.loads(storing_response(schrijven, ONBEREIKBAAR, "r-1").content)["detail"] == (
        "De database van het systeem is tijdelijk niet bereikbaar. Uw wijziging is niet "
        "opgeslagen. Probeer het over een minuut opnieuw."
    )
    advies = factory.post("/api/v1/advies")
    advies.resolver_match = resolve("/api/v1/advies")
    assert json.loads(storing_response(advies, ONBEREIKBAAR, "r-2").content)["detail"] == (
        "De database van het systeem is tijdelijk niet bereikbaar, daardoor kan dit nu niet "
        "worden getoond. Er is niets gewijzigd. Probeer het over een minuut opnieuw."
    )
    pagina = factory.get("/werkvoorraad/")
    pagina.resolver_match = resolve("/werkvoorraad/")
    antwoord = storing_response(pagina, OPSLAG_VOL, "r-3")
    assert antwoord.status_code == 503
    assert antwoord["Retry-After"] == "60"
    tekst = antwoord.content.decode()
    assert (
        '<p class="utrecht-paragraph">De opslag van het systeem is vol, daardoor kan dit nu '
        "niet worden getoond. Er is niets gewijzigd. De beheerders zijn gewaarschuwd; probeer "
        "het later opnieuw.</p>"
    ) in tekst
    assert "Uw wijziging" not in tekst
    assert "Verstuurde u een formulier?" not in tekst
    assert "nothing was changed. Please try again later." in tekst
    formulier = factory.post("/verzoeken/taken/7/")
    formulier.resolver_match = resolve("/verzoeken/taken/7/")
    tekst = storing_response(formulier, OPSLAG_VOL, "r-4").content.decode()
    assert "Uw wijziging is niet opgeslagen, ook niet voor een deel." in tekst
    assert "Verstuurde u een formulier?" in tekst
    assert "nothing of your change was stored. Please try again later." in tekst
