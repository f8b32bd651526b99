"""The demo capacity register loaded by `make run` (issue #11 item 1, ADR 0038).

NO SOURCE publishes these numbers: every count, name, location and reaction time below is an
invented, clearly labelled demo value (``bron`` starts with "demo"). Only the kinds and the
providers come from the factsheet (toelichting 1 to 8: police units, KMar, the Ministry of
JenV's water cannons, guard containers and VRT vehicles managed by IFV-ML, Defence, foreign
partners by treaty: Benelux, Enschede, Prüm). A real register replaces this through
`services.register_laden` with real entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from politiebijstand.capaciteit.constants import CapaciteitSoort as S
from politiebijstand.capaciteit.constants import MiddelStatus as M

DEMO = "demo: verzonnen aantallen (ADR 0038)"


@dataclass(frozen=True)
class Regel:
    """One entry of the register, by provider code and name."""

    organisatie: str
    soort: str
    naam: str
    aantal: int = 1
    benoemd: bool = False
    status: str = M.BESCHIKBAAR
    locatie: str = ""
    reactietijd: timedelta | None = None
    verdrag: str = ""


#: Regional units (code suffix, ME platoons, arrest teams): demo numbers.
_EENHEDEN = (
    ("NN", "Noord-Nederland", 4, 2),
    ("ON", "Oost-Nederland", 5, 2),
    ("MN", "Midden-Nederland", 4, 2),
    ("NH", "Noord-Holland", 3, 1),
    ("AM", "Amsterdam", 6, 3),
    ("DH", "Den Haag", 5, 2),
    ("RT", "Rotterdam", 6, 3),
    ("ZWB", "Zeeland-West-Brabant", 4, 2),
    ("OB", "Oost-Brabant", 4, 2),
    ("LB", "Limburg", 3, 1),
)

REGISTER: tuple[Regel, ...] = (
    *(
        r
        for code, naam, me, ae in _EENHEDEN
        for r in (
            Regel(f"EENHEID-{code}", S.ME_PELOTON, f"ME-pelotons {naam}", me),
            Regel(f"EENHEID-{code}", S.AANHOUDINGSEENHEID, f"Aanhoudingseenheden {naam}", ae),
        )
    ),
    Regel("EENHEID-LE", S.SPECIALISME, "Bereden politie (Landelijke Eenheid)", 4),
    Regel("EENHEID-LE", S.SPECIALISME, "Diensthondenteams (Landelijke Eenheid)", 6),
    Regel("EENHEID-LE", S.SPECIALISME, "Arrestatieteam DSI", 2),
    Regel("DOPS-KMAR", S.BIJSTANDSEENHEID_KMAR, "Bijstandspelotons KMar", 8),
    *(
        Regel(
            "IFV-ML",
            S.WATERWERPER,
            f"Waterwerper WW-0{i}",
            benoemd=True,
            status=status,
            locatie=locatie,
        )
        for i, status, locatie in (
            (1, M.BESCHIKBAAR, "Nieuwegein"),
            (2, M.BESCHIKBAAR, "Nieuwegein"),
            (3, M.BESCHIKBAAR, "Rotterdam"),
            (4, M.ONDERHOUD, "werkplaats Nieuwegein"),
            (5, M.BESCHIKBAAR, "Apeldoorn"),
        )
    ),
    *(
        Regel(
            "IFV-ML",
            S.BEWAKINGSCONTAINER,
            f"Bewakingscontainer BC-0{i}",
            benoemd=True,
            status=status,
            locatie=locatie,
        )
        for i, status, locatie in (
            (1, M.BESCHIKBAAR, "Nieuwegein"),
            (2, M.INGEZET, "Den Haag, Binnenhof"),
            (3, M.BESCHIKBAAR, "Nieuwegein"),
        )
    ),
    *(
        Regel(
            "IFV-ML",
            S.VRT_VOERTUIG,
            f"VRT-voertuig VRT-0{i}",
            benoemd=True,
            locatie="Nieuwegein",
        )
        for i in (1, 2, 3, 4)
    ),
    Regel(
        "DOC",
        S.DEFENSIECAPACITEIT,
        "Explosieven Opruimingsdienst Defensie",
        2,
        reactietijd=timedelta(hours=2),
    ),
    Regel(
        "DOC",
        S.DEFENSIECAPACITEIT,
        "Infanteriecompagnie (bewaking en beveiliging)",
        3,
        reactietijd=timedelta(hours=24),
    ),
    Regel("DOC", S.DEFENSIECAPACITEIT, "Transporthelikopters", 2, reactietijd=timedelta(hours=4)),
    Regel("DOC", S.DEFENSIECAPACITEIT, "CBRN-detectie-eenheid", 1, reactietijd=timedelta(hours=6)),
    Regel(
        "LE-POB",
        S.BUITENLANDSE_PARTNER,
        "Belgische federale politie (pelotons)",
        2,
        verdrag="Benelux-politieverdrag (2018)",
    ),
    Regel(
        "LE-POB",
        S.BUITENLANDSE_PARTNER,
        "Duitse politie (Bundespolizei, pelotons)",
        2,
        verdrag="Verdrag van Enschede (2005)",
    ),
)
