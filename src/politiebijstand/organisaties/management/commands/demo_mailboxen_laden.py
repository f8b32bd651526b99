"""`manage demo_mailboxen_laden`: a demo mailbox for every organisation without one."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from politiebijstand.organisaties.services import DEMO_MAILDOMEIN, demo_mailboxen_laden


class Command(BaseCommand):
    help = (
        "Geeft elke organisatie zonder functionele mailbox een demo-mailbox "
        f"(<code>@{DEMO_MAILDOMEIN}); alleen voor de demo van `make run`."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        codes = demo_mailboxen_laden()
        self.stdout.write(f"{len(codes)} organisaties kregen een demo-mailbox.")
