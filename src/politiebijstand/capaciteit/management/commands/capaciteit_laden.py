"""Load the demo capacity register (invented numbers, ADR 0038); run after the reference data."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from politiebijstand.capaciteit.services import register_laden


class Command(BaseCommand):
    help = "Laadt het demo-capaciteitenoverzicht (verzonnen aantallen, ADR 0038)."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = register_laden()
        self.stdout.write(f"Capaciteitenoverzicht: {aantal} regels geladen (demo).")
