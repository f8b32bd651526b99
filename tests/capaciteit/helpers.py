"""Helpers of the capacity register's tests: capacities and claims on a real request."""

from __future__ import annotations

from datetime import datetime

from politiebijstand.capaciteit.constants import CapaciteitSoort, ClaimSoort, MiddelStatus
from politiebijstand.capaciteit.models import Capaciteit, Claim
from politiebijstand.verzoeken.models import Bijstandsverzoek
from tests.verzoeken.helpers import NU, maak_verzoek, org


def pool(naam: str = "ME-pelotons Amsterdam", aantal: int = 4) -> Capaciteit:
    return Capaciteit.objects.create(
        organisatie=org("EENHEID-AM"),
        soort=CapaciteitSoort.ME_PELOTON,
        naam=naam,
        aantal=aantal,
        bron="test",
    )


def middel(
    naam: str = "Waterwerper WW-01", status: str = MiddelStatus.BESCHIKBAAR, locatie: str = ""
) -> Capaciteit:
    return Capaciteit.objects.create(
        organisatie=org("IFV-ML"),
        soort=CapaciteitSoort.WATERWERPER,
        naam=naam,
        benoemd=True,
        status=status,
        locatie=locatie,
        bron="test",
    )


def claim(
    capaciteit: Capaciteit,
    van: datetime,
    tot: datetime,
    *,
    aantal: int = 1,
    verzoek: Bijstandsverzoek | None = None,
    soort: str = ClaimSoort.VAST,
) -> Claim:
    """A claim on a request (a new one without own claims by default)."""
    verzoek = verzoek or maak_verzoek()
    return Claim.objects.select_related("capaciteit__organisatie").get(
        pk=Claim.objects.create(
            capaciteit=capaciteit,
            aantal=aantal,
            van=van,
            tot=tot,
            soort=soort,
            verzoek=verzoek,
            deelverzoek=verzoek.deelverzoeken.get(volgnummer=1),
            aangemaakt_op=NU,
        ).pk
    )
