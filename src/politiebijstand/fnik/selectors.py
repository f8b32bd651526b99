"""The FNIK overview of a year: budget, committed, spent, left, forecast and flags (#11 item 3).

Need-to-know: the overview is national and for the LOCC and beheerders only
(`services.mag_fnik_zien`); the page refuses everyone else (403). It lists deployments by
their reference and amounts only, no request's details, so reading it is not audited.

Method (ADR 0041), all in `Decimal` euros, rounded half up to cents:

- vastgelegd: per deployment of the year its actual costs if recorded, else its estimate.
- besteed: the sum of the actual costs.
- open ramingen: the estimates of deployments without actual costs.
- resterend: budget - vastgelegd (None without a budget).
- prognose: besteed + open ramingen (what the year will cost for what is known).
- lineaire prognose: besteed / the elapsed fraction of the year in Europe/Amsterdam
  (seconds since 1 January 00:00 divided by the seconds of the year); the whole year for a
  past year; None for a future year or at its very start.
- uitzonderlijk: a deployment whose amount (the estimate, or the actual costs when higher)
  exceeds `FNIK_DREMPEL_FRACTIE` (default 0.10) of the year's budget, or whose period exceeds
  `FNIK_DREMPEL_DAGEN` (default 14) days; strictly more, the threshold itself is not. Art. 5
  of the convenant FNIK: "uitzonderlijk grootschalige of langdurige inzet" (factsheet,
  toelichting 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from django.conf import settings

from politiebijstand.fnik.models import Budget, Kostenpost, KostenSoort
from politiebijstand.fnik.services import AMSTERDAM

CENT = Decimal("0.01")
#: The convenant's words for the flag (art. 5; factsheet, toelichting 10).
ART_5 = "uitzonderlijk grootschalige of langdurige inzet (art. 5 convenant FNIK)"


def drempel_fractie() -> Decimal:
    """The share of the year's budget above which a deployment is exceptional (default 0.10)."""
    return Decimal(str(getattr(settings, "FNIK_DREMPEL_FRACTIE", "0.10")))


def drempel_dagen() -> int:
    """The length in days above which a deployment is exceptional (default 14)."""
    return int(getattr(settings, "FNIK_DREMPEL_DAGEN", 14))


@dataclass(frozen=True)
class Inzet:
    """One military deployment (part of a request) with its FNIK amounts."""

    deelverzoek_id: int
    kenmerk: str
    procedure_id: str
    periode_start: datetime  # UTC
    periode_eind: datetime  # UTC
    raming: Decimal | None
    werkelijk: Decimal | None
    toelichting: str
    groot: bool
    lang: bool
    verzoek_uuid: UUID | None = None

    @property
    def uitzonderlijk(self) -> bool:
        return self.groot or self.lang

    @property
    def reden(self) -> str:
        """The flag's reason in Dutch, empty when not exceptional."""
        delen = [t for t, ja in (("grootschalig", self.groot), ("langdurig", self.lang)) if ja]
        return " en ".join(delen)


@dataclass(frozen=True)
class Overzicht:
    """The FNIK figures of one calendar year, in euros."""

    jaar: int
    budget: Decimal | None
    vastgelegd: Decimal
    besteed: Decimal
    open_ramingen: Decimal
    resterend: Decimal | None
    prognose: Decimal
    lineaire_prognose: Decimal | None
    verstreken: Decimal  # elapsed fraction of the year, 0 to 1, 4 decimals
    drempel_bedrag: Decimal | None
    drempel_dagen: int
    inzetten: tuple[Inzet, ...]


def verstreken_fractie(jaar: int, nu: datetime) -> Decimal:
    """The elapsed fraction of `jaar` in Europe/Amsterdam at `nu`, from 0 to 1 (exact Decimal)."""
    begin = datetime(jaar, 1, 1, tzinfo=AMSTERDAM).astimezone(UTC)
    eind = datetime(jaar + 1, 1, 1, tzinfo=AMSTERDAM).astimezone(UTC)
    if nu <= begin:
        return Decimal(0)
    if nu >= eind:
        return Decimal(1)
    verstreken = (nu - begin) // timedelta(microseconds=1)
    totaal = (eind - begin) // timedelta(microseconds=1)
    return Decimal(verstreken) / Decimal(totaal)


def overzicht(jaar: int, *, nu: datetime) -> Overzicht:
    """The FNIK overview of `jaar` at `nu` (aware); see the module for the method."""
    budget_rij = Budget.objects.filter(jaar=jaar).first()
    budget = budget_rij.bedrag if budget_rij else None
    fractie = drempel_fractie()
    dagen = drempel_dagen()
    drempel_bedrag = (budget * fractie).quantize(CENT, ROUND_HALF_UP) if budget else None
    # Exercises are left out (issue #11 item 5, ADR 0043).
    posten = (
        Kostenpost.objects.filter(jaar=jaar)
        .exclude(verzoek__oefening=True)
        .select_related("verzoek", "deelverzoek")
    )
    per_deel: dict[int, dict[str, Kostenpost]] = {}
    for post in posten.order_by("verzoek__periode_start", "deelverzoek_id"):
        per_deel.setdefault(post.deelverzoek_id, {})[post.soort] = post
    inzetten = []
    vastgelegd = besteed = open_ramingen = Decimal("0.00")
    for deel_id, soorten in per_deel.items():
        raming = soorten.get(KostenSoort.RAMING)
        werkelijk = soorten.get(KostenSoort.WERKELIJK)
        eerste = raming or werkelijk
        assert eerste is not None  # noqa: S101 - every entry has at least one post
        verzoek = eerste.verzoek
        r = raming.bedrag if raming else None
        w = werkelijk.bedrag if werkelijk else None
        if w is not None:
            besteed += w
            vastgelegd += w
        elif r is not None:
            open_ramingen += r
            vastgelegd += r
        hoogste = max(b for b in (r, w) if b is not None)
        inzetten.append(
            Inzet(
                deelverzoek_id=deel_id,
                kenmerk=str(verzoek.kenmerk),
                verzoek_uuid=verzoek.uuid,
                procedure_id=str(eerste.deelverzoek.procedure_id),
                periode_start=verzoek.periode_start,
                periode_eind=verzoek.periode_eind,
                raming=r,
                werkelijk=w,
                toelichting=werkelijk.toelichting if werkelijk else "",
                groot=drempel_bedrag is not None and hoogste > drempel_bedrag,
                lang=verzoek.periode_eind - verzoek.periode_start > timedelta(days=dagen),
            )
        )
    verstreken = verstreken_fractie(jaar, nu)
    lineair = (besteed / verstreken).quantize(CENT, ROUND_HALF_UP) if verstreken else None
    return Overzicht(
        jaar=jaar,
        budget=budget,
        vastgelegd=vastgelegd,
        besteed=besteed,
        open_ramingen=open_ramingen,
        resterend=budget - vastgelegd if budget is not None else None,
        prognose=besteed + open_ramingen,
        lineaire_prognose=lineair,
        verstreken=verstreken.quantize(Decimal("0.0001"), ROUND_HALF_UP),
        drempel_bedrag=drempel_bedrag,
        drempel_dagen=dagen,
        inzetten=tuple(inzetten),
    )


def zichtbare_deelverzoeken(gebruiker: Any, deelverzoek_ids: set[int]) -> set[int]:
    """Of these parts' ids, those whose request the user's organisation takes part in.

    The need-to-know rule of the request page (`toegang`: the organisation is a participant,
    `Bijstandsverzoek.deelnemers`), for the FNIK table's links; an inactive user or
    organisation sees none. One query.
    """
    organisatie = getattr(gebruiker, "organisatie", None)
    if (
        not deelverzoek_ids
        or not getattr(gebruiker, "is_active", False)
        or organisatie is None
        or not organisatie.actief
    ):
        return set()
    return set(
        Kostenpost.objects.filter(
            deelverzoek_id__in=deelverzoek_ids, verzoek__deelnemers=organisatie
        ).values_list("deelverzoek_id", flat=True)
    )
