"""Runs stored without their process model: `ProcedureSpecificatie`, once per model version.

Issue #13 item 2, ADR 0051: a new part refers to the model of its version; `run_state` holds
the state only; a run finishes on the version it started on, even after the file changed; the
data migration moves existing runs both ways.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from politiebijstand.procedures import engine
from politiebijstand.verzoeken.models import Deelverzoek, ProcedureSpecificatie, Taak
from politiebijstand.verzoeken.workflow import run_laden
from tests.verzoeken.helpers import doorlopen, maak_verzoek, open_taken

pytestmark = pytest.mark.usefixtures("referentiedata")

OUDE_VERSIE = "0" * 64


def _enig_deel(verzoek: Any) -> Deelverzoek:
    (deel,) = Deelverzoek.objects.filter(verzoek=verzoek)
    return deel


def test_a_new_part_refers_to_the_model_of_its_version_stored_once() -> None:
    eerste = _enig_deel(maak_verzoek())
    tweede = _enig_deel(maak_verzoek())
    procedure = engine.PROCEDURES[eerste.procedure_id]
    assert ProcedureSpecificatie.objects.count() == 1
    specificatie = ProcedureSpecificatie.objects.get()
    assert eerste.specificatie_id == tweede.specificatie_id == specificatie.pk
    assert specificatie.model_versie == eerste.model_versie == procedure.model_version
    assert specificatie.procedure_id == eerste.procedure_id
    assert specificatie.spec == engine.serialize_spec(eerste.procedure_id)
    assert specificatie.bpmn == procedure.bestand.read_text(encoding="utf-8")
    # The run's state only: no process model in it.
    workflow = json.loads(eerste.run_state)["workflow"]
    assert [k for k in engine.SPEC_KEYS if k in workflow] == []
    assert len(eerste.run_state) < 10_000 < len(specificatie.spec)
    assert run_laden(eerste).model_version == procedure.model_version


def test_a_run_finishes_on_the_stored_version_after_the_file_changed() -> None:
    """The stored model of another version (every step renamed) is the one the run follows."""
    verzoek = maak_verzoek()
    deel = _enig_deel(verzoek)
    spec = json.loads(deel.specificatie.spec)
    spec["model_version"] = OUDE_VERSIE
    for task_spec in spec["spec"]["task_specs"].values():
        if task_spec.get("typename") == "UserTask":
            task_spec["bpmn_name"] = f"(oud) {task_spec['bpmn_name']}"
    oud = ProcedureSpecificatie.objects.create(
        model_versie=OUDE_VERSIE,
        procedure_id=deel.procedure_id,
        spec=json.dumps(spec),
        bpmn="<oud/>",
        aangemaakt_op=deel.aangemaakt_op,
    )
    state = json.loads(deel.run_state)
    state["model_version"] = OUDE_VERSIE
    Deelverzoek.objects.filter(pk=deel.pk).update(
        run_state=json.dumps(state), specificatie=oud, model_versie=OUDE_VERSIE
    )
    eerste_taken = {t.pk for t in open_taken(verzoek)}

    walk = doorlopen(verzoek)

    deel.refresh_from_db()
    assert deel.run_afgerond is True
    assert deel.specificatie_id == oud.pk
    assert json.loads(deel.run_state)["model_version"] == OUDE_VERSIE
    later = Taak.objects.filter(deelverzoek=deel).exclude(pk__in=eerste_taken)
    assert len(walk.fasen) > 1
    assert later.exists()
    assert sorted({t.naam[:6] for t in later}) == ["(oud) "]
    # No model of today's file was stored for it.
    assert ProcedureSpecificatie.objects.filter(procedure_id=deel.procedure_id).count() == 2


def _migreren(naar: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(naar)


def _laatste() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return [k for k in executor.loader.graph.leaf_nodes() if k[0] == "verzoeken"]


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_existing_runs_both_ways() -> None:
    deel = _enig_deel(maak_verzoek())
    run = run_laden(deel)
    geheel = json.loads(engine.serialize(run))
    staat = deel.run_state
    laatste = _laatste()

    # Back: each run holds its whole model again, as before ADR 0051.
    _migreren([("verzoeken", "0010_procedurespecificatie")])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT run_state, specificatie_id FROM verzoeken_deelverzoek WHERE id = %s",
            [deel.pk],
        )
        terug, specificatie_id = cursor.fetchone()
    assert specificatie_id is None
    assert json.loads(terug) == geheel
    assert engine.serialize(engine.deserialize(terug)) == engine.serialize(run)

    # A second run stored as before, on a version whose file is gone (the BPMN file changed).
    oud = _enig_deel(maak_verzoek())
    geheel_oud = json.loads(engine.serialize(run_laden(oud)))
    geheel_oud["model_version"] = OUDE_VERSIE
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE verzoeken_deelverzoek SET run_state = %s, specificatie_id = NULL WHERE id = %s",
            [json.dumps(geheel_oud), oud.pk],
        )

    # Forward: the model out again, into the one row of its version.
    ProcedureSpecificatie.objects.all().delete()
    _migreren(laatste)
    deel.refresh_from_db()
    assert json.loads(deel.run_state) == json.loads(staat)
    oud.refresh_from_db()
    oude_specificatie = ProcedureSpecificatie.objects.get(model_versie=OUDE_VERSIE)
    assert oud.specificatie_id == oude_specificatie.pk
    assert oude_specificatie.bpmn == ""  # no file of that version: no diagram text
    assert run_laden(oud).model_version == OUDE_VERSIE
    specificatie = ProcedureSpecificatie.objects.exclude(model_versie=OUDE_VERSIE).get()
    assert deel.specificatie_id == specificatie.pk
    assert json.loads(specificatie.spec) == json.loads(engine.serialize_spec(deel.procedure_id))
    assert specificatie.bpmn == engine.PROCEDURES[deel.procedure_id].bestand.read_text("utf-8")
    assert engine.serialize(run_laden(deel)) == engine.serialize(run)
