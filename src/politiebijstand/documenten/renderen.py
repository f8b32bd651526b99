"""Rendering documents as PDF/A-2b with typst (issue #10 item 3, ADR 0032).

The templates are the ``.typ`` files in ``sjablonen/``. Data reaches a template only as one
JSON text in ``sys.inputs.data``, which the template reads with ``json(bytes(...))``: user text
is a typst string value, printed literally, never parsed as markup or code (no injection).
Only the fonts embedded in typst itself are used (system fonts are ignored), so that every
machine renders the same bytes and every font is embedded, as PDF/A requires.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import json
import threading
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

import typst

from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.contexten import Brief

SJABLONEN_DIR = Path(__file__).resolve().parent / "sjablonen"

#: The PDF standard of every rendered document: PDF/A-2b (ISO 19005-2, level B).
PDF_STANDAARD: Final = "a-2b"

_TIJDZONE = ZoneInfo("Europe/Amsterdam")
_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# One compiler per process keeps the fonts loaded (a first compile takes ~90 ms, the next ones
# ~15 ms); typst's compiler is not meant for concurrent calls, hence the lock.
_compiler_lock = threading.Lock()


class RenderFout(Exception):
    """The template could not be rendered (a bug in a template or a context)."""


def datum_tekst(waarde: date | datetime) -> str:
    """Dutch date: ``3 december 2026``; an aware datetime is taken in Europe/Amsterdam.

    Raises:
        ValueError: for a naive datetime.
    """
    if isinstance(waarde, datetime):
        if waarde.tzinfo is None:
            raise ValueError("datum_tekst: tijdstip zonder tijdzone")
        waarde = waarde.astimezone(_TIJDZONE).date()
    return f"{waarde.day} {_MAANDEN[waarde.month - 1]} {waarde.year}"


def tijdstip_tekst(waarde: datetime) -> str:
    """Dutch date and time in Europe/Amsterdam: ``3 december 2026 om 14:05``.

    Raises:
        ValueError: for a naive datetime.
    """
    if waarde.tzinfo is None:
        raise ValueError("tijdstip_tekst: tijdstip zonder tijdzone")
    lokaal = waarde.astimezone(_TIJDZONE)
    return f"{datum_tekst(lokaal)} om {lokaal:%H:%M}"


def _als_data(waarde: Any) -> Any:
    """Plain JSON data for a template: dates and times as Dutch text, tuples as lists."""
    if isinstance(waarde, datetime):
        return tijdstip_tekst(waarde)
    if isinstance(waarde, date):
        return datum_tekst(waarde)
    if isinstance(waarde, enum.Enum):
        return _als_data(waarde.value)
    if isinstance(waarde, Decimal):
        return str(waarde)
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return {f.name: _als_data(getattr(waarde, f.name)) for f in dataclasses.fields(waarde)}
    if isinstance(waarde, Mapping):
        return {str(k): _als_data(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_als_data(v) for v in waarde]
    if waarde is None or isinstance(waarde, str | int | float | bool):
        return waarde
    raise TypeError(f"renderen: {type(waarde).__name__} kan niet naar een sjabloon")


def sjabloon_pad(sjabloon: str) -> Path:
    """The template file of a kind of document.

    Raises:
        ValueError: for a name that is not a `Soort` with a template.
    """
    if sjabloon not in Soort.values or sjabloon == Soort.EXTERN:
        raise ValueError(f"renderen: geen sjabloon {sjabloon!r}")
    return SJABLONEN_DIR / f"{sjabloon}.typ"


@functools.cache
def sjabloon_versie(sjabloon: str) -> str:
    """sha256 (hex) of the template file and the shared letter layout it imports."""
    digest = hashlib.sha256()
    for pad in (SJABLONEN_DIR / "_brief.typ", sjabloon_pad(sjabloon)):
        digest.update(pad.read_bytes())
    return digest.hexdigest()


@functools.cache
def _compiler() -> typst.Compiler:
    return typst.Compiler(root=str(SJABLONEN_DIR), font_paths=[], ignore_system_fonts=True)


def renderen(sjabloon: str, context: Mapping[str, Any]) -> bytes:
    """Render a template to PDF/A-2b bytes.

    Args:
        sjabloon: a `Soort` value with a template, e.g. ``"besluit"``.
        context: the template's data (the fields of its `contexten` dataclass); values are
            str, int, bool, None, date, aware datetime, Decimal, Enum, dataclasses, mappings and
            sequences of them. ``context["tijdstip"]`` (aware datetime) is the document's date
            and the PDF's creation time, so that the same context gives the same bytes.

    Returns:
        The PDF bytes.

    Raises:
        ValueError: an unknown template, or no aware ``tijdstip`` in the context.
        TypeError: a value that cannot be passed to a template.
        RenderFout: typst refused the template with this data.
    """
    pad = sjabloon_pad(sjabloon)
    tijdstip = context.get("tijdstip")
    if not isinstance(tijdstip, datetime) or tijdstip.tzinfo is None:
        raise ValueError("renderen: context['tijdstip'] moet een tijdstip met tijdzone zijn")
    data = _als_data(context)
    data["datum"] = datum_tekst(tijdstip)
    invoer = json.dumps(data, ensure_ascii=False, allow_nan=False)
    with _compiler_lock:
        try:
            pdf = _compiler().compile(
                input=str(pad),
                format="pdf",
                pdf_standards=[PDF_STANDAARD],
                sys_inputs={"data": invoer},
                # typst takes whole seconds only; the PDF's time is to the second.
                timestamp=tijdstip.replace(microsecond=0),
            )
        except RuntimeError as exc:
            raise RenderFout(f"renderen: {sjabloon}: {exc}") from exc
    if not isinstance(pdf, bytes):  # typst returns a list only for multi-page images
        raise RenderFout(f"renderen: {sjabloon}: geen PDF")
    return pdf


def document_renderen(context: Brief) -> bytes:
    """Render a document from its typed context (`contexten`), with the context's template.

    Raises:
        As `renderen`.
    """
    velden = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    return renderen(context.SJABLOON, velden)
