"""The Dutch municipalities, their police unit and the unit's regioburgemeester (issue #8).

Pure Python, no Django: reads ``data/gemeenten-2024.csv`` (the 342 municipalities of the CBS
municipal coding on 1 January 2024, with their safety region and police unit; source in
``data/README.md``) once per process. The rules, every entry point (CLI, API, wizard, forms)
through `situatie.gemeenten_valideren`, and the organisations' loader (`organisaties`) read the
municipalities here, so that all of them know the same 342 names (ADR-0018).

The police unit follows the safety region: each regional unit covers whole safety regions
(Politiewet 2012 art. 25; Besluit territoriale indeling politie). Whether a municipality's
burgemeester is the regioburgemeester of its unit decides the zienswijze on its form
(contract, interpretation 12; Pw 2012 art. 56 lid 3).
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: The file of municipalities, shipped with the package.
GEMEENTEN_PAD = Path(__file__).resolve().parent / "data" / "gemeenten-2024.csv"

#: The date of the municipal division in `GEMEENTEN_PAD`.
PEILDATUM = "2024-01-01"

#: Well-known names that are not the CBS name -> the CBS name: the name in daily use, the name
#: without the province CBS adds, the Dutch name of a Frisian one. "Bergen" is two
#: municipalities (NH. and L.) and so no alias. Matching ignores case, diacritics, full stops
#: and hyphens, so "den bosch" and "Bergen (NH)" need no entry.
ALIASSEN: Mapping[str, str] = {
    "Den Haag": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
    "Beek": "Beek (L.)",
    "Hengelo": "Hengelo (O.)",
    "Laren": "Laren (NH.)",
    "Middelburg": "Middelburg (Z.)",
    "Rijswijk": "Rijswijk (ZH.)",
    "Stein": "Stein (L.)",
    "Nuenen": "Nuenen, Gerwen en Nederwetten",
    "Tietjerksteradeel": "Tytsjerksteradiel",
    "Dantumadeel": "Dantumadiel",
}

#: Per regional police unit (as the CSV names it), the CBS code of the municipality whose
#: burgemeester is the unit's regioburgemeester. The same as `regioburgemeester` in
#: ``organisaties/data/gebieden.yaml``; loading that file fails when they differ. To be checked
#: against the current appointments before production (peildatum 2024-01-01).
REGIOBURGEMEESTERS: Mapping[str, str] = {
    "Noord-Nederland": "GM0014",  # Groningen
    "Oost-Nederland": "GM0202",  # Arnhem
    "Midden-Nederland": "GM0344",  # Utrecht
    "Noord-Holland": "GM0392",  # Haarlem
    "Amsterdam": "GM0363",  # Amsterdam
    "Den Haag": "GM0518",  # 's-Gravenhage
    "Rotterdam": "GM0599",  # Rotterdam
    "Zeeland-West-Brabant": "GM0758",  # Breda
    "Oost-Brabant": "GM0772",  # Eindhoven
    "Limburg": "GM0935",  # Maastricht
}

#: At most this many close names are offered for an unknown one.
MAX_SUGGESTIES = 3

_KOLOMMEN = ("cbs_code", "gemeente", "veiligheidsregio_code", "veiligheidsregio", "politie_eenheid")
_CBS_CODE = re.compile(r"GM\d{4}")
_VR_CODE = re.compile(r"VR\d{2}")


@dataclass(frozen=True, slots=True)
class Gemeente:
    """One municipality of the CBS coding.

    Attributes:
        cbs_code: ``"GM"`` and the 4-digit CBS code, e.g. ``"GM0518"``.
        naam: the official name as CBS writes it, e.g. ``"'s-Gravenhage"``.
        veiligheidsregio_code: ``"VR01"`` to ``"VR25"``.
        veiligheidsregio: the safety region's name, e.g. ``"Haaglanden"``.
        politie_eenheid: the regional police unit's area, e.g. ``"Den Haag"``.
    """

    cbs_code: str
    naam: str
    veiligheidsregio_code: str
    veiligheidsregio: str
    politie_eenheid: str

    @property
    def is_regioburgemeester(self) -> bool:
        """Whether this municipality's burgemeester is the regioburgemeester of its unit."""
        return REGIOBURGEMEESTERS.get(self.politie_eenheid) == self.cbs_code


class OngeldigeGemeentelijst(ValueError):
    """The file of municipalities is malformed (a programming or packaging error)."""


def _sleutel(naam: str) -> str:
    """The form of a name used for matching: no case, diacritics, full stops or hyphens."""
    zonder = naam.replace("’", "'")
    if not zonder.isascii():
        zonder = unicodedata.normalize("NFKD", zonder)
        zonder = "".join(t for t in zonder if not unicodedata.combining(t))
    zonder = zonder.casefold().replace(".", "").replace("-", " ")
    return " ".join(zonder.split())


@cache
def gemeenten() -> tuple[Gemeente, ...]:
    """Every municipality of `GEMEENTEN_PAD`, in file order (by CBS code). Read once.

    Raises:
        OngeldigeGemeentelijst: a missing column, a malformed code, an empty field, a code or
            name twice, a unit that has no regioburgemeester in `REGIOBURGEMEESTERS`, or a
            regioburgemeester's municipality that is not in its unit.
    """
    with GEMEENTEN_PAD.open(encoding="utf-8", newline="") as bestand:
        lezer = csv.DictReader(bestand)
        if tuple(lezer.fieldnames or ()) != _KOLOMMEN:
            raise OngeldigeGemeentelijst(f"{GEMEENTEN_PAD.name}: kolommen {lezer.fieldnames}")
        rijen = [Gemeente(*(rij[k].strip() for k in _KOLOMMEN)) for rij in lezer]
    codes: set[str] = set()
    sleutels: set[str] = set()
    for rij in rijen:
        fout = (
            not _CBS_CODE.fullmatch(rij.cbs_code)
            or not _VR_CODE.fullmatch(rij.veiligheidsregio_code)
            or not (rij.naam and rij.veiligheidsregio and rij.politie_eenheid)
            or rij.cbs_code in codes
            or _sleutel(rij.naam) in sleutels
            or rij.politie_eenheid not in REGIOBURGEMEESTERS
        )
        if fout:
            raise OngeldigeGemeentelijst(f"{GEMEENTEN_PAD.name}: ongeldige regel {rij}")
        codes.add(rij.cbs_code)
        sleutels.add(_sleutel(rij.naam))
    per_code = {g.cbs_code: g for g in rijen}
    for eenheid, code in REGIOBURGEMEESTERS.items():
        if code not in per_code or per_code[code].politie_eenheid != eenheid:
            raise OngeldigeGemeentelijst(f"regioburgemeester {code} ligt niet in {eenheid}")
    return tuple(rijen)


@cache
def _per_sleutel() -> dict[str, Gemeente]:
    index = {_sleutel(g.naam): g for g in gemeenten()}
    for alias, naam in ALIASSEN.items():
        index[_sleutel(alias)] = index[_sleutel(naam)]
    return index


@cache
def _per_naam() -> dict[str, Gemeente]:
    return {g.naam: g for g in gemeenten()}


def gemeente_zoeken(naam: str) -> Gemeente | None:
    """The municipality with this name or alias, ignoring case, diacritics, "." and "-".

    Args:
        naam: a name as typed, e.g. ``"den haag"``, ``"Sudwest Fryslan"``, ``"Bergen (NH)"``.

    Returns:
        The `Gemeente`, or None when no municipality or alias has this name.
    """
    # The official name (what `Situatie.gemeenten` holds after validation) needs no matching.
    return _per_naam().get(naam) or _per_sleutel().get(_sleutel(naam))


def gemeente_suggesties(naam: str) -> tuple[str, ...]:
    """The official names closest to an unknown `naam`, best first (at most `MAX_SUGGESTIES`).

    Uses `difflib.get_close_matches` on the matching form of the names and aliases; an alias
    is offered as the municipality it stands for, and a name starting like `naam` (``"Bergen"``
    for ``"Bergen (NH.)"`` and ``"Bergen (L.)"``) comes first.
    """
    index = _per_sleutel()
    sleutel = _sleutel(naam)
    begin = [k for k in index if sleutel and k.startswith(sleutel + " ")]
    dichtbij = difflib.get_close_matches(sleutel, list(index), n=MAX_SUGGESTIES * 2, cutoff=0.6)
    namen = dict.fromkeys(index[k].naam for k in [*sorted(begin), *dichtbij])
    return tuple(namen)[:MAX_SUGGESTIES]
