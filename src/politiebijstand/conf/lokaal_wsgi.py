"""WSGI entry point of `make run-prod` (ADR 0052): production plus the collected static files.

In production a reverse proxy serves ``/static/`` from ``STATIC_ROOT`` (`manage collectstatic`)
and gunicorn serves the rest (docs/deployment.md). On one machine without a proxy this module
serves ``STATIC_ROOT`` itself, with Django's static file view (a path outside it is a 404).
It refuses to load unless ``PB_LOKAAL_HTTP=1``, which production accepts on loopback only.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from django.core.wsgi import get_wsgi_application
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.static import serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.production")


class VerzameldeBestanden(StaticFilesHandler):
    """Serves ``STATIC_URL`` from ``STATIC_ROOT`` (the collected files), the rest by Django."""

    def serve(self, request: HttpRequest) -> HttpResponse | FileResponse:
        """The file under ``STATIC_ROOT``; a path that leaves it is "not found" (404), no 500."""
        try:
            pad = self.file_path(request.path)
            return serve(request, pad, document_root=str(settings.STATIC_ROOT))
        except SuspiciousFileOperation as exc:
            raise Http404("Niet gevonden.") from exc


def _application() -> Any:
    django_app = get_wsgi_application()
    if not getattr(settings, "LOKAAL_HTTP", False):
        raise ImproperlyConfigured(
            "politiebijstand.conf.lokaal_wsgi is only for PB_LOKAAL_HTTP=1 (make run-prod); "
            "in production use politiebijstand.conf.wsgi behind a proxy that serves /static/."
        )
    return VerzameldeBestanden(django_app)


application = _application()
