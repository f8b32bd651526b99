"""Helpers of the web tests: logged-in clients of existing organisations."""

from __future__ import annotations

from typing import Any

from django.test import Client

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import gebruiker


def als(code: str, rol: str = Rol.MEDEWERKER) -> tuple[Client, Gebruiker]:
    """A client logged in (with a second factor) as a new user of organisation `code`."""
    wie = gebruiker(code, rol)
    tweede_factor_instellen(wie)
    client = Client()
    client.force_login(wie)
    return client, wie


def inhoud(response: Any) -> str:
    return str(response.content.decode())
