"""The drawings of the operational picture as plain geometry for the SVG templates.

No online map tiles can be reached, so the product draws its own pictures (issue #11 item 2):
a timeline of deployments (one bar per part over a window of days, with a tick at each
midnight in Europe/Amsterdam) and a schematic of the police units (a fixed layout of boxes
roughly in their geographic position). Coordinates are SVG user units of the `viewBox`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: Width of the timeline's viewBox, of its label column, its header and one bar's row.
TIJDLIJN_BREEDTE = 1000
LABEL_BREEDTE = 200
KOP_HOOGTE = 30
RIJ_HOOGTE = 22
_MARGE = 10

_WEEKDAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")


def middernacht(dag: date) -> datetime:
    """The start of `dag` in Europe/Amsterdam, as an aware datetime (DST-correct)."""
    return datetime.combine(dag, time(0), tzinfo=AMSTERDAM)


@dataclass(frozen=True)
class Balk:
    """One bar of the timeline.

    Attributes:
        y: top of the row; the bar is drawn from ``y + 4``, 14 high.
        x, breedte: the bar's left edge and width, clipped to the window.
        label: the row's label (kenmerk and part number), left of the bars.
        titel: tooltip text (period in Dutch time, status).
        status: the part's status value (CSS class ``pb-balk--<status>``).
    """

    y: int
    x: float
    breedte: float
    label: str
    titel: str
    status: str


@dataclass(frozen=True)
class Tik:
    """A date tick at a midnight: its x and label (``"vr 4-12"``)."""

    x: float
    label: str


@dataclass(frozen=True)
class TijdlijnInvoer:
    """A bar to draw: aware start and end datetimes and its texts."""

    start: datetime
    eind: datetime
    label: str
    titel: str
    status: str


@dataclass(frozen=True)
class Tijdlijn:
    """The timeline: viewBox size, ticks, bars, and the window (aware datetimes)."""

    breedte: int
    hoogte: int
    tikken: list[Tik]
    balken: list[Balk]
    start: datetime
    eind: datetime

    @property
    def laatste_dag(self) -> date:
        """The window's last calendar day (Europe/Amsterdam); `eind` is the midnight after it."""
        return (self.eind - timedelta(days=1)).date()


def tijdlijn(*, eerste_dag: date, dagen: int, invoer: Sequence[TijdlijnInvoer]) -> Tijdlijn:
    """Lay out one bar per item over `dagen` days from the start of `eerste_dag` (Amsterdam).

    Bars are clipped to the window; an item wholly outside it still gets its row, of width 0.

    Raises:
        ValueError: `dagen` is less than 1.
    """
    if dagen < 1:
        raise ValueError("dagen moet minstens 1 zijn")
    start = middernacht(eerste_dag)
    eind = middernacht(eerste_dag + timedelta(days=dagen))
    links = LABEL_BREEDTE
    rechts = TIJDLIJN_BREEDTE - _MARGE
    # In UTC: Python subtracts two datetimes of the same zone by wall clock (DST ignored).
    begin = start.astimezone(UTC)
    totaal = (eind.astimezone(UTC) - begin).total_seconds()

    def x(moment: datetime) -> float:
        deel = (moment.astimezone(UTC) - begin).total_seconds() / totaal
        return round(links + max(0.0, min(1.0, deel)) * (rechts - links), 1)

    tikken = []
    for i in range(dagen + 1):
        dag = eerste_dag + timedelta(days=i)
        label = f"{_WEEKDAGEN[dag.weekday()]} {dag.day}-{dag.month}" if i < dagen else ""
        tikken.append(Tik(x=x(middernacht(dag)), label=label))
    balken = []
    for n, item in enumerate(invoer):
        x0, x1 = x(item.start), x(item.eind)
        balken.append(
            Balk(
                y=KOP_HOOGTE + n * RIJ_HOOGTE,
                x=x0,
                breedte=round(x1 - x0, 1),
                label=item.label,
                titel=item.titel,
                status=item.status,
            )
        )
    hoogte = KOP_HOOGTE + max(1, len(balken)) * RIJ_HOOGTE + _MARGE
    return Tijdlijn(
        breedte=TIJDLIJN_BREEDTE,
        hoogte=hoogte,
        tikken=tikken,
        balken=balken,
        start=start,
        eind=eind,
    )


#: The schematic's viewBox and one box's size.
SCHEMA_BREEDTE = 540
SCHEMA_HOOGTE = 450
VAK_BREEDTE = 120
VAK_HOOGTE = 54

#: Each unit's box (top-left corner), roughly where its area lies; the Landelijke Eenheid,
#: which has no area of its own, at the bottom, drawn dashed.
VAK_POSITIES: dict[str, tuple[int, int]] = {
    "EENHEID-NN": (330, 10),
    "EENHEID-NH": (120, 70),
    "EENHEID-AM": (250, 100),
    "EENHEID-ON": (400, 160),
    "EENHEID-DH": (20, 170),
    "EENHEID-MN": (250, 180),
    "EENHEID-RT": (60, 250),
    "EENHEID-OB": (250, 290),
    "EENHEID-ZWB": (30, 330),
    "EENHEID-LB": (400, 330),
    "EENHEID-LE": (250, 385),
}


@dataclass(frozen=True)
class Vak:
    """One unit's box: code, short label, full name, corner, count, and whether it is the LE."""

    code: str
    label: str
    naam: str
    x: int
    y: int
    aantal: int
    landelijk: bool


def eenheden_schema(
    *, eenheden: Sequence[tuple[str, str, str]], aantallen: Mapping[str, int]
) -> list[Vak]:
    """The boxes of the units in `VAK_POSITIES`, in its order.

    Args:
        eenheden: (code, afkorting, naam) of the units; a unit without a position is left out.
        aantallen: unit code -> count (absent: 0).
    """
    namen = {code: (afkorting, naam) for code, afkorting, naam in eenheden}
    vakken = []
    for code, (x, y) in VAK_POSITIES.items():
        if code not in namen:
            continue
        afkorting, naam = namen[code]
        landelijk = code == "EENHEID-LE"
        vakken.append(
            Vak(
                code=code,
                # "Landelijke Eenheid" does not fit the box; its full name is the tooltip.
                label="Landelijk" if landelijk else afkorting,
                naam=naam,
                x=x,
                y=y,
                aantal=int(aantallen.get(code, 0)),
                landelijk=landelijk,
            )
        )
    return vakken
