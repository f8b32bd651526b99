"""The small SVG bar chart of the FNIK page: budget, committed, spent (ADR 0041).

Drawn on the server without a library; an image with a title, each bar with its own
``<title>`` ("label: € bedrag"); the table beside it holds the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils import numberformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BREEDTE = 560
LABEL = 120
WAARDE = 150
HOOGTE = 22
AFSTAND = 8


def euro(bedrag: Decimal | None) -> str:
    """An amount the Dutch way: ``Decimal("12500.5")`` gives ``"€ 12.500,50"``; None gives "-"."""
    if bedrag is None:
        return "-"
    afgerond = bedrag.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return "€ " + numberformat.format(
        afgerond, ",", decimal_pos=2, grouping=3, thousand_sep=".", force_grouping=True
    )


def balken(titel: str, rijen: Sequence[tuple[str, Decimal | None]]) -> SafeString:
    """A horizontal bar chart of `rijen` (label, amount); a missing amount has no bar."""
    maximum = max((b for _, b in rijen if b is not None), default=Decimal(0))
    ruimte = BREEDTE - LABEL - WAARDE
    hoogte = len(rijen) * (HOOGTE + AFSTAND) + AFSTAND
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pb-grafiek pb-fnik-grafiek" '
        f'role="img" viewBox="0 0 {BREEDTE} {hoogte}" width="{BREEDTE}" height="{hoogte}">'
        f"<title>{escape(titel)}</title>"
    ]
    for i, (label, bedrag) in enumerate(rijen):
        y = AFSTAND + i * (HOOGTE + AFSTAND)
        breedte = int(ruimte * bedrag / maximum) if bedrag and maximum else 0
        delen.append(
            f'<text x="{LABEL - 6}" y="{y + 16}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL}" y="{y}" width="{breedte}" height="{HOOGTE}" fill="#154273">'
            f"<title>{escape(label)}: {escape(euro(bedrag))}</title></rect>"
            f'<text x="{LABEL + breedte + 6}" y="{y + 16}">{escape(euro(bedrag))}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text is escaped above
