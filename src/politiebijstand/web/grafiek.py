"""The one server-side SVG bar chart of the product (reports and FNIK; ADR 0040, 0041, 0045).

A chart is a horizontal bar chart: one bar per row of the table that stands below it, the
row's label left of the bar, its value right of it, and an x axis with four round ticks and
its name (with the unit). The SVG is an image (``role="img"``) named by its ``<title>``
(``aria-labelledby``) and described by a ``<desc>`` (what the bars are and that the table
below it holds the same figures); every bar has its own ``<title>`` ("label: value") for
screen readers and as a tooltip. No JavaScript, no library, nothing for the CSP to allow.
All text is escaped; the markup is safe to put in a template as is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from politiebijstand.web.tekst import getal

#: Layout, in SVG user units (px at 100 %). Drawn at full size above its table, the texts
#: are 11 to 12 px on screen (#11 trial: 7 px when squeezed beside the table).
BREEDTE = 880
LABEL_BREEDTE = 450
WAARDE_BREEDTE = 100
BALK_HOOGTE = 18
BALK_AFSTAND = 6
BOVEN = 8
AS_HOOGTE = 40
TICKS = 4
#: Longest label on the chart, in characters (the longest procedure name, 72, fits).
LABEL_LENGTE = 72
#: The bars' colour (Rijkshuisstijl dark blue, as the pages).
KLEUR = "#154273"

Waarde = float | Decimal


def _stap(maximum: float) -> float:
    """A round tick step so that `TICKS` ticks cover `maximum` (1, 2 or 5 times a power of 10)."""
    if maximum <= 0:
        return 1.0
    ruw = maximum / TICKS
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 5, 10):
        if factor * macht >= ruw:
            return float(factor * macht)
    return float(10 * macht)  # pragma: no cover - the loop always returns


def _kort(tekst: str, lengte: int = LABEL_LENGTE) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def staafdiagram(
    *,
    titel: str,
    labels: Sequence[str],
    waarden: Sequence[Waarde | None],
    as_naam: str,
    sleutel: str,
    waarde_tekst: Callable[[Any], str] = getal,
    beschrijving: str | None = None,
) -> SafeString:
    """An SVG horizontal bar chart of `waarden` (None is drawn as no bar and "geen").

    Args:
        titel: the chart's accessible name (the table's caption).
        labels: one label per bar (shortened to `LABEL_LENGTE` characters on the chart; the
            bar's title and the table keep the whole label).
        waarden: one number per bar, >= 0 (counts, hours, or euro as `Decimal`), or None.
            Only the bars' lengths are computed in float; the texts come from `waarde_tekst`.
        as_naam: the x axis' name with its unit, e.g. ``"Verzoeken"``, ``"Uren"``, ``"Euro"``.
        sleutel: a short id part, unique on the page (``"per-maand"``).
        waarde_tekst: the text of a value beside its bar and in its title (`getal`, or
            `politiebijstand.web.tekst.euro`); the axis ticks are always `getal`.
        beschrijving: the ``<desc>``; by default "Staafdiagram: <as_naam> per rij. De tabel
            eronder geeft dezelfde cijfers."

    Returns:
        The ``<svg>`` markup, marked safe (every text is escaped).

    Raises:
        ValueError: when labels and values differ in number, or a value is negative.
    """
    if len(labels) != len(waarden):
        raise ValueError("staafdiagram: labels en waarden verschillen in aantal")
    if any(w is not None and w < 0 for w in waarden):
        raise ValueError("staafdiagram: een waarde is negatief")
    getallen = [float(w) for w in waarden if w is not None]
    stap = _stap(max(getallen, default=0.0))
    schaal_max = stap * TICKS
    plot = BREEDTE - LABEL_BREEDTE - WAARDE_BREEDTE
    hoogte = BOVEN + len(labels) * (BALK_HOOGTE + BALK_AFSTAND) + AS_HOOGTE
    titel_id = f"grafiek-{escape(sleutel)}-titel"
    desc_id = f"grafiek-{escape(sleutel)}-desc"
    if beschrijving is None:
        beschrijving = (
            f"Staafdiagram: {as_naam.lower()} per rij. De tabel eronder geeft dezelfde cijfers."
        )
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pb-grafiek" role="img" '
        f'aria-labelledby="{titel_id}" aria-describedby="{desc_id}" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" width="{BREEDTE}" height="{hoogte}">',
        f'<title id="{titel_id}">{escape(titel)}</title>',
        f'<desc id="{desc_id}">{escape(beschrijving)}</desc>',
    ]
    as_y = BOVEN + len(labels) * (BALK_HOOGTE + BALK_AFSTAND)
    for i in range(TICKS + 1):
        x = LABEL_BREEDTE + plot * i / TICKS
        delen.append(
            f'<line class="pb-grafiek__raster" x1="{x:.1f}" y1="{BOVEN}" x2="{x:.1f}" '
            f'y2="{as_y}" stroke="#ccc" stroke-width="1"/>'
            f'<text class="pb-grafiek__tick" x="{x:.1f}" y="{as_y + 14}" text-anchor="middle" '
            f'font-size="11">{getal(stap * i)}</text>'
        )
    delen.append(
        f'<line class="pb-grafiek__as" x1="{LABEL_BREEDTE}" y1="{as_y}" '
        f'x2="{LABEL_BREEDTE + plot}" y2="{as_y}" stroke="#333" stroke-width="1"/>'
        f'<text class="pb-grafiek__asnaam" x="{LABEL_BREEDTE + plot / 2:.1f}" y="{as_y + 32}" '
        f'text-anchor="middle" font-size="12">{escape(as_naam)}</text>'
    )
    for i, (label, waarde) in enumerate(zip(labels, waarden, strict=True)):
        y = BOVEN + i * (BALK_HOOGTE + BALK_AFSTAND)
        midden = y + BALK_HOOGTE / 2 + 4
        tekst = "geen" if waarde is None else waarde_tekst(waarde)
        breedte = 0.0 if waarde is None else plot * float(waarde) / schaal_max
        delen.append(
            f'<text class="pb-grafiek__label" x="{LABEL_BREEDTE - 6}" y="{midden:.1f}" '
            f'text-anchor="end" font-size="12">{escape(_kort(label))}</text>'
            f'<rect class="pb-grafiek__balk" x="{LABEL_BREEDTE}" y="{y}" width="{breedte:.1f}" '
            f'height="{BALK_HOOGTE}" fill="{KLEUR}">'
            f"<title>{escape(label)}: {escape(tekst)}</title></rect>"
            f'<text class="pb-grafiek__waarde" x="{LABEL_BREEDTE + breedte + 4:.1f}" '
            f'y="{midden:.1f}" font-size="12">{escape(tekst)}</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text above is escaped
