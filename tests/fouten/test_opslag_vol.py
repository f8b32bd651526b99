"""The disk full under the SQLite database (issue #13 item 5, ADR 0053).

A small file system needs root; SQLite's ``PRAGMA max_page_count`` makes the database full at
its current size instead, so that the next write fails with ``SQLITE_FULL`` ("database or disk
is full"), as on a full disk. Completing a step then stores nothing of it, the database stays
intact (``PRAGMA integrity_check``), a page answers 503 with a Dutch text and the API a
problem ``opslag-vol``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import OperationalError, connection

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek
from politiebijstand.web.storing import OPSLAG_VOL, database_storing
from tests.api.wijzigen import taak_etag
from tests.verzoeken.helpers import NU, STAP, gebruiker, maak_verzoek, open_taken, standaard
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")


def _pragma(sql: str) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


@pytest.fixture
def vol() -> Iterator[None]:
    """Make the database full at its present size; its old limit afterwards."""
    if connection.vendor != "sqlite":
        pytest.skip("max_page_count is SQLite's")
    oud = _pragma("PRAGMA max_page_count")
    # Use up the free pages first, so that the very next page the database needs fails.
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE vulling (x BLOB)")
        cursor.execute(
            "INSERT INTO vulling VALUES (zeroblob(?))",
            [(_pragma("PRAGMA freelist_count") + 2) * _pragma("PRAGMA page_size")],
        )
    _pragma(f"PRAGMA max_page_count = {_pragma('PRAGMA page_count')}")
    yield
    _pragma(f"PRAGMA max_page_count = {oud}")


def _stand(verzoek: Bijstandsverzoek) -> tuple[Any, ...]:
    return (
        sorted(open_taken(verzoek), key=lambda t: t.pk),
        list(Deelverzoek.objects.filter(verzoek=verzoek).values_list("run_state", flat=True)),
        AuditLogEntry.objects.count(),
        Bericht.objects.count(),
    )


def test_stap_op_volle_opslag(request: pytest.FixtureRequest) -> None:
    verzoek = maak_verzoek()
    taak = open_taken(verzoek)[0]
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    voor = _stand(verzoek)
    request.getfixturevalue("vol")

    with pytest.raises(OperationalError, match="database or disk is full") as fout:
        # A long report: the step needs new pages.
        data = {**standaard(taak), "verslag": "Verslag. " * 2000}
        services.taak_afronden(taak=taak, data=data, door=door, nu=NU + STAP)
    assert database_storing(fout.value) == OPSLAG_VOL

    assert _stand(verzoek) == voor
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert _pragma("PRAGMA integrity_check") == "ok"
    assert keten_verifieren().intact


def test_pagina_en_api_op_volle_opslag(request: pytest.FixtureRequest) -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    client.raise_request_exception = False  # as a browser sees it: Django's 500 handler
    etag = taak_etag(taak, wie)
    voor = _stand(verzoek)
    request.getfixturevalue("vol")
    verslag = "Vooroverleg gevoerd met CCB-KMar. " * 500  # the step needs new pages

    antwoord = client.post(
        f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "verslag": verslag}
    )
    assert antwoord.status_code == 503
    assert antwoord["Retry-After"] == "60"
    tekst = antwoord.content.decode()
    assert "<h1" in tekst and "De opslag is vol" in tekst
    assert "Uw wijziging is niet opgeslagen, ook niet voor een deel." in tekst

    probleem = client.post(
        f"/api/v1/taken/{taak.pk}/afronding",
        {"gegevens": {"verslag": verslag}},
        content_type="application/json",
        headers={"If-Match": etag},
    )
    assert probleem.status_code == 503
    assert probleem["Content-Type"] == "application/problem+json"
    assert probleem["Retry-After"] == "60"
    assert probleem.json() == {
        "type": "urn:politiebijstand:probleem:opslag-vol",
        "title": "De opslag is vol",
        "status": 503,
        "detail": OPSLAG_VOL.detail,
    }
    assert _stand(verzoek) == voor
    assert _pragma("PRAGMA integrity_check") == "ok"
