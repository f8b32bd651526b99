"""Each document test stores its files in a folder of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper


@pytest.fixture(autouse=True)
def documentenmap(settings: SettingsWrapper, tmp_path: Path) -> Path:
    settings.DOCUMENTEN_DIR = tmp_path / "documenten"
    return Path(settings.DOCUMENTEN_DIR)
