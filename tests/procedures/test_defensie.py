"""The gates towards Defence in procedures 3, 4, 7 and 8, walked in the engine.

- DJZ's refusal binds (toelichting 4 and 8: "Namens de Minister van Defensie is DJZ
  gemandateerd tot het nemen van het besluit tot bijstand of de afwijzing daarvan"; Pw 2012
  art. 58 lid 2): after it only the pass-on of the refusal is offered, which records nothing
  but ``afgewezen``, and the run ends.
- The coordinator's decision records Defence's position and agreement (Pw 2012 art. 57 lid 2
  and 3, art. 58 lid 2).
- LE-POB's check that the police are exhausted records its outcome; a negative one stops.
- Procedure 8 informs the korpsleiding through LE-POB on every route (footnote 4).
"""

from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.procedures.engine import (
    InvalidDataError,
    procedure_start,
    reached_end_events,
    ready_tasks,
    task_complete,
    task_data,
)
from politiebijstand.rules import advies_bepalen, situatie_from_dict
from tests.procedures.doorloop import NOW, Fase, doorloop, fasen
from tests.procedures.test_doorloop import (
    MET_DEFENSIE,
    NIET_UITGEPUT,
    P4_ANTWOORDEN,
    P4_NA_FORMULIER,
    P8_ANTWOORDEN,
    TOEGEKEND_MET_DEFENSIE,
    UITGEPUT,
)

DJZ_AFGEWEZEN = {"besluit_defensie": "afgewezen", "motivering": "Geen eenheid beschikbaar."}
DOORGEVEN = {"besluit": "afgewezen"}

# Procedure 4 up to the LOCC's request to DJZ (normal path), as in test_doorloop.
P4_TOT_DJZ: list[Fase] = [
    "RCCB",  # lokaal operationeel vooroverleg RCCB en OVR
    "RCCB",  # RCCB neemt contact op met LE-POB.
    "LE-POB",  # Deze toetst of de Nationale politie daadwerkelijk is uitgeput
    "LE-POB",  # LE-POB geeft toestemming en informeert RCCB en LOCC
    "RCCB",  # RCCB stelt het aanvraagformulier op
    "BURGEMEESTER",  # ondertekend door of namens de burgemeester
    "RCCB",  # RCCB verzendt het aanvraagformulier naar het LOCC
    *P4_NA_FORMULIER[:6],  # LOCC ... DJZ besluit, DJZ informeert het LOCC
]
# Procedure 8 up to DJZ informing OZI (normal path).
P8_TOT_DJZ: list[Fase] = [
    "RCCB",  # RCCB neemt contact op met LE-POB.
    "LE-POB",  # Deze afdeling toetst of de Nationale politie daadwerkelijk is uitgeput
    "LE-POB",  # LE-POB informeert RCCB en LOCC
    "OVJ",  # de (hoofd)officier van justitie neemt contact op met het College
    "PARKET-GENERAAL",  # het Parket-Generaal leidt de aanvraag aan OZI
    "OZI",  # verzoek aan DJZ, tegelijk in afschrift aan DOC (één handeling)
    "DJZ",  # DJZ besluit namens de Minister van Defensie
    "DJZ",  # DJZ informeert OZI over het genomen besluit
]


def _tot(procedure: str, start: dict[str, Any], antwoorden: dict[str, Any], bpmn_id: str) -> Any:
    """Start a run and complete ready tasks until `bpmn_id` is ready; return (run, task)."""
    run = procedure_start(procedure, start, now=NOW)
    for _ in range(40):
        ready = ready_tasks(run)
        gevonden = [t for t in ready if t.bpmn_id == bpmn_id]
        if gevonden:
            return run, gevonden[0]
        task = ready[0]
        task_complete(run, task.task_id, antwoorden.get(task.bpmn_id, {}), now=NOW)
    raise AssertionError(f"{bpmn_id} not reached")


# --- DJZ's refusal binds (procedures 4 and 8) ---------------------------------------------


def test_procedure_4_afwijzing_door_defensie_alleen_doorgeven() -> None:
    walk = doorloop(
        "4",
        {},
        {
            **P4_ANTWOORDEN,
            "taak_besluit_defensie": DJZ_AFGEWEZEN,
            "taak_afwijzing_defensie_doorgeven": DOORGEVEN,
        },
    )
    assert walk.organisaties == fasen(
        *P4_TOT_DJZ,
        "LOCC",  # (model) het LOCC geeft de afwijzing van Defensie door
    )
    assert walk.taken[-3:] == [
        "taak_besluit_defensie",
        "taak_besluit_defensie_informeren",
        "taak_afwijzing_defensie_doorgeven",
    ]
    assert "taak_besluit_locc" not in walk.taken
    assert "taak_rccb_informeren" not in walk.taken
    assert reached_end_events(walk.run) == ["eind_afgewezen_defensie"]
    assert walk.run.data["besluit"] == "afgewezen"


def test_procedure_8_afwijzing_door_defensie_alleen_doorgeven() -> None:
    walk = doorloop(
        "8",
        {},
        {
            **P8_ANTWOORDEN,
            "taak_besluit_defensie": DJZ_AFGEWEZEN,
            "taak_afwijzing_defensie_doorgeven": DOORGEVEN,
        },
    )
    assert walk.organisaties == fasen(*P8_TOT_DJZ, "OZI")
    assert "taak_besluit_ozi" not in walk.taken
    assert "taak_korpsleiding_informeren" not in walk.taken
    assert reached_end_events(walk.run) == ["eind_afgewezen_defensie"]


@pytest.mark.parametrize("procedure", ["4", "8"])
@pytest.mark.parametrize("besluit", ["toegekend", "deels_toegekend"])
def test_na_afwijzing_door_defensie_kan_niet_worden_toegekend(procedure: str, besluit: str) -> None:
    antwoorden = {**P4_ANTWOORDEN, **P8_ANTWOORDEN, "taak_besluit_defensie": DJZ_AFGEWEZEN}
    run, task = _tot(procedure, {}, antwoorden, "taak_afwijzing_defensie_doorgeven")
    assert [t.bpmn_id for t in ready_tasks(run)] == ["taak_afwijzing_defensie_doorgeven"]
    voor = dict(run.data)
    with pytest.raises(InvalidDataError) as exc:
        task_complete(run, task.task_id, {"besluit": besluit, **MET_DEFENSIE}, now=NOW)
    assert (exc.value.field, exc.value.message) == (
        "besluit",
        f"een van afgewezen verwacht, niet {besluit!r}",
    )
    assert run.data == voor
    assert [t.bpmn_id for t in ready_tasks(run)] == ["taak_afwijzing_defensie_doorgeven"]


@pytest.mark.parametrize(("procedure", "lane"), [("4", "LOCC"), ("8", "OZI")])
def test_na_toekenning_door_defensie_beslist_de_coordinator(procedure: str, lane: str) -> None:
    antwoorden = {**P4_ANTWOORDEN, **P8_ANTWOORDEN}
    besluit = "taak_besluit_locc" if procedure == "4" else "taak_besluit_ozi"
    run, task = _tot(procedure, {}, antwoorden, besluit)
    assert [t.bpmn_id for t in ready_tasks(run)] == [besluit]
    assert task.lane == lane
    assert set(task.velden) == {"besluit", "standpunt_defensie", "overeenstemming_defensie"}


# --- the coordinator's decision records Defence's position (3, 4, 7, 8) -------------------

BESLUIT_TAAK = {
    "3": "taak_besluit_locc",
    "4": "taak_besluit_locc",
    "7": "taak_besluit_ozi",
    "8": "taak_besluit_ozi",
}
TOT_BESLUIT: dict[str, Any] = {
    **P4_ANTWOORDEN,
    **P8_ANTWOORDEN,
    "taak_aanvraag_doorgeleiden": {"ondersteund": True},
}


@pytest.mark.parametrize("procedure", ["3", "4", "7", "8"])
@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        (
            {"besluit": "toegekend", "overeenstemming_defensie": True},
            "standpunt_defensie",
            "verplicht veld van stap {taak}",
        ),
        (
            {"besluit": "toegekend", "standpunt_defensie": "  ", "overeenstemming_defensie": True},
            "standpunt_defensie",
            "een tekst verwacht, niet '  '",
        ),
        (
            {"besluit": "toegekend", "standpunt_defensie": "Akkoord."},
            "overeenstemming_defensie",
            "verplicht veld van stap {taak}",
        ),
    ],
)
def test_besluit_zonder_standpunt_of_overeenstemming_wordt_geweigerd(
    procedure: str, data: dict[str, Any], veld: str, melding: str
) -> None:
    taak = BESLUIT_TAAK[procedure]
    run, task = _tot(procedure, {}, TOT_BESLUIT, taak)
    voor = dict(run.data)
    with pytest.raises(InvalidDataError) as exc:
        task_complete(run, task.task_id, data, now=NOW)
    assert (exc.value.field, exc.value.message) == (veld, melding.format(taak=taak))
    assert run.data == voor
    assert [t.bpmn_id for t in ready_tasks(run)] == [taak]


@pytest.mark.parametrize("procedure", ["3", "4", "7", "8"])
def test_besluit_legt_standpunt_en_overeenstemming_vast(procedure: str) -> None:
    taak = BESLUIT_TAAK[procedure]
    run, task = _tot(procedure, {}, TOT_BESLUIT, taak)
    task_complete(run, task.task_id, TOEGEKEND_MET_DEFENSIE, now=NOW)
    assert task_data(run, taak) == TOEGEKEND_MET_DEFENSIE
    assert run.data["standpunt_defensie"] == "Defensie stemt in met de inzet."
    assert run.data["overeenstemming_defensie"] is True


# --- LE-POB's check that the police are exhausted (4 and 8) -------------------------------


def test_procedure_4_politie_niet_uitgeput_stopt() -> None:
    walk = doorloop("4", {}, {"taak_uitputting_toetsen": NIET_UITGEPUT})
    assert walk.organisaties == fasen("RCCB", "RCCB", "LE-POB")
    assert reached_end_events(walk.run) == ["eind_politie_niet_uitgeput"]
    assert task_data(walk.run, "taak_uitputting_toetsen") == NIET_UITGEPUT


def test_procedure_4_spoed_politie_niet_uitgeput_stopt_het_werk() -> None:
    walk = doorloop("4", {"spoed": True}, {"taak_uitputting_toetsen": NIET_UITGEPUT})
    assert walk.organisaties == fasen(
        "RCCB",  # telefonisch contact met LE-POB vastgelegd
        ("BURGEMEESTER", "LE-POB"),  # schriftelijke formalisatie || LE-POB toetst uitputting
    )
    assert sorted(reached_end_events(walk.run)) == [
        "eind_geformaliseerd",
        "eind_politie_niet_uitgeput",
    ]


def test_procedure_8_politie_niet_uitgeput_stopt() -> None:
    walk = doorloop("8", {}, {"taak_uitputting_toetsen": NIET_UITGEPUT})
    assert walk.organisaties == fasen("RCCB", "LE-POB")
    assert reached_end_events(walk.run) == ["eind_politie_niet_uitgeput"]


@pytest.mark.parametrize("procedure", ["4", "8"])
@pytest.mark.parametrize(
    ("data", "veld"),
    [
        ({"motivering": "Alle eenheden ingezet."}, "politie_uitgeput"),
        ({"politie_uitgeput": True}, "motivering"),
        ({"politie_uitgeput": "ja", "motivering": "Ingezet."}, "politie_uitgeput"),
    ],
)
def test_uitputting_zonder_uitkomst_of_motivering_wordt_geweigerd(
    procedure: str, data: dict[str, Any], veld: str
) -> None:
    run, task = _tot(procedure, {}, {}, "taak_uitputting_toetsen")
    voor = dict(run.data)
    with pytest.raises(InvalidDataError) as exc:
        task_complete(run, task.task_id, data, now=NOW)
    assert exc.value.field == veld
    assert run.data == voor


# --- procedure 8 informs the korpsleiding on every route (footnote 4) ---------------------


def test_procedure_8_korpsleiding_geinformeerd_op_de_volledige_route() -> None:
    walk = doorloop("8", {}, P8_ANTWOORDEN)
    assert walk.organisaties == fasen(
        *P8_TOT_DJZ,
        "OZI",  # OZI bepaalt of, en zo ja, op welke wijze, bijstand wordt verleend
        "LE-POB",  # te allen tijde de korpsleiding geïnformeerd, via LE-POB
    )
    assert walk.taken[-2:] == ["taak_besluit_ozi", "taak_korpsleiding_informeren"]
    assert reached_end_events(walk.run) == ["eind"]


def test_procedure_8_korpsleiding_geinformeerd_met_convenant() -> None:
    walk = doorloop("8", {"convenant": True})
    assert walk.taken == ["taak_korpsleiding_informeren"]
    assert reached_end_events(walk.run) == ["eind_convenant"]


def test_procedure_8_korpsleiding_geinformeerd_op_de_spoedroute() -> None:
    walk = doorloop("8", {"spoed": True}, P8_ANTWOORDEN)
    assert walk.taken[-1] == "taak_korpsleiding_informeren"
    assert sorted(reached_end_events(walk.run)) == ["eind", "eind_geformaliseerd"]


def test_procedure_8_afwijzing_door_ozi_geen_inzet_om_over_te_informeren() -> None:
    afgewezen = {"besluit": "afgewezen", **MET_DEFENSIE}
    walk = doorloop("8", {}, {**P8_ANTWOORDEN, "taak_besluit_ozi": afgewezen})
    assert walk.organisaties == fasen(*P8_TOT_DJZ, "OZI")
    assert reached_end_events(walk.run) == ["eind_afgewezen"]


def test_uitputting_met_uitkomst_gaat_verder() -> None:
    run, task = _tot("8", {}, {}, "taak_uitputting_toetsen")
    task_complete(run, task.task_id, UITGEPUT, now=NOW)
    assert [t.bpmn_id for t in ready_tasks(run)] == ["taak_rccb_locc_informeren"]


def test_procedure_8_advies_en_bpmn_noemen_dezelfde_organisaties() -> None:
    # The advice's step list and the executed full route agree, the korpsleiding included
    # (footnote 4, issue #8 item 5). A parallel stage (the request to DJZ with its copy to
    # the DOC) is one step of the advice.
    advies = advies_bepalen(
        situatie_from_dict(
            {
                "eigen_capaciteit_toereikend": False,
                "spoed": False,
                "taak": "strafrechtelijke_handhaving",
                "gevraagd": [{"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True}],
            }
        )
    )
    (route,) = advies.routes
    walk = doorloop("8", {}, P8_ANTWOORDEN)
    bpmn = [fase if isinstance(fase, str) else fase[0] for fase in walk.organisaties]
    assert [stap.actor for stap in route.stappen] == bpmn
    assert bpmn[-1] == "LE-POB"
