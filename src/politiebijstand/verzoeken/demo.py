"""Demo requests for `make run`, in different states, made through the services (issue #4).

Requires the reference data and the demo accounts (`accounts.demo`). Idempotent: a demo request
is recognised by its title and not made twice. Refused where demo accounts are not allowed
(production settings).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.demo import DemoNietToegestaan, demo_gebruikersnaam
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.policy import demo_accounts_toegestaan
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, FormulierVersie, Taak
from politiebijstand.verzoeken.services import formulier

TITEL_PREFIX = "Demo: "


def _demo_gebruiker(code: str, rol: str) -> Gebruiker:
    return Gebruiker.objects.select_related("organisatie").get(
        username=demo_gebruikersnaam(code, rol)
    )


def _stap(taak: Taak, antwoorden: Mapping[str, Mapping[str, Any]], nu: datetime) -> None:
    door = _demo_gebruiker(
        taak.organisatie.code, Rol.BESLUITVORMER if taak.is_besluit else Rol.MEDEWERKER
    )
    antwoord = dict(antwoorden.get(taak.bpmn_id, {}))
    if taak.is_besluit:
        services.besluit_nemen(
            taak=taak,
            uitkomst=antwoord.get("uitkomst", "toegekend"),
            motivering=antwoord.get("motivering", "Noodzaak aangetoond; capaciteit beschikbaar."),
            door=door,
            nu=nu,
            **_defensie(taak, antwoord),
        )
    elif taak.bpmn_id == services.TELEFOON_STAP:
        services.telefonisch_contact_vastleggen(
            taak=taak,
            beller="Officier van dienst RCCB Midden-Nederland",
            gebelde_organisatie=Organisatie.objects.get(code="LOCC"),
            gebeld="Piket LOCC",
            tijdstip=nu - timedelta(minutes=5),
            afspraken="Inzet start direct; het aanvraagformulier volgt vandaag.",
            door=door,
            nu=nu,
        )
    elif formulier.is_ondertekentaak(taak):
        formulier_ondertekenen_voor_taak(
            taak,
            door=_demo_gebruiker(taak.organisatie.code, Rol.BESLUITVORMER),
            verslag=str(antwoord.get("verslag", "")),
            nu=nu,
        )
    else:
        services.taak_afronden(taak=taak, data=antwoord or _standaard(taak), door=door, nu=nu)


def formulier_voorbeeld(deelverzoek: Deelverzoek, gemeente_code: str) -> dict[str, Any]:
    """A complete example form for the demo and tests: the prefill plus example texts."""
    gegevens = formulier.formulier_voorinvullen(
        deelverzoek=deelverzoek, gemeente_code=gemeente_code
    )
    voorbeeld = {
        "ondertekenaar": "De burgemeester",
        "grondslag": "Politiewet 2012",
        "aanleiding": "Aangekondigde demonstratie met risico op ordeverstoring.",
        "gewenst_effect": "Ordelijk verloop van de demonstratie.",
        "taken": "Afzetten, begeleiden en zo nodig optreden.",
        "politiebevoegdheden": "ja",
        "geweld": "nee",
        "meldplaats": "Politiebureau, hoofdingang",
        "commando": "Onder bevel van de algemeen commandant SGBO.",
        "logistiek": "Eigen voertuigen en uitrusting; verpleging door de eenheid.",
        "kosten": "Volgens het FNIK.",
        "subsidiariteit": "Alle politie-eenheden zijn ingezet; geen alternatief.",
        "zienswijze_niet_nodig": "De aanvrager is zelf de regioburgemeester.",
        "contact_24_7": "Officier van dienst, 088-1234567",
    }
    for naam, waarde in voorbeeld.items():
        if not gegevens.get(naam):
            gegevens[naam] = waarde
    gegevens["meldtijd"] = gegevens.get("meldtijd") or gegevens["periode_start"]
    if not gegevens["regels"]:
        gegevens["regels"] = [{"omschrijving": "ME-peloton", "aantal": "1"}]
    gegevens["regels"] = [
        {"omschrijving": r["omschrijving"], "aantal": r["aantal"] or "1"}
        for r in gegevens["regels"]
    ]
    return gegevens


def formulier_ondertekenen_voor_taak(
    taak: Taak, *, door: Gebruiker, nu: datetime, verslag: str = ""
) -> FormulierVersie:
    """Save the example form of `taak`'s municipality and sign it (completes the task)."""
    gemeente_code = taak.gemeente.code if taak.gemeente else ""
    versie = formulier.formulier_opslaan(
        deelverzoek=taak.deelverzoek,
        gemeente_code=gemeente_code,
        gegevens=formulier_voorbeeld(taak.deelverzoek, gemeente_code),
        door=door,
        nu=nu,
    )
    return formulier.formulier_ondertekenen(versie=versie, door=door, verslag=verslag, nu=nu)


def _defensie(taak: Taak, antwoord: Mapping[str, Any]) -> dict[str, Any]:
    """Defence's position and agreement where the decision asks for them (3, 4, 7, 8)."""
    if "standpunt_defensie" not in taak.velden:
        return {}
    return {
        "standpunt_defensie": antwoord.get(
            "standpunt_defensie", "Defensie stemt in met de gevraagde inzet."
        ),
        "overeenstemming_defensie": antwoord.get("overeenstemming_defensie", True),
    }


def _standaard(taak: Taak) -> dict[str, Any]:
    """A demo step's data: a report, and LE-POB's check that the police are exhausted."""
    data: dict[str, Any] = {"verslag": f"{taak.naam}: gedaan."}
    if "politie_uitgeput" in taak.velden:
        data |= {"politie_uitgeput": True, "motivering": "Alle eenheden zijn ingezet."}
    return data


def _tot(
    verzoek: Bijstandsverzoek,
    stop: Callable[[list[Taak]], bool],
    antwoorden: Mapping[str, Mapping[str, Any]] | None,
    nu: datetime,
) -> datetime:
    """Complete open tasks (oldest first) until `stop` holds for the open tasks, or none is left."""
    antwoorden = antwoorden or {}
    for _ in range(60):
        open_ = list(
            Taak.objects.filter(verzoek=verzoek, status__in=TAAK_OPENSTAAND)
            .select_related("organisatie")
            .order_by("aangemaakt_op", "id")
        )
        if not open_ or stop(open_):
            return nu
        nu += timedelta(minutes=7)
        _stap(open_[0], antwoorden, nu)
    raise RuntimeError("demo: de procedure eindigt niet")  # pragma: no cover


def _open(bpmn_id: str) -> Callable[[list[Taak]], bool]:
    return lambda taken: any(t.bpmn_id == bpmn_id for t in taken)


def _nooit(taken: list[Taak]) -> bool:
    return False


@dataclass(frozen=True)
class DemoVerzoek:
    """One demo request: its situation, texts, and how far to walk it."""

    titel: str
    situatie: dict[str, Any]
    bevoegd_gezag: str
    locatie: str
    capaciteit: str
    regels: tuple[services.InzetRegel, ...]
    stop: Callable[[list[Taak]], bool]
    antwoorden: Mapping[str, Mapping[str, Any]] | None = None
    na: str = ""  # "inzet", "intrekken" or "" after the walk
    rccb: str = "RCCB-MN"  # the requesting unit's RCCB
    gemeenten: tuple[str, ...] = ()  # codes of the municipalities besides the authority's


def _situatie(**velden: Any) -> dict[str, Any]:
    basis: dict[str, Any] = {
        "eigen_capaciteit_toereikend": False,
        "taak": "openbare_orde",
        "spoed": False,
        "gemeenten": ["Utrecht"],
        "gevraagd": [{"leverancier": "kmar"}],
    }
    return {**basis, **velden}


DEMO: tuple[DemoVerzoek, ...] = (
    DemoVerzoek(
        titel="Demonstratie en tegendemonstratie Jaarbeursplein",
        situatie=_situatie(),
        bevoegd_gezag="GM0344",
        locatie="Jaarbeursplein, Utrecht",
        capaciteit="Twee pelotons KMar",
        regels=(services.InzetRegel("Peloton KMar", 2),),
        stop=_open("taak_aanvraag_verwerken"),
    ),
    DemoVerzoek(
        titel="Versterking ME bij risicowedstrijd",
        situatie=_situatie(
            gevraagd=[{"leverancier": "politie"}], aanvrager_is_regioburgemeester=True
        ),
        bevoegd_gezag="GM0344",
        locatie="Stadion Galgenwaard, Utrecht",
        capaciteit="Vier ME-pelotons en een arrestatieteam",
        regels=(services.InzetRegel("ME-peloton", 4), services.InzetRegel("Arrestatieteam", 1)),
        stop=_open("taak_besluit_korpschef"),
    ),
    DemoVerzoek(
        titel="Spoed: waterwerper bij ongeregeldheden",
        situatie=_situatie(
            spoed=True, gevraagd=[{"leverancier": "middelen_jenv", "middel": "waterwerper"}]
        ),
        bevoegd_gezag="GM0344",
        locatie="Kanaleneiland, Utrecht",
        capaciteit="Eén waterwerper met bemanning",
        regels=(services.InzetRegel("Waterwerper", 1),),
        stop=_open("taak_aanvraag_toetsen"),
    ),
    DemoVerzoek(
        titel="Rechercheurs KMar bij wapenonderzoek",
        situatie=_situatie(taak="strafrechtelijke_handhaving", gevraagd=[{"leverancier": "kmar"}]),
        bevoegd_gezag="OM-MN",
        locatie="Utrecht",
        capaciteit="Zes rechercheurs van de KMar",
        regels=(services.InzetRegel("Rechercheur KMar", 6),),
        stop=_open("taak_aanvraag_parket_generaal"),
    ),
    DemoVerzoek(
        titel="Waterwerper bij jaarwisseling",
        situatie=_situatie(gevraagd=[{"leverancier": "middelen_jenv", "middel": "waterwerper"}]),
        bevoegd_gezag="GM0344",
        locatie="Utrecht-centrum",
        capaciteit="Eén waterwerper",
        regels=(services.InzetRegel("Waterwerper", 1),),
        stop=_nooit,
        antwoorden={"taak_aanvraagformulier_verzenden": {"bevoegd_gezag": "burgemeester"}},
        na="inzet",
    ),
    DemoVerzoek(
        titel="Extra ME bij festival (afgewezen)",
        situatie=_situatie(
            gevraagd=[{"leverancier": "politie"}], aanvrager_is_regioburgemeester=True
        ),
        bevoegd_gezag="GM0344",
        locatie="Maximapark, Utrecht",
        capaciteit="Twee ME-pelotons",
        regels=(services.InzetRegel("ME-peloton", 2),),
        stop=_nooit,
        antwoorden={
            "taak_besluit_korpschef": {
                "uitkomst": "afgewezen",
                "motivering": "Landelijk geen ME beschikbaar door gelijktijdige inzetten.",
            }
        },
    ),
    DemoVerzoek(
        titel="Bewaking manifestatie (ingetrokken)",
        situatie=_situatie(),
        bevoegd_gezag="GM0344",
        locatie="Domplein, Utrecht",
        capaciteit="Eén peloton KMar",
        regels=(services.InzetRegel("Peloton KMar", 1),),
        stop=_open("taak_vooroverleg_locc"),
        na="intrekken",
    ),
    # A second municipality: the regioburgemeester (Utrecht) gives the zienswijze on the
    # request of the burgemeester of Amersfoort (Pw 2012 art. 56 lid 3; toelichting 1).
    DemoVerzoek(
        titel="ME bij de kermis in Amersfoort",
        situatie=_situatie(
            gemeenten=["Amersfoort"],
            gevraagd=[{"leverancier": "politie"}],
            aanvrager_is_regioburgemeester=False,
        ),
        bevoegd_gezag="GM0307",
        locatie="Stadsring, Amersfoort",
        capaciteit="Twee ME-pelotons",
        regels=(services.InzetRegel("ME-peloton", 2),),
        stop=_open("taak_zienswijze_regioburgemeester"),
    ),
    # The KMar during the curfew riots (docs/cases/kmar-avondklok-den-haag.json): a second
    # unit, whose RCCB, burgemeester and parket have their own demo accounts.
    DemoVerzoek(
        titel="KMar bij de avondklokrellen",
        situatie=_situatie(gemeenten=["Den Haag"], aanvrager_is_regioburgemeester=True),
        bevoegd_gezag="GM0518",
        locatie="Schilderswijk, Den Haag",
        capaciteit="Twee pelotons KMar stand-by",
        regels=(services.InzetRegel("Peloton KMar", 2),),
        stop=_open("taak_aanvraagformulier_opstellen"),
        rccb="RCCB-DH",
    ),
    # Two municipalities, two forms (contract, interpretation 12): the regioburgemeester (Den
    # Haag) gave the zienswijze on Wassenaar's form; each burgemeester now signs the own form.
    DemoVerzoek(
        titel="ME bij demonstraties in Den Haag en Wassenaar",
        situatie=_situatie(
            gemeenten=["Den Haag", "Wassenaar"], gevraagd=[{"leverancier": "politie"}]
        ),
        bevoegd_gezag="GM0518",
        locatie="Malieveld, Den Haag, en Landgoed De Paauw, Wassenaar",
        capaciteit="Twee ME-pelotons",
        regels=(services.InzetRegel("ME-peloton", 2),),
        stop=_open("taak_verzoek_indienen"),
        rccb="RCCB-DH",
        gemeenten=("GM0518", "GM0629"),
    ),
)


def demo_verzoeken_laden(*, nu: datetime | None = None) -> list[Bijstandsverzoek]:
    """Make the demo requests that do not exist yet; returns all demo requests, in order.

    Raises:
        DemoNietToegestaan: under settings that forbid demo accounts (production).
        Gebruiker.DoesNotExist: the demo accounts are missing (run demo_accounts_laden first).
    """
    if not demo_accounts_toegestaan():
        raise DemoNietToegestaan(
            "Demo-verzoeken zijn niet toegestaan met deze instellingen (productie)."
        )
    nu = nu or timezone.now()
    # The steps are taken a few minutes apart, ending before `nu`, so nothing lies ahead.
    begin = nu - timedelta(hours=4)
    result = []
    for demo in DEMO:
        aanvrager = _demo_gebruiker(demo.rccb, Rol.MEDEWERKER)
        titel = TITEL_PREFIX + demo.titel
        bestaand = Bijstandsverzoek.objects.filter(titel=titel).first()
        if bestaand is not None:
            result.append(bestaand)
            continue
        with transaction.atomic():
            verzoek = services.verzoek_aanmaken(
                situatie=demo.situatie,
                titel=titel,
                omschrijving=f"Demoverzoek: {demo.titel.lower()}.",
                bevoegd_gezag=Organisatie.objects.get(code=demo.bevoegd_gezag),
                gemeenten=list(Organisatie.objects.filter(code__in=demo.gemeenten)),
                periode_start=nu + timedelta(days=3),
                periode_eind=nu + timedelta(days=3, hours=10),
                locatie=demo.locatie,
                gevraagde_capaciteit=demo.capaciteit,
                regels=demo.regels,
                door=aanvrager,
                nu=begin,
            )
            klaar = _tot(verzoek, demo.stop, demo.antwoorden, begin)
            if demo.na == "inzet":
                deel = Deelverzoek.objects.get(verzoek=verzoek)
                services.inzet_starten(
                    deelverzoek=deel,
                    periode_start=nu + timedelta(days=3),
                    periode_eind=nu + timedelta(days=3, hours=10),
                    capaciteit=demo.capaciteit,
                    door=aanvrager,
                    nu=klaar,
                )
            elif demo.na == "intrekken":
                services.verzoek_intrekken(
                    verzoek=verzoek,
                    reden="De manifestatie is door de organisatie afgelast.",
                    door=aanvrager,
                    nu=klaar,
                )
            verzoek.refresh_from_db()
        result.append(verzoek)
    return result
