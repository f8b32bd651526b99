"""Every urgent path through the services: formalised by the competent authority, watched by the
procedure's coordinator.

Bron: factsheet, toelichting 3, 4, 7 and 8 ("wordt ... achteraf geformaliseerd"); 1 and 6 let
only the zienswijze go when urgent (Pw 2012 art. 56 lid 3). The term and the escalation are
this application's agreement (#4); who escalates follows the procedure (issue #8, item 2; ADR
0024): LE-POB for 1 and 6, the LOCC for 2 to 5, OZI for 7 and 8.

A request of Midden-Nederland: the burgemeester of Utrecht is ``GM0344``, of Veenendaal
``GM0345``; the officier van justitie is the parket ``OM-MN``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeInvoer
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.verzoeken.helpers import (
    NU,
    gebruiker,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)

pytestmark = pytest.mark.usefixtures("referentiedata")

FORMALISEREN = "taak_schriftelijk_formaliseren"
ESCALATIE = "taak_escalatie_formalisatie"
TERMIJN = timedelta(hours=24)

KRIJGSMACHT = [{"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True}]


def _justitie(gevraagd: list[dict[str, Any]]) -> Bijstandsverzoek:
    return maak_verzoek(situatie(taak="strafrechtelijke_handhaving", gevraagd=gevraagd, spoed=True))


#: procedure -> (an urgent request, formalising lane and organisation, coordinator).
SPOED: dict[str, tuple[Callable[[], Bijstandsverzoek], str, str, str]] = {
    "1": (
        lambda: maak_verzoek(
            situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}], spoed=True),
            bevoegd_gezag="GM0345",
        ),
        "BURGEMEESTER",
        "GM0345",
        "LE-POB",
    ),
    "2_waterwerper": (
        lambda: maak_verzoek(
            situatie(
                gevraagd=[{"leverancier": "middelen_jenv", "middel": "waterwerper"}], spoed=True
            )
        ),
        "RCCB",
        "RCCB-MN",
        "LOCC",
    ),
    "3": (lambda: maak_verzoek(situatie(spoed=True)), "BURGEMEESTER", "GM0344", "LOCC"),
    "4": (
        lambda: maak_verzoek(situatie(gevraagd=KRIJGSMACHT, spoed=True)),
        "BURGEMEESTER",
        "GM0344",
        "LOCC",
    ),
    "5": (
        lambda: maak_verzoek(
            situatie(gevraagd=[{"leverancier": "buitenland", "land": "BE"}], spoed=True)
        ),
        "BURGEMEESTER",
        "GM0344",
        "LOCC",
    ),
    "6": (lambda: _justitie([{"leverancier": "politie"}]), "OVJ", "OM-MN", "LE-POB"),
    "7": (lambda: _justitie([{"leverancier": "kmar"}]), "OVJ", "OM-MN", "OZI"),
    "8": (
        lambda: _justitie([{"leverancier": "krijgsmacht", "politie_uitgeput": True}]),
        "OVJ",
        "OM-MN",
        "OZI",
    ),
}


def antwoord(taak: Taak) -> dict[str, Any] | None:
    """Data for a step that records fields (yes, the first choice); None: the helper's default."""
    if taak.is_besluit or not taak.velden:
        return None
    data: dict[str, Any] = {}
    for naam, veld in taak.velden.items():
        if veld["soort"] == "ja_nee":
            data[naam] = True
        elif veld["soort"] == "tekst":
            data[naam] = f"{taak.naam}: {naam}"
        else:
            data[naam] = veld["waarden"][0]
    return data


def gebeld(procedure_id: str) -> tuple[Bijstandsverzoek, Taak]:
    """An urgent request whose phone call is recorded at NU; its formalisation task."""
    verzoek = SPOED[procedure_id][0]()
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.procedure_id == procedure_id
    (telefoon,) = open_taken(verzoek)
    assert telefoon.bpmn_id == services.TELEFOON_STAP
    stap_uitvoeren(telefoon, None, NU)
    return verzoek, Taak.objects.select_related("organisatie").get(
        verzoek=verzoek, bpmn_id=FORMALISEREN
    )


def werk_af(verzoek: Bijstandsverzoek) -> list[str]:
    """Complete every open task but the formalisation; the organisations, in order."""
    organisaties = []
    nu = NU
    while werk := [t for t in open_taken(verzoek) if t.bpmn_id != FORMALISEREN]:
        nu += timedelta(minutes=5)
        for taak in werk:
            stap_uitvoeren(taak, antwoord(taak), nu)
            organisaties.append(taak.organisatie.code)
        assert len(organisaties) < 60, "the walk does not end"
    return organisaties


def toestand() -> dict[str, Any]:
    return {
        "taken": sorted(Taak.objects.values_list("pk", "status", "afgerond_door_id")),
        "delen": sorted(Deelverzoek.objects.values_list("pk", "status", "versie", "run_state")),
        "audit": AuditLogEntry.objects.count(),
        "berichten": Bericht.objects.count(),
    }


@pytest.mark.parametrize("procedure_id", sorted(SPOED))
def test_het_bevoegd_gezag_formaliseert_en_de_run_wacht_erop(procedure_id: str) -> None:
    _, lane, organisatie, _ = SPOED[procedure_id]
    verzoek, formaliseren = gebeld(procedure_id)
    assert (formaliseren.bpmn_lane, formaliseren.organisatie.code, formaliseren.optioneel) == (
        lane,
        organisatie,
        False,
    )
    assert formaliseren.due == NU + TERMIJN

    werk_af(verzoek)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert [t.bpmn_id for t in open_taken(verzoek)] == [FORMALISEREN]
    assert deel.run_afgerond is False

    stap_uitvoeren(formaliseren, antwoord(formaliseren), NU + timedelta(hours=2))
    deel.refresh_from_db()
    assert deel.run_afgerond is True
    assert open_taken(verzoek) == []


@pytest.mark.parametrize("procedure_id", sorted(SPOED))
def test_formaliseren_overslaan_wordt_geweigerd_en_verandert_niets(procedure_id: str) -> None:
    _, _, organisatie, _ = SPOED[procedure_id]
    _, formaliseren = gebeld(procedure_id)
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(
            taak=formaliseren,
            data={"overgeslagen": True, "reden": "Het verzoek is afgewezen."},
            door=gebruiker(organisatie),
            nu=NU + timedelta(hours=1),
        )
    assert exc.value.veld == "overgeslagen"
    assert toestand() == voor


@pytest.mark.parametrize("procedure_id", ["1", "3", "7"])
def test_alleen_het_bevoegd_gezag_formaliseert(procedure_id: str) -> None:
    _, _, _, coordinator = SPOED[procedure_id]
    _, formaliseren = gebeld(procedure_id)
    voor = toestand()
    for code in ("RCCB-MN", coordinator):
        with pytest.raises(GeenToegang):
            services.taak_afronden(
                taak=formaliseren, data={}, door=gebruiker(code), nu=NU + timedelta(hours=1)
            )
    assert toestand() == voor


@pytest.mark.parametrize("procedure_id", sorted(SPOED))
def test_herinnering_en_escalatie_naar_de_coordinator_van_de_procedure(
    procedure_id: str,
) -> None:
    _, _, organisatie, coordinator = SPOED[procedure_id]
    verzoek, formaliseren = gebeld(procedure_id)

    assert services.timers_verwerken(nu=NU + timedelta(hours=22)).herinneringen == [formaliseren.pk]
    herinnering = Bericht.objects.get(soort="termijn-herinnering")
    assert sorted(o.code for o in herinnering.ontvangers.all()) == sorted(
        [organisatie, coordinator]
    )

    services.timers_verwerken(nu=NU + TERMIJN + timedelta(minutes=1))
    escalatie = Taak.objects.select_related("organisatie").get(verzoek=verzoek, bpmn_id=ESCALATIE)
    assert (escalatie.bpmn_lane, escalatie.organisatie.code, escalatie.status) == (
        coordinator,
        coordinator,
        TaakStatus.OPEN,
    )
    bericht = Bericht.objects.get(soort="taak-klaargezet", object_id=str(escalatie.pk))
    assert [o.code for o in bericht.ontvangers.all()] == [coordinator]
    formaliseren.refresh_from_db()
    assert formaliseren.status == TaakStatus.OPEN  # the escalation does not replace it


def test_intrekken_beeindigt_de_run_zonder_formalisatie() -> None:
    verzoek, formaliseren = gebeld("3")
    services.verzoek_intrekken(
        verzoek=verzoek, reden="Demonstratie afgelast.", door=gebruiker("GM0344"), nu=NU
    )
    formaliseren.refresh_from_db()
    assert formaliseren.status == TaakStatus.VERVALLEN
    assert Deelverzoek.objects.get(verzoek=verzoek).volgende_timer is None
    assert services.timers_verwerken(nu=NU + TERMIJN * 2).gevuurd == []
    assert not Taak.objects.filter(verzoek=verzoek, bpmn_id=ESCALATIE).exists()
