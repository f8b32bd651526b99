"""Run the factsheet's procedures (BPMN 2.0 files in ``bpmn/``) with SpiffWorkflow.

A `Run` is one procedure in progress for one request (or one part of it). The caller (the
request model, later) starts a run, asks for its ready tasks, completes them with the data each
step records, lets timers fire, and stores the run as JSON between calls. Pure Python, no Django:
the engine knows no users, only lanes, which are organisation codes of the contract.

Time is injected: every call that can start or fire a timer takes ``now``, an aware datetime,
stored and compared in UTC. SpiffWorkflow's own timers read the wall clock; here the timer
definition of the models is replaced by one that reads the injected ``now`` instead, so timers
fire only in `refresh_timers` and only when ``now`` has reached their due time.

Typical use::

    run = procedure_start("3", {"spoed": False}, now=now)
    for taak in ready_tasks(run):
        ...  # show taak.lane's work queue, with taak.due
    task_complete(run, taak.task_id, {"besluit": "toegekend"}, now=now)
    text = serialize(run)            # the whole run, with its process model
    run = deserialize(text)          # finishes on the model it started with
    spec, state = serialize_parts(run)   # or: the model once per version, the state per run
    run = deserialize_parts(state, spec)
    refresh_timers(run, now=now)     # from a job at next_timer_due(run), and a periodic sweep
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from uuid import UUID

from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.default.event_definition import (
    TimerConditionalEventDefinitionConverter,
)
from SpiffWorkflow.bpmn.specs.control import BoundaryEventSplit
from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    DurationTimerEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.bpmn.specs.mixins.events.end_event import EndEvent
from SpiffWorkflow.bpmn.specs.mixins.multiinstance_task import MultiInstanceTask
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.exceptions import TaskNotFoundException
from SpiffWorkflow.spiff.parser.process import VALIDATOR, SpiffBpmnParser
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.util.task import TaskState

# The errors are part of this module's interface (`engine.InvalidDataError`, ...).
from politiebijstand.procedures.fouten import InvalidDataError as InvalidDataError
from politiebijstand.procedures.fouten import ProcedureError as ProcedureError
from politiebijstand.procedures.fouten import TaskNotReadyError as TaskNotReadyError
from politiebijstand.procedures.fouten import UnknownProcedureError as UnknownProcedureError
from politiebijstand.procedures.fouten import UnknownTaskError as UnknownTaskError
from politiebijstand.procedures.model import Veld
from politiebijstand.procedures.waarden import check_json as _check_json
from politiebijstand.procedures.waarden import check_value as _check_value
from politiebijstand.rules.bron import Bron, factsheet, politiewet

BPMN_DIR = Path(__file__).resolve().parent / "bpmn"
BESLUITEN = ("toegekend", "deels_toegekend", "afgewezen")
SERIALIZATION_FORMAT = 1


# --- catalogue ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Procedure:
    """One procedure of the factsheet and its BPMN model.

    Attributes:
        id: ``"1"``, ``"2_waterwerper"``, ``"2_container_vrt"``, ``"3"`` ... ``"9"``.
        process_id: the BPMN process id, also the file's stem (``procedure_3``).
        bestand: path of the BPMN file.
        titel: Dutch title (the process name in the file).
        sectie: the factsheet section (toelichting) it models.
        grondslag: the article of the Politiewet 2012, or None where the factsheet names none.
        spoedroute: whether the model has an urgent path (``spoed``).
        beroep_procedure: the procedure the requester may start after a (partial) rejection.
    """

    id: str
    process_id: str
    bestand: Path
    titel: str
    sectie: Bron
    grondslag: Bron | None
    spoedroute: bool
    beroep_procedure: str | None

    @property
    def model_version(self) -> str:
        """sha256 (hex) of the BPMN file as it is now; a run keeps the version it started on."""
        return _file_sha256(self.bestand)


@cache
def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _procedure(
    id: str,
    titel: str,
    toelichting: str,
    grondslag: Bron | None,
    *,
    spoedroute: bool = True,
    beroep_procedure: str | None = None,
) -> Procedure:
    process_id = f"procedure_{id}"
    return Procedure(
        id=id,
        process_id=process_id,
        bestand=BPMN_DIR / f"{process_id}.bpmn",
        titel=titel,
        sectie=factsheet(f"toelichting {toelichting}"),
        grondslag=grondslag,
        spoedroute=spoedroute,
        beroep_procedure=beroep_procedure,
    )


PROCEDURES: Mapping[str, Procedure] = MappingProxyType(
    {
        p.id: p
        for p in (
            _procedure(
                "1",
                "Procedure 1: bijstand door een andere eenheid, openbare orde",
                "1",
                politiewet("56", "1"),
                beroep_procedure="9",
            ),
            _procedure("2_waterwerper", "Procedure 2: middelen JenV, waterwerper", "2", None),
            _procedure(
                "2_container_vrt",
                "Procedure 2: middelen JenV, bewakingscontainers en VRT-voertuigen",
                "2",
                None,
                spoedroute=False,
            ),
            _procedure(
                "3",
                "Procedure 3: bijstand door de KMar, openbare orde",
                "3",
                politiewet("57", "1"),
            ),
            _procedure(
                "4",
                "Procedure 4: bijstand door de krijgsmacht, openbare orde",
                "4",
                politiewet("58", "1"),
            ),
            _procedure(
                "5",
                "Procedure 5: bijstand door een buitenlandse politiedienst, openbare orde",
                "5",
                None,
            ),
            _procedure(
                "6",
                "Procedure 6: bijstand door een andere eenheid, justitiële taken",
                "6",
                politiewet("56", "2"),
                beroep_procedure="9",
            ),
            _procedure(
                "7",
                "Procedure 7: bijstand door de KMar, justitiële taken",
                "7",
                politiewet("57", "1"),
            ),
            _procedure(
                "8",
                "Procedure 8: bijstand door de krijgsmacht, justitiële taken",
                "8",
                politiewet("58", "1"),
            ),
            _procedure(
                "9",
                "Procedure 9: afwijzing door de korpschef en beroep bij de minister",
                "9",
                politiewet("56", "4"),
                spoedroute=False,
            ),
        )
    }
)

_MIDDEL_PROCEDURE = {
    "waterwerper": "2_waterwerper",
    "bewakingscontainer": "2_container_vrt",
    "vrt_voertuig": "2_container_vrt",
}


def procedure_for_route(procedure: str, middel: str | None = None) -> Procedure:
    """The procedure that runs a route of the advice (contract: `routes[].procedure`, `middel`).

    Args:
        procedure: the route's ``procedure``, ``"1"`` to ``"8"``.
        middel: for procedure ``"2"``: ``waterwerper``, ``bewakingscontainer`` or
            ``vrt_voertuig``; ignored otherwise.

    Raises:
        UnknownProcedureError: for ``"rechtshulp"`` (no procedure in this system) or any other
            unknown value, or procedure 2 without a known `middel`.
    """
    if procedure == "2":
        if middel not in _MIDDEL_PROCEDURE:
            raise UnknownProcedureError(
                f"middel: procedure 2 vraagt waterwerper, bewakingscontainer of vrt_voertuig, "
                f"niet {middel!r}"
            )
        return PROCEDURES[_MIDDEL_PROCEDURE[middel]]
    if procedure not in PROCEDURES or procedure == "9":
        raise UnknownProcedureError(f"procedure: geen procedure {procedure!r} in dit systeem")
    return PROCEDURES[procedure]


def _get_procedure(procedure_id: str) -> Procedure:
    try:
        return PROCEDURES[procedure_id]
    except (KeyError, TypeError):
        known = ", ".join(PROCEDURES)
        raise UnknownProcedureError(
            f"procedure_id: onbekende procedure {procedure_id!r} (bekend: {known})"
        ) from None


# --- injected time --------------------------------------------------------------------------

# The injected time, and whether timers may fire now (only in `refresh_timers`).
_NOW: ContextVar[tuple[datetime, bool] | None] = ContextVar(
    "politiebijstand_procedures_now", default=None
)


def _utc(now: datetime, field: str = "now") -> datetime:
    if not isinstance(now, datetime):
        raise InvalidDataError(field, "een datetime is vereist")
    if now.tzinfo is None or now.utcoffset() is None:
        raise InvalidDataError(field, "een datetime met tijdzone is vereist (aware, UTC)")
    return now.astimezone(UTC)


@contextmanager
def _at(now: datetime, *, fire: bool = False) -> Iterator[None]:
    token = _NOW.set((now, fire))
    try:
        yield
    finally:
        _NOW.reset(token)


class InjectedNowDurationTimer(DurationTimerEventDefinition):  # type: ignore[misc]
    """A duration timer that reads the injected ``now`` instead of the wall clock.

    The due time is fixed when the timer starts waiting (``now`` + the duration that the
    expression gives, an ISO 8601 string such as ``"PT24H"``). It fires only inside
    `refresh_timers`, once ``now`` is at or after the due time; SpiffWorkflow also looks at
    timers after every engine step, and there it only learns the due time. Outside
    `procedure_start`, `task_complete` and `refresh_timers` no ``now`` is set, and touching a
    timer is a programming error.
    """

    def has_fired(self, my_task: Any) -> bool:
        context = _NOW.get()
        if context is None:
            raise RuntimeError("a timer was evaluated without an injected now")
        now, fire = context
        event_value = my_task._get_internal_data("event_value")
        if event_value is None:
            expression = my_task.workflow.script_engine.evaluate(my_task, self.expression)
            parsed = TimerEventDefinition.parse_iso_duration(expression)
            due = now + TimerEventDefinition.get_timedelta_from_start(parsed, now)
            event_value = due.isoformat()
            my_task._set_internal_data(event_value=event_value)
        if fire and datetime.fromisoformat(event_value) <= now:
            my_task._set_internal_data(event_fired=True)
        return bool(my_task._get_internal_data("event_fired", False))


_CONFIG = dict(SPIFF_CONFIG)
_CONFIG[InjectedNowDurationTimer] = TimerConditionalEventDefinitionConverter
SERIALIZER = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(_CONFIG))


@cache
def _spec(procedure_id: str) -> Any:
    """Parse and validate (XSD) a procedure's file once; swap in the injected-now timer."""
    procedure = _get_procedure(procedure_id)
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_bpmn_file(str(procedure.bestand))
    spec = parser.get_spec(procedure.process_id)
    for task_spec in spec.task_specs.values():
        definition = getattr(task_spec, "event_definition", None)
        if definition is None or not isinstance(definition, TimerEventDefinition):
            continue
        if type(definition) is not DurationTimerEventDefinition:
            raise ProcedureError(
                f"{procedure.bestand.name}: {task_spec.bpmn_id}: alleen timers met een duur "
                "(timeDuration) worden ondersteund"
            )
        task_spec.event_definition = InjectedNowDurationTimer(
            definition.name, definition.expression, description=definition.description
        )
    return spec


# --- runs -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompletedStep:
    """A user task that was completed, in completion order.

    Attributes:
        task_id: SpiffWorkflow task id (uuid string).
        bpmn_id: the task's BPMN id (``taak_besluit_locc``).
        lane: organisation code of the lane.
        completed_at: aware UTC datetime (the injected ``now``).
        overgeslagen: True when an optional step was skipped with a reason.
        gemeente: for a task done per municipality, the municipality's code; else "".
    """

    task_id: str
    bpmn_id: str
    lane: str
    completed_at: datetime
    overgeslagen: bool = False
    gemeente: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "bpmn_id": self.bpmn_id,
            "lane": self.lane,
            "completed_at": self.completed_at.isoformat(),
            "overgeslagen": self.overgeslagen,
            "gemeente": self.gemeente,
        }


@dataclass(slots=True)
class Run:
    """One procedure in progress: the SpiffWorkflow workflow plus what the engine adds.

    Attributes:
        procedure_id: key of `PROCEDURES`.
        model_version: sha256 of the BPMN file the run started on.
        started_at: aware UTC datetime.
        workflow: the `BpmnWorkflow` (embeds its process spec).
        steps: the completed user tasks, in completion order.
        deadlines: due time (aware UTC) per task id of the user tasks that carry a timer,
            kept after the timer fired, so an overdue task still shows when it was due.
    """

    procedure_id: str
    model_version: str
    started_at: datetime
    workflow: Any
    steps: list[CompletedStep] = field(default_factory=list)
    deadlines: dict[str, datetime] = field(default_factory=dict)

    @property
    def data(self) -> dict[str, Any]:
        """The process variables: start data, then each completed step's data, in order.

        Parallel branches keep separate copies of the data in SpiffWorkflow; this merges
        them in completion order, so a value set in any branch is seen (a copy). A task done
        per municipality keeps its records under its BPMN id by municipality code, merged.
        """
        merged: dict[str, Any] = {}
        for task in self.workflow.get_tasks(state=TaskState.COMPLETED):
            if task.task_spec.name == "Start":
                merged.update(task.data)
        for step in self.steps:
            data = self.workflow.get_task_from_id(UUID(step.task_id)).data
            per_gemeente = merged.get(step.bpmn_id) if step.gemeente else None
            merged.update(data)
            if isinstance(per_gemeente, dict):
                merged[step.bpmn_id] = {**per_gemeente, **data[step.bpmn_id]}
        return copy.deepcopy(merged)


@dataclass(frozen=True, slots=True)
class ReadyTask:
    """A user task that an organisation can do now.

    Attributes:
        task_id: SpiffWorkflow task id (uuid string); pass it to `task_complete`.
        bpmn_id: readable BPMN id (``taak_vooroverleg_locc``).
        name: Dutch label of the task.
        lane: organisation code (contract): whose work queue it belongs to.
        documentation: the factsheet's line(s) the step carries out, verbatim, then any note.
        due: aware UTC datetime by which it must be done (a timer on the task), or None.
        optioneel: True when it may be completed with ``{"overgeslagen": true, "reden": ...}``.
        velden: the fields the task must record, as declared in the model, e.g.
            ``{"besluit": {"soort": "keuze", "waarden": [...]}}``.
        gemeente: for a task done once per municipality (a multi-instance task), the code of
            this instance's municipality; "" for any other task, or for the one instance that
            stands for the lane's own organisation. Contract, interpretation 12.
    """

    task_id: str
    bpmn_id: str
    name: str
    lane: str
    documentation: str
    due: datetime | None
    optioneel: bool
    velden: Mapping[str, Mapping[str, Any]]
    gemeente: str = ""


def _is_instance(task: Any) -> bool:
    """Whether `task` is one instance of a multi-instance task (not the task after it)."""
    parent = task.parent
    return (
        parent is not None
        and isinstance(parent.task_spec, MultiInstanceTask)
        and parent.task_spec.task_spec == task.task_spec.name
    )


def _gemeente(task: Any) -> str:
    """The municipality code of an instance of a task done per municipality, else ""."""
    parent = task.parent
    if not _is_instance(task):
        return ""
    item = parent.task_spec.input_item
    return str(task.data.get(item.bpmn_id) or "") if item is not None else ""


def _properties(task_spec: Any) -> dict[str, str]:
    extensions = getattr(task_spec, "extensions", None) or {}
    props = extensions.get("properties") or {}
    return dict(props)


def _declared_fields(task_spec: Any, key: str) -> dict[str, dict[str, Any]]:
    raw = _properties(task_spec).get(key)
    if not raw:
        return {}
    fields: dict[str, dict[str, Any]] = json.loads(raw)
    return fields


def _start_task(workflow: Any) -> Any:
    for task in workflow.get_tasks(state=TaskState.READY):
        if task.task_spec.name == "Start":
            return task
    raise ProcedureError("the workflow has no ready Start task")  # pragma: no cover


def _bpmn_start_event(spec: Any) -> Any:
    for task_spec in spec.task_specs.values():
        if _properties(task_spec).get("startgegevens"):
            return task_spec
    return None


def startvariabelen(procedure_id: str) -> Mapping[str, Veld]:
    """The start variables that a procedure declares: what `procedure_start` accepts.

    Read from the start event of the procedure's BPMN file (extension property
    ``startgegevens``, generated from `definities`), the model that a new run starts on. A
    variable whose `Veld.standaard` is None must be given; the others take that default.
    Use it to decide which start data to give, instead of testing procedure ids::

        if "zienswijze_vereist" in startvariabelen(procedure.id): ...

    Today (factsheet, toelichting 1-9; contract, interpretations 4, 6, 8, 10):

    - every procedure: ``spoed`` (ja_nee, default false) and ``formalisatie_termijn`` (duur,
      default ``"PT24H"``; the term for the written formalisation on the urgent path);
    - ``"1"`` and ``"6"``: ``zienswijze_vereist`` (ja_nee, required: false when the advice
      says ``niet_vereist_spoed`` or ``niet_van_toepassing``; Pw 2012 art. 56 lid 3);
    - ``"3"`` and ``"4"``: ``indiener`` (keuze ``burgemeester`` or ``regioburgemeester``,
      default ``burgemeester``);
    - ``"2_waterwerper"``: ``oefening`` (ja_nee, default false);
    - ``"8"``: ``convenant`` (ja_nee, default false; factsheet, footnote 4);
    - ``"9"``: ``aanvrager`` (keuze ``burgemeester`` or ``officier_van_justitie``, required;
      see `beroep_startgegevens`).

    Args:
        procedure_id: key of `PROCEDURES` (see `procedure_for_route` for an advice's route).

    Returns:
        A read-only mapping from variable name to its `Veld`, in alphabetical order.

    Raises:
        UnknownProcedureError: unknown `procedure_id`.
    """
    procedure = _get_procedure(procedure_id)
    declared = _declared_fields(_bpmn_start_event(_spec(procedure.id)), "startgegevens")
    return MappingProxyType({naam: Veld.from_dict(veld) for naam, veld in declared.items()})


def procedure_start(procedure_id: str, data: Mapping[str, Any], *, now: datetime) -> Run:
    """Start a run of a procedure.

    Args:
        procedure_id: key of `PROCEDURES` (see `procedure_for_route` for an advice's route).
        data: the start variables the model declares on its start event; `startvariabelen`
            lists them per procedure, with their kinds and defaults.
        now: aware datetime of the start (stored in UTC).

    Returns:
        The run, advanced to its first ready user task(s).

    Raises:
        UnknownProcedureError: unknown `procedure_id`.
        InvalidDataError: an unknown, missing or ill-typed start variable (the field is
            named), or a naive `now`.
    """
    procedure = _get_procedure(procedure_id)
    now = _utc(now)
    given = _check_json("data", data)
    spec = _spec(procedure.id)
    declared = _declared_fields(_bpmn_start_event(spec), "startgegevens")
    for name in given:
        if name not in declared:
            allowed = ", ".join(sorted(declared))
            raise InvalidDataError(
                name, f"onbekend startgegeven voor procedure {procedure.id} (bekend: {allowed})"
            )
    variables: dict[str, Any] = {}
    for name, veld in declared.items():
        if name in given:
            _check_value(name, veld, given[name])
            variables[name] = given[name]
        elif "standaard" in veld:
            variables[name] = veld["standaard"]
        else:
            raise InvalidDataError(name, f"verplicht startgegeven voor procedure {procedure.id}")
    workflow = BpmnWorkflow(spec)
    _start_task(workflow).set_data(**variables)
    with _at(now):
        workflow.do_engine_steps()
    run = Run(
        procedure_id=procedure.id,
        model_version=procedure.model_version,
        started_at=now,
        workflow=workflow,
    )
    _record_deadlines(run)
    return run


def _timer_due(task: Any) -> datetime | None:
    value = task._get_internal_data("event_value")
    return datetime.fromisoformat(value).astimezone(UTC) if value else None


def _waiting_timers(run: Run) -> list[Any]:
    return [
        task
        for task in run.workflow.get_tasks(state=TaskState.WAITING)
        if isinstance(getattr(task.task_spec, "event_definition", None), TimerEventDefinition)
    ]


def _due(task: Any) -> datetime | None:
    """The earliest due time of the timers attached to a task (boundary events), or None.

    An instance of a task done per municipality has the timers of its multi-instance task.
    """
    if _is_instance(task):
        task = task.parent
    parent = task.parent
    if parent is None or not isinstance(parent.task_spec, BoundaryEventSplit):
        return None
    dues = [
        _timer_due(sibling)
        for sibling in parent.children
        if sibling is not task
        and sibling.state == TaskState.WAITING
        and isinstance(getattr(sibling.task_spec, "event_definition", None), TimerEventDefinition)
    ]
    known = [d for d in dues if d is not None]
    return min(known) if known else None


def _ready(run: Run) -> list[Any]:
    tasks: list[Any] = run.workflow.get_tasks(state=TaskState.READY, manual=True)
    return tasks


def _record_deadlines(run: Run) -> None:
    """Remember the due time of every ready task with a waiting timer; forget finished ones."""
    ready = {str(task.id): task for task in _ready(run)}
    for task_id in [t for t in run.deadlines if t not in ready]:
        del run.deadlines[task_id]
    for task_id, task in ready.items():
        due = _due(task)
        if due is not None:
            run.deadlines.setdefault(task_id, due)


def ready_tasks(run: Run) -> list[ReadyTask]:
    """The user tasks that can be done now, in the workflow's (deterministic) order."""
    result = []
    for task in _ready(run):
        spec = task.task_spec
        result.append(
            ReadyTask(
                task_id=str(task.id),
                bpmn_id=spec.bpmn_id,
                name=spec.bpmn_name or spec.bpmn_id,
                lane=spec.lane,
                documentation=spec.documentation or "",
                due=run.deadlines.get(str(task.id)),
                optioneel=_properties(spec).get("optioneel") == "true",
                velden=MappingProxyType(_declared_fields(spec, "velden")),
                gemeente=_gemeente(task),
            )
        )
    return result


def _find_task(run: Run, task_id: str) -> Any:
    try:
        uuid = UUID(str(task_id))
    except ValueError:
        raise UnknownTaskError(f"task_id: {task_id!r} is geen geldig taak-id") from None
    try:
        return run.workflow.get_task_from_id(uuid)
    except TaskNotFoundException:
        raise UnknownTaskError(f"task_id: deze run heeft geen taak {task_id}") from None


def task_complete(run: Run, task_id: str, data: Mapping[str, Any], *, now: datetime) -> None:
    """Complete a ready user task with the data its step records, and advance the run.

    The data is stored in the process variables under the task's BPMN id (so every step's
    record survives), and the fields the task declares (`ReadyTask.velden`, such as
    ``besluit``) also as process variables of their own, which the gateways read. An optional
    task is skipped with ``{"overgeslagen": true, "reden": "<why>"}``.

    Args:
        run: the run; changed in place.
        task_id: `ReadyTask.task_id`.
        data: JSON-serializable object.
        now: aware datetime of completion; timers that start now are due from it.

    Raises:
        UnknownTaskError: no such task in this run.
        TaskNotReadyError: the task is not a ready user task.
        InvalidDataError: a declared field missing or wrong, a skip of a task that is not
            optional or without a reason, data that is not JSON, or a naive `now`. The run is
            unchanged when an error is raised.
    """
    task = _find_task(run, task_id)
    spec = task.task_spec
    if task.state != TaskState.READY or not spec.manual:
        state = TaskState.get_name(task.state)
        raise TaskNotReadyError(
            f"task_id: taak {spec.bpmn_id or spec.name} ({task_id}) is niet open (toestand {state})"
        )
    now = _utc(now)
    record = _check_json("data", data)
    overgeslagen = record.get("overgeslagen", False)
    if not isinstance(overgeslagen, bool):
        raise InvalidDataError("overgeslagen", f"ja/nee verwacht, niet {overgeslagen!r}")
    declared = _declared_fields(spec, "velden")
    if overgeslagen:
        if _properties(spec).get("optioneel") != "true":
            raise InvalidDataError(
                "overgeslagen",
                f"stap {spec.bpmn_id} is niet optioneel en kan niet worden overgeslagen",
            )
        reden = record.get("reden")
        if not isinstance(reden, str) or not reden.strip():
            raise InvalidDataError("reden", "een overgeslagen stap vraagt een reden")
    else:
        for name, veld in declared.items():
            if name not in record:
                raise InvalidDataError(name, f"verplicht veld van stap {spec.bpmn_id}")
            _check_value(name, veld, record[name])
    variables = {name: record[name] for name in declared if name in record}
    gemeente = _gemeente(task)
    task.set_data(**{spec.bpmn_id: {gemeente: record} if gemeente else record, **variables})
    with _at(now):
        task.run()
        run.workflow.do_engine_steps()
    run.steps.append(
        CompletedStep(
            task_id=str(task.id),
            bpmn_id=spec.bpmn_id,
            lane=spec.lane,
            completed_at=now,
            overgeslagen=overgeslagen,
            gemeente=gemeente,
        )
    )
    _record_deadlines(run)


def refresh_timers(run: Run, *, now: datetime) -> list[str]:
    """Fire the timers whose due time ``now`` has reached, and advance the run.

    Call it from a job scheduled at `next_timer_due`, and from a periodic sweep.

    Returns:
        The BPMN ids of the timers that fired (``["timer_formalisatie"]``), in workflow order.

    Raises:
        InvalidDataError: a naive `now`.
    """
    now = _utc(now)
    waiting = _waiting_timers(run)
    with _at(now, fire=True):
        run.workflow.refresh_timers()
        run.workflow.do_engine_steps()
    _record_deadlines(run)
    return [t.task_spec.bpmn_id for t in waiting if t.state != TaskState.WAITING]


def next_timer_due(run: Run) -> datetime | None:
    """The earliest due time (aware UTC) of the run's waiting timers, or None."""
    dues = [d for d in (_timer_due(t) for t in _waiting_timers(run)) if d is not None]
    return min(dues) if dues else None


def is_finished(run: Run) -> bool:
    """Whether every path of the run has reached an end event (or was cancelled)."""
    return bool(run.workflow.is_completed())


def reached_end_events(run: Run) -> list[str]:
    """BPMN ids of the end events reached so far (``eind_afgewezen``, ...), in workflow order."""
    return [
        task.task_spec.bpmn_id
        for task in run.workflow.get_tasks(state=TaskState.COMPLETED)
        if isinstance(task.task_spec, EndEvent)
    ]


def completed_lanes(run: Run) -> list[str]:
    """Organisation codes of the completed user tasks, in completion order."""
    return [step.lane for step in run.steps]


def completed_steps(run: Run) -> list[CompletedStep]:
    """The completed user tasks, in completion order (a copy)."""
    return list(run.steps)


def task_data(run: Run, bpmn_id: str) -> dict[str, Any] | None:
    """What a completed step recorded (its `task_complete` data), or None if not done."""
    value = run.data.get(bpmn_id)
    return dict(value) if isinstance(value, dict) else None


def beroep_mogelijk_na_besluit(procedure_id: str, besluit: str | None) -> bool:
    """Whether a besluit of a procedure opens the appeal to the minister (procedure 9).

    Only the korpschef's besluit in procedure 1 or 6 (`Procedure.beroep_procedure`), and only
    a (partial) rejection: `besluit` ``afgewezen`` or ``deels_toegekend``. The one place that
    says so: call it (or `beroep_mogelijk` on a run) rather than testing procedure ids.

    Args:
        procedure_id: key of `PROCEDURES`.
        besluit: ``toegekend``, ``deels_toegekend`` or ``afgewezen`` (`BESLUITEN`), or None
            when nothing was decided yet.

    Raises:
        UnknownProcedureError: unknown `procedure_id`.

    Bron: Politiewet 2012 art. 56 lid 4; factsheet, toelichting 9.
    """
    procedure = _get_procedure(procedure_id)
    return procedure.beroep_procedure is not None and besluit in ("afgewezen", "deels_toegekend")


def beroep_mogelijk(run: Run) -> bool:
    """Whether the requester may appeal: procedure 1 or 6, (partly) rejected by the korpschef.

    `beroep_mogelijk_na_besluit` applied to the run's ``besluit``. The caller then starts
    procedure 9 as a separate run with `beroep_startgegevens`.
    Bron: Politiewet 2012 art. 56 lid 4; factsheet, toelichting 9.
    """
    besluit = run.data.get("besluit")
    return beroep_mogelijk_na_besluit(
        run.procedure_id, besluit if isinstance(besluit, str) else None
    )


def beroep_startgegevens(run: Run) -> dict[str, Any]:
    """Start data for procedure 9 after a (partial) rejection in procedure 1 or 6.

    ``aanvrager`` is whoever requested: the officier van justitie in procedure 6, the
    burgemeester in 1 (Pw 2012 art. 56 lid 1, 2 and 4).

    Raises:
        InvalidDataError: when `beroep_mogelijk` is false (field ``besluit``).
    """
    if not beroep_mogelijk(run):
        raise InvalidDataError("besluit", "geen (gedeeltelijke) afwijzing: geen beroep mogelijk")
    aanvrager = "officier_van_justitie" if run.procedure_id == "6" else "burgemeester"
    return {"aanvrager": aanvrager}


def serialize(run: Run) -> str:
    """The run as a JSON string: the engine's envelope around SpiffWorkflow's serialization.

    The workflow part embeds the process spec, so a deserialized run continues on the model
    it started with, whatever the file says now.
    """
    return _envelope_text(run, _workflow_dict(run.workflow))


def _envelope_text(run: Run, workflow: dict[str, Any]) -> str:
    envelope = {
        "formaat": SERIALIZATION_FORMAT,
        "procedure_id": run.procedure_id,
        "model_version": run.model_version,
        "started_at": run.started_at.isoformat(),
        "steps": [step.to_dict() for step in run.steps],
        "deadlines": {task_id: due.isoformat() for task_id, due in run.deadlines.items()},
        "workflow": workflow,
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))


def deserialize(text: str) -> Run:
    """Restore a run from `serialize`'s output.

    Raises:
        InvalidDataError: the text is not a serialized run (field ``text``).
    """
    return _deserialize(text, None)


# The keys of SpiffWorkflow's workflow dict that hold the process model (the spec), not the
# run's state (SpiffWorkflow.bpmn.serializer.default.workflow.BpmnWorkflowConverter).
SPEC_KEYS = ("spec", "subprocess_specs")


def serialize_spec(procedure_id: str) -> str:
    """The process model of a procedure, as its file is now, as a JSON string.

    This is the part of `serialize`'s output that is the same for every run on one model
    version (20-40 KB), stored once per version; `serialize_state` holds the rest.

    Shape: ``{"formaat": 1, "procedure_id": ..., "model_version": ..., "spec": {...},
    "subprocess_specs": {...}}``.

    Raises:
        UnknownProcedureError: for an unknown `procedure_id`.
    """
    procedure = _get_procedure(procedure_id)
    workflow = BpmnWorkflow(_spec(procedure_id))
    return _spec_text(procedure_id, procedure.model_version, _workflow_dict(workflow))


def _workflow_dict(workflow: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(SERIALIZER.serialize_json(workflow))
    return result


def _spec_text(procedure_id: str, model_version: str, workflow: dict[str, Any]) -> str:
    envelope = {
        "formaat": SERIALIZATION_FORMAT,
        "procedure_id": procedure_id,
        "model_version": model_version,
        **{key: workflow[key] for key in SPEC_KEYS if key in workflow},
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))


def serialize_parts(run: Run) -> tuple[str, str]:
    """The run as two JSON strings: ``(spec, state)``.

    ``spec`` is `serialize_spec`'s shape for the model version the run started on (taken from
    the run itself, so it is right even after the file changed); ``state`` is `serialize`'s
    envelope without the process model (a few KB). `deserialize_parts` joins them again.
    """
    workflow = _workflow_dict(run.workflow)
    spec = _spec_text(run.procedure_id, run.model_version, workflow)
    for key in SPEC_KEYS:
        workflow.pop(key, None)
    return spec, _envelope_text(run, workflow)


def serialize_state(run: Run) -> str:
    """`serialize_parts`'s state only: the run without its process model."""
    workflow = _workflow_dict(run.workflow)
    for key in SPEC_KEYS:
        workflow.pop(key, None)
    return _envelope_text(run, workflow)


def deserialize_parts(state: str, spec: str) -> Run:
    """Restore a run from `serialize_state`'s text and the spec text of its model version.

    The run continues on the model in ``spec``, whatever the BPMN file says now.

    Raises:
        InvalidDataError: a text is not a serialized run or spec (field ``text`` or ``spec``),
            or the spec is of another model version or procedure than the run (field ``spec``).
    """
    try:
        spec_envelope = json.loads(spec)
        if spec_envelope.get("formaat") != SERIALIZATION_FORMAT:
            raise InvalidDataError("spec", f"onbekend formaat {spec_envelope.get('formaat')!r}")
        spec_parts = {key: spec_envelope[key] for key in SPEC_KEYS if key in spec_envelope}
        if "spec" not in spec_parts:
            raise InvalidDataError("spec", "geen procesmodel (spec) in de specificatie")
    except (ValueError, TypeError, AttributeError) as exc:
        raise InvalidDataError("spec", f"geen geldige specificatie: {exc}") from None
    try:
        kop = json.loads(state)
        van_run = (kop["procedure_id"], kop["model_version"])
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidDataError("text", f"geen geldige geserialiseerde run: {exc}") from None
    van_spec = (spec_envelope.get("procedure_id"), spec_envelope.get("model_version"))
    if van_spec != van_run:
        raise InvalidDataError(
            "spec",
            f"de specificatie is van procedure {van_spec[0]!r} versie {van_spec[1]!r}, "
            f"de run van procedure {van_run[0]!r} versie {van_run[1]!r}",
        )
    return _deserialize(state, spec_parts)


def bpmn_source(procedure_id: str, model_version: str) -> str | None:
    """The BPMN file's text of a procedure if the file is still at `model_version`, else None.

    Raises:
        UnknownProcedureError: for an unknown `procedure_id`.
    """
    procedure = _get_procedure(procedure_id)
    if procedure.model_version != model_version:
        return None
    return procedure.bestand.read_text(encoding="utf-8")


def _deserialize(text: str, spec_parts: dict[str, Any] | None) -> Run:
    try:
        envelope = json.loads(text)
        if envelope.get("formaat") != SERIALIZATION_FORMAT:
            raise InvalidDataError("text", f"onbekend formaat {envelope.get('formaat')!r}")
        workflow_dict = envelope["workflow"]
        if spec_parts is not None:
            workflow_dict = {**workflow_dict, **spec_parts}
        workflow = SERIALIZER.deserialize_json(json.dumps(workflow_dict))
        steps = [
            CompletedStep(
                task_id=s["task_id"],
                bpmn_id=s["bpmn_id"],
                lane=s["lane"],
                completed_at=datetime.fromisoformat(s["completed_at"]),
                overgeslagen=s["overgeslagen"],
                gemeente=s.get("gemeente", ""),
            )
            for s in envelope["steps"]
        ]
        return Run(
            procedure_id=envelope["procedure_id"],
            model_version=envelope["model_version"],
            started_at=datetime.fromisoformat(envelope["started_at"]),
            workflow=workflow,
            steps=steps,
            deadlines={
                task_id: datetime.fromisoformat(due)
                for task_id, due in envelope["deadlines"].items()
            },
        )
    except InvalidDataError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidDataError("text", f"geen geldige geserialiseerde run: {exc}") from None
