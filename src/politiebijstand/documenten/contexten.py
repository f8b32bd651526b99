"""What each document template needs: one frozen dataclass per kind (issue #10, ADR 0032).

A caller builds the context and renders it with `renderen.document_renderen(context)`. Texts
are plain text: they are printed literally (never read as typst markup); a blank line starts a
new paragraph and a single newline a new line. Datetimes are aware (stored UTC) and printed in
Europe/Amsterdam ("3 december 2026 om 14:00"); dates as "3 december 2026".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from politiebijstand.documenten.constants import Soort

#: The legal standard of a refusal by the korpschef, the appeal and the minister's instruction.
GRONDSLAG_AFWIJZING_EN_BEROEP = "artikel 56, vierde lid, van de Politiewet 2012"


@dataclass(frozen=True, slots=True, kw_only=True)
class Afzender:
    """The sender block, top left: organisation, department and address lines."""

    organisatie: str
    afdeling: str = ""
    adresregels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Ondertekening:
    """The signature block: "namens de burgemeester van ...", name and function."""

    naam: str
    functie: str
    namens: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Capaciteitsregel:
    """One line of requested (or granted) capacity: what, how many (persons or units)."""

    omschrijving: str
    aantal: int
    specialisme: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Besluitregel:
    """One line of a decision: what was asked, how many were asked and granted, and why."""

    omschrijving: str
    gevraagd: int
    toegekend: int
    toelichting: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """What every document has: kenmerk, moment, sender, addressees, subject and signature.

    `tijdstip` (aware) is the document's date and the PDF's creation time, so that rendering
    the same context twice gives the same bytes. `oefening`: the request is an exercise; the
    layout prints "OEFENING" above every page and above the letter (issue #11 item 5).
    """

    SJABLOON: ClassVar[Soort]

    kenmerk: str
    tijdstip: datetime
    afzender: Afzender
    geadresseerden: tuple[str, ...]
    onderwerp: str
    ondertekening: Ondertekening
    afschrift: tuple[str, ...] = ()
    uw_kenmerk: str = ""
    oefening: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Aanvraagformulier(Brief):
    """The signed request form of one municipality (issue #10 item 1; one form per gemeente)."""

    SJABLOON: ClassVar[Soort] = Soort.AANVRAAGFORMULIER

    gemeente: str
    verzoekende_autoriteit: str
    eenheid: str
    grondslag: str
    taak: str
    aanleiding: str
    verwachte_taak: str
    politiebevoegdheden: bool
    geweld: bool
    periode_van: datetime
    periode_tot: datetime
    meldtijd: datetime
    locatie: str
    meldplaats: str
    capaciteit: tuple[Capaciteitsregel, ...]
    contact_24_7: str
    subsidiariteit: str = ""
    zienswijze: str = ""
    commando_en_verbinding: str = ""
    logistiek: str = ""
    kosten: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class VerzoekDefensie(Brief):
    """The LOCC's or OZI's request to DJZ and DOPS-KMar, with the copy to DOC (one letter)."""

    SJABLOON: ClassVar[Soort] = Soort.VERZOEK_DEFENSIE

    #: Who is asked: "de Koninklijke Marechaussee" (Pw 2012 art. 57) or "de krijgsmacht" (58).
    bijstand_door: str
    gemeenten: tuple[str, ...]
    grondslag: str
    aanleiding: str
    capaciteit: tuple[Capaciteitsregel, ...]
    periode_van: datetime
    periode_tot: datetime
    locatie: str
    toelichting: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Besluit(Brief):
    """A decision on a request: granted, partly granted per line, or refused.

    `uitkomst` is "toegekend", "deels_toegekend" or "afgewezen"; `maatstaf` cites the legal
    standard (for example "artikel 58, eerste lid, van de Politiewet 2012").
    """

    SJABLOON: ClassVar[Soort] = Soort.BESLUIT

    uitkomst: str
    regels: tuple[Besluitregel, ...]
    redenen: str
    maatstaf: str
    voorwaarden: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AfwijzingKorpschef(Brief):
    """The korpschef's written refusal, with reasons, copied to DGPOL (Pw 2012 art. 56 lid 4)."""

    SJABLOON: ClassVar[Soort] = Soort.AFWIJZING_KORPSCHEF

    geheel: bool
    redenen: str
    regels: tuple[Besluitregel, ...] = ()
    grondslag: str = GRONDSLAG_AFWIJZING_EN_BEROEP
    afschrift: tuple[str, ...] = ("Directoraat-Generaal Politie en Veiligheidsregio's (DGPOL)",)


@dataclass(frozen=True, slots=True, kw_only=True)
class Beroep(Brief):
    """The competent authority's appeal to the minister against a refusal (art. 56 lid 4)."""

    SJABLOON: ClassVar[Soort] = Soort.BEROEP

    bestreden_kenmerk: str
    bestreden_datum: date
    gronden: str
    verzoek: str
    grondslag: str = GRONDSLAG_AFWIJZING_EN_BEROEP


@dataclass(frozen=True, slots=True, kw_only=True)
class AanwijzingMinister(Brief):
    """The minister's instruction to the korpschef after an appeal (art. 56 lid 4)."""

    SJABLOON: ClassVar[Soort] = Soort.AANWIJZING_MINISTER

    uitkomst: str
    aanwijzing: str
    overwegingen: str
    beroep_kenmerk: str
    regels: tuple[Besluitregel, ...] = ()
    grondslag: str = GRONDSLAG_AFWIJZING_EN_BEROEP


@dataclass(frozen=True, slots=True, kw_only=True)
class Tijdlijnregel:
    """One line of a timeline: when (aware), what happened, and who (organisation, person)."""

    tijdstip: datetime
    gebeurtenis: str
    door: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Doorlooptijd:
    """A completed step and its lead time in hours (two decimals)."""

    deel: int
    stap: str
    organisatie: str
    uren: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluatiebesluit:
    """A decision in an evaluation: outcome, on whose behalf, hours since the request."""

    deel: int
    uitkomst: str
    namens: str
    tijdstip: datetime
    uren_na_verzoek: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Capaciteitsvergelijking:
    """Requested, granted and delivered of one line; "-" where not known."""

    deel: int
    omschrijving: str
    gevraagd: str
    toegekend: str
    geleverd: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluatie(Brief):
    """The after-action evaluation report of a request (issue #11 item 6, ADR 0042)."""

    SJABLOON: ClassVar[Soort] = Soort.EVALUATIE

    verzoek: str
    periode: str
    tijdlijn: tuple[Tijdlijnregel, ...]
    doorlooptijden: tuple[Doorlooptijd, ...]
    besluiten: tuple[Evaluatiebesluit, ...]
    capaciteit: tuple[Capaciteitsvergelijking, ...]
    verslagen: tuple[str, ...]
    kosten: str


#: Every context class by its template.
CONTEXTEN: dict[Soort, type[Brief]] = {
    cls.SJABLOON: cls
    for cls in (
        Aanvraagformulier,
        VerzoekDefensie,
        Besluit,
        AfwijzingKorpschef,
        Beroep,
        AanwijzingMinister,
        Evaluatie,
    )
}
