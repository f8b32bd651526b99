"""huey jobs of the webhooks: a wake-up after each commit and a periodic sweep (ADR 0050)."""

from __future__ import annotations

from django.dispatch import receiver

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from politiebijstand.webhooks.services import leveringen_versturen
from politiebijstand.webhooks.signals import leveringen_wachten


@db_task()  # type: ignore[untyped-decorator]
def leveringen_versturen_task() -> None:
    """Send the due deliveries now (enqueued on commit by `status_gewijzigd_melden`)."""
    leveringen_versturen()


@db_periodic_task(crontab(minute="*"))  # type: ignore[untyped-decorator]
def leveringen_versturen_periodiek_task() -> None:
    """Every minute: send what is due, the retries and the rows whose lease expired."""
    leveringen_versturen()


@receiver(leveringen_wachten)
def leveringen_wachten_ontvangen(**kwargs: object) -> None:
    """Enqueue the wake-up when the status change's transaction has committed."""
    leveringen_versturen_task()
