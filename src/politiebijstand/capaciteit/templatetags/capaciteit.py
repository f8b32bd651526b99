"""Template filters of the capacity register page."""

from __future__ import annotations

from datetime import timedelta

from django import template

from politiebijstand.web.tekst import duur

register = template.Library()


@register.filter(name="duur")
def duur_filter(tijd: timedelta | None) -> str:
    """A reaction time as ``"24 uur"``, ``"6 uur"`` or ``"30 min"`` (`web.tekst.duur`)."""
    return duur(tijd)
