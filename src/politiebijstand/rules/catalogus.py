"""The rule catalogue: every rule of the engine with its sources, generated from the code.

Each rule function is registered with `@regel(bron, ...)`. `regels()` lists them in a fixed
order (module order of `MODULES`, then source order), for the web page and for
`docs/regels.md` (`politiebijstand regels --markdown`), so that a lawyer can review the law as
code without reading Python.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from politiebijstand.rules.bron import FACTSHEET, Bron

F = TypeVar("F", bound=Callable[..., Any])

_PREFIX = "politiebijstand.rules."
_PROGRAMMEURSSECTIE = re.compile(r"^(?:Args|Returns|Raises|Yields|Examples?):\s*$", re.MULTILINE)

#: The rule modules, in catalogue order (relative to `politiebijstand.rules`).
MODULES: tuple[str, ...] = (
    "politiewet_2012.bijstand_gezag",
    "politiewet_2012.steunverlening",
    "politiewet_2012.bijstand_eenheden",
    "politiewet_2012.bijstand_middelen",
    "politiewet_2012.bijstand_kmar",
    "politiewet_2012.bijstand_krijgsmacht",
    "politiewet_2012.bijstand_buitenland",
    "politiewet_2012.bijstand_spoed",
    "politiewet_2012.bijstand_indiener",
    "politiewet_2012.financiering",
)


@dataclass(frozen=True, slots=True)
class Regel:
    """One registered rule, as shown in the catalogue.

    Attributes:
        naam: the function name, e.g. ``"kmar_openbare_orde"``.
        module: the module relative to `politiebijstand.rules`, e.g.
            ``"politiewet_2012.bijstand_kmar"``.
        samenvatting: the first line of the docstring.
        toelichting: the rest of the docstring up to its Args/Returns/Raises sections (may be
            empty), dedented.
        bronnen: the sources the rule rests on, in citation order.
    """

    naam: str
    module: str
    samenvatting: str
    toelichting: str
    bronnen: tuple[Bron, ...]


_REGISTER: dict[Callable[..., Any], tuple[Regel, int]] = {}


def regel(*bronnen: Bron) -> Callable[[F], F]:
    """Register a rule function with its sources; the function itself is returned unchanged.

    Args:
        *bronnen: at least one `Bron`: every source the rule's outcomes may cite.

    Returns:
        A decorator that records the function in the catalogue.

    Raises:
        ValueError: no source given, or the function has no docstring.
    """
    if not bronnen:
        raise ValueError("a rule needs at least one Bron")

    def decorate(func: F) -> F:
        doc = inspect.getdoc(func)
        if not doc:
            raise ValueError(f"rule {func.__qualname__} needs a docstring")
        samenvatting, _, rest = doc.partition("\n")
        # Args/Returns/Raises are for programmers; the catalogue shows the legal explanation.
        toelichting = _PROGRAMMEURSSECTIE.split(rest, maxsplit=1)[0]
        module = func.__module__.removeprefix(_PREFIX)
        _REGISTER[func] = (
            Regel(
                naam=func.__name__,
                module=module,
                samenvatting=samenvatting.strip(),
                toelichting=toelichting.strip(),
                bronnen=tuple(bronnen),
            ),
            func.__code__.co_firstlineno,
        )
        return func

    return decorate


def _load_modules() -> None:
    for module in MODULES:
        importlib.import_module(_PREFIX + module)


def regels() -> tuple[Regel, ...]:
    """Every registered rule, in catalogue order (module order of `MODULES`, then source order).

    Returns:
        A tuple of frozen `Regel` values; the same on every call.
    """
    _load_modules()
    volgorde = {module: i for i, module in enumerate(MODULES)}
    entries = sorted(
        _REGISTER.values(),
        key=lambda entry: (volgorde.get(entry[0].module, len(MODULES)), entry[0].module, entry[1]),
    )
    return tuple(entry[0] for entry in entries)


def regel_van(func: Callable[..., Any]) -> Regel:
    """The catalogue entry of a rule function.

    Raises:
        KeyError: the function is not registered with `@regel`.
    """
    return _REGISTER[func][0]


def module_titel(module: str) -> str:
    """The first docstring line of a rule module without its final full stop.

    Example: ``"Bijstand door de Koninklijke Marechaussee (Pw 2012 art. 57): procedures 3 en 7"``.
    """
    doc = inspect.getdoc(importlib.import_module(_PREFIX + module)) or module
    return doc.partition("\n")[0].strip().removesuffix(".")


def bron_voluit(bron: Bron) -> str:
    """A source written out in full for a reader, with its BWB-id when it has one.

    Example: ``"Politiewet 2012, art. 57 lid 1 (BWBR0031788)"``.
    """
    if bron.regeling == FACTSHEET:
        return f"{FACTSHEET}, {bron.onderdeel}" if bron.onderdeel else FACTSHEET
    delen = [bron.regeling]
    plaats = " ".join(
        p
        for p in (
            f"art. {bron.artikel}" if bron.artikel else "",
            f"lid {bron.lid}" if bron.lid else "",
            bron.onderdeel or "",
        )
        if p
    )
    if plaats:
        delen.append(plaats)
    tekst = ", ".join(delen)
    if bron.bwb_id:
        tekst += f" ({bron.bwb_id})"
    if bron.geldig_vanaf:
        tekst += f", geldig vanaf {bron.geldig_vanaf.isoformat()}"
    return tekst


def catalogus_markdown() -> str:
    """The whole catalogue as Markdown (the content of `docs/regels.md`), ending in a newline."""
    alle = regels()
    regels_md: list[str] = [
        "# Regelcatalogus",
        "",
        "<!-- Gegenereerd uit de code met `politiebijstand regels --markdown` (make docs).",
        "     Niet met de hand bewerken: een test vergelijkt dit bestand met de code. -->",
        "",
        "Alle regels van de routeringsmotor (`politiebijstand.rules`), met hun bronnen. Elke regel",
        "is een kleine Python-functie; de samenvatting en toelichting komen uit haar docstring.",
        "Bronnen: de Politiewet 2012 (BWBR0031788) en de factsheet *Bijstand & ondersteuning aan",
        "de politie* van het LOCC.",
        "",
        f"Aantal regels: {len(alle)}.",
    ]
    huidige: str | None = None
    for r in alle:
        if r.module != huidige:
            huidige = r.module
            regels_md += ["", f"## {module_titel(r.module)}", "", f"Module `{r.module}`."]
        regels_md += ["", f"### `{r.naam}`", "", r.samenvatting]
        if r.toelichting:
            regels_md += ["", r.toelichting]
        regels_md += ["", "Bronnen:", ""]
        regels_md += [f"- {bron_voluit(b)}" for b in r.bronnen]
    return "\n".join(regels_md) + "\n"
