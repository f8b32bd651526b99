"""Webhooks: an organisation's subscriptions and their deliveries (issue #12 item 5, ADR 0050).

A `WebhookAbonnement` is an organisation's URL that receives the status changes of the requests
the organisation may see (need-to-know: it takes part, `toegang.regels.neemt_deel_aan_verzoek`).
A `WebhookLevering` is one event for one subscription: written in the same transaction as the
status change (a transactional outbox, like `meldingen.Bericht`), sent by the huey worker,
signed with the subscription's secret, retried with back-off, in order per request.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class WebhookAbonnement(models.Model):
    """An organisation's subscription of one URL to the status changes of its requests.

    The secret signs every delivery (HMAC-SHA256, `webhooks.handtekening`); it is stored
    encrypted with the second-factor key (`accounts.versleuteling`, PB_MFA_SLEUTEL) and shown
    once, at creation.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De organisatie die de statuswijzigingen ontvangt.",
    )
    url = models.URLField(
        max_length=500, help_text="Het adres dat de POST ontvangt (https in productie)."
    )
    omschrijving = models.CharField(
        max_length=200, blank=True, help_text="Welk systeem dit is, voor de beheerder."
    )
    geheim_versleuteld = models.TextField(
        help_text="Het geheim (Fernet-token, PB_MFA_SLEUTEL); alleen bij aanmaken getoond."
    )
    actief = models.BooleanField(default=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(help_text="UTC.")
    gedeactiveerd_op = models.DateTimeField(null=True, blank=True, help_text="UTC.")

    class Meta:
        verbose_name = "webhookabonnement"
        verbose_name_plural = "webhookabonnementen"
        ordering = ("organisatie", "-aangemaakt_op", "-id")
        indexes = (models.Index(fields=("organisatie", "actief"), name="webhook_org_actief_idx"),)

    def __str__(self) -> str:
        return f"{self.organisatie_id}: {self.url}"


class LeveringStatus(models.TextChoices):
    """Where a delivery stands."""

    WACHTEND = "wachtend", "Wachtend"
    BEZORGD = "bezorgd", "Bezorgd"
    MISLUKT = "mislukt", "Mislukt (geen pogingen meer)"
    VERVALLEN = "vervallen", "Vervallen (abonnement niet meer actief)"


class WebhookLevering(models.Model):
    """One event (a status change) for one subscription, with its delivery attempts.

    The same event has the same `gebeurtenis_id` for every subscription and every attempt (the
    ``Webhook-Id`` header), so that a receiver drops a copy it already has.
    """

    abonnement = models.ForeignKey(
        WebhookAbonnement, on_delete=models.CASCADE, related_name="leveringen"
    )
    gebeurtenis_id = models.UUIDField(help_text="Id van de gebeurtenis (payload 'id').")
    soort = models.CharField(max_length=60, help_text="Bijvoorbeeld 'verzoek.status-gewijzigd'.")
    verzoek = models.UUIDField(help_text="Uuid van het bijstandsverzoek.")
    payload = models.JSONField(help_text="De JSON die wordt verstuurd (zonder persoonsgegevens).")
    status = models.CharField(
        max_length=20, choices=LeveringStatus.choices, default=LeveringStatus.WACHTEND
    )
    pogingen = models.PositiveSmallIntegerField(default=0)
    volgende_poging_op = models.DateTimeField(help_text="Niet eerder versturen dan (UTC).")
    lease_tot = models.DateTimeField(
        null=True, blank=True, help_text="Een werker verstuurt het tot dit tijdstip (UTC)."
    )
    laatste_http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    laatste_fout = models.TextField(blank=True)
    laatste_poging_op = models.DateTimeField(null=True, blank=True, help_text="UTC.")
    aangemaakt_op = models.DateTimeField(help_text="UTC.")
    bezorgd_op = models.DateTimeField(null=True, blank=True, help_text="UTC.")

    class Meta:
        verbose_name = "webhooklevering"
        verbose_name_plural = "webhookleveringen"
        ordering = ("id",)
        indexes = (
            models.Index(fields=("status", "volgende_poging_op"), name="webhook_wachtrij_idx"),
            models.Index(fields=("abonnement", "verzoek", "status"), name="webhook_volgorde_idx"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=("abonnement", "gebeurtenis_id"), name="webhook_levering_uniek"
            ),
        )

    def __str__(self) -> str:
        return f"{self.soort} {self.gebeurtenis_id} → {self.abonnement_id} ({self.status})"
