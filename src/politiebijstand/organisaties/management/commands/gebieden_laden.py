"""`manage gebieden_laden [--bestand PATH]`: load police units, parketten and municipalities."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from politiebijstand.organisaties.gebied_services import gebieden_laden
from politiebijstand.organisaties.gebieden import DEFAULT_PATH, load_gebieden
from politiebijstand.organisaties.referentie import OngeldigeReferentie


class Command(BaseCommand):
    help = (
        "Laadt de regionale eenheden, de Landelijke Eenheid, hun RCCB's, de "
        "arrondissementsparketten en de gemeenten (burgemeesters), met eenheid en "
        "regioburgemeester. Alles of niets; draai eerst referentiedata_laden."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--bestand",
            type=Path,
            default=DEFAULT_PATH,
            help=f"YAML-bestand (standaard: {DEFAULT_PATH.name}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            gebieden = load_gebieden(options["bestand"])
        except OngeldigeReferentie as exc:
            raise CommandError(f"Niets geladen. {exc}") from exc
        self.stdout.write(gebieden_laden(gebieden=gebieden).samenvatting())
