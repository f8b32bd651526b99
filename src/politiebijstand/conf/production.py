"""Production overlay: secrets from the environment, HTTPS only, no demo accounts.

Variables (besides those of conf/base.py):
    PB_SECRET_KEY: required; a long random string (at least 50 characters).
    PB_MFA_SLEUTEL: required; the Fernet key(s) of the second-factor secrets (conf/base.py).
    PB_DATABASE_URL: the PostgreSQL database, "postgres://user:pass@host:port/name".

The log-in rate limits (allauth) and used TOTP codes live in the cache, which must be shared
by all web processes: here the database cache (table ``pb_cache``, created by `migrate` under
any settings: migration accounts 0004).
The application's database role needs only SELECT and INSERT on ``audit_auditlogentry``.
"""

import os

from cryptography.fernet import Fernet

from politiebijstand.conf.base import *  # noqa: F403

DEBUG = False
if "PB_SECRET_KEY" not in os.environ:
    raise RuntimeError("PB_SECRET_KEY must be set in production")
SECRET_KEY = os.environ["PB_SECRET_KEY"]

# The second-factor secrets are encrypted with PB_MFA_SLEUTEL (ADR 0027): required here.
if not MFA_SLEUTELS:  # noqa: F405
    raise RuntimeError(
        "PB_MFA_SLEUTEL must be set in production: a Fernet key (44 characters), made with "
        "`python -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())'`"
    )
for _sleutel in MFA_SLEUTELS:  # noqa: F405
    try:
        Fernet(_sleutel.encode("ascii"))
    except ValueError as _fout:
        raise RuntimeError(
            "PB_MFA_SLEUTEL: each key must be a Fernet key (32 url-safe base64-encoded bytes)"
        ) from _fout

# Demo accounts (make run) can neither be created nor log in here (issue #3).
DEMO_ACCOUNTS_TOEGESTAAN = False

# Jobs: on PostgreSQL, huey's PostgresHuey on the same database (conf/base.py, issue #4).
_db = DATABASES["default"]  # noqa: F405
if _db["ENGINE"] == "django.db.backends.postgresql":
    HUEY = {
        **HUEY,  # noqa: F405
        "huey_class": "huey.PostgresHuey",
        "host": _db["HOST"] or None,
        "port": int(_db["PORT"]) if _db["PORT"] else None,
        "dbname": _db["NAME"],
        "user": _db["USER"] or None,
        "password": _db["PASSWORD"] or None,
    }
    HUEY.pop("filename", None)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pb_cache",
    }
}

# One JSON object per line on standard output, for the log collector (issue #9, ADR 0028).
LOGGING = logging_config(json=True, niveau=LOG_NIVEAU)  # noqa: F405

# HTTPS only, behind a reverse proxy that sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000  # one year, in seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # and CSP frame-ancestors 'none' (conf/base.py)

# Cookies: secure, not readable by scripts where possible, host-only (__Host- prefix).
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_NAME = "__Host-csrftoken"
MFA_TRUST_COOKIE_SECURE = True

# The audit trail's keys (issue #9, ADR 0026): required, at least 32 bytes, never in the
# database. The anchor key may be left out of the web processes' environment: it then falls
# back to PB_AUDIT_SLEUTEL there, and only the worker and `audit verify` need the real one.
for _naam in ("PB_AUDIT_SLEUTEL", "PB_AUDIT_ANKER_SLEUTEL"):
    _waarde = os.environ.get(_naam, "")
    if _naam == "PB_AUDIT_SLEUTEL" and not _waarde:
        raise RuntimeError("PB_AUDIT_SLEUTEL must be set in production (at least 32 bytes)")
    if _waarde and len(_waarde.encode("utf-8")) < 32:
        raise RuntimeError(f"{_naam} must be at least 32 bytes (UTF-8); it has fewer")
