"""A mail receiver for the worker's subprocess: a file of Message-IDs, that can hang.

``EMAIL_BACKEND = "tests.fouten.ontvanger.BestandBackend"``; the environment says where:

- ``PB_TEST_ONTVANGER``: the file; each delivered message adds its Message-ID as a line.
- ``PB_TEST_HANGEN``: ``"voor"``: the first message hangs before the receiver has it (the
  mail server blocks); ``"na"``: after it has it, before the worker records it. Then the file
  ``PB_TEST_PUNT`` is made and the process sleeps, to be killed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


class BestandBackend(BaseEmailBackend):
    """Deliver by adding the Message-ID to a file; hang on the first message when asked."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        ontvanger = Path(os.environ["PB_TEST_ONTVANGER"])
        hangen = os.environ.get("PB_TEST_HANGEN", "")
        for bericht in email_messages:
            if hangen == "voor":
                self._hangen()
            with ontvanger.open("a") as bestand:
                bestand.write(f"{bericht.extra_headers['Message-ID']}\n")
            if hangen == "na":
                self._hangen()
        return len(email_messages)

    @staticmethod
    def _hangen() -> None:
        Path(os.environ["PB_TEST_PUNT"]).touch()
        time.sleep(60)
