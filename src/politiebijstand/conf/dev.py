"""Development / `make run` overlay: embedded SQLite, debug on, e-mail to files."""

import os

from politiebijstand.conf.base import *  # noqa: F403

DEBUG = True
# Webhooks may go to a receiver on this machine over http (ADR 0050).
WEBHOOK_HTTP_TOESTAAN = True

# The embedded SQLite database and huey's queue (SqliteHuey opens its file when the apps load)
# live in PB_DATA_DIR; make sure it exists.
DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405

# A fixed key for the second-factor secrets of `make run` (ADR 0027), unless PB_MFA_SLEUTEL
# gives one; never used in production (conf/production.py requires PB_MFA_SLEUTEL).
if not os.environ.get("PB_MFA_SLEUTEL"):
    MFA_SLEUTELS = ["OxyQHcW2_PZdy40CfOViGBCT7Mag6m6XRkqo-Bb4YZc="]

# E-mail (the demo requests' messages, reminders) goes over SMTP to the local catcher that
# `make run` starts next to the worker (`manage mailvanger`, ADR 0034), which writes one file
# per message to PB_DATA_DIR/mail/: the demo runs the real delivery path. PB_EMAIL_BACKEND
# still chooses another backend (then the PB_EMAIL_* settings of conf/base.py apply).
# PB_MAILVANGER_POORT: the catcher's port on 127.0.0.1 (default 8025).
MAILVANGER_POORT = int(os.environ.get("PB_MAILVANGER_POORT", "8025"))
MAILVANGER_MAP = DATA_DIR / "mail"  # noqa: F405
if not os.environ.get("PB_EMAIL_BACKEND"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = MAILVANGER_POORT
    EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
    EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_FILE_PATH = MAILVANGER_MAP

# DEVELOPMENT ONLY, NOT SECRET: fixed audit keys so that `make run` works without set-up.
# Production refuses to start without its own PB_AUDIT_SLEUTEL (conf/production.py).
AUDIT_SLEUTEL = env("PB_AUDIT_SLEUTEL", "dev-only-audit-sleutel-niet-geheim-0123456789")  # noqa: F405
AUDIT_ANKER_SLEUTEL = env("PB_AUDIT_ANKER_SLEUTEL", AUDIT_SLEUTEL)  # noqa: F405

# aiosmtpd logs every SMTP command of the catcher at INFO (logger "mail.log"), hundreds of lines
# that buried the server's own output; the caught files are the record (ADR 0034).
LOGGING["loggers"]["mail.log"] = {"handlers": [], "level": "WARNING", "propagate": True}  # noqa: F405
