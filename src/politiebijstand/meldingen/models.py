"""The transactional outbox of messages (berichten) to organisations (issue #4, item 6).

A `Bericht` is written in the same transaction as the change that causes it (a new task, a
decision, a reminder), so no message is lost when the mail server or the worker is down. A
worker drains the outbox (`meldingen.services.berichten_versturen`): it takes a lease on a
row, sends it with Django's mail framework, and marks it sent; a lease that expires (a worker
that died) makes the row available again.

Delivery is at-least-once; every attempt of a message carries the same Message-ID
(`Bericht.message_id`), so a receiver that saw it already can drop the second copy (ADR 0034).
"""

from __future__ import annotations

import uuid

from django.db import models


class BerichtStatus(models.TextChoices):
    """Where a message stands in the outbox."""

    WACHTEND = "wachtend", "Wachtend"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Mislukt (geen pogingen meer)"
    GEEN_ADRES = "geen_adres", "Geen e-mailadres bekend"


class Bericht(models.Model):
    """One message to one or more organisations, sent by e-mail to their address."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(
        max_length=60, help_text="Vaste code in kebab-case, bijvoorbeeld 'taak-klaargezet'."
    )
    sleutel = models.CharField(
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text="Maakt het schrijven idempotent: een tweede bericht met dezelfde sleutel "
        "wordt niet aangemaakt (bijvoorbeeld 'herinnering:<taak>').",
    )
    ontvangers = models.ManyToManyField(
        "organisaties.Organisatie", related_name="+", help_text="De organisaties."
    )
    onderwerp = models.CharField(max_length=300)
    inhoud = models.TextField()
    object_type = models.CharField(max_length=100, blank=True, help_text="'app_label.model'.")
    object_id = models.CharField(max_length=64, blank=True)
    reeks = models.CharField(
        max_length=120,
        blank=True,
        help_text="Volgorde-sleutel, bijvoorbeeld 'verzoeken.bijstandsverzoek:12': berichten van "
        "een reeks gaan weg in de volgorde waarin ze zijn geschreven (issue #13, ADR 0053).",
    )
    status = models.CharField(
        max_length=20, choices=BerichtStatus.choices, default=BerichtStatus.WACHTEND
    )
    pogingen = models.PositiveSmallIntegerField(default=0)
    volgende_poging_op = models.DateTimeField(help_text="Niet eerder versturen dan (UTC).")
    lease_tot = models.DateTimeField(
        null=True, blank=True, help_text="Een werker verstuurt het tot dit tijdstip (UTC)."
    )
    laatste_fout = models.TextField(blank=True)
    adressen = models.JSONField(default=list, help_text="De adressen waaraan is verzonden.")
    zonder_adres = models.JSONField(
        default=list,
        help_text="Codes van de ontvangers zonder functionele mailbox bij het versturen: aan "
        "hen is het bericht niet bezorgd (issue #10).",
    )
    bijlagen = models.JSONField(
        default=list,
        help_text="PDF-bijlagen: [{'bestand': pad relatief aan PB_DOCUMENTEN_DIR, 'naam': "
        "bestandsnaam, 'sha256': hex}]; alleen voor een partij zonder account (issue #10).",
    )
    aangemaakt_op = models.DateTimeField(help_text="UTC.")
    verzonden_op = models.DateTimeField(null=True, blank=True, help_text="UTC.")

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ("aangemaakt_op", "id")
        indexes = (
            models.Index(fields=("status", "volgende_poging_op"), name="bericht_wachtrij_idx"),
            models.Index(fields=("object_type", "object_id"), name="bericht_object_idx"),
            models.Index(fields=("reeks", "status"), name="bericht_reeks_idx"),
        )

    def __str__(self) -> str:
        return f"{self.soort}: {self.onderwerp} ({self.status})"

    @property
    def message_id(self) -> str:
        """The stable Message-ID of every attempt, e.g. ``"<3f2a...@politiebijstand>"``."""
        return message_id_voor(self.uuid)


def message_id_voor(bericht_uuid: uuid.UUID) -> str:
    """The Message-ID header (RFC 5322) of the message with this uuid (ADR 0034)."""
    return f"<{bericht_uuid}@politiebijstand>"
