"""gunicorn's settings file in production: ``gunicorn -c python:politiebijstand.conf.gunicorn``.

gunicorn reads it in its master, before the application and without Django's settings; the
command line still gives the rest (``-w``, ``-b``, the WSGI module; docs/deployment.md).

- ``logconfig_dict``: gunicorn's own lines as one JSON object per line on standard output, in
  the format of the product's lines (`conf.logregels.gunicorn_logconfig`), at
  ``PB_LOG_NIVEAU`` (default INFO; gunicorn's ``--log-level`` no longer counts); no access
  log beside the product's request line.
- The control socket of ``gunicornc`` (gunicorn 25.1 and later) only where
  ``PB_GUNICORN_CONTROL_SOCKET`` names its path. gunicorn's default is one path per user
  (``$XDG_RUNTIME_DIR/gunicorn.ctl``, else ``$HOME/.gunicorn/gunicorn.ctl``), so a second
  master of the same user (a second unit, a ``make run-prod`` beside ``make bench-load``) took
  over the first one's socket.
"""

from __future__ import annotations

import os

from politiebijstand.conf.logregels import gunicorn_logconfig

logconfig_dict = gunicorn_logconfig(niveau=(os.environ.get("PB_LOG_NIVEAU") or "INFO").upper())

_control_socket = os.environ.get("PB_GUNICORN_CONTROL_SOCKET", "")
if _control_socket:
    control_socket = _control_socket
else:
    control_socket_disable = True
