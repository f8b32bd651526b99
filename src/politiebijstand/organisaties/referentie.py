"""Reference data of the organisations in the bijstand process, read from a YAML file.

Pure Python (no Django): the web result page, the CLI and the management command
`referentiedata_laden` all read the same validated file, ``data/organisaties.yaml``.
Source: the LOCC factsheet, its section "Contactgegevens" and the toelichtingen that name
each organisation; the organisation codes are those of ``docs/contract/advies.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from politiebijstand.rules.organisatiecodes import ORGANISATIECODES

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "organisaties.yaml"

#: Every organisation code of the contract (docs/contract/advies.md, "Organisation codes").
CONTRACT_CODES: tuple[str, ...] = ORGANISATIECODES

#: Kinds of organisation (`soort`) with their Dutch label.
SOORTEN: dict[str, str] = {
    "politie": "Politie",
    "ministerie_jenv": "Ministerie van Justitie en Veiligheid",
    "ministerie_defensie": "Ministerie van Defensie",
    "kmar": "Koninklijke Marechaussee",
    "openbaar_ministerie": "Openbaar Ministerie",
    "gezag": "Gezag",
    "beheersorganisatie": "Beheersorganisatie",
}

#: Maximum lengths, shared with the Django model so that a validated file always fits.
MAX_LENGTH: dict[str, int] = {
    "code": 40,
    "naam": 200,
    "afkorting": 40,
    "soort": 40,
    "telefoon_spoed": 20,
    "telefoon": 20,
    "telefoon_algemeen": 20,
    "email": 254,
    "website": 200,
    "bron": 300,
    "parent": 40,
}

_REQUIRED = ("code", "naam", "afkorting", "soort", "omschrijving", "bron")
_OPTIONAL = (
    "telefoon_spoed",
    "telefoon",
    "telefoon_algemeen",
    "email",
    "website",
    "opmerking",
    "parent",
)
_FIELDS = frozenset(_REQUIRED + _OPTIONAL)
_TELEFOON_FIELDS = ("telefoon_spoed", "telefoon", "telefoon_algemeen")

_CODE_RE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
# Dutch numbers as the factsheet prints them: "088 - 662 80 48", "0343 - 53 55 55".
_TELEFOON_RE = re.compile(r"0\d{1,3} - \d[\d ]*\d")
_EMAIL_RE = re.compile(r"[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_WEBSITE_RE = re.compile(r"(?:https://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?")


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisatieInfo:
    """One organisation of the bijstand process, as in the reference file.

    Attributes:
        code: organisation code of the contract, e.g. ``"LE-POB"``.
        naam: full Dutch name, e.g. ``"Landelijke Eenheid, afdeling Preparatie en
            Operationeel Beheer"``.
        afkorting: short name for display.
        soort: kind of organisation, a key of `SOORTEN`.
        omschrijving: one Dutch sentence on its role in bijstand (factsheet).
        telefoon_spoed: number for urgent cases (24/7 piket), ``"088 - 662 80 48"``, or ``""``.
        telefoon: number of the department itself, or ``""``.
        telefoon_algemeen: general number of the parent organisation, or ``""``.
        email: e-mail address as printed in the factsheet, or ``""``.
        website: web address as printed in the factsheet (no scheme), or ``""``.
        opmerking: corrections of the source and how to reach it, or ``""``.
        bron: the factsheet sections or articles the entry comes from.
        parent: code of the organisation this one is part of, or None (issue #3).
    """

    code: str
    naam: str
    afkorting: str
    soort: str
    omschrijving: str
    telefoon_spoed: str
    telefoon: str
    telefoon_algemeen: str
    email: str
    website: str
    opmerking: str
    bron: str
    parent: str | None = None

    @property
    def soort_label(self) -> str:
        """Dutch label of `soort`, e.g. ``"Ministerie van Defensie"``."""
        return SOORTEN[self.soort]


class OngeldigeReferentie(ValueError):
    """The reference file is invalid.

    Attributes:
        bestand: path of the file.
        veld: path of the offending field, e.g. ``"organisaties[3].soort"``.
        code: code of the offending entry when known, else None.
        melding: a Dutch message.
    """

    def __init__(self, bestand: Path, veld: str, melding: str, code: str | None = None) -> None:
        waar = f"organisatie {code}, veld {veld}" if code else f"veld {veld}"
        super().__init__(f"{bestand.name}: {waar}: {melding}")
        self.bestand = bestand
        self.veld = veld
        self.code = code
        self.melding = melding


@dataclass(frozen=True, slots=True)
class Controle:
    """The one way the reference files check their input (`organisaties.yaml`, `gebieden.yaml`).

    Each check returns the value with its type narrowed, or raises `OngeldigeReferentie` naming
    the file, the entry (`code`, when known) and the field; the Dutch message is the check's.

    Attributes:
        bestand: path of the file being read.
        code: code of the entry being checked, or None before it is known.
    """

    bestand: Path
    code: str | None = None

    def voor(self, code: str | None) -> Controle:
        """The same checks, with errors naming the entry `code`."""
        return replace(self, code=code)

    def fout(self, veld: str, melding: str) -> OngeldigeReferentie:
        """The error for field `veld` (e.g. ``"organisaties[3].soort"``) of this entry."""
        return OngeldigeReferentie(self.bestand, veld, melding, self.code)

    def mapping(self, waarde: object, veld: str, melding: str) -> dict[Any, Any]:
        """`waarde` if it is a YAML mapping; else the error `melding`."""
        if not isinstance(waarde, dict):
            raise self.fout(veld, melding)
        return waarde

    def lijst(self, waarde: object, veld: str, melding: str, *, leeg: bool) -> list[Any]:
        """`waarde` if it is a YAML list (and not empty, unless `leeg`); else the error."""
        if not isinstance(waarde, list) or (not leeg and not waarde):
            raise self.fout(veld, melding)
        return waarde

    def tekst(self, waarde: object, veld: str) -> str:
        """Non-blank text, stripped (the style of `gebieden.yaml`)."""
        if not isinstance(waarde, str) or not waarde.strip():
            raise self.fout(veld, "tekst vereist")
        return waarde.strip()

    def code_volgens(self, waarde: object, veld: str, patroon: re.Pattern[str]) -> str:
        """Non-blank text that matches `patroon` in full."""
        tekst = self.tekst(waarde, veld)
        if not patroon.fullmatch(tekst):
            raise self.fout(veld, f"{tekst!r} is geen geldige code ({patroon.pattern})")
        return tekst

    def exacte_tekst(
        self, waarde: object, veld: str, *, verplicht: bool, max_lengte: int | None
    ) -> str:
        """Text without surrounding white space, up to `max_lengte` characters.

        The style of `organisaties.yaml`: a missing optional field is ``""``; white space
        around a value is an error, not stripped.
        """
        if waarde is None:
            if verplicht:
                raise self.fout(veld, "verplicht veld ontbreekt")
            waarde = ""
        if not isinstance(waarde, str):
            raise self.fout(veld, f"moet tekst zijn, niet {type(waarde).__name__} ({waarde!r})")
        if waarde != waarde.strip():
            raise self.fout(veld, "begint of eindigt met witruimte")
        if verplicht and not waarde:
            raise self.fout(veld, "mag niet leeg zijn")
        if max_lengte is not None and len(waarde) > max_lengte:
            raise self.fout(veld, f"te lang: {len(waarde)} tekens, maximaal {max_lengte}")
        return waarde


class _StrictLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses duplicate keys in a mapping."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"sleutel {key!r} komt dubbel voor", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_referentie(path: Path | str | None = None) -> dict[str, OrganisatieInfo]:
    """Read and validate the reference file of the organisations.

    The parsed result is cached per path and file version (modification time and size); each
    call returns a new dict, so callers may change it freely.

    Args:
        path: the YAML file; default `DEFAULT_PATH` (``data/organisaties.yaml``).

    Returns:
        The organisations by code, in file order. Every code of `CONTRACT_CODES` is present.

    Raises:
        OngeldigeReferentie: the file is missing, is not valid YAML, or an entry is invalid:
            an unknown or missing field, a value that is not text, an unknown `soort`, a
            malformed code, telephone number, e-mail or web address, a duplicate code, an
            unknown `parent`, a value too long, or a contract code that is missing. The
            message names the entry and the field.
    """
    bestand = Path(path) if path is not None else DEFAULT_PATH
    try:
        stat = bestand.stat()
    except OSError as exc:
        raise OngeldigeReferentie(bestand, "bestand", f"kan niet gelezen worden ({exc})") from exc
    return dict(_load_cached(str(bestand.resolve()), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, _mtime_ns: int, _size: int) -> Mapping[str, OrganisatieInfo]:
    bestand = Path(path)
    try:
        text = bestand.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OngeldigeReferentie(bestand, "bestand", f"kan niet gelezen worden ({exc})") from exc
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise OngeldigeReferentie(bestand, "bestand", f"geen geldige YAML: {exc}") from exc
    return _validate(bestand, data)


def _validate(bestand: Path, data: object) -> Mapping[str, OrganisatieInfo]:
    controle = Controle(bestand)
    if not isinstance(data, dict) or set(data) != {"organisaties"}:
        raise controle.fout(
            "organisaties", "het bestand moet precies één sleutel 'organisaties' hebben"
        )
    entries = controle.lijst(
        data["organisaties"], "organisaties", "moet een niet-lege lijst zijn", leeg=False
    )

    result: dict[str, OrganisatieInfo] = {}
    for index, entry in enumerate(entries):
        info = _validate_entry(controle, index, entry)
        if info.code in result:
            raise controle.voor(info.code).fout(
                f"organisaties[{index}].code", "code komt dubbel voor"
            )
        result[info.code] = info

    for index, info in enumerate(result.values()):
        _validate_parent(controle.voor(info.code), index, info, result)

    missing = [code for code in CONTRACT_CODES if code not in result]
    if missing:
        raise controle.fout(
            "organisaties", "codes van het contract ontbreken: " + ", ".join(missing)
        )
    return result


def _validate_entry(controle: Controle, index: int, entry: object) -> OrganisatieInfo:
    prefix = f"organisaties[{index}]"
    entry = controle.mapping(entry, prefix, "moet een mapping met velden zijn")
    raw_code = entry.get("code")
    controle = controle.voor(raw_code if isinstance(raw_code, str) and raw_code else None)

    def fout(veld: str, melding: str) -> OngeldigeReferentie:
        return controle.fout(f"{prefix}.{veld}", melding)

    for key in entry:
        if key not in _FIELDS:
            raise fout(str(key), "onbekend veld; toegestaan: " + ", ".join(sorted(_FIELDS)))
    values = {
        veld: controle.exacte_tekst(
            entry.get(veld),
            f"{prefix}.{veld}",
            verplicht=veld in _REQUIRED,
            max_lengte=MAX_LENGTH.get(veld),
        )
        for veld in _REQUIRED + _OPTIONAL
    }

    if not _CODE_RE.fullmatch(values["code"]):
        raise fout("code", f"ongeldige code {values['code']!r}: hoofdletters, cijfers en '-'")
    if values["soort"] not in SOORTEN:
        raise fout(
            "soort",
            f"onbekende soort {values['soort']!r}; toegestaan: " + ", ".join(SOORTEN),
        )
    for veld in _TELEFOON_FIELDS:
        nummer = values[veld]
        if nummer and not (
            _TELEFOON_RE.fullmatch(nummer) and sum(c.isdigit() for c in nummer) == 10
        ):
            raise fout(
                veld,
                f"ongeldig telefoonnummer {nummer!r}: verwacht tien cijfers als '088 - 662 80 48'",
            )
    if values["email"] and not _EMAIL_RE.fullmatch(values["email"]):
        raise fout("email", f"ongeldig e-mailadres {values['email']!r}")
    if values["website"] and not _WEBSITE_RE.fullmatch(values["website"]):
        raise fout("website", f"ongeldig webadres {values['website']!r}")

    parent = values.pop("parent") or None
    return OrganisatieInfo(**values, parent=parent)


def _validate_parent(
    controle: Controle, index: int, info: OrganisatieInfo, alle: Mapping[str, OrganisatieInfo]
) -> None:
    veld = f"organisaties[{index}].parent"
    seen = {info.code}
    parent = info.parent
    while parent is not None:
        if parent not in alle:
            raise controle.fout(veld, f"onbekende code {parent!r}")
        if parent in seen:
            raise controle.fout(veld, "kringverwijzing via 'parent'")
        seen.add(parent)
        parent = alle[parent].parent
