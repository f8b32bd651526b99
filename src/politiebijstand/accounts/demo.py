"""Demo accounts for `make run`: one per role for the key organisations (issue #3)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.policy import demo_accounts_toegestaan
from politiebijstand.accounts.services import gebruiker_aanmaken, gebruiker_rechten_wijzigen
from politiebijstand.organisaties.models import Organisatie

#: The key organisations of the factsheet's procedures, with a short name for the log-in.
DEMO_ORGANISATIES: dict[str, str] = {
    "RCCB-MN": "rccb-mn",  # the requesting unit's RCCB (Midden-Nederland)
    "GM0344": "burgemeester-utrecht",  # the burgemeester (gezag, openbare orde)
    "OM-MN": "ovj-mn",  # the officier van justitie (gezag, justitiële taken)
    "LE-POB": "le-pob",
    "LOCC": "locc",
    "KORPSCHEF": "korpschef",
    "DJZ": "djz",
    "OZI": "ozi",
    "DOPS-KMAR": "dops-kmar",
}

#: The password of every demo account (demo only: refused under production settings).
DEMO_WACHTWOORD = "demo-bijstand"


class DemoNietToegestaan(Exception):
    """Demo accounts are not allowed here (production settings)."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    organisatie: str
    rol: str


def demo_accounts_laden() -> list[DemoAccount]:
    """Create (or reset) the demo accounts; no second factor is required for them.

    Also one technical administrator, ``demo-admin`` (Django admin, no sight of requests).

    Returns:
        The accounts, in a fixed order.

    Raises:
        DemoNietToegestaan: under settings that forbid demo accounts (production).
        LookupError: an organisation is missing; load the reference data first.
    """
    if not demo_accounts_toegestaan():
        raise DemoNietToegestaan(
            "Demo-accounts zijn niet toegestaan met deze instellingen (productie)."
        )
    with transaction.atomic():
        return _laden()


def _laden() -> list[DemoAccount]:
    organisaties = {o.code: o for o in Organisatie.objects.filter(code__in=DEMO_ORGANISATIES)}
    ontbrekend = [code for code in DEMO_ORGANISATIES if code not in organisaties]
    if ontbrekend:
        raise LookupError(
            f"organisatie {ontbrekend[0]} ontbreekt: draai eerst referentiedata_laden en "
            "gebieden_laden"
        )
    accounts: list[DemoAccount] = []
    for code, kort in DEMO_ORGANISATIES.items():
        for rol in Rol.values:
            naam = f"demo-{kort}-{rol}"
            _demo_account(naam, organisaties[code], rol)
            accounts.append(DemoAccount(naam, code, rol))
    beheer = _demo_account("demo-admin", organisaties["LOCC"], Rol.MEDEWERKER)
    if not (beheer.is_staff and beheer.is_superuser):
        gebruiker_rechten_wijzigen(door=None, gebruiker=beheer, is_staff=True, is_superuser=True)
    accounts.append(DemoAccount("demo-admin", "LOCC", "technisch beheer (Django admin)"))
    return accounts


def _demo_account(naam: str, organisatie: Organisatie, rol: str) -> Gebruiker:
    gebruiker = Gebruiker.objects.filter(username=naam).first()
    if gebruiker is None:
        return gebruiker_aanmaken(
            door=None,
            username=naam,
            organisatie=organisatie,
            rol=rol,
            password=DEMO_WACHTWOORD,
            is_demo=True,
        )
    gebruiker_rechten_wijzigen(
        door=None, gebruiker=gebruiker, organisatie=organisatie, rol=rol, is_active=True
    )
    gebruiker.set_password(DEMO_WACHTWOORD)
    gebruiker.is_demo = True
    gebruiker.save(update_fields=["password", "is_demo"])
    return gebruiker
