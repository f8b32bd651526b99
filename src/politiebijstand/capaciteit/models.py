"""The capacity register and its claims (issue #11 item 1, ADR 0038).

`Capaciteit` is what one provider offers: pooled capacity (``aantal`` units, e.g. 6 ME platoons
of a unit) or a single named resource (``benoemd``: aantal 1, with a status and a location).
`Claim` reserves capacity for a period [van, tot) (half-open, stored in UTC) for a part of a
request: tentative while the part is in process, firm after a grant, released (``vrijgegeven_op``)
at refusal, withdrawal or the end of the deployment.

Bron: issue #11 item 1; factsheet, toelichting 2 (LOCC: "verwerkt de aanvraag in haar
capaciteitenoverzichten"); Politiewet 2012 art. 56 to 58.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from politiebijstand.capaciteit.constants import CapaciteitSoort, ClaimSoort, MiddelStatus


class Capaciteit(models.Model):
    """One provider's offer: pooled capacity, or one named resource (aantal 1)."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De leverancier: een politie-eenheid, de KMar, het LOCC (JenV), Defensie.",
    )
    soort = models.CharField(max_length=30, choices=CapaciteitSoort.choices, db_index=True)
    naam = models.CharField(
        max_length=120, help_text="Naam, bijvoorbeeld 'ME Amsterdam' of 'Waterwerper WW-01'."
    )
    aantal = models.PositiveIntegerField(
        default=1, help_text="Hoeveel eenheden (pelotons, teams); 1 voor een benoemd middel."
    )
    benoemd = models.BooleanField(
        default=False, help_text="Een enkel middel met een naam, status en locatie."
    )
    status = models.CharField(
        max_length=20,
        choices=MiddelStatus.choices,
        default=MiddelStatus.BESCHIKBAAR,
        help_text="Voor een benoemd middel: beschikbaar, ingezet of in onderhoud.",
    )
    locatie = models.CharField(max_length=120, blank=True, help_text="Waar het middel staat.")
    reactietijd = models.DurationField(
        null=True, blank=True, help_text="Voor Defensie: de tijd tot inzet na een besluit."
    )
    verdrag = models.CharField(
        max_length=200, blank=True, help_text="Voor een buitenlandse partner: het verdrag."
    )
    bron = models.CharField(
        max_length=200, help_text="Waar de gegevens vandaan komen ('demo' als verzonnen)."
    )
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "capaciteit"
        verbose_name_plural = "capaciteiten"
        ordering = ("organisatie__code", "soort", "naam")
        constraints = (
            models.UniqueConstraint(fields=("organisatie", "naam"), name="capaciteit_naam_uniek"),
            models.CheckConstraint(
                condition=Q(benoemd=False) | Q(aantal=1), name="capaciteit_benoemd_een"
            ),
            models.CheckConstraint(condition=Q(aantal__gte=1), name="capaciteit_aantal_positief"),
        )

    def __str__(self) -> str:
        return self.naam


class Claim(models.Model):
    """A reservation of `aantal` of a capacity for [van, tot) (UTC) by a part of a request."""

    capaciteit = models.ForeignKey(Capaciteit, on_delete=models.PROTECT, related_name="claims")
    aantal = models.PositiveIntegerField()
    van = models.DateTimeField(help_text="Begin (UTC), inbegrepen.")
    tot = models.DateTimeField(help_text="Einde (UTC), niet inbegrepen.")
    soort = models.CharField(max_length=10, choices=ClaimSoort.choices)
    verzoek = models.ForeignKey(
        "verzoeken.Bijstandsverzoek", on_delete=models.CASCADE, related_name="+"
    )
    deelverzoek = models.ForeignKey(
        "verzoeken.Deelverzoek", on_delete=models.CASCADE, related_name="+"
    )
    regel = models.ForeignKey(
        "verzoeken.GevraagdeInzet",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De gevraagde inzet waarvoor geclaimd is.",
    )
    aangemaakt_op = models.DateTimeField(help_text="UTC.")
    vrijgegeven_op = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Vrijgegeven (UTC), of leeg: geldt."
    )

    class Meta:
        verbose_name = "claim"
        verbose_name_plural = "claims"
        ordering = ("van", "id")
        indexes = (models.Index(fields=("capaciteit", "van", "tot"), name="claim_periode_idx"),)
        constraints = (
            models.CheckConstraint(condition=Q(tot__gt=F("van")), name="claim_tot_na_van"),
            models.CheckConstraint(condition=Q(aantal__gte=1), name="claim_aantal_positief"),
        )

    def __str__(self) -> str:
        return f"{self.aantal} × {self.capaciteit_id} ({self.soort})"
