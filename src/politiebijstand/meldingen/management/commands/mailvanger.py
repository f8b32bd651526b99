"""`manage mailvanger [--poort N] [--map PATH]`: the local SMTP catcher of `make run`."""

from __future__ import annotations

import signal
import threading
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from politiebijstand.meldingen.mailvanger import mailvanger_starten


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
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        controller = mailvanger_starten(map=options["map"], poort=options["poort"])
        if options["verbosity"] > 1:
            self.stdout.write(f"Mailvanger op 127.0.0.1:{options['poort']}, map {options['map']}.")
        try:
            stop.wait()
        finally:
            controller.stop()
