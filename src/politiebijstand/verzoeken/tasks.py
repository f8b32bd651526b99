"""huey jobs of the procedure timers (issue #4, item 5): wake-ups for `timers_verwerken`.

The durable state is the `Deelverzoek.volgende_timer` column and the tasks' due times; the
jobs only say "look now". A job at a part's next timer is scheduled on commit by the services;
the periodic sweep every minute is the safety net (and writes the reminders).
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from politiebijstand.verzoeken.services import timers_verwerken


@db_task()  # type: ignore[untyped-decorator]
def timer_verwerken_task(deelverzoek_id: int) -> None:
    """At a part's `volgende_timer`: fire its due timers (idempotent)."""
    timers_verwerken(deelverzoek_id=deelverzoek_id)


@db_periodic_task(crontab(minute="*"))  # type: ignore[untyped-decorator]
def timers_verwerken_periodiek_task() -> None:
    """Every minute: reminders before due times, and every due timer of every run."""
    timers_verwerken()
