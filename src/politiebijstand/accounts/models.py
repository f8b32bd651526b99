"""The user account (`Gebruiker`): a person of one organisation, with one role (issue #3)."""

from __future__ import annotations

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
