"""Police units, RCCBs, arrondissementsparketten and municipalities (issues #3 and #8).

Pure Python: reads and validates ``data/gebieden.yaml`` (the units, their RCCB, parket and
regioburgemeester) and takes the 342 municipalities from `politiebijstand.rules.gemeenten`
(the CBS list that the advice uses too, ADR-0018). It derives the organisations (as
`OrganisatieInfo`, the shape of the reference data) and their relations: the unit of each
municipality and parket, and the regioburgemeester's municipality of each regional unit.
Sources: Politiewet 2012 art. 25 lid 2 (one regional unit per arrondissement; the unit
follows the safety region), art. 42 (Landelijke Eenheid), art. 11 (the burgemeester's gezag),
art. 56 lid 3 (zienswijze of the regioburgemeester); CBS municipality codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from politiebijstand.organisaties.referentie import Controle, OngeldigeReferentie, OrganisatieInfo
from politiebijstand.rules.gemeenten import REGIOBURGEMEESTERS, gemeenten

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "gebieden.yaml"

_EENHEID_RE = re.compile(r"EENHEID-[A-Z]+")
_RCCB_RE = re.compile(r"RCCB-[A-Z]+")
_PARKET_RE = re.compile(r"OM-[A-Z]+")
_GEMEENTE_RE = re.compile(r"GM\d{4}")


@dataclass(frozen=True)
class Gebieden:
    """The derived organisations and their relations.

    Attributes:
        organisaties: code -> OrganisatieInfo, units first, then RCCBs, parketten, gemeenten.
        eenheid_van: code of a gemeente or parket -> code of its police unit.
        regioburgemeester_van: code of a regional unit -> code of the regioburgemeester's
            municipality.
        peildatum: date (ISO) on which the file was last checked against its sources.
    """

    organisaties: dict[str, OrganisatieInfo]
    eenheid_van: dict[str, str] = field(default_factory=dict)
    regioburgemeester_van: dict[str, str] = field(default_factory=dict)
    peildatum: str = ""


def _info(
    *,
    code: str,
    naam: str,
    afkorting: str,
    soort: str,
    omschrijving: str,
    bron: str,
    parent: str | None = None,
    opmerking: str = "",
) -> OrganisatieInfo:
    return OrganisatieInfo(
        code=code,
        naam=naam,
        afkorting=afkorting,
        soort=soort,
        omschrijving=omschrijving,
        telefoon_spoed="",
        telefoon="",
        telefoon_algemeen="",
        email="",
        website="",
        opmerking=opmerking,
        bron=bron,
        parent=parent,
    )


def load_gebieden(path: Path | str | None = None) -> Gebieden:
    """Read and validate the file of units and parketten; add every municipality.

    The municipalities are those of `politiebijstand.rules.gemeenten`, each in the regional
    unit whose `gebied` is its ``politie_eenheid``.

    Raises:
        OngeldigeReferentie: the file cannot be read, is not YAML, or an entry is invalid (a
            missing or malformed field, a duplicate code, an unknown unit or municipality, a
            regional unit whose `gebied` no municipality names, or a regioburgemeester that
            differs from `rules.gemeenten.REGIOBURGEMEESTERS`). The message names the entry
            and the field.
    """
    bestand = Path(path) if path is not None else DEFAULT_PATH
    try:
        data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OngeldigeReferentie(bestand, "bestand", f"kan niet gelezen worden ({exc})") from exc
    controle = Controle(bestand)
    data = controle.mapping(data, "bestand", "een mapping is vereist")
    bron = controle.tekst(data.get("bron"), "bron")
    peildatum = controle.tekst(data.get("peildatum"), "peildatum")
    eenheden = controle.lijst(data.get("eenheden"), "eenheden", "een lijst is vereist", leeg=False)

    units: list[OrganisatieInfo] = []
    rccbs: list[OrganisatieInfo] = []
    parketten: list[OrganisatieInfo] = []
    eenheid_van: dict[str, str] = {}
    regio: dict[str, str] = {}
    eenheid_per_gebied: dict[str, str] = {}
    for i, entry in enumerate(eenheden):
        veld = f"eenheden[{i}]"
        entry = controle.mapping(entry, veld, "een mapping is vereist")
        code = controle.code_volgens(entry.get("code"), f"{veld}.code", _EENHEID_RE)
        van_eenheid = controle.voor(code)
        gebied = van_eenheid.tekst(entry.get("gebied"), f"{veld}.gebied")
        landelijk = code == "EENHEID-LE"
        units.append(
            _info(
                code=code,
                naam=van_eenheid.tekst(entry.get("naam"), f"{veld}.naam"),
                afkorting=van_eenheid.tekst(entry.get("afkorting"), f"{veld}.afkorting"),
                soort="politie",
                omschrijving=(
                    "De landelijke eenheid van de politie (Pw 2012 art. 42)."
                    if landelijk
                    else f"Regionale eenheid van de politie voor het gebied {gebied} "
                    "(Pw 2012 art. 25 lid 2)."
                ),
                bron=bron,
            )
        )
        rccb = van_eenheid.code_volgens(entry.get("rccb"), f"{veld}.rccb", _RCCB_RE)
        rccbs.append(
            _info(
                code=rccb,
                naam=f"Afdeling Conflict- en Crisisbeheersing, {gebied}",
                afkorting=f"RCCB {gebied}",
                soort="politie",
                omschrijving=(
                    f"Het RCCB van {gebied}: voert de bijstandsaanvragen van de eenheid uit."
                ),
                bron="factsheet, LOCC, RCCB en Preparatie en Operationeel Beheer",
                parent=code,
            )
        )
        parket = van_eenheid.mapping(
            entry.get("parket"), f"{veld}.parket", "een mapping is vereist"
        )
        parket_code = van_eenheid.code_volgens(
            parket.get("code"), f"{veld}.parket.code", _PARKET_RE
        )
        parket_naam = van_eenheid.tekst(parket.get("naam"), f"{veld}.parket.naam")
        parketten.append(
            _info(
                code=parket_code,
                naam=parket_naam,
                afkorting=parket_naam.replace("Arrondissementsparket", "Parket"),
                soort="openbaar_ministerie",
                omschrijving=(
                    f"{parket_naam}: de officieren van justitie die bijstand vragen voor "
                    "strafrechtelijke handhaving en taken ten dienste van justitie "
                    "(Pw 2012 art. 12 en 56 lid 2)."
                ),
                bron=bron,
            )
        )
        eenheid_van[parket_code] = code
        rb = entry.get("regioburgemeester")
        if landelijk:
            if rb is not None:
                raise van_eenheid.fout(
                    f"{veld}.regioburgemeester", "de Landelijke Eenheid heeft er geen"
                )
        else:
            regio[code] = van_eenheid.code_volgens(rb, f"{veld}.regioburgemeester", _GEMEENTE_RE)
            eenheid_per_gebied[gebied] = code

    gemeente_infos: list[OrganisatieInfo] = []
    for cbs in gemeenten():
        eenheid = eenheid_per_gebied.get(cbs.politie_eenheid)
        if eenheid is None:
            raise controle.voor(cbs.cbs_code).fout(
                "eenheden", f"geen regionale eenheid met gebied {cbs.politie_eenheid!r}"
            )
        gemeente_infos.append(
            _info(
                code=cbs.cbs_code,
                naam=f"Gemeente {cbs.naam} (burgemeester)",
                afkorting=cbs.naam,
                soort="gezag",
                omschrijving=(
                    f"De burgemeester van {cbs.naam} (veiligheidsregio "
                    f"{cbs.veiligheidsregio}): gezag over de politie bij de handhaving van "
                    "de openbare orde en de hulpverlening (Pw 2012 art. 11); vraagt bijstand "
                    "(art. 56 lid 1)."
                ),
                bron=_GEMEENTEN_BRON,
            )
        )
        eenheid_van[cbs.cbs_code] = eenheid

    organisaties: dict[str, OrganisatieInfo] = {}
    for info in [*units, *rccbs, *parketten, *gemeente_infos]:
        if info.code in organisaties:
            raise controle.voor(info.code).fout("code", "komt dubbel voor")
        organisaties[info.code] = info
    for unit, gemeente in regio.items():
        if gemeente not in organisaties:
            raise controle.voor(unit).fout(
                "regioburgemeester", f"gemeente {gemeente!r} staat niet in de lijst"
            )
        if eenheid_van[gemeente] != unit:
            raise controle.voor(unit).fout(
                "regioburgemeester", f"gemeente {gemeente!r} ligt niet in {unit}"
            )
    for gebied, unit in eenheid_per_gebied.items():
        # The advice reads the regioburgemeesters from the rules (contract, interpretation 12).
        if REGIOBURGEMEESTERS.get(gebied) != regio[unit]:
            raise controle.voor(unit).fout(
                "regioburgemeester",
                f"{regio[unit]!r} wijkt af van de regels "
                f"(rules.gemeenten.REGIOBURGEMEESTERS: {REGIOBURGEMEESTERS.get(gebied)!r})",
            )
    return Gebieden(organisaties, eenheid_van, regio, peildatum)


_GEMEENTEN_BRON = (
    "CBS gemeentelijke indeling op 1 januari 2024 (rules/data/gemeenten-2024.csv); eenheid "
    "volgens de veiligheidsregio (Pw 2012 art. 25)"
)
