"""The input of the routing engine: a situation (`Situatie`), shaped as `contract/advies.md`.

`situatie_from_dict` is the single entry point from untrusted input (CLI file, web form, API
body). It raises `OngeldigeSituatie` naming the offending field; it never guesses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

_E = TypeVar("_E", bound=StrEnum)


class Taak(StrEnum):
    """The police task for which capacity is needed (factsheet, stroomschema stap 2)."""

    OPENBARE_ORDE = "openbare_orde"
    HULPVERLENING = "hulpverlening"
    VERMISSING = "vermissing"
    STRAFRECHTELIJKE_HANDHAVING = "strafrechtelijke_handhaving"
    TAKEN_TEN_DIENSTE_VAN_JUSTITIE = "taken_ten_dienste_van_justitie"
    BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN = "bewaking_en_beveiliging_rijksdomein"
    VREEMDELINGENTOEZICHT = "vreemdelingentoezicht"
    GEEN_POLITIETAAK = "geen_politietaak"


class Aanvrager(StrEnum):
    """Who asks, where the task itself does not say (factsheet, toelichting 11)."""

    BURGEMEESTER = "burgemeester"
    OFFICIER_VAN_JUSTITIE = "officier_van_justitie"


class Leverancier(StrEnum):
    """Who is asked to provide the bijstand (factsheet, stroomschema A and B)."""

    POLITIE = "politie"
    MIDDELEN_JENV = "middelen_jenv"
    KMAR = "kmar"
    KRIJGSMACHT = "krijgsmacht"
    BUITENLAND = "buitenland"


class Middel(StrEnum):
    """Special resources owned by the Ministry of JenV (factsheet, toelichting 2)."""

    WATERWERPER = "waterwerper"
    BEWAKINGSCONTAINER = "bewakingscontainer"
    VRT_VOERTUIG = "vrt_voertuig"


@dataclass(frozen=True, slots=True)
class Gevraagd:
    """One requested provider (one item of `Situatie.gevraagd`).

    Attributes:
        leverancier: the provider asked.
        middel: for `MIDDELEN_JENV` only (required there): which resource.
        oefening: for a water cannon: an exercise, not a real deployment.
        politie_uitgeput: for `KRIJGSMACHT`: police capacity is exhausted.
        kmar_uitgeput: for `KRIJGSMACHT`: KMar capacity is exhausted.
        specialisme_niet_beschikbaar: for `KRIJGSMACHT`: the specialism exists at neither
            police nor KMar.
        land: for `BUITENLAND`: ISO 3166-1 alpha-2 country code, informative.
    """

    leverancier: Leverancier
    middel: Middel | None = None
    oefening: bool = False
    politie_uitgeput: bool = False
    kmar_uitgeput: bool = False
    specialisme_niet_beschikbaar: bool = False
    land: str | None = None


@dataclass(frozen=True, slots=True)
class Situatie:
    """A situation in which a unit may need bijstand (contract `Situatie`).

    See `shared/contract/advies.md` for the meaning of every field.
    """

    eigen_capaciteit_toereikend: bool
    taak: Taak
    indicatie_misdrijf: bool | None = None
    aanvrager: Aanvrager | None = None
    spoed: bool = False
    aanvrager_is_regioburgemeester: bool = False
    locatiegebonden: bool = True
    gemeenten: tuple[str, ...] = ()
    convenant: bool = False
    gevraagd: tuple[Gevraagd, ...] = field(default_factory=tuple)


class OngeldigeSituatie(ValueError):
    """Invalid input for the routing engine.

    Attributes:
        veld: the JSON path of the offending field, e.g. ``"gevraagd[1].middel"``.
        melding: a Dutch message for the user.
    """

    def __init__(self, veld: str, melding: str) -> None:
        super().__init__(f"{veld}: {melding}")
        self.veld = veld
        self.melding = melding


_SITUATIE_VELDEN = frozenset(
    {
        "eigen_capaciteit_toereikend",
        "taak",
        "indicatie_misdrijf",
        "aanvrager",
        "spoed",
        "aanvrager_is_regioburgemeester",
        "locatiegebonden",
        "gemeenten",
        "convenant",
        "gevraagd",
    }
)
_GEVRAAGD_VELDEN = frozenset(
    {
        "leverancier",
        "middel",
        "oefening",
        "politie_uitgeput",
        "kmar_uitgeput",
        "specialisme_niet_beschikbaar",
        "land",
    }
)


def _bool(data: Mapping[str, Any], key: str, pad: str, default: bool | None) -> bool:
    if key not in data:
        if default is None:
            raise OngeldigeSituatie(pad, "verplicht veld ontbreekt (true of false)")
        return default
    waarde = data[key]
    if not isinstance(waarde, bool):
        raise OngeldigeSituatie(pad, f"moet true of false zijn, niet {waarde!r}")
    return waarde


def _optional_bool(data: Mapping[str, Any], key: str, pad: str) -> bool | None:
    waarde = data.get(key)
    if waarde is None or isinstance(waarde, bool):
        return waarde
    raise OngeldigeSituatie(pad, f"moet true, false of null zijn, niet {waarde!r}")


def _enum(enum: type[_E], waarde: Any, pad: str) -> _E:
    if not isinstance(waarde, str):
        raise OngeldigeSituatie(pad, f"moet een tekst zijn, niet {waarde!r}")
    try:
        return enum(waarde)
    except ValueError:
        toegestaan = ", ".join(e.value for e in enum)
        raise OngeldigeSituatie(
            pad, f"onbekende waarde {waarde!r}; toegestaan: {toegestaan}"
        ) from None


def _check_unknown(data: Mapping[str, Any], bekend: frozenset[str], prefix: str) -> None:
    for key in data:
        if key not in bekend:
            raise OngeldigeSituatie(f"{prefix}{key}", "onbekend veld")


def _gevraagd_from_dict(item: Any, pad: str) -> Gevraagd:
    if not isinstance(item, Mapping):
        raise OngeldigeSituatie(pad, "moet een object zijn")
    _check_unknown(item, _GEVRAAGD_VELDEN, f"{pad}.")
    if "leverancier" not in item:
        raise OngeldigeSituatie(f"{pad}.leverancier", "verplicht veld ontbreekt")
    leverancier = _enum(Leverancier, item["leverancier"], f"{pad}.leverancier")
    middel: Middel | None = None
    if item.get("middel") is not None:
        middel = _enum(Middel, item["middel"], f"{pad}.middel")
    if leverancier is Leverancier.MIDDELEN_JENV and middel is None:
        raise OngeldigeSituatie(
            f"{pad}.middel",
            "verplicht bij middelen_jenv: waterwerper, bewakingscontainer of vrt_voertuig",
        )
    land = item.get("land")
    if land is not None and not isinstance(land, str):
        raise OngeldigeSituatie(f"{pad}.land", f"moet een tekst zijn, niet {land!r}")
    return Gevraagd(
        leverancier=leverancier,
        middel=middel,
        oefening=_bool(item, "oefening", f"{pad}.oefening", False),
        politie_uitgeput=_bool(item, "politie_uitgeput", f"{pad}.politie_uitgeput", False),
        kmar_uitgeput=_bool(item, "kmar_uitgeput", f"{pad}.kmar_uitgeput", False),
        specialisme_niet_beschikbaar=_bool(
            item, "specialisme_niet_beschikbaar", f"{pad}.specialisme_niet_beschikbaar", False
        ),
        land=land,
    )


def situatie_from_dict(data: Any) -> Situatie:
    """Validate untrusted JSON-like input and build a `Situatie`.

    Args:
        data: the decoded JSON object (a mapping with the contract's field names).

    Returns:
        The frozen `Situatie`.

    Raises:
        OngeldigeSituatie: unknown field, wrong type, unknown enum value, or a missing
            required field (`eigen_capaciteit_toereikend`, `taak`; `indicatie_misdrijf` when
            `taak` is `vermissing`; `aanvrager` when `taak` is `geen_politietaak`; `gevraagd`,
            with at least one item, unless own capacity suffices or the task is the minister's
            or no police task; `middel` for `middelen_jenv`). The exception names the
            field as a JSON path.

    Bron: contract/advies.md, "Input: Situatie"; factsheet toelichting 11 and 12.
    """
    if not isinstance(data, Mapping):
        raise OngeldigeSituatie("situatie", "moet een JSON-object zijn")
    _check_unknown(data, _SITUATIE_VELDEN, "")
    eigen = _bool(data, "eigen_capaciteit_toereikend", "eigen_capaciteit_toereikend", None)
    if "taak" not in data:
        raise OngeldigeSituatie("taak", "verplicht veld ontbreekt")
    taak = _enum(Taak, data["taak"], "taak")
    indicatie = _optional_bool(data, "indicatie_misdrijf", "indicatie_misdrijf")
    if taak is Taak.VERMISSING and indicatie is None:
        raise OngeldigeSituatie(
            "indicatie_misdrijf",
            "verplicht bij een vermissing: is er een indicatie van een misdrijf (true/false)?",
        )
    aanvrager: Aanvrager | None = None
    if data.get("aanvrager") is not None:
        aanvrager = _enum(Aanvrager, data["aanvrager"], "aanvrager")
    if taak is Taak.GEEN_POLITIETAAK and aanvrager is None:
        raise OngeldigeSituatie(
            "aanvrager",
            "verplicht bij geen_politietaak: burgemeester of officier_van_justitie",
        )
    gemeenten_raw = data.get("gemeenten", [])
    if gemeenten_raw is None:
        gemeenten_raw = []
    if not isinstance(gemeenten_raw, list):
        raise OngeldigeSituatie("gemeenten", "moet een lijst van gemeentenamen zijn")
    gemeenten: list[str] = []
    for i, gemeente in enumerate(gemeenten_raw):
        if not isinstance(gemeente, str) or not gemeente.strip():
            raise OngeldigeSituatie(f"gemeenten[{i}]", "moet een niet-lege gemeentenaam zijn")
        gemeenten.append(gemeente.strip())
    if "gevraagd" not in data or data["gevraagd"] is None:
        if not eigen and taak not in _TAKEN_ZONDER_GEVRAAGD:
            raise OngeldigeSituatie(
                "gevraagd", "verplicht: welke leverancier(s) van bijstand zijn nodig?"
            )
        gevraagd_raw: list[Any] = []
    else:
        gevraagd_raw = data["gevraagd"]
        if not isinstance(gevraagd_raw, list):
            raise OngeldigeSituatie("gevraagd", "moet een lijst zijn")
    gevraagd = tuple(
        _gevraagd_from_dict(item, f"gevraagd[{i}]") for i, item in enumerate(gevraagd_raw)
    )
    if not gevraagd and not eigen and taak not in _TAKEN_ZONDER_GEVRAAGD:
        raise OngeldigeSituatie(
            "gevraagd", "kies minstens één leverancier van bijstand (de lijst is leeg)"
        )
    return Situatie(
        eigen_capaciteit_toereikend=eigen,
        taak=taak,
        indicatie_misdrijf=indicatie,
        aanvrager=aanvrager,
        spoed=_bool(data, "spoed", "spoed", False),
        aanvrager_is_regioburgemeester=_bool(
            data, "aanvrager_is_regioburgemeester", "aanvrager_is_regioburgemeester", False
        ),
        locatiegebonden=_bool(data, "locatiegebonden", "locatiegebonden", True),
        gemeenten=tuple(gemeenten),
        convenant=_bool(data, "convenant", "convenant", False),
        gevraagd=gevraagd,
    )


# Tasks for which the outcome does not depend on the requested providers (contract,
# interpretation 1): the minister's own tasks and tasks that are no police task.
_TAKEN_ZONDER_GEVRAAGD = frozenset(
    {
        Taak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN,
        Taak.VREEMDELINGENTOEZICHT,
        Taak.GEEN_POLITIETAAK,
    }
)
