"""Load the demo capacity register (invented numbers, ADR 0038); run after the reference data."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from politiebijstand.accounts.policy import demo_accounts_toegestaan
from politiebijstand.capaciteit.services import register_laden


class Command(BaseCommand):
    """`manage capaciteit_laden`: load the demo capacity register (idempotent, ADR 0038).

    Refused under settings that forbid demo data (production): its numbers are invented.
    """

    help = "Laadt het demo-capaciteitenoverzicht (verzonnen aantallen, ADR 0038)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not demo_accounts_toegestaan():
            raise CommandError(
                "Het demo-capaciteitenoverzicht (verzonnen aantallen) is niet toegestaan met "
                "deze instellingen (productie); niets geladen."
            )
        aantal = register_laden()
        self.stdout.write(f"Capaciteitenoverzicht: {aantal} regels geladen (demo).")
