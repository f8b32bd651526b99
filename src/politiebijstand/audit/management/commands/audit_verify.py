"""`politiebijstand manage audit_verify`: check the audit trail's hash chain."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from politiebijstand.audit.keten import keten_verifieren


class Command(BaseCommand):
    help = (
        "Controleert de hashketen van de audittrail en noemt de eerste gebroken schakel. "
        "Exitstatus 0: intact; 1: gebroken."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        resultaat = keten_verifieren()
        if resultaat.intact:
            self.stdout.write(resultaat.melding())
            return
        self.stderr.write(resultaat.melding())
        raise SystemExit(1)
