"""`manage demo_accounts_laden`: the demo accounts of `make run`, printed with their password."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from politiebijstand.accounts.demo import (
    DEMO_WACHTWOORD,
    DemoNietToegestaan,
    demo_accounts_laden,
    demo_overzicht,
)


class Command(BaseCommand):
    help = (
        "Maakt de demo-accounts van `make run` aan (voor elke organisatie die in een procedure "
        "optreedt) en toont ze per organisatie, met de procedures waarin zij optreedt. "
        "Geweigerd onder de productie-instellingen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = demo_accounts_laden()
        except (DemoNietToegestaan, LookupError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_WACHTWOORD}):")
        for regel in demo_overzicht(accounts):
            self.stdout.write(regel)
