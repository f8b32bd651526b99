"""Command-line interface: `politiebijstand advies FILE [--json]`, and Django management.

- `politiebijstand advies FILE [--json]`: the routing advice for a situation (a `Situatie`
  JSON object, or a case file with a "situatie" key; FILE `-` reads standard input). Readable
  Dutch text by default; `--json` prints exactly `Advies.to_dict()`. Invalid input: exit
  status 2, a message naming the field on standard error, nothing on standard output.
- `politiebijstand regels [--markdown]`: the rule catalogue (`docs/regels.md` with
  `--markdown`).
- `politiebijstand audit verify`: the audit chain against the latest anchor (exit 0 intact,
  1 broken, 2 usage or configuration error); `politiebijstand audit anker`: write an anchor now
  (docs/audit.md).
- `politiebijstand manage ARGS...` runs Django's management commands (migrate, runserver, ...).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from politiebijstand.rules import (
    Advies,
    OngeldigeSituatie,
    Route,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.rules.catalogus import bron_voluit, catalogus_markdown, module_titel, regels
from politiebijstand.rules.engine import wat_nu
from politiebijstand.rules.situatie import OngeldigeJson, json_laden
from politiebijstand.rules.versie import regels_versie_kort

#: Exit status for invalid input or an unreadable file.
EXIT_ONGELDIG = 2


def _manage(argv: Sequence[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["politiebijstand manage", *argv])
    return 0


def _audit(opdracht: str) -> int:
    """Run `audit verify` or `audit anker`; exit 2 when a key is not configured.

    `audit verify` checks the chain against the latest anchor: exit 0 when intact, 1 when
    anything is wrong (each finding on its own line on standard error). `audit anker` writes an
    anchor now: exit 0 when written, 1 when refused. See docs/audit.md.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.dev")
    import django

    django.setup()
    from django.core.exceptions import ImproperlyConfigured

    try:
        return _audit_uitvoeren(opdracht)
    except ImproperlyConfigured as exc:
        print(f"politiebijstand audit: {exc}", file=sys.stderr)
        return EXIT_ONGELDIG


def _audit_uitvoeren(opdracht: str) -> int:
    from politiebijstand.audit.anker import AnkerGeweigerd, anker_map, anker_schrijven
    from politiebijstand.audit.controle import audit_controleren

    if opdracht == "anker":
        try:
            anker = anker_schrijven()
        except AnkerGeweigerd as exc:
            print(exc, file=sys.stderr)
            return 1
        print(
            f"Anker geschreven: {anker_map() / anker.naam} ({anker.aantal} regels tot "
            f"volgnummer {anker.volgnummer})."
        )
        return 0
    controle = audit_controleren()
    uitvoer = sys.stdout if controle.intact else sys.stderr
    for regel in controle.regels():
        print(regel, file=sys.stderr if regel.startswith("Waarschuwing") else uitvoer)
    return 0 if controle.intact else 1


# --- advies ----------------------------------------------------------------------------------


class _Invoerfout(Exception):
    """Input that cannot become a situation; the message is for standard error."""


def _lees_situatie(bestand: str) -> Any:
    """Read FILE (or standard input for `-`) and return the JSON value it holds.

    Decoding is `rules.situatie.json_laden`, the same as the API's: a UTF-8 BOM is allowed;
    an empty file, invalid JSON, a repeated key or too deep nesting is refused.

    Raises:
        _Invoerfout: the file cannot be read, or `json_laden` refuses its text; the message
            names the file.
    """
    naam = "standaardinvoer" if bestand == "-" else bestand
    try:
        if bestand == "-":
            # Bytes where possible, so that a BOM or bad UTF-8 is judged like a file's.
            buffer = getattr(sys.stdin, "buffer", None)
            tekst: str | bytes = buffer.read() if buffer is not None else sys.stdin.read()
        else:
            tekst = Path(bestand).read_bytes()
    except OSError as exc:
        raise _Invoerfout(f"kan {naam} niet lezen: {exc.strerror or exc}") from None
    try:
        return json_laden(tekst)
    except OngeldigeJson as fout:
        raise _Invoerfout(f"{naam}: {fout.melding}") from None


_UITKOMST = {
    "bijstand": "bijstand aanvragen",
    "eigen_capaciteit": "de eigen capaciteit volstaat: zelf in voorzien, einde bijstandsproces",
    "gezag_minister": "taak onder rechtstreeks gezag van de Minister van Justitie en Veiligheid "
    "(buiten de factsheet)",
    "buiten_factsheet": "bijstand buiten de factsheet: de Politiewet 2012 regelt een eigen weg",
    "militaire_steunverlening": "geen politietaak: de burgemeester kan militaire steunverlening "
    "aanvragen",
    "niet_mogelijk": "niet mogelijk",
}
_GEZAG = {
    "burgemeester": "burgemeester",
    "officier_van_justitie": "officier van justitie",
    "minister_jenv": "Minister van Justitie en Veiligheid",
}
_LEVERANCIER = {
    "politie": "andere politie-eenheid",
    "middelen_jenv": "middelen van het Ministerie van Justitie en Veiligheid",
    "kmar": "Koninklijke Marechaussee (KMar)",
    "krijgsmacht": "ander deel van de krijgsmacht",
    "buitenland": "buitenlandse politie",
}
_MIDDEL = {
    "waterwerper": "waterwerper",
    "bewakingscontainer": "bewakingscontainer",
    "vrt_voertuig": "voertuig verscherpt rijdend toezicht (VRT)",
}
_INDIENER = {
    "burgemeester": "de burgemeester",
    "regioburgemeester": "de regioburgemeester, als primus inter pares",
    "officier_van_justitie": "de officier van justitie",
    "rccb": "RCCB van de eenheid zelf",
}
_FORMULIER = {
    "intranet_politie": "formulier op intranet politie (politie kennisnet)",
    "website_locc": "formulier op de website van het LOCC",
}
_ZIENSWIJZE = {
    "vereist": "vereist: de regioburgemeester krijgt eerst de gelegenheid zijn zienswijze te geven",
    "niet_vereist_spoed": "niet vooraf vereist (spoedeisend geval, Pw 2012 art. 56 lid 3)",
    "niet_van_toepassing": "niet van toepassing: de burgemeester is zelf regioburgemeester",
}


def _organisaties() -> Mapping[str, Any]:
    """The reference data by code, or an empty mapping when it is not available.

    The advice names organisations by code; names and 24/7 numbers come from
    `politiebijstand.organisaties.referentie` (no Django needed).
    """
    try:
        from politiebijstand.organisaties.referentie import OngeldigeReferentie, load_referentie
    except ImportError:  # pragma: no cover - the module ships with the package
        return {}
    try:
        return load_referentie()
    except OngeldigeReferentie:
        return {}


def _organisatie(code: str | None, organisaties: Mapping[str, Any], *, contact: bool) -> str:
    """Code and full name; with `contact`, a second line with the 24/7 number and e-mail."""
    if code is None:
        return "geen (buiten dit systeem)"
    info = organisaties.get(code)
    if info is None:
        return code
    tekst = f"{code} ({info.naam})" if info.naam != code else code
    if contact:
        gegevens = []
        if info.telefoon_spoed:
            gegevens.append(f"spoed 24/7: {info.telefoon_spoed}")
        if info.telefoon:
            gegevens.append(f"telefoon: {info.telefoon}")
        elif info.telefoon_algemeen and not info.telefoon_spoed:
            gegevens.append(f"telefoon: {info.telefoon_algemeen}")
        if info.email:
            gegevens.append(f"e-mail: {info.email}")
        if gegevens:
            tekst += "\n       " + "; ".join(gegevens)
    return tekst


def _alinea(tekst: str, inspringen: str, vervolg: int) -> str:
    """`tekst` wrapped at 100 columns, indented, continuation lines aligned at `vervolg`."""
    return textwrap.fill(
        tekst,
        width=100,
        initial_indent=inspringen,
        subsequent_indent=" " * vervolg,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _route_tekst(
    nummer: int, aantal: int, route: Route, organisaties: Mapping[str, Any]
) -> list[str]:
    naam = _LEVERANCIER.get(route.leverancier, route.leverancier)
    if route.middel:
        naam += f": {_MIDDEL.get(route.middel, route.middel)}"
    procedure = (
        "rechtshulp (strafvorderlijke procedures)"
        if route.procedure == "rechtshulp"
        else f"procedure {route.procedure}"
    )
    if route.grondslag:
        g = route.grondslag
        grondslag = f"{g.regeling}, art. {g.artikel}" + (f" lid {g.lid}" if g.lid else "")
    else:
        grondslag = "geen artikel genoemd in de factsheet"
    indiener = _INDIENER[route.indiener.value] if route.indiener else "geen"
    regels_ = [
        f"Route {nummer} van {aantal}: {naam}, {procedure}",
        f"  Toegestaan:   {'ja' if route.toegestaan else 'NEE, zie de bezwaren'}",
    ]
    alternatief = wat_nu(route)
    if alternatief:
        regels_.append(_alinea(f"Wat nu:       {alternatief}", "  ", 16))
    regels_ += [
        f"  Grondslag:    {grondslag}",
        f"  Indiener:     {indiener} (dient in en ondertekent)",
    ]
    if route.zienswijze_regioburgemeester is not None:
        zienswijze = _ZIENSWIJZE[route.zienswijze_regioburgemeester.value]
        regels_.append(f"  Zienswijze regioburgemeester: {zienswijze}")
    # A route that is not allowed is no call to action: its contacts and steps are shown for
    # when the condition is met.
    pas_dan = "" if route.toegestaan else ", pas als aan de voorwaarde is voldaan"
    regels_.append(
        "  Neem contact op met, in deze volgorde:" if route.toegestaan else f"  Contacten{pas_dan}:"
    )
    # Not wrapped: a telephone number must stay on one line.
    regels_ += [
        f"    {i}. {_organisatie(code, organisaties, contact=True)}"
        for i, code in enumerate(route.contacten, start=1)
    ]
    if route.formulier is not None:
        naar = _organisatie(route.formulier_naar, organisaties, contact=False)
        regels_.append(
            _alinea(f"Formulier:    {_FORMULIER[route.formulier.value]}, naar {naar}", "  ", 16)
        )
    else:
        regels_.append("  Formulier:    geen formulier in dit systeem")
    per_gemeente = [f for f in route.formulieren if f.gemeente is not None]
    if per_gemeente:
        # Contract, interpretation 12: each municipality's own form and signatory.
        regels_.append(
            f"  Formulieren:  {len(per_gemeente)}, één per gemeente, elk ondertekend door de "
            "eigen burgemeester:"
        )
        for f in per_gemeente:
            zin = f"- {f.gemeente}"
            if f.zienswijze_regioburgemeester is not None:
                zin += f"; zienswijze {_ZIENSWIJZE[f.zienswijze_regioburgemeester.value]}"
            regels_.append(_alinea(zin, "    ", 6))
    besluit = _organisatie(route.besluit_door, organisaties, contact=False)
    regels_.append(_alinea(f"Besluit door: {besluit}", "  ", 16))
    regels_.append(f"  Stappen{pas_dan}:")
    regels_ += [
        _alinea(f"{i:2}. [{stap.actor}] {stap.handeling}", "    ", 8)
        for i, stap in enumerate(route.stappen, start=1)
    ]
    if route.bezwaren:
        regels_.append("  Bezwaren:")
        regels_ += [_alinea(f"- {b}", "    ", 6) for b in route.bezwaren]
    regels_.append(_alinea("Bronnen:      " + "; ".join(route.bronnen), "  ", 16))
    return regels_


def advies_tekst(advies: Advies, organisaties: Mapping[str, Any] | None = None) -> str:
    """The advice as readable Dutch text for the terminal, ending in a newline.

    The last line names the rules version (`rules.versie`); the `--json` output stays exactly
    the contract's `Advies`.

    Args:
        advies: the advice.
        organisaties: reference data by organisation code (`OrganisatieInfo`); codes are
            shown bare when an organisation is missing. Default: none (codes only).
    """
    organisaties = organisaties or {}
    uitkomst = _UITKOMST[advies.uitkomst.value]
    if advies.routes and not any(r.toegestaan for r in advies.routes):
        uitkomst = "niet aanvragen: geen gevraagde route is toegestaan (zie 'Wat nu')"
    regels_ = [
        f"Advies: {uitkomst}",
        f"Gezag:  {_GEZAG[advies.gezag.value] if advies.gezag else 'geen (geen politietaak)'}",
    ]
    if advies.grondslag is not None:
        # Contract, interpretation 13: the article and who decides, outside the factsheet.
        g = advies.grondslag
        lid = f" lid {g.lid}" if g.lid else ""
        regels_.append(f"Grondslag: {g.regeling}, art. {g.artikel}{lid}")
    if advies.besluit_door is not None:
        besluit = _organisatie(advies.besluit_door, organisaties, contact=False)
        regels_.append(_alinea(f"Beslist: {besluit}", "", 9))
    for nummer, route in enumerate(advies.routes, start=1):
        regels_ += ["", *_route_tekst(nummer, len(advies.routes), route, organisaties)]
    if advies.waarschuwingen:
        regels_ += ["", "Waarschuwingen:"]
        regels_ += [_alinea(f"- {w}", "  ", 4) for w in advies.waarschuwingen]
    regels_ += ["", _alinea("Bronnen: " + "; ".join(advies.bronnen), "", 9)]
    regels_.append(f"Regelversie: {regels_versie_kort()}")
    return "\n".join(regels_) + "\n"


def _advies(bestand: str, als_json: bool) -> int:
    try:
        data = _lees_situatie(bestand)
    except _Invoerfout as fout:
        print(f"politiebijstand advies: {fout}", file=sys.stderr)
        return EXIT_ONGELDIG
    prefix = ""
    if isinstance(data, dict) and "situatie" in data:
        # A case file (docs/cases/): only its situation counts.
        data, prefix = data["situatie"], "situatie."
    try:
        situatie = situatie_from_dict(data)
    except OngeldigeSituatie as fout:
        veld = fout.veld if fout.veld == "situatie" else prefix + fout.veld
        print(f"politiebijstand advies: fout in veld '{veld}': {fout.melding}", file=sys.stderr)
        return EXIT_ONGELDIG
    advies = advies_bepalen(situatie)
    if als_json:
        sys.stdout.write(json.dumps(advies.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(advies_tekst(advies, _organisaties()))
    return 0


# --- regels ----------------------------------------------------------------------------------


def regels_tekst() -> str:
    """The rule catalogue as plain text: per module its rules with summary and sources."""
    regels_: list[str] = []
    alle = regels()
    huidige = None
    for regel in alle:
        if regel.module != huidige:
            huidige = regel.module
            regels_ += ["", f"{module_titel(regel.module)} ({regel.module})"]
        regels_.append(f"  {regel.naam}: {regel.samenvatting}")
        regels_ += [f"      bron: {bron_voluit(b)}" for b in regel.bronnen]
    kop = f"Regelcatalogus: {len(alle)} regels (regelversie {regels_versie_kort()})"
    return kop + "\n" + "\n".join(regels_) + "\n"


def _regels(markdown: bool) -> int:
    sys.stdout.write(catalogus_markdown() if markdown else regels_tekst())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `politiebijstand` command. Returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "manage":
        return _manage(args[1:])
    parser = argparse.ArgumentParser(prog="politiebijstand")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("manage", help="Django management commands (migrate, runserver, ...)")
    advies = sub.add_parser(
        "advies",
        help="routing advice for a situation (JSON file, or - for standard input)",
        description="Het routeringsadvies voor een situatie (contract Situatie, of een "
        "casusbestand met een 'situatie'-object). Ongeldige invoer: exit-status 2.",
    )
    advies.add_argument("bestand", metavar="FILE", help="JSON file, or - for standard input")
    advies.add_argument(
        "--json", action="store_true", help="print exactly the contract's JSON (Advies)"
    )
    regels_parser = sub.add_parser("regels", help="the rule catalogue, with every rule's source")
    regels_parser.add_argument(
        "--markdown", action="store_true", help="Markdown, as in docs/regels.md"
    )
    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser(
        "verify",
        help="check the hash chain against the latest anchor; exit 1 when broken, cut or rewritten",
    )
    audit_sub.add_parser("anker", help="write a signed anchor of the chain's head now")
    ns = parser.parse_args(args)
    if ns.command == "audit":
        return _audit(ns.audit_command)
    if ns.command == "advies":
        return _advies(ns.bestand, ns.json)
    if ns.command == "regels":
        return _regels(ns.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
