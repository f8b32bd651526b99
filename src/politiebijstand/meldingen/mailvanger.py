"""The local mail catcher of `make run` and the tests: an SMTP server that keeps each message.

`make run` starts it next to the worker (`manage mailvanger`); conf.dev points
``EMAIL_BACKEND`` at it, so the demo's messages take the real delivery path (SMTP, from the
worker) and end as files, one per message, that the beheerder reads in the product (ADR 0034).

A message is stored as ``<sha256 of its Message-ID>.eml`` in the folder. A second message with
the same Message-ID (a resend after a worker died between the server's "250 OK" and marking
the message sent) is accepted and dropped, as a receiver that deduplicates on Message-ID
does: each Message-ID is stored once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import structlog
from aiosmtpd.controller import Controller

logger = structlog.get_logger("politiebijstand.mailvanger")

#: The extension of a caught message (RFC 5322 text with CRLF line ends).
EXTENSIE = ".eml"


def bestandsnaam(message_id: str) -> str:
    """The file name of the message with this Message-ID, e.g. ``"9f86d081....eml"``."""
    return hashlib.sha256(message_id.strip().encode()).hexdigest() + EXTENSIE


def _message_id(inhoud: bytes) -> str:
    """The message's Message-ID, or the sha256 of its content when it has none."""
    kop = BytesParser(policy=policy.default).parsebytes(inhoud, headersonly=True)
    return str(kop.get("Message-ID", "")) or hashlib.sha256(inhoud).hexdigest()


@dataclass
class Mailvanger:
    """aiosmtpd handler: stores each message once per Message-ID in `map`.

    Attributes:
        map: the folder of the messages (created when missing).
        ontvangen: how many DATA commands were accepted (copies included).
        dubbel: how many of them were dropped as a copy of a stored Message-ID.
    """

    map: Path
    ontvangen: int = 0
    dubbel: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        """Store the message; answer 250 also for a copy, so the sender does not retry it.

        Logs one line per message, event ``mail-gevangen``: the file name, the number of
        recipients and whether it was a copy (``dubbel``); never the addresses or the text.
        """
        inhoud: bytes = envelope.original_content or envelope.content
        self.ontvangen += 1
        naam = bestandsnaam(_message_id(inhoud))
        bewaard = self._opslaan_als(inhoud, naam)
        if not bewaard:
            self.dubbel += 1
        logger.info(
            "mail-gevangen",
            bestand=naam,
            ontvangers=len(getattr(envelope, "rcpt_tos", None) or []),
            dubbel=not bewaard,
        )
        return "250 OK"

    def opslaan(self, inhoud: bytes) -> bool:
        """Write one message; False when a message with its Message-ID is already stored.

        A message without a Message-ID is named by the sha256 of its content. The file is
        written under a temporary name and then linked to its final name, which fails when
        that exists: two copies arriving at once are still stored once.
        """
        return self._opslaan_als(inhoud, bestandsnaam(_message_id(inhoud)))

    def _opslaan_als(self, inhoud: bytes, naam: str) -> bool:
        """`opslaan` under the file name `naam` (`bestandsnaam` of its Message-ID)."""
        self.map.mkdir(parents=True, exist_ok=True)
        doel = self.map / naam
        fd, tijdelijk = tempfile.mkstemp(dir=self.map, prefix=".ontvangen-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(inhoud)
            try:
                os.link(tijdelijk, doel)
            except FileExistsError:
                return False
            return True
        finally:
            os.unlink(tijdelijk)


def mailvanger_starten(*, map: Path, poort: int, host: str = "127.0.0.1") -> Controller:
    """Start the catcher on `host`:`poort` in a thread of its own; call ``.stop()`` to end it.

    Args:
        map: the folder of the messages.
        poort: TCP port; 0 is not supported by aiosmtpd's Controller (give a free port).
        host: address to listen on; only loopback is meant.
    """
    # The name in the greeting is given, so that aiosmtpd does not look up the machine's
    # fully qualified name (socket.getfqdn, a DNS query that may wait seconds where no DNS
    # answers) on every connection, in the one thread that serves them all.
    controller = Controller(
        Mailvanger(map=map), hostname=host, port=poort, server_hostname="localhost"
    )
    controller.start()
    return controller


@dataclass(frozen=True)
class GevangenBericht:
    """One caught message, for the beheerder's page. `datum` is an aware datetime or None."""

    naam: str
    van: str
    aan: str
    onderwerp: str
    datum: datetime | None
    message_id: str


def _kop(pad: Path) -> GevangenBericht:
    with pad.open("rb") as f:
        kop = BytesParser(policy=policy.default).parse(f, headersonly=True)
    datum_kop = kop.get("Date")
    try:
        datum = datum_kop.datetime if datum_kop is not None else None
    except (AttributeError, ValueError):
        datum = None
    if datum is not None and datum.tzinfo is None:
        datum = datum.replace(tzinfo=UTC)
    return GevangenBericht(
        naam=pad.name,
        van=str(kop.get("From", "")),
        aan=str(kop.get("To", "")),
        onderwerp=str(kop.get("Subject", "")),
        datum=datum,
        message_id=str(kop.get("Message-ID", "")),
    )


def gevangen_berichten(map: Path) -> list[GevangenBericht]:
    """The caught messages in `map`, newest first (by file time); [] when there is none."""
    if not map.is_dir():
        return []
    paden = sorted(
        (p for p in map.iterdir() if p.suffix == EXTENSIE and p.is_file()),
        key=lambda p: (p.stat().st_mtime, p.name),
        reverse=True,
    )
    return [_kop(p) for p in paden]


def gevangen_bericht(map: Path, naam: str) -> tuple[GevangenBericht, str] | None:
    """One caught message and its plain-text body, by file name; None when there is none.

    Only a name as listed by `gevangen_berichten` (64 hex digits and ``.eml``) is opened, so
    that no path outside `map` can be read.
    """
    stam = naam.removesuffix(EXTENSIE)
    if naam == stam or len(stam) != 64 or any(c not in "0123456789abcdef" for c in stam):
        return None
    pad = map / naam
    if not pad.is_file():
        return None
    with pad.open("rb") as f:
        bericht = BytesParser(policy=policy.default).parse(f)
    deel = bericht.get_body(preferencelist=("plain",))
    tekst = deel.get_content() if deel is not None else ""
    return _kop(pad), str(tekst)
