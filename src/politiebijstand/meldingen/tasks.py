"""huey jobs of the outbox: a periodic sweep and a wake-up after each commit (issue #4)."""

from __future__ import annotations

from django.dispatch import receiver

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from politiebijstand.meldingen.services import berichten_versturen
from politiebijstand.meldingen.signals import berichten_wachten


@db_task()  # type: ignore[untyped-decorator]
def berichten_versturen_task() -> None:
    """Send the due messages now (enqueued on commit by `bericht_schrijven`)."""
    berichten_versturen()


@db_periodic_task(crontab(minute="*"))  # type: ignore[untyped-decorator]
def berichten_versturen_periodiek_task() -> None:
    """Every minute: send what is due, including retries and rows whose lease expired."""
    berichten_versturen()


@receiver(berichten_wachten)
def berichten_wachten_ontvangen(**kwargs: object) -> None:
    """Enqueue the wake-up when `bericht_schrijven`'s transaction has committed."""
    berichten_versturen_task()
