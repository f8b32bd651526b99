"""The audit trail: an append-only, hash-chained log of every change (issues #3 and #4).

Each row's `hash` is the HMAC-SHA256, with a key outside the database, of a canonical JSON of
its fields (ADR 0026; rows from before the key: a plain sha256, `hash_versie` 1), which
include the previous row's hash (`vorige_hash`), so that changing, inserting or removing any
row breaks the chain at that row (`politiebijstand.audit.keten.keten_verifieren`). Rows are
written only by `politiebijstand.audit.services.audit_record`, in the transaction of the
change they record.
Updates and deletes are refused here and, on PostgreSQL, by a trigger (migration 0002).
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models


class AuditAlleenToevoegen(Exception):
    """Raised on any attempt to change or remove an audit row (the trail is append-only)."""


class AuditLogEntryQuerySet(models.QuerySet["AuditLogEntry"]):
    """Refuses the bulk operations that would bypass the chain."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditAlleenToevoegen("audit: rijen wijzigen is niet toegestaan")

    def delete(self) -> NoReturn:
        raise AuditAlleenToevoegen("audit: rijen verwijderen is niet toegestaan")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditAlleenToevoegen("audit: rijen wijzigen is niet toegestaan")

    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditAlleenToevoegen(
            "audit: schrijf rijen met audit_record() (of audit_record_systeem_batch())"
        )


class AuditLogEntry(models.Model):
    """One event: who (and of which organisation), when, what, on which object, before/after."""

    volgnummer = models.PositiveBigIntegerField(
        primary_key=True, help_text="Positie in de keten: 1, 2, 3, ... zonder gaten."
    )
    tijdstip = models.DateTimeField(help_text="Tijdstip van de gebeurtenis (UTC).")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Wie de handeling deed; leeg voor een niet-ingelogde bezoeker of het systeem.",
    )
    actor_gebruikersnaam = models.CharField(
        max_length=150,
        blank=True,
        help_text="Gebruikersnaam van de actor op het moment zelf (of de geprobeerde naam).",
    )
    actor_organisatie_code = models.CharField(
        max_length=40,
        blank=True,
        help_text="Code van de organisatie van de actor op het moment zelf.",
    )
    gebeurtenis = models.CharField(
        max_length=80,
        db_index=True,
        help_text="Vaste code in kebab-case, bijvoorbeeld 'rechten-gewijzigd'.",
    )
    object_type = models.CharField(
        max_length=100, blank=True, help_text="'app_label.model' van het object, of leeg."
    )
    object_id = models.CharField(
        max_length=64, blank=True, help_text="Sleutel van het object (tekst), of leeg."
    )
    voor = models.JSONField(null=True, blank=True, help_text="Toestand vóór de wijziging.")
    na = models.JSONField(null=True, blank=True, help_text="Toestand na de wijziging.")
    vorige_hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="Hash van de vorige rij (64 nullen voor de eerste); uniek, dus geen vertakking.",
    )
    hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="HMAC-SHA256 (hex, sleutel PB_AUDIT_SLEUTEL) van de canonieke JSON van deze rij.",
    )
    hash_versie = models.PositiveSmallIntegerField(
        help_text="1: sha256 zonder sleutel (regels van vóór issue #9); 2: HMAC-SHA256 met "
        "PB_AUDIT_SLEUTEL. Daalt nooit langs de keten (ADR 0026).",
    )

    objects: ClassVar[models.Manager[AuditLogEntry]] = AuditLogEntryQuerySet.as_manager()

    class Meta:
        ordering = ("volgnummer",)
        verbose_name = "auditregel"
        verbose_name_plural = "audittrail"
        indexes = (models.Index(fields=("object_type", "object_id"), name="audit_object_idx"),)

    def __str__(self) -> str:
        return f"#{self.volgnummer} {self.gebeurtenis} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only: a stored row can never be saved again."""
        if not self._state.adding:
            raise AuditAlleenToevoegen(f"audit: rij {self.volgnummer} wijzigen is niet toegestaan")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditAlleenToevoegen(f"audit: rij {self.volgnummer} verwijderen is niet toegestaan")
