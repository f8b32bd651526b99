"""The law as code: situation (`Situatie`) in, routing advice (`Advies`) out.

Pure Python: no Django, no I/O, no clock. Every rule is a small function that cites its
`Bron` (Politiewet 2012 article or section of the LOCC factsheet). The JSON shapes are fixed
by `docs/contract/advies.md`.
"""

from politiebijstand.rules.advies import (
    Advies,
    AdviesUitkomst,
    Formulier,
    Gezag,
    Grondslag,
    Indiener,
    Route,
    Stap,
    Zienswijze,
)
from politiebijstand.rules.bron import Bron
from politiebijstand.rules.engine import advies_bepalen
from politiebijstand.rules.situatie import (
    Aanvrager,
    Gevraagd,
    Leverancier,
    Middel,
    OngeldigeJson,
    OngeldigeSituatie,
    Politietaak,
    Situatie,
    json_laden,
    situatie_from_dict,
)

__all__ = [
    "Aanvrager",
    "Advies",
    "AdviesUitkomst",
    "Bron",
    "Formulier",
    "Gevraagd",
    "Gezag",
    "Grondslag",
    "Indiener",
    "Leverancier",
    "Middel",
    "OngeldigeJson",
    "OngeldigeSituatie",
    "Politietaak",
    "Route",
    "Situatie",
    "Stap",
    "Zienswijze",
    "advies_bepalen",
    "json_laden",
    "situatie_from_dict",
]
