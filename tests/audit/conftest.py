"""Each audit test gets its own anchor folder, so no anchor of another test counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper


@pytest.fixture(autouse=True)
def anker_map(settings: SettingsWrapper, tmp_path: Path) -> Path:
    map_ = tmp_path / "ankers"
    settings.AUDIT_ANKER_DIR = map_
    return map_
