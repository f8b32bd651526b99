"""`politiebijstand manage restore --from FILE`: a backup into an empty database (backup.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from politiebijstand.audit.reservekopie import ReservekopieGeweigerd, reservekopie_terugzetten


class Command(BaseCommand):
    help = (
        "Zet een reservekopie terug in een LEGE database (weigert anders). Controleer daarna de "
        "audittrail met 'politiebijstand audit verify'. Wordt vastgelegd in de audittrail."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", required=True, type=Path, dest="van", help="De reservekopie.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            kopie = reservekopie_terugzetten(options["van"])
        except ReservekopieGeweigerd as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Reservekopie ({kopie.soort}) teruggezet uit {kopie.bestand}. Controleer nu de "
            "audittrail: politiebijstand audit verify."
        )
