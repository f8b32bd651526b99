"""Access-checked lookups: an object outside the user's scope answers 404, never 403.

The pattern for every object with need-to-know (Zulip's ``access_*_by_id``)::

    def access_verzoek_by_uuid(gebruiker, uuid):
        return access_or_404(VERZOEK_BEKIJKEN, gebruiker,
                             get_object_or_404(Bijstandsverzoek, uuid=uuid))

List pages filter with `filter_op_deelname` so that lists and the rule agree.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet
from django.http import Http404

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.toegang.regels import VERZOEK_BEKIJKEN, mag, organisatie_code

T = TypeVar("T")
M = TypeVar("M", bound=Model)


def access_or_404(regel: str, gebruiker: Gebruiker | AnonymousUser | None, obj: T) -> T:
    """Return `obj` when rule `regel` allows `gebruiker`; else raise Http404.

    Raises:
        Http404: the rule denies access (the same answer as for an object that does not exist,
            so that its existence does not leak).
    """
    if not mag(regel, gebruiker, obj):
        raise Http404("Niet gevonden.")
    return obj


def access_verzoek_or_404(gebruiker: Gebruiker | AnonymousUser | None, verzoek: T) -> T:
    """Return the request when the user's organisation takes part in it; else raise Http404."""
    return access_or_404(VERZOEK_BEKIJKEN, gebruiker, verzoek)


def filter_op_deelname(
    queryset: QuerySet[M],
    gebruiker: Gebruiker | AnonymousUser | None,
    *,
    organisatie_code_lookup: str,
) -> QuerySet[M]:
    """Only the rows in which the user's organisation takes part (for list pages and the API).

    Args:
        queryset: the rows to filter, e.g. ``Bijstandsverzoek.objects.all()``.
        gebruiker: the user; an inactive user, or one without an active organisation, gets none.
        organisatie_code_lookup: ORM path from the model to a participating organisation's
            code, e.g. ``"deelnemers__code"``.

    Returns:
        The filtered queryset, without duplicates.
    """
    code = organisatie_code(gebruiker)
    if code is None:
        return queryset.none()
    return queryset.filter(**{organisatie_code_lookup: code}).distinct()
