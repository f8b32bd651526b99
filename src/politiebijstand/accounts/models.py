"""The user account (`Gebruiker`): a person of one organisation, with one role (issue #3)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

from politiebijstand.accounts.constants import Rol


class Gebruiker(AbstractUser):
    """A person who logs in: belongs to one organisation and has one role there.

    Need-to-know access (`politiebijstand.toegang`) is decided by `organisatie` and `rol`;
    `is_superuser` is technical administration (Django admin) and grants no sight of requests.
    Accounts are deactivated (`is_active`), never deleted, so that the audit trail keeps its actor.
    """

    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebruikers",
        help_text=(
            "De organisatie waarvoor deze persoon werkt; bepaalt welke verzoeken en taken hij "
            "ziet. Leeg alleen voor technisch beheer."
        ),
    )
    rol = models.CharField(
        max_length=20,
        choices=Rol.choices,
        default=Rol.MEDEWERKER,
        help_text=(
            "Medewerker; besluitvormer (mag besluiten nemen en ondertekenen); beheerder (beheert "
            "de accounts van de eigen organisatie)."
        ),
    )
    is_demo = models.BooleanField(
        default=False,
        help_text=(
            "Demo-account van `make run`: geen tweede factor vereist. Kan niet inloggen onder de "
            "productie-instellingen."
        ),
    )

    objects: ClassVar[UserManager[Gebruiker]] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ("username",)

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_besluitvormer(self) -> bool:
        """Whether this person may take decisions and sign (role besluitvormer)."""
        return self.rol == Rol.BESLUITVORMER

    @property
    def is_beheerder(self) -> bool:
        """Whether this person manages the accounts of their own organisation."""
        return self.rol == Rol.BEHEERDER


class ApiToken(models.Model):
    """An API token of an organisation: how another system calls the API (issue #12, ADR 0049).

    A token acts as its own system account (`account`): a `Gebruiker` of the token's
    organisation with the role the beheerder chose and no usable password, so that every
    need-to-know rule of the selectors applies unchanged and every audit row names the token
    (the account's user name is ``api-`` and the token's public prefix). The secret
    (``pb_`` + `secrets.token_urlsafe(32)`) is shown once; only its sha256 is stored.
    """

    organisatie = models.ForeignKey(
        "organisaties.Organisatie",
        on_delete=models.PROTECT,
        related_name="api_tokens",
        help_text="De organisatie waarvoor het token werkt; bepaalt wat het mag zien.",
    )
    naam = models.CharField(
        max_length=100, help_text="Waarvoor het token dient, bijvoorbeeld 'Koppeling GMS'."
    )
    account = models.OneToOneField(
        Gebruiker,
        on_delete=models.PROTECT,
        related_name="api_token",
        help_text="Het systeemaccount waarmee het token handelt (rol en organisatie).",
    )
    prefix = models.CharField(
        max_length=16,
        unique=True,
        help_text="Het openbare begin van het geheim (pb_ en 8 tekens), om het te herkennen.",
    )
    geheim_hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="sha256 (64 hex) van het geheim; het geheim zelf wordt nooit bewaard.",
    )
    aangemaakt_door = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De beheerder die het token aanmaakte.",
    )
    aangemaakt_op = models.DateTimeField(help_text="Tijdstip van aanmaken (UTC).")
    verloopt_op = models.DateTimeField(
        help_text="Na dit tijdstip (UTC) wordt het token geweigerd; hoogstens een jaar na aanmaken."
    )
    laatst_gebruikt_op = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Laatste aanroep (UTC), hoogstens eens per minuut bijgewerkt; leeg: nooit.",
    )
    ingetrokken_op = models.DateTimeField(
        null=True, blank=True, help_text="Tijdstip van intrekken (UTC); leeg: niet ingetrokken."
    )
    ingetrokken_door = models.ForeignKey(
        Gebruiker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De beheerder die het token introk.",
    )

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"
        ordering = ("-aangemaakt_op", "-pk")

    def __str__(self) -> str:
        return f"{self.prefix} ({self.naam})"

    def status(self, nu: datetime) -> str:
        """``"ingetrokken"``, ``"verlopen"`` (at or after `verloopt_op`) or ``"actief"``."""
        if self.ingetrokken_op is not None:
            return "ingetrokken"
        if nu >= self.verloopt_op:
            return "verlopen"
        return "actief"
