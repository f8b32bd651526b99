"""Tasks: the procedure runs' ready user tasks (`Taak`) and the phone call of the urgent path."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from politiebijstand.verzoeken.constants import (
    TAAK_OPENSTAAND,
    TaakStatus,
)
from politiebijstand.verzoeken.models.verzoek import (
    ORG_MODEL,
    Bijstandsverzoek,
    Deelverzoek,
)


class Seconden(models.Func):
    """Seconds from the second expression to the first (two datetimes), as a float.

    SQLite stores datetimes as text: ``julianday`` gives days (to the millisecond); PostgreSQL:
    ``EXTRACT(EPOCH ...)`` of their difference. Both are deterministic (immutable), so the
    expression may define a stored generated column (`Taak.doorlooptijd_seconden`). NULL when
    either is NULL.
    """

    output_field = models.FloatField()
    arity = 2

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="EXTRACT(EPOCH FROM (%(expressions)s))::float",
            arg_joiner=" - ",
            **extra,
        )


class Taak(models.Model):
    """A ready user task of a run, mirrored for the work queues (implements `TaakToegang`).

    `bpmn_lane` is the model's lane (a contract code such as ``RCCB``); `organisatie` is the
    concrete organisation it resolves to for this request (``RCCB-MN``), and `lane` (the
    property the access rules read) its code. Re-synced after every engine change, in the same
    transaction (`workflow.taken_synchroniseren`).
    """

    verzoek = models.ForeignKey(Bijstandsverzoek, on_delete=models.CASCADE, related_name="taken")
    deelverzoek = models.ForeignKey(Deelverzoek, on_delete=models.CASCADE, related_name="taken")
    engine_task_id = models.CharField(max_length=36, help_text="SpiffWorkflow-taak-id (uuid).")
    bpmn_id = models.CharField(max_length=100, help_text="BPMN-id, bijvoorbeeld 'taak_besluit'.")
    naam = models.CharField(max_length=200)
    documentatie = models.TextField(blank=True, help_text="De regel(s) van de factsheet.")
    bpmn_lane = models.CharField(
        max_length=40, help_text="Lane van het model: organisatiecode van het contract."
    )
    organisatie = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        related_name="taken",
        help_text="De concrete organisatie die de taak uitvoert.",
    )
    gemeente = models.ForeignKey(
        ORG_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=(
            "Bij een taak per gemeente: de gemeente van dit formulier (contract, interpretatie "
            "12; Pw 2012 art. 56 lid 1 en 3)."
        ),
    )
    rol_vereist = models.CharField(
        max_length=20, blank=True, help_text="Vereiste rol ('besluitvormer' voor een besluit)."
    )
    is_besluit = models.BooleanField(default=False)
    optioneel = models.BooleanField(default=False)
    velden = models.JSONField(default=dict, help_text="Velden die de stap vastlegt (model).")
    due = models.DateTimeField(null=True, blank=True, help_text="Uiterlijk gereed (UTC).")
    status = models.CharField(max_length=20, choices=TaakStatus.choices, default=TaakStatus.OPEN)
    opgepakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opgepakt_op = models.DateTimeField(null=True, blank=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    afgerond_op = models.DateTimeField(null=True, blank=True)
    gegevens = models.JSONField(null=True, blank=True, help_text="Wat de stap vastlegde.")
    overgeslagen = models.BooleanField(default=False)
    herinnering_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de herinnering voor de termijn is verstuurd."
    )
    spoed = models.BooleanField(default=False, help_text="Kopie van het verzoek (werkvoorraad).")
    procedure_id = models.CharField(max_length=20, help_text="Kopie van het deel (werkvoorraad).")
    eenheid = models.ForeignKey(
        ORG_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Kopie van het verzoek."
    )
    aangemaakt_op = models.DateTimeField(help_text="Klaargezet (UTC).")
    doorlooptijd_seconden = models.GeneratedField(
        expression=Seconden(models.F("afgerond_op"), models.F("aangemaakt_op")),
        output_field=models.FloatField(null=True),
        db_persist=True,
        help_text=(
            "Doorlooptijd van de stap: seconden van klaarzetten tot afronden (leeg zolang "
            "afgerond_op leeg is). Berekend door de database bij elke schrijfactie, ook bij "
            "update() en bulk_create (rapportages, ADR 0045)."
        ),
    )

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ("aangemaakt_op", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("deelverzoek", "engine_task_id"), name="taak_engine_id_uniek"
            ),
        )
        indexes = (
            models.Index(
                fields=("organisatie", "status", "due", "aangemaakt_op"),
                name="taak_werkvoorraad_idx",
            ),
            models.Index(fields=("verzoek", "status"), name="taak_verzoek_idx"),
            models.Index(fields=("status", "due"), name="taak_termijn_idx"),
            # The work queue's order over the open tasks only (#13 item 4): PostgreSQL reads
            # the first page in order and stops, instead of joining and sorting all open tasks
            # of the queue (the LOCC's first 50 of 1,441 at ten years: 19 ms to 1.2 ms).
            models.Index(
                fields=("-spoed", "due", "aangemaakt_op", "id"),
                name="taak_open_volgorde_idx",
                condition=models.Q(status__in=TAAK_OPENSTAAND),
            ),
        )

    def __str__(self) -> str:
        return f"{self.naam} ({self.bpmn_lane})"

    @property
    def lane(self) -> str:
        """Code of the concrete organisation of the task (`TaakToegang.lane`)."""
        return str(self.organisatie.code)

    @property
    def is_open(self) -> bool:
        return self.status in (TaakStatus.OPEN, TaakStatus.OPGEPAKT)


class TelefonischContact(models.Model):
    """A phone call on the urgent path: who called whom, when, and what was agreed.

    Bron: factsheet, toelichting 3, 4, 7 and 8 ("In spoedgevallen vindt het contact
    telefonisch plaats"); contract, interpretation 11.
    """

    verzoek = models.ForeignKey(
        Bijstandsverzoek, on_delete=models.CASCADE, related_name="telefonische_contacten"
    )
    deelverzoek = models.ForeignKey(
        Deelverzoek, on_delete=models.CASCADE, related_name="telefonische_contacten"
    )
    taak = models.ForeignKey(
        Taak, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beller = models.CharField(max_length=200, help_text="Naam en functie van wie belde.")
    beller_organisatie = models.ForeignKey(ORG_MODEL, on_delete=models.PROTECT, related_name="+")
    gebeld = models.CharField(max_length=200, help_text="Naam en functie van wie werd gebeld.")
    gebelde_organisatie = models.ForeignKey(ORG_MODEL, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(help_text="Wanneer het gesprek plaatsvond (UTC).")
    afspraken = models.TextField(help_text="Wat is afgesproken.")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(help_text="UTC.")

    class Meta:
        verbose_name = "telefonisch contact"
        verbose_name_plural = "telefonische contacten"
        ordering = ("tijdstip", "id")

    def __str__(self) -> str:
        return f"{self.beller} → {self.gebeld} ({self.tijdstip:%Y-%m-%d %H:%M})"
