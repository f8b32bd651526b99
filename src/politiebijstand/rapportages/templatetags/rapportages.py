"""Template filters of the report page."""

from __future__ import annotations

from django import template

from politiebijstand.web.tekst import getal

register = template.Library()


@register.filter(name="rapportcel")
def rapportcel(waarde: object) -> str:
    """A table cell: a number the Dutch way (``"12,5"``), "geen" for None, else the text."""
    if waarde is None:
        return "geen"
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return getal(waarde)
    return str(waarde)
