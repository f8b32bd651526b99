"""Roles and audit event codes of the accounts app (issue #3)."""

from __future__ import annotations

from enum import StrEnum

from django.db import models


class Rol(models.TextChoices):
    """What a person may do within their own organisation.

    - medewerker: works on the requests and tasks of their organisation.
    - besluitvormer: as medewerker, and may take decisions and sign.
    - beheerder: as medewerker, and manages the accounts of their own organisation only.
    """

    MEDEWERKER = "medewerker", "Medewerker"
    BESLUITVORMER = "besluitvormer", "Besluitvormer"
    BEHEERDER = "beheerder", "Beheerder"


class Gebeurtenis(StrEnum):
    """Stable kebab-case audit event codes written by the accounts app."""

    INGELOGD = "gebruiker-ingelogd"
    INLOGGEN_MISLUKT = "inloggen-mislukt"
    INLOGGEN_GEBLOKKEERD = "inloggen-geblokkeerd"
    TWEEDE_FACTOR_MISLUKT = "tweede-factor-mislukt"
    UITGELOGD = "gebruiker-uitgelogd"
    SESSIES_BEEINDIGD = "sessies-beeindigd"
    SESSIE_VERLOPEN = "sessie-verlopen"
    GEBRUIKER_AANGEMAAKT = "gebruiker-aangemaakt"
    RECHTEN_GEWIJZIGD = "rechten-gewijzigd"
    TWEEDE_FACTOR_GEACTIVEERD = "tweede-factor-geactiveerd"
    TWEEDE_FACTOR_VERWIJDERD = "tweede-factor-verwijderd"
    HERSTELCODES_VERNIEUWD = "herstelcodes-vernieuwd"
    SESSIE_ZONDER_TWEEDE_FACTOR = "sessie-zonder-tweede-factor"
    GEBRUIKER_GEWIJZIGD = "gebruiker-gewijzigd"
    WACHTWOORD_INGESTELD = "wachtwoord-ingesteld"
    WACHTWOORD_GEWIJZIGD = "wachtwoord-gewijzigd"
    # API tokens (issue #12 item 3, ADR 0049); event codes, not secrets (S105)
    API_TOKEN_AANGEMAAKT = "api-token-aangemaakt"  # noqa: S105
    API_TOKEN_INGETROKKEN = "api-token-ingetrokken"  # noqa: S105
    API_TOKEN_GEWEIGERD = "api-token-geweigerd"  # noqa: S105
    API_AANROEP = "api-aanroep"
