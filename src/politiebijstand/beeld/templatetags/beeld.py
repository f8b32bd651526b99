"""Template filters of the operational picture."""

from __future__ import annotations

from django import template

from politiebijstand.beeld.forms import LEVERANCIERS

register = template.Library()


@register.filter
def leverancier_naam(leverancier: str) -> str:
    """A provider's short Dutch name (``"kmar"`` -> ``"KMar"``), else the value, or "-"."""
    return LEVERANCIERS.get(leverancier, leverancier) or "-"
