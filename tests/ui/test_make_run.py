"""`make run`: e-mail to files in PB_DATA_DIR/mail/, the address and log-ins last (defect 13)."""

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


def test_dev_schrijft_email_naar_bestanden(tmp_path: Path) -> None:
    assert dev_instelling(tmp_path, "EMAIL_BACKEND", "EMAIL_FILE_PATH") == [
        "django.core.mail.backends.filebased.EmailBackend",
        str(tmp_path / "mail"),
    ]


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
    melding = [r for r in stappen if "elk bericht komt als bestand in var/mail/" in r]
    assert len(melding) == (0 if email_backend else 1)
    demo = stappen.index(
        ".venv/bin/politiebijstand manage demo_accounts_laden > var/demo-accounts.txt"
    )
    verzoeken = stappen.index(".venv/bin/politiebijstand manage demo_verzoeken_laden")
    tonen = stappen.index("cat var/demo-accounts.txt")
    adres = next(i for i, r in enumerate(stappen) if "http://127.0.0.1:8765/" in r)
    server = next(i for i, r in enumerate(stappen) if "runserver" in r)
    assert demo < verzoeken < tonen < adres < server
    assert "log in met een demo-account hierboven" in stappen[adres]
