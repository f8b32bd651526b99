"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def theme(request: HttpRequest) -> dict[str, str]:
    """The NL Design System theme stylesheet (static path), from settings.THEME_CSS."""
    return {"theme_css": settings.THEME_CSS}
