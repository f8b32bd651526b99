"""Template tags shared by every page."""

from __future__ import annotations

import re
from typing import Any

from django import template

from politiebijstand.organisaties.selectors import organisaties_by_codes

register = template.Library()

LOCC = "LOCC"


@register.simple_tag(takes_context=True)
def locc_piket(context: template.Context) -> Any:
    """The LOCC (its 24/7 piket number is `telefoon_spoed`) for the footer, or None.

    A view that has already fetched the organisations passes ``locc`` in its context, which
    saves the query. Source: factsheet, "Contactgegevens".
    """
    gegeven = context.get("locc")
    if gegeven is not None:
        return gegeven
    return organisaties_by_codes(codes=[LOCC]).get(LOCC)


@register.filter
def telefoon_href(nummer: str) -> str:
    """A phone number as written (``"088 - 662 80 48"``) for a ``tel:`` link (``"0886628048"``)."""
    return re.sub(r"[^0-9+]", "", nummer)
