"""Walk a procedure end to end by always completing every ready task (test helper)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from politiebijstand.procedures.engine import (
    ReadyTask,
    Run,
    completed_lanes,
    is_finished,
    procedure_start,
    ready_tasks,
    task_complete,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAP = timedelta(minutes=5)

# A stage: the organisation of a lone step, or the sorted organisations of parallel steps.
Fase = str | tuple[str, ...]


@dataclass
class Doorloop:
    """The result of a walk: the run, and per stage the tasks completed together."""

    run: Run
    fasen: list[list[ReadyTask]]

    @property
    def organisaties(self) -> list[Fase]:
        return [_fase([t.lane for t in fase]) for fase in self.fasen]

    @property
    def taken(self) -> list[str]:
        return [t.bpmn_id for fase in self.fasen for t in fase]


def _fase(lanes: Sequence[str]) -> Fase:
    return lanes[0] if len(lanes) == 1 else tuple(sorted(lanes))


def fasen(*expected: Fase) -> list[Fase]:
    """The expected stages, parallel ones normalised like `Doorloop.organisaties`."""
    return [e if isinstance(e, str) else tuple(sorted(e)) for e in expected]


def doorloop(
    procedure_id: str,
    start: Mapping[str, Any],
    antwoorden: Mapping[str, Mapping[str, Any]] | None = None,
) -> Doorloop:
    """Start a run and complete every ready task, stage by stage, until none is left.

    A task gets the data in `antwoorden` under its BPMN id, else a short report.
    """
    antwoorden = antwoorden or {}
    now = NOW
    run = procedure_start(procedure_id, start, now=now)
    stages: list[list[ReadyTask]] = []
    while ready := ready_tasks(run):
        now += STAP
        for task in ready:
            data = antwoorden.get(task.bpmn_id, {"verslag": f"{task.name}: gedaan"})
            task_complete(run, task.task_id, data, now=now)
        stages.append(ready)
        if len(stages) > 40:
            raise AssertionError("the walk does not end")
    assert is_finished(run)
    assert completed_lanes(run) == [t.lane for stage in stages for t in stage]
    return Doorloop(run=run, fasen=stages)
