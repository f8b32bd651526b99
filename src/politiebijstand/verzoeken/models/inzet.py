"""Deployment after the decision: its versions (`InzetVersie`) and evaluation."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from politiebijstand.verzoeken.constants import (
    InzetSoort,
)
from politiebijstand.verzoeken.models.verzoek import (
    Deelverzoek,
)


class InzetVersie(models.Model):
    """One version of the deployment after the decision: started, amended, extended, ended.

    Versions are only added, never changed: the current deployment is the latest version.
    """

    deelverzoek = models.ForeignKey(
        Deelverzoek, on_delete=models.CASCADE, related_name="inzetversies"
    )
    versie = models.PositiveSmallIntegerField()
    soort = models.CharField(max_length=20, choices=InzetSoort.choices)
    periode_start = models.DateTimeField(help_text="UTC.")
    periode_eind = models.DateTimeField(help_text="UTC.")
    capaciteit = models.TextField(help_text="De ingezette capaciteit in woorden.")
    toelichting = models.TextField(blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "inzetversie"
        verbose_name_plural = "inzetversies"
        ordering = ("deelverzoek", "versie")
        constraints = (
            models.UniqueConstraint(fields=("deelverzoek", "versie"), name="inzetversie_uniek"),
        )

    def __str__(self) -> str:
        return f"{self.deelverzoek_id} v{self.versie} {self.soort}"


class InzetEvaluatie(models.Model):
    """The evaluation of an ended deployment."""

    deelverzoek = models.OneToOneField(
        Deelverzoek, on_delete=models.CASCADE, related_name="evaluatie"
    )
    verslag = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"

    def __str__(self) -> str:
        return f"evaluatie {self.deelverzoek_id}"
