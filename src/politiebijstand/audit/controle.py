"""`audit verify`: the chain (`keten`) and the latest anchor (`anker`) together (issue #9).

The chain finds a changed, removed, inserted or renumbered row, and a row re-hashed without
the key; the latest anchor finds rows cut from the end and a chain rewritten up to the anchor
by someone who holds the key. A file in the anchor folder that is not a validly signed anchor
is reported as forged or damaged. No anchor at all is a warning, not a break.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from politiebijstand.audit.anker import Anker, afwijking, anker_map, ankers_lezen
from politiebijstand.audit.keten import Verificatie, keten_verifieren


@dataclass(frozen=True)
class Controle:
    """Result of `audit_controleren`: what is wrong (`bevindingen`) and what to heed.

    `bevindingen` and `waarschuwingen` are Dutch sentences, one line each.
    """

    verificatie: Verificatie
    anker: Anker | None
    bevindingen: tuple[str, ...]
    waarschuwingen: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.bevindingen

    def regels(self) -> list[str]:
        """The report, one line per fact.

        The findings (the chain's first break first), or the "intact" line and the anchor it
        agrees with; then the warnings.
        """
        if not self.intact:
            return [*self.bevindingen, *self.waarschuwingen]
        uit = [self.verificatie.melding()]
        if self.anker is not None:
            uit.append(
                f"Anker {self.anker.naam} klopt: {self.anker.aantal} regels tot volgnummer "
                f"{self.anker.volgnummer}."
            )
        return [*uit, *self.waarschuwingen]


def audit_controleren(*, map_: Path | None = None) -> Controle:
    """Check the chain and compare it with the latest valid anchor.

    Args:
        map_: the anchor folder; default `settings.AUDIT_ANKER_DIR`.

    Returns:
        A `Controle`; `intact` is False on any break of the chain, any invalid anchor file
        or a trail that does not agree with the latest valid anchor.

    Raises:
        ImproperlyConfigured: when a key is missing.
    """
    map_ = map_ or anker_map()
    verificatie = keten_verifieren()
    bevindingen: list[str] = []
    waarschuwingen: list[str] = []
    geldig, ongeldig = ankers_lezen(map_)
    bevindingen += [f"Anker {o.naam} is vervalst of beschadigd: {o.reden}." for o in ongeldig]
    laatste = geldig[-1] if geldig else None
    if laatste is None:
        waarschuwingen.append(
            f"Waarschuwing: nog geen geldig anker in {map_}; een ingekorte staart is zo niet "
            "vast te stellen (maak er een met: politiebijstand audit anker)."
        )
    else:
        fout = afwijking(laatste)
        if fout is not None:
            bevindingen.append(fout)
    if verificatie.zonder_sleutel:
        waarschuwingen.append(
            f"Waarschuwing: {verificatie.zonder_sleutel} regels zijn van vóór de sleutel "
            "(hash_versie 1); de eerste regel met sleutel en de ankers beschermen ze."
        )
    if not verificatie.intact:
        bevindingen.insert(0, verificatie.melding())
    return Controle(verificatie, laatste, tuple(bevindingen), tuple(waarschuwingen))
