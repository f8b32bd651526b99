"""`make run`: e-mail over SMTP to the catcher (files in PB_DATA_DIR/mail/), log-ins last."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def dev_instelling(tmp_path: Path, *namen: str, **env: str) -> list[str]:
    """Settings of conf.dev, read in a fresh interpreter with PB_DATA_DIR=`tmp_path`."""
    omgeving = {k: v for k, v in os.environ.items() if k != "PB_EMAIL_BACKEND"}
    omgeving.update({"PB_DATA_DIR": str(tmp_path), **env})
    code = "import politiebijstand.conf.dev as d; " + "; ".join(
        f"print(d.{naam})" for naam in namen
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True
    )
    return uit.stdout.splitlines()


def test_dev_verstuurt_email_over_smtp_naar_de_mailvanger(tmp_path: Path) -> None:
    assert dev_instelling(
        tmp_path, "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "MAILVANGER_MAP"
    ) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "127.0.0.1",
        "8025",
        str(tmp_path / "mail"),
    ]
    assert dev_instelling(tmp_path, "EMAIL_PORT", PB_MAILVANGER_POORT="8125") == ["8125"]


def test_pb_email_backend_gaat_voor(tmp_path: Path) -> None:
    backend = "django.core.mail.backends.smtp.EmailBackend"
    assert dev_instelling(tmp_path, "EMAIL_BACKEND", PB_EMAIL_BACKEND=backend) == [backend]


@pytest.mark.parametrize("email_backend", ["", "django.core.mail.backends.smtp.EmailBackend"])
def test_make_run_eindigt_met_adres_en_demo_accounts(email_backend: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PB_DATA_DIR", "PB_EMAIL_BACKEND")}
    if email_backend:
        env["PB_EMAIL_BACKEND"] = email_backend
    uit = subprocess.run(
        ["make", "-n", "run", "-o", ".venv/bin/politiebijstand", "PORT=8765"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    stappen = [regel for regel in uit if regel.strip()]
    melding = [r for r in stappen if "als bestand in var/mail/ bewaart" in r]
    assert len(melding) == (0 if email_backend else 1)
    demo = stappen.index(
        ".venv/bin/politiebijstand manage demo_accounts_laden > var/demo-accounts.txt"
    )
    verzoeken = stappen.index(".venv/bin/politiebijstand manage demo_verzoeken_laden")
    tonen = stappen.index("cat var/demo-accounts.txt")
    adres = next(i for i, r in enumerate(stappen) if "http://127.0.0.1:8765/" in r)
    server = next(i for i, r in enumerate(stappen) if "runserver" in r)
    assert demo < verzoeken < tonen < adres < server
    # The catcher (issue #10 item 6) starts with the worker and is stopped with it.
    vanger = next(i for i, r in enumerate(stappen) if "manage mailvanger & vanger=$!;" in r)
    stop = next(i for i, r in enumerate(stappen) if "trap 'kill $worker $vanger" in r)
    assert adres < vanger < stop < server
    mailboxen = stappen.index(".venv/bin/politiebijstand manage demo_mailboxen_laden")
    assert mailboxen < verzoeken
    assert "log in met een demo-account hierboven" in stappen[adres]
