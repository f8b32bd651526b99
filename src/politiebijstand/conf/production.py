"""Production overlay: PostgreSQL, secure cookies, HSTS; PB_SECRET_KEY is required."""

import os

from politiebijstand.conf.base import *  # noqa: F403

DEBUG = False
if "PB_SECRET_KEY" not in os.environ:
    raise RuntimeError("PB_SECRET_KEY must be set in production")
SECRET_KEY = os.environ["PB_SECRET_KEY"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000  # one year, in seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
