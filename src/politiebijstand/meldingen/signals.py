"""Signals of the outbox, so that services need not import the tasks that call them (ADR 0015)."""

from django.dispatch import Signal

#: Sent on commit after `bericht_schrijven` stored a message; `meldingen.tasks` wakes the worker.
berichten_wachten = Signal()
