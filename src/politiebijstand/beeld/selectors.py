"""Reads of the operational picture (operationeel beeld; issue #11 item 2).

The parts come from `verzoeken.selectors.beeld_delen`, which applies need-to-know (the LOCC
sees all, others what their organisation takes part in) over one covering index of the part's
current period. Here the filters, the counts (by status and by unit) and the order are added
to that query and done by the database, and only the table's rows and the timeline's bars are
read, with the columns shown (`deelverzoek_list_voor_rijen`). ADR 0039, ADR 0044.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, QuerySet
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
    The period is also given as written on the page (Europe/Amsterdam): ``start_iso`` for
    ``<time datetime>``, ``start_tekst`` as ``dd-mm-jjjj uu:mm``; so for ``eind``.
    """

    deel: Deelverzoek
    start: datetime
    eind: datetime
    neemt_deel: bool
    start_iso: str = ""
    start_tekst: str = ""
    eind_iso: str = ""
    eind_tekst: str = ""


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
    delen: QuerySet[Deelverzoek], filters: Filters, eenheid_ids: dict[str, int]
) -> QuerySet[Deelverzoek]:
    if filters.procedure:
        delen = delen.filter(procedure_id=filters.procedure)
    if filters.leverancier:
        delen = delen.filter(leverancier=filters.leverancier)
    if filters.eenheid_code:
        delen = delen.filter(eenheid_id=eenheid_ids.get(filters.eenheid_code))
    if filters.van:
        delen = delen.filter(periode_eind__gt=middernacht(filters.van))
    if filters.tot:
        delen = delen.filter(periode_start__lt=middernacht(filters.tot + timedelta(days=1)))
    return delen


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
    volgorde = ("periode_start", "verzoek_id", "id")

    # The counts, by the database over the index: parts per status, requests per unit (a
    # request's parts share its unit, so their sum is the number of requests).
    per_status: Counter[str] = Counter(
        dict(delen.values_list("status").annotate(n=Count("id")).order_by())
    )
    per_eenheid_id = dict(
        delen.values_list("eenheid_id").annotate(n=Count("verzoek_id", distinct=True)).order_by()
    )
    labels = dict(DeelverzoekStatus.choices)
    tellingen = [Telling(s.value, labels[s.value], per_status[s.value]) for s in BEELD_STATUSSEN]
    per_eenheid: Counter[str] = Counter()
    for eenheid_id, aantal in per_eenheid_id.items():
        per_eenheid[codes.get(eenheid_id, "")] += aantal
    aantal_delen = sum(per_status.values())

    eerste_dag = filters.van or nu.astimezone(AMSTERDAM).date()
    dagen = max(1, (filters.tot - eerste_dag).days + 1 if filters.tot else STANDAARD_DAGEN)
    venster_start = middernacht(eerste_dag)
    venster_eind = middernacht(eerste_dag + timedelta(days=dagen))
    # The period from the index: in the part's row it lies beyond its large run state.
    getoond = list(
        delen.order_by(*volgorde).values_list("id", "verzoek_id", "periode_start", "periode_eind")[
            : max(1, min(rijen, MAX_RIJEN))
        ]
    )
    # One bar more than drawn, to know whether there are more.
    balken = list(
        delen.filter(periode_start__lt=venster_eind, periode_eind__gt=venster_start)
        .exclude(status=DeelverzoekStatus.AFGEWEZEN)
        .order_by(*volgorde)
        .values_list("id", "periode_start", "periode_eind")[: MAX_BALKEN + 1]
    )
    geladen = {
        d.pk: d
        for d in deelverzoek_list_voor_rijen(
            ids=sorted({r[0] for r in getoond} | {b[0] for b in balken[:MAX_BALKEN]})
        )
    }
    deelname = verzoek_ids_met_deelname(gebruiker=gebruiker, ids={r[1] for r in getoond})
    tabel = []
    for id_, verzoek_id, start, eind in getoond:
        if id_ not in geladen:
            continue
        start_nl, eind_nl = start.astimezone(AMSTERDAM), eind.astimezone(AMSTERDAM)
        tabel.append(
            Rij(
                deel=geladen[id_],
                start=start,
                eind=eind,
                neemt_deel=verzoek_id in deelname,
                start_iso=start_nl.isoformat(),
                start_tekst=start_nl.strftime("%d-%m-%Y %H:%M"),
                eind_iso=eind_nl.isoformat(),
                eind_tekst=eind_nl.strftime("%d-%m-%Y %H:%M"),
            )
        )
    invoer = []
    for id_, start, eind in balken[:MAX_BALKEN]:
        if id_ not in geladen:
            continue
        deel = geladen[id_]
        naam = f"{deel.verzoek.kenmerk}/{deel.volgnummer}"
        invoer.append(
            TijdlijnInvoer(
                start=start,
                eind=eind,
                label=naam,
                titel=(
                    f"{naam} {deel.verzoek.titel}: {_tijd(start)} tot {_tijd(eind)}, "
                    f"{labels[deel.status]}"
                ),
                status=deel.status,
            )
        )
    return Beeld(
        delen=aantal_delen,
        verzoeken=sum(per_eenheid_id.values()),
        tellingen=tellingen,
        rijen=tabel,
        meer_rijen=(
            min(len(getoond) + RIJEN_PER_KEER, aantal_delen, MAX_RIJEN)
            if aantal_delen > len(getoond) and len(getoond) < MAX_RIJEN
            else 0
        ),
        vakken=eenheden_schema(
            eenheden=[(e.code, e.afkorting, e.naam) for e in eenheden], aantallen=per_eenheid
        ),
        tijdlijn=tijdlijn(eerste_dag=eerste_dag, dagen=dagen, invoer=invoer),
        balken_meer=len(balken) > MAX_BALKEN,
    )
