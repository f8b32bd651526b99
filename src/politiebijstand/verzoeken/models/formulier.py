"""The request form (aanvraagformulier): drafts, versions and signing mandates (#10, ADR 0033).

One form per route (`Deelverzoek`) and per municipality (`gemeente_code`, ADR 0031: the forms
of a route a burgemeester signs are one per municipality; ``""`` is the form of the competent
authority itself, for a route without municipalities or signed by the officier van justitie).

- `FormulierConcept`: what someone typed, stored without validation, one per (part,
  municipality, the typist's organisation). Nothing typed is lost on an error or a lost session.
- `FormulierVersie`: a validated form; once signed it never changes (`save` and `delete`
  refuse). A change after signing is a new version (versie + 1) that must be signed again.
- `Mandaat`: who may sign on behalf of a competent authority, from when until when.

Datetimes are stored in UTC.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from politiebijstand.verzoeken.models.verzoek import ORG_MODEL, Deelverzoek


class OndertekendFormulierGewijzigd(Exception):
    """A signed version was about to be changed or deleted (never allowed, ADR 0033)."""


class FormulierConcept(models.Model):
    """A draft of the form, saved as the user types (htmx autosave), never validated."""

    deelverzoek = models.ForeignKey(
        Deelverzoek, on_delete=models.CASCADE, related_name="formulier_concepten"
    )
    gemeente_code = models.CharField(
        max_length=20, blank=True, help_text="CBS-code van de gemeente van het formulier, of leeg."
    )
    organisatie = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De organisatie van wie het concept typt (één concept per organisatie).",
    )
    gegevens = models.JSONField(default=dict, help_text="Wat is getypt, ongecontroleerd.")
    bewaard_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    bewaard_op = models.DateTimeField(help_text="Laatst bewaard (UTC).")

    class Meta:
        verbose_name = "formulierconcept"
        verbose_name_plural = "formulierconcepten"
        constraints = (
            models.UniqueConstraint(
                fields=("deelverzoek", "gemeente_code", "organisatie"),
                name="formulier_concept_uniek",
            ),
        )

    def __str__(self) -> str:
        return f"concept {self.deelverzoek_id}/{self.gemeente_code or '-'}"


class Mandaat(models.Model):
    """A recorded mandate: `gemachtigde` may sign forms on behalf of `gezag`.

    Bron: Awb art. 10:1 en 10:3 (mandaat: de bevoegdheid om in naam van een bestuursorgaan
    besluiten te nemen; ook ondertekening, art. 10:10).
    """

    gemachtigde = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mandaten",
        help_text="Wie namens het gezag ondertekent.",
    )
    gezag = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Het bevoegd gezag (gemeente of arrondissementsparket) dat mandaat verleent.",
    )
    geldig_van = models.DateTimeField(help_text="Begin (UTC).")
    geldig_tot = models.DateTimeField(help_text="Einde, exclusief (UTC).")
    omschrijving = models.CharField(
        max_length=300, blank=True, help_text="Het mandaatbesluit (kenmerk, datum)."
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "mandaat"
        verbose_name_plural = "mandaten"
        ordering = ("gezag", "-geldig_van")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(geldig_tot__gt=models.F("geldig_van")),
                name="mandaat_tot_na_van",
            ),
        )

    def __str__(self) -> str:
        return f"{self.gemachtigde_id} namens {self.gezag_id}"


class FormulierVersie(models.Model):
    """One validated version of a form; signed, it is immutable (ADR 0033).

    `inhoud` is the canonical JSON of what is signed (sorted keys, no spaces, UTF-8) and
    `inhoud_sha256` its hash: the PDF is rendered from it (app `documenten`).
    """

    deelverzoek = models.ForeignKey(
        Deelverzoek, on_delete=models.PROTECT, related_name="formulier_versies"
    )
    gemeente_code = models.CharField(max_length=20, blank=True)
    versie = models.PositiveIntegerField(help_text="1, 2, ... per formulier.")
    inhoud = models.TextField(help_text="Canonieke JSON van het formulier.")
    inhoud_sha256 = models.CharField(max_length=64)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(help_text="UTC.")
    ondertekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ondertekend_op = models.DateTimeField(null=True, blank=True, help_text="UTC.")
    hoedanigheid = models.CharField(
        max_length=300,
        blank=True,
        help_text="In welke hoedanigheid ondertekend, bijvoorbeeld 'namens de burgemeester van "
        "Wassenaar'.",
    )
    mandaat = models.ForeignKey(
        Mandaat, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "formulierversie"
        verbose_name_plural = "formulierversies"
        ordering = ("deelverzoek", "gemeente_code", "versie")
        constraints = (
            models.UniqueConstraint(
                fields=("deelverzoek", "gemeente_code", "versie"), name="formulier_versie_uniek"
            ),
        )

    def __str__(self) -> str:
        return f"formulier {self.deelverzoek_id}/{self.gemeente_code or '-'} v{self.versie}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, unless the stored row is signed.

        Raises:
            OndertekendFormulierGewijzigd: the stored version is signed.
        """
        if self._opgeslagen_ondertekend():
            raise OndertekendFormulierGewijzigd(f"{self} is ondertekend en verandert niet")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Delete, unless the stored row is signed.

        Raises:
            OndertekendFormulierGewijzigd: the stored version is signed.
        """
        if self._opgeslagen_ondertekend():
            raise OndertekendFormulierGewijzigd(f"{self} is ondertekend en wordt niet verwijderd")
        return super().delete(*args, **kwargs)

    @property
    def is_ondertekend(self) -> bool:
        return self.ondertekend_op is not None

    def _opgeslagen_ondertekend(self) -> bool:
        if self.pk is None:
            return False
        return FormulierVersie.objects.filter(pk=self.pk, ondertekend_op__isnull=False).exists()
