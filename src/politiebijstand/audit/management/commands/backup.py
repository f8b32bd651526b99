"""`politiebijstand manage backup --to FILE`: a backup of the database (docs/backup.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from politiebijstand.audit.reservekopie import ReservekopieGeweigerd, reservekopie_maken


class Command(BaseCommand):
    help = (
        "Maakt een reservekopie van de database: SQLite met de online-backup-API, PostgreSQL "
        "met pg_dump -Fc. Het bestand mag nog niet bestaan. Wordt vastgelegd in de audittrail."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", required=True, type=Path, help="Het nieuwe bestand.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            kopie = reservekopie_maken(options["to"])
        except ReservekopieGeweigerd as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Reservekopie ({kopie.soort}) geschreven: {kopie.bestand}, {kopie.bytes} bytes."
        )
