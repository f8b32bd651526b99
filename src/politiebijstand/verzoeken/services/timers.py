"""Timers: fire the procedure runs' due timers and remind before due times (issue #4)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction

from politiebijstand.audit.services import audit_record
from politiebijstand.meldingen.services import bericht_schrijven
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures import engine
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    TAAK_OPENSTAAND,
    Gebeurtenis,
)
from politiebijstand.verzoeken.models import (
    Deelverzoek,
    Taak,
)
from politiebijstand.verzoeken.services.gedeeld import (
    bericht_tekst,
    deelverzoek_onder_slot,
    moment,
    na_engine_stap,
    nu_utc,
)

if TYPE_CHECKING:
    pass

#: The interrupting timer of procedures 1 and 6 on the regioburgemeester's zienswijze, and
#: what is recorded when it fires (Pw 2012 art. 56 lid 3; ADR-0023).
ZIENSWIJZE_TIMER = "timer_zienswijze"
ZIENSWIJZE_STAP = "taak_zienswijze_regioburgemeester"
GEEN_ZIENSWIJZE = "geen zienswijze binnen de termijn"

#: A task whose reminder also goes to the lane of another task of the run's model: the urgent
#: path's formalisation is watched by the procedure's coordinator, who escalates when it is late
#: (LE-POB for 1 and 6, the LOCC for 2 to 5, OZI for 7 and 8; issue #8, item 2; ADR 0024).
HERINNERING_OOK_AAN: Mapping[str, str] = {
    "taak_schriftelijk_formaliseren": "taak_escalatie_formalisatie",
}


def herinnering_ontvangers(taak: Taak) -> list[Organisatie]:
    """Who is reminded of `taak`: its organisation, then any watcher (`HERINNERING_OOK_AAN`).

    The watcher is the organisation of the lane of the watching task in the run's own model,
    so a run keeps the coordinator it started with. Needs ``taak.verzoek`` with ``rccb``,
    ``bevoegd_gezag`` and ``regioburgemeester`` loaded.

    Returns:
        The task's organisation first; the watcher's after it when it is another one.
    """
    ontvangers = [taak.organisatie]
    bewaker = HERINNERING_OOK_AAN.get(taak.bpmn_id)
    if bewaker is None:
        return ontvangers
    run = workflow.run_laden(taak.deelverzoek)
    lanes = [lane for bpmn_id, lane in workflow.model_taken(run) if bpmn_id == bewaker]
    if not lanes:
        return ontvangers
    code = workflow.lane_organisatie_codes(taak.verzoek, lanes[:1])[lanes[0]]
    if code != taak.organisatie.code:
        ontvangers.append(Organisatie.objects.get(code=code))
    return ontvangers


@dataclass
class TimerResultaat:
    """What `timers_verwerken` did.

    Attributes:
        gevuurd: (deelverzoek id, timer BPMN id) of the timers that fired.
        herinneringen: ids of the tasks for which a reminder was written.
    """

    gevuurd: list[tuple[int, str]] = field(default_factory=list)
    herinneringen: list[int] = field(default_factory=list)


def timers_verwerken(
    *, nu: datetime | None = None, deelverzoek_id: int | None = None
) -> TimerResultaat:
    """Fire the due timers of the runs and write reminders before due times. Idempotent.

    1. Reminders: every open task whose due time is within ``HERINNERING_VOOR_SECONDEN``
       (default 2 hours) and has no reminder yet gets one outbox message to its organisation
       and, for the urgent path's formalisation, to the procedure's coordinator
       (`herinnering_ontvangers`; key ``herinnering:<taak>``) and `herinnering_op`.
    2. Timers: every part whose `volgende_timer` has passed is locked, its run refreshed
       (`engine.refresh_timers`), stored and its tasks re-synced: the formalisation timer
       starts the escalation task of the procedure's coordinator (a new task and message for
       it); the zienswijze timer (`ZIENSWIJZE_TIMER`) cancels the regioburgemeester's task,
       which records `GEEN_ZIENSWIJZE`, tells the RCCB and the regioburgemeester, and lets the
       request proceed (`geen_zienswijze_vastleggen`).

    Each part is handled in a transaction of its own, so one failure does not block others.
    Called every minute by the worker and at each part's `volgende_timer` (`tasks`).

    Args:
        nu: aware datetime (default now).
        deelverzoek_id: only this part (the scheduled job); None for all.
    """
    nu = nu_utc(nu)
    result = TimerResultaat()
    grens = nu + timedelta(seconds=settings.HERINNERING_VOOR_SECONDEN)
    taken = Taak.objects.filter(
        status__in=TAAK_OPENSTAAND, due__isnull=False, due__lte=grens, herinnering_op__isnull=True
    )
    if deelverzoek_id is not None:
        taken = taken.filter(deelverzoek_id=deelverzoek_id)
    for taak_id in list(taken.values_list("pk", flat=True)):
        with transaction.atomic():
            taak = (
                Taak.objects.select_for_update(of=("self",))
                .select_related(
                    "organisatie",
                    "deelverzoek",
                    "verzoek__rccb",
                    "verzoek__bevoegd_gezag",
                    "verzoek__regioburgemeester",
                )
                .get(pk=taak_id)
            )
            if taak.herinnering_op is not None or not taak.is_open or taak.due is None:
                continue
            taak.herinnering_op = nu
            taak.save(update_fields=["herinnering_op"])
            verzoek = taak.verzoek
            te_laat = taak.due <= nu
            onderwerp, inhoud = bericht_tekst(
                "termijn_herinnering",
                verzoek=verzoek,
                taak=taak,
                te_laat=te_laat,
                uiterlijk=moment(taak.due),
            )
            bericht_schrijven(
                soort="termijn-herinnering",
                ontvangers=herinnering_ontvangers(taak),
                sleutel=f"herinnering:{taak.pk}",
                onderwerp=onderwerp,
                inhoud=inhoud,
                obj=taak,
                nu=nu,
            )
            audit_record(
                gebeurtenis=Gebeurtenis.HERINNERING_GEPLAND,
                actor=None,
                obj=taak,
                na={"due": taak.due.isoformat(), "herinnering_op": nu.isoformat()},
            )
            result.herinneringen.append(taak.pk)
    delen = Deelverzoek.objects.filter(volgende_timer__isnull=False, volgende_timer__lte=nu)
    if deelverzoek_id is not None:
        delen = delen.filter(pk=deelverzoek_id)
    for pk in list(delen.order_by("volgende_timer").values_list("pk", flat=True)):
        with transaction.atomic():
            deel = deelverzoek_onder_slot(pk)
            if deel.volgende_timer is None or deel.volgende_timer > nu:
                continue
            run = workflow.run_laden(deel)
            gevuurd = engine.refresh_timers(run, now=nu)
            sync = na_engine_stap(deelverzoek=deel, run=run, door=None, nu=nu)
            for timer in gevuurd:
                result.gevuurd.append((deel.pk, timer))
            geen_zienswijze = (
                geen_zienswijze_vastleggen(vervallen=sync.vervallen, nu=nu)
                if ZIENSWIJZE_TIMER in gevuurd
                else []
            )
            audit_record(
                gebeurtenis=Gebeurtenis.TIMER_VERLOPEN,
                actor=None,
                obj=deel,
                na={
                    "timers": gevuurd,
                    "nieuwe_taken": [t.bpmn_id for t in sync.nieuw],
                    "volgende_timer": (
                        deel.volgende_timer.isoformat() if deel.volgende_timer else None
                    ),
                    **({"geen_zienswijze": geen_zienswijze} if geen_zienswijze else {}),
                },
            )
    return result


def geen_zienswijze_vastleggen(*, vervallen: list[Taak], nu: datetime) -> list[int]:
    """Record on the cancelled zienswijze task(s) that none came within the term.

    The task keeps status vervallen; its `gegevens` become ``{"zienswijze": GEEN_ZIENSWIJZE}``
    and the RCCB and the regioburgemeester are told (outbox, ``geen-zienswijze``). In the
    caller's transaction. Bron: Pw 2012 art. 56 lid 3 ("in de gelegenheid is gesteld");
    ADR-0023.

    Returns:
        The ids of the tasks recorded.
    """
    gedaan: list[int] = []
    for taak in vervallen:
        if taak.bpmn_id != ZIENSWIJZE_STAP:
            continue
        taak.gegevens = {"zienswijze": GEEN_ZIENSWIJZE}
        Taak.objects.filter(pk=taak.pk).update(gegevens=taak.gegevens)
        verzoek = taak.verzoek
        regio = Organisatie.objects.get(pk=taak.organisatie_id)
        onderwerp, inhoud = bericht_tekst(
            "geen_zienswijze",
            verzoek=verzoek,
            uiterlijk=moment(taak.due) if taak.due else "-",
        )
        bericht_schrijven(
            soort="geen-zienswijze",
            ontvangers=[verzoek.rccb, regio],
            sleutel=f"geen-zienswijze:{taak.pk}",
            onderwerp=onderwerp,
            inhoud=inhoud,
            obj=taak,
            nu=nu,
        )
        gedaan.append(taak.pk)
    return gedaan
