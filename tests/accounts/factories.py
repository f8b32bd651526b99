"""Test helpers that create organisations and accounts (typed; plain functions)."""

from __future__ import annotations

import itertools
from typing import Any

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.organisaties.models import Organisatie

WACHTWOORD = "correct-paard-batterij-niet"
_teller = itertools.count(1)


def maak_organisatie(code: str | None = None, **velden: Any) -> Organisatie:
    """The organisation with `code`, created when missing (soort politie by default)."""
    code = code or f"ORG-{next(_teller)}"
    standaard = {
        "naam": f"Organisatie {code}",
        "afkorting": code,
        "soort": "politie",
        "omschrijving": "Testorganisatie.",
        "bron": "test",
    }
    organisatie, _ = Organisatie.objects.get_or_create(code=code, defaults={**standaard, **velden})
    return organisatie


_GEEN = object()


def maak_gebruiker(
    code: str | None = None,
    rol: str = Rol.MEDEWERKER,
    *,
    organisatie: Organisatie | object | None = _GEEN,
    username: str | None = None,
    password: str = WACHTWOORD,
    **velden: Any,
) -> Gebruiker:
    """A new account of organisation `code` (created when missing) with `rol`.

    Pass ``organisatie=None`` for an account without organisation.
    """
    if organisatie is _GEEN:
        organisatie = maak_organisatie(code)
    assert organisatie is None or isinstance(organisatie, Organisatie)
    return Gebruiker.objects.create_user(
        username=username or f"gebruiker{next(_teller)}",
        password=password,
        organisatie=organisatie,
        rol=rol,
        **velden,
    )
