"""The engine's API: start, ready tasks, completion, timers, errors, serialization."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

import pytest

from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.procedures.engine import (
    PROCEDURES,
    InvalidDataError,
    ReadyTask,
    Run,
    TaskNotReadyError,
    UnknownProcedureError,
    UnknownTaskError,
    beroep_mogelijk_na_besluit,
    beroep_startgegevens,
    completed_lanes,
    completed_steps,
    deserialize,
    is_finished,
    next_timer_due,
    procedure_for_route,
    procedure_start,
    ready_tasks,
    refresh_timers,
    serialize,
    startvariabelen,
    task_complete,
    task_data,
)
from politiebijstand.procedures.model import Veld
from politiebijstand.rules.bron import factsheet, politiewet

#: The start variable of the tasks done per municipality, as declared.
GEMEENTEN = Veld("lijst", standaard=("",))

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _task(run: Run, bpmn_id: str) -> ReadyTask:
    (task,) = [t for t in ready_tasks(run) if t.bpmn_id == bpmn_id]
    return task


def _spoed_run(termijn: str | None = None) -> Run:
    """Procedure 3 on the urgent path, the phone call recorded at NOW."""
    start: dict[str, Any] = {"spoed": True}
    if termijn is not None:
        start["formalisatie_termijn"] = termijn
    run = procedure_start("3", start, now=NOW - timedelta(minutes=10))
    tel = _task(run, "taak_telefonisch_contact_vastgelegd")
    task_complete(run, tel.task_id, {"gebeld_door": "RCCB", "gebeld": "LOCC"}, now=NOW)
    return run


# --- catalogue -------------------------------------------------------------------------------


def test_procedures_catalogue_names_file_title_section_basis_and_version() -> None:
    p3 = PROCEDURES["3"]
    assert p3.bestand.name == "procedure_3.bpmn"
    assert p3.titel == "Procedure 3: bijstand door de KMar, openbare orde"
    assert p3.sectie == factsheet("toelichting 3")
    assert p3.grondslag == politiewet("57", "1")
    assert p3.model_version == hashlib.sha256(p3.bestand.read_bytes()).hexdigest()
    assert PROCEDURES["9"].grondslag == politiewet("56", "4")
    assert PROCEDURES["2_waterwerper"].grondslag is None
    assert [p.id for p in PROCEDURES.values() if p.beroep_procedure == "9"] == ["1", "6"]
    assert [p.id for p in PROCEDURES.values() if not p.spoedroute] == ["2_container_vrt", "9"]


def test_catalogue_titles_are_the_process_names_in_the_files() -> None:
    for procedure in PROCEDURES.values():
        text = procedure.bestand.read_text(encoding="utf-8")
        assert f'name="{procedure.titel}" isExecutable="true"' in text


@pytest.mark.parametrize(
    ("procedure", "middel", "expected"),
    [
        ("1", None, "1"),
        ("2", "waterwerper", "2_waterwerper"),
        ("2", "bewakingscontainer", "2_container_vrt"),
        ("2", "vrt_voertuig", "2_container_vrt"),
        ("8", None, "8"),
    ],
)
def test_procedure_for_route_maps_an_advice_route(
    procedure: str, middel: str | None, expected: str
) -> None:
    assert procedure_for_route(procedure, middel).id == expected


@pytest.mark.parametrize(("procedure", "middel"), [("rechtshulp", None), ("2", None), ("9", None)])
def test_procedure_for_route_refuses_what_has_no_procedure(
    procedure: str, middel: str | None
) -> None:
    with pytest.raises(UnknownProcedureError):
        procedure_for_route(procedure, middel)


# --- start -----------------------------------------------------------------------------------


def test_start_stores_defaults_and_the_model_version() -> None:
    run = procedure_start("3", {}, now=NOW)
    assert run.procedure_id == "3"
    assert run.model_version == PROCEDURES["3"].model_version
    assert run.started_at == NOW
    assert run.data == {
        "spoed": False,
        "formalisatie_termijn": "PT24H",
        "indiener": "burgemeester",
        "gemeenten": [""],
    }
    assert [t.bpmn_id for t in ready_tasks(run)] == ["taak_vooroverleg_ccb_kmar"]


def test_start_converts_now_to_utc() -> None:
    amsterdam = timezone(timedelta(hours=1))
    run = procedure_start("5", {}, now=datetime(2026, 3, 2, 10, 0, tzinfo=amsterdam))
    assert run.started_at == NOW
    assert run.started_at.tzinfo == UTC


def test_unknown_procedure_is_refused() -> None:
    with pytest.raises(UnknownProcedureError, match="procedure_id: onbekende procedure '10'"):
        procedure_start("10", {}, now=NOW)


SPOED = Veld("ja_nee", standaard=False)
TERMIJN = Veld("duur", standaard="PT24H")


@pytest.mark.parametrize(
    ("procedure", "extra"),
    [
        (
            "1",
            {
                "zienswijze_vereist": Veld("ja_nee"),
                "zienswijze_termijn": Veld("duur", standaard="PT24H"),
                "gemeenten": GEMEENTEN,
                "gemeenten_zienswijze": GEMEENTEN,
            },
        ),
        ("2_container_vrt", {}),
        ("2_waterwerper", {"oefening": Veld("ja_nee", standaard=False)}),
        (
            "3",
            {
                "indiener": Veld(
                    "keuze", ("burgemeester", "regioburgemeester"), standaard="burgemeester"
                ),
                "gemeenten": GEMEENTEN,
            },
        ),
        (
            "4",
            {
                "indiener": Veld(
                    "keuze", ("burgemeester", "regioburgemeester"), standaard="burgemeester"
                ),
                "gemeenten": GEMEENTEN,
            },
        ),
        ("5", {"gemeenten": GEMEENTEN}),
        (
            "6",
            {
                "zienswijze_vereist": Veld("ja_nee"),
                "zienswijze_termijn": Veld("duur", standaard="PT24H"),
                "gemeenten_zienswijze": GEMEENTEN,
            },
        ),
        ("7", {}),
        ("8", {"convenant": Veld("ja_nee", standaard=False)}),
        ("9", {"aanvrager": Veld("keuze", ("burgemeester", "officier_van_justitie"))}),
    ],
)
def test_startvariabelen_gives_each_procedures_declared_start_variables(
    procedure: str, extra: dict[str, Veld]
) -> None:
    declared = startvariabelen(procedure)
    assert dict(declared) == {"spoed": SPOED, "formalisatie_termijn": TERMIJN, **extra}
    assert list(declared) == sorted(declared)


def test_startvariabelen_are_what_procedure_start_accepts() -> None:
    required = {n for n, v in startvariabelen("1").items() if v.standaard is None}
    assert required == {"zienswijze_vereist"}
    run = procedure_start("1", {"zienswijze_vereist": True}, now=NOW)
    assert run.data == {
        "spoed": False,
        "formalisatie_termijn": "PT24H",
        "zienswijze_vereist": True,
        "zienswijze_termijn": "PT24H",
        "gemeenten": [""],
        "gemeenten_zienswijze": [""],
    }


def test_startvariabelen_are_those_of_the_definitions() -> None:
    for proces in PROCESSEN:
        procedure_id = proces.id.removeprefix("procedure_")
        assert dict(startvariabelen(procedure_id)) == proces.knopen["start"].velden


@pytest.mark.parametrize(
    ("dct", "message"),
    [
        ({"soort": "getal"}, "onbekende veldsoort 'getal'"),
        ({"soort": "keuze", "waarden": "ab"}, "waarden: een lijst van teksten"),
        ({"soort": "ja_nee", "standaard": 0}, "standaard: ja/nee, tekst of lijst"),
    ],
)
def test_a_veld_from_an_ill_formed_declaration_is_refused(
    dct: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Veld.from_dict(dct)


def test_startvariabelen_refuses_an_unknown_procedure() -> None:
    with pytest.raises(UnknownProcedureError, match="procedure_id: onbekende procedure '10'"):
        startvariabelen("10")


@pytest.mark.parametrize(
    ("procedure", "data", "field", "message"),
    [
        ("3", {"spoedig": True}, "spoedig", "onbekend startgegeven voor procedure 3"),
        ("1", {}, "zienswijze_vereist", "verplicht startgegeven voor procedure 1"),
        ("1", {"zienswijze_vereist": "ja"}, "zienswijze_vereist", "ja/nee"),
        ("3", {"spoed": 1}, "spoed", "ja/nee"),
        ("3", {"indiener": "ovj"}, "indiener", "een van burgemeester, regioburgemeester"),
        ("3", {"formalisatie_termijn": "24 uur"}, "formalisatie_termijn", "ISO 8601-duur"),
        ("3", {"formalisatie_termijn": "P"}, "formalisatie_termijn", "ISO 8601-duur"),
        ("9", {}, "aanvrager", "verplicht startgegeven voor procedure 9"),
        ("3", ["spoed"], "data", "een object"),
        ("3", {"spoed": float("nan")}, "data", "niet als JSON"),
    ],
)
def test_bad_start_data_is_refused_naming_the_field(
    procedure: str, data: Any, field: str, message: str
) -> None:
    with pytest.raises(InvalidDataError, match=message) as exc:
        procedure_start(procedure, data, now=NOW)
    assert exc.value.field == field


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(InvalidDataError) as exc:
        procedure_start("3", {}, now=datetime(2026, 3, 2, 9, 0))  # noqa: DTZ001
    assert exc.value.field == "now"


# --- ready tasks and completion -------------------------------------------------------------


def test_ready_task_describes_the_step() -> None:
    run = procedure_start("3", {}, now=NOW)
    (task,) = ready_tasks(run)
    assert str(UUID(task.task_id)) == task.task_id
    assert task.bpmn_id == "taak_vooroverleg_ccb_kmar"
    assert task.name == "Lokaal operationeel vooroverleg met CCB-KMar"
    assert task.lane == "RCCB"
    assert task.documentation == (
        "Tussen RCCB van de vragende eenheid en CCB-KMar of andere betrokken KMar eenheid kan "
        "lokaal operationeel vooroverleg plaatsvinden om te onderzoeken of er potentiële "
        "bijstand beschikbaar is. Er kunnen geen toezeggingen gedaan worden."
    )
    assert task.due is None
    assert task.optioneel is True
    assert dict(task.velden) == {}


def test_a_decision_task_declares_its_field() -> None:
    run = procedure_start("2_container_vrt", {}, now=NOW)
    task_complete(run, ready_tasks(run)[0].task_id, {}, now=NOW)
    task = _task(run, "taak_inzet_toetsen")
    assert task.lane == "NCTV-DB3"
    assert dict(task.velden) == {
        "besluit": {"soort": "keuze", "waarden": ["toegekend", "deels_toegekend", "afgewezen"]}
    }


def _completed_decision_run() -> tuple[Run, ReadyTask]:
    run = procedure_start("2_container_vrt", {}, now=NOW)
    task_complete(run, ready_tasks(run)[0].task_id, {"verslag": "piket gebeld"}, now=NOW)
    return run, _task(run, "taak_inzet_toetsen")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "besluit", "verplicht veld van stap taak_inzet_toetsen"),
        ({"besluit": "ja"}, "besluit", "een van toegekend, deels_toegekend, afgewezen"),
        ({"besluit": "toegekend", "bij": {1, 2}}, "data", "niet als JSON"),
        ({"overgeslagen": True, "reden": "x"}, "overgeslagen", "niet optioneel"),
        ({"overgeslagen": "ja"}, "overgeslagen", "ja/nee"),
    ],
)
def test_bad_task_data_is_refused_and_the_run_is_unchanged(
    data: dict[str, Any], field: str, message: str
) -> None:
    run, task = _completed_decision_run()
    before = serialize(run)
    with pytest.raises(InvalidDataError, match=message) as exc:
        task_complete(run, task.task_id, data, now=NOW)
    assert exc.value.field == field
    assert serialize(run) == before


def test_skipping_an_optional_step_needs_a_reason() -> None:
    run = procedure_start("3", {}, now=NOW)
    (task,) = ready_tasks(run)
    before = serialize(run)
    for data in ({"overgeslagen": True}, {"overgeslagen": True, "reden": "  "}):
        with pytest.raises(InvalidDataError, match="een overgeslagen stap vraagt een reden"):
            task_complete(run, task.task_id, data, now=NOW)
    assert serialize(run) == before


def test_unknown_task_ids_are_refused() -> None:
    run = procedure_start("3", {}, now=NOW)
    with pytest.raises(UnknownTaskError, match="is geen geldig taak-id"):
        task_complete(run, "taak_vooroverleg_ccb_kmar", {}, now=NOW)
    with pytest.raises(UnknownTaskError, match="deze run heeft geen taak"):
        task_complete(run, str(uuid4()), {}, now=NOW)


def test_a_task_cannot_be_completed_twice() -> None:
    run = procedure_start("3", {}, now=NOW)
    (task,) = ready_tasks(run)
    task_complete(run, task.task_id, {"verslag": "besproken"}, now=NOW)
    before = serialize(run)
    with pytest.raises(TaskNotReadyError, match=r"taak_vooroverleg_ccb_kmar .* is niet open"):
        task_complete(run, task.task_id, {"verslag": "nog eens"}, now=NOW)
    assert serialize(run) == before
    assert completed_lanes(run) == ["RCCB"]


def test_a_task_not_yet_reached_is_not_ready() -> None:
    run = procedure_start("2_container_vrt", {}, now=NOW)
    future = [
        t
        for t in run.workflow.get_tasks()
        if t.task_spec.bpmn_id == "taak_contact_beheersorganisatie"
    ]
    with pytest.raises(TaskNotReadyError):
        task_complete(run, str(future[0].id), {}, now=NOW)


def test_step_data_is_kept_per_step_and_declared_fields_become_variables() -> None:
    run, task = _completed_decision_run()
    task_complete(run, task.task_id, {"besluit": "afgewezen", "reden": "geen capaciteit"}, now=NOW)
    assert run.data["taak_contact_db3"] == {"verslag": "piket gebeld"}
    assert run.data["taak_inzet_toetsen"] == {"besluit": "afgewezen", "reden": "geen capaciteit"}
    assert run.data["besluit"] == "afgewezen"
    assert "reden" not in run.data
    assert is_finished(run)


def test_completion_order_and_times_are_recorded() -> None:
    run = procedure_start("5", {}, now=NOW)
    for minutes in (1, 2, 3, 4):
        (task,) = ready_tasks(run)
        data = {"besluit": "toegekend"} if task.velden else {}
        task_complete(run, task.task_id, data, now=NOW + timedelta(minutes=minutes))
    assert completed_lanes(run) == ["RCCB", "LE-POB", "BURGEMEESTER", "LOCC"]
    assert [s.completed_at for s in run.steps] == [
        NOW + timedelta(minutes=1),
        NOW + timedelta(minutes=2),
        NOW + timedelta(minutes=3),
        NOW + timedelta(minutes=4),
    ]
    assert is_finished(run)
    assert ready_tasks(run) == []


@pytest.mark.parametrize(
    ("procedure", "besluit", "verwacht"),
    [
        ("1", "afgewezen", True),
        ("1", "deels_toegekend", True),
        ("1", "toegekend", False),
        ("1", None, False),
        ("6", "afgewezen", True),
        ("6", "deels_toegekend", True),
        ("6", "toegekend", False),
        ("3", "afgewezen", False),
        ("4", "deels_toegekend", False),
        ("2_waterwerper", "afgewezen", False),
        ("8", "afgewezen", False),
        ("9", "afgewezen", False),
    ],
)
def test_beroep_only_after_a_rejection_by_the_korpschef_in_1_or_6(
    procedure: str, besluit: str | None, verwacht: bool
) -> None:
    assert beroep_mogelijk_na_besluit(procedure, besluit) is verwacht


def test_beroep_mogelijk_na_besluit_refuses_an_unknown_procedure() -> None:
    with pytest.raises(UnknownProcedureError, match="procedure_id: onbekende procedure '10'"):
        beroep_mogelijk_na_besluit("10", "afgewezen")


def test_beroep_startgegevens_needs_a_rejection() -> None:
    run = procedure_start("3", {}, now=NOW)
    with pytest.raises(InvalidDataError) as exc:
        beroep_startgegevens(run)
    assert exc.value.field == "besluit"


# --- timers ----------------------------------------------------------------------------------


def test_the_formalisation_is_due_within_the_default_term() -> None:
    run = _spoed_run()
    task = _task(run, "taak_schriftelijk_formaliseren")
    assert task.due == NOW + timedelta(hours=24)
    assert task.due is not None and task.due.tzinfo == UTC
    assert task.optioneel is False  # required: the run waits for it (ADR 0024)
    assert next_timer_due(run) == NOW + timedelta(hours=24)
    assert _task(run, "taak_aanvraag_verwerken").due is None


def test_the_term_is_a_process_variable() -> None:
    run = _spoed_run("PT2H30M")
    assert _task(run, "taak_schriftelijk_formaliseren").due == NOW + timedelta(hours=2, minutes=30)


def test_the_timer_escalates_to_the_locc_when_the_term_passes_and_not_before() -> None:
    run = _spoed_run()
    due = NOW + timedelta(hours=24)
    assert refresh_timers(run, now=due - timedelta(seconds=1)) == []
    assert "taak_escalatie_formalisatie" not in [t.bpmn_id for t in ready_tasks(run)]
    assert next_timer_due(run) == due

    assert refresh_timers(run, now=due) == ["timer_formalisatie"]
    escalatie = _task(run, "taak_escalatie_formalisatie")
    assert escalatie.lane == "LOCC"
    # non-interrupting: the formalisation stays open, still showing when it was due
    assert _task(run, "taak_schriftelijk_formaliseren").due == due
    assert next_timer_due(run) is None
    assert refresh_timers(run, now=due + timedelta(days=1)) == []
    assert [t.bpmn_id for t in ready_tasks(run)].count("taak_escalatie_formalisatie") == 1


def test_timers_fire_only_when_asked() -> None:
    run = _spoed_run("PT1M")
    task_complete(
        run,
        _task(run, "taak_aanvraag_verwerken").task_id,
        {},
        now=NOW + timedelta(days=3),
    )
    assert "taak_escalatie_formalisatie" not in [t.bpmn_id for t in ready_tasks(run)]
    assert refresh_timers(run, now=NOW + timedelta(days=3)) == ["timer_formalisatie"]


def test_formalising_in_time_cancels_the_timer() -> None:
    run = _spoed_run()
    formaliseren = _task(run, "taak_schriftelijk_formaliseren")
    task_complete(run, formaliseren.task_id, {"verzonden": True}, now=NOW + timedelta(hours=3))
    assert next_timer_due(run) is None
    assert refresh_timers(run, now=NOW + timedelta(days=2)) == []
    assert "taak_escalatie_formalisatie" not in [t.bpmn_id for t in ready_tasks(run)]


def test_refresh_timers_refuses_a_naive_now() -> None:
    run = _spoed_run()
    with pytest.raises(InvalidDataError):
        refresh_timers(run, now=datetime(2026, 3, 5))  # noqa: DTZ001


def test_a_timer_cannot_fire_outside_the_engine() -> None:
    run = _spoed_run()
    with pytest.raises(RuntimeError, match="without an injected now"):
        run.workflow.refresh_timers()


# --- serialization ---------------------------------------------------------------------------


def _finish(run: Run, now: datetime) -> None:
    defensie = {"standpunt_defensie": "Defensie stemt in.", "overeenstemming_defensie": True}
    while ready := ready_tasks(run):
        for task in ready:
            data: dict[str, object] = {"besluit": "toegekend"} if task.velden else {}
            if "standpunt_defensie" in task.velden:
                data |= defensie
            task_complete(run, task.task_id, data, now=now)


def test_a_run_survives_a_round_trip_mid_run() -> None:
    run = _spoed_run()
    refresh_timers(run, now=NOW + timedelta(hours=25))
    text = serialize(run)
    copy = deserialize(text)
    assert serialize(copy) == text
    assert ready_tasks(copy) == ready_tasks(run)
    assert copy.model_version == run.model_version
    assert copy.started_at == run.started_at
    assert copy.steps == run.steps
    assert copy.data == run.data
    _finish(run, NOW + timedelta(hours=26))
    _finish(copy, NOW + timedelta(hours=26))
    assert completed_lanes(copy) == completed_lanes(run)
    assert is_finished(copy)


def test_a_waiting_timer_survives_a_round_trip() -> None:
    copy = deserialize(serialize(_spoed_run()))
    assert next_timer_due(copy) == NOW + timedelta(hours=24)
    assert refresh_timers(copy, now=NOW + timedelta(hours=23)) == []
    assert refresh_timers(copy, now=NOW + timedelta(hours=24)) == ["timer_formalisatie"]


def test_a_run_finishes_on_the_model_it_started_with() -> None:
    run = procedure_start("5", {}, now=NOW)
    envelope = json.loads(serialize(run))
    # Change the embedded model, as if the file had changed since the run started.
    specs = envelope["workflow"]["spec"]["task_specs"]
    specs["taak_contact_locc"]["lane"] = "OZI"
    copy = deserialize(json.dumps(envelope))
    _finish(copy, NOW)
    assert completed_lanes(copy) == ["RCCB", "OZI", "BURGEMEESTER", "LOCC"]
    assert copy.model_version == PROCEDURES["5"].model_version


@pytest.mark.parametrize(
    "text", ["", "{}", '{"formaat": 2}', '{"formaat": 1, "workflow": {}}', "[1]"]
)
def test_deserialize_refuses_what_is_not_a_run(text: str) -> None:
    with pytest.raises(InvalidDataError) as exc:
        deserialize(text)
    assert exc.value.field == "text"


# --- tasks per municipality (contract, interpretation 12) -------------------------------------


@pytest.mark.parametrize(
    "waarde",
    [[], ["GM0518", "GM0518"], "GM0518", [1], None],
)
def test_a_list_of_municipalities_must_be_distinct_texts(waarde: Any) -> None:
    with pytest.raises(InvalidDataError) as exc:
        procedure_start("3", {"gemeenten": waarde}, now=NOW)
    assert exc.value.field == "gemeenten"
    assert exc.value.message == (
        f"een niet-lege lijst van verschillende teksten verwacht, niet {waarde!r}"
    )


def test_each_municipality_signs_its_own_form_and_all_must_sign() -> None:
    run = procedure_start("5", {"gemeenten": ["GM0518", "GM0629"]}, now=NOW)
    (contact,) = ready_tasks(run)
    task_complete(run, contact.task_id, {}, now=NOW)
    (locc,) = ready_tasks(run)
    task_complete(run, locc.task_id, {}, now=NOW)
    ready = ready_tasks(run)
    assert [(t.bpmn_id, t.lane, t.gemeente) for t in ready] == [
        ("taak_verzoek_ondertekenen", "BURGEMEESTER", "GM0518"),
        ("taak_verzoek_ondertekenen", "BURGEMEESTER", "GM0629"),
    ]
    task_complete(run, ready[1].task_id, {"verslag": "Wassenaar"}, now=NOW)
    assert [(t.bpmn_id, t.gemeente) for t in ready_tasks(run)] == [
        ("taak_verzoek_ondertekenen", "GM0518")
    ]
    task_complete(run, ready[0].task_id, {"verslag": "Den Haag"}, now=NOW)
    assert [(t.bpmn_id, t.gemeente) for t in ready_tasks(run)] == [("taak_besluit_locc", "")]
    assert task_data(run, "taak_verzoek_ondertekenen") == {
        "GM0629": {"verslag": "Wassenaar"},
        "GM0518": {"verslag": "Den Haag"},
    }
    restored = deserialize(serialize(run))
    assert [s.gemeente for s in completed_steps(restored)] == ["", "", "GM0629", "GM0518"]
