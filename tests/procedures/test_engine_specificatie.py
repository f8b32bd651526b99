"""A run stored without its process model: the model once per version, the state per run.

Issue #13 item 2, ADR 0051: `serialize_parts` / `serialize_state` / `serialize_spec` and
`deserialize_parts`; a run finishes on the model version it started on.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from politiebijstand.procedures.engine import (
    PROCEDURES,
    SPEC_KEYS,
    InvalidDataError,
    ReadyTask,
    Run,
    UnknownProcedureError,
    bpmn_source,
    deserialize,
    deserialize_parts,
    is_finished,
    procedure_start,
    ready_tasks,
    serialize,
    serialize_parts,
    serialize_spec,
    serialize_state,
    startvariabelen,
    task_complete,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
OUDE_VERSIE = "0" * 64


def _antwoord(taak: ReadyTask) -> dict[str, Any]:
    """Data that completes any user task of the models: grant, yes, the first choice."""
    data: dict[str, Any] = {}
    for naam, veld in taak.velden.items():
        if naam in ("besluit", "besluit_defensie"):
            data[naam] = "toegekend"
        elif veld.get("soort") == "ja_nee":
            data[naam] = True
        elif veld.get("soort") == "keuze":
            data[naam] = veld["waarden"][0]
        elif veld.get("soort") == "tekst":
            data[naam] = f"{naam}: vastgelegd."
    return data


def _afronden(run: Run) -> list[str]:
    """Complete every ready task, stage by stage, until none is left; the names, in order."""
    namen: list[str] = []
    nu = NOW
    for _ in range(40):
        taken = ready_tasks(run)
        if not taken:
            return namen
        nu += timedelta(minutes=5)
        for taak in taken:
            namen.append(taak.name)
            task_complete(run, taak.task_id, _antwoord(taak), now=nu)
    raise AssertionError("the run does not end")


@pytest.mark.parametrize("procedure_id", sorted(PROCEDURES))
def test_spec_and_state_join_to_the_whole_run(procedure_id: str) -> None:
    verplicht = {"zienswijze_vereist": False, "aanvrager": "burgemeester"}
    start = {k: v for k, v in verplicht.items() if k in startvariabelen(procedure_id)}
    run = procedure_start(procedure_id, start, now=NOW)
    spec, state = serialize_parts(run)
    assert spec == serialize_spec(procedure_id)
    assert state == serialize_state(run)
    spec_dict = json.loads(spec)
    assert spec_dict["formaat"] == 1
    assert spec_dict["procedure_id"] == procedure_id
    assert spec_dict["model_version"] == PROCEDURES[procedure_id].model_version
    assert spec_dict["spec"]["name"] == f"procedure_{procedure_id}"
    assert [k for k in SPEC_KEYS if k in json.loads(state)["workflow"]] == []
    # Joined again, the run is the one `serialize` gives whole.
    assert serialize(deserialize_parts(state, spec)) == serialize(run)
    assert serialize(deserialize(serialize(run))) == serialize(run)
    assert len(spec) + len(state) > len(serialize(run))  # the envelope's keys, twice


def test_the_state_is_a_fraction_of_the_whole_run() -> None:
    run = procedure_start("3", {"spoed": False}, now=NOW)
    spec, state = serialize_parts(run)
    # The model is most of a stored run (about 24,800 of 29,400 characters for procedure 3; the
    # exact figure moves with the BPMN file, the task ids are random). Exactly: the model alone
    # repeats the envelope's keys, 115 characters more than it takes out of the run.
    assert len(serialize(run)) - len(state) == len(spec) - 115
    assert len(spec) > 20_000 and len(state) * 4 < len(spec)


def test_a_run_continues_and_finishes_on_the_version_it_started_on() -> None:
    """A stored model of another version (here: a renamed first step) is the one that runs."""
    run = procedure_start("3", {"spoed": False}, now=NOW)
    spec, state = serialize_parts(run)
    eerste = ready_tasks(run)[0]
    oud = json.loads(spec)
    oud["model_version"] = OUDE_VERSIE
    oud["spec"]["task_specs"][eerste.bpmn_id]["bpmn_name"] = "Vooroverleg (oude versie)"
    toestand = json.loads(state)
    toestand["model_version"] = OUDE_VERSIE
    hersteld = deserialize_parts(json.dumps(toestand), json.dumps(oud))
    assert hersteld.model_version == OUDE_VERSIE
    assert PROCEDURES["3"].model_version != OUDE_VERSIE
    namen = _afronden(hersteld)
    assert namen[0] == "Vooroverleg (oude versie)"
    assert is_finished(hersteld)
    # Stored again, it keeps its version: the spec it gives is the old one.
    assert json.loads(serialize_parts(hersteld)[0]) == oud


def test_a_spec_of_another_version_or_procedure_is_refused() -> None:
    run = procedure_start("3", {}, now=NOW)
    _spec, state = serialize_parts(run)
    with pytest.raises(InvalidDataError) as fout:
        deserialize_parts(state, serialize_spec("4"))
    assert fout.value.field == "spec"
    assert "procedure '4'" in str(fout.value)
    with pytest.raises(InvalidDataError) as fout:
        deserialize_parts(state, "geen json")
    assert fout.value.field == "spec"
    with pytest.raises(InvalidDataError) as fout:
        deserialize_parts(state, json.dumps({"formaat": 1}))
    assert fout.value.field == "spec"
    with pytest.raises(InvalidDataError) as fout:
        deserialize_parts("geen json", serialize_spec("3"))
    assert fout.value.field == "text"


def test_bpmn_source_only_for_the_version_of_the_file() -> None:
    procedure = PROCEDURES["3"]
    assert bpmn_source("3", procedure.model_version) == procedure.bestand.read_text("utf-8")
    assert bpmn_source("3", OUDE_VERSIE) is None
    with pytest.raises(UnknownProcedureError):
        bpmn_source("10", OUDE_VERSIE)
    with pytest.raises(UnknownProcedureError):
        serialize_spec("10")
