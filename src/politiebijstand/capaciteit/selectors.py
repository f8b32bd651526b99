"""Read access to the capacity register (issue #11 item 1, ADR 0038)."""

from __future__ import annotations

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.capaciteit.models import Claim

#: The organisation that keeps the register (factsheet, toelichting 2 and 3).
BEHEERDER_CODE = "LOCC"


def mag_register_zien(gebruiker: Gebruiker) -> bool:
    """The LOCC and beheerders see the whole register (the page and the API, ADR 0038/0047)."""
    organisatie = gebruiker.organisatie
    return gebruiker.rol == Rol.BEHEERDER or (
        organisatie is not None and organisatie.code == BEHEERDER_CODE
    )


def claims_van_verzoek(verzoek_id: int) -> list[Claim]:
    """The active claims of one request, with capacity and provider (one query).

    Need-to-know is the caller's: `verzoeken` shows these only on a request the user may see.
    """
    return list(
        Claim.objects.filter(verzoek_id=verzoek_id, vrijgegeven_op__isnull=True)
        .select_related("capaciteit__organisatie")
        .order_by("deelverzoek_id", "regel_id", "capaciteit__naam", "id")
    )


def claims_van_organisatie(organisatie_id: int) -> list[Claim]:
    """Active claims of the requests `organisatie_id` takes part in (need-to-know, one query)."""
    return list(
        Claim.objects.filter(verzoek__deelnemers=organisatie_id, vrijgegeven_op__isnull=True)
        .select_related("capaciteit__organisatie", "verzoek")
        .order_by("van", "id")
    )
