"""Generate the BPMN 2.0 files of the procedures, with diagram layout (BPMN DI).

Each `Proces` of `definities` becomes ``bpmn/<process id>.bpmn``: one pool, one lane per
organisation (drawn as horizontal bands), flow nodes placed in columns by their longest path
from the start event, and orthogonal sequence flows. The output is deterministic, so a test can
check that regenerating yields the committed files.

Usage::

    python -m politiebijstand.procedures.generate           # (re)write the files
    python -m politiebijstand.procedures.generate --check   # exit 1 if a file is out of date
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.procedures.model import Knoop, Proces, Stroom

BPMN_DIR = Path(__file__).resolve().parent / "bpmn"

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

TARGET_NAMESPACE = "urn:politiebijstand:procedures"

# Layout, in diagram units (pixels in bpmn-js).
POOL_X, POOL_Y = 100, 60
POOL_HEADER = 30
LANE_HEADER = 30
MARGIN = 30
COLUMN_WIDTH = 150
ROW_HEIGHT = 120
SIZES = {
    "taak": (100, 80),
    "exclusief": (50, 50),
    "parallel": (50, 50),
    "start": (36, 36),
    "eind": (36, 36),
    "timer": (36, 36),
}
BPMN_TAG = {
    "taak": "userTask",
    "exclusief": "exclusiveGateway",
    "parallel": "parallelGateway",
    "start": "startEvent",
    "eind": "endEvent",
    "timer": "boundaryEvent",
}


def _q(prefix: str, tag: str) -> str:
    return f"{{{NS[prefix]}}}{tag}"


@dataclass(frozen=True, slots=True)
class Box:
    """A shape's bounds: top-left corner, width and height."""

    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> int:
        return self.x + self.w // 2

    @property
    def cy(self) -> int:
        return self.y + self.h // 2

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h


@dataclass(frozen=True, slots=True)
class Layout:
    """Where everything of one process is drawn."""

    pool: Box
    lanes: dict[str, Box]
    shapes: dict[str, Box]
    edges: dict[str, list[tuple[int, int]]]


def _attached(knoop: Knoop) -> str:
    if knoop.aan is None:
        raise ValueError(f"timer {knoop.id} is attached to no task")
    return knoop.aan


def _columns(proces: Proces) -> dict[str, int]:
    """Column of each node: its longest path from a start event (a timer shares its task's)."""
    preds: dict[str, list[str]] = {k: [] for k in proces.knopen}
    for s in proces.stromen:
        preds[s.naar].append(s.van)
    for k in proces.knopen.values():
        if k.soort == "timer":
            preds[k.id].append(_attached(k))
    columns: dict[str, int] = {}

    def column(node: str, path: tuple[str, ...]) -> int:
        if node in columns:
            return columns[node]
        if node in path:
            raise ValueError(f"{proces.id}: cycle through {node}")
        knoop = proces.knopen[node]
        if knoop.soort == "timer":
            col = column(_attached(knoop), (*path, node))
        else:
            col = max((column(p, (*path, node)) + 1 for p in preds[node]), default=0)
        columns[node] = col
        return col

    for node in proces.knopen:
        column(node, ())
    return columns


def layout(proces: Proces) -> Layout:
    """Place lanes, shapes and edges of a process.

    Nodes go in columns by longest path; within a lane, a node takes its row hint, else the
    row of its first predecessor in the same lane, else the first free row of its column;
    the escalation after a timer is placed last.
    """
    columns = _columns(proces)
    order = {k: i for i, k in enumerate(proces.knopen)}
    first_pred: dict[str, str] = {}
    for s in proces.stromen:
        first_pred.setdefault(s.naar, s.van)
    # Nodes reached only through a timer (the escalation) are placed after the main flow,
    # so they never push a main-flow node out of its row.
    late: set[str] = {k.id for k in proces.knopen.values() if k.soort == "timer"}
    grown = True
    while grown:
        more = {s.naar for s in proces.stromen if s.van in late} - late
        late |= more
        grown = bool(more)
    rows: dict[str, int] = {}
    taken: set[tuple[str, int, int]] = set()
    for node in sorted(proces.knopen, key=lambda k: (k in late, columns[k], order[k])):
        knoop = proces.knopen[node]
        if knoop.soort == "timer":
            continue
        if knoop.rij is not None:
            row = knoop.rij
        else:
            pred = first_pred.get(node)
            same_lane = pred is not None and proces.knopen[pred].lane == knoop.lane
            row = rows[pred] if same_lane and pred in rows else 0
        while (knoop.lane, columns[node], row) in taken:
            row += 1
        taken.add((knoop.lane, columns[node], row))
        rows[node] = row

    n_rows = {lane: 1 for lane in proces.lanes}
    for node, row in rows.items():
        lane = proces.knopen[node].lane
        n_rows[lane] = max(n_rows[lane], row + 1)
    n_columns = max(columns.values()) + 1
    lane_x = POOL_X + POOL_HEADER
    lane_w = LANE_HEADER + 2 * MARGIN + n_columns * COLUMN_WIDTH
    lanes: dict[str, Box] = {}
    y = POOL_Y
    for lane in proces.lanes:
        lanes[lane] = Box(lane_x, y, lane_w, n_rows[lane] * ROW_HEIGHT)
        y += n_rows[lane] * ROW_HEIGHT
    pool = Box(POOL_X, POOL_Y, POOL_HEADER + lane_w, y - POOL_Y)

    shapes: dict[str, Box] = {}
    x0 = lane_x + LANE_HEADER + MARGIN
    for node, row in rows.items():
        knoop = proces.knopen[node]
        w, h = SIZES[knoop.soort]
        cx = x0 + columns[node] * COLUMN_WIDTH + COLUMN_WIDTH // 2
        cy = lanes[knoop.lane].y + row * ROW_HEIGHT + ROW_HEIGHT // 2
        shapes[node] = Box(cx - w // 2, cy - h // 2, w, h)
    for knoop in proces.knopen.values():
        if knoop.soort == "timer":
            task = shapes[_attached(knoop)]
            w, h = SIZES["timer"]
            shapes[knoop.id] = Box(task.right - 30 - w // 2, task.bottom - h // 2, w, h)

    router = _Router(proces, shapes, columns)
    edges = {s.id: router.route(s) for s in proces.stromen}
    return Layout(pool=pool, lanes=lanes, shapes=shapes, edges=edges)


class _Router:
    """Orthogonal edges whose vertical segments run in the gaps between columns.

    A horizontal segment runs along the source's or the target's row; of the gaps between
    source and target, the one whose horizontal segments cross the fewest shapes is used.
    Edges sharing a gap get channels a few units apart, so they do not overlap.
    """

    def __init__(self, proces: Proces, shapes: dict[str, Box], columns: dict[str, int]) -> None:
        self.proces = proces
        self.shapes = shapes
        self.columns = columns
        self.x0 = POOL_X + POOL_HEADER + LANE_HEADER + MARGIN
        self.used: dict[int, int] = {}

    def _gap_x(self, column: int) -> int:
        """A free channel in the gap right after `column`."""
        k = self.used.get(column, 0)
        self.used[column] = k + 1
        start = self.x0 + column * COLUMN_WIDTH + COLUMN_WIDTH // 2 + SIZES["taak"][0] // 2
        return start + 10 + 10 * (k % 4)

    def _hits(self, y: int, x1: int, x2: int, skip: tuple[str, ...]) -> int:
        lo, hi = min(x1, x2), max(x1, x2)
        return sum(
            1
            for node, box in self.shapes.items()
            if node not in skip and box.y <= y <= box.bottom and box.x < hi and box.right > lo
        )

    def route(self, stroom: Stroom) -> list[tuple[int, int]]:
        src, tgt = self.shapes[stroom.van], self.shapes[stroom.naar]
        skip = (stroom.van, stroom.naar)
        if self.proces.knopen[stroom.van].soort == "timer":
            below = src.bottom + 15
            x = self._gap_x(self.columns[stroom.van])
            return [(src.cx, src.bottom), (src.cx, below), (x, below), (x, tgt.cy), (tgt.x, tgt.cy)]
        if src.cy == tgt.cy and self._hits(src.cy, src.right, tgt.x, skip) == 0:
            return [(src.right, src.cy), (tgt.x, tgt.cy)]
        first, last = self.columns[stroom.van], self.columns[stroom.naar] - 1
        best, best_hits = first, None
        for gap in range(first, last + 1):
            edge = self.x0 + gap * COLUMN_WIDTH + COLUMN_WIDTH
            hits = self._hits(src.cy, src.right, edge, skip) + self._hits(tgt.cy, edge, tgt.x, skip)
            if best_hits is None or hits < best_hits:
                best, best_hits = gap, hits
        x = self._gap_x(best)
        return [(src.right, src.cy), (x, src.cy), (x, tgt.cy), (tgt.x, tgt.cy)]


def _flow_node(process: ET.Element, proces: Proces, knoop: Knoop) -> None:
    attrs = {"id": knoop.id, "name": knoop.naam}
    if knoop.soort == "timer":
        attrs["cancelActivity"] = "true" if knoop.onderbreekt else "false"
        attrs["attachedToRef"] = _attached(knoop)
    el = ET.SubElement(process, _q("bpmn", BPMN_TAG[knoop.soort]), attrs)
    if knoop.documentatie:
        ET.SubElement(el, _q("bpmn", "documentation")).text = knoop.documentatie
    props = knoop.eigenschappen()
    if props:
        ext = ET.SubElement(el, _q("bpmn", "extensionElements"))
        container = ET.SubElement(ext, _q("spiffworkflow", "properties"))
        for name, value in props.items():
            ET.SubElement(
                container, _q("spiffworkflow", "property"), {"name": name, "value": value}
            )
    for s in proces.stromen:
        if s.naar == knoop.id:
            ET.SubElement(el, _q("bpmn", "incoming")).text = s.id
    for s in proces.stromen:
        if s.van == knoop.id:
            ET.SubElement(el, _q("bpmn", "outgoing")).text = s.id
    if knoop.per_gemeente:
        loop = ET.SubElement(el, _q("bpmn", "multiInstanceLoopCharacteristics"))
        ET.SubElement(loop, _q("bpmn", "loopDataInputRef")).text = knoop.per_gemeente
        # The item's id is the variable that holds the instance's municipality; ids are
        # unique in a file, so each task has its own (`engine.ReadyTask.gemeente`).
        item = {"id": f"{knoop.id}__gemeente", "name": "gemeente"}
        ET.SubElement(loop, _q("bpmn", "inputDataItem"), item)
    if knoop.soort == "timer":
        timer = ET.SubElement(el, _q("bpmn", "timerEventDefinition"), {"id": f"{knoop.id}_def"})
        duration = ET.SubElement(
            timer, _q("bpmn", "timeDuration"), {_q("xsi", "type"): "bpmn:tFormalExpression"}
        )
        duration.text = knoop.duur or ""


def _bounds(parent: ET.Element, box: Box) -> None:
    ET.SubElement(
        parent,
        _q("dc", "Bounds"),
        {"x": str(box.x), "y": str(box.y), "width": str(box.w), "height": str(box.h)},
    )


def bpmn_xml(proces: Proces) -> bytes:
    """The BPMN 2.0 XML of a process, with its diagram, as UTF-8 bytes."""
    defs = ET.Element(
        _q("bpmn", "definitions"),
        {
            "id": f"definities_{proces.id}",
            "targetNamespace": TARGET_NAMESPACE,
            "exporter": "politiebijstand.procedures.generate",
            "exporterVersion": "1",
        },
    )
    collaboration = ET.SubElement(
        defs, _q("bpmn", "collaboration"), {"id": f"samenwerking_{proces.id}"}
    )
    ET.SubElement(
        collaboration,
        _q("bpmn", "participant"),
        {"id": f"pool_{proces.id}", "name": proces.naam, "processRef": proces.id},
    )
    process = ET.SubElement(
        defs, _q("bpmn", "process"), {"id": proces.id, "name": proces.naam, "isExecutable": "true"}
    )
    ET.SubElement(process, _q("bpmn", "documentation")).text = proces.documentatie
    lane_set = ET.SubElement(process, _q("bpmn", "laneSet"), {"id": f"lanes_{proces.id}"})
    for lane in proces.lanes:
        lane_el = ET.SubElement(lane_set, _q("bpmn", "lane"), {"id": lane_id(lane), "name": lane})
        for knoop in proces.knopen.values():
            if knoop.lane == lane:
                ET.SubElement(lane_el, _q("bpmn", "flowNodeRef")).text = knoop.id
    for knoop in proces.knopen.values():
        _flow_node(process, proces, knoop)
    for s in proces.stromen:
        attrs = {"id": s.id, "sourceRef": s.van, "targetRef": s.naar}
        if s.naam:
            attrs["name"] = s.naam
        flow = ET.SubElement(process, _q("bpmn", "sequenceFlow"), attrs)
        if s.conditie:
            cond = ET.SubElement(
                flow,
                _q("bpmn", "conditionExpression"),
                {_q("xsi", "type"): "bpmn:tFormalExpression"},
            )
            cond.text = s.conditie

    plan = layout(proces)
    diagram = ET.SubElement(defs, _q("bpmndi", "BPMNDiagram"), {"id": f"diagram_{proces.id}"})
    plane = ET.SubElement(
        diagram,
        _q("bpmndi", "BPMNPlane"),
        {"id": f"plane_{proces.id}", "bpmnElement": f"samenwerking_{proces.id}"},
    )
    shape = ET.SubElement(
        plane,
        _q("bpmndi", "BPMNShape"),
        {"id": f"pool_{proces.id}_di", "bpmnElement": f"pool_{proces.id}", "isHorizontal": "true"},
    )
    _bounds(shape, plan.pool)
    for lane, box in plan.lanes.items():
        shape = ET.SubElement(
            plane,
            _q("bpmndi", "BPMNShape"),
            {"id": f"{lane_id(lane)}_di", "bpmnElement": lane_id(lane), "isHorizontal": "true"},
        )
        _bounds(shape, box)
    for knoop in proces.knopen.values():
        attrs = {"id": f"{knoop.id}_di", "bpmnElement": knoop.id}
        if knoop.soort == "exclusief":
            attrs["isMarkerVisible"] = "true"
        shape = ET.SubElement(plane, _q("bpmndi", "BPMNShape"), attrs)
        _bounds(shape, plan.shapes[knoop.id])
    for s in proces.stromen:
        edge = ET.SubElement(
            plane, _q("bpmndi", "BPMNEdge"), {"id": f"{s.id}_di", "bpmnElement": s.id}
        )
        for x, y in plan.edges[s.id]:
            ET.SubElement(edge, _q("di", "waypoint"), {"x": str(x), "y": str(y)})

    ET.indent(defs, space="  ")
    body = ET.tostring(defs, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def lane_id(lane: str) -> str:
    """Readable BPMN id of a lane: ``LE-POB`` -> ``lane_le_pob``."""
    return "lane_" + lane.lower().replace("-", "_")


def bestand(proces: Proces) -> Path:
    """Path of the generated file of a process."""
    return BPMN_DIR / f"{proces.id}.bpmn"


def main(argv: list[str] | None = None) -> int:
    """Write every procedure's BPMN file, or with ``--check`` report the stale ones.

    Returns:
        0 when done (or all files are up to date), 1 when ``--check`` finds a stale file.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for proces in PROCESSEN:
        path = bestand(proces)
        content = bpmn_xml(proces)
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(path)
        if not args.check:
            path.write_bytes(content)
    for path in stale:
        print(f"{'stale' if args.check else 'written'}: {path.name}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
