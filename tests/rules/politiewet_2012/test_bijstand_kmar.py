from __future__ import annotations

import pytest

from politiebijstand.rules import Formulier, Grondslag, Indiener, Stap
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.politiewet_2012.bijstand_kmar import (
    kmar_justitie,
    kmar_openbare_orde,
    kmar_zonder_uitputting,
)
from tests.rules.maak import actoren, gevraagd, situatie, uit_catalogus

KMAR = {"leverancier": "kmar"}

ACTOREN_3 = [
    "RCCB",
    "RCCB",
    "RCCB",
    "BURGEMEESTER",
    "RCCB",
    "LOCC",
    "LOCC",
    "LOCC",
    "LOCC",
    "LOCC",
    "DJZ",
    "C-KMAR",
    "DJZ",
    "LOCC",
    "LOCC",
]


def test_kmar_openbare_orde_procedure_3_art_57_lid_1() -> None:
    uitkomst = kmar_openbare_orde(situatie(KMAR), gevraagd("kmar"))
    route = uitkomst.value
    assert route.leverancier == "kmar"
    assert route.middel is None
    assert route.procedure == "3"
    assert route.grondslag == Grondslag("Politiewet 2012", "57", "1")
    assert route.indiener is Indiener.BURGEMEESTER
    assert route.contacten == ("LOCC",)
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "LOCC"
    assert route.besluit_door == "LOCC"
    assert route.toegestaan is True
    assert route.bezwaren == ()
    assert route.zienswijze_regioburgemeester is None
    assert actoren(route) == ACTOREN_3
    assert route.stappen[0].handeling.startswith("Optioneel: lokaal operationeel vooroverleg")
    assert "namens de Minister van Justitie en Veiligheid, na overleg met de Minister van " in (
        route.stappen[13].handeling
    )
    assert route.bronnen == (
        "factsheet, toelichting 3",
        "Pw 2012 art. 57 lid 1",
        "Pw 2012 art. 57 lid 2",
        "Pw 2012 art. 57 lid 3",
        "Pw 2012 art. 14 lid 1",
        "factsheet, stroomschema A, KMar",
    )
    uit_catalogus(kmar_openbare_orde, uitkomst)


def test_kmar_openbare_orde_regioburgemeester_primus_inter_pares_toelichting_3() -> None:
    route = kmar_openbare_orde(situatie(KMAR, locatiegebonden=False), gevraagd("kmar")).value
    assert route.indiener is Indiener.REGIOBURGEMEESTER
    assert actoren(route) == ["REGIOBURGEMEESTER" if a == "BURGEMEESTER" else a for a in ACTOREN_3]
    assert "primus inter pares" in route.stappen[3].handeling


def test_kmar_justitie_procedure_7_art_57_lid_1() -> None:
    s = situatie(KMAR, taak="strafrechtelijke_handhaving")
    uitkomst = kmar_justitie(s, gevraagd("kmar"))
    route = uitkomst.value
    assert route.procedure == "7"
    assert route.grondslag == Grondslag("Politiewet 2012", "57", "1")
    assert route.indiener is Indiener.OFFICIER_VAN_JUSTITIE
    assert route.contacten == ("LE-POB", "OVJ", "PARKET-GENERAAL")
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "PARKET-GENERAAL"
    assert route.besluit_door == "OZI"
    assert route.toegestaan is True
    assert actoren(route) == [
        "RCCB",
        "RCCB",
        "OVJ",
        "LE-POB",
        "PARKET-GENERAAL",
        "OZI",
        "DJZ",
        "C-KMAR",
        "OZI",
    ]
    assert "vanuit het arrondissementsparket, niet vanuit de politie" in route.stappen[2].handeling
    # Issue #8, item 9: the factsheet's line verbatim, acted by LE-POB as in the BPMN.
    assert route.stappen[3] == Stap(
        "LE-POB",
        "De politie informeert in de eigen lijn de korpschef over de te ontvangen bijstand, "
        "door tussenkomst van de afdeling Preparatie en Operationeel Beheer.",
    )
    assert route.bronnen == (
        "factsheet, toelichting 7",
        "Pw 2012 art. 57 lid 1",
        "Pw 2012 art. 57 lid 2",
        "Pw 2012 art. 57 lid 3",
        "Pw 2012 art. 14 lid 2",
        "factsheet, stroomschema B, KMar",
    )
    uit_catalogus(kmar_justitie, uitkomst)


@pytest.mark.parametrize(
    "voorwaarden",
    [
        {},
        {"politie_uitgeput": False, "kmar_uitgeput": True},
        {"specialisme_niet_beschikbaar": False},
    ],
)
def test_kmar_zonder_uitputting_altijd_toegestaan_toelichting_3_en_7(
    voorwaarden: dict[str, bool],
) -> None:
    uitkomst = kmar_zonder_uitputting(gevraagd("kmar", **voorwaarden))
    assert uitkomst.value is True
    assert uitkomst.bron == factsheet("stroomschema A, KMar")
    uit_catalogus(kmar_zonder_uitputting, uitkomst)
