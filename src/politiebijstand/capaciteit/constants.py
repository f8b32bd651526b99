"""Choices of the capacity register (ADR 0038)."""

from __future__ import annotations

from django.db import models


class CapaciteitSoort(models.TextChoices):
    """What kind of capacity a provider offers (issue #11 item 1; factsheet, toelichting 1-8)."""

    ME_PELOTON = "me_peloton", "ME-peloton"
    AANHOUDINGSEENHEID = "aanhoudingseenheid", "Aanhoudingseenheid"
    SPECIALISME = "specialisme", "Specialisme"
    BIJSTANDSEENHEID_KMAR = "bijstandseenheid_kmar", "Bijstandseenheid KMar"
    WATERWERPER = "waterwerper", "Waterwerper"
    BEWAKINGSCONTAINER = "bewakingscontainer", "Bewakingscontainer"
    VRT_VOERTUIG = "vrt_voertuig", "VRT-voertuig"
    DEFENSIECAPACITEIT = "defensiecapaciteit", "Defensiecapaciteit"
    BUITENLANDSE_PARTNER = "buitenlandse_partner", "Buitenlandse partner"


class MiddelStatus(models.TextChoices):
    """The status of a single named resource (a water cannon, a container, a VRT vehicle)."""

    BESCHIKBAAR = "beschikbaar", "Beschikbaar"
    INGEZET = "ingezet", "Ingezet"
    ONDERHOUD = "onderhoud", "In onderhoud"


class ClaimSoort(models.TextChoices):
    """A tentative claim while a part is in process, a firm one after a grant."""

    VOORLOPIG = "voorlopig", "Voorlopig"
    VAST = "vast", "Vast"


class ConflictSoort(models.TextChoices):
    """Why claims do not fit the register."""

    OVERSCHREDEN = "overschreden", "Capaciteit overschreden"
    DUBBEL = "dubbel", "Middel dubbel geclaimd"
    ONDERHOUD = "onderhoud", "Middel in onderhoud"
    INGEZET = "ingezet", "Middel elders ingezet"
    GEEN_CAPACITEIT = "geen_capaciteit", "Geen passende capaciteit in het overzicht"
