"""The FNIK budget of a year and the costs of a military deployment (issue #11 item 3).

Amounts are in euros as `Decimal` with two decimals (never float). Times are stored in UTC.
Bron: factsheet, toelichting 10 (financiering, FNIK) and 11 (militaire steunverlening).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Budget(models.Model):
    """The FNIK budget of one calendar year, in euros."""

    jaar = models.PositiveSmallIntegerField(unique=True, help_text="Kalenderjaar.")
    bedrag = models.DecimalField(max_digits=12, decimal_places=2, help_text="In euro.")
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgesteld_op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "FNIK-budget"
        verbose_name_plural = "FNIK-budgetten"
        ordering = ("jaar",)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(bedrag__gte=0), name="fnik_budget_niet_negatief"
            ),
        )

    def __str__(self) -> str:
        return f"FNIK {self.jaar}: € {self.bedrag}"


class KostenSoort(models.TextChoices):
    """An estimate (at the grant) or the actual costs (after the deployment), ADR 0041."""

    RAMING = "raming", "Raming"
    WERKELIJK = "werkelijk", "Werkelijke kosten"


class Kostenpost(models.Model):
    """The estimate (at the grant) or the actual costs (after the end) of one deployment.

    At most one of each kind per part (`Deelverzoek`); recording again replaces it (audited).
    ``jaar`` is the year of the deployment's start (``periode_start``) in Europe/Amsterdam.
    """

    verzoek = models.ForeignKey(
        "verzoeken.Bijstandsverzoek", on_delete=models.PROTECT, related_name="+"
    )
    deelverzoek = models.ForeignKey(
        "verzoeken.Deelverzoek", on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField(max_length=10, choices=KostenSoort.choices)
    bedrag = models.DecimalField(max_digits=12, decimal_places=2, help_text="In euro.")
    toelichting = models.TextField(blank=True)
    jaar = models.PositiveSmallIntegerField(
        help_text="Jaar van het begin van de inzet (Europe/Amsterdam)."
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "FNIK-kostenpost"
        verbose_name_plural = "FNIK-kostenposten"
        ordering = ("jaar", "verzoek_id", "deelverzoek_id", "soort")
        constraints = (
            models.UniqueConstraint(fields=("deelverzoek", "soort"), name="fnik_een_per_soort"),
            models.CheckConstraint(
                condition=models.Q(bedrag__gte=0), name="fnik_kosten_niet_negatief"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.deelverzoek_id}: € {self.bedrag}"
