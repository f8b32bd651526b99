"""Checks of the values a run is given: start variables and the fields a step records.

Each check raises `InvalidDataError` naming the field; the kinds are those of `model.Veld`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from politiebijstand.procedures.fouten import InvalidDataError, ProcedureError

_ISO_DURATION = re.compile(
    r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
)


def check_value(name: str, spec: Mapping[str, Any], value: Any) -> None:
    soort = spec["soort"]
    if soort == "ja_nee":
        if not isinstance(value, bool):
            raise InvalidDataError(name, f"ja/nee (true of false) verwacht, niet {value!r}")
    elif soort == "keuze":
        if value not in spec["waarden"]:
            allowed = ", ".join(spec["waarden"])
            raise InvalidDataError(name, f"een van {allowed} verwacht, niet {value!r}")
    elif soort == "duur":
        if not isinstance(value, str) or not _ISO_DURATION.match(value):
            raise InvalidDataError(
                name, f"een ISO 8601-duur zoals 'PT24H' verwacht, niet {value!r}"
            )
    elif soort == "tekst":
        if not isinstance(value, str) or not value.strip():
            raise InvalidDataError(name, f"een tekst verwacht, niet {value!r}")
    elif soort == "lijst":
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) for v in value)
            or len(set(value)) != len(value)
        ):
            raise InvalidDataError(
                name, f"een niet-lege lijst van verschillende teksten verwacht, niet {value!r}"
            )
    else:  # pragma: no cover - the generator writes only these kinds
        raise ProcedureError(f"{name}: onbekende veldsoort {soort!r} in het model")


def check_json(field: str, data: Any) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise InvalidDataError(field, f"een object (dict) verwacht, niet {type(data).__name__}")
    for key in data:
        if not isinstance(key, str):
            raise InvalidDataError(field, f"veldnamen moeten tekst zijn, niet {key!r}")
    try:
        json.dumps(data, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvalidDataError(field, f"niet als JSON op te slaan: {exc}") from None
    result: dict[str, Any] = json.loads(json.dumps(data))
    return result
