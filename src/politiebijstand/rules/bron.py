"""Legal and policy sources (`Bron`) that every rule cites."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

POLITIEWET_2012 = "Politiewet 2012"
POLITIEWET_2012_BWB_ID = "BWBR0031788"
FACTSHEET = "LOCC-factsheet Bijstand & ondersteuning aan de politie (2014)"

#: The providers as the flowchart names them (factsheet, stroomschema A and B).
_STROOMSCHEMA_LEVERANCIERS = (
    "Politie",
    "Middelen Ministerie van Veiligheid en Justitie",
    "KMar",
    "ander deel krijgsmacht",
    "Buitenland",
)
#: The section each footnote of the factsheet belongs to.
_VOETNOTEN = {
    "1": "Politie en bevoegd gezag",
    "2": "Politie en bevoegd gezag",
    "3": "LOCC, RCCB en Preparatie en Operationeel Beheer",
    "4": "toelichting 8",
    "5": "toelichting 10",
    "6": "toelichting 11",
}
#: Every section of the factsheet that a `Bron` may cite: its real headings.
FACTSHEET_ONDERDELEN: frozenset[str] = frozenset(
    {
        "stroomschema stap 1",
        "stroomschema stap 2",
        *(
            f"stroomschema {pad}, {leverancier}"
            for pad in ("A", "B", "A/B")
            for leverancier in _STROOMSCHEMA_LEVERANCIERS
        ),
        *(f"toelichting {n}" for n in range(1, 13)),
        *(f"voetnoot {n}" for n in _VOETNOTEN),
        *(f"{sectie}, voetnoot {n}" for n, sectie in _VOETNOTEN.items()),
        "Contactgegevens",
    }
)


@dataclass(frozen=True, slots=True)
class Bron:
    """A citable source of a rule.

    Either an article of a regulation (`regeling`, `artikel`, `lid`, with its `bwb_id`) or a
    section of the LOCC factsheet (`regeling == FACTSHEET`, `onderdeel` such as
    ``"toelichting 3"`` or ``"stroomschema stap 2"``).

    Attributes:
        regeling: name of the regulation or document.
        artikel: article number as written in the law (``"56"``), or None.
        lid: paragraph number (``"3"``), or None.
        onderdeel: section of a document that has no articles (factsheet), or None.
        bwb_id: stable identifier on wetten.overheid.nl, or None.
        geldig_vanaf: date from which the cited text applies, or None when unknown.
    """

    regeling: str
    artikel: str | None = None
    lid: str | None = None
    onderdeel: str | None = None
    bwb_id: str | None = None
    geldig_vanaf: date | None = None

    @property
    def label(self) -> str:
        """Short citation as used in `Advies.bronnen`, e.g. ``"Pw 2012 art. 57 lid 1"``."""
        if self.regeling == FACTSHEET:
            return f"factsheet, {self.onderdeel}" if self.onderdeel else "factsheet"
        naam = "Pw 2012" if self.regeling == POLITIEWET_2012 else self.regeling
        parts = [naam]
        if self.artikel:
            parts.append(f"art. {self.artikel}")
        if self.lid:
            parts.append(f"lid {self.lid}")
        if self.onderdeel:
            parts.append(self.onderdeel)
        return " ".join(parts)


def politiewet(artikel: str, lid: str | None = None) -> Bron:
    """A `Bron` for an article of the Politiewet 2012 (BWBR0031788)."""
    return Bron(
        regeling=POLITIEWET_2012,
        artikel=artikel,
        lid=lid,
        bwb_id=POLITIEWET_2012_BWB_ID,
    )


def factsheet(onderdeel: str) -> Bron:
    """A `Bron` for a section of the LOCC factsheet, e.g. ``factsheet("toelichting 3")``.

    Raises:
        ValueError: `onderdeel` is not one of the factsheet's real sections
            (`FACTSHEET_ONDERDELEN`: stroomschema stap 1 and 2, stroomschema A/B with a
            provider, toelichting 1-12, voetnoot 1-6 with or without its section,
            Contactgegevens), so a wrong citation fails when the module is imported.
    """
    if onderdeel not in FACTSHEET_ONDERDELEN:
        raise ValueError(f"not a section of the factsheet: {onderdeel!r}")
    return Bron(regeling=FACTSHEET, onderdeel=onderdeel)
