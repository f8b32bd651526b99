"""huey jobs of the API: the hourly removal of expired idempotency keys (ADR 0048)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from politiebijstand.api.idempotentie import sleutels_opruimen


@db_periodic_task(crontab(minute="23"))  # type: ignore[untyped-decorator]
def idempotentiesleutels_opruimen_task() -> None:
    """Every hour: remove the Idempotency-Keys older than 24 hours."""
    sleutels_opruimen()
