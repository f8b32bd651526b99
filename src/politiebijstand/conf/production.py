"""Production overlay: secrets from the environment, HTTPS only, no demo accounts, JSON logs.

Variables (besides those of conf/base.py):
    PB_SECRET_KEY: required; a long random string (at least 50 characters).
    PB_MFA_SLEUTEL: required; the Fernet key(s) of the second-factor secrets (conf/base.py).
    PB_AUDIT_SLEUTEL: required; the audit chain's key (at least 32 bytes, conf/base.py).
    PB_AUDIT_ANKER_SLEUTEL: the anchors' key (at least 32 bytes; default PB_AUDIT_SLEUTEL).
    PB_DATABASE_URL: the PostgreSQL database, "postgres://user:pass@host:port/name".
    PB_LOKAAL_HTTP: "1" serves plain HTTP on loopback, to try production mode on one machine
        (`make run-prod`, ADR 0052): no HTTPS redirect, no HSTS, cookies without Secure and
        without the __Host- prefix, and PB_DEMO_ACCOUNTS honoured (default off). Refused
        unless every host in PB_ALLOWED_HOSTS is a loopback name (127.0.0.1, localhost, ::1).

Startup refuses missing or malformed secrets with one message that names every variable at
fault (`settings_problems`), so that an operator fixes them all in one go.

The log-in rate limits (allauth) and used TOTP codes live in the cache, which must be shared
by all web processes: here the database cache (table ``pb_cache``, created by `migrate` under
any settings: migration accounts 0004).
The application's database role needs only SELECT and INSERT on ``audit_auditlogentry``.
"""

import os
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet

from politiebijstand.conf.base import *  # noqa: F403
from politiebijstand.conf.logregels import logging_config

#: Variables without which production does not start. PB_AUDIT_ANKER_SLEUTEL is not among
#: them: the web processes may go without it (ADR 0026), and it is checked when it is given.
VERPLICHTE_VARIABELEN = ("PB_SECRET_KEY", "PB_MFA_SLEUTEL", "PB_AUDIT_SLEUTEL")
SECRET_KEY_MIN_LENGTE = 50  # characters
#: The host names PB_LOKAAL_HTTP accepts in PB_ALLOWED_HOSTS (ADR 0052).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
AUDIT_SLEUTEL_MIN_BYTES = 32  # bytes in UTF-8


def settings_problems(omgeving: Mapping[str, str]) -> list[str]:
    """What is wrong with the production secrets in `omgeving` (the environment); [] if none.

    Each problem is one sentence that names its variable: first one for all missing
    variables, then one per malformed value.
    """
    problemen: list[str] = []
    ontbrekend = [naam for naam in VERPLICHTE_VARIABELEN if not omgeving.get(naam)]
    if ontbrekend:
        problemen.append(f"{', '.join(ontbrekend)} must be set in production")
    secret_key = omgeving.get("PB_SECRET_KEY", "")
    if secret_key and len(secret_key) < SECRET_KEY_MIN_LENGTE:
        problemen.append(
            f"PB_SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTE} characters; "
            f"it has {len(secret_key)}"
        )
    mfa = [s.strip() for s in omgeving.get("PB_MFA_SLEUTEL", "").split(",") if s.strip()]
    for sleutel in mfa:
        try:
            Fernet(sleutel.encode("ascii"))
        except ValueError:
            problemen.append(
                "PB_MFA_SLEUTEL: each key must be a Fernet key (32 url-safe base64-encoded "
                "bytes), made with `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`"
            )
            break
    for naam in ("PB_AUDIT_SLEUTEL", "PB_AUDIT_ANKER_SLEUTEL"):
        waarde = omgeving.get(naam, "")
        if waarde and len(waarde.encode("utf-8")) < AUDIT_SLEUTEL_MIN_BYTES:
            problemen.append(
                f"{naam} must be at least {AUDIT_SLEUTEL_MIN_BYTES} bytes (UTF-8); it has fewer"
            )
    if omgeving_bool(omgeving, "PB_LOKAAL_HTTP"):
        hosts = [
            h.strip()
            for h in (omgeving.get("PB_ALLOWED_HOSTS") or "127.0.0.1,localhost").split(",")
        ]
        buiten = [h for h in hosts if h not in LOOPBACK_HOSTS]
        if buiten:
            problemen.append(
                "PB_LOKAAL_HTTP is only allowed when PB_ALLOWED_HOSTS names loopback hosts only "
                f"(127.0.0.1, localhost, ::1); not {', '.join(buiten)}"
            )
    leeftijd = (omgeving.get("PB_DB_CONN_MAX_AGE") or "").strip()
    if leeftijd and not (leeftijd.isascii() and leeftijd.isdigit()):
        problemen.append(
            f"PB_DB_CONN_MAX_AGE must be a whole number of seconds (0 or more); not {leeftijd!r}"
        )
    if omgeving_bool(omgeving, "PB_BENCH_VLOER") and not omgeving_bool(omgeving, "PB_LOKAAL_HTTP"):
        problemen.append(
            "PB_BENCH_VLOER (the load benchmark's floor views) is only allowed together with "
            "PB_LOKAAL_HTTP, as `make bench-load` sets them"
        )
    return problemen


def omgeving_bool(omgeving: Mapping[str, str], naam: str) -> bool:
    """A boolean variable of `omgeving`, read as `env_bool` does ("1", "true", "yes", "on")."""
    return (omgeving.get(naam) or "").strip().lower() in {"1", "true", "yes", "on"}


if _problemen := settings_problems(os.environ):
    raise ImproperlyConfigured("Production settings refused: " + "; ".join(_problemen) + ".")

DEBUG = False
SECRET_KEY = os.environ["PB_SECRET_KEY"]

# Demo accounts (make run) can neither be created nor log in here (issue #3).
DEMO_ACCOUNTS_TOEGESTAAN = False
# Webhooks only to https:// URLs of public hosts, whatever the environment says (ADR 0050).
WEBHOOK_HTTP_TOESTAAN = False

# Jobs: on PostgreSQL, huey's PostgresHuey on the same database (conf/base.py, issue #4).
_db = DATABASES["default"]  # noqa: F405
if _db["ENGINE"] == "django.db.backends.postgresql":
    # PB_DB_CONN_MAX_AGE: seconds a web process keeps its PostgreSQL connection for the next
    #     requests (default 60; 0: a new connection per request). A new connection costs a
    #     backend process and a SCRAM exchange on both sides; `make bench-load` measured it
    #     (ADR 0055). Each kept connection is checked before a request reuses it, so that after
    #     a restart of PostgreSQL the next request connects anew (ADR 0053).
    _db["CONN_MAX_AGE"] = int((os.environ.get("PB_DB_CONN_MAX_AGE") or "").strip() or "60")
    _db["CONN_HEALTH_CHECKS"] = True
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
# The load balancer's health check may ask a node over plain HTTP; the answer says only whether
# the database answers (web.gezondheid), so it is not redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
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

# `make run-prod` (ADR 0052): plain HTTP on loopback only (settings_problems refuses other
# hosts). Browsers drop Secure and __Host- cookies over http://127.0.0.1, and HSTS would pin
# the loopback address to HTTPS, so these go; the demo accounts may be allowed so that one can
# log in without setting up a second factor. Everything else stays as in production.
LOKAAL_HTTP = env_bool("PB_LOKAAL_HTTP", False)  # noqa: F405
if LOKAAL_HTTP:
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    SECURE_HSTS_PRELOAD = False
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = MFA_TRUST_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "sessionid"
    CSRF_COOKIE_NAME = "csrftoken"
    DEMO_ACCOUNTS_TOEGESTAAN = env_bool("PB_DEMO_ACCOUNTS", False)  # noqa: F405
    # The mail catcher's SMTP dialogue (logger "mail.log"), as in conf/dev.py.
    LOGGING["loggers"]["mail.log"] = {"handlers": [], "level": "WARNING", "propagate": True}
