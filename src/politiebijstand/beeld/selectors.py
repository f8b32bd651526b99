"""Reads of the operational picture (operationeel beeld; issue #11 item 2).

The parts come from `verzoeken.selectors.beeld_delen`, which applies need-to-know (the LOCC
sees all, others what their organisation takes part in) and reads them narrow, from indexes.
Here, in Python over those few thousand at most, the filters, the counts (by status and by
unit) and the order; then the table's rows and the timeline's bars are read by id, with only
the columns shown (`deelverzoek_list_voor_rijen`). ADR 0039.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.beeld.tekening import (
    AMSTERDAM,
    Tijdlijn,
    TijdlijnInvoer,
    Vak,
    eenheden_schema,
    middernacht,
    tijdlijn,
)
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken.constants import DeelverzoekStatus
from politiebijstand.verzoeken.models import Deelverzoek
from politiebijstand.verzoeken.selectors import (
    BEELD_STATUSSEN,
    BeeldDeel,
    beeld_delen,
    deelverzoek_list_voor_rijen,
    verzoek_ids_met_deelname,
)

#: Rows of the table at most (the rest is counted, not listed).
MAX_RIJEN = 200
#: Rows of the table on the first paint, and how many more "Meer tonen" adds (ADR 0044).
RIJEN_PER_KEER = 50
#: Bars of the timeline at most.
MAX_BALKEN = 40
#: Days the timeline shows without a period filter.
STANDAARD_DAGEN = 7


@dataclass(frozen=True)
class Filters:
    """The picture's filters; None or "" is no filter.

    Attributes:
        procedure: a procedure id (``"3"``).
        leverancier: a provider (``"kmar"``).
        eenheid_code: the requesting unit (``"EENHEID-MN"``).
        van, tot: calendar days in Europe/Amsterdam, inclusive: parts whose period overlaps.
    """

    procedure: str | None = None
    leverancier: str | None = None
    eenheid_code: str | None = None
    van: date | None = None
    tot: date | None = None


@dataclass(frozen=True)
class Telling:
    """One status's count of parts: its value, Dutch label and count."""

    status: str
    label: str
    aantal: int


@dataclass(frozen=True)
class Rij:
    """A row of the table: the part, its period, and whether the user's organisation takes part.

    The part has its request and unit loaded; taking part, the kenmerk links to its page.
    """

    deel: Deelverzoek
    start: datetime
    eind: datetime
    neemt_deel: bool


@dataclass(frozen=True)
class Beeld:
    """What the picture shows.

    Attributes:
        delen: parts on the picture after the filters.
        verzoeken: distinct requests of those parts.
        tellingen: per status of `BEELD_STATUSSEN`, in its order (also 0).
        rijen: the table, by start of period: the first `rijen` of `beeld_lezen`.
        meer_rijen: how many rows "Meer tonen" would show (0: none, all or `MAX_RIJEN` shown).
        vakken: the units' boxes with the number of requests per unit.
        tijdlijn: the bars of the parts (not refused) overlapping the window.
        balken_meer: parts in the window beyond `MAX_BALKEN` (0 or 1 means "more").
    """

    delen: int
    verzoeken: int
    tellingen: list[Telling]
    rijen: list[Rij]
    meer_rijen: int
    vakken: list[Vak]
    tijdlijn: Tijdlijn
    balken_meer: bool


def eenheden() -> list[Organisatie]:
    """The police units (``EENHEID-*``) for the filter and the schematic, by name (one query)."""
    return list(
        Organisatie.objects.filter(code__startswith="EENHEID-", parent__isnull=True)
        .only("id", "code", "naam", "afkorting")
        .order_by("naam")
    )


def _gefilterd(
    delen: list[BeeldDeel], filters: Filters, eenheid_ids: dict[str, int]
) -> list[BeeldDeel]:
    uit = delen
    if filters.procedure:
        uit = [d for d in uit if d.procedure_id == filters.procedure]
    if filters.leverancier:
        uit = [d for d in uit if d.leverancier == filters.leverancier]
    if filters.eenheid_code:
        eenheid_id = eenheid_ids.get(filters.eenheid_code)
        uit = [d for d in uit if d.eenheid_id == eenheid_id]
    if filters.van:
        van = middernacht(filters.van)
        uit = [d for d in uit if d.eind > van]
    if filters.tot:
        tot = middernacht(filters.tot + timedelta(days=1))
        uit = [d for d in uit if d.start < tot]
    return uit


def _tijd(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


def beeld_lezen(
    *,
    gebruiker: Gebruiker | AnonymousUser,
    filters: Filters,
    eenheden: list[Organisatie],
    nu: datetime | None = None,
    rijen: int = RIJEN_PER_KEER,
) -> Beeld:
    """The operational picture for the user, with the filters applied.

    The timeline's window is the filter's period (``van`` to ``tot`` inclusive), else from
    ``van`` (or today in Europe/Amsterdam) `STANDAARD_DAGEN` days. Rows and bars are ordered
    by start of period, then request, then part.

    Args:
        gebruiker: the user; need-to-know as `beeld_delen`.
        filters: see `Filters`.
        eenheden: the units (`eenheden`), for the filter's codes and the schematic's names.
        nu: aware datetime (default now); parts whose period ended before it are not shown.
        rijen: rows of the table, 1 to `MAX_RIJEN` (the first paint shows `RIJEN_PER_KEER`;
            each "Meer tonen" as many more).
    """
    nu = nu or timezone.now()
    eenheid_ids = {e.code: e.pk for e in eenheden}
    codes = {e.pk: e.code for e in eenheden}
    delen = _gefilterd(beeld_delen(gebruiker=gebruiker, nu=nu), filters, eenheid_ids)
    delen.sort(key=lambda d: (d.start, d.verzoek_id, d.id))

    per_status = Counter(d.status for d in delen)
    labels = dict(DeelverzoekStatus.choices)
    tellingen = [Telling(s.value, labels[s.value], per_status[s.value]) for s in BEELD_STATUSSEN]
    verzoek_eenheid = {d.verzoek_id: d.eenheid_id for d in delen}
    per_eenheid = Counter(codes.get(e, "") for e in verzoek_eenheid.values())

    eerste_dag = filters.van or nu.astimezone(AMSTERDAM).date()
    dagen = max(1, (filters.tot - eerste_dag).days + 1 if filters.tot else STANDAARD_DAGEN)
    venster_start = middernacht(eerste_dag)
    venster_eind = middernacht(eerste_dag + timedelta(days=dagen))
    in_venster = [
        d
        for d in delen
        if d.start < venster_eind
        and d.eind > venster_start
        and d.status != DeelverzoekStatus.AFGEWEZEN
    ]
    getoond = delen[: max(1, min(rijen, MAX_RIJEN))]
    balken = in_venster[:MAX_BALKEN]
    geladen = {
        d.pk: d for d in deelverzoek_list_voor_rijen(ids=sorted({d.id for d in getoond + balken}))
    }
    deelname = verzoek_ids_met_deelname(gebruiker=gebruiker, ids={d.verzoek_id for d in getoond})
    tabel = [
        Rij(geladen[d.id], d.start, d.eind, d.verzoek_id in deelname)
        for d in getoond
        if d.id in geladen
    ]
    invoer = []
    for d in balken:
        if d.id not in geladen:
            continue
        deel = geladen[d.id]
        naam = f"{deel.verzoek.kenmerk}/{deel.volgnummer}"
        invoer.append(
            TijdlijnInvoer(
                start=d.start,
                eind=d.eind,
                label=naam,
                titel=(
                    f"{naam} {deel.verzoek.titel}: {_tijd(d.start)} tot {_tijd(d.eind)}, "
                    f"{labels[d.status]}"
                ),
                status=d.status,
            )
        )
    return Beeld(
        delen=len(delen),
        verzoeken=len(verzoek_eenheid),
        tellingen=tellingen,
        rijen=tabel,
        meer_rijen=(
            min(len(getoond) + RIJEN_PER_KEER, len(delen), MAX_RIJEN)
            if len(delen) > len(getoond) and len(getoond) < MAX_RIJEN
            else 0
        ),
        vakken=eenheden_schema(
            eenheden=[(e.code, e.afkorting, e.naam) for e in eenheden], aantallen=per_eenheid
        ),
        tijdlijn=tijdlijn(eerste_dag=eerste_dag, dagen=dagen, invoer=invoer),
        balken_meer=len(in_venster) > MAX_BALKEN,
    )
