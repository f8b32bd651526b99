"""Reads of the operational picture (operationeel beeld; issue #11 item 2).

The parts come from `verzoeken.selectors.deelverzoek_list_voor_beeld`, which applies
need-to-know (the LOCC sees all, others what their organisation takes part in); here the
filters, the counts (by status and by unit), the table's rows and the timeline's bars.
Four queries, each bounded: two aggregates, at most `MAX_RIJEN` rows and `MAX_BALKEN` bars.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
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
from politiebijstand.verzoeken.selectors import BEELD_STATUSSEN, deelverzoek_list_voor_beeld

#: Rows of the table at most (the rest is counted, not listed).
MAX_RIJEN = 200
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
class Beeld:
    """What the picture shows.

    Attributes:
        delen: parts on the picture after the filters.
        verzoeken: distinct requests of those parts.
        tellingen: per status of `BEELD_STATUSSEN`, in its order (also 0).
        rijen: the table, by start of period, at most `MAX_RIJEN`; annotated as the selector.
        vakken: the units' boxes with the number of requests per unit.
        tijdlijn: the bars of the parts (not refused) overlapping the window.
        balken_meer: parts in the window beyond `MAX_BALKEN` (0 or 1 means "more").
    """

    delen: int
    verzoeken: int
    tellingen: list[Telling]
    rijen: list[Deelverzoek]
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


def _gefilterd(qs: QuerySet[Deelverzoek], filters: Filters) -> QuerySet[Deelverzoek]:
    if filters.procedure:
        qs = qs.filter(procedure_id=filters.procedure)
    if filters.leverancier:
        qs = qs.filter(leverancier=filters.leverancier)
    if filters.eenheid_code:
        qs = qs.filter(verzoek__eenheid__code=filters.eenheid_code)
    if filters.van:
        qs = qs.filter(Q(beeld_eind__gt=middernacht(filters.van)))
    if filters.tot:
        qs = qs.filter(Q(beeld_start__lt=middernacht(filters.tot + timedelta(days=1))))
    return qs


#: The columns the table and the timeline show (the parts' and requests' large JSON and run
#: state are not read).
_KOLOMMEN = (
    "id",
    "volgnummer",
    "procedure_id",
    "leverancier",
    "status",
    "besluit",
    "verzoek__id",
    "verzoek__uuid",
    "verzoek__kenmerk",
    "verzoek__titel",
    "verzoek__spoed",
    "verzoek__periode_start",
    "verzoek__periode_eind",
    "verzoek__eenheid__id",
    "verzoek__eenheid__afkorting",
)


def _met_kolommen(qs: QuerySet[Deelverzoek], ids: list[int]) -> list[Deelverzoek]:
    """The parts with these ids, in this order, with only the columns shown."""
    if not ids:
        return []
    per_id = {d.pk: d for d in qs.filter(id__in=ids).only(*_KOLOMMEN)}
    return [per_id[i] for i in ids if i in per_id]


def _tijd(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


def beeld_lezen(
    *,
    gebruiker: Gebruiker | AnonymousUser,
    filters: Filters,
    eenheden: list[Organisatie],
    nu: datetime | None = None,
) -> Beeld:
    """The operational picture for the user, with the filters applied.

    The timeline's window is the filter's period (``van`` to ``tot`` inclusive), else from
    ``van`` (or today in Europe/Amsterdam) `STANDAARD_DAGEN` days.

    Args:
        gebruiker: the user; need-to-know as `deelverzoek_list_voor_beeld`.
        filters: see `Filters`.
        eenheden: the units (`eenheden`), for the schematic's names.
        nu: aware datetime (default now); parts whose period ended before it are not shown.
    """
    nu = nu or timezone.now()
    qs = _gefilterd(deelverzoek_list_voor_beeld(gebruiker=gebruiker, nu=nu), filters)

    per_status = {
        r["status"]: r["n"] for r in qs.order_by().values("status").annotate(n=Count("id"))
    }
    labels = dict(DeelverzoekStatus.choices)
    tellingen = [
        Telling(s.value, labels[s.value], per_status.get(s.value, 0)) for s in BEELD_STATUSSEN
    ]
    per_eenheid: dict[str, int] = {}
    verzoeken = 0
    for r in (
        qs.order_by()
        .values("verzoek__eenheid__code")
        .annotate(n=Count("verzoek_id", distinct=True))
    ):
        per_eenheid[r["verzoek__eenheid__code"]] = r["n"]
        verzoeken += r["n"]

    # First the ids in order (narrow rows to sort), then only those parts, with the columns shown.
    volgorde = ("beeld_start", "verzoek_id", "volgnummer")
    rijen = _met_kolommen(qs, list(qs.order_by(*volgorde).values_list("id", flat=True)[:MAX_RIJEN]))

    eerste_dag = filters.van or nu.astimezone(AMSTERDAM).date()
    dagen = (filters.tot - eerste_dag).days + 1 if filters.tot else STANDAARD_DAGEN
    dagen = max(1, dagen)
    venster_start, venster_eind = (
        middernacht(eerste_dag),
        middernacht(eerste_dag + timedelta(days=dagen)),
    )
    balken = _met_kolommen(
        qs,
        list(
            qs.filter(Q(beeld_start__lt=venster_eind) & Q(beeld_eind__gt=venster_start))
            .exclude(status=DeelverzoekStatus.AFGEWEZEN)
            .order_by(*volgorde)
            .values_list("id", flat=True)[: MAX_BALKEN + 1]
        ),
    )
    invoer = [
        TijdlijnInvoer(
            start=d.beeld_start,  # type: ignore[attr-defined]
            eind=d.beeld_eind,  # type: ignore[attr-defined]
            label=f"{d.verzoek.kenmerk}/{d.volgnummer}",
            titel=(
                f"{d.verzoek.kenmerk}/{d.volgnummer} {d.verzoek.titel}: "
                f"{_tijd(d.beeld_start)} tot {_tijd(d.beeld_eind)}, {labels[d.status]}"  # type: ignore[attr-defined]
            ),
            status=d.status,
        )
        for d in balken[:MAX_BALKEN]
    ]
    return Beeld(
        delen=sum(per_status.values()),
        verzoeken=verzoeken,
        tellingen=tellingen,
        rijen=rijen,
        vakken=eenheden_schema(
            eenheden=[(e.code, e.afkorting, e.naam) for e in eenheden], aantallen=per_eenheid
        ),
        tijdlijn=tijdlijn(eerste_dag=eerste_dag, dagen=dagen, invoer=invoer),
        balken_meer=len(balken) > MAX_BALKEN,
    )
