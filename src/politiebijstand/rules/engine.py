"""The routing engine: `advies_bepalen(Situatie) -> Advies`."""

from __future__ import annotations

from politiebijstand.rules.advies import Advies
from politiebijstand.rules.situatie import Situatie


def advies_bepalen(situatie: Situatie) -> Advies:
    """Compute the routing advice for a situation (to be implemented, issue #2)."""
    raise NotImplementedError
