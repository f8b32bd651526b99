"""One URL pattern's paths for many values, reversed once (issue #13 item 4, docs/performance.md).

Django's `reverse` walks the resolver for every call (about 50 µs here); a list of 50 rows
with three links each paid 7 to 8 ms of its 36 ms for it. `Pad` reverses a URL name once
with a marker argument and puts each value in the marker's place: the same path `reverse`
gives, for the argument kinds whose text needs no quoting (an ``int`` or a ``uuid`` converter).
"""

from __future__ import annotations

from uuid import UUID

from django.urls import reverse

#: The markers: values whose text cannot occur elsewhere in one of the project's paths.
_MARKER_GETAL = 987_654_321_987
_MARKER_UUID = UUID("f0f0f0f0-0f0f-4f0f-8f0f-f0f0f0f0f0f0")


class Pad:
    """The path of URL name `naam` for one argument, as `reverse(naam, args=[waarde])`.

    Args:
        naam: a URL name with exactly one argument (``"verzoeken:taak"``), of the converter
            ``int`` (default) or, with ``uuid=True``, ``uuid``.

    Raises:
        NoReverseMatch: `naam` does not exist or takes other arguments (at construction).
        ValueError: the marker does not occur exactly once in the reversed path.
    """

    __slots__ = ("_na", "_voor")

    def __init__(self, naam: str, *, uuid: bool = False) -> None:
        marker = str(_MARKER_UUID if uuid else _MARKER_GETAL)
        pad = reverse(naam, args=[marker if uuid else _MARKER_GETAL])
        if pad.count(marker) != 1:
            raise ValueError(f"{naam}: the path {pad!r} does not hold its argument once")
        self._voor, self._na = pad.split(marker)

    def __call__(self, waarde: int | UUID) -> str:
        """The path for `waarde` (an int, or a UUID for a ``uuid`` pattern)."""
        return f"{self._voor}{waarde}{self._na}"
