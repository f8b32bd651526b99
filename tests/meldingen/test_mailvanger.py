"""The local mail catcher: one file per Message-ID, read back for the beheerder (issue #10)."""

from __future__ import annotations

import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
from collections.abc import Coroutine
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from structlog.testing import capture_logs

from politiebijstand.meldingen.mailvanger import (
    Mailvanger,
    bestandsnaam,
    gevangen_bericht,
    gevangen_berichten,
)

BERICHT = (
    b"From: bijstand@localhost\r\n"
    b"To: locc@demo.politiebijstand.test\r\n"
    b"Subject: BV-2026-000001: nieuwe taak\r\n"
    b"Date: Mon, 02 Mar 2026 10:00:00 +0100\r\n"
    b"Message-ID: <0c1d@politiebijstand>\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Er staat een taak klaar: <script>x</script>\r\n"
)


def test_elke_message_id_wordt_eenmaal_bewaard(tmp_path: Path) -> None:
    vanger = Mailvanger(map=tmp_path / "mail")
    assert vanger.opslaan(BERICHT) is True
    assert vanger.opslaan(BERICHT.replace(b"klaar", b"KLAAR")) is False
    assert [p.name for p in (tmp_path / "mail").iterdir()] == [
        bestandsnaam("<0c1d@politiebijstand>")
    ]
    assert (tmp_path / "mail" / bestandsnaam("<0c1d@politiebijstand>")).read_bytes() == BERICHT


def _zonder_lus(coroutine: Coroutine[Any, Any, str]) -> str:
    """The result of a coroutine that never awaits, without an event loop (another test of
    the suite may leave one running in this thread, where asyncio.run refuses)."""
    try:
        coroutine.send(None)
    except StopIteration as klaar:
        return str(klaar.value)
    raise AssertionError("handle_DATA wachtte ergens op")


def test_elk_gevangen_bericht_geeft_een_logregel_zonder_adressen(tmp_path: Path) -> None:
    """run-prod delivered 65 mails without a trace in its log (an operator's trial, #13)."""
    vanger = Mailvanger(map=tmp_path / "mail")
    envelope = SimpleNamespace(
        original_content=BERICHT, content=BERICHT, rcpt_tos=["a@x.test", "b@x.test"]
    )
    with capture_logs() as regels:
        assert _zonder_lus(vanger.handle_DATA(None, None, envelope)) == "250 OK"
        assert _zonder_lus(vanger.handle_DATA(None, None, envelope)) == "250 OK"
    naam = bestandsnaam("<0c1d@politiebijstand>")
    assert regels == [
        {"event": "mail-gevangen", "log_level": "info", "bestand": naam, "ontvangers": 2,
         "dubbel": False},
        {"event": "mail-gevangen", "log_level": "info", "bestand": naam, "ontvangers": 2,
         "dubbel": True},
    ]  # fmt: skip
    assert (vanger.ontvangen, vanger.dubbel) == (2, 1)


def test_gevangen_berichten_lezen(tmp_path: Path) -> None:
    Mailvanger(map=tmp_path).opslaan(BERICHT)
    (tmp_path / "oud.log").write_text("een bestand van de oude file-backend")
    (kop,) = gevangen_berichten(tmp_path)
    assert (kop.van, kop.aan, kop.onderwerp, kop.message_id) == (
        "bijstand@localhost",
        "locc@demo.politiebijstand.test",
        "BV-2026-000001: nieuwe taak",
        "<0c1d@politiebijstand>",
    )
    assert kop.datum == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    gevonden = gevangen_bericht(tmp_path, kop.naam)
    assert gevonden is not None
    assert gevonden[1] == "Er staat een taak klaar: <script>x</script>\n"
    assert gevangen_berichten(tmp_path / "bestaat-niet") == []


def test_alleen_namen_uit_de_lijst_worden_geopend(tmp_path: Path) -> None:
    (tmp_path / "geheim.eml").write_bytes(BERICHT)
    for naam in ("geheim.eml", "../geheim.eml", "0" * 64, "0" * 64 + ".eml", "A" * 64 + ".eml"):
        assert gevangen_bericht(tmp_path, naam) is None


def test_commando_mailvanger_ontvangt_en_stopt_bij_sigterm(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "politiebijstand.conf.test"}
    proces = subprocess.Popen(
        [sys.executable, "-m", "django", "mailvanger", "--poort", str(poort), "--map", tmp_path],
        env=env,
    )
    try:
        # Until it listens; starting Django may take seconds on a busy machine.
        tot = time.monotonic() + 60
        while True:
            try:
                smtp = smtplib.SMTP("127.0.0.1", poort, timeout=5)
                break
            except ConnectionRefusedError:
                assert proces.poll() is None, "de mailvanger is gestopt"
                assert time.monotonic() < tot, "de mailvanger luistert niet"
                time.sleep(0.1)
        with smtp:
            smtp.sendmail("bijstand@localhost", ["locc@demo.politiebijstand.test"], BERICHT)
    finally:
        proces.send_signal(signal.SIGTERM)
        assert proces.wait(timeout=20) == 0
    assert [p.name for p in tmp_path.iterdir()] == [bestandsnaam("<0c1d@politiebijstand>")]


def _mailvanger_starten(
    tmp_path: Path, *, sigint_genegeerd: bool = False
) -> tuple[subprocess.Popen[bytes], int]:
    """`manage mailvanger` on a free port, once it greets (220); its process and port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = int(s.getsockname()[1])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "politiebijstand.conf.test"}
    proces = subprocess.Popen(
        [sys.executable, "-m", "django", "mailvanger", "--poort", str(poort), "--map", tmp_path],
        env=env,
        # As a shell starts a background job (`cmd &` in make run and run-prod): SIGINT ignored.
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
        if sigint_genegeerd
        else None,
    )
    tot = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=5) as verbinding:
                assert verbinding.recv(3) == b"220"
            return proces, poort
        except ConnectionRefusedError:
            assert proces.poll() is None, "de mailvanger is gestopt"
            assert time.monotonic() < tot, "de mailvanger luistert niet"
            time.sleep(0.1)


def test_ctrl_c_en_sigterm_tegelijk_stoppen_de_mailvanger(tmp_path: Path) -> None:
    """A terminal's Ctrl-C and run-prod's SIGTERM together: it stops, every time (ADR 0052).

    With a Python handler that set an Event it hung about once in twelve starts.
    """
    for _ in range(4):
        proces, _poort = _mailvanger_starten(tmp_path)
        proces.send_signal(signal.SIGINT)
        proces.send_signal(signal.SIGTERM)
        try:
            assert proces.wait(timeout=20) == 0
        finally:
            if proces.poll() is None:
                proces.kill()
                proces.wait()


def test_ctrl_c_stopt_de_mailvanger_ook_als_achtergrondtaak(tmp_path: Path) -> None:
    """Started with SIGINT ignored (a shell's background job), Ctrl-C still stops it."""
    proces, poort = _mailvanger_starten(tmp_path, sigint_genegeerd=True)
    try:
        with smtplib.SMTP("127.0.0.1", poort, timeout=5) as smtp:
            smtp.sendmail("bijstand@localhost", ["locc@demo.politiebijstand.test"], BERICHT)
        proces.send_signal(signal.SIGINT)
        assert proces.wait(timeout=20) == 0
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()
    assert [p.name for p in tmp_path.iterdir()] == [bestandsnaam("<0c1d@politiebijstand>")]
