"""Test helper: an API token of an organisation, made as its beheerder would (ADR 0049).

For any test that calls the API as another system (the schemathesis test among them):
``client.get(url, headers=bearer(token_voor("RCCB-MN")))``.
"""

from __future__ import annotations

import itertools
from datetime import date

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.tokens import token_aanmaken
from politiebijstand.organisaties.models import Organisatie

_teller = itertools.count(1)


def token_voor(
    organisatie: Organisatie | str,
    *,
    rol: str = Rol.MEDEWERKER,
    naam: str = "Testkoppeling",
    geldig_tot: date | None = None,
    door: Gebruiker | None = None,
) -> str:
    """The secret of a new, valid API token of `organisatie` (an Organisatie or its code).

    Args:
        organisatie: the token's organisation (must exist).
        rol: the role of its system account: medewerker (default) or besluitvormer.
        naam: what it is for.
        geldig_tot: its last valid day (Europe/Amsterdam); default 90 days after today.
        door: the beheerder who makes it; default a new beheerder of `organisatie`.

    Returns:
        The secret, ``pb_`` + 43 characters, for ``Authorization: Bearer <secret>``.
    """
    from datetime import timedelta

    from politiebijstand.accounts.tokens import GELDIGHEID_STANDAARD_DAGEN, vandaag

    if isinstance(organisatie, str):
        organisatie = Organisatie.objects.get(code=organisatie)
    if door is None:
        door = Gebruiker.objects.create_user(
            username=f"tokenbeheerder-{next(_teller)}",
            organisatie=organisatie,
            rol=Rol.BEHEERDER,
        )
    return token_aanmaken(
        door=door,
        naam=naam,
        rol=rol,
        geldig_tot=geldig_tot or vandaag() + timedelta(days=GELDIGHEID_STANDAARD_DAGEN),
    ).geheim


def bearer(geheim: str) -> dict[str, str]:
    """The header of a token call, for the test Client's ``headers=``."""
    return {"Authorization": f"Bearer {geheim}"}
