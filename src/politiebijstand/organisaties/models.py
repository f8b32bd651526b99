"""The organisations of the bijstand process (issue #2), extensible for accounts (issue #3)."""

from __future__ import annotations

from django.db import models

from politiebijstand.organisaties.referentie import MAX_LENGTH, SOORTEN


class Organisatie(models.Model):
    """An organisation (or a role such as burgemeester) in the bijstand process.

    The rows named by the contract's organisation codes come from
    ``organisaties/data/organisaties.yaml`` via the command ``referentiedata_laden``, which
    creates or updates them by `code`. Issue #3 may add units (a regional eenheid's RCCB) under
    a `parent`.

    Bron: LOCC factsheet, "LOCC, RCCB en Preparatie en Operationeel Beheer", the toelichtingen
    and "Contactgegevens"; codes from docs/contract/advies.md.
    """

    code = models.CharField(
        max_length=MAX_LENGTH["code"],
        unique=True,
        help_text="Organisatiecode van het contract, bijvoorbeeld 'LE-POB'.",
    )
    naam = models.CharField(
        max_length=MAX_LENGTH["naam"],
        help_text="Volledige Nederlandse naam, zoals in de factsheet.",
    )
    afkorting = models.CharField(max_length=MAX_LENGTH["afkorting"], help_text="Korte naam.")
    soort = models.CharField(
        max_length=MAX_LENGTH["soort"],
        choices=list(SOORTEN.items()),
        help_text="Soort organisatie.",
    )
    omschrijving = models.TextField(help_text="Rol in het bijstandsproces, volgens de factsheet.")
    telefoon_spoed = models.CharField(
        max_length=MAX_LENGTH["telefoon_spoed"],
        blank=True,
        help_text="Telefoonnummer bij spoed (piket, 24/7), bijvoorbeeld '088 - 662 80 48'.",
    )
    telefoon = models.CharField(
        max_length=MAX_LENGTH["telefoon"], blank=True, help_text="Telefoonnummer van de afdeling."
    )
    telefoon_algemeen = models.CharField(
        max_length=MAX_LENGTH["telefoon_algemeen"],
        blank=True,
        help_text="Algemeen telefoonnummer van de organisatie waar de afdeling deel van is.",
    )
    email = models.EmailField(
        max_length=MAX_LENGTH["email"], blank=True, help_text="E-mailadres, zoals in de factsheet."
    )
    mailbox = models.EmailField(
        "functionele mailbox",
        max_length=MAX_LENGTH["email"],
        blank=True,
        help_text=(
            "Adres waar het product de berichten aan deze organisatie bezorgt (functionele "
            "mailbox, bijvoorbeeld 'locc@...'). Leeg: berichten worden niet bezorgd en staan "
            "als 'zonder adres' bij het verzoek en in het beheer. Beheerd door de beheerder, "
            "niet door het referentiebestand; wijzigingen staan in de geschiedenis."
        ),
    )
    website = models.CharField(
        max_length=MAX_LENGTH["website"],
        blank=True,
        help_text="Webadres zoals in de factsheet, zonder 'https://'.",
    )
    opmerking = models.TextField(
        blank=True,
        help_text="Correcties op de bron; hoe de organisatie te bereiken is zonder eigen gegevens.",
    )
    bron = models.CharField(
        max_length=MAX_LENGTH["bron"],
        help_text="Onderdelen van de factsheet of artikelen waar de gegevens uit komen.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderdelen",
        help_text="Organisatie waar deze deel van is, bijvoorbeeld het RCCB van een eenheid.",
    )
    eenheid = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="in_gebied",
        limit_choices_to={"soort": "politie", "parent__isnull": True},
        help_text=(
            "Politie-eenheid van het gebied: voor een gemeente en een arrondissementsparket de "
            "regionale eenheid waarin zij liggen (Pw 2012 art. 25 lid 2)."
        ),
    )
    regioburgemeester = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="regioburgemeester_van",
        limit_choices_to={"soort": "gezag"},
        help_text=(
            "Voor een regionale eenheid: de gemeente waarvan de burgemeester regioburgemeester "
            "is (zienswijze, Pw 2012 art. 56 lid 3)."
        ),
    )
    functionaris = models.CharField(
        max_length=200,
        blank=True,
        help_text=(
            "Naam van de huidige ambtsdrager (burgemeester, hoofdofficier van justitie), of leeg. "
            "Bijhouden door de beheerder; wijzigingen staan in de geschiedenis."
        ),
    )
    actief = models.BooleanField(
        default=True, help_text="Uit: de organisatie wordt niet meer gebruikt maar blijft bewaard."
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True, help_text="Tijdstip (UTC).")
    bijgewerkt_op = models.DateTimeField(auto_now=True, help_text="Tijdstip (UTC).")

    class Meta:
        ordering = ("code",)
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"

    @property
    def soort_label(self) -> str:
        """Dutch label of `soort`, e.g. ``"Ministerie van Defensie"``."""
        return SOORTEN[self.soort]
