"""What the reference data says about an answer of the wizard: the regioburgemeester.

Whether the requesting burgemeester is the regioburgemeester matters for the zienswijze
(Politiewet 2012, art. 56 lid 3: he is heard first, unless he requests himself). The reference
data knows, per regional unit, whose burgemeester that is (``organisaties/data/gebieden.yaml``,
and the same in ``rules.gemeenten``). With municipalities the advice derives it per
municipality (contract, interpretation 12) and the wizard's result says what it derived
(`regioburgemeester_volgens_gemeentelijst`); the wizard asks the question only without them.
On the request form an answer that contradicts the data for its one municipality gets a
warning.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.rules.gemeenten import (
    REGIOBURGEMEESTERS,
    Gemeente,
    gemeente_zoeken,
    gemeenten,
)

_EENHEID_PREFIX = "Politie, eenheid "


@dataclass(frozen=True)
class Regioburgemeester:
    """What the reference data says about the burgemeester of one municipality.

    Attributes:
        gemeente: the municipality's name, as in the reference data (``"Utrecht"``).
        eenheid: the regional unit's area (``"Midden-Nederland"``).
        regioburgemeester: the municipality of the unit's regioburgemeester (``"Utrecht"``).
    """

    gemeente: str
    eenheid: str
    regioburgemeester: str

    @property
    def is_regioburgemeester(self) -> bool:
        """Whether the burgemeester of `gemeente` is the unit's regioburgemeester."""
        return self.gemeente == self.regioburgemeester

    def zin(self) -> str:
        """The fact as one Dutch sentence, for the question and the warnings."""
        if self.is_regioburgemeester:
            return (
                f"Volgens de referentiegegevens is de burgemeester van {self.gemeente} "
                f"regioburgemeester van {self.eenheid}."
            )
        return (
            f"Volgens de referentiegegevens is de burgemeester van {self.gemeente} niet de "
            f"regioburgemeester van {self.eenheid}; dat is de burgemeester van "
            f"{self.regioburgemeester}."
        )

    def tegenstrijdigheid(self, antwoord: bool) -> str:
        """A warning when `antwoord` (the wizard's answer) contradicts the data, else ``""``.

        Bron: Politiewet 2012, art. 56 lid 3 (zienswijze of the regioburgemeester).
        """
        if antwoord == self.is_regioburgemeester:
            return ""
        gegeven = "wel" if antwoord else "niet"
        gevolg = (
            "Dan zou de zienswijze van de regioburgemeester ten onrechte worden overgeslagen."
            if antwoord
            else "Dan zou de regioburgemeester gevraagd worden zijn zienswijze te geven op zijn "
            "eigen verzoek."
        )
        return (
            f"Volgens uw antwoord is de aanvragende burgemeester {gegeven} de "
            f"regioburgemeester. {self.zin()} {gevolg} Controleer het antwoord bij de "
            "vraag 'Regioburgemeester' (Politiewet 2012, art. 56 lid 3)."
        )


def _gebied(eenheid: Organisatie) -> str:
    naam = str(eenheid.naam)
    return naam.removeprefix(_EENHEID_PREFIX) if naam.startswith(_EENHEID_PREFIX) else naam


def gemeente_volgens_referentie(organisatie: Organisatie) -> Regioburgemeester | None:
    """The regioburgemeester fact for a municipality chosen in a form (its `Organisatie`).

    None for an organisation that is not a municipality with a unit and a regioburgemeester.
    Reads ``organisatie.eenheid.regioburgemeester`` (use ``select_related`` to save queries).
    """
    eenheid = organisatie.eenheid
    if organisatie.soort != "gezag" or eenheid is None or eenheid.regioburgemeester is None:
        return None
    return Regioburgemeester(
        gemeente=str(organisatie.afkorting),
        eenheid=_gebied(eenheid),
        regioburgemeester=str(eenheid.regioburgemeester.afkorting),
    )


def regioburgemeester_volgens_gemeentelijst(naam: str) -> Regioburgemeester | None:
    """The regioburgemeester fact for a municipality, from the rules' list of municipalities.

    The same data from which the advice derives each form's zienswijze status (contract,
    interpretation 12; `rules.gemeenten`), so the sentence agrees with the advice. No query.

    Args:
        naam: a municipality's name or alias (``"Wassenaar"``, ``"Den Haag"``).

    Returns:
        None when the name is not a municipality of the list.
    """
    gemeente = gemeente_zoeken(naam)
    if gemeente is None:
        return None
    regio = _gemeente_per_code()[REGIOBURGEMEESTERS[gemeente.politie_eenheid]]
    return Regioburgemeester(
        gemeente=gemeente.naam, eenheid=gemeente.politie_eenheid, regioburgemeester=regio.naam
    )


@functools.cache
def _gemeente_per_code() -> dict[str, Gemeente]:
    return {gemeente.cbs_code: gemeente for gemeente in gemeenten()}
