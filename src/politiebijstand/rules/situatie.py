"""The input of the routing engine: a situation (`Situatie`), shaped as `contract/advies.md`.

`situatie_from_dict` is the single entry point from untrusted input (CLI file, web form, API
body). It raises `OngeldigeSituatie` naming the offending field; it never guesses.
`json_laden` decodes the JSON text of such input (CLI file, API body) the same strict way
everywhere: no duplicate keys, no NaN, a bounded nesting depth, a UTF-8 BOM allowed.
"""

from __future__ import annotations

import json
import re
import reprlib
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from politiebijstand.rules.gemeenten import gemeente_suggesties, gemeente_zoeken

_E = TypeVar("_E", bound=StrEnum)

#: At most this many municipalities in `gemeenten`: each of the 342 of 2024 once (issue #8).
MAX_GEMEENTEN = 342
#: At most this many characters in one municipality's name, after trimming.
MAX_GEMEENTE_LENGTE = 80
#: At most this many nested arrays and objects in JSON input; a situation needs 3, a case
#: file 4. Deeper input is refused before anything recurses over it.
MAX_JSON_DIEPTE = 16
_LANDCODE = re.compile(r"[A-Z]{2}")


class Politietaak(StrEnum):
    """The police task for which capacity is needed (factsheet, stroomschema stap 2).

    Not called ``Taak``: that is a work item of a procedure (`verzoeken.models.Taak`). The
    contract's JSON key stays ``taak`` (`Situatie.taak`).
    """

    OPENBARE_ORDE = "openbare_orde"
    HULPVERLENING = "hulpverlening"
    VERMISSING = "vermissing"
    STRAFRECHTELIJKE_HANDHAVING = "strafrechtelijke_handhaving"
    TAKEN_TEN_DIENSTE_VAN_JUSTITIE = "taken_ten_dienste_van_justitie"
    BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN = "bewaking_en_beveiliging_rijksdomein"
    #: Guarding members of the royal house and persons the minister designates, a task of the
    #: national unit (Pw art. 42 lid 1 onder c; bijstand by art. 56 lid 5; interpretation 13).
    BEWAKING_EN_BEVEILIGING_PERSONEN = "bewaking_en_beveiliging_personen"
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
    taak: Politietaak
    indicatie_misdrijf: bool | None = None
    aanvrager: Aanvrager | None = None
    spoed: bool = False
    aanvrager_is_regioburgemeester: bool = False
    locatiegebonden: bool = True
    gemeenten: tuple[str, ...] = ()
    convenant: bool = False
    gevraagd: tuple[Gevraagd, ...] = field(default_factory=tuple)
    #: A bijzondere bijstandseenheid (DSI, special units of KMar or armed forces) is asked
    #: (Pw art. 59; contract, interpretation 13). A human judgement, recorded as input.
    bijzondere_bijstandseenheid: bool = False


def _toon(waarde: Any) -> str:
    """A short, bounded rendering of an input value for a message (never the whole value)."""
    return _REPR.repr(waarde)


_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = 40
_REPR.maxother = 40
_REPR.maxlist = _REPR.maxdict = 4


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
        "bijzondere_bijstandseenheid",
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
        raise OngeldigeSituatie(pad, f"moet true of false zijn, niet {_toon(waarde)}")
    return waarde


def _optional_bool(data: Mapping[str, Any], key: str, pad: str) -> bool | None:
    waarde = data.get(key)
    if waarde is None or isinstance(waarde, bool):
        return waarde
    raise OngeldigeSituatie(pad, f"moet true, false of null zijn, niet {_toon(waarde)}")


def _enum(enum: type[_E], waarde: Any, pad: str) -> _E:
    if not isinstance(waarde, str):
        raise OngeldigeSituatie(pad, f"moet een tekst zijn, niet {_toon(waarde)}")
    try:
        return enum(waarde)
    except ValueError:
        toegestaan = ", ".join(e.value for e in enum)
        raise OngeldigeSituatie(
            pad, f"onbekende waarde {_toon(waarde)}; toegestaan: {toegestaan}"
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
        raise OngeldigeSituatie(f"{pad}.land", f"moet een tekst zijn, niet {_toon(land)}")
    if land is not None and not _LANDCODE.fullmatch(land):
        raise OngeldigeSituatie(
            f"{pad}.land",
            f"moet een landcode van twee hoofdletters zijn (ISO 3166-1 alpha-2, bijvoorbeeld BE "
            f"of DE), niet {_toon(land)}",
        )
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
            with at least one item, unless own capacity suffices, the task is the minister's
            or no police task, or `bijzondere_bijstandseenheid` is true; `middel` for
            `middelen_jenv`); more than `MAX_GEMEENTEN`
            municipalities, a name that is empty, longer than `MAX_GEMEENTE_LENGTE` after
            trimming, holds a control character or repeats an earlier one (ignoring case); the
            same provider (`leverancier` and `middel`) twice in `gevraagd`; a `land` that is
            not two capital letters. The exception names the field as a JSON path
            (``gemeenten[2]``, ``gevraagd[1]``, ``gevraagd[0].land``).

    Bron: contract/advies.md, "Input: Situatie"; factsheet toelichting 11 and 12.
    """
    if not isinstance(data, Mapping):
        raise OngeldigeSituatie("situatie", "moet een JSON-object zijn")
    _check_unknown(data, _SITUATIE_VELDEN, "")
    eigen = _bool(data, "eigen_capaciteit_toereikend", "eigen_capaciteit_toereikend", None)
    if "taak" not in data:
        raise OngeldigeSituatie("taak", "verplicht veld ontbreekt")
    taak = _enum(Politietaak, data["taak"], "taak")
    indicatie = _optional_bool(data, "indicatie_misdrijf", "indicatie_misdrijf")
    if taak is Politietaak.VERMISSING and indicatie is None:
        raise OngeldigeSituatie(
            "indicatie_misdrijf",
            "verplicht bij een vermissing: is er een indicatie van een misdrijf (true/false)?",
        )
    aanvrager: Aanvrager | None = None
    if data.get("aanvrager") is not None:
        aanvrager = _enum(Aanvrager, data["aanvrager"], "aanvrager")
    if taak is Politietaak.GEEN_POLITIETAAK and aanvrager is None:
        raise OngeldigeSituatie(
            "aanvrager",
            "verplicht bij geen_politietaak: burgemeester of officier_van_justitie",
        )
    gemeenten_raw = data.get("gemeenten", [])
    if gemeenten_raw is None:
        gemeenten_raw = []
    if not isinstance(gemeenten_raw, list):
        raise OngeldigeSituatie("gemeenten", "moet een lijst van gemeentenamen zijn")
    gemeenten = gemeenten_valideren(gemeenten_raw)
    bbe = _bool(data, "bijzondere_bijstandseenheid", "bijzondere_bijstandseenheid", False)
    zonder_gevraagd = eigen or bbe or taak in _TAKEN_ZONDER_GEVRAAGD
    if "gevraagd" not in data or data["gevraagd"] is None:
        if not zonder_gevraagd:
            raise OngeldigeSituatie(
                "gevraagd", "verplicht: welke leverancier(s) van bijstand zijn nodig?"
            )
        gevraagd_raw: list[Any] = []
    else:
        gevraagd_raw = data["gevraagd"]
        if not isinstance(gevraagd_raw, list):
            raise OngeldigeSituatie("gevraagd", "moet een lijst zijn")
    gevraagd = _gevraagd_lijst(gevraagd_raw)
    if not gevraagd and not zonder_gevraagd:
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
        bijzondere_bijstandseenheid=bbe,
    )


# Tasks for which the outcome does not depend on the requested providers (contract,
# interpretations 1 and 13): the minister's own tasks and tasks that are no police task.
_TAKEN_ZONDER_GEVRAAGD = frozenset(
    {
        Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN,
        Politietaak.BEWAKING_EN_BEVEILIGING_PERSONEN,
        Politietaak.VREEMDELINGENTOEZICHT,
        Politietaak.GEEN_POLITIETAAK,
    }
)


def gemeenten_valideren(waarden: list[Any]) -> tuple[str, ...]:
    """Validate the municipalities of a `Situatie` (field `gemeenten`), trimmed.

    The single check of the names, used by `situatie_from_dict` and by the wizard's form, so
    that CLI, API and web accept the same input.

    Args:
        waarden: the names as given (JSON list, or the wizard's split text).

    Returns:
        The official names (CBS, as in `rules.gemeenten`), in the given order: ``"Den Haag"``
        gives ``"'s-Gravenhage"``, ``" utrecht"`` gives ``"Utrecht"``.

    Raises:
        OngeldigeSituatie: more than `MAX_GEMEENTEN`; a name that is empty, longer than
            `MAX_GEMEENTE_LENGTE`, holds a control character, is no municipality or alias
            that `rules.gemeenten` knows (the message offers the closest names), or is the
            same municipality as an earlier one, naming ``gemeenten[i]``.

    Bron: contract/advies.md, field `gemeenten` and interpretation 12; factsheet, toelichting
    3 and 4 (one form per municipality).
    """
    if len(waarden) > MAX_GEMEENTEN:
        raise OngeldigeSituatie(
            "gemeenten", f"ten hoogste {MAX_GEMEENTEN} gemeenten, niet {len(waarden)}"
        )
    gezien: dict[str, int] = {}
    gemeenten: list[str] = []
    for i, gemeente in enumerate(waarden):
        pad = f"gemeenten[{i}]"
        if not isinstance(gemeente, str) or not gemeente.strip():
            raise OngeldigeSituatie(pad, "moet een niet-lege gemeentenaam zijn")
        naam = gemeente.strip()
        if len(naam) > MAX_GEMEENTE_LENGTE:
            raise OngeldigeSituatie(
                pad, f"een gemeentenaam is ten hoogste {MAX_GEMEENTE_LENGTE} tekens lang"
            )
        if any(unicodedata.category(teken).startswith("C") for teken in naam):
            raise OngeldigeSituatie(pad, "een gemeentenaam mag geen stuurtekens bevatten")
        bekend = gemeente_zoeken(naam)
        if bekend is None:
            raise OngeldigeSituatie(pad, _onbekende_gemeente(naam))
        if bekend.cbs_code in gezien:
            raise OngeldigeSituatie(
                pad, f"{_toon(naam)} staat al in de lijst (gemeenten[{gezien[bekend.cbs_code]}])"
            )
        gezien[bekend.cbs_code] = i
        gemeenten.append(bekend.naam)
    return tuple(gemeenten)


def _onbekende_gemeente(naam: str) -> str:
    """The message for a name that no municipality has, with the closest names (issue #8)."""
    suggesties = list(gemeente_suggesties(naam))
    if not suggesties:
        return f"onbekende gemeente {_toon(naam)}; geef de naam van een Nederlandse gemeente"
    if len(suggesties) == 1:
        return f"onbekende gemeente {_toon(naam)}; bedoelt u {suggesties[0]}?"
    keuze = f"{', '.join(suggesties[:-1])} of {suggesties[-1]}"
    return f"onbekende gemeente {_toon(naam)}; bedoelt u {keuze}?"


def _gevraagd_lijst(items: list[Any]) -> tuple[Gevraagd, ...]:
    """The requested providers, one route each (contract, `gevraagd`).

    The same `leverancier` and `middel` twice is an error naming the later ``gevraagd[i]``.
    """
    gezien: dict[tuple[Leverancier, Middel | None], int] = {}
    gevraagd: list[Gevraagd] = []
    for i, item in enumerate(items):
        pad = f"gevraagd[{i}]"
        g = _gevraagd_from_dict(item, pad)
        sleutel = (g.leverancier, g.middel)
        if sleutel in gezien:
            wat = g.leverancier.value + (f" ({g.middel.value})" if g.middel else "")
            raise OngeldigeSituatie(
                pad, f"{wat} is al gevraagd in gevraagd[{gezien[sleutel]}]; vraag elk één keer"
            )
        gezien[sleutel] = i
        gevraagd.append(g)
    return tuple(gevraagd)


class OngeldigeJson(ValueError):
    """JSON text that cannot be read as input.

    The caller names the source: ``f"{bestand}: {melding}"`` (CLI) or the field ``body`` (API).

    Attributes:
        melding: a Dutch message without subject, e.g. ``"leeg bestand (er staat geen JSON
            in)"``.
        code: a stable kebab-case code: ``leeg``, ``geen-utf8``, ``geen-json``,
            ``dubbele-sleutel``, ``geen-json-waarde``, ``getal-te-lang`` or ``te-diep``.
    """

    def __init__(self, melding: str, code: str) -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code


def _geen_dubbele_sleutels(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for sleutel, waarde in paren:
        if sleutel in data:
            raise OngeldigeJson(
                f"veld {_toon(sleutel)} komt dubbel voor in hetzelfde object", "dubbele-sleutel"
            )
        data[sleutel] = waarde
    return data


def _geen_constante(naam: str) -> Any:
    raise OngeldigeJson(f"{naam} is geen geldige JSON-waarde", "geen-json-waarde")


def _diepte_bewaken(data: Any) -> None:
    """Raise when `data` nests more than `MAX_JSON_DIEPTE` arrays and objects (no recursion)."""
    stapel: list[tuple[Any, int]] = [(data, 1)]
    while stapel:
        waarde, diepte = stapel.pop()
        if isinstance(waarde, dict | list):
            if diepte > MAX_JSON_DIEPTE:
                raise OngeldigeJson(_TE_DIEP, "te-diep")
            kinderen = waarde.values() if isinstance(waarde, dict) else waarde
            stapel.extend((kind, diepte + 1) for kind in kinderen)


_TE_DIEP = f"JSON te diep genest (meer dan {MAX_JSON_DIEPTE} niveaus)"


def json_laden(tekst: str | bytes) -> Any:
    """Decode the JSON text of a situation (or a case file) strictly, the same for CLI and API.

    Args:
        tekst: the raw text, or bytes in UTF-8; a leading UTF-8 byte order mark is allowed.

    Returns:
        The decoded value (any JSON value; `situatie_from_dict` checks its shape).

    Raises:
        OngeldigeJson: not UTF-8; empty or only whitespace ("leeg bestand"); not JSON (with
            line and column); NaN or Infinity; a key repeated in one object; an integer too
            long to read; nested deeper than `MAX_JSON_DIEPTE`.
    """
    if isinstance(tekst, bytes):
        try:
            tekst = tekst.decode("utf-8")
        except UnicodeDecodeError:
            raise OngeldigeJson("geen UTF-8-tekst", "geen-utf8") from None
    tekst = tekst.removeprefix("\ufeff")
    if not tekst.strip():
        raise OngeldigeJson("leeg bestand (er staat geen JSON in)", "leeg")
    try:
        data = json.loads(
            tekst, object_pairs_hook=_geen_dubbele_sleutels, parse_constant=_geen_constante
        )
    except json.JSONDecodeError as exc:
        raise OngeldigeJson(
            f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}", "geen-json"
        ) from None
    except OngeldigeJson:
        raise
    except RecursionError:
        # The decoder recurses per nested array or object; far too deep input ends here.
        raise OngeldigeJson(_TE_DIEP, "te-diep") from None
    except ValueError:  # an integer longer than sys.get_int_max_str_digits()
        raise OngeldigeJson(
            f"een getal is te lang (meer dan {sys.get_int_max_str_digits()} cijfers)",
            "getal-te-lang",
        ) from None
    _diepte_bewaken(data)
    return data
