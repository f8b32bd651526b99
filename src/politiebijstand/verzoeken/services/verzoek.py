"""The request and its parts: make a request from the advice, and withdraw it (issue #4).

Each service takes keyword-only arguments, runs in one transaction, writes its audit event
(`audit.services.audit_record`) and its outbox messages (`meldingen.services.bericht_schrijven`)
in that transaction, and raises a `verzoeken.exceptions.VerzoekFout` with a Dutch message and
the offending field when it refuses; then nothing was changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction

from politiebijstand.audit.services import audit_record
from politiebijstand.meldingen.services import bericht_schrijven
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures import engine
from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.rules import (
    Advies,
    AdviesUitkomst,
    Indiener,
    OngeldigeSituatie,
    Route,
    Situatie,
    Zienswijze,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.rules.engine import aanvraagbare_routes
from politiebijstand.toegang.regels import organisatie_code
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    TAAK_OPENSTAAND,
    DeelverzoekStatus,
    Gebeurtenis,
    Gezag,
    Handeling,
    TaakStatus,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    OngeldigeInvoer,
    OngeldigeOvergang,
)
from politiebijstand.verzoeken.models import (
    Bijstandsverzoek,
    Deelverzoek,
    GevraagdeInzet,
    Taak,
    verzoek_snapshot,
)
from politiebijstand.verzoeken.selectors import eenheid_van_rccb
from politiebijstand.verzoeken.services.capaciteit import claims_loslaten, voorlopig_claimen
from politiebijstand.verzoeken.services.gedeeld import (
    actieve_organisatie,
    bericht_tekst,
    berichten_nieuwe_taken,
    controleer_namens_aanvrager,
    deelverzoek_onder_slot,
    nu_utc,
    periode,
    tekst,
    timer_plannen_na_commit,
)

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker


@dataclass(frozen=True)
class InzetRegel:
    """One requested line when making a request.

    Attributes:
        omschrijving: what is asked, e.g. ``"ME-peloton"``.
        aantal: how many, or None (e.g. for a desired effect).
        deel: the part (1-based, in the order of the allowed routes of the advice).
    """

    omschrijving: str
    aantal: int | None = None
    deel: int = 1


@dataclass(frozen=True, slots=True)
class _Gemeenten:
    """The request's municipalities, for the tasks done once per municipality.

    Contract, interpretation 12: a route signed by a burgemeester has one form per
    municipality, each signed by its own burgemeester (Pw 2012 art. 56 lid 1), and each with
    its own zienswijze: needed unless that municipality's burgemeester is the regioburgemeester
    of the unit (art. 56 lid 3), derived from the reference data, not from the situation's
    answer.

    Attributes:
        gezag: the request's gezag.
        gemeenten: the municipalities, the authority's own first (`_gemeenten_controleren`).
        regioburgemeester: the municipality of the unit's regioburgemeester, or None.
    """

    gezag: Gezag
    gemeenten: tuple[Organisatie, ...]
    regioburgemeester: Organisatie | None

    def ondertekenaars(self, route: Route) -> list[str] | None:
        """The codes of the municipalities that each sign, or None (one form, the default)."""
        if self.gezag != Gezag.BURGEMEESTER or route.indiener != Indiener.BURGEMEESTER:
            return None
        return [g.code for g in self.gemeenten] or None

    def zienswijze(self, route: Route) -> list[str] | None:
        """The codes of the municipalities whose form needs the regioburgemeester's zienswijze.

        None when the route has no zienswijze, when it is urgent, when the gezag is not the
        burgemeester, or when no municipality is known (one form: the advice decides).
        """
        if (
            not self.gemeenten
            or self.gezag != Gezag.BURGEMEESTER
            or route.zienswijze_regioburgemeester in (None, Zienswijze.NIET_VEREIST_SPOED)
        ):
            return None
        regio = self.regioburgemeester
        return [g.code for g in self.gemeenten if regio is None or g.pk != regio.pk]

    def zienswijze_vereist(self, route: Route) -> bool:
        """Whether any form needs the zienswijze (the advice's answer for one form)."""
        per_gemeente = self.zienswijze(route)
        if per_gemeente is None:
            return route.zienswijze_regioburgemeester == Zienswijze.VEREIST
        return bool(per_gemeente)


#: How the advice, the situation and the municipalities fill each start variable a procedure
#: may declare, in the order they are stored. Which ones a procedure takes is read from its
#: declaration (`procedures.definities`, the start event's ``velden``), not from its id.
_STARTGEGEVEN: Mapping[str, Callable[[Route, Situatie, _Gemeenten], object]] = {
    "spoed": lambda route, situatie, gemeenten: situatie.spoed,
    "formalisatie_termijn": lambda route, situatie, gemeenten: settings.FORMALISATIE_TERMIJN,
    "zienswijze_termijn": lambda route, situatie, gemeenten: settings.ZIENSWIJZE_TERMIJN,
    "zienswijze_vereist": lambda route, situatie, gemeenten: gemeenten.zienswijze_vereist(route),
    "indiener": lambda route, situatie, gemeenten: route.indiener.value if route.indiener else None,
    "oefening": lambda route, situatie, gemeenten: any(
        g.oefening for g in situatie.gevraagd if (g.middel or "") == (route.middel or "")
    ),
    "convenant": lambda route, situatie, gemeenten: situatie.convenant,
    "gemeenten": lambda route, situatie, gemeenten: gemeenten.ondertekenaars(route),
    "gemeenten_zienswijze": lambda route, situatie, gemeenten: gemeenten.zienswijze(route) or None,
}


@cache
def _gedeclareerde_startgegevens(process_id: str) -> frozenset[str]:
    """The start variables the procedure's start event declares (`procedures.definities`)."""
    for proces in PROCESSEN:
        if proces.id == process_id:
            return frozenset(
                naam
                for knoop in proces.knopen.values()
                if knoop.soort == "start"
                for naam in knoop.velden
            )
    return frozenset()


def _startgegevens(
    procedure: engine.Procedure, route: Route, situatie: Situatie, gemeenten: _Gemeenten
) -> dict[str, Any]:
    """The start data of a part's run: each declared start variable that the advice fills.

    A variable the advice leaves empty (no ``indiener`` on the route) is left to the model's
    default. Bron: the start events of `procedures.definities`; factsheet, toelichting 1 to 8.
    """
    gedeclareerd = _gedeclareerde_startgegevens(procedure.process_id)
    data: dict[str, Any] = {}
    for naam, waarde_van in _STARTGEGEVEN.items():
        if naam in gedeclareerd and (waarde := waarde_van(route, situatie, gemeenten)) is not None:
            data[naam] = waarde
    return data


def _advies_voor_verzoek(
    situatie: Mapping[str, Any],
) -> tuple[Situatie, Advies, list[Route], Gezag]:
    """The situation, its advice, the routes that may be requested, and the bevoegd gezag.

    Raises:
        OngeldigeInvoer: an invalid situation (``veld`` ``situatie.<path>``), or an advice that
            is no bijstand or has no route that may be requested.
    """
    try:
        sit = situatie_from_dict(situatie)
    except OngeldigeSituatie as exc:
        veld = getattr(exc, "veld", "") or getattr(exc, "field", "")
        raise OngeldigeInvoer(str(exc), veld=f"situatie.{veld}" if veld else "situatie") from exc
    advies = advies_bepalen(sit)
    if advies.uitkomst != AdviesUitkomst.BIJSTAND:
        raise OngeldigeInvoer(
            f"het advies is '{advies.uitkomst.value}': daarvoor is geen bijstandsverzoek nodig "
            "of mogelijk",
            veld="situatie",
        )
    routes = list(aanvraagbare_routes(advies))
    if not routes:
        raise OngeldigeInvoer(
            "het advies heeft geen toegestane route; pas de situatie aan", veld="situatie"
        )
    if advies.gezag is None:  # pragma: no cover - bijstand always has a gezag
        raise OngeldigeInvoer("het advies noemt geen bevoegd gezag", veld="situatie")
    return sit, advies, routes, Gezag(advies.gezag.value)


def _bevoegd_gezag_controleren(
    bevoegd_gezag: Organisatie, *, gezag: Gezag, eenheid: Organisatie
) -> None:
    """The authority fits the advice's gezag (a municipality or a parket) and the unit."""
    verwacht_soort = "gezag" if gezag == Gezag.BURGEMEESTER else "openbaar_ministerie"
    if bevoegd_gezag.soort != verwacht_soort:
        wie = "een gemeente" if gezag == Gezag.BURGEMEESTER else "een arrondissementsparket"
        raise OngeldigeInvoer(
            f"het bevoegd gezag is hier {gezag.label.lower()}: kies {wie}",
            veld="bevoegd_gezag",
        )
    if bevoegd_gezag.eenheid_id != eenheid.pk:
        raise OngeldigeInvoer(
            f"{bevoegd_gezag.naam} ligt niet in het gebied van {eenheid.naam}",
            veld="bevoegd_gezag",
        )


def _gemeenten_controleren(
    gemeenten: Sequence[Organisatie],
    *,
    bevoegd_gezag: Organisatie,
    gezag: Gezag,
    eenheid: Organisatie,
) -> list[Organisatie]:
    """The municipalities of the deployment, all in the unit; the burgemeester's own first."""
    result = list(gemeenten)
    for gemeente in result:
        if gemeente.soort != "gezag" or gemeente.eenheid_id != eenheid.pk:
            raise OngeldigeInvoer(
                f"{gemeente.naam} is geen gemeente in het gebied van {eenheid.naam}",
                veld="gemeenten",
            )
    if gezag == Gezag.BURGEMEESTER and bevoegd_gezag not in result:
        result.insert(0, bevoegd_gezag)
    return result


def _regels_controleren(regels: Sequence[InzetRegel], *, delen: int) -> None:
    """Each requested line has a text, a positive number or none, and an existing part."""
    for i, regel in enumerate(regels):
        tekst(regel.omschrijving, f"regels[{i}].omschrijving", max_length=300)
        if regel.aantal is not None and regel.aantal < 1:
            raise OngeldigeInvoer("een positief geheel getal of leeg", veld=f"regels[{i}].aantal")
        if not 1 <= regel.deel <= delen:
            raise OngeldigeInvoer(
                f"deel {regel.deel} bestaat niet (1 tot {delen})", veld=f"regels[{i}].deel"
            )


def _deelverzoek_starten(
    *,
    verzoek: Bijstandsverzoek,
    volgnummer: int,
    route: Route,
    situatie: Situatie,
    gemeenten: _Gemeenten,
    regels: Sequence[InzetRegel],
    door: Gebruiker,
    nu: datetime,
) -> tuple[list[Taak], set[str]]:
    """Start one part: its procedure's run, its requested lines, its status and its tasks.

    Returns:
        The part's new tasks, and the codes of the organisations that take part in its run.

    Raises:
        OngeldigeInvoer: a lane of the run has no organisation for this request (field
            ``bevoegd_gezag``).
    """
    procedure = engine.procedure_for_route(route.procedure, route.middel)
    start_data = _startgegevens(procedure, route, situatie, gemeenten)
    run = engine.procedure_start(procedure.id, start_data, now=nu)
    deelverzoek = Deelverzoek.objects.create(
        verzoek=verzoek,
        volgnummer=volgnummer,
        procedure_id=procedure.id,
        leverancier=route.leverancier,
        middel=route.middel or "",
        route=route.to_dict(),
        startgegevens=start_data,
        **workflow.run_velden(run, nu=nu),
        regels_versie=verzoek.regels_versie,
        periode_start=verzoek.periode_start,
        periode_eind=verzoek.periode_eind,
        eenheid_id=verzoek.eenheid_id,
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    deelverzoek.verzoek = verzoek
    GevraagdeInzet.objects.bulk_create(
        [
            GevraagdeInzet(
                deelverzoek=deelverzoek,
                volgnummer=i,
                omschrijving=r.omschrijving.strip(),
                aantal=r.aantal,
            )
            for i, r in enumerate(regels, start=1)
        ]
    )
    # The part in process holds tentative claims in the capacity register (ADR 0038).
    voorlopig_claimen(deelverzoek, nu=nu)
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek, handeling=Handeling.STARTEN, door=door, nu=nu
    )
    try:
        lanes = workflow.deelnemende_lanes(run, start_data)
        codes = set(workflow.lane_organisatie_codes(verzoek, lanes).values())
        sync = workflow.taken_synchroniseren(deelverzoek=deelverzoek, run=run, nu=nu)
    except LookupError as exc:
        raise OngeldigeInvoer(str(exc), veld="bevoegd_gezag") from exc
    timer_plannen_na_commit(deelverzoek)
    return list(sync.nieuw), codes


@transaction.atomic
def verzoek_aanmaken(
    *,
    situatie: Mapping[str, Any],
    titel: str,
    bevoegd_gezag: Organisatie,
    periode_start: datetime,
    periode_eind: datetime,
    locatie: str,
    door: Gebruiker,
    omschrijving: str = "",
    gemeenten: Sequence[Organisatie] = (),
    gevraagde_capaciteit: str = "",
    gewenst_effect: str = "",
    regels: Sequence[InzetRegel] = (),
    oefening: bool = False,
    nu: datetime | None = None,
) -> Bijstandsverzoek:
    """Make a request from the advice for `situatie`, by the requesting unit's RCCB.

    Callers pass validated values of the annotated types (the page's `VerzoekForm`): texts as
    str, datetimes, `Organisatie` rows, `InzetRegel` with an int or None. The service checks
    only what the types do not say and every caller must respect: blank or too long texts, a
    time zone, the period's order, and the fit with the advice and the unit.

    Determines the advice (`rules.advies_bepalen`), and starts one part per allowed route with
    its procedure (``rechtshulp`` has no procedure here and is left out). The start data of
    each run come from the advice: ``spoed``; ``formalisatie_termijn`` (setting
    ``FORMALISATIE_TERMIJN``, default 24 hours); ``zienswijze_vereist`` and
    ``zienswijze_termijn`` (1 and 6; setting ``ZIENSWIJZE_TERMIJN``, default 24 hours);
    ``indiener`` (3 and 4); ``oefening`` (water cannon); ``convenant`` (8). The ready tasks are
    mirrored, their organisations told (outbox), and the participants stored.

    Args:
        situatie: the contract's Situatie as a JSON object (validated here).
        titel: short description, at most 200 characters.
        bevoegd_gezag: the requesting authority: the municipality (burgemeester) when the
            advice's gezag is the burgemeester, the arrondissementsparket (officier van justitie)
            otherwise; in the unit of the RCCB.
        periode_start: aware datetime, the start of the requested deployment (stored UTC).
        periode_eind: aware datetime after `periode_start`.
        locatie: where (at most 300 characters).
        door: a user of an RCCB of a unit (``RCCB-MN``); becomes `aangevraagd_door`.
        omschrijving: the request in words.
        gemeenten: municipalities of the deployment, in the unit; the burgemeester's own
            municipality is added when missing.
        gevraagde_capaciteit: in words; this, `gewenst_effect` or `regels` is required.
        gewenst_effect: the desired effect, in words.
        regels: the requested lines per part (`InzetRegel.deel`).
        oefening: the request is an exercise (issue #11 item 5): it runs the real procedure
            but claims no capacity and is left out of reports and FNIK. Also set when the
            situation asks for a means as an exercise (water cannon, procedure 2).
        nu: aware datetime of creation (default now).

    Returns:
        The request, with status in_behandeling.

    Raises:
        GeenToegang: `door` is not of a unit's RCCB.
        OngeldigeInvoer: invalid situation (``veld`` is ``situatie.<path>``), an advice without
            an allowed route, a wrong authority or municipality, an invalid period, or a missing
            text; nothing is stored.

    Bron: factsheet, "Procedures en bereikbaarheid" and toelichting 1 to 8; Pw 2012 art. 56-58.
    """
    nu = nu_utc(nu)
    rccb = actieve_organisatie(door)
    eenheid = eenheid_van_rccb(rccb)
    if eenheid is None:
        raise GeenToegang("Alleen het RCCB van een eenheid kan een bijstandsverzoek aanmaken.")
    sit, advies, routes, gezag = _advies_voor_verzoek(situatie)
    titel = tekst(titel, "titel", max_length=200)
    locatie = tekst(locatie, "locatie", max_length=300)
    omschrijving = tekst(omschrijving, "omschrijving", verplicht=False)
    gevraagde_capaciteit = tekst(gevraagde_capaciteit, "gevraagde_capaciteit", verplicht=False)
    gewenst_effect = tekst(gewenst_effect, "gewenst_effect", verplicht=False)
    start, eind = periode(periode_start, periode_eind)
    _bevoegd_gezag_controleren(bevoegd_gezag, gezag=gezag, eenheid=eenheid)
    gemeenten = _gemeenten_controleren(
        gemeenten, bevoegd_gezag=bevoegd_gezag, gezag=gezag, eenheid=eenheid
    )
    _regels_controleren(regels, delen=len(routes))
    if not (gevraagde_capaciteit or gewenst_effect or regels):
        raise OngeldigeInvoer(
            "vul de gevraagde capaciteit of het gewenste effect in", veld="gevraagde_capaciteit"
        )

    verzoek = Bijstandsverzoek.objects.create(
        kenmerk=f"TMP-{uuid.uuid4().hex[:16]}",
        titel=titel,
        omschrijving=omschrijving,
        taak=sit.taak.value,
        gezag=gezag,
        bevoegd_gezag=bevoegd_gezag,
        eenheid=eenheid,
        rccb=rccb,
        regioburgemeester=eenheid.regioburgemeester,
        periode_start=start,
        periode_eind=eind,
        locatie=locatie,
        gevraagde_capaciteit=gevraagde_capaciteit,
        gewenst_effect=gewenst_effect,
        spoed=sit.spoed,
        oefening=bool(oefening) or any(g.oefening for g in sit.gevraagd),
        situatie=dict(situatie),
        advies=advies.to_dict(),
        regels_versie=workflow.regels_versie(),
        aangevraagd_door=door,
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    verzoek.kenmerk = f"BV-{nu.year}-{verzoek.pk:06d}"
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(kenmerk=verzoek.kenmerk)
    verzoek.gemeenten.set(gemeenten)

    deelnemers = {rccb.code, bevoegd_gezag.code, *(g.code for g in gemeenten)}
    per_gemeente = _Gemeenten(gezag, tuple(gemeenten), eenheid.regioburgemeester)
    nieuwe_taken: list[Taak] = []
    for volgnummer, route in enumerate(routes, start=1):
        nieuw, codes = _deelverzoek_starten(
            verzoek=verzoek,
            volgnummer=volgnummer,
            route=route,
            situatie=sit,
            gemeenten=per_gemeente,
            regels=[r for r in regels if r.deel == volgnummer],
            door=door,
            nu=nu,
        )
        nieuwe_taken.extend(nieuw)
        deelnemers.update(codes)
    workflow.deelnemers_toevoegen(verzoek=verzoek, codes=deelnemers)
    audit_record(
        gebeurtenis=Gebeurtenis.VERZOEK_AANGEMAAKT,
        actor=door,
        obj=verzoek,
        na={
            **verzoek_snapshot(verzoek),
            "procedures": [engine.procedure_for_route(r.procedure, r.middel).id for r in routes],
            "regels_versie": verzoek.regels_versie,
        },
    )
    berichten_nieuwe_taken(nieuwe_taken, nu)
    return verzoek


@transaction.atomic
def verzoek_intrekken(
    *,
    verzoek: Bijstandsverzoek,
    reden: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> Bijstandsverzoek:
    """Withdraw a request at any step before deployment, with a reason; closes its open tasks.

    Callers pass the reason as str (the page's `IntrekkenForm`); a blank one is refused.

    Every part that can be withdrawn (`workflow.OVERGANGEN`, INTREKKEN) becomes ingetrokken,
    its open tasks vervallen and its timers stop; every participant is told (outbox).

    Raises:
        GeenToegang: not the requesting RCCB or the authority.
        OngeldigeInvoer: no reason.
        OngeldigeOvergang: a deployment runs (end it first), or nothing is left to withdraw.
    """
    nu = nu_utc(nu)
    reden = tekst(reden, "reden")
    verzoek = (
        Bijstandsverzoek.objects.select_for_update(of=("self",))
        .select_related("rccb", "bevoegd_gezag", "regioburgemeester")
        .get(pk=verzoek.pk)
    )
    controleer_namens_aanvrager(verzoek, door)
    delen = [
        deelverzoek_onder_slot(pk)
        for pk in Deelverzoek.objects.filter(verzoek=verzoek)
        .order_by("pk")
        .values_list("pk", flat=True)
    ]
    if any(d.status == DeelverzoekStatus.IN_INZET for d in delen):
        raise OngeldigeOvergang(
            "er loopt een inzet: beëindig die eerst", veld="verzoek", code="inzet-loopt"
        )
    toegestaan = workflow.OVERGANGEN[Handeling.INTREKKEN][0]
    intrekbaar = [d for d in delen if d.status in toegestaan]
    if not intrekbaar:
        raise OngeldigeOvergang("dit verzoek kan niet meer worden ingetrokken", veld="verzoek")
    voor = verzoek_snapshot(verzoek)
    for deel in intrekbaar:
        deel.verzoek = verzoek
        workflow.deelverzoek_overgang(
            deelverzoek=deel, handeling=Handeling.INTREKKEN, door=door, nu=nu, toelichting=reden
        )
        Deelverzoek.objects.filter(pk=deel.pk).update(volgende_timer=None)
        claims_loslaten(deelverzoek=deel, nu=nu)
    vervallen = Taak.objects.filter(deelverzoek__in=intrekbaar, status__in=TAAK_OPENSTAAND).update(
        status=TaakStatus.VERVALLEN, afgerond_op=nu
    )
    verzoek.ingetrokken_reden = reden
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(ingetrokken_reden=reden)
    verzoek.refresh_from_db(fields=["status", "versie", "gewijzigd_op"])
    audit_record(
        gebeurtenis=Gebeurtenis.VERZOEK_INGETROKKEN,
        actor=door,
        obj=verzoek,
        voor=voor,
        na={**verzoek_snapshot(verzoek), "reden": reden, "taken_vervallen": vervallen},
    )
    onderwerp, inhoud = bericht_tekst("verzoek_ingetrokken", verzoek=verzoek)
    bericht_schrijven(
        soort="verzoek-ingetrokken",
        ontvangers=list(verzoek.deelnemers.exclude(pk=actieve_organisatie(door).pk)),
        onderwerp=onderwerp,
        inhoud=inhoud,
        obj=verzoek,
        nu=nu,
    )
    return verzoek


#: The refusal of `oefening_afsluiten` for a real request.
GEEN_OEFENING = (
    "Dit verzoek is geen oefening: een echt verzoek kan niet in één keer worden afgesloten. "
    "Trek het in of rond de procedure af."
)

#: The reason stored on an exercise closed in one action (`oefening_afsluiten`).
OEFENING_AFGESLOTEN_REDEN = "Oefening afgesloten."


@transaction.atomic
def oefening_afsluiten(
    *, verzoek: Bijstandsverzoek, door: Gebruiker, nu: datetime | None = None
) -> Bijstandsverzoek:
    """Close an exercise in one action: every open part ends and every open task lapses.

    Only for a request marked as an exercise (`Bijstandsverzoek.oefening`), by the requesting
    unit's RCCB or the LOCC. A part before its deployment is withdrawn (INTREKKEN), a running
    deployment is ended (INZET_BEEINDIGEN); parts already closed stay as they are. Open tasks
    of the request become vervallen, timers stop, the reason becomes "Oefening afgesloten.",
    one audit event ``oefening-afgesloten`` is written and every other participant is told
    (outbox, subject starting with "OEFENING: ").

    Raises:
        GeenToegang: not the requesting RCCB or the LOCC.
        OngeldigeOvergang: the request is not an exercise (``code`` "geen-oefening"), or
            nothing is left to close; nothing is changed.

    Bron: issue #11 item 5; factsheet, procedure 2 (oefening met een waterwerper).
    """
    nu = nu_utc(nu)
    verzoek = (
        Bijstandsverzoek.objects.select_for_update(of=("self",))
        .select_related("rccb", "bevoegd_gezag", "regioburgemeester")
        .get(pk=verzoek.pk)
    )
    if organisatie_code(door) not in (verzoek.rccb.code, "LOCC"):
        raise GeenToegang(
            "Alleen het RCCB van de vragende eenheid of het LOCC kan een oefening afsluiten."
        )
    if not verzoek.oefening:
        raise OngeldigeOvergang(GEEN_OEFENING, veld="verzoek", code="geen-oefening")
    delen = [
        deelverzoek_onder_slot(pk)
        for pk in Deelverzoek.objects.filter(verzoek=verzoek)
        .order_by("pk")
        .values_list("pk", flat=True)
    ]
    intrekbaar = workflow.OVERGANGEN[Handeling.INTREKKEN][0]
    beeindigbaar = workflow.OVERGANGEN[Handeling.INZET_BEEINDIGEN][0]
    te_sluiten = [
        (d, Handeling.INTREKKEN if d.status in intrekbaar else Handeling.INZET_BEEINDIGEN)
        for d in delen
        if d.status in intrekbaar or d.status in beeindigbaar
    ]
    open_taken = Taak.objects.filter(verzoek=verzoek, status__in=TAAK_OPENSTAAND)
    if not te_sluiten and not open_taken.exists():
        raise OngeldigeOvergang("deze oefening is al afgesloten", veld="verzoek")
    voor = verzoek_snapshot(verzoek)
    for deel, handeling in te_sluiten:
        deel.verzoek = verzoek
        workflow.deelverzoek_overgang(
            deelverzoek=deel,
            handeling=handeling,
            door=door,
            nu=nu,
            toelichting=OEFENING_AFGESLOTEN_REDEN,
        )
        Deelverzoek.objects.filter(pk=deel.pk).update(volgende_timer=None)
    vervallen = open_taken.update(status=TaakStatus.VERVALLEN, afgerond_op=nu)
    verzoek.ingetrokken_reden = OEFENING_AFGESLOTEN_REDEN
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(
        ingetrokken_reden=OEFENING_AFGESLOTEN_REDEN
    )
    verzoek.refresh_from_db(fields=["status", "versie", "gewijzigd_op"])
    audit_record(
        gebeurtenis=Gebeurtenis.OEFENING_AFGESLOTEN,
        actor=door,
        obj=verzoek,
        voor=voor,
        na={
            **verzoek_snapshot(verzoek),
            "delen": [f"{d.volgnummer}:{h.value}" for d, h in te_sluiten],
            "taken_vervallen": vervallen,
        },
    )
    onderwerp, inhoud = bericht_tekst("oefening_afgesloten", verzoek=verzoek)
    bericht_schrijven(
        soort="oefening-afgesloten",
        ontvangers=list(verzoek.deelnemers.exclude(pk=actieve_organisatie(door).pk)),
        onderwerp=onderwerp,
        inhoud=inhoud,
        obj=verzoek,
        nu=nu,
    )
    return verzoek
