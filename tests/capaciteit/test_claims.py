"""Claims made by the request's procedure: tentative, at the LOCC's step, firm, released."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

import pytest

from politiebijstand.capaciteit.constants import CapaciteitSoort, ClaimSoort
from politiebijstand.capaciteit.models import Capaciteit, Claim
from politiebijstand.capaciteit.register import REGISTER
from politiebijstand.capaciteit.services import (
    Vraag,
    claims_maken,
    conflicten,
    register_laden,
    soort_voor,
)
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.models import Taak
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)

pytestmark = pytest.mark.usefixtures("referentiedata")

KMAR = "Bijstandspelotons KMar"


def actief(verzoek_id: int) -> list[tuple[str, int, str]]:
    return [
        (c.capaciteit.naam, c.aantal, c.soort)
        for c in Claim.objects.filter(verzoek_id=verzoek_id, vrijgegeven_op__isnull=True)
        .select_related("capaciteit")
        .order_by("id")
    ]


def test_demo_register_laden_is_herhaalbaar() -> None:
    assert register_laden() == len(REGISTER) == 42
    assert register_laden() == 42
    assert Capaciteit.objects.count() == 42
    assert Capaciteit.objects.filter(soort=CapaciteitSoort.ME_PELOTON).count() == 10
    ww4 = Capaciteit.objects.get(naam="Waterwerper WW-04")
    assert (ww4.benoemd, ww4.status, ww4.organisatie.code) == (True, "onderhoud", "IFV-ML")
    assert Capaciteit.objects.get(naam="Explosieven Opruimingsdienst Defensie").reactietijd == (
        timedelta(hours=2)
    )
    assert all(c.bron.startswith("demo") for c in Capaciteit.objects.all())


@pytest.mark.parametrize(
    ("leverancier", "middel", "omschrijving", "soort"),
    [
        ("politie", "", "ME-peloton", CapaciteitSoort.ME_PELOTON),
        ("politie", "", "2 pelotons ME", CapaciteitSoort.ME_PELOTON),
        ("politie", "", "Aanhoudingseenheid", CapaciteitSoort.AANHOUDINGSEENHEID),
        ("politie", "", "Bereden politie", CapaciteitSoort.SPECIALISME),
        ("kmar", "", "ME-peloton", CapaciteitSoort.BIJSTANDSEENHEID_KMAR),
        ("middelen_jenv", "waterwerper", "Waterwerper", CapaciteitSoort.WATERWERPER),
        ("middelen_jenv", "vrt_voertuig", "VRT", CapaciteitSoort.VRT_VOERTUIG),
        ("krijgsmacht", "", "EOD", CapaciteitSoort.DEFENSIECAPACITEIT),
        ("buitenland", "", "peloton", CapaciteitSoort.BUITENLANDSE_PARTNER),
        ("onbekend", "", "iets", None),
    ],
)
def test_soort_per_regel(leverancier: str, middel: str, omschrijving: str, soort: str) -> None:
    assert soort_voor(leverancier=leverancier, middel=middel, omschrijving=omschrijving) == soort


def test_verzoek_claimt_voorlopig_en_het_locc_verwerkt_het_in_het_overzicht() -> None:
    register_laden()
    verzoek = maak_verzoek()  # procedure 3, KMar, "4 ME-peloton"
    assert actief(verzoek.pk) == [(KMAR, 4, "voorlopig")]
    claim = Claim.objects.get(verzoek=verzoek)
    assert (claim.van, claim.tot) == (NU + timedelta(days=2), NU + timedelta(days=2, hours=8))
    # Walk until the LOCC's step is done; the step's record shows the claim.
    while not Taak.objects.filter(
        verzoek=verzoek, bpmn_id="taak_aanvraag_verwerken", status="afgerond"
    ).exists():
        taken = open_taken(verzoek)
        assert taken
        for taak in taken:
            stap_uitvoeren(taak, None, NU + timedelta(minutes=5))
    stap = Taak.objects.get(verzoek=verzoek, bpmn_id="taak_aanvraag_verwerken")
    assert (stap.gegevens or {})["capaciteit"] == "4 × Bijstandspelotons KMar (voorlopig)"
    assert actief(verzoek.pk) == [(KMAR, 4, "voorlopig")]
    assert Claim.objects.filter(verzoek=verzoek).count() == 2  # the first was replaced


def test_toekenning_maakt_de_claim_vast() -> None:
    register_laden()
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    assert actief(verzoek.pk) == [(KMAR, 4, "vast")]


def test_gedeeltelijke_toekenning_claimt_het_toegekende_aantal() -> None:
    register_laden()
    verzoek = maak_verzoek()
    regel = verzoek.deelverzoeken.get().regels.get()
    doorlopen(
        verzoek,
        {
            "taak_besluit_locc": {
                "uitkomst": "deels_toegekend",
                "motivering": "Twee pelotons volstaan.",
                "regels": (services.RegelBesluit(regel.pk, "toegekend", 2),),
            }
        },
    )
    assert actief(verzoek.pk) == [(KMAR, 2, "vast")]


def test_afwijzing_geeft_de_claims_vrij() -> None:
    register_laden()
    verzoek = maak_verzoek()
    doorlopen(
        verzoek, {"taak_besluit_locc": {"uitkomst": "afgewezen", "motivering": "Niet nodig."}}
    )
    assert actief(verzoek.pk) == []
    assert Claim.objects.filter(verzoek=verzoek, vrijgegeven_op__isnull=False).count() >= 1


def test_intrekken_geeft_de_claims_vrij() -> None:
    register_laden()
    verzoek = maak_verzoek()
    services.verzoek_intrekken(
        verzoek=verzoek, reden="Demonstratie afgelast.", door=gebruiker("RCCB-MN"), nu=NU
    )
    assert actief(verzoek.pk) == []


def test_tweede_verzoek_in_dezelfde_periode_overschrijdt_de_kmar() -> None:
    register_laden()
    regels = (services.InzetRegel("ME-peloton", 5),)
    eerste = maak_verzoek(regels=regels)
    tweede = maak_verzoek(regels=regels)
    assert actief(eerste.pk) == [(KMAR, 5, "voorlopig")]
    # 3 are free; the other 2 go on the same capacity so that the conflict shows.
    assert actief(tweede.pk) == [(KMAR, 5, "voorlopig")]
    (conflict,) = conflicten(
        Claim.objects.filter(verzoek=tweede).select_related("capaciteit__organisatie")
    )
    assert conflict.melding == (
        "Bijstandspelotons KMar: 10 geclaimd van 8 in totaal (2 te veel) van 04-03-2026 10:00 tot "
        "04-03-2026 18:00."
    )


def test_benoemde_middelen_vrije_eerst_en_geen_capaciteit() -> None:
    register_laden()
    verzoek = maak_verzoek()
    deel = verzoek.deelverzoeken.get()
    resultaat = claims_maken(
        verzoek_id=verzoek.pk,
        deelverzoek_id=deel.pk,
        vragen=[
            Vraag(None, "Waterwerper", 5, "middelen_jenv", "waterwerper"),
            Vraag(None, "Iets onbekends", 1, "onbekend"),
        ],
        van=NU,
        tot=NU + timedelta(hours=4),
        soort=ClaimSoort.VOORLOPIG,
        nu=NU,
    )
    # Four are available (WW-04 is in maintenance); the fifth goes on the first, twice.
    assert resultaat.in_woorden() == (
        "2 × Waterwerper WW-01 (voorlopig); 1 × Waterwerper WW-02 (voorlopig); "
        "1 × Waterwerper WW-03 (voorlopig); 1 × Waterwerper WW-05 (voorlopig); "
        "geen capaciteit voor 'Iets onbekends'"
    )
    assert [c.melding for c in conflicten(resultaat.claims)] == [
        "Waterwerper WW-01 is 2 keer geclaimd van 02-03-2026 10:00 tot 02-03-2026 14:00."
    ]


def test_politie_claimt_niet_bij_de_eigen_eenheid() -> None:
    register_laden()
    verzoek = maak_verzoek(
        situatie(gevraagd=[{"leverancier": "politie"}]),
        regels=(services.InzetRegel("ME-peloton", 18),),
    )
    # In provider code order, without Midden-Nederland (EENHEID-MN), the requesting unit.
    assert actief(verzoek.pk) == [
        ("ME-pelotons Amsterdam", 6, "voorlopig"),
        ("ME-pelotons Den Haag", 5, "voorlopig"),
        ("ME-pelotons Limburg", 3, "voorlopig"),
        ("ME-pelotons Noord-Holland", 3, "voorlopig"),
        ("ME-pelotons Noord-Nederland", 1, "voorlopig"),
    ]


def test_commando_capaciteit_laden() -> None:
    uit = StringIO()
    call_command("capaciteit_laden", stdout=uit)
    assert uit.getvalue() == "Capaciteitenoverzicht: 42 regels geladen (demo).\n"


@override_settings(DEMO_ACCOUNTS_TOEGESTAAN=False)
def test_commando_capaciteit_laden_geweigerd_in_productie() -> None:
    with pytest.raises(CommandError) as fout:
        call_command("capaciteit_laden", stdout=StringIO())
    assert str(fout.value) == (
        "Het demo-capaciteitenoverzicht (verzonnen aantallen) is niet toegestaan met deze "
        "instellingen (productie); niets geladen."
    )
    assert not Capaciteit.objects.exists()
