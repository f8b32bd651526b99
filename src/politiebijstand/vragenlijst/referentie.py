"""What the reference data says about an answer of the wizard: the regioburgemeester.

The wizard asks whether the requesting burgemeester is the regioburgemeester (Politiewet 2012,
art. 56 lid 3: he is heard first, unless he requests himself). The reference data knows, per
regional unit, whose burgemeester that is (``organisaties/data/gebieden.yaml``). When exactly
one known municipality is given, the wizard pre-fills the answer from the data and says so;
an answer that contradicts the data gets a warning on the result page and the request form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from politiebijstand.organisaties.models import Organisatie

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


def regioburgemeester_volgens_referentie(gemeenten: Sequence[str]) -> Regioburgemeester | None:
    """The regioburgemeester fact for exactly one known municipality, else None.

    Args:
        gemeenten: the municipalities of the wizard's answer (names as typed; matched without
            regard to case against the reference data's names).

    Returns:
        None when zero or several municipalities are given, when the name is not in the
        reference data, or when its unit has no regioburgemeester. One query.
    """
    if len(gemeenten) != 1:
        return None
    gemeente = (
        Organisatie.objects.filter(
            soort="gezag", afkorting__iexact=gemeenten[0].strip(), eenheid__isnull=False
        )
        .select_related("eenheid__regioburgemeester")
        .first()
    )
    if gemeente is None or gemeente.eenheid is None or gemeente.eenheid.regioburgemeester is None:
        return None
    return Regioburgemeester(
        gemeente=str(gemeente.afkorting),
        eenheid=_gebied(gemeente.eenheid),
        regioburgemeester=str(gemeente.eenheid.regioburgemeester.afkorting),
    )


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
