"""`manage mailvanger [--poort N] [--map PATH]`: the local SMTP catcher of `make run`."""

from __future__ import annotations

import signal
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from politiebijstand.meldingen.mailvanger import mailvanger_starten

#: The signals that stop the catcher (Ctrl-C, and `make run` / run-prod stopping it).
STOPSIGNALEN = frozenset({signal.SIGINT, signal.SIGTERM})


class Command(BaseCommand):
    help = (
        "Start een SMTP-server op 127.0.0.1 die elk bericht als .eml-bestand bewaart (één per "
        "Message-ID), voor de demo van `make run`. Stopt bij Ctrl-C of SIGTERM."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--poort",
            type=int,
            default=getattr(settings, "MAILVANGER_POORT", 8025),
            help="TCP-poort op 127.0.0.1 (standaard PB_MAILVANGER_POORT of 8025).",
        )
        parser.add_argument(
            "--map",
            type=Path,
            default=getattr(settings, "MAILVANGER_MAP", settings.DATA_DIR / "mail"),
            help="Map van de berichten (standaard PB_DATA_DIR/mail).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # SIGINT and SIGTERM are blocked, in this thread and so in the server's thread that
        # inherits the mask, and taken with sigwait. A Python handler that set an Event hung
        # now and then when Ctrl-C's SIGINT and run-prod's SIGTERM came together (ADR 0052);
        # here no handler runs, and a second signal stays pending until the process exits.
        # Their action is first reset to the default: a shell starts a background job with
        # SIGINT ignored, and an ignored signal is dropped, never pending.
        for sig in STOPSIGNALEN:
            signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_BLOCK, STOPSIGNALEN)
        controller = mailvanger_starten(map=options["map"], poort=options["poort"])
        if options["verbosity"] > 1:
            self.stdout.write(f"Mailvanger op 127.0.0.1:{options['poort']}, map {options['map']}.")
        try:
            signal.sigwait(STOPSIGNALEN)
        finally:
            controller.stop()
