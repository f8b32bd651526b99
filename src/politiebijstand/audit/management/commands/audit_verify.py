"""`politiebijstand manage audit_verify`: check the audit trail's chain and latest anchor."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from politiebijstand.audit.controle import audit_controleren


class Command(BaseCommand):
    help = (
        "Controleert de hashketen van de audittrail tegen het laatste anker en noemt wat er "
        "mis is. Exitstatus 0: intact; 1: gebroken, ingekort, herschreven of vervalst anker."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        controle = audit_controleren()
        uitvoer = self.stdout if controle.intact else self.stderr
        for regel in controle.regels():
            uitvoer.write(regel)
        if not controle.intact:
            raise SystemExit(1)
