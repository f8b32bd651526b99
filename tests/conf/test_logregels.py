"""One log format for every process: huey's and gunicorn's own lines as JSON too (#9, #13)."""

from __future__ import annotations

import io
import json
import logging.config
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

import pytest

from politiebijstand.conf.logregels import gunicorn_logconfig, logging_config
from tests.scripts.test_run_prod import poort_open, vrije_poort

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def productie_logging() -> Iterator[io.StringIO]:
    """Production's LOGGING (JSON lines at INFO), its standard output in a buffer."""
    logging.config.dictConfig(logging_config(json=True, niveau="INFO"))
    [stdout] = [h for h in logging.getLogger().handlers if h.name == "stdout"]
    assert isinstance(stdout, logging.StreamHandler)
    buffer = io.StringIO()
    stdout.setStream(buffer)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


def test_huey_logt_als_json_vanaf_warning(productie_logging: io.StringIO) -> None:
    huey = logging.getLogger("huey")
    # huey's run_huey adds its own plain-text handler only to a logger without handlers.
    eigen = [h.name for h in huey.handlers if h.name]  # not pytest's capturing handlers
    assert eigen == ["stdout", "mail_admins"]
    huey.info("Executing politiebijstand.meldingen.tasks.berichten_versturen_task: 1")
    logging.getLogger("huey.consumer").error("Unhandled exception in task %s.", "abc")
    [regel] = [json.loads(r) for r in productie_logging.getvalue().splitlines()]
    del regel["timestamp"]
    assert regel == {
        "event": "Unhandled exception in task abc.",
        "level": "error",
        "logger": "huey.consumer",
        "process": os.getpid(),
    }


def test_huey_start_en_stop_van_de_consumer_blijven_zichtbaar(
    productie_logging: io.StringIO,
) -> None:
    """Which worker runs the periodic jobs shows at INFO; the line per job does not."""
    logging.getLogger("huey.consumer").info("Periodic tasks are enabled.")
    logging.getLogger("huey.consumer.Scheduler").info("Enqueueing periodic task %s.", "x")
    logging.getLogger("huey").info("Executing %s", "politiebijstand.audit.tasks.anker")
    regels = [json.loads(r) for r in productie_logging.getvalue().splitlines()]
    assert [(r["logger"], r["level"], r["event"]) for r in regels] == [
        ("huey.consumer", "info", "Periodic tasks are enabled.")
    ]


@pytest.mark.parametrize(
    ("niveau", "huey", "consumer", "scheduler"),
    [
        ("DEBUG", "DEBUG", "DEBUG", "DEBUG"),
        ("INFO", "WARNING", "INFO", "WARNING"),
        ("ERROR", "ERROR", "ERROR", "ERROR"),
    ],
)
def test_huey_volgt_het_logniveau(niveau: str, huey: str, consumer: str, scheduler: str) -> None:
    loggers = logging_config(json=True, niveau=niveau)["loggers"]
    assert loggers["huey"]["level"] == huey
    assert loggers["huey.consumer"]["level"] == consumer
    assert loggers["huey.consumer.Scheduler"]["level"] == scheduler


def test_gunicorn_logconfig_zonder_toegangslog() -> None:
    config = gunicorn_logconfig(niveau="INFO")
    assert config["loggers"]["gunicorn.error"]["level"] == "INFO"
    assert config["loggers"]["gunicorn.access"]["handlers"] == ["null"]


def test_gunicorn_met_het_instellingenbestand_logt_json_zonder_control_socket() -> None:
    poort = vrije_poort()
    thuis = Path(tempfile.mkdtemp(prefix="pb-gunicorn-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PB_", "XDG_"))}
    env.update(HOME=str(thuis), PYTHONPATH=str(REPO))
    proces = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            "python:politiebijstand.conf.gunicorn",
            "tests.conf.leeg_wsgi:application",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{poort}",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        einde = time.monotonic() + 30
        while not poort_open(poort):
            assert proces.poll() is None and time.monotonic() < einde, "gunicorn start niet"
            time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{poort}/", timeout=10) as antwoord:
            assert antwoord.read() == b"leeg"
    finally:
        proces.send_signal(signal.SIGTERM)
        uitvoer, _ = proces.communicate(timeout=30)
    regels = [json.loads(r) for r in uitvoer.splitlines()]  # every line is JSON
    assert {r["logger"] for r in regels} == {"gunicorn.error"}
    gebeurtenissen = [r["event"] for r in regels]
    assert gebeurtenissen[0].startswith("Starting gunicorn ")
    assert f"Listening at: http://127.0.0.1:{poort} ({proces.pid})" in gebeurtenissen
    assert any(g.startswith("Booting worker with pid: ") for g in gebeurtenissen)
    assert gebeurtenissen[-1] == "Shutting down: Master"
    assert all(r["timestamp"].endswith("Z") for r in regels)  # UTC
    # No access line (the product logs its own) and no control socket in $HOME.
    assert not any("GET /" in g for g in gebeurtenissen)
    assert not any("Control socket" in g for g in gebeurtenissen)
    assert not (thuis / ".gunicorn").exists()


@pytest.mark.django_db
def test_een_onbekende_host_is_een_400_zonder_foutregel(productie_logging: io.StringIO) -> None:
    """Django logs DisallowedHost at ERROR with a traceback: an alert and a mail per request
    of a scanner (an operator's trial, #13). The request line with its 400 stays."""
    from django.test import Client

    assert Client(HTTP_HOST="evil.example").get("/healthz").status_code == 400
    regels = [json.loads(r) for r in productie_logging.getvalue().splitlines()]
    assert [(r["logger"], r["level"], r["status"], r["path"]) for r in regels] == [
        ("politiebijstand.request", "info", 400, "/healthz")
    ]
