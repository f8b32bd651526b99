"""`manage referentiedata_laden [--bestand PATH]`: load the organisations' reference data."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from politiebijstand.organisaties.referentie import (
    DEFAULT_PATH,
    OngeldigeReferentie,
    load_referentie,
)
from politiebijstand.organisaties.services import referentiedata_laden


class Command(BaseCommand):
    help = (
        "Laadt de referentiegegevens van de organisaties: maakt ze aan of werkt ze bij op code, "
        "in één transactie. Het hele bestand wordt eerst gecontroleerd; bij een fout wordt niets "
        "gewijzigd."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--bestand",
            type=Path,
            default=DEFAULT_PATH,
            help=f"YAML-bestand met de organisaties (standaard: {DEFAULT_PATH.name}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            referentie = load_referentie(options["bestand"])
        except OngeldigeReferentie as exc:
            raise CommandError(f"Niets geladen. {exc}") from exc
        resultaat = referentiedata_laden(referentie=referentie)
        self.stdout.write(resultaat.samenvatting())
