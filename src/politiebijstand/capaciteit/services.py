"""Availability, conflicts and claims of the capacity register (issue #11 item 1, ADR 0038).

Periods are half-open, [van, tot): a claim ending at 10:00 and one starting at 10:00 do not
overlap. Datetimes are aware and stored in UTC; messages show Europe/Amsterdam.

`verzoeken` calls `claims_maken` (tentative at the request's start and at the LOCC's step
"verwerkt de aanvraag in haar capaciteitenoverzichten", firm at a grant) and `claims_vrijgeven`
(refusal, withdrawal, end of the deployment). This app never imports `verzoeken`.

Bron: issue #11 item 1; factsheet, toelichting 2; Politiewet 2012 art. 56 to 58.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from politiebijstand.capaciteit.constants import (
    CapaciteitSoort,
    ClaimSoort,
    ConflictSoort,
    MiddelStatus,
)
from politiebijstand.capaciteit.models import Capaciteit, Claim
from politiebijstand.capaciteit.register import DEMO, REGISTER, Regel
from politiebijstand.organisaties.models import Organisatie


class OngeldigeClaim(ValueError):
    """Bad input for a claim; `veld` names the field, the message is Dutch."""

    def __init__(self, melding: str, *, veld: str) -> None:
        super().__init__(melding)
        self.melding = melding
        self.veld = veld


def _lokaal(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"


def _aware(waarde: datetime, veld: str) -> datetime:
    if waarde.tzinfo is None or waarde.utcoffset() is None:
        raise OngeldigeClaim(f"{veld}: een datum en tijd met tijdzone is vereist", veld=veld)
    return waarde


def _actief() -> Q:
    return Q(vrijgegeven_op__isnull=True)


def _beschikbaar_middel(capaciteit: Capaciteit) -> bool:
    return not capaciteit.benoemd or capaciteit.status == MiddelStatus.BESCHIKBAAR


@dataclass(frozen=True)
class Beschikbaarheid:
    """What is left of one capacity at one moment.

    Attributes:
        capaciteit: the capacity.
        totaal: its `aantal`; 0 for a named resource in maintenance or deployed elsewhere.
        vast: units held by firm claims at the moment.
        voorlopig: units held by tentative claims at the moment.
        claims: the claims that hold it at the moment.
        beschikbaar: totaal - vast - voorlopig; negative when overdrawn.
    """

    capaciteit: Capaciteit
    totaal: int
    vast: int
    voorlopig: int
    claims: tuple[Claim, ...] = ()

    @property
    def beschikbaar(self) -> int:
        return self.totaal - self.vast - self.voorlopig

    @property
    def overschreden(self) -> bool:
        return self.beschikbaar < 0


def _beschikbaarheid(capaciteit: Capaciteit, claims: Iterable[Claim]) -> Beschikbaarheid:
    claims = tuple(claims)
    for claim in claims:
        claim.capaciteit = capaciteit
    vast = voorlopig = 0
    for claim in claims:
        if claim.soort == ClaimSoort.VAST:
            vast += claim.aantal
        else:
            voorlopig += claim.aantal
    totaal = capaciteit.aantal if _beschikbaar_middel(capaciteit) else 0
    return Beschikbaarheid(
        capaciteit=capaciteit, totaal=totaal, vast=vast, voorlopig=voorlopig, claims=claims
    )


def beschikbaarheid(capaciteit: Capaciteit, moment: datetime) -> Beschikbaarheid:
    """Availability of `capaciteit` at `moment` (aware; any zone): the claims that hold it then.

    A claim holds [van, tot): at ``moment == tot`` it no longer counts. A named resource in
    maintenance or deployed elsewhere (its `status`) has nothing available.

    Raises:
        OngeldigeClaim: a naive `moment` (field ``moment``).
    """
    moment = _aware(moment, "moment")
    claims = Claim.objects.filter(_actief(), capaciteit=capaciteit, van__lte=moment, tot__gt=moment)
    return _beschikbaarheid(capaciteit, claims)


def register_op(moment: datetime) -> list[Beschikbaarheid]:
    """Availability of every active capacity at `moment`, by provider code, kind and name.

    Two queries. Raises `OngeldigeClaim` for a naive `moment`.
    """
    moment = _aware(moment, "moment")
    capaciteiten = list(Capaciteit.objects.filter(actief=True).select_related("organisatie"))
    per: dict[int, list[Claim]] = defaultdict(list)
    for claim in Claim.objects.filter(_actief(), van__lte=moment, tot__gt=moment):
        per[claim.capaciteit_id].append(claim)
    return [_beschikbaarheid(c, per[c.pk]) for c in capaciteiten]


@dataclass(frozen=True)
class Conflict:
    """Claims that do not fit the register.

    Attributes:
        soort: `ConflictSoort`.
        capaciteit: the capacity concerned (None for GEEN_CAPACITEIT).
        van, tot: the first period (UTC, half-open) in which it is overdrawn; or the claim's.
        geclaimd: units claimed at the worst moment of that period.
        melding: the warning in Dutch, times in Europe/Amsterdam.
        andere: the active claims of other requests on the same capacity in that period
            (``verzoek`` selected), by request and start; not compared (the same conflict
            seen from the other request lists the other claims).
    """

    soort: str
    capaciteit: Capaciteit | None
    van: datetime
    tot: datetime
    geclaimd: int
    melding: str
    andere: tuple[Claim, ...] = field(default=(), compare=False)


def _overbelasting(
    aantal: int, claims: Sequence[Claim], binnen: Sequence[tuple[datetime, datetime]]
) -> tuple[datetime, datetime, int] | None:
    """The first stretch in which `claims` hold more than `aantal` and that meets `binnen`.

    A sweep over the starts and ends; at one instant ends go before starts (half-open).
    Returns (van, tot, the highest load in that stretch), or None.
    """
    gebeurtenissen = sorted(
        [(c.van, 1, c.aantal) for c in claims] + [(c.tot, 0, -c.aantal) for c in claims]
    )
    last = 0
    begin: datetime | None = None
    hoogste = 0
    for i, (moment, _, delta) in enumerate(gebeurtenissen):
        last += delta
        volgend = gebeurtenissen[i + 1][0] if i + 1 < len(gebeurtenissen) else None
        if volgend is not None and volgend == moment:
            continue  # settle all events at one instant first
        if last > aantal:
            if begin is None:
                begin, hoogste = moment, last
            hoogste = max(hoogste, last)
        elif begin is not None:
            if any(v < moment and begin < t for v, t in binnen):
                return begin, moment, hoogste
            begin, hoogste = None, 0
    return None


def conflicten(claims: Iterable[Claim]) -> list[Conflict]:
    """The conflicts of `claims` with every other active claim on their capacities.

    Flags a named resource claimed twice in overlapping periods (``dubbel``), pooled capacity
    overdrawn (``overschreden``) and claims of a named resource in maintenance or deployed
    elsewhere (``onderhoud``, ``ingezet``). Released claims are ignored. One query for the
    other claims (pass claims with ``capaciteit__organisatie`` selected).

    Returns:
        The conflicts, by capacity name and time.
    """
    eigen = [c for c in claims if c.vrijgegeven_op is None]
    if not eigen:
        return []
    per_capaciteit: dict[int, list[Claim]] = defaultdict(list)
    for claim in eigen:
        per_capaciteit[claim.capaciteit_id].append(claim)
    begin = min(c.van for c in eigen)
    eind = max(c.tot for c in eigen)
    alle: dict[int, dict[int, Claim]] = defaultdict(dict)
    for claim in Claim.objects.select_related("verzoek").filter(
        _actief(), capaciteit_id__in=per_capaciteit, van__lt=eind, tot__gt=begin
    ):
        alle[claim.capaciteit_id][claim.pk] = claim
    for claim in eigen:
        alle[claim.capaciteit_id].setdefault(claim.pk or -id(claim), claim)
    gevonden: list[Conflict] = []
    for capaciteit_id, eigen_claims in per_capaciteit.items():
        capaciteit = eigen_claims[0].capaciteit
        eerste = min(eigen_claims, key=lambda c: c.van)
        if capaciteit.benoemd and capaciteit.status != MiddelStatus.BESCHIKBAAR:
            soort = (
                ConflictSoort.ONDERHOUD
                if capaciteit.status == MiddelStatus.ONDERHOUD
                else ConflictSoort.INGEZET
            )
            waar = f" ({capaciteit.locatie})" if capaciteit.locatie else ""
            gevonden.append(
                Conflict(
                    soort=soort,
                    capaciteit=capaciteit,
                    van=eerste.van,
                    tot=eerste.tot,
                    geclaimd=sum(c.aantal for c in eigen_claims),
                    melding=f"{capaciteit.naam} is {capaciteit.get_status_display().lower()}"
                    f"{waar} en kan niet worden ingezet.",
                )
            )
        binnen = [(c.van, c.tot) for c in eigen_claims]
        te_veel = _overbelasting(capaciteit.aantal, list(alle[capaciteit_id].values()), binnen)
        if te_veel is None:
            continue
        van, tot, geclaimd = te_veel
        periode = f"van {_lokaal(van)} tot {_lokaal(tot)}"
        if capaciteit.benoemd:
            soort, melding = (
                ConflictSoort.DUBBEL,
                f"{capaciteit.naam} is {geclaimd} keer geclaimd {periode}.",
            )
        else:
            soort, melding = (
                ConflictSoort.OVERSCHREDEN,
                f"{capaciteit.naam}: {geclaimd} geclaimd van {capaciteit.aantal} in totaal "
                f"({geclaimd - capaciteit.aantal} te veel) {periode}.",
            )
        eigen_verzoeken = {c.verzoek_id for c in eigen_claims}
        andere = tuple(
            sorted(
                (
                    c
                    for c in alle[capaciteit_id].values()
                    if c.verzoek_id not in eigen_verzoeken and c.van < tot and van < c.tot
                ),
                key=lambda c: (c.verzoek_id, c.van),
            )
        )
        gevonden.append(Conflict(soort, capaciteit, van, tot, geclaimd, melding, andere))
    return sorted(gevonden, key=lambda c: (c.capaciteit.naam if c.capaciteit else "", c.van))


# --- Matching a requested line to the register ------------------------------------------

#: Kind of capacity per supplier (contract: leverancier) and, for JenV, per middel.
_PER_MIDDEL = {
    "waterwerper": CapaciteitSoort.WATERWERPER,
    "bewakingscontainer": CapaciteitSoort.BEWAKINGSCONTAINER,
    "vrt_voertuig": CapaciteitSoort.VRT_VOERTUIG,
}
_PER_LEVERANCIER = {
    "kmar": CapaciteitSoort.BIJSTANDSEENHEID_KMAR,
    "krijgsmacht": CapaciteitSoort.DEFENSIECAPACITEIT,
    "buitenland": CapaciteitSoort.BUITENLANDSE_PARTNER,
}


def soort_voor(*, leverancier: str, middel: str, omschrijving: str) -> str | None:
    """The kind of capacity a requested line asks, or None when the register has none.

    Explicit rules (ADR 0038): a JenV part by its middel; KMar, Defence and foreign partners by
    supplier; a police line by its words: "aanhoud" an arrest team, "ME" or "peloton" an ME
    platoon, else a specialism.
    """
    if leverancier == "middelen_jenv":
        return _PER_MIDDEL.get(middel)
    if leverancier in _PER_LEVERANCIER:
        return _PER_LEVERANCIER[leverancier]
    if leverancier == "politie":
        tekst = omschrijving.lower()
        if "aanhoud" in tekst:
            return CapaciteitSoort.AANHOUDINGSEENHEID
        if re.search(r"\bme\b|me-|peloton", tekst):
            return CapaciteitSoort.ME_PELOTON
        return CapaciteitSoort.SPECIALISME
    return None


@dataclass(frozen=True)
class Vraag:
    """One requested line, as `verzoeken` passes it in.

    Attributes:
        regel_id: the `GevraagdeInzet`'s primary key.
        omschrijving: its words, e.g. "ME-peloton".
        aantal: how many (units, vehicles); None counts as 1.
        leverancier, middel: of the part (contract values).
    """

    regel_id: int | None
    omschrijving: str
    aantal: int | None
    leverancier: str
    middel: str = ""


@dataclass(frozen=True)
class ClaimResultaat:
    """What `claims_maken` did: the claims made, and the lines no capacity matched."""

    claims: list[Claim]
    niet_gevonden: list[Vraag]

    def in_woorden(self) -> str:
        """One line in Dutch for the step's record, e.g. "2 × ME Amsterdam (voorlopig)"."""
        delen = [
            f"{c.aantal} × {c.capaciteit.naam} ({c.get_soort_display().lower()})"
            for c in self.claims
        ]
        delen += [f"geen capaciteit voor '{v.omschrijving}'" for v in self.niet_gevonden]
        return "; ".join(delen) or "niets geclaimd"


def _vrij(capaciteit: Capaciteit, claims: Sequence[Claim], van: datetime, tot: datetime) -> int:
    """Units of `capaciteit` free during the whole of [van, tot), given the other claims."""
    if not _beschikbaar_middel(capaciteit):
        return 0
    gebeurtenissen = sorted(
        [(max(c.van, van), c.aantal) for c in claims if c.van < tot and c.tot > van]
        + [(min(c.tot, tot), -c.aantal) for c in claims if c.van < tot and c.tot > van],
        key=lambda g: (g[0], g[1]),
    )
    last = hoogste = 0
    for _, delta in gebeurtenissen:
        last += delta
        hoogste = max(hoogste, last)
    return max(capaciteit.aantal - hoogste, 0)


@transaction.atomic
def claims_maken(
    *,
    verzoek_id: int,
    deelverzoek_id: int,
    vragen: Sequence[Vraag],
    van: datetime,
    tot: datetime,
    soort: str,
    nu: datetime,
    niet_van: Collection[int] = (),
) -> ClaimResultaat:
    """Replace the part's active claims by new ones for `vragen` over [van, tot).

    Each line is matched by `soort_voor`; its number (None: 1) is taken from the capacities of
    that kind, in provider code and name order, as far as they are free over the whole period
    (a named resource only when available); what does not fit is put on the first capacity, so
    that the conflict shows (a firm grant is never refused here: the decision is the
    authority's; the register warns before it).

    Args:
        verzoek_id: the request's primary key.
        deelverzoek_id: its part's primary key.
        vragen: the lines; a line with aantal 0 claims nothing.
        van: aware start of the period (included).
        tot: aware end of the period (excluded), after van.
        soort: ``"voorlopig"`` or ``"vast"``.
        nu: aware datetime of the change (UTC stored).
        niet_van: organisation ids whose capacity is not claimed (the requesting unit: it
            asks for assistance because its own does not suffice).

    Raises:
        OngeldigeClaim: a naive time (``van``, ``tot``), ``tot`` not after ``van``, an unknown
            ``soort``. Nothing was changed.
    """
    van, tot, nu = _aware(van, "van"), _aware(tot, "tot"), _aware(nu, "nu")
    if tot <= van:
        raise OngeldigeClaim("tot: het einde moet na het begin liggen", veld="tot")
    if soort not in ClaimSoort.values:
        raise OngeldigeClaim("soort: kies voorlopig of vast", veld="soort")
    Claim.objects.filter(_actief(), deelverzoek_id=deelverzoek_id).update(vrijgegeven_op=nu)
    soorten = {
        v: soort_voor(leverancier=v.leverancier, middel=v.middel, omschrijving=v.omschrijving)
        for v in vragen
    }
    kandidaten: dict[str, list[Capaciteit]] = defaultdict(list)
    for capaciteit in (
        Capaciteit.objects.filter(actief=True, soort__in={s for s in soorten.values() if s})
        .exclude(organisatie_id__in=niet_van)
        .select_related("organisatie")
    ):
        kandidaten[capaciteit.soort].append(capaciteit)
    bestaand: dict[int, list[Claim]] = defaultdict(list)
    for claim in Claim.objects.filter(
        _actief(), capaciteit__soort__in=kandidaten, van__lt=tot, tot__gt=van
    ):
        bestaand[claim.capaciteit_id].append(claim)
    gemaakt: list[Claim] = []
    niet_gevonden: list[Vraag] = []
    for vraag in vragen:
        gevraagd = 1 if vraag.aantal is None else vraag.aantal
        lijst = kandidaten.get(soorten[vraag] or "", [])
        if gevraagd <= 0:
            continue
        if not lijst:
            niet_gevonden.append(vraag)
            continue
        verdeling: dict[int, int] = {}
        rest = gevraagd
        for capaciteit in lijst:
            neem = min(_vrij(capaciteit, bestaand[capaciteit.pk], van, tot), rest)
            if neem > 0:
                verdeling[capaciteit.pk] = neem
                rest -= neem
            if rest == 0:
                break
        if rest:
            verdeling[lijst[0].pk] = verdeling.get(lijst[0].pk, 0) + rest
        per_pk = {c.pk: c for c in lijst}
        for pk, aantal in verdeling.items():
            claim = Claim.objects.create(
                capaciteit=per_pk[pk],
                aantal=aantal,
                van=van,
                tot=tot,
                soort=soort,
                verzoek_id=verzoek_id,
                deelverzoek_id=deelverzoek_id,
                regel_id=vraag.regel_id,
                aangemaakt_op=nu,
            )
            bestaand[pk].append(claim)
            gemaakt.append(claim)
    return ClaimResultaat(claims=gemaakt, niet_gevonden=niet_gevonden)


def claims_vrijgeven(
    *, nu: datetime, verzoek_id: int | None = None, deelverzoek_id: int | None = None
) -> int:
    """Release the active claims of a part (or of a whole request); returns how many."""
    _aware(nu, "nu")
    if verzoek_id is None and deelverzoek_id is None:
        raise OngeldigeClaim("verzoek of deelverzoek is vereist", veld="verzoek")
    filter_ = Q(deelverzoek_id=deelverzoek_id) if deelverzoek_id else Q(verzoek_id=verzoek_id)
    return Claim.objects.filter(_actief(), filter_).update(vrijgegeven_op=nu)


def register_laden(regels: Iterable[Regel] | None = None) -> int:
    """Create or update the register's entries by provider and name; returns how many.

    Default: the demo register of `capaciteit.register` (invented numbers, ADR 0038). Entries
    whose provider is not in the reference data are skipped. Claims are kept.
    """
    te_laden = list(REGISTER if regels is None else regels)
    organisaties = Organisatie.objects.in_bulk({r.organisatie for r in te_laden}, field_name="code")
    geladen = 0
    with transaction.atomic():
        for r in te_laden:
            organisatie = organisaties.get(r.organisatie)
            if organisatie is None:
                continue
            Capaciteit.objects.update_or_create(
                organisatie=organisatie,
                naam=r.naam,
                defaults={
                    "soort": r.soort,
                    "aantal": r.aantal,
                    "benoemd": r.benoemd,
                    "status": r.status,
                    "locatie": r.locatie,
                    "reactietijd": r.reactietijd,
                    "verdrag": r.verdrag,
                    "bron": DEMO,
                    "actief": True,
                },
            )
            geladen += 1
    return geladen
