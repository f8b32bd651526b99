"""The request (bijstandsverzoek) and its parts: the room of the request itself (#4, ADR-0016).

A `Bijstandsverzoek` is made from an advice (`rules.Advies`) by the requesting unit's RCCB. It
has one `Deelverzoek` per allowed route of the advice; each part runs its own procedure of the
factsheet (`procedures.engine`), whose state is stored as text on the part. Its tasks are in
`models.taak`, its decisions in `models.besluit`, its deployment in `models.inzet`.

Writes go through `verzoeken.services` only; status changes through
`verzoeken.workflow.deelverzoek_overgang` only. Datetimes are stored in UTC.

Bron: factsheet "Bijstand & ondersteuning aan de politie", toelichting 1 to 9; Politiewet 2012
hoofdstuk 5 (art. 56 to 58).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken.constants import (
    BesluitUitkomst,
    DeelverzoekStatus,
    Gezag,
    VerzoekStatus,
)

#: The organisation model, as a lazy reference for the foreign keys of every room.
ORG_MODEL = "organisaties.Organisatie"


class Bijstandsverzoek(models.Model):
    """A request for assistance to the police (bijstandsverzoek), made from an advice.

    Implements `toegang.protocollen.VerzoekToegang`. Who takes part (`deelnemers`, through
    `Deelname`) is stored, so that lists can be scoped in SQL.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kenmerk = models.CharField(
        max_length=20,
        unique=True,
        help_text="Leesbaar kenmerk, 'BV-' + jaar + volgnummer, bijvoorbeeld 'BV-2026-000042'.",
    )
    titel = models.CharField(max_length=200, help_text="Korte omschrijving van de inzet.")
    omschrijving = models.TextField(
        blank=True, help_text="De feitelijke aanvraag: aanleiding, taak en gevraagde inzet."
    )
    taak = models.CharField(
        max_length=40,
        help_text="De politietaak waarvoor capaciteit nodig is (contract: Situatie.taak).",
    )
    gezag = models.CharField(
        max_length=30,
        choices=Gezag.choices,
        help_text=(
            "Het bevoegd gezag: de burgemeester (openbare orde, Pw 2012 art. 11) of de officier "
            "van justitie (strafrechtelijke handhaving, Pw 2012 art. 12)."
        ),
    )
    bevoegd_gezag = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=(
            "De concrete aanvrager: de gemeente van de burgemeester, of het "
            "arrondissementsparket van de officier van justitie."
        ),
    )
    gemeenten: models.ManyToManyField[Organisatie, Any] = models.ManyToManyField(
        ORG_MODEL,
        related_name="+",
        blank=True,
        help_text="Gemeenten waar de bijstand wordt ingezet.",
    )
    eenheid = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De politie-eenheid die bijstand nodig heeft.",
    )
    rccb = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Het RCCB van de vragende eenheid (voert de aanvraag uit).",
    )
    regioburgemeester = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="De gemeente van de regioburgemeester van de eenheid (Pw 2012 art. 56 lid 3).",
    )
    periode_start = models.DateTimeField(help_text="Begin van de gevraagde inzet (UTC).")
    periode_eind = models.DateTimeField(help_text="Einde van de gevraagde inzet (UTC).")
    locatie = models.CharField(max_length=300, help_text="Waar de bijstand wordt ingezet.")
    gevraagde_capaciteit = models.TextField(
        blank=True, help_text="De gevraagde capaciteit in woorden (de regels staan per deel)."
    )
    gewenst_effect = models.TextField(
        blank=True, help_text="Het gewenste effect, als de capaciteit niet vast te leggen is."
    )
    spoed = models.BooleanField(
        default=False,
        help_text=(
            "Spoedeisend geval: eerst telefonisch, daarna schriftelijk geformaliseerd "
            "(Pw 2012 art. 56 lid 3; factsheet, toelichting 3, 4, 7 en 8)."
        ),
    )
    oefening = models.BooleanField(
        default=False,
        help_text=(
            "Oefening: doorloopt de echte procedure, maar claimt geen capaciteit en telt niet "
            "mee in rapportages en FNIK (issue #11 item 5; factsheet: oefening met waterwerper)."
        ),
    )
    situatie = models.JSONField(help_text="De situatie waarop het advies berust (contract).")
    advies = models.JSONField(help_text="Het advies van de Bijstandswijzer (contract).")
    regels_versie = models.CharField(
        max_length=64, help_text="Versie (sha256) van de regels waarmee het advies is bepaald."
    )
    status = models.CharField(
        max_length=20,
        choices=VerzoekStatus.choices,
        default=VerzoekStatus.IN_BEHANDELING,
        db_index=True,
        help_text="Afgeleid uit de status van de delen.",
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De medewerker van het RCCB die het verzoek aanmaakte.",
    )
    deelnemers: models.ManyToManyField[Organisatie, Deelname] = models.ManyToManyField(
        ORG_MODEL,
        through="Deelname",
        related_name="verzoeken",
        help_text="Alle organisaties die aan het verzoek deelnemen (need-to-know).",
    )
    ingetrokken_reden = models.TextField(blank=True, help_text="Reden van intrekking.")
    versie = models.PositiveIntegerField(
        default=1, help_text="Optimistische versie: wordt bij elke wijziging opgehoogd."
    )
    aangemaakt_op = models.DateTimeField(help_text="Tijdstip van aanmaken (UTC).")
    gewijzigd_op = models.DateTimeField(help_text="Tijdstip van de laatste wijziging (UTC).")

    class Meta:
        verbose_name = "bijstandsverzoek"
        verbose_name_plural = "bijstandsverzoeken"
        ordering = ("-aangemaakt_op", "-id")
        indexes = (
            models.Index(fields=("eenheid", "status"), name="verzoek_eenheid_status_idx"),
            models.Index(fields=("-aangemaakt_op", "-id"), name="verzoek_nieuwste_idx"),
            # The operational picture: requests whose period has not ended (ADR 0039).
            models.Index(
                fields=("periode_eind", "periode_start", "eenheid"), name="verzoek_periode_idx"
            ),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(periode_eind__gt=models.F("periode_start")),
                name="verzoek_periode_eind_na_start",
            ),
        )

    def __str__(self) -> str:
        return f"{self.kenmerk}: {self.titel}"

    def deelnemende_organisatie_codes(self) -> Collection[str]:
        """Codes of every organisation that takes part (`toegang.protocollen.VerzoekToegang`).

        Read once per instance (cached), from `Deelname`; prefetch ``deelnemers`` to avoid it.
        """
        cached: Collection[str] | None = getattr(self, "_deelnemer_codes", None)
        if cached is None:
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("deelnemers")
            if prefetched is not None:
                cached = frozenset(o.code for o in prefetched)
            else:
                cached = frozenset(self.deelnemers.values_list("code", flat=True))
            self._deelnemer_codes = cached
        return cached


class Deelname(models.Model):
    """One organisation taking part in one request (the need-to-know relation)."""

    verzoek = models.ForeignKey(Bijstandsverzoek, on_delete=models.CASCADE, related_name="+")
    organisatie = models.ForeignKey(ORG_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "deelname"
        verbose_name_plural = "deelnames"
        constraints = (
            models.UniqueConstraint(fields=("verzoek", "organisatie"), name="deelname_uniek"),
        )
        indexes = (models.Index(fields=("organisatie", "verzoek"), name="deelname_org_idx"),)

    def __str__(self) -> str:
        return f"{self.organisatie_id} in {self.verzoek_id}"


class Deelverzoek(models.Model):
    """One part of a request: one route of the advice, running one procedure of the factsheet.

    An appeal (procedure 9, Pw 2012 art. 56 lid 4) is a part of its own, linked by `beroep_op`
    to the part whose rejection it appeals.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzoek = models.ForeignKey(
        Bijstandsverzoek, on_delete=models.CASCADE, related_name="deelverzoeken"
    )
    volgnummer = models.PositiveSmallIntegerField(help_text="1, 2, ... binnen het verzoek.")
    procedure_id = models.CharField(
        max_length=20, help_text="De procedure (procedures.engine.PROCEDURES), bijvoorbeeld '3'."
    )
    leverancier = models.CharField(
        max_length=20, blank=True, help_text="Wie bijstand levert (contract: leverancier)."
    )
    middel = models.CharField(max_length=30, blank=True, help_text="Voor procedure 2: het middel.")
    route = models.JSONField(
        default=dict, help_text="De route van het advies voor dit deel (contract: routes[])."
    )
    startgegevens = models.JSONField(default=dict, help_text="Startgegevens van de procedure.")
    status = models.CharField(
        max_length=20,
        choices=DeelverzoekStatus.choices,
        default=DeelverzoekStatus.IN_BEHANDELING,
        db_index=True,
    )
    besluit = models.CharField(
        max_length=20,
        choices=BesluitUitkomst.choices,
        blank=True,
        help_text="Het (laatste) besluit over dit deel, of leeg.",
    )
    run_state = models.TextField(
        help_text="De toestand van de procedure-run, zonder procesmodel "
        "(procedures.engine.serialize_state)."
    )
    specificatie = models.ForeignKey(
        "verzoeken.ProcedureSpecificatie",
        on_delete=models.PROTECT,
        related_name="deelverzoeken",
        help_text="Het procesmodel van de versie waarop de run startte (ADR 0051).",
    )
    model_versie = models.CharField(
        max_length=64, help_text="sha256 van het BPMN-bestand waarop de run startte."
    )
    regels_versie = models.CharField(
        max_length=64, help_text="Versie van de regels van het advies waaruit dit deel komt."
    )
    run_afgerond = models.BooleanField(
        default=False, help_text="Alle paden van de procedure zijn ten einde."
    )
    volgende_timer = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Vroegste vervaltijd van een wachtende timer van de run (UTC), of leeg.",
    )
    beroep_op = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beroepen",
        help_text="Bij een beroep (procedure 9): het deel waarvan de afwijzing wordt bestreden.",
    )
    versie = models.PositiveIntegerField(
        default=1, help_text="Optimistische versie: wordt bij elke stap van de run opgehoogd."
    )
    # The part's current period and the requesting unit, copied here so that the operational
    # picture reads one index (ADR 0044). Kept by the services: set at the start of the part
    # (the request's), then by every deployment version (`services.inzet._inzet_versie`).
    periode_start = models.DateTimeField(
        help_text="Begin van de lopende periode (UTC): van de laatste inzetversie, anders van "
        "het verzoek."
    )
    periode_eind = models.DateTimeField(
        help_text="Einde van de lopende periode (UTC): van de laatste inzetversie, anders van "
        "het verzoek."
    )
    eenheid = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        help_text="De vragende politie-eenheid (die van het verzoek).",
    )
    aangemaakt_op = models.DateTimeField(help_text="Tijdstip (UTC).")
    gewijzigd_op = models.DateTimeField(help_text="Tijdstip (UTC).")

    class Meta:
        verbose_name = "deelverzoek"
        verbose_name_plural = "deelverzoeken"
        ordering = ("verzoek", "volgnummer")
        indexes = (
            models.Index(
                fields=("status", "verzoek", "procedure_id", "leverancier"),
                name="deelverzoek_beeld_idx",
            ),
            # The operational picture in one range read: the parts in its statuses whose
            # current period has not ended, with every column it filters on (ADR 0044).
            models.Index(
                fields=(
                    "status",
                    "periode_eind",
                    "periode_start",
                    "verzoek",
                    "eenheid",
                    "procedure_id",
                    "leverancier",
                ),
                name="deelverzoek_periode_idx",
            ),
        )
        constraints = (
            models.UniqueConstraint(
                fields=("verzoek", "volgnummer"), name="deelverzoek_volgnummer_uniek"
            ),
        )

    def __str__(self) -> str:
        return f"{self.verzoek_id}/{self.volgnummer} procedure {self.procedure_id}"


class GevraagdeInzet(models.Model):
    """One requested line of a part (e.g. "4 ME-pelotons"), decided on line by line."""

    deelverzoek = models.ForeignKey(Deelverzoek, on_delete=models.CASCADE, related_name="regels")
    volgnummer = models.PositiveSmallIntegerField()
    omschrijving = models.CharField(max_length=300, help_text="Wat wordt gevraagd.")
    aantal = models.PositiveIntegerField(
        null=True, blank=True, help_text="Aantal (eenheden, voertuigen, personen), of leeg."
    )

    class Meta:
        verbose_name = "gevraagde inzet"
        verbose_name_plural = "gevraagde inzet"
        ordering = ("deelverzoek", "volgnummer")
        constraints = (
            models.UniqueConstraint(
                fields=("deelverzoek", "volgnummer"), name="gevraagde_inzet_uniek"
            ),
        )

    def __str__(self) -> str:
        return f"{self.aantal or ''} {self.omschrijving}".strip()


class StatusWijziging(models.Model):
    """History of status changes (never edited): of a part, or of the request (deelverzoek None)."""

    verzoek = models.ForeignKey(
        Bijstandsverzoek, on_delete=models.CASCADE, related_name="statuswijzigingen"
    )
    deelverzoek = models.ForeignKey(
        Deelverzoek,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="statuswijzigingen",
    )
    handeling = models.CharField(max_length=40)
    van = models.CharField(max_length=20, blank=True)
    naar = models.CharField(max_length=20)
    toelichting = models.TextField(blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"
        ordering = ("op", "id")

    def __str__(self) -> str:
        return f"{self.van or '-'} → {self.naar} ({self.handeling})"


def verzoek_snapshot(verzoek: Bijstandsverzoek) -> dict[str, Any]:
    """The request's own fields as JSON (for the audit trail's before/after)."""
    return {
        "kenmerk": verzoek.kenmerk,
        "status": verzoek.status,
        "versie": verzoek.versie,
        "titel": verzoek.titel,
        "periode_start": verzoek.periode_start.isoformat(),
        "periode_eind": verzoek.periode_eind.isoformat(),
        "spoed": verzoek.spoed,
        "oefening": verzoek.oefening,
    }
