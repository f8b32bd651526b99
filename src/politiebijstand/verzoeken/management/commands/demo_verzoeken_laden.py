"""`manage demo_verzoeken_laden`: demo requests in different states for `make run` (issue #4)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from politiebijstand.accounts.demo import DemoNietToegestaan
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.verzoeken.demo import demo_verzoeken_laden


class Command(BaseCommand):
    help = (
        "Maakt demo-bijstandsverzoeken in verschillende stadia aan (na demo_accounts_laden). "
        "Herhaalbaar: bestaande demoverzoeken blijven staan. Geweigerd onder de "
        "productie-instellingen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            verzoeken = demo_verzoeken_laden()
        except DemoNietToegestaan as exc:
            raise CommandError(str(exc)) from exc
        except Gebruiker.DoesNotExist as exc:
            raise CommandError(
                "De demo-accounts ontbreken: draai eerst demo_accounts_laden."
            ) from exc
        self.stdout.write("Demo-bijstandsverzoeken:")
        for verzoek in verzoeken:
            self.stdout.write(f"  {verzoek.kenmerk}  {verzoek.status:<15} {verzoek.titel}")
