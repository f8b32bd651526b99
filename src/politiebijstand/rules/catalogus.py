"""The rule catalogue: every rule of the engine with its sources, generated from the code.

Each rule function is registered with `@regel(bron, ..., samenvatting=..., toelichting=...)`:
its sources and a Dutch summary and explanation for lawyers. The docstring stays English, for
programmers (house style); the Dutch text sits next to the code it describes, so both change
together, and it cites the contract's fixed interpretations as "vaste interpretatie N
(docs/contract)" (`interpretaties`). `regels()` lists the rules in a fixed order (module order
of `MODULES`, then source order), for the web page and for `docs/regels.md`
(`politiebijstand regels --markdown`), so that a lawyer can review the law as code without
reading Python.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from politiebijstand.rules.bron import FACTSHEET, POLITIEWET_2012, POLITIEWET_2012_BWB_ID, Bron
from politiebijstand.rules.interpretaties import (
    VASTE_INTERPRETATIES,
    geciteerde_interpretaties,
)
from politiebijstand.rules.versie import regels_versie_kort

F = TypeVar("F", bound=Callable[..., Any])

_PREFIX = "politiebijstand.rules."
#: What a Dutch text for lawyers must not contain: Markdown code quotes, identifiers with an
#: underscore, calls, or Python's literals.
CODETEKST = re.compile(r"`|\b\w+_\w+\b|\w\(\)|\b(?:None|True|False|null|true|false)\b")

#: The rule modules, in catalogue order (relative to `politiebijstand.rules`).
MODULES: tuple[str, ...] = (
    "politiewet_2012.bijstand_gezag",
    "politiewet_2012.bijstand_buiten_factsheet",
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
        samenvatting: one Dutch sentence for lawyers, ending in a full stop.
        toelichting: the Dutch explanation; paragraphs separated by a blank line.
        bronnen: the sources the rule rests on, in citation order.
        interpretaties: the numbers of the contract's fixed interpretations the Dutch text
            cites, in order.
    """

    naam: str
    module: str
    samenvatting: str
    toelichting: str
    bronnen: tuple[Bron, ...]
    interpretaties: tuple[int, ...] = ()


_REGISTER: dict[Callable[..., Any], tuple[Regel, int]] = {}


def regel(*bronnen: Bron, samenvatting: str, toelichting: str) -> Callable[[F], F]:
    """Register a rule function with its sources and Dutch text; the function is unchanged.

    Args:
        *bronnen: at least one `Bron`: every source the rule's outcomes may cite.
        samenvatting: one Dutch sentence that says what the rule decides, for lawyers.
        toelichting: the Dutch explanation: quotes of the source, the condition applied, the
            interpretation cited as "vaste interpretatie N (docs/contract)". No code names.

    Returns:
        A decorator that records the function in the catalogue.

    Raises:
        ValueError: no source; the function has no docstring; the summary is not one line
            ending in a full stop; either text is empty, holds code (`CODETEKST`), or cites
            an interpretation the contract does not have.
    """
    if not bronnen:
        raise ValueError("a rule needs at least one Bron")
    samenvatting = samenvatting.strip()
    toelichting = toelichting.strip()
    if not samenvatting.endswith(".") or "\n" in samenvatting:
        raise ValueError(f"samenvatting must be one sentence ending in '.': {samenvatting!r}")
    if not toelichting:
        raise ValueError("a rule needs a Dutch toelichting")
    for tekst in (samenvatting, toelichting):
        if code := CODETEKST.search(tekst):
            raise ValueError(f"Dutch text holds code {code.group()!r}: {tekst[:60]!r}")
    interpretaties = geciteerde_interpretaties(f"{samenvatting} {toelichting}")

    def decorate(func: F) -> F:
        if not inspect.getdoc(func):
            raise ValueError(f"rule {func.__qualname__} needs a docstring")
        _REGISTER[func] = (
            Regel(
                naam=func.__name__,
                module=func.__module__.removeprefix(_PREFIX),
                samenvatting=samenvatting,
                toelichting=toelichting,
                bronnen=tuple(bronnen),
                interpretaties=interpretaties,
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


#: What the catalogue says about each source and its version (politiewet-2012.md, factsheet).
BRONNOTITIES: tuple[tuple[str, str], ...] = (
    (
        f"{POLITIEWET_2012} ({POLITIEWET_2012_BWB_ID})",
        "De samenvatting van de artikelen is getoetst aan een geconsolideerde tekst van de "
        f"Politiewet 2012 ({POLITIEWET_2012_BWB_ID}). De wijziging van 2022 (Stb. 2022, 216: "
        "taken van de Koninklijke Marechaussee, en de commandant van de KMar in het "
        "driehoeksoverleg) is hierin nog niet verwerkt. Vergelijk een regel vóór gebruik in "
        "productie met de actuele geconsolideerde tekst op wetten.overheid.nl.",
    ),
    (
        FACTSHEET,
        "Onderdelen worden aangehaald met hun kop in de factsheet: stroomschema stap 1 en 2, "
        "stroomschema A en B per leverancier, toelichting 1 tot en met 12, voetnoot 1 tot en "
        "met 6, en Contactgegevens. De factsheet spreekt nog van het Ministerie van "
        "Veiligheid en Justitie, nu Justitie en Veiligheid.",
    ),
    (
        "Vaste interpretaties",
        "Waar de factsheet zwijgt, onduidelijk is of afwijkt van de wet, volgt de Bijstandswijzer "
        "vaste interpretaties. Een regel noemt ze als 'vaste interpretatie N'; de tekst van elke "
        "interpretatie staat onderaan deze catalogus.",
    ),
)


def catalogus_markdown() -> str:
    """The whole catalogue as Markdown (the content of `docs/regels.md`), ending in a newline.

    Per module its rules: the Dutch summary as heading, the explanation, the sources written
    out, and where the rule sits in the code; then the contract's fixed interpretations.
    """
    alle = regels()
    regels_md: list[str] = [
        "# Regelcatalogus",
        "",
        "<!-- Gegenereerd uit de code met `politiebijstand regels --markdown` (make docs).",
        "     Niet met de hand bewerken: een test vergelijkt dit bestand met de code. -->",
        "",
        "Alle regels van de routeringsmotor van de Bijstandswijzer, met hun bronnen. Elke regel",
        "is een kleine functie in de code; de Nederlandse samenvatting en toelichting staan bij",
        "die functie, zodat tekst en code samen veranderen.",
        "",
        f"Regelversie: {regels_versie_kort()} (het begin van de sha256 van de broncode van de",
        "regels). Elk advies noemt de regelversie waarmee het is bepaald.",
        "",
        "## Bronnen en versies",
        "",
    ]
    regels_md += [f"- **{naam}**. {noot}" for naam, noot in BRONNOTITIES]
    regels_md += ["", f"Aantal regels: {len(alle)}."]
    huidige: str | None = None
    for r in alle:
        if r.module != huidige:
            huidige = r.module
            regels_md += ["", f"## {module_titel(r.module)}"]
        regels_md += ["", f"### {r.samenvatting.removesuffix('.')}", "", r.toelichting]
        regels_md += ["", "Bronnen:", ""]
        regels_md += [f"- {bron_voluit(b)}" for b in r.bronnen]
        regels_md += ["", f"In de code: `{r.naam}` in `{r.module}`."]
    regels_md += [
        "",
        "## Vaste interpretaties (docs/contract)",
        "",
        "De vaste interpretaties van het contract van het advies, in het Nederlands.",
    ]
    for interpretatie in VASTE_INTERPRETATIES:
        regels_md += [
            "",
            f"### Vaste interpretatie {interpretatie.nummer}: {interpretatie.titel}",
            "",
            interpretatie.tekst,
        ]
    return "\n".join(regels_md) + "\n"
