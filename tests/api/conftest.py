"""Fixtures of the API tests: the reference data of organisations and areas."""

from __future__ import annotations

import pytest

from tests.verzoeken.helpers import referentiedata_laden_voor_test


@pytest.fixture
def referentiedata(db: None) -> None:
    referentiedata_laden_voor_test()
