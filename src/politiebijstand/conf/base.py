"""Every setting, read from the environment (overlays only override values).

Variables:
    PB_SECRET_KEY: Django secret key (string). Required in production.
    PB_DEBUG: "1" for debug mode (bool, default off).
    PB_ALLOWED_HOSTS: comma-separated host names (default "127.0.0.1,localhost").
    PB_BASIS_URL: the address of the product as its users reach it, scheme and host without a
        trailing slash, for the links in e-mail (default "http://localhost:8000"; ADR 0035).
    PB_DATABASE_URL: "sqlite:///path" (default: db.sqlite3 in PB_DATA_DIR) or
        "postgres://user:pass@host:port/name".
    PB_DATA_DIR: folder for the embedded SQLite database and huey queue (default "./var").
    PB_THEME_CSS: static path of the NL Design System theme CSS (default: the neutral
        voorbeeld theme), so a deploying organisation can use its own tokens.
"""

from __future__ import annotations

import os
from email.utils import getaddresses
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

import structlog

from politiebijstand.conf.logregels import LOG_VOORWERK, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str) -> str:
    """Read a setting from the environment (string); `default` when unset or empty."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean setting: "1", "true", "yes" and "on" are true (case-insensitive)."""
    raw = os.environ.get(name)
    if not raw:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(env("PB_DATA_DIR", str(Path.cwd() / "var")))

SECRET_KEY = env("PB_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("PB_DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in env("PB_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
BASIS_URL = env("PB_BASIS_URL", "http://localhost:8000").rstrip("/")


def database_from_url(url: str) -> dict[str, Any]:
    """Translate PB_DATABASE_URL into a Django DATABASES entry.

    SQLite runs in WAL mode with IMMEDIATE transactions so that the web and worker processes
    can share it (STACK-NOTES).

    Raises:
        ValueError: for a scheme other than sqlite or postgres(ql).
    """
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative/path or sqlite:////absolute/path, as SQLAlchemy writes them
        name = unquote(url.removeprefix("sqlite:///"))
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
            },
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        # A Unix socket folder may be given as ?host=/path (libpq style).
        query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parsed.path.lstrip("/"),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": query.get("host", parsed.hostname or ""),
            "PORT": query.get("port", str(parsed.port or "")),
        }
    raise ValueError(f"PB_DATABASE_URL: unsupported scheme {parsed.scheme!r}")


_default_db = f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
DATABASES = {"default": database_from_url(env("PB_DATABASE_URL", _default_db))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # used by allauth.usersessions' templates
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "politiebijstand.ui",
    "politiebijstand.organisaties",
    "politiebijstand.accounts",
    "politiebijstand.audit",
    "politiebijstand.toegang",
    "politiebijstand.wijzer",
    "politiebijstand.verzoeken",
    "politiebijstand.documenten",
    "politiebijstand.capaciteit",
    "politiebijstand.meldingen",
    "politiebijstand.webhooks",
    "politiebijstand.werkvoorraad",
    "politiebijstand.rapportages",
    "politiebijstand.beeld",
    "politiebijstand.fnik",
    "politiebijstand.api",
    "huey.contrib.djhuey",
    # After the project's apps, so that ui/templates/ overrides allauth's templates.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
]

MIDDLEWARE = [
    "politiebijstand.web.requestlog.RequestLogMiddleware",  # first: logs every answer (#9)
    "politiebijstand.web.head.HeadZonderInhoudMiddleware",  # HEAD: headers, no body (#13)
    # /api/: API-Version, no-store and problem+json on every answer; HTTPS only (#12, ADR 0046)
    "politiebijstand.web.api_middleware.ApiKoppenMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "politiebijstand.web.cache.NietBewarenMiddleware",  # no-store (issue #9, ADR 0029)
    # Reads the query string and form data first: too many fields or too much data get a
    # Dutch 400 or 413 page instead of a 500; a 405 gets a page (not /api/).
    "politiebijstand.ui.middleware.FoutpaginaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "politiebijstand.accounts.middleware.InlogVerplichtMiddleware",
    "politiebijstand.accounts.middleware.SessieMaximumMiddleware",
    "politiebijstand.accounts.middleware.TweedeFactorVerplichtMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

AUTH_USER_MODEL = "accounts.Gebruiker"
AUTHENTICATION_BACKENDS = ["politiebijstand.accounts.backends.AuthenticationBackend"]

ROOT_URLCONF = "politiebijstand.conf.urls"
WSGI_APPLICATION = "politiebijstand.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "politiebijstand.ui.context_processors.theme",
            ],
            # Tags of the request pages, used by the wizard's result page (issue #4).
            "libraries": {"verzoeken": "politiebijstand.verzoeken.ui.tags"},
        },
    },
]

# The interface is Dutch only: no LocaleMiddleware, so a browser asking for English gets the
# Dutch texts too (allauth's and Django's included).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"  # shown to users; stored as UTC (USE_TZ)
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
THEME_CSS = env("PB_THEME_CSS", "vendor/voorbeeld-design-tokens/theme.css")
# Django's finders, but /static/../x is "not found" (404) instead of a 500 (issue #9).
STATICFILES_FINDERS = [
    "politiebijstand.ui.finders.FileSystemFinder",
    "politiebijstand.ui.finders.AppDirectoriesFinder",
]

X_FRAME_OPTIONS = "DENY"

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # Issue #12 item 3 (ADR 0049): an organisation's API token (Bearer) first, then issue #3's
    # session log-in (with its second factor), CSRF on unsafe methods for the session only.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "politiebijstand.accounts.authenticatie.ApiTokenAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # OPTIONS answers with the Allow header only; the OpenAPI document describes the API.
    "DEFAULT_METADATA_CLASS": "politiebijstand.web.metadata.AlleenMethoden",
}
# The OpenAPI document (drf-spectacular), public at /api/v1/openapi.json and .yaml and committed
# as docs/openapi.yaml (`make openapi`; a test fails when they differ): ADR 0046.
# PB_API_CONTACT_EMAIL: the address in its info.contact (default the LOCC's, from
#     organisaties/data/organisaties.yaml).
SPECTACULAR_SETTINGS = {
    "TITLE": "politiebijstand API",
    "DESCRIPTION": (
        "De API van politiebijstand: het bijstandsadvies (openbaar) en de bijstandsverzoeken, "
        "de werkvoorraad en de stappen van de procedures (met inloggen). Volgt de NLGov API "
        "Design Rules: elk antwoord draagt de kop API-Version, fouten zijn "
        "application/problem+json (RFC 9457), antwoorden worden niet bewaard "
        "(Cache-Control: no-store), in productie alleen HTTPS."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "CONTACT": {
        "name": "LOCC (Landelijk Operationeel Coördinatiecentrum)",
        "email": env("PB_API_CONTACT_EMAIL", "locc@nctv.minvenj.nl"),
        "url": "https://www.nctv.nl/locc",
    },
    # Relative: the document holds for every host that serves it.
    "SERVERS": [{"url": "/api/v1", "description": "Versie 1 van de API, op deze server."}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    # Problem+json for errors, API-Version on every answer, the codes that can always occur.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "politiebijstand.api.openapi.nlgov_nabewerking",
    ],
    # Public, as the advice API it describes (issue #8, ADR 0020).
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    # One name per choice set, so that `manage.py spectacular --fail-on-warn` stays clean.
    "ENUM_NAME_OVERRIDES": {
        "GezagEnum": ["burgemeester", "officier_van_justitie", "minister_jenv"],  # rules.Gezag
        "BevoegdGezagEnum": "politiebijstand.verzoeken.constants.Gezag",
        "VerzoekStatusEnum": "politiebijstand.verzoeken.constants.VerzoekStatus",
        "DeelverzoekStatusEnum": "politiebijstand.verzoeken.constants.DeelverzoekStatus",
        "TaakStatusEnum": "politiebijstand.verzoeken.constants.TaakStatus",
        "BesluitUitkomstEnum": "politiebijstand.verzoeken.constants.BesluitUitkomst",
    },
}

# --- Accounts, log-in and sessions (issue #3) -------------------------------------------------
# PB_LOGIN_MAX_POGINGEN: failed log-ins per account name before lock-out (count, default 5).
# PB_LOGIN_BLOKKADE_SECONDEN: window and lock-out time of those failures (seconds, default 900).
# PB_SESSIE_INACTIEF_SECONDEN: a session ends after this long without a request (seconds, > 0,
#     default 1800 = 30 minutes).
# PB_SESSIE_MAXIMUM_SECONDEN: a session ends this long after log-in, however active (seconds,
#     > 0, default 43200 = 12 hours).
# PB_DEMO_ACCOUNTS: "1" allows the demo accounts of `make run` (bool, default on; always off
#     under conf.production).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/accounts/login/"
ACCOUNT_ADAPTER = "politiebijstand.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
LOGIN_MAX_POGINGEN = int(env("PB_LOGIN_MAX_POGINGEN", "5"))
LOGIN_BLOKKADE_SECONDEN = int(env("PB_LOGIN_BLOKKADE_SECONDEN", "900"))
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"20/m/ip,{LOGIN_MAX_POGINGEN}/{LOGIN_BLOKKADE_SECONDEN}s/key",
}
MFA_ADAPTER = "politiebijstand.accounts.adapter.MFAAdapter"
# PB_MFA_SLEUTEL: the key(s) that encrypt the TOTP secrets and recovery-code seeds at rest
#     (Fernet keys, 44 characters of url-safe base64; comma-separated for rotation: the first
#     encrypts, all decrypt). Kept outside the database (ADR 0027). Required in production;
#     conf/dev.py and conf/test.py set fixed keys.
MFA_SLEUTELS = [s.strip() for s in env("PB_MFA_SLEUTEL", "").split(",") if s.strip()]
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "politiebijstand"
MFA_ALLOW_UNVERIFIED_EMAIL = True  # no self sign-up: accounts are made by a beheerder


def env_count(name: str, default: str, *, unit: str, maximum: int | None = None) -> int:
    """Read a whole number of `unit` (seconds, minutes), greater than 0 and at most `maximum`.

    Raises:
        ImproperlyConfigured: naming the variable, for a value that is not a whole number, not
            positive (a timeout of 0 or less would end every session at once), or too large.
    """
    from django.core.exceptions import ImproperlyConfigured

    raw = env(name, default)
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of {unit} greater than 0, not {raw!r}"
        )
    if maximum is not None and value > maximum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of {unit} from 1 to {maximum}, not {raw!r}"
        )
    return value


def env_seconds(name: str, default: str) -> int:
    """Read a duration in whole seconds, greater than 0 (`env_count`)."""
    return env_count(name, default, unit="seconds")


SESSION_COOKIE_AGE = env_seconds("PB_SESSIE_INACTIEF_SECONDEN", "1800")
# SESSION_COOKIE_AGE is an idle timeout: accounts.middleware.SessieMaximumMiddleware renews it
# when a tenth of it (at most a minute) has passed since the last renewal.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSIE_MAXIMUM_SECONDEN = env_seconds("PB_SESSIE_MAXIMUM_SECONDEN", "43200")
DEMO_ACCOUNTS_TOEGESTAAN = env_bool("PB_DEMO_ACCOUNTS", True)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Public pages (issue #8, ADR 0020) --------------------------------------------------------
# The wizard, the rule catalogue, the advice API and its schema are open without log-in
# (web.publiek), with a limit per client address for anonymous callers:
# PB_PUBLIEK_LIMIET_AANTAL: requests per window (count, default 120; a wizard walk is about 20).
# PB_PUBLIEK_LIMIET_SECONDEN: the window (seconds, default 60).
PUBLIEK_LIMIET_AANTAL = int(env("PB_PUBLIEK_LIMIET_AANTAL", "120"))
PUBLIEK_LIMIET_SECONDEN = int(env("PB_PUBLIEK_LIMIET_SECONDEN", "60"))

# --- Content Security Policy (django-csp 4): self only; the UI vendors its assets ---------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # The TOTP QR code is inline SVG (mfa/totp/activate_form.html); the NL Design System
        # CSS draws checkbox ticks and select arrows as data: SVG images.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- Requests, timers, outbox and the worker (issue #4) ----------------------------------------
# PB_FORMALISATIE_TERMIJN: on the urgent path, the written formalisation is due this long after
#     the phone call (ISO 8601 duration, default "PT24H" = 24 hours).
# PB_ZIENSWIJZE_TERMIJN: in procedures 1 and 6, the regioburgemeester is given this long for
#     the zienswijze (Pw 2012 art. 56 lid 3); after it the request proceeds, recorded as "geen
#     zienswijze binnen de termijn" (ISO 8601 duration, default "PT24H" = 24 hours; ADR-0023).
# PB_HERINNERING_VOOR_SECONDEN: a reminder is sent this long before a task's due time (seconds,
#     default 7200 = 2 hours).
# PB_BERICHT_LEASE_SECONDEN: a worker holds a message of the outbox this long while sending it;
#     after that another worker may take it (seconds, default 300).
# PB_BERICHT_MAX_POGINGEN: attempts to send a message before it is marked failed (count,
#     default 8; the wait doubles from 1 minute).
# PB_EMAIL_AFZENDER: the From address of the messages (default "bijstand@localhost").
# PB_EMAIL_BACKEND: Django e-mail backend (default: the console backend, which prints; conf.dev,
#     used by `make run`, sends over SMTP to the local catcher `mailvanger` instead, which
#     writes each message to PB_DATA_DIR/mail/; ADR 0034). Production:
#     "django.core.mail.backends.smtp.EmailBackend" with the PB_EMAIL_* settings below.
# PB_EMAIL_HOST, PB_EMAIL_POORT: the SMTP relay (default "localhost", 25).
# PB_EMAIL_GEBRUIKER, PB_EMAIL_WACHTWOORD: SMTP log-in, or empty for none.
# PB_EMAIL_STARTTLS / PB_EMAIL_SSL: "1" for STARTTLS (port 587) or implicit TLS (port 465)
#     (bool, default off; at most one of them).
# PB_EMAIL_TIMEOUT: a blocking SMTP operation (connect, each command) gives up after this
#     long (seconds, default 30); keep it well below PB_BERICHT_LEASE_SECONDEN.
# PB_HUEY_IMMEDIATE: "1" runs jobs at once in the calling process (bool, default off; on in
#     tests).
FORMALISATIE_TERMIJN = env("PB_FORMALISATIE_TERMIJN", "PT24H")
ZIENSWIJZE_TERMIJN = env("PB_ZIENSWIJZE_TERMIJN", "PT24H")
HERINNERING_VOOR_SECONDEN = int(env("PB_HERINNERING_VOOR_SECONDEN", "7200"))
BERICHT_LEASE_SECONDEN = int(env("PB_BERICHT_LEASE_SECONDEN", "300"))
BERICHT_MAX_POGINGEN = int(env("PB_BERICHT_MAX_POGINGEN", "8"))
DEFAULT_FROM_EMAIL = env("PB_EMAIL_AFZENDER", "bijstand@localhost")
EMAIL_BACKEND = env("PB_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("PB_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("PB_EMAIL_POORT", "25"))
EMAIL_HOST_USER = env("PB_EMAIL_GEBRUIKER", "")
EMAIL_HOST_PASSWORD = env("PB_EMAIL_WACHTWOORD", "")
EMAIL_USE_TLS = env_bool("PB_EMAIL_STARTTLS", False)
EMAIL_USE_SSL = env_bool("PB_EMAIL_SSL", False)
EMAIL_TIMEOUT = int(env("PB_EMAIL_TIMEOUT", "30"))
# PB_WEBHOOK_HTTP_TOESTAAN: "1" lets webhooks use http:// and loopback or private hosts (bool,
#     default off; on in dev and tests, always off in production: ADR 0050).
WEBHOOK_HTTP_TOESTAAN = env_bool("PB_WEBHOOK_HTTP_TOESTAAN", False)

# huey: SqliteHuey in PB_DATA_DIR for the embedded mode (`make run` starts one consumer next to
# the web server). Production (PostgreSQL) overrides HUEY with PostgresHuey on the same
# database (conf/production.py). Run one consumer with periodic tasks and any others with
# `--no-periodic` (a periodic task runs on every consumer that has them). The jobs are only
# wake-ups: the durable state is the outbox row (`meldingen.Bericht`) and the `volgende_timer`
# column of each procedure run.
HUEY = {
    "huey_class": "huey.SqliteHuey",
    "name": "politiebijstand",
    "filename": str(DATA_DIR / "huey.sqlite3"),
    "immediate": env_bool("PB_HUEY_IMMEDIATE", False),
    "utc": True,
    "consumer": {"workers": 1, "worker_type": "thread", "periodic": True},
}

# The audit trail's key and anchors (issue #9, ADR 0026, docs/audit.md).
# PB_AUDIT_SLEUTEL: key of the HMAC-SHA256 over each audit row (string, at least 32 bytes in
#     UTF-8; required in production, where startup refuses a missing or short key). Kept out of
#     the database, so that its administrator cannot recompute the chain.
# PB_AUDIT_ANKER_SLEUTEL: key that signs the anchors (checkpoint files) with HMAC-SHA256 (string,
#     at least 32 bytes; default: PB_AUDIT_SLEUTEL). Give it only to the worker that writes the
#     anchors and to whoever runs `audit verify`.
# PB_AUDIT_ANKER_DIR: folder of the anchors, outside the database (path, default
#     PB_DATA_DIR/audit-ankers); in production a separate volume or one shipped off-host.
# PB_AUDIT_ANKER_MINUTEN: the worker writes an anchor every this many minutes when the trail
#     has grown (minutes, 1-60, default 15; a divisor of 60 keeps the interval even).
# PB_DATABASE_APP_ROLE: on PostgreSQL, the application's database role, which migration
#     audit 0004 leaves only SELECT and INSERT on the audit table (string, default: none).
AUDIT_SLEUTEL = env("PB_AUDIT_SLEUTEL", "")
AUDIT_ANKER_SLEUTEL = env("PB_AUDIT_ANKER_SLEUTEL", AUDIT_SLEUTEL)
AUDIT_ANKER_DIR = Path(env("PB_AUDIT_ANKER_DIR", str(DATA_DIR / "audit-ankers")))
AUDIT_ANKER_MINUTEN = env_count("PB_AUDIT_ANKER_MINUTEN", "15", unit="minutes", maximum=60)
DATABASE_APP_ROLE = env("PB_DATABASE_APP_ROLE", "")

# --- Documents (issue #10, ADR 0032) -----------------------------------------------------------
# PB_DOCUMENTEN_DIR: folder of the stored PDFs, rendered and received; outside the static and
#     media web roots, served only after a need-to-know check (path, default
#     PB_DATA_DIR/documenten). Back it up with the database: a row without its file is an error.
# PB_DOCUMENT_MAX_BYTES: largest PDF that may be uploaded from outside (bytes, default 10485760
#     = 10 MiB).
DOCUMENTEN_DIR = Path(env("PB_DOCUMENTEN_DIR", str(DATA_DIR / "documenten")))
DOCUMENT_MAX_BYTES = env_count("PB_DOCUMENT_MAX_BYTES", str(10 * 1024 * 1024), unit="bytes")

# --- Logs and error mail (issue #9, ADR 0028, README "Logs") -------------------------------------
# Every process logs to standard output, one line per event: JSON lines in production, readable
# lines elsewhere. Each request gives one line (web.requestlog); an unhandled exception makes
# that line level "error" with the traceback.
# PB_LOG_NIVEAU: the lowest level logged: DEBUG, INFO, WARNING, ERROR (default INFO).
# PB_ADMINS: who gets an e-mail for each line of level error, comma-separated addresses,
#     optionally with a name: "Naam <beheer@example.nl>, ops@example.nl" (default: none, no
#     mail). The sender is PB_EMAIL_AFZENDER.
LOG_NIVEAU = env("PB_LOG_NIVEAU", "INFO").upper()


def admins_from_env(waarde: str) -> list[tuple[str, str]]:
    """Parse PB_ADMINS into Django's ``ADMINS``: ``[(naam, adres), ...]``.

    Args:
        waarde: comma-separated addresses, each ``adres`` or ``Naam <adres>``; may be empty.

    Raises:
        ImproperlyConfigured: naming PB_ADMINS and the entry, if an address is not valid.
    """
    admins: list[tuple[str, str]] = []
    for deel in (d.strip() for d in waarde.split(",")):
        if not deel:
            continue
        paren = getaddresses([deel])
        naam, adres = paren[0] if len(paren) == 1 else ("", "")
        try:
            validate_email(adres)
        except ValidationError:
            raise ImproperlyConfigured(
                f"PB_ADMINS: {deel!r} is not an e-mail address; write "
                '"Naam <adres@example.nl>, ander@example.nl"'
            ) from None
        admins.append((naam, adres))
    return admins


ADMINS = admins_from_env(env("PB_ADMINS", ""))
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # the sender of the error mails
EMAIL_SUBJECT_PREFIX = "[politiebijstand] "

structlog.configure(
    processors=[
        structlog.stdlib.filter_by_level,
        *LOG_VOORWERK,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.StackInfoRenderer(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    wrapper_class=structlog.stdlib.BoundLogger,
    cache_logger_on_first_use=True,
)

LOGGING = logging_config(json=False, niveau=LOG_NIVEAU)

# --- The load benchmark (issue #13 item 4) -----------------------------------------------------
# PB_BENCH_VLOER: "1" mounts /bench/vloer/: each measured page's main query without its
#     template, behind the same log-in and need-to-know (conf.vloer, ADR 0054; bool, default
#     off). Only `make bench-load` sets it; production refuses it without PB_LOKAAL_HTTP.
BENCH_VLOER = env_bool("PB_BENCH_VLOER", False)
if BENCH_VLOER:
    # The benchmark's users all log in from 127.0.0.1 within seconds, more than allauth's
    # default of 30 log-ins a minute per address; the limit on failed log-ins stays.
    ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "login": "600/m/ip"}
