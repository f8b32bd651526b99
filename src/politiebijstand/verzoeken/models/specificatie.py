"""`ProcedureSpecificatie`: one procedure's process model, stored once per model version.

A run (`Deelverzoek.run_state`) holds only its state; the process model it runs on (20-40 KB of
SpiffWorkflow's serialisation) is stored here once per version of the BPMN file and referred to
by `Deelverzoek.specificatie` (issue #13 item 2, ADR 0051).
"""

from __future__ import annotations

from django.db import models


class ProcedureSpecificatie(models.Model):
    """The process model of one version of one procedure's BPMN file.

    Never changed or deleted while a part refers to it: a run finishes on the version it
    started on, and its diagram is drawn from `bpmn` of that version.
    """

    model_versie = models.CharField(
        max_length=64, unique=True, help_text="sha256 (hex) van het BPMN-bestand van deze versie."
    )
    procedure_id = models.CharField(
        max_length=20, help_text="De procedure (procedures.engine.PROCEDURES), bijvoorbeeld '3'."
    )
    spec = models.TextField(
        help_text="Het procesmodel, geserialiseerd (procedures.engine.serialize_spec)."
    )
    bpmn = models.TextField(
        blank=True,
        help_text="De tekst van het BPMN-bestand van deze versie (voor het diagram); leeg als "
        "die versie niet meer als bestand bestond toen de specificatie werd opgeslagen.",
    )
    aangemaakt_op = models.DateTimeField(help_text="Tijdstip (UTC).")

    class Meta:
        verbose_name = "procedurespecificatie"
        verbose_name_plural = "procedurespecificaties"
        ordering = ("procedure_id", "aangemaakt_op")

    def __str__(self) -> str:
        return f"procedure {self.procedure_id} versie {self.model_versie[:12]}"
