"""Read-only queries on organisations."""

from __future__ import annotations

from collections.abc import Iterable

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
