"""huey jobs of the procedure timers (issue #4, item 5): wake-ups for `timers_verwerken`.

The durable state is the `Deelverzoek.volgende_timer` column and the tasks' due times; the
jobs only say "look now". A job at a part's next timer is scheduled when the services signal
it on commit (`signalen.timer_gepland`); the periodic sweep every minute is the safety net (and
writes the reminders).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.dispatch import receiver

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from politiebijstand.verzoeken.services import timers_verwerken
from politiebijstand.verzoeken.signalen import timer_gepland


@db_task()  # type: ignore[untyped-decorator]
def timer_verwerken_task(deelverzoek_id: int) -> None:
    """At a part's `volgende_timer`: fire its due timers (idempotent)."""
    timers_verwerken(deelverzoek_id=deelverzoek_id)


@db_periodic_task(crontab(minute="*"))  # type: ignore[untyped-decorator]
def timers_verwerken_periodiek_task() -> None:
    """Every minute: reminders before due times, and every due timer of every run."""
    timers_verwerken()


@receiver(timer_gepland)
def timer_inplannen(sender: object, *, deelverzoek_id: int, eta: datetime, **kwargs: Any) -> None:
    """Schedule `timer_verwerken_task` at a part's next timer (sent on commit by the services)."""
    timer_verwerken_task.schedule(args=(deelverzoek_id,), eta=eta)
