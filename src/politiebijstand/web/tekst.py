"""Small rules for Dutch text on the pages, shared by templates and views."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import numberformat


def foutregel(label: str, melding: str) -> str:
    """A form error as a sentence: the field's label, then the message.

    A label that is a question already ends the sentence: ``"Is het spoedeisend?"`` and
    ``"Geef aan of het spoedeisend is."`` give ``"Is het spoedeisend? Geef aan of het
    spoedeisend is."``; other labels get a colon: ``"Titel: Dit veld is vereist."``.
    """
    return f"{label}{scheiding(label)}{melding}"


def scheiding(label: str) -> str:
    """What comes between a field's label and its error: ``" "`` after a question, else ``": "``."""
    return " " if label.rstrip().endswith(("?", ".", "!")) else ": "


def getal(waarde: float | Decimal) -> str:
    """A number the Dutch way: a comma for decimals, at most two, no trailing zeros.

    ``12.5`` gives ``"12,5"``, ``3.0`` gives ``"3"``, ``0.333`` gives ``"0,33"``. No thousands
    separator (the reports' counts and hours).
    """
    if float(waarde).is_integer():
        return str(int(waarde))
    return f"{waarde:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def euro(bedrag: Decimal | None) -> str:
    """An amount the Dutch way: ``Decimal("12500.5")`` gives ``"€ 12.500,50"``; None gives "-".

    Rounded half up to cents, points between thousands, a comma for cents (Django's
    numberformat, whatever the active locale). The one euro format of the product (FNIK page,
    decision form, evaluation, charts).
    """
    if bedrag is None:
        return "-"
    afgerond = bedrag.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return "€ " + numberformat.format(
        afgerond, ",", decimal_pos=2, grouping=3, thousand_sep=".", force_grouping=True
    )


def bedrag_invoer(bedrag: Decimal | None) -> str:
    """An amount to prefill an input, as `euro` without the sign: ``"2.500.000,00"``; None: "".

    The FNIK amount fields read this back (`politiebijstand.fnik.services.bedrag_lezen`).
    """
    if bedrag is None:
        return ""
    return euro(bedrag).removeprefix("€ ")


def duur(tijd: timedelta | None) -> str:
    """A duration in hours and minutes the Dutch way, e.g. a reaction time.

    ``timedelta(days=1)`` gives ``"24 uur"``, ``timedelta(hours=6)`` ``"6 uur"``,
    ``timedelta(minutes=30)`` ``"30 min"``, ``timedelta(hours=1, minutes=30)``
    ``"1 uur 30 min"``; seconds are dropped; None gives "-".
    """
    if tijd is None:
        return "-"
    minuten = int(tijd.total_seconds()) // 60
    uren, minuten = divmod(minuten, 60)
    if uren and minuten:
        return f"{uren} uur {minuten} min"
    if uren:
        return f"{uren} uur"
    return f"{minuten} min"
