"""Move each stored run's process model out of `run_state` into `ProcedureSpecificatie`.

Forward: for each part, split `run_state` (procedures.engine.serialize's envelope) into the
process model (``workflow.spec`` and ``workflow.subprocess_specs``), stored once per model
version (get or create), and the run's state, which stays in `run_state`. The BPMN text of a
version is kept when the file in the code is still at that version, else left empty.
Backward: put each part's process model back into its `run_state`. Self-contained (plain JSON)
on purpose: it must keep working when the engine changes. ADR 0051.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from django.db import migrations
from django.utils import timezone

SPEC_KEYS = ("spec", "subprocess_specs")
BATCH = 500


def _bpmn(procedure_id: str, model_versie: str) -> str:
    import politiebijstand.procedures

    pad = Path(politiebijstand.procedures.__file__).resolve().parent / "bpmn"
    bestand = pad / f"procedure_{procedure_id}.bpmn"
    if not bestand.is_file():
        return ""
    inhoud = bestand.read_bytes()
    if hashlib.sha256(inhoud).hexdigest() != model_versie:
        return ""
    return inhoud.decode("utf-8")


def _tekst(waarde: Any) -> str:
    return json.dumps(waarde, ensure_ascii=False, separators=(",", ":"))


def splitsen(apps: Any, schema_editor: Any) -> None:
    Deelverzoek = apps.get_model("verzoeken", "Deelverzoek")
    ProcedureSpecificatie = apps.get_model("verzoeken", "ProcedureSpecificatie")
    alias = schema_editor.connection.alias
    specificaties: dict[str, int] = dict(
        ProcedureSpecificatie.objects.using(alias).values_list("model_versie", "pk")
    )
    pks = list(
        Deelverzoek.objects.using(alias)
        .filter(specificatie__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for begin in range(0, len(pks), BATCH):
        rijen = Deelverzoek.objects.using(alias).filter(pk__in=pks[begin : begin + BATCH])
        for pk, run_state in rijen.values_list("pk", "run_state"):
            envelope = json.loads(run_state)
            workflow = envelope["workflow"]
            versie = envelope["model_version"]
            if versie not in specificaties:
                spec = {
                    "formaat": envelope["formaat"],
                    "procedure_id": envelope["procedure_id"],
                    "model_version": versie,
                    **{k: workflow[k] for k in SPEC_KEYS if k in workflow},
                }
                specificaties[versie] = (
                    ProcedureSpecificatie.objects.using(alias)
                    .create(
                        model_versie=versie,
                        procedure_id=envelope["procedure_id"],
                        spec=_tekst(spec),
                        bpmn=_bpmn(envelope["procedure_id"], versie),
                        aangemaakt_op=timezone.now(),
                    )
                    .pk
                )
            for sleutel in SPEC_KEYS:
                workflow.pop(sleutel, None)
            Deelverzoek.objects.using(alias).filter(pk=pk).update(
                run_state=_tekst(envelope), specificatie_id=specificaties[versie]
            )


def samenvoegen(apps: Any, schema_editor: Any) -> None:
    Deelverzoek = apps.get_model("verzoeken", "Deelverzoek")
    ProcedureSpecificatie = apps.get_model("verzoeken", "ProcedureSpecificatie")
    alias = schema_editor.connection.alias
    specs = {
        pk: json.loads(spec)
        for pk, spec in ProcedureSpecificatie.objects.using(alias).values_list("pk", "spec")
    }
    rijen = (
        Deelverzoek.objects.using(alias)
        .filter(specificatie__isnull=False)
        .values_list("pk", "run_state", "specificatie_id")
    )
    for pk, run_state, spec_pk in list(rijen):
        envelope = json.loads(run_state)
        spec = specs[spec_pk]
        envelope["workflow"].update({k: spec[k] for k in SPEC_KEYS if k in spec})
        Deelverzoek.objects.using(alias).filter(pk=pk).update(
            run_state=_tekst(envelope), specificatie=None
        )


class Migration(migrations.Migration):
    dependencies = [
        ("verzoeken", "0010_procedurespecificatie"),
    ]

    operations = [migrations.RunPython(splitsen, samenvoegen)]
