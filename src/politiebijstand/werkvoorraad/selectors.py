"""Reads of the work queue page that the domain's selectors do not give (issue #4).

The task list itself is `verzoeken.selectors.taak_list_for_werkvoorraad`; here are the counts
of the page's header (with "picked up by me") in one aggregate query, and the filter choices.
Scoped to the user's organisation like that selector (need-to-know, issue #3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.toegang.regels import organisatie_code
from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND, TaakStatus
from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.selectors import namens_filter


@dataclass(frozen=True)
class Tellingen:
    """Counts of one organisation's open tasks (status open or opgepakt).

    Attributes:
        totaal: every open task.
        te_laat: due time before `nu`.
        spoed: of urgent requests.
        door_mij: picked up by the user.
        opgepakt: picked up by anyone.
    """

    totaal: int = 0
    te_laat: int = 0
    spoed: int = 0
    door_mij: int = 0
    opgepakt: int = 0


def werkvoorraad_tellingen(*, gebruiker: Gebruiker | AnonymousUser, nu: datetime) -> Tellingen:
    """The header counts of the user's organisation's work queue, in one query.

    With the tasks it may record on behalf of a party without an account, as the list
    (`verzoeken.selectors.namens_filter`; issue #10 item 4).

    Args:
        gebruiker: the user; without an active organisation every count is 0 (no query).
        nu: aware datetime; a task is overdue when its due time is before it.
    """
    if (
        not isinstance(gebruiker, Gebruiker)
        or gebruiker.organisatie_id is None
        or organisatie_code(gebruiker) is None
    ):
        return Tellingen()
    eigen = Q(organisatie_id=gebruiker.organisatie_id)
    namens = namens_filter(gebruiker)
    totalen = Taak.objects.filter(
        eigen if namens is None else eigen | namens, status__in=TAAK_OPENSTAAND
    ).aggregate(
        totaal=Count("id"),
        te_laat=Count("id", filter=Q(due__lt=nu)),
        spoed=Count("id", filter=Q(spoed=True)),
        door_mij=Count("id", filter=Q(status=TaakStatus.OPGEPAKT, opgepakt_door=gebruiker.pk)),
        opgepakt=Count("id", filter=Q(status=TaakStatus.OPGEPAKT)),
    )
    return Tellingen(**{k: int(v or 0) for k, v in totalen.items()})


def eenheden() -> list[Organisatie]:
    """The police units (``EENHEID-*``) for the unit filter, by name (one query)."""
    return list(
        Organisatie.objects.filter(code__startswith="EENHEID-", parent__isnull=True)
        .only("id", "code", "naam", "afkorting")
        .order_by("naam")
    )
