"""The document store: rendered PDFs and PDFs received from outside (issue #10, ADR 0032).

A `Document` row describes one file under `settings.DOCUMENTEN_DIR` (outside the web root).
Rows are written only by `politiebijstand.documenten.services`; a stored row never changes
and is never removed: a change makes a new row with the next `versie`.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone

from politiebijstand.documenten.constants import Soort


class DocumentOnveranderlijk(Exception):
    """Raised on any attempt to change or remove a stored document."""


class DocumentQuerySet(models.QuerySet["Document"]):
    """Refuses the bulk operations that would change or remove stored documents."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise DocumentOnveranderlijk("documenten: een opgeslagen document verandert nooit")

    def delete(self) -> NoReturn:
        raise DocumentOnveranderlijk("documenten: een opgeslagen document blijft bewaard")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise DocumentOnveranderlijk("documenten: een opgeslagen document verandert nooit")


class Document(models.Model):
    """One version of a document of a request: its file, template version and sha256."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzoek = models.ForeignKey(
        "verzoeken.Bijstandsverzoek",
        on_delete=models.PROTECT,
        related_name="documenten",
        help_text="Het bijstandsverzoek waartoe het document hoort.",
    )
    soort = models.CharField(max_length=40, choices=Soort.choices)
    sleutel = models.CharField(
        max_length=100,
        blank=True,
        help_text="Onderscheidt documenten van dezelfde soort binnen een verzoek, bijvoorbeeld "
        "de gemeente van een aanvraagformulier; versies tellen per (verzoek, soort, sleutel).",
    )
    titel = models.CharField(max_length=200)
    versie = models.PositiveIntegerField(help_text="1, 2, ... per (verzoek, soort, sleutel).")
    sjabloon_versie = models.CharField(
        max_length=64,
        blank=True,
        help_text="sha256 (hex) van het typst-sjabloon waarmee het document is gemaakt; leeg "
        "voor een document van buiten.",
    )
    sha256 = models.CharField(max_length=64, help_text="sha256 (hex) van de bytes van het bestand.")
    grootte = models.PositiveBigIntegerField(help_text="Grootte van het bestand in bytes.")
    bestand = models.CharField(
        max_length=255,
        unique=True,
        help_text="Pad van het bestand, relatief aan PB_DOCUMENTEN_DIR (buiten de webroot).",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now, help_text="Tijdstip (UTC).")
    extern = models.BooleanField(
        default=False, help_text="Ontvangen van een partij zonder account (brief of e-mail)."
    )
    afzender = models.CharField(
        max_length=200, blank=True, help_text="Wie het document van buiten stuurde."
    )
    ondertekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ondertekend_namens = models.CharField(
        max_length=200,
        blank=True,
        help_text="Hoedanigheid van de ondertekening, bijvoorbeeld 'namens de burgemeester "
        "van Amersfoort'.",
    )
    ondertekend_op = models.DateTimeField(null=True, blank=True, help_text="Tijdstip (UTC).")

    objects: ClassVar[models.Manager[Document]] = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ("aangemaakt_op", "pk")
        verbose_name = "document"
        verbose_name_plural = "documenten"
        constraints = (
            models.UniqueConstraint(
                fields=("verzoek", "soort", "sleutel", "versie"),
                name="documenten_document_versie_uniek",
            ),
        )

    def __str__(self) -> str:
        return f"{self.titel} (versie {self.versie})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only: a stored document can never be saved again (ADR 0032)."""
        if not self._state.adding:
            raise DocumentOnveranderlijk(
                f"documenten: document {self.uuid} is opgeslagen en verandert nooit"
            )
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise DocumentOnveranderlijk(f"documenten: document {self.uuid} blijft bewaard")

    @property
    def bestandsnaam(self) -> str:
        """The file name of a download or mail attachment: ``<soort>-<sleutel>-v<versie>.pdf``.

        ASCII letters, digits, ``-`` and ``_`` only (no path separators).
        """
        delen = [self.soort, self.sleutel, f"v{self.versie}"]
        naam = "-".join(d for d in delen if d)
        veilig = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in naam)
        return f"{veilig}.pdf"
