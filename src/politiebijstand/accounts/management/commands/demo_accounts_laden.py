"""`manage demo_accounts_laden`: the demo accounts of `make run`, printed with their password."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from politiebijstand.accounts.demo import DEMO_WACHTWOORD, DemoNietToegestaan, demo_accounts_laden


class Command(BaseCommand):
    help = (
        "Maakt de demo-accounts van `make run` aan (één per rol voor de belangrijkste "
        "organisaties) en toont ze. Geweigerd onder de productie-instellingen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = demo_accounts_laden()
        except (DemoNietToegestaan, LookupError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_WACHTWOORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<40} {account.organisatie:<10} {account.rol}")
