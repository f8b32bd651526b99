"""The output of the routing engine: the advice (`Advies`), shaped as `contract/advies.md`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class AdviesUitkomst(StrEnum):
    """The kind of outcome (contract, field `uitkomst`)."""

    BIJSTAND = "bijstand"
    EIGEN_CAPACITEIT = "eigen_capaciteit"
    GEZAG_MINISTER = "gezag_minister"
    #: Bijstand that the Politiewet 2012 rules outside the factsheet: Pw art. 56 lid 5 or 59
    #: (contract, interpretation 13).
    BUITEN_FACTSHEET = "buiten_factsheet"
    MILITAIRE_STEUNVERLENING = "militaire_steunverlening"
    NIET_MOGELIJK = "niet_mogelijk"


class Gezag(StrEnum):
    """Who holds authority (gezag) over the deployment.

    Pw 2012 art. 11 and 12; for the KMar and soldiers giving bijstand also art. 14 lid 1, 2
    and 4. Foreign police work under the same gezag by treaty (factsheet, "Politie en bevoegd
    gezag"), not by art. 14.
    """

    BURGEMEESTER = "burgemeester"
    OFFICIER_VAN_JUSTITIE = "officier_van_justitie"
    MINISTER_JENV = "minister_jenv"


class Indiener(StrEnum):
    """Who submits and signs the request (contract, field `routes[].indiener`)."""

    BURGEMEESTER = "burgemeester"
    REGIOBURGEMEESTER = "regioburgemeester"
    OFFICIER_VAN_JUSTITIE = "officier_van_justitie"
    RCCB = "rccb"


class Zienswijze(StrEnum):
    """Whether the regioburgemeester's view is needed first (Pw 2012 art. 56 lid 3)."""

    VEREIST = "vereist"
    NIET_VEREIST_SPOED = "niet_vereist_spoed"
    NIET_VAN_TOEPASSING = "niet_van_toepassing"


class Formulier(StrEnum):
    """Where the request form is found (factsheet, stroomschema)."""

    INTRANET_POLITIE = "intranet_politie"
    WEBSITE_LOCC = "website_locc"


@dataclass(frozen=True, slots=True)
class Grondslag:
    """Legal basis of a route: regulation, article and paragraph as strings."""

    regeling: str
    artikel: str
    lid: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"regeling": self.regeling, "artikel": self.artikel, "lid": self.lid}


@dataclass(frozen=True, slots=True)
class Stap:
    """One step of a procedure: the acting organisation (contract code) and what it does."""

    actor: str
    handeling: str

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "handeling": self.handeling}


@dataclass(frozen=True, slots=True)
class Aanvraagformulier:
    """One form to sign for a route (contract, `routes[].formulieren[]`; interpretation 12).

    Attributes:
        gemeente: the municipality's official name for a route signed by a burgemeester with
            `gemeenten`; None for every other form.
        indiener: who signs this form.
        zienswijze_regioburgemeester: for procedures 1 and 6 only: this form's zienswijze;
            None for the others.
    """

    gemeente: str | None
    indiener: Indiener | None
    zienswijze_regioburgemeester: Zienswijze | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "gemeente": self.gemeente,
            "indiener": self.indiener.value if self.indiener else None,
            "zienswijze_regioburgemeester": (
                self.zienswijze_regioburgemeester.value
                if self.zienswijze_regioburgemeester
                else None
            ),
        }


@dataclass(frozen=True, slots=True)
class Route:
    """The advice for one requested provider (contract, `routes[]`).

    `contacten`, `formulier_naar`, `besluit_door` and every `Stap.actor` hold organisation
    codes of the contract (`RCCB`, `LE-POB`, `LOCC`, ...). `bronnen` holds citation labels
    (`Bron.label`); the first is always the factsheet section that describes the procedure
    ("factsheet, toelichting 3"; for `rechtshulp` "factsheet, stroomschema B, Buitenland").
    `formulieren` holds one `Aanvraagformulier` per form to sign (contract, interpretation
    12); the engine fills it last.
    """

    leverancier: str
    middel: str | None
    procedure: str
    grondslag: Grondslag | None
    indiener: Indiener | None
    contacten: tuple[str, ...]
    formulier: Formulier | None
    formulier_naar: str | None
    besluit_door: str | None
    toegestaan: bool
    bezwaren: tuple[str, ...] = ()
    zienswijze_regioburgemeester: Zienswijze | None = None
    stappen: tuple[Stap, ...] = ()
    bronnen: tuple[str, ...] = ()
    formulieren: tuple[Aanvraagformulier, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "leverancier": self.leverancier,
            "middel": self.middel,
            "procedure": self.procedure,
            "grondslag": self.grondslag.to_dict() if self.grondslag else None,
            "indiener": self.indiener.value if self.indiener else None,
            "contacten": list(self.contacten),
            "formulier": self.formulier.value if self.formulier else None,
            "formulier_naar": self.formulier_naar,
            "besluit_door": self.besluit_door,
            "toegestaan": self.toegestaan,
            "bezwaren": list(self.bezwaren),
            "zienswijze_regioburgemeester": (
                self.zienswijze_regioburgemeester.value
                if self.zienswijze_regioburgemeester
                else None
            ),
            "stappen": [s.to_dict() for s in self.stappen],
            "bronnen": list(self.bronnen),
            "formulieren": [f.to_dict() for f in self.formulieren],
        }


@dataclass(frozen=True, slots=True)
class Advies:
    """The routing advice for a `Situatie` (contract `Advies`).

    `grondslag` and `besluit_door` (an organisation code) are set only for the outcome
    `BUITEN_FACTSHEET`: the article that governs the bijstand and who decides (contract,
    interpretation 13); None otherwise, where each route has its own.
    """

    uitkomst: AdviesUitkomst
    gezag: Gezag | None
    routes: tuple[Route, ...] = ()
    waarschuwingen: tuple[str, ...] = ()
    bronnen: tuple[str, ...] = field(default_factory=tuple)
    grondslag: Grondslag | None = None
    besluit_door: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (only JSON types: str, bool, None, list, dict)."""
        return {
            "uitkomst": self.uitkomst.value,
            "gezag": self.gezag.value if self.gezag else None,
            "grondslag": self.grondslag.to_dict() if self.grondslag else None,
            "besluit_door": self.besluit_door,
            "routes": [r.to_dict() for r in self.routes],
            "waarschuwingen": list(self.waarschuwingen),
            "bronnen": list(self.bronnen),
        }
