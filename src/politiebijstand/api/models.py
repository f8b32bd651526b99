"""What the API stores itself: the idempotency keys of its POSTs (issue #12 item 4; ADR 0048).

The request data stay in the domain apps; a key row only holds what a retry needs: who sent
the key for which method and path, the sha256 of the body, and the first successful answer.
"""

from __future__ import annotations

from django.db import models


class IdempotentieSleutel(models.Model):
    """One `Idempotency-Key` of one caller for one method and path, kept for 24 hours.

    The unique constraint on (aanroeper, methode, pad, sleutel) is the guard against a second
    execution: the row is inserted in its own transaction before the work starts
    (`api.idempotentie`). While `antwoord_status` is null the first request is still being
    processed (or failed and its row is about to be removed).
    """

    aanroeper = models.CharField(
        max_length=100,
        help_text="Wie de sleutel stuurde: 'gebruiker:<id>' (een API-token handelt als een "
        "gebruiker van zijn organisatie).",
    )
    methode = models.CharField(max_length=10, help_text="HTTP-methode, 'POST'.")
    pad = models.CharField(max_length=500, help_text="Het pad, bijvoorbeeld '/api/v1/verzoeken'.")
    sleutel = models.CharField(max_length=255, help_text="De waarde van de kop Idempotency-Key.")
    body_sha256 = models.CharField(
        max_length=64, help_text="sha256 (hex) van de body in canonieke vorm (ADR 0048)."
    )
    antwoord_status = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="De HTTP-status van het eerste geslaagde antwoord."
    )
    antwoord_koppen = models.JSONField(
        default=dict, help_text="De koppen die ertoe doen (Location, ETag)."
    )
    antwoord_body = models.TextField(
        blank=True, help_text="De body van het eerste antwoord, als JSON-tekst."
    )
    aangemaakt_op = models.DateTimeField(help_text="UTC.")
    verloopt_op = models.DateTimeField(
        db_index=True, help_text="UTC; daarna telt de sleutel niet meer en wordt hij opgeruimd."
    )

    class Meta:
        verbose_name = "idempotentiesleutel"
        verbose_name_plural = "idempotentiesleutels"
        constraints = (
            models.UniqueConstraint(
                fields=["aanroeper", "methode", "pad", "sleutel"],
                name="pb_api_idempotentiesleutel_uniek",
            ),
        )

    def __str__(self) -> str:
        return f"{self.aanroeper} {self.methode} {self.pad} {self.sleutel}"
