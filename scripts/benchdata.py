"""Generate bijstandsverzoeken in bulk for `make bench` (issue #4): fixed seed, realistic state.

Not through the services (that would take hours for 50,000 requests), but consistent with the
models and with what the services would have stored:

- Each request follows one of a few scenarios (`SCENARIOS`: procedures 1, 2 water cannon, 3,
  3 urgent, 6), in one of the ten regional units, under the burgemeester of the unit's
  regioburgemeester or the unit's arrondissementsparket. Its situation, advice and rules
  version are the real ones (`rules.advies_bepalen`).
- The procedure run of each part is a real SpiffWorkflow run, serialized at a real stage: the
  scenarios are walked once with `procedures.engine` (`Sjabloon`), and each request takes the
  run state, the completed steps and the ready steps of one stage. The `Taak` mirror therefore
  holds the completed steps (afgerond, with who and when) and the open ones (open or
  opgepakt, with the engine's task ids and due times), each for the concrete organisation of
  its lane in this request.
- Mix (fixed by `MIX`): most requests are decided (toegekend or afgewezen) and many of those
  deployed and evaluated; some are in progress at a random stage; some were withdrawn.
- Participants (`Deelname`), status history (`StatusWijziging`), decisions (`Besluit` with
  their lines), deployment versions (`InzetVersie`) and evaluations are written to match.

Audit rows and outbox messages are not generated: their tables are only appended to (the
audit chain reads its last row by index), so their size does not change the measured pages.

Usage (from `scripts/bench.py`, Django set up, an empty migrated database)::

    samenvatting = genereer(aantal=50_000, seed=SEED)
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

SEED = 20260302
#: The generated data's "now" (aware UTC); the pages are measured at the real time.
NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAP = timedelta(minutes=20)
BATCH = 1000

#: (name, weight, situation changes) of the scenarios; the situation is in the unit's
#: regioburgemeester's municipality unless a justice task (the unit's parket).
SCENARIOS: tuple[tuple[str, float, dict[str, Any]], ...] = (
    ("kmar_openbare_orde", 0.35, {"gevraagd": [{"leverancier": "kmar"}]}),
    ("kmar_openbare_orde_spoed", 0.10, {"gevraagd": [{"leverancier": "kmar"}], "spoed": True}),
    (
        "andere_eenheid_openbare_orde",
        0.30,
        {"gevraagd": [{"leverancier": "politie"}], "aanvrager_is_regioburgemeester": True},
    ),
    (
        "andere_eenheid_justitie",
        0.10,
        {"taak": "strafrechtelijke_handhaving", "gevraagd": [{"leverancier": "politie"}]},
    ),
    (
        "waterwerper",
        0.15,
        {"gevraagd": [{"leverancier": "middelen_jenv", "middel": "waterwerper"}]},
    ),
)

#: Share of requests per end state (the rest is decided: toegekend, of which part deployed).
MIX = {"in_behandeling": 0.08, "ingetrokken": 0.02, "afgewezen": 0.12}


@dataclass(frozen=True)
class Stap:
    """A user task of a template run: the engine's ready task and what completing it recorded."""

    taak: Any  # procedures.engine.ReadyTask
    gegevens: dict[str, Any]
    fase: int  # stage in which it became ready (0-based)
    due_offset: timedelta | None


@dataclass(frozen=True)
class Stand:
    """A template run after `fase` stages: its state, completed and ready steps."""

    fase: int
    run_state: str
    afgerond: tuple[Stap, ...]
    open: tuple[Stap, ...]
    klaar: bool
    timer_offset: timedelta | None


@dataclass
class Sjabloon:
    """One scenario with one outcome, walked once with the engine, stage by stage."""

    naam: str
    uitkomst: str
    procedure_id: str
    situatie: dict[str, Any]
    advies: dict[str, Any]
    route: dict[str, Any]
    startgegevens: dict[str, Any]
    model_versie: str
    spec: str  # the process model of `model_versie`, stored once (ADR 0051)
    lanes: set[str]
    standen: list[Stand] = field(default_factory=list)


@dataclass
class Samenvatting:
    verzoeken: int = 0
    taken: int = 0
    open_taken: int = 0
    per_status: dict[str, int] = field(default_factory=dict)


def _antwoord(taak: Any, uitkomst: str) -> dict[str, Any]:
    data: dict[str, Any] = {"verslag": f"{taak.name}: gedaan."}
    for naam, spec in taak.velden.items():
        if naam in ("besluit", "besluit_defensie"):
            data[naam] = uitkomst
            data["motivering"] = "Noodzaak en beschikbaarheid getoetst."
        elif spec.get("soort") == "ja_nee":
            data[naam] = True
        elif spec.get("soort") == "keuze":
            data[naam] = spec["waarden"][0]
        elif spec.get("soort") == "tekst" and naam not in data:
            # e.g. Defence's position on the coordinator's decision (3, 4, 7, 8; issue #8)
            data[naam] = f"{naam}: vastgelegd."
    return data


def _sjabloon(naam: str, uitkomst: str, situatie: dict[str, Any]) -> Sjabloon:
    from politiebijstand.procedures import engine
    from politiebijstand.rules import advies_bepalen, situatie_from_dict
    from politiebijstand.verzoeken import services, workflow
    from politiebijstand.verzoeken.constants import Gezag
    from politiebijstand.verzoeken.services.verzoek import _Gemeenten

    sit = situatie_from_dict(situatie)
    advies = advies_bepalen(sit)
    route = next(r for r in advies.routes if r.toegestaan)
    procedure = engine.procedure_for_route(route.procedure, route.middel)
    # The same start data as `verzoek_aanmaken` gives the run (spoed, zienswijze, indiener).
    # No municipalities: one form, as the advice says.
    gemeenten = _Gemeenten(
        Gezag(advies.gezag.value) if advies.gezag else Gezag.BURGEMEESTER, (), None
    )
    start = services._startgegevens(procedure, route, sit, gemeenten)
    t0 = NU
    run = engine.procedure_start(procedure.id, start, now=t0)
    sjabloon = Sjabloon(
        naam=naam,
        uitkomst=uitkomst,
        procedure_id=procedure.id,
        situatie=situatie,
        advies=advies.to_dict(),
        route=route.to_dict(),
        startgegevens=start,
        model_versie=run.model_version,
        spec=engine.serialize_parts(run)[0],
        lanes=workflow.deelnemende_lanes(run, start),
    )
    afgerond: list[Stap] = []
    ready_sinds: dict[str, int] = {}
    fase = 0
    while True:
        ready = engine.ready_tasks(run)
        for t in ready:
            ready_sinds.setdefault(t.task_id, fase)
        timer = engine.next_timer_due(run)
        sjabloon.standen.append(
            Stand(
                fase=fase,
                run_state=engine.serialize_state(run),
                afgerond=tuple(afgerond),
                open=tuple(
                    Stap(t, {}, ready_sinds[t.task_id], (t.due - t0) if t.due else None)
                    for t in ready
                ),
                klaar=engine.is_finished(run),
                timer_offset=(timer - t0) if timer else None,
            )
        )
        if not ready:
            return sjabloon
        fase += 1
        for t in ready:
            data = _antwoord(t, uitkomst)
            engine.task_complete(run, t.task_id, data, now=t0 + fase * STAP)
            afgerond.append(Stap(t, data, ready_sinds[t.task_id], (t.due - t0) if t.due else None))
        if fase > 60:  # pragma: no cover - a model without an end
            raise RuntimeError(f"{naam}: the walk does not end")


def _situatie(wijziging: Mapping[str, Any], gemeente: str) -> dict[str, Any]:
    situatie: dict[str, Any] = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "spoed": False,
        "gemeenten": [gemeente],
    }
    situatie.update(wijziging)
    return situatie


def _in_batches(n: int) -> Iterator[range]:
    for start in range(0, n, BATCH):
        yield range(start, min(n, start + BATCH))


def genereer(
    *,
    aantal: int = 50_000,
    seed: int = SEED,
    uit: Callable[[str], None] = print,
    begin: datetime | None = None,
    gebruikers: Mapping[tuple[str, str], Sequence[Any]] | None = None,
    voortgang: Callable[[int], None] | None = None,
    invoegen: Callable[[Any, Sequence[Any]], None] | None = None,
) -> Samenvatting:
    """Write `aantal` requests with their parts, runs, tasks, decisions and history.

    Loads the reference data (organisations, units, municipalities) and one medewerker and one
    besluitvormer per organisation that acts (usernames ``bench-<code>-<rol>``) first, except
    where `gebruikers` already gives accounts of that organisation and role.

    In a database that already holds requests (the demo's), the new rows take ids after the
    highest ones there; the same seed on the same database gives the same data.

    Args:
        aantal: number of requests.
        seed: seed of `random.Random`: the same seed gives the same data.
        uit: where progress lines go.
        begin: aware UTC start of the history (`scripts/volumedata.py`: ten years back): the
            decided requests start evenly between it and 12 days before `NU`. Default: in the
            three years before `NU`, as `make bench` has always measured.
        gebruikers: (organisation code, role) -> the accounts that act for it, e.g. the
            volume generator's; a step takes the ``request id % len``-th, so that the random
            stream (and the data of `make bench`) does not change.
        voortgang: called with the number of requests written after each batch.
        invoegen: called with each model and its new rows (ids set) instead of bulk_create,
            e.g. COPY on PostgreSQL (`volumedata.invoegen`).

    Returns:
        Counts of what was written.
    """
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.db.models import Max

    from politiebijstand.accounts.constants import Rol
    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.organisaties.gebied_services import gebieden_laden
    from politiebijstand.organisaties.gebieden import load_gebieden
    from politiebijstand.organisaties.models import Organisatie
    from politiebijstand.organisaties.referentie import load_referentie
    from politiebijstand.organisaties.services import referentiedata_laden
    from politiebijstand.verzoeken import workflow
    from politiebijstand.verzoeken.constants import CENTRALE_LANES, Gezag
    from politiebijstand.verzoeken.models import Bijstandsverzoek

    rng = random.Random(seed)  # noqa: S311 - test data, not security
    referentiedata_laden(referentie=load_referentie())
    gebieden_laden(gebieden=load_gebieden())
    organisaties = {o.code: o for o in Organisatie.objects.all()}
    eenheden = [
        o
        for o in organisaties.values()
        if o.code.startswith("EENHEID-") and o.regioburgemeester_id is not None
    ]
    eenheden.sort(key=lambda o: o.code)
    per_id = {o.pk: o for o in organisaties.values()}
    parket = {o.eenheid_id: o for o in organisaties.values() if o.soort == "openbaar_ministerie"}
    rccb = {o.parent_id: o for o in organisaties.values() if o.code.startswith("RCCB-")}

    # Templates: every scenario walked with toegekend, and (for the decided ones) afgewezen.
    sjablonen: dict[tuple[str, str], Sjabloon] = {}
    for naam, _, wijziging in SCENARIOS:
        for uitkomst in ("toegekend", "afgewezen"):
            sjablonen[(naam, uitkomst)] = _sjabloon(naam, uitkomst, _situatie(wijziging, "Utrecht"))
    uit(
        f"    templates: {len(sjablonen)} runs walked, "
        f"{sum(len(s.standen) for s in sjablonen.values())} stages"
    )

    # Per unit and scenario: the concrete organisation of every lane.
    def lanes_voor(eenheid: Organisatie, sjabloon: Sjabloon) -> dict[str, Organisatie]:
        gemeente = per_id[eenheid.regioburgemeester_id or 0]
        justitie = sjabloon.situatie["taak"] != "openbare_orde"
        verzoek = Bijstandsverzoek(
            kenmerk="BENCH",
            gezag=Gezag.OFFICIER_VAN_JUSTITIE if justitie else Gezag.BURGEMEESTER,
            bevoegd_gezag=parket[eenheid.pk] if justitie else gemeente,
            rccb=rccb[eenheid.pk],
            regioburgemeester=gemeente,
            eenheid=eenheid,
        )
        codes: dict[str, str] = {}
        for lane in sjabloon.lanes | {"RCCB", "AANVRAGER"}:
            if lane in CENTRALE_LANES:
                codes[lane] = lane
            elif lane == "BURGEMEESTER":
                codes[lane] = gemeente.code
            elif lane == "OVJ":
                codes[lane] = parket[eenheid.pk].code
            else:
                codes[lane] = workflow.lane_organisatie_codes(verzoek, [lane])[lane]
        return {lane: organisaties[code] for lane, code in codes.items()}

    lane_orgs = {(e.code, key): lanes_voor(e, s) for e in eenheden for key, s in sjablonen.items()}

    # Users: one medewerker and one besluitvormer per acting organisation, unless given.
    gegeven = {k: list(v) for k, v in (gebruikers or {}).items() if v}
    nodig = {o.code for m in lane_orgs.values() for o in m.values()}
    ontbrekend = [
        (code, rol)
        for code in sorted(nodig)
        for rol in (Rol.MEDEWERKER, Rol.BESLUITVORMER)
        if (code, rol) not in gegeven
    ]
    if ontbrekend:
        wachtwoord = make_password("bench-niet-inloggen")
        bestaand = set(Gebruiker.objects.values_list("username", flat=True))
        # Explicit ids after the highest, so that the same seed gives the same ids also where
        # a sequence does not roll back (PostgreSQL, a test's transaction).
        volgend = int(Gebruiker.objects.aggregate(m=Max("id"))["m"] or 0)
        nieuw = [
            (code, rol) for code, rol in ontbrekend if f"bench-{code.lower()}-{rol}" not in bestaand
        ]
        Gebruiker.objects.bulk_create(
            [
                Gebruiker(
                    id=volgend + nummer,
                    username=f"bench-{code.lower()}-{rol}",
                    password=wachtwoord,
                    organisatie=organisaties[code],
                    rol=rol,
                )
                for nummer, (code, rol) in enumerate(nieuw, start=1)
            ]
        )
    bench = {
        (g.organisatie.code, g.rol): [g]
        for g in Gebruiker.objects.filter(username__startswith="bench-").select_related(
            "organisatie"
        )
        if g.organisatie is not None
    }
    actoren = {**bench, **gegeven}

    schrijver = _Schrijver(
        rng=rng,
        sjablonen=sjablonen,
        lane_orgs=lane_orgs,
        gebruikers=actoren,
        eenheden=eenheden,
        per_id=per_id,
        parket=parket,
        rccb=rccb,
        begin=begin,
        ids=_hoogste_ids(),
        invoegen=invoegen,
    )
    samenvatting = Samenvatting()
    for batch in _in_batches(aantal):
        with transaction.atomic():
            schrijver.batch(batch, samenvatting)
        if voortgang is not None:
            voortgang(batch.stop)
        elif (batch.stop // BATCH) % 10 == 0 or batch.stop == aantal:
            uit(f"    {batch.stop} requests written")
    _reeksen_bijwerken()
    return samenvatting


#: `_Schrijver.ids` key -> the model whose ids it counts.
_ID_MODELLEN = {
    "verzoek": "Bijstandsverzoek",
    "deelname": "Deelname",
    "deel": "Deelverzoek",
    "regel": "GevraagdeInzet",
    "status": "StatusWijziging",
    "taak": "Taak",
    "besluit": "Besluit",
    "besluitregel": "BesluitRegel",
    "inzet": "InzetVersie",
    "evaluatie": "InzetEvaluatie",
}


def _hoogste_ids() -> dict[str, int]:
    """The highest id per generated model now (0 when empty): new rows take ids after it."""
    from django.apps import apps
    from django.db.models import Max

    ids: dict[str, int] = {}
    for soort, model in _ID_MODELLEN.items():
        hoogste = apps.get_model("verzoeken", model).objects.aggregate(m=Max("id"))["m"]
        ids[soort] = int(hoogste or 0)
    return ids


def _reeksen_bijwerken() -> None:
    """Move PostgreSQL's id sequences past the explicit ids, so the services can insert after."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    modellen = list(apps.get_app_config("verzoeken").get_models())
    modellen.append(apps.get_model("verzoeken", "Bijstandsverzoek").gemeenten.through)
    modellen.append(apps.get_model("accounts", "Gebruiker"))
    statements = connection.ops.sequence_reset_sql(no_style(), modellen)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@dataclass
class _Schrijver:
    """Builds the rows of a batch of requests and writes them with bulk_create (or `invoegen`)."""

    rng: random.Random
    sjablonen: dict[tuple[str, str], Sjabloon]
    lane_orgs: dict[tuple[str, tuple[str, str]], dict[str, Any]]
    gebruikers: Mapping[tuple[str, str], Sequence[Any]]
    eenheden: Sequence[Any]
    per_id: dict[int, Any]
    parket: Mapping[int | None, Any]
    rccb: Mapping[int | None, Any]
    begin: datetime | None = None
    ids: dict[str, int] = field(default_factory=dict)
    invoegen: Callable[[Any, Sequence[Any]], None] | None = None
    specificaties: dict[str, int] = field(default_factory=dict)

    def _gebruiker(self, code: str, rol: str, verzoek_id: int) -> Any:
        """The account of organisation `code` with `rol` that acts in request `verzoek_id`."""
        kandidaten = self.gebruikers[(code, rol)]
        return kandidaten[verzoek_id % len(kandidaten)]

    def _id(self, soort: str) -> int:
        self.ids[soort] = self.ids.get(soort, 0) + 1
        return self.ids[soort]

    def _specificatie_id(self, sjabloon: Sjabloon) -> int:
        """The stored process model of the template's version (one row per version)."""
        if sjabloon.model_versie in self.specificaties:
            return self.specificaties[sjabloon.model_versie]
        from politiebijstand.procedures import engine
        from politiebijstand.verzoeken.models import ProcedureSpecificatie

        specificatie, _ = ProcedureSpecificatie.objects.get_or_create(
            model_versie=sjabloon.model_versie,
            defaults={
                "procedure_id": sjabloon.procedure_id,
                "spec": sjabloon.spec,
                "bpmn": engine.bpmn_source(sjabloon.procedure_id, sjabloon.model_versie) or "",
                "aangemaakt_op": NU,
            },
        )
        self.specificaties[sjabloon.model_versie] = int(specificatie.pk)
        return self.specificaties[sjabloon.model_versie]

    def batch(self, nummers: range, samenvatting: Samenvatting) -> None:
        from politiebijstand.verzoeken import workflow
        from politiebijstand.verzoeken.constants import (
            BesluitUitkomst,
            DeelverzoekStatus,
            Gezag,
            InzetSoort,
            RegelUitkomst,
            TaakStatus,
        )
        from politiebijstand.verzoeken.models import (
            Besluit,
            BesluitRegel,
            Bijstandsverzoek,
            Deelname,
            Deelverzoek,
            GevraagdeInzet,
            InzetEvaluatie,
            InzetVersie,
            StatusWijziging,
            Taak,
        )

        rng = self.rng
        rows: dict[str, list[Any]] = {
            k: []
            for k in (
                "verzoek",
                "gemeente",
                "deelname",
                "deel",
                "regel",
                "taak",
                "status",
                "besluit",
                "besluitregel",
                "inzet",
                "evaluatie",
            )
        }
        namen = [n for n, _, _ in SCENARIOS]
        gewichten = [w for _, w, _ in SCENARIOS]
        for _ in nummers:
            scenario = rng.choices(namen, gewichten)[0]
            eenheid = rng.choice(self.eenheden)
            r = rng.random()
            if r < MIX["in_behandeling"]:
                eind = "in_behandeling"
            elif r < MIX["in_behandeling"] + MIX["ingetrokken"]:
                eind = "ingetrokken"
            elif r < MIX["in_behandeling"] + MIX["ingetrokken"] + MIX["afgewezen"]:
                eind = "afgewezen"
            else:
                eind = "toegekend"
            uitkomst = "afgewezen" if eind == "afgewezen" else "toegekend"
            sjabloon = self.sjablonen[(scenario, uitkomst)]
            orgs = self.lane_orgs[(eenheid.code, (scenario, uitkomst))]
            if eind in ("in_behandeling", "ingetrokken"):
                stand = sjabloon.standen[rng.randrange(0, len(sjabloon.standen) - 1)]
                start = NU - timedelta(minutes=rng.randrange(10, 60 * 24 * 10))
            else:
                stand = sjabloon.standen[-1]
                if self.begin is None:
                    start = NU - timedelta(days=rng.randrange(12, 3 * 365))
                else:
                    laatste_start = NU - timedelta(days=12)
                    minuten = int((laatste_start - self.begin).total_seconds() // 60)
                    start = self.begin + timedelta(minutes=rng.randrange(0, max(1, minuten)))
            pk = self._id("verzoek")
            justitie = sjabloon.situatie["taak"] != "openbare_orde"
            gemeente = self.per_id[eenheid.regioburgemeester_id]
            gezag_org = self.parket[eenheid.pk] if justitie else gemeente
            situatie = dict(sjabloon.situatie, gemeenten=[gemeente.afkorting])
            advies = dict(sjabloon.advies)
            aanvrager = self._gebruiker(orgs["RCCB"].code, "medewerker", pk)
            periode_start = start + timedelta(days=rng.randrange(1, 10), hours=rng.randrange(24))
            verzoek = Bijstandsverzoek(
                id=pk,
                uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                kenmerk=f"BV-{start.year}-{pk:06d}",
                titel=f"{['Demonstratie', 'Voetbalwedstrijd', 'Evenement', 'Zoekactie'][pk % 4]} "
                f"{gemeente.afkorting} ({pk})",
                omschrijving="Gegenereerd voor de bench.",
                taak=sjabloon.situatie["taak"],
                gezag=Gezag.OFFICIER_VAN_JUSTITIE if justitie else Gezag.BURGEMEESTER,
                bevoegd_gezag=gezag_org,
                eenheid=eenheid,
                rccb=orgs["RCCB"],
                regioburgemeester=gemeente,
                periode_start=periode_start,
                periode_eind=periode_start + timedelta(hours=rng.randrange(4, 72)),
                locatie=f"Centrum {gemeente.afkorting}",
                gevraagde_capaciteit=f"{rng.randrange(1, 9)} pelotons",
                spoed=bool(sjabloon.situatie.get("spoed")),
                situatie=situatie,
                advies=advies,
                regels_versie=workflow.regels_versie(),
                aangevraagd_door=aanvrager,
                aangemaakt_op=start,
                gewijzigd_op=start,
            )
            rows["verzoek"].append(verzoek)
            rows["gemeente"].append(
                Bijstandsverzoek.gemeenten.through(
                    bijstandsverzoek_id=pk, organisatie_id=gemeente.pk
                )
            )
            deelnemers = {o.pk for lane, o in orgs.items() if lane in sjabloon.lanes}
            deelnemers |= {orgs["RCCB"].pk, gezag_org.pk, gemeente.pk}
            for org_id in sorted(deelnemers):
                rows["deelname"].append(
                    Deelname(id=self._id("deelname"), verzoek_id=pk, organisatie_id=org_id)
                )
            deel_pk = self._id("deel")
            if eind == "in_behandeling":
                status = DeelverzoekStatus.IN_BEHANDELING
            elif eind == "ingetrokken":
                status = DeelverzoekStatus.INGETROKKEN
            elif eind == "afgewezen":
                status = DeelverzoekStatus.AFGEWEZEN
            else:
                s = rng.random()
                status = (
                    DeelverzoekStatus.GEEVALUEERD
                    if s < 0.7
                    else DeelverzoekStatus.IN_INZET
                    if s < 0.8
                    else DeelverzoekStatus.TOEGEKEND
                )
            laatste = start + stand.fase * STAP
            deel = Deelverzoek(
                id=deel_pk,
                uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                verzoek_id=pk,
                volgnummer=1,
                procedure_id=sjabloon.procedure_id,
                leverancier=sjabloon.route["leverancier"],
                middel=sjabloon.route.get("middel") or "",
                route=sjabloon.route,
                startgegevens=sjabloon.startgegevens,
                status=status,
                besluit="" if eind in ("in_behandeling", "ingetrokken") else uitkomst,
                run_state=stand.run_state,
                specificatie_id=self._specificatie_id(sjabloon),
                model_versie=sjabloon.model_versie,
                regels_versie=verzoek.regels_versie,
                run_afgerond=stand.klaar,
                volgende_timer=(
                    start + stand.timer_offset
                    if stand.timer_offset is not None and eind == "in_behandeling"
                    else None
                ),
                # The part's current period and unit, as the services keep them (ADR 0044):
                # the request's, then its latest deployment version's (below).
                periode_start=verzoek.periode_start,
                periode_eind=verzoek.periode_eind,
                eenheid_id=verzoek.eenheid_id,
                aangemaakt_op=start,
                gewijzigd_op=laatste,
            )
            rows["deel"].append(deel)
            regel = GevraagdeInzet(
                id=self._id("regel"),
                deelverzoek_id=deel_pk,
                volgnummer=1,
                omschrijving="ME-peloton",
                aantal=rng.randrange(1, 9),
            )
            rows["regel"].append(regel)
            rows["status"].append(
                StatusWijziging(
                    id=self._id("status"),
                    verzoek_id=pk,
                    deelverzoek_id=deel_pk,
                    handeling="starten",
                    van="",
                    naar=DeelverzoekStatus.IN_BEHANDELING,
                    door=aanvrager,
                    op=start,
                )
            )
            besluit_taak: Any = None
            for stap in stand.afgerond:
                t = stap.taak
                org = orgs[t.lane]
                is_besluit = workflow.is_besluit(t.velden)
                door = self._gebruiker(
                    org.code, "besluitvormer" if is_besluit else "medewerker", pk
                )
                klaar_op = start + (stap.fase + 1) * STAP
                taak = Taak(
                    id=self._id("taak"),
                    verzoek_id=pk,
                    deelverzoek_id=deel_pk,
                    engine_task_id=t.task_id,
                    bpmn_id=t.bpmn_id,
                    naam=t.name,
                    documentatie=t.documentation,
                    bpmn_lane=t.lane,
                    organisatie=org,
                    rol_vereist="besluitvormer" if is_besluit else "",
                    is_besluit=is_besluit,
                    optioneel=t.optioneel,
                    velden={k: dict(v) for k, v in t.velden.items()},
                    due=(start + stap.due_offset) if stap.due_offset else None,
                    status=TaakStatus.AFGEROND,
                    opgepakt_door=door,
                    opgepakt_op=klaar_op - timedelta(minutes=5),
                    afgerond_door=door,
                    afgerond_op=klaar_op,
                    gegevens=stap.gegevens,
                    spoed=verzoek.spoed,
                    procedure_id=sjabloon.procedure_id,
                    eenheid=eenheid,
                    aangemaakt_op=start + stap.fase * STAP,
                )
                rows["taak"].append(taak)
                if is_besluit and "besluit" in t.velden:
                    besluit_taak = taak
            if besluit_taak is not None and eind == "in_behandeling":
                # decided, but the run goes on (e.g. informing the RCCB): as besluit_nemen does
                status = DeelverzoekStatus(uitkomst)
                deel.status = status
                deel.besluit = uitkomst
            open_status = TaakStatus.VERVALLEN if eind == "ingetrokken" else TaakStatus.OPEN
            for stap in stand.open:
                t = stap.taak
                org = orgs[t.lane]
                is_besluit = workflow.is_besluit(t.velden)
                opgepakt = open_status == TaakStatus.OPEN and rng.random() < 0.3
                door = self._gebruiker(
                    org.code, "besluitvormer" if is_besluit else "medewerker", pk
                )
                due = (start + stap.due_offset) if stap.due_offset else None
                if due is None and open_status == TaakStatus.OPEN and rng.random() < 0.4:
                    # a due date agreed by phone: some in the past (overdue), most ahead
                    due = NU + timedelta(hours=rng.randrange(-12, 72))
                rows["taak"].append(
                    Taak(
                        id=self._id("taak"),
                        verzoek_id=pk,
                        deelverzoek_id=deel_pk,
                        engine_task_id=t.task_id,
                        bpmn_id=t.bpmn_id,
                        naam=t.name,
                        documentatie=t.documentation,
                        bpmn_lane=t.lane,
                        organisatie=org,
                        rol_vereist="besluitvormer" if is_besluit else "",
                        is_besluit=is_besluit,
                        optioneel=t.optioneel,
                        velden={k: dict(v) for k, v in t.velden.items()},
                        due=due,
                        status=TaakStatus.OPGEPAKT if opgepakt else open_status,
                        opgepakt_door=door if opgepakt else None,
                        opgepakt_op=laatste if opgepakt else None,
                        afgerond_op=laatste + STAP if eind == "ingetrokken" else None,
                        spoed=verzoek.spoed,
                        procedure_id=sjabloon.procedure_id,
                        eenheid=eenheid,
                        aangemaakt_op=start + stap.fase * STAP,
                    )
                )
                samenvatting.open_taken += open_status == TaakStatus.OPEN
            verzoek_statussen = [status]
            if eind == "ingetrokken":
                verzoek.ingetrokken_reden = "Evenement afgelast."
                rows["status"].append(
                    StatusWijziging(
                        id=self._id("status"),
                        verzoek_id=pk,
                        deelverzoek_id=deel_pk,
                        handeling="intrekken",
                        van=DeelverzoekStatus.IN_BEHANDELING,
                        naar=DeelverzoekStatus.INGETROKKEN,
                        toelichting=verzoek.ingetrokken_reden,
                        door=aanvrager,
                        op=laatste + STAP,
                    )
                )
            if besluit_taak is not None:
                namens, grondslag = workflow.namens_voor(sjabloon.procedure_id, "besluit")
                besluit = Besluit(
                    id=self._id("besluit"),
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    verzoek_id=pk,
                    deelverzoek_id=deel_pk,
                    taak=besluit_taak,
                    veld="besluit",
                    uitkomst=uitkomst,
                    motivering="Noodzaak en beschikbaarheid getoetst.",
                    namens=namens,
                    grondslag=grondslag,
                    organisatie=besluit_taak.organisatie,
                    genomen_door=besluit_taak.afgerond_door,
                    genomen_op=besluit_taak.afgerond_op,
                    beslisverslag={"procedure": sjabloon.procedure_id, "bench": True},
                )
                rows["besluit"].append(besluit)
                rows["besluitregel"].append(
                    BesluitRegel(
                        id=self._id("besluitregel"),
                        besluit=besluit,
                        regel=regel,
                        uitkomst=RegelUitkomst(
                            "toegekend" if uitkomst == BesluitUitkomst.TOEGEKEND else "afgewezen"
                        ),
                        toegekend_aantal=regel.aantal if uitkomst == "toegekend" else None,
                    )
                )
                rows["status"].append(
                    StatusWijziging(
                        id=self._id("status"),
                        verzoek_id=pk,
                        deelverzoek_id=deel_pk,
                        handeling=workflow.BESLUIT_HANDELING[uitkomst].value,
                        van=DeelverzoekStatus.IN_BEHANDELING,
                        naar=uitkomst,
                        door=besluit_taak.afgerond_door,
                        op=besluit_taak.afgerond_op,
                    )
                )
                if status in (DeelverzoekStatus.IN_INZET, DeelverzoekStatus.GEEVALUEERD):
                    versies = [(InzetSoort.GESTART, verzoek.periode_eind)]
                    if rng.random() < 0.3:
                        versies.append(
                            (InzetSoort.VERLENGD, verzoek.periode_eind + timedelta(hours=8))
                        )
                    if status == DeelverzoekStatus.GEEVALUEERD:
                        versies.append((InzetSoort.BEEINDIGD, versies[-1][1]))
                    deel.periode_eind = versies[-1][1]
                    for nummer, (soort, einde) in enumerate(versies, start=1):
                        rows["inzet"].append(
                            InzetVersie(
                                id=self._id("inzet"),
                                deelverzoek_id=deel_pk,
                                versie=nummer,
                                soort=soort,
                                periode_start=verzoek.periode_start,
                                periode_eind=einde,
                                capaciteit=verzoek.gevraagde_capaciteit,
                                door=aanvrager,
                                op=verzoek.periode_start + timedelta(hours=nummer),
                            )
                        )
                    if status == DeelverzoekStatus.GEEVALUEERD:
                        rows["evaluatie"].append(
                            InzetEvaluatie(
                                id=self._id("evaluatie"),
                                deelverzoek_id=deel_pk,
                                verslag="Inzet verliep volgens plan.",
                                door=aanvrager,
                                op=verzoek.periode_eind + timedelta(days=2),
                            )
                        )
            verzoek.status = workflow.verzoek_status(verzoek_statussen)
            samenvatting.verzoeken += 1
            samenvatting.per_status[verzoek.status] = (
                samenvatting.per_status.get(verzoek.status, 0) + 1
            )
        samenvatting.taken += len(rows["taak"])
        for model, rij_soort, grootte in (
            (Bijstandsverzoek, "verzoek", 500),
            (Bijstandsverzoek.gemeenten.through, "gemeente", 2000),
            (Deelname, "deelname", 2000),
            (Deelverzoek, "deel", 100),
            (GevraagdeInzet, "regel", 2000),
            (Taak, "taak", 500),
            (StatusWijziging, "status", 2000),
            (Besluit, "besluit", 1000),
            (BesluitRegel, "besluitregel", 2000),
            (InzetVersie, "inzet", 2000),
            (InzetEvaluatie, "evaluatie", 2000),
        ):
            if self.invoegen is not None:
                self.invoegen(model, rows[rij_soort])
            else:
                model.objects.bulk_create(rows[rij_soort], batch_size=grootte)
