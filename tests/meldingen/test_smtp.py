"""Delivery over real SMTP on loopback: server down, worker killed (issue #10, ADR 0034).

The receiving server is aiosmtpd on 127.0.0.1 with the product's catcher (`Mailvanger`),
which stores each Message-ID once, as a receiver that deduplicates does.

What is guaranteed (ADR 0034): every Bericht is delivered at least once (a row stays wachtend
until the server has answered 250 and the row is marked sent, and a dead worker's lease
expires); every attempt of a Bericht carries the same Message-ID. A worker killed between the
server's 250 and marking the row sent makes the next run send it again: the server then sees
that Message-ID twice, and a receiver that deduplicates on Message-ID (the catcher) keeps it
once. Exactly-once holds per Message-ID at such a receiver, not per SMTP transaction.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection

import pytest
from aiosmtpd.controller import Controller

from politiebijstand.meldingen.mailvanger import Mailvanger
from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.meldingen.services import bericht_schrijven, berichten_versturen
from tests.accounts.factories import maak_organisatie

pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def schrijf_berichten(aantal: int) -> list[Bericht]:
    locc = maak_organisatie("LOCC", mailbox="locc@demo.politiebijstand.test")
    djz = maak_organisatie("DJZ", mailbox="djz@demo.politiebijstand.test")
    berichten = [
        bericht_schrijven(
            soort="taak-klaargezet",
            ontvangers=[locc, djz] if i % 2 else [locc],
            onderwerp=f"BV-2026-00000{i}: nieuwe taak",
            inhoud=f"Bericht {i}.",
            nu=NU,
        )
        for i in range(1, aantal + 1)
    ]
    uit = [b for b in berichten if b is not None]
    assert len(uit) == aantal
    return uit


def opgeslagen_message_ids(map: Path) -> list[str]:
    ids = []
    for pad in sorted(map.glob("*.eml")):
        with pad.open("rb") as f:
            ids.append(str(BytesParser(policy=policy.default).parse(f)["Message-ID"]))
    return sorted(ids)


@pytest.fixture
def smtp_instellingen(settings: Any) -> int:
    poort = vrije_poort()
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = poort
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return poort


def test_server_plat_dan_terug_elk_bericht_precies_eenmaal(
    smtp_instellingen: int, tmp_path: Path
) -> None:
    berichten = schrijf_berichten(3)
    # The server is down: nothing listens on the port.
    resultaat = berichten_versturen(nu=NU)
    assert (resultaat.verzonden, resultaat.opnieuw, resultaat.mislukt) == (0, 3, 0)
    for bericht in berichten:
        bericht.refresh_from_db()
        assert (bericht.status, bericht.pogingen, bericht.lease_tot) == (
            BerichtStatus.WACHTEND,
            1,
            None,
        )
        assert bericht.volgende_poging_op == NU + timedelta(minutes=1)
        assert bericht.laatste_fout.startswith("ConnectionRefusedError")
    # Still down at the next attempt: the wait doubles.
    assert berichten_versturen(nu=NU + timedelta(minutes=1)).opnieuw == 3
    assert {b.volgende_poging_op for b in Bericht.objects.all()} == {NU + timedelta(minutes=3)}

    vanger = Mailvanger(map=tmp_path)
    controller = Controller(vanger, hostname="127.0.0.1", port=smtp_instellingen)
    controller.start()
    try:
        assert berichten_versturen(nu=NU + timedelta(minutes=2)).verzonden == 0  # not yet due
        resultaat = berichten_versturen(nu=NU + timedelta(minutes=3))
        assert (resultaat.verzonden, resultaat.opnieuw) == (3, 0)
        assert berichten_versturen(nu=NU + timedelta(hours=1)).verzonden == 0
    finally:
        controller.stop()
    assert (vanger.ontvangen, vanger.dubbel) == (3, 0)
    assert opgeslagen_message_ids(tmp_path) == sorted(b.message_id for b in berichten)
    assert set(Bericht.objects.values_list("status", "pogingen")) == {(BerichtStatus.VERZONDEN, 3)}


class TraagNaHetTweede(Mailvanger):
    """Stores every message; before answering the second, signals and waits (a slow server)."""

    def __init__(self, map: Path) -> None:
        super().__init__(map=map)
        self.tweede_opgeslagen = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        antwoord = await super().handle_DATA(server, session, envelope)
        if self.ontvangen == 2:
            self.tweede_opgeslagen.set()
            await asyncio.sleep(60)  # the worker is killed while it waits for this 250
        return antwoord


@contextmanager
def database_url_van(tmp_path: Path) -> Iterator[str]:
    """A URL of the test database for a worker in another process; copies back afterwards.

    SQLite's test database lives in memory: it is copied to a file for the worker and the
    file is copied back when the test is done with it. PostgreSQL's is shared as it is.
    """
    if connection.vendor == "postgresql":
        d = connection.settings_dict
        gebruiker = quote(d["USER"] or "", safe="")
        wachtwoord = quote(d["PASSWORD"] or "", safe="")
        host, poort = d["HOST"] or "localhost", d["PORT"] or "5432"
        # A Unix socket folder goes in the query, as conf.base reads it (libpq style).
        yield (
            f"postgresql://{gebruiker}:{wachtwoord}@/{d['NAME']}?host={quote(host)}&port={poort}"
            if host.startswith("/")
            else f"postgresql://{gebruiker}:{wachtwoord}@{host}:{poort}/{d['NAME']}"
        )
        return
    bestand = tmp_path / "werker.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(bestand) as doel:
        connection.connection.backup(doel)
    yield f"sqlite:///{bestand}"
    with sqlite3.connect(bestand) as bron:
        bron.backup(connection.connection)


WERKER = (
    "import django, sys; from datetime import datetime; django.setup(); "
    "from politiebijstand.meldingen.services import berichten_versturen; "
    "print(berichten_versturen(nu=datetime.fromisoformat(sys.argv[1])))"
)


def werker(database_url: str, poort: int, nu: datetime) -> subprocess.Popen[str]:
    """The outbox worker in a process of its own, sending over SMTP to 127.0.0.1:`poort`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "politiebijstand.conf.test",
        "PB_DATABASE_URL": database_url,
        "PB_EMAIL_BACKEND": SMTP,
        "PB_EMAIL_HOST": "127.0.0.1",
        "PB_EMAIL_POORT": str(poort),
        "PB_EMAIL_TIMEOUT": "120",
        "PB_BERICHT_LEASE_SECONDEN": "300",
    }
    return subprocess.Popen(
        [sys.executable, "-c", WERKER, nu.isoformat()],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_werker_gedood_tijdens_versturen_niets_verloren_geen_message_id_dubbel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Committed rows would wake this process's (immediate) huey; the worker is the subprocess.
    monkeypatch.setattr("politiebijstand.meldingen.services._wek_werker", lambda: None)
    berichten = schrijf_berichten(3)
    poort = vrije_poort()
    mail = tmp_path / "mail"
    vanger = TraagNaHetTweede(map=mail)
    controller = Controller(vanger, hostname="127.0.0.1", port=poort)
    controller.start()
    try:
        with database_url_van(tmp_path) as url:
            eerste = werker(url, poort, NU)
            # The server has stored the second message but not yet answered 250: kill.
            assert vanger.tweede_opgeslagen.wait(timeout=60), eerste.communicate(timeout=5)
            eerste.send_signal(signal.SIGKILL)
            assert eerste.wait(timeout=10) == -signal.SIGKILL
            # The restarted worker, after the dead worker's lease (300 s) has expired.
            tweede = werker(url, poort, NU + timedelta(minutes=10))
            uit, fout = tweede.communicate(timeout=60)
            assert tweede.returncode == 0, fout
            assert uit.strip() == (
                "Verzendresultaat(verzonden=2, mislukt=0, opnieuw=0, geen_adres=0)"
            )
    finally:
        controller.stop()
    # Nothing lost: each Bericht is stored once, under its own Message-ID.
    assert opgeslagen_message_ids(mail) == sorted(b.message_id for b in berichten)
    # The second message reached the server twice (killed before its 250 was read), with the
    # same Message-ID; the catcher kept one copy.
    assert (vanger.ontvangen, vanger.dubbel) == (4, 1)
    assert sorted(Bericht.objects.values_list("onderwerp", "status", "pogingen")) == [
        ("BV-2026-000001: nieuwe taak", BerichtStatus.VERZONDEN, 1),
        ("BV-2026-000002: nieuwe taak", BerichtStatus.VERZONDEN, 1),
        ("BV-2026-000003: nieuwe taak", BerichtStatus.VERZONDEN, 1),
    ]
