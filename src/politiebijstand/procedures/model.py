"""A compact description of a procedure, from which `generate` writes its BPMN 2.0 file.

A `Proces` holds lanes (organisation codes of the contract), nodes (start and end events, user
tasks, exclusive and parallel gateways, timer boundary events) and sequence flows. It carries what
the engine needs at run time as extension properties of the BPMN elements, so that a serialized
run, which embeds its process spec, keeps validating its data by the model it started with:

- ``optioneel`` on a user task: the task may be completed with ``{"overgeslagen": true,
  "reden": ...}`` (factsheet: "kan ... plaatsvinden").
- ``velden`` on a user task: the fields it must record because a gateway reads them.
- ``startgegevens`` on the start event: the process variables a run starts with.

Pure Python, no Django: imported by the generator and its tests; at run time only `Veld`, through
`engine.startvariabelen`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Soort = Literal["start", "eind", "taak", "exclusief", "parallel", "timer"]
VeldSoort = Literal["ja_nee", "keuze", "duur", "tekst", "lijst"]

BESLUITEN = ("toegekend", "deels_toegekend", "afgewezen")


@dataclass(frozen=True, slots=True)
class Veld:
    """A process variable that a task records or a run starts with.

    Attributes:
        soort: ``ja_nee`` (JSON boolean), ``keuze`` (one of `waarden`), ``duur`` (ISO 8601
            duration string such as ``"PT24H"``), ``tekst`` (a string that is not blank, such
            as a motivering), ``lijst`` (a non-empty JSON list of distinct strings, such as the
            organisation codes of the municipalities that each sign their own form).
        waarden: the allowed values of a ``keuze``.
        standaard: default for a start variable; None means the caller must give it.
    """

    soort: VeldSoort
    waarden: tuple[str, ...] = ()
    standaard: bool | str | tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, object]:
        dct: dict[str, object] = {"soort": self.soort}
        if self.waarden:
            dct["waarden"] = list(self.waarden)
        if isinstance(self.standaard, tuple):
            dct["standaard"] = list(self.standaard)
        elif self.standaard is not None:
            dct["standaard"] = self.standaard
        return dct

    @classmethod
    def from_dict(cls, dct: Mapping[str, Any]) -> Veld:
        """The inverse of `to_dict`: a field as declared in a BPMN file's extension property.

        Raises:
            ValueError: `dct` is not a field of `to_dict`'s shape (unknown ``soort``, say).
        """
        soorten: tuple[VeldSoort, ...] = get_args(VeldSoort)
        soort = next((s for s in soorten if s == dct.get("soort")), None)
        if soort is None:
            raise ValueError(f"onbekende veldsoort {dct.get('soort')!r}")
        waarden = dct.get("waarden", ())
        standaard = dct.get("standaard")
        if not isinstance(waarden, list | tuple) or not all(isinstance(w, str) for w in waarden):
            raise ValueError(f"waarden: een lijst van teksten verwacht, niet {waarden!r}")
        if isinstance(standaard, list) and all(isinstance(w, str) for w in standaard):
            return cls(soort, tuple(waarden), tuple(standaard))
        if standaard is not None and not isinstance(standaard, bool | str):
            raise ValueError(f"standaard: ja/nee, tekst of lijst verwacht, niet {standaard!r}")
        return cls(soort, tuple(waarden), standaard)


JA_NEE = Veld("ja_nee")
TEKST = Veld("tekst")
BESLUIT = Veld("keuze", BESLUITEN)
#: The municipalities of a task done once per municipality (`Knoop.per_gemeente`): their
#: organisation codes; the default, one empty code, makes one task for the lane's own
#: organisation (the authority's municipality). Contract, interpretation 12.
GEMEENTEN = Veld("lijst", standaard=("",))


@dataclass(frozen=True, slots=True)
class Knoop:
    """One BPMN flow node.

    Attributes:
        id: readable BPMN id (``taak_vooroverleg_locc``, ``gw_spoed``).
        soort: the kind of node.
        naam: the label shown in the diagram, in Dutch.
        lane: organisation code of the lane (for a timer: the lane of its task).
        citaten: the factsheet's sentences this node carries out, verbatim.
        noot: an explanation where the model interprets the factsheet.
        optioneel: the task may be skipped with a reason.
        velden: fields the task must record (user task) or start variables (start event).
        aan: for a timer boundary event, the id of the task it is attached to.
        duur: for a timer, the Python expression giving an ISO 8601 duration.
        onderbreekt: for a timer, whether it cancels its task when it fires (an interrupting
            boundary event); by default a timer leaves its task open.
        rij: layout hint: the row within the lane.
        per_gemeente: for a user task done once per municipality (a parallel multi-instance
            task): the start variable (`GEMEENTEN`) listing the municipalities; each instance
            gets one code as the variable ``gemeente``. Contract, interpretation 12.
    """

    id: str
    soort: Soort
    naam: str
    lane: str
    citaten: tuple[str, ...] = ()
    noot: str | None = None
    optioneel: bool = False
    velden: dict[str, Veld] = field(default_factory=dict)
    aan: str | None = None
    duur: str | None = None
    onderbreekt: bool = False
    rij: int | None = None
    per_gemeente: str | None = None

    @property
    def documentatie(self) -> str:
        """The text of `bpmn:documentation`: the citations, then the note, as paragraphs."""
        delen = list(self.citaten)
        if self.noot:
            delen.append(f"Noot: {self.noot}")
        return "\n\n".join(delen)

    def eigenschappen(self) -> dict[str, str]:
        """The extension properties written as ``spiffworkflow:property`` elements."""
        props: dict[str, str] = {}
        if self.optioneel:
            props["optioneel"] = "true"
        if self.velden:
            key = "startgegevens" if self.soort == "start" else "velden"
            props[key] = json.dumps(
                {naam: veld.to_dict() for naam, veld in self.velden.items()},
                ensure_ascii=False,
                sort_keys=True,
            )
        return props


@dataclass(frozen=True, slots=True)
class Stroom:
    """A sequence flow; `conditie` is a Python expression over the process variables."""

    van: str
    naar: str
    naam: str | None = None
    conditie: str | None = None

    @property
    def id(self) -> str:
        return f"flow_{self.van}__{self.naar}"


class Proces:
    """Builder for one procedure (one pool, one process)."""

    def __init__(self, *, id: str, naam: str, lanes: list[str], documentatie: str) -> None:
        self.id = id
        self.naam = naam
        self.lanes = lanes
        self.documentatie = documentatie
        self.knopen: dict[str, Knoop] = {}
        self.stromen: list[Stroom] = []

    def _voeg_toe(self, knoop: Knoop) -> str:
        if knoop.id in self.knopen:
            raise ValueError(f"{self.id}: duplicate id {knoop.id}")
        if knoop.lane not in self.lanes:
            raise ValueError(f"{self.id}: {knoop.id} is in unknown lane {knoop.lane}")
        self.knopen[knoop.id] = knoop
        return knoop.id

    def start(
        self,
        id: str,
        naam: str,
        lane: str,
        *,
        citaten: tuple[str, ...] = (),
        noot: str | None = None,
        velden: dict[str, Veld] | None = None,
    ) -> str:
        knoop = Knoop(id, "start", naam, lane, citaten=citaten, noot=noot, velden=velden or {})
        return self._voeg_toe(knoop)

    def eind(self, id: str, naam: str, lane: str, *, rij: int | None = None) -> str:
        return self._voeg_toe(Knoop(id, "eind", naam, lane, rij=rij))

    def taak(
        self,
        id: str,
        naam: str,
        lane: str,
        *citaten: str,
        noot: str | None = None,
        optioneel: bool = False,
        velden: dict[str, Veld] | None = None,
        rij: int | None = None,
        per_gemeente: str | None = None,
    ) -> str:
        """Add a user task; see `Knoop` for the arguments.

        Raises:
            ValueError: no citation; or a task per municipality that records fields (each
                instance would overwrite the others' process variables).
        """
        if not citaten:
            raise ValueError(f"{self.id}: task {id} quotes no line of the factsheet")
        if per_gemeente and velden:
            raise ValueError(f"{self.id}: task {id} per municipality cannot record fields")
        knoop = Knoop(
            id,
            "taak",
            naam,
            lane,
            citaten=citaten,
            noot=noot,
            optioneel=optioneel,
            velden=velden or {},
            rij=rij,
            per_gemeente=per_gemeente,
        )
        return self._voeg_toe(knoop)

    def xor(self, id: str, naam: str, lane: str, *, rij: int | None = None) -> str:
        return self._voeg_toe(Knoop(id, "exclusief", naam, lane, rij=rij))

    def en(self, id: str, naam: str, lane: str, *, rij: int | None = None) -> str:
        return self._voeg_toe(Knoop(id, "parallel", naam, lane, rij=rij))

    def timer(
        self,
        id: str,
        naam: str,
        *,
        aan: str,
        duur: str,
        noot: str | None = None,
        onderbreekt: bool = False,
    ) -> str:
        lane = self.knopen[aan].lane
        knoop = Knoop(
            id, "timer", naam, lane, noot=noot, aan=aan, duur=duur, onderbreekt=onderbreekt
        )
        return self._voeg_toe(knoop)

    def stroom(
        self, van: str, naar: str, naam: str | None = None, conditie: str | None = None
    ) -> None:
        for ref in (van, naar):
            if ref not in self.knopen:
                raise ValueError(f"{self.id}: flow refers to unknown node {ref}")
        self.stromen.append(Stroom(van, naar, naam, conditie))

    def keten(self, *ids: str) -> None:
        """Connect the nodes in sequence with unconditional flows."""
        for van, naar in itertools.pairwise(ids):
            self.stroom(van, naar)
