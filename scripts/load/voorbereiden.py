"""The load benchmark's plan: who logs in, what they read, which steps they complete (#13).

    python scripts/load/voorbereiden.py --plan FILE [--accounts 66] [--stappen 40] [--wachten 600]

Runs in the product's virtualenv with the product's settings and database (`bench_load.py` calls
it with the environment of `make run-prod`), after `scripts/volumedata.py` filled the database.

First it waits, at most ``--wachten`` seconds, until run-prod's workers have caught up
(`werkers_afwachten`): the generated history ends at `benchdata.NU` (2 March 2026), so on a new
data folder every timer and reminder due since then is due at once. The worker's first sweep
writes them (1,735 reminders and 86 timers on the standard data set, about a minute) and its
messages go out after it. Measured during that catch-up, the first run gave 38.9 instead of
about 50 requests/s (the workers took 45 % of a core) and its plan held steps that the timers
then closed (12 completions refused with 409). ``--wachten 0`` does not wait.

Then it writes a JSON file that the locust users read (``scripts/load/locustfile.py``):

- ``accounts``: the generated ``volume-...`` accounts (`volumedata.BENCH_WACHTWOORD`, TOTP secret
  `volumedata.BENCH_TOTP_GEHEIM`) of the organisations with the most open steps first, at most
  `--accounts`; each with ``gebruikersnaam``, ``verzoeken`` (up to 30 uuids of requests its
  organisation takes part in, as the request list shows them; accounts with requests come first)
  and ``stappen`` (ids of its organisation's open steps that it can complete with
  ``gegevens``), each step given to one account only and at most one per part of a request;
- ``gegevens``: per step id, what the API's completion sends (``{"verslag": "Belastingtest"}``);
- ``situaties``: the situations of the routing advice, from the cases in ``docs/cases/``;
- ``wachtwoord``, ``totp_geheim``, ``csrf_cookie`` (the settings' cookie name).

A step is taken only when it is not a decision, belongs to the account's own organisation (not
recorded on behalf of another), has only optional fields in ``gegevens``, and one step of the
same kind (BPMN id) by an account of the same role completes in a transaction that is then
rolled back (so that the benchmark's completions do not fail on a gate).

Exit status 0, or 2 with a message on standard error when no generated accounts exist or the
workers have not caught up within ``--wachten`` seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

#: What a completed step records (the optional report of most steps).
GEGEVENS = {"verslag": "Belastingtest"}
#: The order of the roles among an organisation's accounts in the plan.
ROL_VOLGORDE = {"medewerker": 0, "besluitvormer": 1, "beheerder": 2}
#: Requests per account that its users open.
VERZOEKEN_PER_ACCOUNT = 30


class Geweigerd(Exception):
    """The plan cannot be made (the message says why)."""


@dataclass(frozen=True)
class Achterstand:
    """What the workers still have to do now (counts; all zero when they have caught up).

    Attributes:
        herinneringen: open steps due within ``HERINNERING_VOOR_SECONDEN`` without a reminder.
        timers: parts of a request whose `volgende_timer` has passed.
        berichten: outbox messages the sender would take now (waiting, due, and no earlier
            message of their request still waiting: `meldingen.services._lease`'s order).
        taken: huey's queued jobs (the wake-ups each reminder's commit queues).
    """

    herinneringen: int
    timers: int
    berichten: int
    taken: int = 0

    @property
    def bij(self) -> bool:
        """Whether nothing is due and no job waits."""
        return not (self.herinneringen or self.timers or self.berichten or self.taken)

    def __str__(self) -> str:
        return (
            f"{self.herinneringen:,} herinneringen, {self.timers:,} timers, "
            f"{self.berichten:,} berichten, {self.taken:,} taken in de wachtrij"
        )


def achterstand() -> Achterstand:
    """What is due now and not yet done by the workers: the same filters as their jobs.

    `timers_verwerken` (reminders, then timers) and `berichten_versturen` (the outbox), so
    that all zero means the next sweep has nothing to do, and huey's queue. A message behind
    an earlier one of its request in retry is not counted: the sender waits for that one too
    (ADR 0053), so a mail server that is down does not hold the wait until it times out.
    Three count queries and huey's queue size.
    """
    from datetime import timedelta

    from django.conf import settings
    from django.db.models import Exists, OuterRef, Q
    from django.utils import timezone

    from huey.contrib.djhuey import HUEY

    from politiebijstand.meldingen.models import Bericht, BerichtStatus
    from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND
    from politiebijstand.verzoeken.models import Deelverzoek, Taak

    nu = timezone.now()
    grens = nu + timedelta(seconds=settings.HERINNERING_VOOR_SECONDEN)
    return Achterstand(
        herinneringen=Taak.objects.filter(
            status__in=TAAK_OPENSTAAND, due__isnull=False, due__lte=grens, herinnering_op=None
        ).count(),
        timers=Deelverzoek.objects.filter(volgende_timer__lte=nu).count(),
        berichten=Bericht.objects.filter(status=BerichtStatus.WACHTEND, volgende_poging_op__lte=nu)
        .exclude(
            ~Q(reeks="")
            & Exists(
                Bericht.objects.filter(
                    reeks=OuterRef("reeks"), status=BerichtStatus.WACHTEND, id__lt=OuterRef("id")
                )
            )
        )
        .count(),
        taken=int(HUEY.pending_count()),
    )


def werkers_afwachten(
    seconden: float,
    *,
    interval: float = 2.0,
    slapen: Callable[[float], None] = time.sleep,
    klok: Callable[[], float] = time.monotonic,
) -> tuple[Achterstand, float]:
    """Wait until the workers have caught up (`achterstand` all zero), at most `seconden`.

    Prints the backlog to standard error every `interval` seconds while it lasts.

    Returns:
        ``(the backlog at the start, seconds waited)``.

    Raises:
        Geweigerd: still a backlog after `seconden` (it is named: are the workers running?).
    """
    begin = klok()
    eerst = nu = achterstand()
    while not nu.bij:
        gewacht = klok() - begin
        if gewacht >= seconden:
            raise Geweigerd(
                f"--wachten: de werkers zijn na {gewacht:.0f} s nog niet bij ({nu}); draaien "
                "de werkers van make run-prod, en staan er fouten van huey of de mailvanger in "
                "zijn log?"
            )
        print(f"voorbereiden: wachten op de werkers: {nu}", file=sys.stderr, flush=True)
        slapen(interval)
        nu = achterstand()
    return eerst, klok() - begin


def situaties_lezen() -> list[dict[str, Any]]:
    """The ``situatie`` of every case in ``docs/cases/*.json``, by file name."""
    return [
        json.loads(p.read_text(encoding="utf-8"))["situatie"]
        for p in sorted((REPO / "docs" / "cases").glob("*.json"))
    ]


def _proef_afronden(taak_id: int, gebruiker_id: int) -> bool:
    """Whether the step completes for the account with `GEGEVENS`; rolled back, nothing kept."""
    from django.db import transaction

    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.verzoeken import services
    from politiebijstand.verzoeken.exceptions import VerzoekFout
    from politiebijstand.verzoeken.models import Taak

    with transaction.atomic():
        try:
            services.taak_afronden(
                taak=Taak.objects.get(pk=taak_id),
                data=GEGEVENS,
                door=Gebruiker.objects.get(pk=gebruiker_id),
            )
            gelukt = True
        except VerzoekFout:
            gelukt = False
        # Only after the queries: a block marked for rollback refuses any further query.
        transaction.set_rollback(True)
    return gelukt


def plan_maken(*, accounts: int, stappen: int) -> dict[str, Any]:
    """The plan (shape in the module's docstring).

    Raises:
        Geweigerd: no ``volume-`` accounts (run `scripts/volumedata.py` first).
    """
    from django.conf import settings

    import volumedata

    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.verzoeken.api.lezen import stapvelden
    from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND
    from politiebijstand.verzoeken.models import Taak
    from politiebijstand.verzoeken.selectors import verzoek_list

    gebruikers = list(
        Gebruiker.objects.filter(
            username__startswith=volumedata.VOORVOEGSEL, is_active=True, organisatie__isnull=False
        ).order_by("username")
    )
    if not gebruikers:
        raise Geweigerd(
            "er zijn geen accounts 'volume-...'; vul eerst de database met scripts/volumedata.py"
        )
    # Per organisation the medewerkers first: they do the steps (then besluitvormers, beheerders).
    gebruikers.sort(key=lambda g: (ROL_VOLGORDE.get(g.rol, len(ROL_VOLGORDE)), g.username))
    per_org: dict[int, list[Gebruiker]] = defaultdict(list)
    for g in gebruikers:
        if g.organisatie_id is not None:
            per_org[g.organisatie_id].append(g)
    open_taken: dict[int, list[Taak]] = defaultdict(list)
    for taak in (
        Taak.objects.filter(
            status__in=TAAK_OPENSTAAND, organisatie_id__in=per_org, opgepakt_door__isnull=True
        )
        .select_related("organisatie")
        .order_by("id")
    ):
        if taak.is_besluit:
            continue
        velden = stapvelden(taak, namens=None)
        if all(v["plaats"] == "gegevens" and not v["verplicht"] for v in velden) and any(
            v["naam"] == "verslag" for v in velden
        ):
            open_taken[taak.organisatie_id].append(taak)
    # The organisations with the most open steps first; their accounts in turn, so that the
    # first accounts (the saturation phase's) are of different organisations.
    volgorde = sorted(per_org, key=lambda org: (-len(open_taken[org]), org))
    rijen: list[Gebruiker] = []
    ronde = 0
    while len(rijen) < accounts and any(len(per_org[o]) > ronde for o in volgorde):
        rijen.extend(per_org[o][ronde] for o in volgorde if len(per_org[o]) > ronde)
        ronde += 1
    rijen = rijen[:accounts]

    proef: dict[tuple[str, str], bool] = {}
    # One step per part of a request: completing one advances the part's run, which may close
    # or change its other open steps (a first try refused 18 of 33 completions with 409).
    delen: set[int] = set()
    plan_accounts: list[dict[str, Any]] = []
    gegevens: dict[str, dict[str, str]] = {}
    for g in rijen:
        eigen: list[int] = []
        kandidaten = open_taken[g.organisatie_id or 0]
        while kandidaten and len(eigen) < stappen:
            taak = kandidaten.pop(0)
            if taak.deelverzoek_id in delen:
                continue
            sleutel = (taak.bpmn_id, g.rol)
            if sleutel not in proef:
                proef[sleutel] = _proef_afronden(taak.pk, g.pk)
            if proef[sleutel]:
                delen.add(taak.deelverzoek_id)
                eigen.append(taak.pk)
                gegevens[str(taak.pk)] = GEGEVENS
        plan_accounts.append(
            {
                "gebruikersnaam": g.username,
                "verzoeken": [
                    str(u)
                    for u in verzoek_list(gebruiker=g).values_list("uuid", flat=True)[
                        :VERZOEKEN_PER_ACCOUNT
                    ]
                ],
                "stappen": eigen,
            }
        )
    # Those whose organisation takes part in requests first; the others (a municipality
    # without requests) still read their work queue and the picture and ask the advice.
    plan_accounts.sort(key=lambda a: not a["verzoeken"])
    return {
        "accounts": plan_accounts,
        "gegevens": gegevens,
        "situaties": situaties_lezen(),
        "wachtwoord": volumedata.BENCH_WACHTWOORD,
        "totp_geheim": volumedata.BENCH_TOTP_GEHEIM,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """The command: 0 done (the plan written), 2 refused (the reason on standard error)."""
    parser = argparse.ArgumentParser(prog="voorbereiden.py", description=__doc__.split("\n")[0])
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--accounts", type=int, default=66)
    parser.add_argument("--stappen", type=int, default=40)
    parser.add_argument("--wachten", type=int, default=600)
    args = parser.parse_args(argv)
    if args.accounts < 1:
        parser.error("--accounts: minstens 1")
    if args.stappen < 0:
        parser.error("--stappen: 0 of meer")
    if args.wachten < 0:
        parser.error("--wachten: 0 of meer seconden")
    import django

    django.setup()
    logging.getLogger("spiff").setLevel(logging.WARNING)
    try:
        bij = ""
        if args.wachten:
            eerst, gewacht = werkers_afwachten(args.wachten)
            bij = f"de werkers waren na {gewacht:.0f} s bij (achterstand: {eerst}); "
        plan = plan_maken(accounts=args.accounts, stappen=args.stappen)
    except Geweigerd as exc:
        print(f"voorbereiden: {exc}", file=sys.stderr)
        return 2
    args.plan.write_text(json.dumps(plan, indent=1), encoding="utf-8")
    stappen = sum(len(a["stappen"]) for a in plan["accounts"])
    print(
        f"voorbereiden: {bij}{len(plan['accounts'])} accounts, {stappen} stappen om af te ronden, "
        f"{len(plan['situaties'])} situaties -> {args.plan}"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.dev")
    raise SystemExit(main())
