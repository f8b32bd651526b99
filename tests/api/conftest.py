"""Fixtures of the API tests: how a test client authenticates (issue #12)."""

from __future__ import annotations

import pytest

from politiebijstand.accounts.constants import Rol
from tests.api.tokens import bearer, token_voor


@pytest.fixture
def api_kop(referentiedata: None) -> dict[str, str]:
    """The headers that authenticate an API call as another system of the LOCC.

    An API token of the LOCC (``Authorization: Bearer pb_...``, ADR 0049) whose system
    account decides (besluitvormer); the LOCC takes part in every procedure with the KMar,
    so it sees requests and has steps to do. No cookie, so no CSRF token.
    """
    return bearer(token_voor("LOCC", rol=Rol.BESLUITVORMER))
