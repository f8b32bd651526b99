"""Reads of webhook subscriptions for the beheerder's pages (issue #12 item 5)."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.webhooks.models import LeveringStatus, WebhookAbonnement


def abonnement_list(*, organisatie: Organisatie) -> QuerySet[WebhookAbonnement]:
    """The organisation's subscriptions, active first, newest first, with delivery counts.

    Each row has ``aantal_wachtend`` and ``aantal_mislukt`` (ints).
    """
    return (
        WebhookAbonnement.objects.filter(organisatie=organisatie)
        .annotate(
            aantal_wachtend=Count(
                "leveringen", filter=Q(leveringen__status=LeveringStatus.WACHTEND)
            ),
            aantal_mislukt=Count("leveringen", filter=Q(leveringen__status=LeveringStatus.MISLUKT)),
        )
        .order_by("-actief", "-aangemaakt_op", "-id")
    )


def abonnement_van_organisatie(*, organisatie: Organisatie, uuid: UUID | str) -> WebhookAbonnement:
    """The organisation's subscription with this uuid.

    Raises:
        Http404: no such subscription, an invalid uuid, or another organisation's (the same
            answer, so that existence does not leak).
    """
    try:
        return WebhookAbonnement.objects.get(organisatie=organisatie, uuid=uuid)
    except (WebhookAbonnement.DoesNotExist, ValidationError, ValueError):
        raise Http404("Niet gevonden.") from None
