"""The urgent path of every procedure that has one: formalised by the competent authority, always.

Bron: factsheet, toelichting 3, 4, 7 and 8 ("wordt ... achteraf geformaliseerd", "wordt de
schriftelijke afhandeling later geformaliseerd"); toelichting 1 and 6 let the zienswijze go when
urgent (Pw 2012 art. 56 lid 3), never the written request. Issue #8, items 2 and 6; ADR 0024.

The walks answer every declared field generically (`antwoord`), so that they test the gates of
the urgent path and not the fields another part of the model adds to a decision.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from politiebijstand.procedures.engine import (
    InvalidDataError,
    ReadyTask,
    Run,
    is_finished,
    procedure_start,
    reached_end_events,
    ready_tasks,
    refresh_timers,
    serialize,
    task_complete,
)
from politiebijstand.procedures.model import BESLUITEN
from tests.procedures.doorloop import NOW, STAP

FORMALISEREN = "taak_schriftelijk_formaliseren"
ESCALATIE = "taak_escalatie_formalisatie"

#: procedure -> (start data, who phones, who formalises, the coordinator who escalates).
SPOEDROUTES: dict[str, tuple[dict[str, Any], str, str, str]] = {
    "1": ({"zienswijze_vereist": False}, "RCCB", "BURGEMEESTER", "LE-POB"),
    "2_waterwerper": ({}, "RCCB", "RCCB", "LOCC"),
    "3": ({}, "RCCB", "BURGEMEESTER", "LOCC"),
    "4": ({}, "RCCB", "BURGEMEESTER", "LOCC"),
    "5": ({}, "RCCB", "BURGEMEESTER", "LOCC"),
    "6": ({"zienswijze_vereist": False}, "RCCB", "OVJ", "LE-POB"),
    "7": ({}, "OVJ", "OVJ", "OZI"),
    "8": ({}, "OVJ", "OVJ", "OZI"),
}


def antwoord(taak: ReadyTask, besluit: str = "toegekend") -> dict[str, Any]:
    """Data for a task: every declared field answered; a decision gets `besluit`."""
    data: dict[str, Any] = {"verslag": f"{taak.name}: gedaan"}
    for naam, veld in taak.velden.items():
        if veld["soort"] == "ja_nee":
            data[naam] = True
        elif veld["soort"] == "duur":
            data[naam] = "PT1H"
        elif veld["soort"] == "tekst":
            data[naam] = f"{taak.name}: {naam}"
        elif tuple(veld["waarden"]) == BESLUITEN:
            data[naam] = besluit
        else:
            data[naam] = veld["waarden"][0]
    return data


def gebeld(procedure_id: str) -> Run:
    """An urgent run whose phone call is recorded at NOW + STAP."""
    start, _, _, _ = SPOEDROUTES[procedure_id]
    run = procedure_start(procedure_id, {**start, "spoed": True}, now=NOW)
    (telefoon,) = ready_tasks(run)
    assert telefoon.bpmn_id == "taak_telefonisch_contact_vastgelegd"
    task_complete(run, telefoon.task_id, antwoord(telefoon), now=NOW + STAP)
    return run


def werk_af(run: Run, besluit: str = "toegekend") -> list[str]:
    """Complete every ready task except the formalisation; returns the lanes, in order."""
    lanes = []
    now = NOW + STAP
    while werk := [t for t in ready_tasks(run) if t.bpmn_id != FORMALISEREN]:
        now += STAP
        for taak in werk:
            task_complete(run, taak.task_id, antwoord(taak, besluit), now=now)
            lanes.append(taak.lane)
        assert len(lanes) < 60, "the walk does not end"
    return lanes


def taak(run: Run, bpmn_id: str) -> ReadyTask:
    (gevonden,) = [t for t in ready_tasks(run) if t.bpmn_id == bpmn_id]
    return gevonden


@pytest.mark.parametrize("procedure_id", sorted(SPOEDROUTES))
def test_het_bevoegd_gezag_formaliseert_en_de_run_wacht_erop(procedure_id: str) -> None:
    _, belt, formaliseert, _ = SPOEDROUTES[procedure_id]
    run = gebeld(procedure_id)
    assert run.steps[0].lane == belt
    formaliseren = taak(run, FORMALISEREN)
    assert (formaliseren.lane, formaliseren.optioneel) == (formaliseert, False)
    assert formaliseren.due == NOW + STAP + timedelta(hours=24)

    werk_af(run)
    # The work has reached its end; the run has not: the formalisation is still to be done.
    assert [t.bpmn_id for t in ready_tasks(run)] == [FORMALISEREN]
    assert reached_end_events(run) != []
    assert "eind_geformaliseerd" not in reached_end_events(run)
    assert is_finished(run) is False

    task_complete(run, formaliseren.task_id, antwoord(formaliseren), now=NOW + timedelta(hours=1))
    assert is_finished(run) is True
    assert "eind_geformaliseerd" in reached_end_events(run)


@pytest.mark.parametrize("procedure_id", sorted(SPOEDROUTES))
def test_formaliseren_overslaan_wordt_geweigerd_en_verandert_niets(procedure_id: str) -> None:
    run = gebeld(procedure_id)
    formaliseren = taak(run, FORMALISEREN)
    voor = serialize(run)
    with pytest.raises(InvalidDataError) as exc:
        task_complete(
            run,
            formaliseren.task_id,
            {"overgeslagen": True, "reden": "verzoek is al afgewezen"},
            now=NOW + timedelta(hours=1),
        )
    assert exc.value.field == "overgeslagen"
    assert "niet optioneel" in exc.value.message
    assert serialize(run) == voor


@pytest.mark.parametrize("procedure_id", sorted(SPOEDROUTES))
def test_ook_na_een_afwijzing_blijft_de_formalisatie_vereist(procedure_id: str) -> None:
    run = gebeld(procedure_id)
    werk_af(run, besluit="afgewezen")
    assert [t.bpmn_id for t in ready_tasks(run)] == [FORMALISEREN]
    assert is_finished(run) is False


@pytest.mark.parametrize("procedure_id", sorted(SPOEDROUTES))
def test_escalatie_gaat_naar_de_coordinator_van_de_procedure(procedure_id: str) -> None:
    _, _, formaliseert, coordinator = SPOEDROUTES[procedure_id]
    run = gebeld(procedure_id)
    assert refresh_timers(run, now=NOW + STAP + timedelta(hours=24)) == ["timer_formalisatie"]
    escalatie = taak(run, ESCALATIE)
    assert escalatie.lane == coordinator
    assert taak(run, FORMALISEREN).lane == formaliseert  # still open: non-interrupting
    task_complete(run, escalatie.task_id, antwoord(escalatie), now=NOW + timedelta(hours=25))
    werk_af(run)
    assert is_finished(run) is False  # escalation handled, formalisation still owed


def test_waterwerper_zonder_spoed_formulier_voor_het_besluit_van_het_locc() -> None:
    run = procedure_start("2_waterwerper", {}, now=NOW)
    lanes = [(t.lane, t.bpmn_id) for t in _alles(run)]
    assert lanes == [
        ("RCCB", "taak_contact_locc"),
        ("RCCB", "taak_aanvraagformulier_verzenden"),  # naming the competent authority
        ("LOCC", "taak_aanvraag_toetsen"),  # then the LOCC decides
        ("LOCC", "taak_inzet_coordineren"),
    ]
    assert run.data["taak_aanvraagformulier_verzenden"]["bevoegd_gezag"] == "burgemeester"


def test_waterwerper_bij_spoed_formulier_pas_na_het_besluit() -> None:
    run = gebeld("2_waterwerper")
    assert sorted(t.bpmn_id for t in ready_tasks(run)) == [
        "taak_aanvraag_toetsen",
        FORMALISEREN,
    ]
    werk_af(run)
    formaliseren = taak(run, FORMALISEREN)
    assert formaliseren.velden == {
        "bevoegd_gezag": {"soort": "keuze", "waarden": ["burgemeester", "officier_van_justitie"]}
    }
    with pytest.raises(InvalidDataError) as exc:
        task_complete(run, formaliseren.task_id, {"verslag": "x"}, now=NOW + timedelta(hours=1))
    assert exc.value.field == "bevoegd_gezag"
    task_complete(
        run,
        formaliseren.task_id,
        {"bevoegd_gezag": "officier_van_justitie"},
        now=NOW + timedelta(hours=1),
    )
    assert [s.bpmn_id for s in run.steps] == [
        "taak_telefonisch_contact_vastgelegd",
        "taak_aanvraag_toetsen",
        "taak_inzet_coordineren",
        FORMALISEREN,
    ]
    assert is_finished(run) is True


def test_waterwerper_oefening_is_nooit_spoed_en_noemt_geen_bevoegd_gezag() -> None:
    run = procedure_start("2_waterwerper", {"spoed": True, "oefening": True}, now=NOW)
    assert [(t.lane, t.bpmn_id) for t in _alles(run)] == [
        ("RCCB", "taak_contact_locc"),
        ("RCCB", "taak_aanvraagformulier_oefening_verzenden"),
        ("LOCC", "taak_aanvraag_toetsen"),
        ("LOCC", "taak_inzet_coordineren"),
    ]


def test_procedure_5_de_burgemeester_ondertekent_voor_het_besluit() -> None:
    run = procedure_start("5", {}, now=NOW)
    assert [(t.lane, t.bpmn_id) for t in _alles(run)] == [
        ("RCCB", "taak_contact_le_pob"),
        ("LE-POB", "taak_contact_locc"),
        ("BURGEMEESTER", "taak_verzoek_ondertekenen"),
        ("LOCC", "taak_besluit_locc"),
    ]
    assert reached_end_events(run) == ["eind"]


def test_procedure_5_bij_spoed_ondertekent_de_burgemeester_achteraf() -> None:
    run = gebeld("5")
    assert [(t.lane, t.bpmn_id) for t in _alles(run)] == [
        ("BURGEMEESTER", FORMALISEREN),
        ("LE-POB", "taak_contact_locc"),
        ("LOCC", "taak_besluit_locc"),
    ]
    assert "taak_verzoek_ondertekenen" not in [s.bpmn_id for s in run.steps]


def _alles(run: Run) -> list[ReadyTask]:
    """Complete every ready task, stage by stage; the tasks in completion order."""
    gedaan: list[ReadyTask] = []
    now = NOW + STAP * 2
    while ready := sorted(ready_tasks(run), key=lambda t: (t.lane, t.bpmn_id)):
        now += STAP
        for t in ready:
            task_complete(run, t.task_id, antwoord(t), now=now)
        gedaan.extend(ready)
    assert is_finished(run)
    return gedaan
