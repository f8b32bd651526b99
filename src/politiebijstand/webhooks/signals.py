"""Signals of the webhook outbox, so that services need not import the tasks (ADR 0015)."""

from django.dispatch import Signal

#: Sent on commit after deliveries were written; `webhooks.tasks` wakes the worker.
leveringen_wachten = Signal()
