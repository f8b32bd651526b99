"""Signals of the request domain: how a service asks for a wake-up without importing the worker.

The jobs (`verzoeken.tasks`) call the services, so the services must not import the jobs (#7:
no import cycles). A service sends `timer_gepland` on commit; `verzoeken.tasks` receives it and
schedules the huey job. `VerzoekenConfig.ready` imports `tasks`, so the receiver is connected
in every process (web, worker, tests).
"""

from __future__ import annotations

from django.dispatch import Signal

#: Sent after the commit that gave a part a next timer. Keyword arguments: ``deelverzoek_id``
#: (int) and ``eta`` (aware UTC datetime: when the timer is due).
timer_gepland = Signal()
