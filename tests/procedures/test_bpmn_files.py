"""The BPMN files: generated, valid, readable, faithful to the factsheet, drawable."""

from __future__ import annotations

import ast
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]
from SpiffWorkflow.spiff.parser.process import VALIDATOR, SpiffBpmnParser

from politiebijstand.procedures import generate
from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.procedures.engine import PROCEDURES, Procedure
from politiebijstand.procedures.model import Proces
from tests.conftest import DOCS

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core",
}
FILES = sorted(generate.BPMN_DIR.glob("*.bpmn"))
FLOW_NODES = ("startEvent", "endEvent", "userTask", "exclusiveGateway", "parallelGateway")


def _contract_codes() -> set[str]:
    text = (DOCS / "contract" / "advies.md").read_text(encoding="utf-8")
    paragraph = text[text.index("Organisation codes:") :].split("\n\n")[0]
    return set(re.findall(r"`([A-Z][A-Z0-9-]+)`", paragraph))


def _normalise(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _tree(path: Path) -> Any:
    return etree.parse(str(path))


def _properties(element: Any) -> dict[str, str]:
    return {
        p.get("name"): p.get("value")
        for p in element.iterfind(".//spiffworkflow:property", namespaces=NS)
    }


def test_the_contract_has_the_twenty_organisation_codes() -> None:
    assert len(_contract_codes()) == 20
    assert {"RCCB", "LE-POB", "OVJ", "SG-DEFENSIE"} <= _contract_codes()


def test_one_file_per_procedure_named_after_its_process() -> None:
    assert [f.stem for f in FILES] == sorted(p.process_id for p in PROCEDURES.values())
    assert sorted(PROCEDURES) == [
        "1",
        "2_container_vrt",
        "2_waterwerper",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
    ]


@pytest.mark.parametrize("proces", PROCESSEN, ids=lambda p: p.id)
def test_regenerating_yields_the_committed_file(proces: Proces) -> None:
    assert generate.bestand(proces).read_bytes() == generate.bpmn_xml(proces)


def test_generate_check_reports_nothing_stale() -> None:
    assert generate.main(["--check"]) == 0


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_file_passes_spiffworkflows_xsd_validation(path: Path) -> None:
    VALIDATOR.validate(_tree(path).getroot(), filename=path.name)
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_bpmn_file(str(path))
    assert parser.get_spec(path.stem).name == path.stem


def test_the_validator_rejects_a_broken_file(tmp_path: Path) -> None:
    broken = FILES[0].read_text(encoding="utf-8").replace("<bpmn:userTask ", "<bpmn:userTaak ")
    with pytest.raises(Exception, match="userTaak"):
        VALIDATOR.validate(etree.fromstring(broken.encode()), filename="broken.bpmn")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_one_pool_with_one_lane_per_organisation_named_by_contract_code(path: Path) -> None:
    root = _tree(path).getroot()
    participants = root.findall(".//bpmn:participant", NS)
    processes = root.findall("bpmn:process", NS)
    assert len(participants) == 1
    assert len(processes) == 1
    assert participants[0].get("processRef") == processes[0].get("id") == path.stem
    lanes = processes[0].findall(".//bpmn:lane", NS)
    names = [lane.get("name") for lane in lanes]
    assert len(names) == len(set(names))
    assert set(names) <= _contract_codes()
    for lane in lanes:
        assert lane.get("id") == "lane_" + lane.get("name").lower().replace("-", "_")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_flow_node_is_in_exactly_one_lane(path: Path) -> None:
    process = _tree(path).getroot().find("bpmn:process", NS)
    refs = [ref.text for ref in process.iterfind(".//bpmn:flowNodeRef", NS)]
    nodes = [
        el.get("id")
        for tag in (*FLOW_NODES, "boundaryEvent")
        for el in process.iterfind(f"bpmn:{tag}", NS)
    ]
    assert sorted(refs) == sorted(nodes)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_element_ids_are_readable(path: Path) -> None:
    process = _tree(path).getroot().find("bpmn:process", NS)
    pattern = {
        "userTask": r"taak_[a-z0-9_]+",
        "exclusiveGateway": r"gw_[a-z0-9_]+",
        "parallelGateway": r"gw_[a-z0-9_]+",
        "startEvent": r"start",
        "endEvent": r"eind(_[a-z0-9_]+)?",
        "boundaryEvent": r"timer_[a-z0-9_]+",
        "sequenceFlow": r"flow_[a-z0-9_]+__[a-z0-9_]+",
    }
    for tag, regex in pattern.items():
        for el in process.iterfind(f"bpmn:{tag}", NS):
            assert re.fullmatch(regex, el.get("id")), el.get("id")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_user_task_quotes_the_factsheet_verbatim(path: Path) -> None:
    factsheet = _normalise(
        (DOCS / "bronnen" / "factsheet-bijstand-politie.md").read_text(encoding="utf-8")
    )
    process = _tree(path).getroot().find("bpmn:process", NS)
    for task in process.iterfind("bpmn:userTask", NS):
        doc = task.find("bpmn:documentation", NS)
        assert doc is not None, task.get("id")
        paragraphs = doc.text.split("\n\n")
        quotes = [p for p in paragraphs if not p.startswith("Noot: ")]
        assert quotes, task.get("id")
        for quote in quotes:
            assert _normalise(quote) in factsheet, (task.get("id"), quote)


def test_a_paraphrase_is_not_taken_for_a_quote() -> None:
    factsheet = _normalise(
        (DOCS / "bronnen" / "factsheet-bijstand-politie.md").read_text(encoding="utf-8")
    )
    assert _normalise("RCCB stelt het aanvraagformulier op.") in factsheet
    assert _normalise("RCCB maakt het aanvraagformulier op.") not in factsheet


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gateway_conditions_read_only_declared_variables(path: Path) -> None:
    process = _tree(path).getroot().find("bpmn:process", NS)
    declared: set[str] = set()
    for el in process.iter():
        props = _properties(el) if el.tag.endswith(("userTask", "startEvent")) else {}
        for key in ("velden", "startgegevens"):
            if key in props:
                declared |= set(json.loads(props[key]))
    for flow in process.iterfind("bpmn:sequenceFlow", NS):
        condition = flow.find("bpmn:conditionExpression", NS)
        if condition is None:
            continue
        names = {n.id for n in ast.walk(ast.parse(condition.text)) if isinstance(n, ast.Name)}
        assert names <= declared, (flow.get("id"), names - declared)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_exclusive_splits_have_a_condition_on_every_outgoing_flow(path: Path) -> None:
    process = _tree(path).getroot().find("bpmn:process", NS)
    for gateway in process.iterfind("bpmn:exclusiveGateway", NS):
        outgoing = gateway.findall("bpmn:outgoing", NS)
        if len(outgoing) < 2:
            continue
        for ref in outgoing:
            flow = process.find(f"bpmn:sequenceFlow[@id='{ref.text}']", NS)
            assert flow.find("bpmn:conditionExpression", NS) is not None, ref.text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_optional_tasks_declare_no_fields_a_gateway_would_need(path: Path) -> None:
    process = _tree(path).getroot().find("bpmn:process", NS)
    for task in process.iterfind("bpmn:userTask", NS):
        props = _properties(task)
        if props.get("optioneel") == "true":
            assert "velden" not in props, task.get("id")


@pytest.mark.parametrize(
    "procedure", [p for p in PROCEDURES.values() if p.spoedroute], ids=lambda p: p.id
)
def test_the_urgent_path_has_a_non_interrupting_timer_escalating_to_the_coordinator(
    procedure: Procedure,
) -> None:
    path = procedure.bestand
    process = _tree(path).getroot().find("bpmn:process", NS)
    (timer,) = process.findall("bpmn:boundaryEvent[@id='timer_formalisatie']", NS)
    assert timer.get("cancelActivity") == "false"
    assert timer.get("attachedToRef") == "taak_schriftelijk_formaliseren"
    duration = timer.find("bpmn:timerEventDefinition/bpmn:timeDuration", NS)
    assert duration.text == "formalisatie_termijn"
    (flow,) = [
        f
        for f in process.iterfind("bpmn:sequenceFlow", NS)
        if f.get("sourceRef") == timer.get("id")
    ]
    assert flow.get("targetRef") == "taak_escalatie_formalisatie"
    lane = process.find(".//bpmn:lane[bpmn:flowNodeRef='taak_escalatie_formalisatie']", NS)
    # The procedure's coordinator (issue #8, item 2; ADR 0024).
    coordinator = {"1": "LE-POB", "6": "LE-POB", "7": "OZI", "8": "OZI"}.get(procedure.id, "LOCC")
    assert lane.get("name") == coordinator


@pytest.mark.parametrize("procedure", ["1", "6"])
def test_the_zienswijze_has_an_interrupting_timer_after_which_the_request_proceeds(
    procedure: str,
) -> None:
    process = _tree(PROCEDURES[procedure].bestand).getroot().find("bpmn:process", NS)
    (timer,) = process.findall("bpmn:boundaryEvent[@id='timer_zienswijze']", NS)
    assert timer.get("cancelActivity") == "true"
    assert timer.get("attachedToRef") == "taak_zienswijze_regioburgemeester"
    duration = timer.find("bpmn:timerEventDefinition/bpmn:timeDuration", NS)
    assert duration.text == "zienswijze_termijn"
    targets = [
        f.get("targetRef")
        for f in process.iterfind("bpmn:sequenceFlow", NS)
        if f.get("sourceRef") == "timer_zienswijze"
    ]
    assert targets == ["gw_zienswijze_samen"]


def _bounds(plane: Any) -> dict[str, tuple[float, float, float, float]]:
    result = {}
    for shape in plane.iterfind("bpmndi:BPMNShape", NS):
        b = shape.find("dc:Bounds", NS)
        result[shape.get("bpmnElement")] = (
            float(b.get("x")),
            float(b.get("y")),
            float(b.get("width")),
            float(b.get("height")),
        )
    return result


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_diagram_draws_every_element(path: Path) -> None:
    root = _tree(path).getroot()
    process = root.find("bpmn:process", NS)
    plane = root.find("bpmndi:BPMNDiagram/bpmndi:BPMNPlane", NS)
    assert plane.get("bpmnElement") == root.find("bpmn:collaboration", NS).get("id")
    bounds = _bounds(plane)
    expected = {
        el.get("id")
        for tag in (*FLOW_NODES, "boundaryEvent", "lane")
        for el in process.iter(f"{{{NS['bpmn']}}}{tag}")
    }
    expected.add(root.find(".//bpmn:participant", NS).get("id"))
    assert set(bounds) == expected
    edges = {e.get("bpmnElement"): e for e in plane.iterfind("bpmndi:BPMNEdge", NS)}
    flows = {f.get("id") for f in process.iterfind("bpmn:sequenceFlow", NS)}
    assert set(edges) == flows
    for edge in edges.values():
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.iterfind("di:waypoint", NS)]
        assert len(points) >= 2
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            assert x1 == x2 or y1 == y2, edge.get("bpmnElement")  # orthogonal segments


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_lanes_are_stacked_bands_and_hold_their_shapes(path: Path) -> None:
    root = _tree(path).getroot()
    process = root.find("bpmn:process", NS)
    plane = root.find("bpmndi:BPMNDiagram/bpmndi:BPMNPlane", NS)
    bounds = _bounds(plane)
    for shape in plane.iterfind("bpmndi:BPMNShape", NS):
        if shape.get("bpmnElement").startswith(("lane_", "pool_")):
            assert shape.get("isHorizontal") == "true"
    lanes = process.findall(".//bpmn:lane", NS)
    pool = bounds[root.find(".//bpmn:participant", NS).get("id")]
    y = pool[1]
    for lane in lanes:
        lx, ly, lw, lh = bounds[lane.get("id")]
        assert ly == y
        assert lx + lw == pool[0] + pool[2]
        y += lh
        for ref in lane.iterfind("bpmn:flowNodeRef", NS):
            x, sy, w, h = bounds[ref.text]
            assert lx <= x and x + w <= lx + lw, ref.text
            if not ref.text.startswith("timer_"):
                assert ly <= sy and sy + h <= ly + lh, ref.text
    assert y == pool[1] + pool[3]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_two_shapes_overlap(path: Path) -> None:
    root = _tree(path).getroot()
    bounds = _bounds(root.find("bpmndi:BPMNDiagram/bpmndi:BPMNPlane", NS))
    nodes = [(k, v) for k, v in bounds.items() if not k.startswith(("lane_", "pool_", "timer_"))]
    for i, (a, (ax, ay, aw, ah)) in enumerate(nodes):
        for b, (bx, by, bw, bh) in nodes[i + 1 :]:
            apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
            assert apart, (a, b)
