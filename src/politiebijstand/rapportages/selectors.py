"""The figures of a yearly report, read with database aggregates (issue #11 item 4).

Who sees what (need-to-know, issue #3): the LOCC and beheerders see national figures; every
other user only the requests their organisation takes part in (`Deelname`, the same rule as
`verzoeken.selectors.verzoek_list`). A user without an active organisation sees nothing.

Time: stored in UTC; the year and the month are those of ``aangemaakt_op`` in
Europe/Amsterdam. Lead times are in hours.

Percentiles: the median is `statistics.median`; the 90th percentile is linear interpolation
between the closest ranks, ``statistics.quantiles(x, n=10, method="inclusive")[8]`` (the same
as PostgreSQL's ``percentile_cont(0.9)``; ADR 0040).

Bron: issue #11 item 4; factsheet, toelichting 3, 4, 7 en 8 (the urgent path and its written
formalisation); Politiewet 2012 art. 56 lid 3.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.toegang.regels import organisatie_code
from politiebijstand.verzoeken.constants import BesluitUitkomst, TaakStatus
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelname,
    Deelverzoek,
    Taak,
)
from politiebijstand.verzoeken.models.taak import Seconden

#: The zone of the year and month of a report.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: The step of the urgent path whose due time is the formalisation term.
FORMALISATIE_STAP = "taak_schriftelijk_formaliseren"
#: The organisation that sees national figures (besides every beheerder).
LANDELIJK = "LOCC"
#: How long the page's figures are kept in the cache at most, in seconds.
CACHE_SECONDEN = 300
#: The audit event of an export.
RAPPORTAGE_GEEXPORTEERD = "rapportage-geexporteerd"
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
LEVERANCIERS = {
    "politie": "Politie (andere eenheid)",
    "middelen_jenv": "Middelen van JenV",
    "kmar": "Koninklijke Marechaussee",
    "krijgsmacht": "Krijgsmacht",
    "buitenland": "Buitenland",
}
UITKOMSTEN = (
    (BesluitUitkomst.TOEGEKEND, "Toegekend"),
    (BesluitUitkomst.DEELS_TOEGEKEND, "Gedeeltelijk toegekend"),
    (BesluitUitkomst.AFGEWEZEN, "Afgewezen"),
)


@dataclass(frozen=True)
class Doorlooptijd:
    """Lead time figures of one group, in hours (rounded to 0.01), None without any value.

    Attributes:
        aantal: how many lead times.
        mediaan: the median (`statistics.median`).
        p90: the 90th percentile (`p90`).
    """

    aantal: int
    mediaan: float | None
    p90: float | None


@dataclass(frozen=True)
class Tabel:
    """One table of a report (and the data of its chart).

    Attributes:
        sleutel: a stable short name (the XLSX sheet, the HTML id), e.g. ``"per-maand"``.
        titel: the Dutch caption.
        kolommen: the Dutch column headers.
        rijen: per row its label (str) then numbers (int, float or None for "geen").
        grafiek_kolom: the index of the column the chart draws, or None for no chart.
    """

    sleutel: str
    titel: str
    kolommen: tuple[str, ...]
    rijen: tuple[tuple[Any, ...], ...]
    grafiek_kolom: int | None = 1


@dataclass(frozen=True)
class Rapportage:
    """A yearly report: its filters, whether the figures are national, its tables, when read."""

    jaar: int
    eenheid_code: str | None
    procedure_id: str | None
    landelijk: bool
    tabellen: tuple[Tabel, ...]
    stand: datetime

    def tabel(self, sleutel: str) -> Tabel:
        """The table named `sleutel` (KeyError when there is none)."""
        for t in self.tabellen:
            if t.sleutel == sleutel:
                return t
        raise KeyError(sleutel)


#: The figures of a group without lead times.
GEEN = Doorlooptijd(0, None, None)


def p90(waarden: Sequence[float]) -> float:
    """The 90th percentile: linear interpolation between closest ranks (inclusive).

    Equals ``statistics.quantiles(waarden, n=10, method="inclusive")[8]`` and PostgreSQL's
    ``percentile_cont(0.9)``; for one value, that value. Raises ValueError when empty.
    """
    if not waarden:
        raise ValueError("p90: geen waarden")
    if len(waarden) == 1:
        return float(waarden[0])
    return statistics.quantiles(waarden, n=10, method="inclusive")[8]


def doorlooptijd(seconden: Iterable[float]) -> Doorlooptijd:
    """Median and p90 (in hours, rounded to 0.01) of lead times given in seconds."""
    uren = sorted(s / 3600 for s in seconden)
    if not uren:
        return Doorlooptijd(0, None, None)
    return Doorlooptijd(len(uren), round(statistics.median(uren), 2), round(p90(uren), 2))


def _uit_rangen(n: int, rangen: dict[int, float]) -> Doorlooptijd:
    """`doorlooptijd` of `n` lead times, from only the sorted values at the ranks it needs.

    `rangen` maps a 0-based rank in the sorted seconds to its value; it must hold the ranks
    of `benodigde_rangen(n)`. The arithmetic is that of `statistics.median` and of
    ``statistics.quantiles(..., n=10, method="inclusive")[8]`` on the hours, so the figures
    equal `doorlooptijd` of all values exactly.
    """
    if n == 0:
        return Doorlooptijd(0, None, None)
    uren = {r: s / 3600 for r, s in rangen.items()}
    mediaan = uren[n // 2] if n % 2 else (uren[n // 2 - 1] + uren[n // 2]) / 2
    if n == 1:
        negentig = uren[0]
    else:
        j, delta = divmod(9 * (n - 1), 10)
        negentig = (uren[j] * (10 - delta) + uren[j + 1] * delta) / 10
    return Doorlooptijd(n, round(mediaan, 2), round(negentig, 2))


def benodigde_rangen(n: int) -> set[int]:
    """The 0-based ranks in `n` sorted values that the median and the p90 read (empty for 0)."""
    if n == 0:
        return set()
    j = 9 * (n - 1) // 10
    return {(n - 1) // 2, n // 2, j, min(j + 1, n - 1)}


#: The key of all rows together in `doorlooptijden_per_groep` (``totaal=True``).
TOTAAL = "__totaal__"
#: Only the rows at the needed ranks leave the database: per group, and over all rows
#: (`benodigde_rangen` in SQL: ``rn`` is 1-based; integer division in SQLite and PostgreSQL).
_RANGEN_SQL = (
    "SELECT rapport_groep, rapport_seconden, rn, n, rt, nt FROM ("
    "SELECT rapport_groep, rapport_seconden, "
    "ROW_NUMBER() OVER (PARTITION BY rapport_groep ORDER BY rapport_seconden) AS rn, "
    "COUNT(*) OVER (PARTITION BY rapport_groep) AS n, {totaal} "
    "FROM ({bron}) bron) gerangschikt "
    "WHERE rn - 1 IN ((n - 1) / 2, n / 2, 9 * (n - 1) / 10, 9 * (n - 1) / 10 + 1){of_totaal}"
)
_TOTAAL_KOLOMMEN = "ROW_NUMBER() OVER (ORDER BY rapport_seconden) AS rt, COUNT(*) OVER () AS nt"
_TOTAAL_RANG = " OR rt - 1 IN ((nt - 1) / 2, nt / 2, 9 * (nt - 1) / 10, 9 * (nt - 1) / 10 + 1)"


def doorlooptijden_per_groep(
    qs: QuerySet[Any], *, groep: Any, seconden: Any, totaal: bool = False
) -> dict[Any, Doorlooptijd]:
    """`doorlooptijd` per group, with the ranking done in the database (ADR 0045).

    The rows of `qs` are ranked per group by window functions (``ROW_NUMBER`` and ``COUNT``
    over the group; SQLite 3.25+ and PostgreSQL); only the two to four rows per group at the
    ranks that the median and the 90th percentile need are read, however many rows there
    are. The figures equal `doorlooptijd` of all the group's values (`_uit_rangen`).

    Args:
        qs: the rows (tasks or parts), already filtered.
        groep: an expression of the group (e.g. ``F("naam")``).
        seconden: an expression of the lead time in seconds (float); NULL rows are left out.
        totaal: also the figures of all rows together, under the key `TOTAAL`.

    Returns:
        Per group value (as the database gives it: SQLite gives a flag as 1 or 0) its
        `Doorlooptijd` (hours, rounded to 0.01); a group without rows is absent.
    """
    bron = (
        qs.annotate(rapport_groep=groep, rapport_seconden=seconden)
        .filter(rapport_seconden__isnull=False)
        .values_list("rapport_groep", "rapport_seconden")
        .order_by()
    )
    try:
        sql, params = bron.query.sql_with_params()
    except EmptyResultSet:  # e.g. a user without an active organisation: no rows
        return {}
    kolommen, of_totaal = (_TOTAAL_KOLOMMEN, _TOTAAL_RANG) if totaal else ("0 AS rt, 0 AS nt", "")
    per_groep: dict[Any, tuple[int, dict[int, float]]] = {}
    with connections[bron.db].cursor() as cursor:
        # Django's own compiled SQL inside, its parameters passed apart.
        cursor.execute(_RANGEN_SQL.format(totaal=kolommen, bron=sql, of_totaal=of_totaal), params)
        for g, waarde, rn, n, rt, nt in cursor.fetchall():
            per_groep.setdefault(g, (int(n), {}))[1][int(rn) - 1] = float(waarde)
            if totaal:
                per_groep.setdefault(TOTAAL, (int(nt), {}))[1][int(rt) - 1] = float(waarde)
    return {g: _uit_rangen(n, rangen) for g, (n, rangen) in per_groep.items()}


def ziet_landelijk(gebruiker: Gebruiker | AnonymousUser) -> bool:
    """Whether the user sees national figures: of the LOCC, or a beheerder (active)."""
    code = organisatie_code(gebruiker)
    if code is None or not isinstance(gebruiker, Gebruiker):
        return False
    return code == LANDELIJK or gebruiker.rol == Rol.BEHEERDER


def jaar_grenzen(jaar: int) -> tuple[datetime, datetime]:
    """The start of `jaar` and of the next year in Europe/Amsterdam (aware datetimes)."""
    return datetime(jaar, 1, 1, tzinfo=AMSTERDAM), datetime(jaar + 1, 1, 1, tzinfo=AMSTERDAM)


def verzoeken_voor_rapportage(
    *,
    gebruiker: Gebruiker | AnonymousUser,
    jaar: int,
    eenheid_code: str | None = None,
    procedure_id: str | None = None,
) -> QuerySet[Bijstandsverzoek]:
    """The requests a report counts: made in `jaar` (Europe/Amsterdam), within the user's sight.

    Exercises (``oefening``) are left out (issue #11 item 5, ADR 0043).

    Args:
        gebruiker: the user (`ziet_landelijk`, else its organisation's `Deelname`).
        jaar: the calendar year of ``aangemaakt_op`` in Europe/Amsterdam.
        eenheid_code: only requests of this requesting unit (``EENHEID-MN``).
        procedure_id: only requests with a part of this procedure (``"3"``).
    """
    code = organisatie_code(gebruiker)
    if code is None or not isinstance(gebruiker, Gebruiker) or gebruiker.organisatie_id is None:
        return Bijstandsverzoek.objects.none()
    begin, eind = jaar_grenzen(jaar)
    qs = Bijstandsverzoek.objects.filter(aangemaakt_op__gte=begin, aangemaakt_op__lt=eind)
    if not ziet_landelijk(gebruiker):
        qs = qs.filter(
            Exists(
                Deelname.objects.filter(
                    verzoek=OuterRef("pk"), organisatie_id=gebruiker.organisatie_id
                )
            )
        )
    qs = qs.exclude(oefening=True)
    if eenheid_code:
        qs = qs.filter(eenheid__code=eenheid_code)
    if procedure_id:
        qs = qs.filter(
            Exists(Deelverzoek.objects.filter(verzoek=OuterRef("pk"), procedure_id=procedure_id))
        )
    return qs


def _procedure_label(procedure_id: str) -> str:
    procedure = PROCEDURES.get(procedure_id)
    return procedure.titel if procedure else f"Procedure {procedure_id}"


def rapportage_maken(
    *,
    gebruiker: Gebruiker | AnonymousUser,
    jaar: int,
    eenheid_code: str | None = None,
    procedure_id: str | None = None,
    nu: datetime,
) -> Rapportage:
    """The yearly report's tables, in a fixed number of queries (about ten).

    Tables (`Tabel.sleutel`): ``per-maand`` (requests per month), ``per-procedure``,
    ``per-leverancier`` (parts), ``per-eenheid`` (requests), ``besluiten`` (parts by the
    outcome of their last decision), ``doorlooptijd-besluit`` (hours from the request to the
    part's first decision, all, urgent and normal), ``doorlooptijd-stap`` (hours from a step's
    ``aangemaakt_op`` to its ``afgerond_op``, by step name, completed steps only),
    ``spoed`` (requests urgent and normal), ``formalisatie`` (urgent requests' written
    formalisation: completed by its due time, late, open past its due time, open in time).

    Args:
        gebruiker: the user (national figures or its organisation's requests).
        jaar: the calendar year in Europe/Amsterdam.
        eenheid_code: only this requesting unit, or None.
        procedure_id: only parts (and their steps) of this procedure, or None.
        nu: aware datetime; an open formalisation step is late when its due time is before it.
    """
    verzoeken = verzoeken_voor_rapportage(
        gebruiker=gebruiker, jaar=jaar, eenheid_code=eenheid_code, procedure_id=procedure_id
    )
    delen = Deelverzoek.objects.filter(verzoek__in=verzoeken.values("pk"))
    taken = Taak.objects.filter(verzoek__in=verzoeken.values("pk"))
    if procedure_id:
        delen = delen.filter(procedure_id=procedure_id)
        taken = taken.filter(procedure_id=procedure_id)

    # Requests: one scan, grouped by unit, with a filtered count per month (the month's
    # bounds as aware datetimes, so no per-row time zone function) and per urgency.
    maanden = [datetime(jaar, m, 1, tzinfo=AMSTERDAM) for m in range(1, 13)]
    maanden.append(jaar_grenzen(jaar)[1])
    tellingen: dict[str, Count] = {
        f"m{m}": Count(
            "id", filter=Q(aangemaakt_op__gte=maanden[m - 1], aangemaakt_op__lt=maanden[m])
        )
        for m in range(1, 13)
    }
    tellingen["met_spoed"] = Count("id", filter=Q(spoed=True))
    tellingen["zonder_spoed"] = Count("id", filter=Q(spoed=False))
    per_eenheid_rijen: list[dict[str, Any]] = [
        dict(r)
        for r in verzoeken.order_by().values("eenheid__naam").annotate(n=Count("id"), **tellingen)
    ]

    def _som(veld: str) -> int:
        return sum(int(r[veld]) for r in per_eenheid_rijen)

    maand_tabel = Tabel(
        "per-maand",
        f"Verzoeken per maand in {jaar}",
        ("Maand", "Verzoeken"),
        tuple((MAANDEN[m - 1], _som(f"m{m}")) for m in range(1, 13)),
    )

    # Parts: one scan, grouped by procedure, provider and decision, summed per table here.
    per_procedure: defaultdict[str, int] = defaultdict(int)
    per_leverancier: defaultdict[str, int] = defaultdict(int)
    uitkomsten: defaultdict[str, int] = defaultdict(int)
    for proc, lev, besluit, n in (
        delen.order_by()
        .values("procedure_id", "leverancier", "besluit")
        .annotate(n=Count("id"))
        .values_list("procedure_id", "leverancier", "besluit", "n")
    ):
        per_procedure[proc] += int(n)
        per_leverancier[lev] += int(n)
        uitkomsten[besluit] += int(n)
    procedure_tabel = Tabel(
        "per-procedure",
        "Deelverzoeken per procedure (route)",
        ("Procedure", "Deelverzoeken"),
        tuple(
            (_procedure_label(p), n)
            for p, n in sorted(per_procedure.items(), key=lambda r: (-r[1], r[0]))
        ),
    )
    leverancier_tabel = Tabel(
        "per-leverancier",
        "Deelverzoeken per leverancier",
        ("Leverancier", "Deelverzoeken"),
        tuple(
            (LEVERANCIERS.get(lev, lev or "Onbekend"), n)
            for lev, n in sorted(per_leverancier.items(), key=lambda r: (-r[1], r[0]))
        ),
    )
    eenheid_tabel = Tabel(
        "per-eenheid",
        "Verzoeken per vragende eenheid",
        ("Eenheid", "Verzoeken"),
        tuple(
            (naam, n)
            for naam, n in sorted(
                ((r["eenheid__naam"], int(r["n"])) for r in per_eenheid_rijen),
                key=lambda r: (-r[1], r[0]),
            )
        ),
    )
    besluit_tabel = Tabel(
        "besluiten",
        "Deelverzoeken naar besluit",
        ("Besluit", "Deelverzoeken"),
        (
            *((label, uitkomsten.get(waarde, 0)) for waarde, label in UITKOMSTEN),
            ("Nog geen besluit", uitkomsten.get("", 0)),
        ),
    )

    # The part's first decision by a correlated subquery (an index seek per part), not a
    # GROUP BY over the parts' columns.
    eerste_besluit = (
        Besluit.objects.filter(deelverzoek=OuterRef("pk"))
        .order_by("genomen_op")
        .values("genomen_op")[:1]
    )
    naar_spoed = doorlooptijden_per_groep(
        delen.annotate(eerste=Subquery(eerste_besluit)),
        groep=F("verzoek__spoed"),
        seconden=Seconden(F("eerste"), F("verzoek__aangemaakt_op")),
        totaal=True,
    )
    alle = naar_spoed.get(TOTAAL, GEEN)
    # SQLite gives the flag as 1 and 0, PostgreSQL as True and False: equal keys in Python.
    spoed = naar_spoed.get(True, GEEN)
    gewoon = naar_spoed.get(False, GEEN)
    besluittijd_tabel = Tabel(
        "doorlooptijd-besluit",
        "Doorlooptijd van verzoek tot besluit (uren)",
        ("Groep", "Deelverzoeken met besluit", "Mediaan (uren)", "90e percentiel (uren)"),
        tuple(
            (label, d.aantal, d.mediaan, d.p90)
            for label, d in (("Alle", alle), ("Spoed", spoed), ("Normaal", gewoon))
        ),
        grafiek_kolom=2,
    )

    stappen = sorted(
        doorlooptijden_per_groep(
            taken.filter(status=TaakStatus.AFGEROND, overgeslagen=False),
            groep=F("naam"),
            seconden=F("doorlooptijd_seconden"),
        ).items()
    )
    staptijd_tabel = Tabel(
        "doorlooptijd-stap",
        "Doorlooptijd per stap (uren, van klaarzetten tot afronden)",
        ("Stap", "Afgerond", "Mediaan (uren)", "90e percentiel (uren)"),
        tuple((naam, d.aantal, d.mediaan, d.p90) for naam, d in stappen),
        grafiek_kolom=2,
    )

    spoed_tabel = Tabel(
        "spoed",
        "Verzoeken met en zonder spoed",
        ("Soort", "Verzoeken", "Mediaan tot besluit (uren)", "90e percentiel (uren)"),
        (
            ("Spoed", _som("met_spoed"), spoed.mediaan, spoed.p90),
            ("Normaal", _som("zonder_spoed"), gewoon.mediaan, gewoon.p90),
        ),
    )

    formalisatie = taken.filter(bpmn_id=FORMALISATIE_STAP, overgeslagen=False).aggregate(
        gehaald=Count(
            "id",
            filter=Q(status=TaakStatus.AFGEROND, afgerond_op__lte=F("due"))
            | Q(status=TaakStatus.AFGEROND, due__isnull=True),
        ),
        te_laat=Count("id", filter=Q(status=TaakStatus.AFGEROND, afgerond_op__gt=F("due"))),
        open_te_laat=Count(
            "id", filter=Q(status__in=(TaakStatus.OPEN, TaakStatus.OPGEPAKT), due__lt=nu)
        ),
        open_op_tijd=Count(
            "id",
            filter=Q(status__in=(TaakStatus.OPEN, TaakStatus.OPGEPAKT))
            & (Q(due__gte=nu) | Q(due__isnull=True)),
        ),
    )
    formalisatie_tabel = Tabel(
        "formalisatie",
        "Schriftelijke formalisatie van spoedverzoeken: termijn gehaald of niet",
        ("Formalisatie", "Stappen"),
        (
            ("Op tijd geformaliseerd", int(formalisatie["gehaald"])),
            ("Te laat geformaliseerd", int(formalisatie["te_laat"])),
            ("Nog open, termijn verstreken", int(formalisatie["open_te_laat"])),
            ("Nog open, binnen de termijn", int(formalisatie["open_op_tijd"])),
        ),
    )
    return Rapportage(
        jaar=jaar,
        eenheid_code=eenheid_code,
        procedure_id=procedure_id,
        landelijk=ziet_landelijk(gebruiker),
        stand=nu,
        tabellen=(
            maand_tabel,
            procedure_tabel,
            leverancier_tabel,
            eenheid_tabel,
            besluit_tabel,
            besluittijd_tabel,
            staptijd_tabel,
            spoed_tabel,
            formalisatie_tabel,
        ),
    )


def _stand(jaar: int) -> str:
    """The version of `jaar`'s figures: changes when a request of that year or a part changes.

    Shape: ``"<requests>.<sum of their versions>.<parts>.<sum of their versions>"`` over the
    requests made in `jaar` (Europe/Amsterdam), exercises included, in two aggregate queries.
    Every change that moves a figure goes through the services, which raise the request's
    `versie` (status) or the part's (its procedure run: every step completed, every decision);
    a view, an export or a change of another year's request leaves it as it is, so a past
    year's report stays in the cache while this year's requests are being worked on. ADR 0045.
    """
    begin, eind = jaar_grenzen(jaar)
    verzoeken = Bijstandsverzoek.objects.filter(aangemaakt_op__gte=begin, aangemaakt_op__lt=eind)
    v = verzoeken.aggregate(n=Count("pk"), s=Sum("versie"))
    d = Deelverzoek.objects.filter(verzoek__in=verzoeken.values("pk")).aggregate(
        n=Count("pk"), s=Sum("versie")
    )
    return f"{v['n']}.{v['s'] or 0}.{d['n']}.{d['s'] or 0}"


def rapportage_voor_pagina(
    *,
    gebruiker: Gebruiker | AnonymousUser,
    jaar: int,
    eenheid_code: str | None = None,
    procedure_id: str | None = None,
    nu: datetime,
) -> Rapportage:
    """`rapportage_maken` for the page, kept in the cache while no request or part changed.

    The key is the user's scope (national, or the organisation), the filters and
    `_stand(jaar)`, so any change of that year's requests or parts written through the
    services reads the figures anew, and nothing else does. Kept
    for `CACHE_SECONDEN` at most, so "open past its due time" of the formalisation table is at
    most that old (`Rapportage.stand` says when the figures were read). The exports are
    never served from the cache. ADR 0040.
    """
    if organisatie_code(gebruiker) is None or not isinstance(gebruiker, Gebruiker):
        scope = "geen"
    else:
        scope = "landelijk" if ziet_landelijk(gebruiker) else f"org{gebruiker.organisatie_id}"
    filters = f"{eenheid_code or ''}:{procedure_id or ''}"
    sleutel = f"rapportage:2:{scope}:{jaar}:{filters}:{_stand(jaar)}"
    rapportage: Rapportage | None = cache.get(sleutel)
    if rapportage is None:
        rapportage = rapportage_maken(
            gebruiker=gebruiker,
            jaar=jaar,
            eenheid_code=eenheid_code,
            procedure_id=procedure_id,
            nu=nu,
        )
        cache.set(sleutel, rapportage, CACHE_SECONDEN)
    return rapportage


def eenheden() -> list[tuple[str, str]]:
    """The police units (``EENHEID-*``) for the unit filter: (code, name), by name."""
    return list(
        Organisatie.objects.filter(code__startswith="EENHEID-", parent__isnull=True)
        .order_by("naam")
        .values_list("code", "naam")
    )


def rapportage_exporteren(
    *,
    gebruiker: Gebruiker,
    jaar: int,
    eenheid_code: str | None = None,
    procedure_id: str | None = None,
    formaat: str,
    nu: datetime,
) -> Rapportage:
    """The report of `rapportage_maken` for an export, with the export written to the audit trail.

    One audit event ``rapportage-geexporteerd`` naming the format, the filters and whether the
    figures are national, in the same transaction as the reads: an export that could not be
    logged is not given (as `verzoeken.selectors.verzoeken_exporteren`).

    Args:
        gebruiker: the user who exports (the audit's actor).
        jaar: as `rapportage_maken`.
        eenheid_code: as `rapportage_maken`.
        procedure_id: as `rapportage_maken`.
        formaat: ``"csv"`` or ``"xlsx"``.
        nu: as `rapportage_maken`.
    """
    with transaction.atomic():
        rapportage = rapportage_maken(
            gebruiker=gebruiker,
            jaar=jaar,
            eenheid_code=eenheid_code,
            procedure_id=procedure_id,
            nu=nu,
        )
        audit_record(
            gebeurtenis=RAPPORTAGE_GEEXPORTEERD,
            actor=gebruiker,
            object_type="rapportages.rapportage",
            object_id=str(jaar),
            na={
                "formaat": formaat,
                "filters": {"jaar": jaar, "eenheid": eenheid_code, "procedure": procedure_id},
                "landelijk": rapportage.landelijk,
            },
        )
    return rapportage
