"""PB_LOKAAL_HTTP: plain HTTP for `make run-prod`, on loopback hosts only (ADR 0052)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest

from tests.conf.test_productie_start import GOED, melding

#: Prints the settings the override changes, one per line.
TONEN = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
    "s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_NAME, "
    "s.MFA_TRUST_COOKIE_SECURE, s.DEMO_ACCOUNTS_TOEGESTAAN)"
)


def python(code: str, **omgeving: str) -> subprocess.CompletedProcess[str]:
    """`code` under conf.production with exactly these PB_ variables (besides GOED)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    with tempfile.TemporaryDirectory(prefix="pb-lokaal-") as data:
        env.update(
            DJANGO_SETTINGS_MODULE="politiebijstand.conf.production",
            PB_DATA_DIR=data,
            **GOED,
            **omgeving,
        )
        return subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def test_zonder_lokaal_http_blijft_productie_https_en_zonder_demo() -> None:
    uit = python(TONEN, PB_DEMO_ACCOUNTS="1")
    assert (uit.returncode, uit.stdout) == (
        0,
        "True 31536000 True __Host-sessionid True __Host-csrftoken True False\n",
    )


@pytest.mark.parametrize("hosts", ["", "127.0.0.1,localhost", "localhost", "::1,127.0.0.1"])
def test_lokaal_http_op_loopback(hosts: str) -> None:
    uit = python(TONEN, PB_LOKAAL_HTTP="1", PB_ALLOWED_HOSTS=hosts, PB_DEMO_ACCOUNTS="1")
    assert (uit.returncode, uit.stdout) == (
        0,
        "False 0 False sessionid False csrftoken False True\n",
    )


def test_lokaal_http_zonder_pb_demo_accounts_laat_geen_demo_toe() -> None:
    uit = python(TONEN, PB_LOKAAL_HTTP="1")
    assert (uit.returncode, uit.stdout) == (
        0,
        "False 0 False sessionid False csrftoken False False\n",
    )


def test_lokaal_http_met_een_andere_host_start_niet() -> None:
    uit = python(
        TONEN, PB_LOKAAL_HTTP="1", PB_ALLOWED_HOSTS="127.0.0.1, bijstand.example.nl,10.0.0.5"
    )
    assert (uit.returncode, uit.stdout) == (1, "")
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        "PB_LOKAAL_HTTP is only allowed when PB_ALLOWED_HOSTS names loopback hosts only "
        "(127.0.0.1, localhost, ::1); not bijstand.example.nl, 10.0.0.5."
    )


#: The settings only (django.setup() would connect to the database, which is not there).
VERBINDING = (
    "from django.conf import settings as s; "
    "d = s.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
)
PG_URL = "postgres://pb:geheim@127.0.0.1:5432/pb"


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(None, "60 True"), ("", "60 True"), ("  ", "60 True"), ("0", "0 True"), (" 300 ", "300 True")],
)
def test_productie_houdt_de_postgresql_verbinding_en_controleert_hem(
    waarde: str | None, verwacht: str
) -> None:
    extra = {} if waarde is None else {"PB_DB_CONN_MAX_AGE": waarde}
    uit = python(VERBINDING, PB_DATABASE_URL=PG_URL, **extra)
    assert (uit.returncode, uit.stdout) == (0, verwacht + "\n")


@pytest.mark.parametrize("waarde", ["-1", "1.5", "een minuut"])
def test_een_ongeldige_pb_db_conn_max_age_start_niet(waarde: str) -> None:
    uit = python(VERBINDING, PB_DATABASE_URL=PG_URL, PB_DB_CONN_MAX_AGE=waarde)
    assert (uit.returncode, uit.stdout) == (1, "")
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        f"PB_DB_CONN_MAX_AGE must be a whole number of seconds (0 or more); not {waarde!r}."
    )


def test_bench_vloer_zonder_lokaal_http_start_niet() -> None:
    uit = python(TONEN, PB_BENCH_VLOER="1")
    assert (uit.returncode, uit.stdout) == (1, "")
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: Production settings refused: "
        "PB_BENCH_VLOER (the load benchmark's floor views) is only allowed together with "
        "PB_LOKAAL_HTTP, as `make bench-load` sets them."
    )


def test_bench_vloer_met_lokaal_http_hangt_de_vloer_op() -> None:
    uit = python(
        "import django; django.setup(); from django.urls import resolve; "
        "print(resolve('/bench/vloer/werkvoorraad/').url_name)",
        PB_LOKAAL_HTTP="1",
        PB_BENCH_VLOER="1",
    )
    assert (uit.returncode, uit.stdout) == (0, "vloer-werkvoorraad\n")


def test_lokaal_http_0_geldt_als_uit() -> None:
    uit = python(TONEN, PB_LOKAAL_HTTP="0", PB_ALLOWED_HOSTS="bijstand.example.nl")
    assert (uit.returncode, uit.stdout) == (
        0,
        "True 31536000 True __Host-sessionid True __Host-csrftoken True False\n",
    )


def test_lokaal_wsgi_weigert_zonder_lokaal_http() -> None:
    uit = python("import politiebijstand.conf.lokaal_wsgi")
    assert uit.returncode == 1
    assert melding(uit) == (
        "django.core.exceptions.ImproperlyConfigured: politiebijstand.conf.lokaal_wsgi is only "
        "for PB_LOKAAL_HTTP=1 (make run-prod); in production use politiebijstand.conf.wsgi "
        "behind a proxy that serves /static/."
    )


def test_lokaal_wsgi_dient_verzamelde_bestanden_en_niets_daarbuiten() -> None:
    code = (
        "import os\n"
        "from django.conf import settings\n"
        "import politiebijstand.conf.lokaal_wsgi as w\n"
        "root = settings.STATIC_ROOT\n"
        "os.makedirs(root / 'css', exist_ok=True)\n"
        "(root / 'css' / 'x.css').write_text('body{}')\n"
        "(root.parent / 'geheim.txt').write_text('nee')\n"
        "from django.test.client import RequestFactory\n"
        "def get(pad):\n"
        "    antwoord = []\n"
        "    def start(status, headers, exc_info=None):\n"
        "        antwoord.append(status)\n"
        "    body = b''.join(w.application(RequestFactory().get(pad).environ, start))\n"
        "    return antwoord[0].split()[0], body\n"
        "print(get('/static/css/x.css'))\n"
        "print(get('/static/../geheim.txt')[0])\n"
        "print(get('/static/css/../../geheim.txt')[0])\n"
    )
    uit = python(code, PB_LOKAAL_HTTP="1")
    assert uit.stderr == ""
    assert (uit.returncode, uit.stdout) == (0, "('200', b'body{}')\n404\n404\n")
