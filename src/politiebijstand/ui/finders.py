"""Django's static-file finders, with a path outside the static folders as "not found".

With ``make run``, Django's development server serves ``/static/`` itself, outside the
middleware. A path that climbs out of the static folders (``/static/../conf/base.py``)
made the finders raise `SuspiciousFileOperation`, which that handler does not catch: a
500 (issue #9 item 6). Here such a path is simply not found, so the server answers 404;
the file was never served. In production the reverse proxy serves ``/static/``.
"""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation


class FileSystemFinder(finders.FileSystemFinder):
    """`STATICFILES_DIRS`, as Django's, but a path outside them is not found."""

    def find_location(self, root: str, path: str, prefix: str | None = None) -> str | None:
        try:
            return super().find_location(root, path, prefix)
        except SuspiciousFileOperation:
            return None


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    """Each app's ``static/`` folder, as Django's, but a path outside it is not found."""

    def find_in_app(self, app: str, path: str) -> str | None:
        try:
            return super().find_in_app(app, path)
        except SuspiciousFileOperation:
            return None
