"""Decisions: a decision step's `Besluit` and its outcome per requested line (`BesluitRegel`)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from politiebijstand.verzoeken.constants import (
    BesluitUitkomst,
    RegelUitkomst,
)
from politiebijstand.verzoeken.models.taak import Taak
from politiebijstand.verzoeken.models.verzoek import (
    ORG_MODEL,
    Bijstandsverzoek,
    Deelverzoek,
    GevraagdeInzet,
)


class Besluit(models.Model):
    """A decision on a part: granted, partly granted (per line) or rejected.

    Stores a beslisverslag (STYLE.md § 3): the advice and rules version, the model version,
    and the process data at the moment of the decision (Awb 3:46).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzoek = models.ForeignKey(
        Bijstandsverzoek, on_delete=models.CASCADE, related_name="besluiten"
    )
    deelverzoek = models.ForeignKey(Deelverzoek, on_delete=models.CASCADE, related_name="besluiten")
    taak = models.OneToOneField(Taak, on_delete=models.PROTECT, related_name="besluit")
    veld = models.CharField(
        max_length=30,
        help_text="Het veld van de stap: 'besluit', of 'besluit_defensie' (DJZ namens Defensie).",
    )
    uitkomst = models.CharField(max_length=20, choices=BesluitUitkomst.choices)
    motivering = models.TextField(help_text="De redenen (Awb 3:46).")
    voorwaarden = models.TextField(blank=True, help_text="Voorwaarden bij toekenning.")
    namens = models.CharField(
        max_length=300,
        help_text=(
            "Namens wie besloten wordt, bijvoorbeeld 'namens de Minister van Justitie en "
            "Veiligheid, na overleg met de Minister van Defensie'."
        ),
    )
    grondslag = models.CharField(max_length=200, blank=True, help_text="Wettelijke grondslag.")
    organisatie = models.ForeignKey(ORG_MODEL, on_delete=models.PROTECT, related_name="+")
    genomen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    genomen_op = models.DateTimeField(help_text="UTC.")
    beslisverslag = models.JSONField(default=dict)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ("genomen_op", "id")

    def __str__(self) -> str:
        return f"{self.get_uitkomst_display()} ({self.namens})"


class BesluitRegel(models.Model):
    """The decision on one requested line (for a partial grant)."""

    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="regels")
    regel = models.ForeignKey(GevraagdeInzet, on_delete=models.PROTECT, related_name="+")
    uitkomst = models.CharField(max_length=20, choices=RegelUitkomst.choices)
    toegekend_aantal = models.PositiveIntegerField(null=True, blank=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "besluitregel"
        verbose_name_plural = "besluitregels"
        ordering = ("besluit", "regel__volgnummer")
        constraints = (
            models.UniqueConstraint(fields=("besluit", "regel"), name="besluitregel_uniek"),
        )

    def __str__(self) -> str:
        return f"{self.regel_id}: {self.uitkomst}"
