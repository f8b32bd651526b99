"""`make run`'s server never answers 500 to a path that climbs out of /static/ (issue #9)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings

import pytest

from tests.ui.ontwikkelserver import wsgi_get

pytestmark = pytest.mark.usefixtures("referentiedata")


@override_settings(ALLOWED_HOSTS=["testserver"])
@pytest.mark.parametrize(
    "pad",
    [
        "/static/../conf/base.py",
        "/static/..%2fconf/base.py",
        "/static/%2e%2e/conf/base.py",
        "/static/../../../../../../etc/passwd",
        "/static/ui/../../conf/base.py",
    ],
)
def test_pad_buiten_static_geeft_404_en_niet_het_bestand(pad: str) -> None:
    status, _, body = wsgi_get(pad)
    assert status == "404 Not Found"
    tekst = body.decode()
    assert "SECRET_KEY" not in tekst
    assert "root:" not in tekst
    assert '<h1 class="utrecht-heading-1">Niet gevonden</h1>' in tekst


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_bestaand_statisch_bestand_wordt_gewoon_geserveerd() -> None:
    status, headers, body = wsgi_get(f"/static/{settings.THEME_CSS}")
    assert status == "200 OK"
    assert headers["Content-Type"] == "text/css"
    gevonden = finders.find(settings.THEME_CSS)
    assert gevonden is not None
    assert body == Path(gevonden).read_bytes()
