"""Test helpers: users per organisation, requests, and a walk through services."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.demo import formulier_ondertekenen_voor_taak
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from politiebijstand.verzoeken.services.formulier import is_ondertekentaak
from tests.accounts.factories import maak_gebruiker

NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAP = timedelta(minutes=5)
_teller = itertools.count(1)


def org(code: str) -> Organisatie:
    return Organisatie.objects.get(code=code)


def gebruiker(code: str, rol: str = Rol.MEDEWERKER) -> Gebruiker:
    """A new account of the existing organisation `code`."""
    return maak_gebruiker(
        organisatie=org(code), rol=rol, username=f"{code.lower()}-{rol}-{next(_teller)}"
    )


def situatie(**velden: Any) -> dict[str, Any]:
    """A public-order situation in Utrecht asking a KMar platoon (procedure 3) by default."""
    basis: dict[str, Any] = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "spoed": False,
        "gemeenten": ["Utrecht"],
        "gevraagd": [{"leverancier": "kmar"}],
    }
    basis.update(velden)
    return basis


def maak_verzoek(
    sit: Mapping[str, Any] | None = None,
    *,
    door: Gebruiker | None = None,
    bevoegd_gezag: str | None = None,
    gemeenten: tuple[str, ...] | None = None,
    regels: tuple[services.InzetRegel, ...] = (services.InzetRegel("ME-peloton", 4),),
    nu: datetime = NU,
) -> Bijstandsverzoek:
    """A request of Midden-Nederland (RCCB-MN) for Utrecht, made through the service.

    `gemeenten` (codes) default to Utrecht for the officier van justitie, none otherwise.
    """
    sit = dict(sit or situatie())
    justitie = sit["taak"] in ("strafrechtelijke_handhaving", "taken_ten_dienste_van_justitie")
    gezag = bevoegd_gezag or ("OM-MN" if justitie else "GM0344")
    return services.verzoek_aanmaken(
        situatie=sit,
        titel="Versterking openbare orde Utrecht",
        omschrijving="Demonstratie en tegendemonstratie op het Jaarbeursplein.",
        bevoegd_gezag=org(gezag),
        gemeenten=(
            [org(c) for c in gemeenten]
            if gemeenten is not None
            else ([org("GM0344")] if justitie else [])
        ),
        periode_start=nu + timedelta(days=2),
        periode_eind=nu + timedelta(days=2, hours=8),
        locatie="Jaarbeursplein, Utrecht",
        gevraagde_capaciteit="4 pelotons",
        regels=regels,
        door=door or gebruiker("RCCB-MN"),
        nu=nu,
    )


def open_taken(verzoek: Bijstandsverzoek) -> list[Taak]:
    return list(
        Taak.objects.filter(verzoek=verzoek, status__in=(TaakStatus.OPEN, TaakStatus.OPGEPAKT))
        .select_related("organisatie")
        .order_by("deelverzoek__volgnummer", "aangemaakt_op", "id")
    )


@dataclass
class Walk:
    """The stages of a walk: per stage the completed tasks (lane, organisation, bpmn id)."""

    fasen: list[list[Taak]] = field(default_factory=list)

    @property
    def lanes(self) -> list[str | tuple[str, ...]]:
        return [_fase([t.bpmn_lane for t in f]) for f in self.fasen]

    @property
    def organisaties(self) -> list[str | tuple[str, ...]]:
        return [_fase([t.organisatie.code for t in f]) for f in self.fasen]

    @property
    def taken(self) -> list[str]:
        return [t.bpmn_id for f in self.fasen for t in f]


def _fase(codes: list[str]) -> str | tuple[str, ...]:
    return codes[0] if len(codes) == 1 else tuple(sorted(codes))


def stap_uitvoeren(taak: Taak, antwoord: Mapping[str, Any] | None, nu: datetime) -> None:
    """Complete one task through the right service, by a besluitvormer of its organisation."""
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    if taak.is_besluit:
        antwoord = antwoord or {"uitkomst": "toegekend"}
        services.besluit_nemen(
            taak=taak,
            uitkomst=antwoord["uitkomst"],
            motivering=antwoord.get("motivering", "Noodzaak aangetoond."),
            voorwaarden=antwoord.get("voorwaarden", ""),
            regels=antwoord.get("regels", ()),
            door=door,
            nu=nu,
            **defensie(taak, antwoord),
        )
    elif taak.bpmn_id == services.TELEFOON_STAP:
        services.telefonisch_contact_vastleggen(
            taak=taak,
            beller="Hoofd RCCB",
            gebelde_organisatie=org("LOCC"),
            gebeld="Piket LOCC",
            tijdstip=nu - timedelta(minutes=1),
            afspraken="Bijstand start direct; formulier volgt.",
            door=door,
            nu=nu,
        )
    elif is_ondertekentaak(taak):
        # A signing step completes by signing the municipality's form (ADR 0033).
        verslag = str((antwoord or {}).get("verslag", ""))
        formulier_ondertekenen_voor_taak(taak, door=door, verslag=verslag, nu=nu)
    else:
        services.taak_afronden(taak=taak, data=antwoord or standaard(taak), door=door, nu=nu)


def defensie(taak: Taak, antwoord: Mapping[str, Any]) -> dict[str, Any]:
    """Defence's position and agreement where the decision asks for them (3, 4, 7 and 8)."""
    if "standpunt_defensie" not in taak.velden:
        return {}
    return {
        "standpunt_defensie": antwoord.get("standpunt_defensie", "Defensie stemt in."),
        "overeenstemming_defensie": antwoord.get("overeenstemming_defensie", True),
    }


def standaard(taak: Taak) -> dict[str, Any]:
    """A step's default data: a report; LE-POB finds the police exhausted and allows (4, 8)."""
    data: dict[str, Any] = {"verslag": f"{taak.naam}: gedaan"}
    if "politie_uitgeput" in taak.velden:
        data |= {"politie_uitgeput": True, "motivering": "Alle eenheden zijn ingezet."}
    if "toestemming" in taak.velden:
        data["toestemming"] = True
    return data


def doorlopen(
    verzoek: Bijstandsverzoek,
    antwoorden: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    nu: datetime = NU,
    deelverzoek_id: int | None = None,
) -> Walk:
    """Complete every open task of the request (or of one part), stage by stage."""
    antwoorden = antwoorden or {}
    walk = Walk()
    while True:
        taken = [t for t in open_taken(verzoek) if deelverzoek_id in (None, t.deelverzoek_id)]
        if not taken:
            return walk
        nu += STAP
        for taak in taken:
            stap_uitvoeren(taak, antwoorden.get(taak.bpmn_id), nu)
        walk.fasen.append(taken)
        if len(walk.fasen) > 40:
            raise AssertionError("the walk does not end")


def maak_verzoek_amsterdam(*, nu: datetime = NU) -> Bijstandsverzoek:
    """A request of the unit Amsterdam (RCCB-AM) for Amsterdam: KMar, public order (proc. 3)."""
    return services.verzoek_aanmaken(
        situatie=situatie(gemeenten=["Amsterdam"]),
        titel="Voetbalwedstrijd Amsterdam",
        omschrijving="Risicowedstrijd in de Johan Cruijff ArenA.",
        bevoegd_gezag=org("GM0363"),
        periode_start=nu + timedelta(days=3),
        periode_eind=nu + timedelta(days=3, hours=6),
        locatie="Johan Cruijff ArenA, Amsterdam",
        gevraagde_capaciteit="2 pelotons",
        door=gebruiker("RCCB-AM"),
        nu=nu,
    )
