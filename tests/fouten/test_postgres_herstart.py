"""PostgreSQL restarted under the running app (issue #13 item 5, ADR 0053).

Runs only on a throw-away cluster of ``scripts/pg-cluster.sh`` (``PB_DATABASE_URL``, as
``scripts/test.sh`` runs the suite a second time); skipped on SQLite. The app runs as in
production, in a live server thread (each request its own connection). The cluster is stopped
(``pg_ctl stop -m fast``): a page answers 503 with a Dutch text and the API a problem
``database-onbereikbaar``; started again, the next requests succeed without restarting the app.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from glob import glob
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.db import connection

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.web.storing import ONBEREIKBAAR
from tests.api.tokens import bearer, token_voor
from tests.verzoeken.helpers import maak_verzoek

pytestmark = pytest.mark.usefixtures("referentiedata")

#: The longest a pg_ctl call may take (seconds).
PG_TIMEOUT = 60


def _cluster() -> tuple[Path, str, str]:
    """The data folder, socket folder and port of the pg-cluster.sh cluster of this run."""
    url = os.environ.get("PB_DATABASE_URL", "")
    query = {k: v[-1] for k, v in parse_qs(urlparse(url).query).items()}
    socket = query.get("host", "")
    if connection.vendor != "postgresql" or not socket.startswith("/tmp/pb-pgtest-"):
        pytest.skip("alleen op een cluster van scripts/pg-cluster.sh (PB_DATABASE_URL)")
    return Path(socket) / "data", socket, query["port"]


def _pg_ctl(*args: str) -> None:
    kandidaten = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    pg_ctl = kandidaten[0] if kandidaten else shutil.which("pg_ctl")
    assert pg_ctl is not None
    als_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    subprocess.run(
        [*als_postgres, pg_ctl, *args],
        check=True,
        timeout=PG_TIMEOUT,
        capture_output=True,
    )


def _ophalen(url: str, koppen: dict[str, str]) -> tuple[int, dict[str, str], str]:
    assert url.startswith("http://")  # the live server only
    verzoek = urllib.request.Request(url, headers=koppen)  # noqa: S310 (http, checked above)
    try:
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:  # noqa: S310
            return antwoord.status, dict(antwoord.headers), antwoord.read().decode()
    except urllib.error.HTTPError as fout:
        return fout.code, dict(fout.headers), fout.read().decode()


@pytest.mark.django_db(transaction=True)
def test_postgres_herstart(live_server: Any, ingelogd_cookies: list[dict[str, str]]) -> None:
    data, socket, port = _cluster()
    verzoek = maak_verzoek()
    api = bearer(token_voor("LOCC", rol=Rol.BESLUITVORMER))
    sessie = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={ingelogd_cookies[0]['value']}"}
    pagina_url = f"{live_server.url}/verzoeken/"
    api_url = f"{live_server.url}/api/v1/verzoeken/{verzoek.uuid}"
    assert _ophalen(pagina_url, sessie)[0] == 200
    assert _ophalen(api_url, api)[0] == 200

    connection.close()
    _pg_ctl("-D", str(data), "-m", "fast", "-w", "stop")
    try:
        status, koppen, tekst = _ophalen(pagina_url, sessie)
        assert (status, koppen["Retry-After"]) == (503, "60")
        assert "De database is niet bereikbaar" in tekst
        assert "Probeer het over een minuut opnieuw." in tekst
        assert "Er is niets gewijzigd." in tekst  # a page read: nothing was being changed

        status, koppen, tekst = _ophalen(api_url, api)
        assert (status, koppen["Content-Type"]) == (503, "application/problem+json")
        assert json.loads(tekst) == {
            "type": "urn:politiebijstand:probleem:database-onbereikbaar",
            "title": "De database is niet bereikbaar",
            "status": 503,
            "detail": ONBEREIKBAAR.detail_lezen,  # a GET: nothing was being changed
        }
    finally:
        opties = f"-k {socket} -p {port} -c listen_addresses='' -c fsync=off"
        _pg_ctl("-D", str(data), "-l", str(data.parent / "server.log"), "-o", opties, "-w", "start")

    # The same app, not restarted: the next requests succeed.
    assert _ophalen(pagina_url, sessie)[0] == 200
    status, _, tekst = _ophalen(api_url, api)
    assert status == 200
    assert str(verzoek.uuid) in tekst
