"""`politiebijstand manage audit_anker`: write an anchor of the audit trail now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from politiebijstand.audit.anker import AnkerGeweigerd, anker_map, anker_schrijven


class Command(BaseCommand):
    help = (
        "Schrijft nu een ondertekend anker (aantal regels, laatste volgnummer, kop-hash) in "
        "PB_AUDIT_ANKER_DIR. Exitstatus 0: geschreven; 1: geweigerd (de audittrail wijkt af "
        "van het laatste anker)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            anker = anker_schrijven()
        except AnkerGeweigerd as exc:
            self.stderr.write(str(exc))
            raise SystemExit(1) from None
        self.stdout.write(
            f"Anker geschreven: {anker_map() / anker.naam} ({anker.aantal} regels tot "
            f"volgnummer {anker.volgnummer})."
        )
