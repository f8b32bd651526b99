"""The result of one rule (`Uitkomst`): a value, the source it rests on, and why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from politiebijstand.rules.bron import Bron

T = TypeVar("T", covariant=True)


@dataclass(frozen=True, slots=True)
class Uitkomst(Generic[T]):
    """What a rule decided, on which source, and why (STYLE §3).

    Attributes:
        value: the decided value (a bool, an enum member, a `Route`, a warning text, ...).
        bron: the main source of the decision (an article of the Politiewet 2012 or a section
            of the factsheet).
        reden: a short Dutch explanation of why the rule gave this value.
        ook: further sources the decision rests on, in citation order.
        waarschuwingen: Dutch notes for the user that the decision brings with it (errata,
            conditions applied, financing); collected into `Advies.waarschuwingen`.
    """

    value: T
    bron: Bron
    reden: str
    ook: tuple[Bron, ...] = ()
    waarschuwingen: tuple[str, ...] = ()

    @property
    def bronnen(self) -> tuple[Bron, ...]:
        """All sources: `bron` first, then `ook`."""
        return (self.bron, *self.ook)


def labels(bronnen: Iterable[Bron]) -> tuple[str, ...]:
    """Citation labels of `bronnen` (`Bron.label`), without duplicates, in first-seen order."""
    return tuple(dict.fromkeys(b.label for b in bronnen))
