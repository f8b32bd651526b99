"""Read-only queries on organisations."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404

from politiebijstand.organisaties.models import Organisatie


def organisaties_by_codes(*, codes: Iterable[str]) -> dict[str, Organisatie]:
    """The organisations with the given codes, in one query.

    Args:
        codes: organisation codes of the contract (``"LOCC"``, ``"LE-POB"``, ...), for example
            all codes named by an `Advies`; duplicates are allowed.

    Returns:
        Code -> `Organisatie`, in the order in which the codes were first given. Codes without
        a row are left out (the caller decides how to show them); inactive rows are included,
        since an advice may still name them.
    """
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        return {}
    found = {o.code: o for o in Organisatie.objects.filter(code__in=wanted)}
    return {code: found[code] for code in wanted if code in found}


def organisaties_zonder_mailbox() -> list[Organisatie]:
    """The active organisations without a functional mailbox, by code (issue #10).

    Messages to them are not delivered (`meldingen`: status ``zonder_adres``).
    """
    return list(Organisatie.objects.filter(actief=True, mailbox="").order_by("code"))


# --- reference data in the API (issue #12 item 1, ADR 0047) ------------------------------------

#: Allowed ``sorteer`` values of the API's lists -> the ORDER BY.
SORTERING: dict[str, tuple[str, ...]] = {
    "code": ("code",),
    "-code": ("-code",),
    "naam": ("naam", "code"),
    "-naam": ("-naam", "-code"),
}

#: A municipality: an authority (soort ``gezag``) with its CBS code, ``GM`` and four digits.
_GEMEENTE = Q(soort="gezag", code__regex=r"^GM[0-9]{4}$")


def organisatie_list(
    *,
    zoek: str | None = None,
    soort: str | None = None,
    eenheid: str | None = None,
    sorteer: str = "code",
) -> QuerySet[Organisatie]:
    """Every organisation of the reference data (active or not), with its links loaded.

    Args:
        zoek: text in the code, name or short name (case-insensitive).
        soort: a key of `referentie.SOORTEN`.
        eenheid: a police unit's code: the organisations in its area (`Organisatie.eenheid`)
            and its parts (`Organisatie.parent`), e.g. its RCCB, municipalities and parketten.
        sorteer: a key of `SORTERING`.
    """
    qs = Organisatie.objects.all()
    if zoek:
        qs = qs.filter(
            Q(code__icontains=zoek) | Q(naam__icontains=zoek) | Q(afkorting__icontains=zoek)
        )
    if soort:
        qs = qs.filter(soort=soort)
    if eenheid:
        qs = qs.filter(Q(eenheid__code=eenheid) | Q(parent__code=eenheid))
    return qs.select_related("parent", "eenheid", "regioburgemeester").order_by(*SORTERING[sorteer])


def organisatie_by_code(code: str) -> Organisatie:
    """The organisation with this code.

    Raises:
        Http404: no such organisation.
    """
    organisatie = organisatie_list().filter(code=code).first()
    if organisatie is None:
        raise Http404("Niet gevonden.")
    return organisatie


def gemeente_list(
    *, zoek: str | None = None, eenheid: str | None = None, sorteer: str = "code"
) -> QuerySet[Organisatie]:
    """The municipalities (authorities with a CBS code ``GM....``) with their police unit.

    Args:
        zoek: text in the name (case-insensitive), e.g. ``"utrecht"``.
        eenheid: only the municipalities in this police unit (its code).
        sorteer: a key of `SORTERING`.
    """
    qs = Organisatie.objects.filter(_GEMEENTE)
    if zoek:
        qs = qs.filter(naam__icontains=zoek)
    if eenheid:
        qs = qs.filter(eenheid__code=eenheid)
    return qs.select_related("eenheid").order_by(*SORTERING[sorteer])


def gemeente_by_code(code: str) -> Organisatie:
    """The municipality with this CBS code (``GM0344``).

    Raises:
        Http404: no such municipality (also for the code of an organisation that is not one).
    """
    gemeente = gemeente_list().filter(code=code).first()
    if gemeente is None:
        raise Http404("Niet gevonden.")
    return gemeente
