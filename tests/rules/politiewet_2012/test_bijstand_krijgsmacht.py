from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.rules import Formulier, Grondslag, Indiener
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.politiewet_2012.bijstand_krijgsmacht import (
    CONVENANT_WAARSCHUWING,
    convenant_procedure_8,
    convenant_zonder_procedure_8,
    krijgsmacht_justitie,
    krijgsmacht_openbare_orde,
    voorwaarde_krijgsmacht_justitie,
    voorwaarde_krijgsmacht_openbare_orde,
)
from tests.rules.maak import actoren, gevraagd, situatie, uit_catalogus

KRIJGSMACHT: dict[str, Any] = {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True}


@pytest.mark.parametrize(
    ("voorwaarden", "reden"),
    [
        (
            {"specialisme_niet_beschikbaar": True},
            "toegestaan: het specialisme is bij politie en KMar niet beschikbaar",
        ),
        (
            {"politie_uitgeput": True, "kmar_uitgeput": True},
            "toegestaan: de vereiste capaciteit is uitgeput",
        ),
    ],
)
def test_voorwaarde_krijgsmacht_openbare_orde_vervuld_art_58_lid_1(
    voorwaarden: dict[str, bool], reden: str
) -> None:
    uitkomst = voorwaarde_krijgsmacht_openbare_orde(gevraagd("krijgsmacht", **voorwaarden))
    assert uitkomst.value == ()
    assert uitkomst.reden == reden
    assert uitkomst.bronnen == (
        factsheet("stroomschema A, ander deel krijgsmacht"),
        factsheet("toelichting 4"),
        politiewet("58", "1"),
    )
    (noot,) = uitkomst.waarschuwingen
    assert noot.startswith(f"Krijgsmacht, procedure 4, {reden}. Toegepaste voorwaarde")
    assert "de capaciteit van politie én KMar is uitgeput" in noot
    uit_catalogus(voorwaarde_krijgsmacht_openbare_orde, uitkomst)


@pytest.mark.parametrize(
    ("voorwaarden", "ontbreekt"),
    [
        ({}, "de politiecapaciteit is niet uitgeput; de KMar-capaciteit is niet uitgeput"),
        ({"politie_uitgeput": True}, "de KMar-capaciteit is niet uitgeput"),
        ({"kmar_uitgeput": True}, "de politiecapaciteit is niet uitgeput"),
    ],
)
def test_voorwaarde_krijgsmacht_openbare_orde_niet_vervuld_geeft_bezwaar_art_58_lid_1(
    voorwaarden: dict[str, bool], ontbreekt: str
) -> None:
    uitkomst = voorwaarde_krijgsmacht_openbare_orde(gevraagd("krijgsmacht", **voorwaarden))
    assert uitkomst.value == (
        "Niet toegestaan (factsheet, stroomschema A en toelichting 4; Pw 2012 art. 58 lid 1): "
        f"{ontbreekt}, en het specialisme is niet opgegeven als ontbrekend bij politie en KMar.",
    )
    assert uitkomst.reden == f"niet toegestaan: {ontbreekt}"
    assert uitkomst.waarschuwingen[0].startswith(
        f"Krijgsmacht, procedure 4, niet toegestaan: {ontbreekt}. Toegepaste voorwaarde"
    )


@pytest.mark.parametrize(
    ("voorwaarden", "toegestaan"),
    [
        ({"specialisme_niet_beschikbaar": True}, True),
        ({"politie_uitgeput": True}, True),
        ({"politie_uitgeput": True, "kmar_uitgeput": True}, True),
        ({"kmar_uitgeput": True}, False),
        ({}, False),
    ],
)
def test_voorwaarde_krijgsmacht_justitie_politie_uitgeput_of_specialisme_art_58_lid_1(
    voorwaarden: dict[str, bool], toegestaan: bool
) -> None:
    uitkomst = voorwaarde_krijgsmacht_justitie(gevraagd("krijgsmacht", **voorwaarden))
    assert (uitkomst.value == ()) is toegestaan
    if not toegestaan:
        assert uitkomst.value == (
            "Niet toegestaan (factsheet, stroomschema B en toelichting 8; Pw 2012 art. 58 lid 1): "
            "de politiecapaciteit is niet uitgeput, en het specialisme is niet opgegeven als "
            "ontbrekend bij politie en KMar.",
        )
    (noot,) = uitkomst.waarschuwingen
    assert noot.startswith("Krijgsmacht, procedure 8, ")
    assert "dit advies volgt het stroomschema" in noot
    assert uitkomst.bron == factsheet("stroomschema B, ander deel krijgsmacht")
    uit_catalogus(voorwaarde_krijgsmacht_justitie, uitkomst)


def test_krijgsmacht_openbare_orde_procedure_4_art_58_lid_1() -> None:
    uitkomst = krijgsmacht_openbare_orde(situatie(KRIJGSMACHT), gevraagd(**KRIJGSMACHT))
    route = uitkomst.value
    assert route.leverancier == "krijgsmacht"
    assert route.procedure == "4"
    assert route.grondslag == Grondslag("Politiewet 2012", "58", "1")
    assert route.indiener is Indiener.BURGEMEESTER
    assert route.contacten == ("LE-POB", "LOCC")
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "LOCC"
    assert route.besluit_door == "LOCC"
    assert route.toegestaan is True
    assert route.bezwaren == ()
    assert actoren(route) == [
        "RCCB",
        "RCCB",
        "LE-POB",
        "LE-POB",
        "RCCB",
        "BURGEMEESTER",
        "RCCB",
        "LOCC",
        "LOCC",
        "LOCC",
        "LOCC",
        "DJZ",
        "DJZ",
        "LOCC",
        "LOCC",
    ]
    assert "Officier Veiligheidsregio (OVR)" in route.stappen[0].handeling
    assert route.stappen[11].handeling.startswith("DJZ neemt namens de Minister van Defensie")
    assert route.bronnen == (
        "factsheet, toelichting 4",
        "Pw 2012 art. 58 lid 1",
        "Pw 2012 art. 58 lid 2",
        "factsheet, stroomschema A, ander deel krijgsmacht",
    )
    assert (
        uitkomst.waarschuwingen
        == voorwaarde_krijgsmacht_openbare_orde(gevraagd(**KRIJGSMACHT)).waarschuwingen
    )
    uit_catalogus(krijgsmacht_openbare_orde, uitkomst)


def test_krijgsmacht_openbare_orde_niet_toegestaan_met_bezwaren_art_58_lid_1() -> None:
    item: dict[str, Any] = {"leverancier": "krijgsmacht", "politie_uitgeput": True}
    route = krijgsmacht_openbare_orde(situatie(item), gevraagd(**item)).value
    assert route.toegestaan is False
    assert route.bezwaren == voorwaarde_krijgsmacht_openbare_orde(gevraagd(**item)).value
    assert route.procedure == "4"


def test_krijgsmacht_openbare_orde_regioburgemeester_primus_inter_pares_toelichting_4() -> None:
    s = situatie(KRIJGSMACHT, locatiegebonden=False)
    route = krijgsmacht_openbare_orde(s, gevraagd(**KRIJGSMACHT)).value
    assert route.indiener is Indiener.REGIOBURGEMEESTER
    assert actoren(route)[5] == "REGIOBURGEMEESTER"


def test_krijgsmacht_openbare_orde_convenant_niet_van_toepassing_voetnoot_4() -> None:
    s = situatie(KRIJGSMACHT, convenant=True)
    uitkomst = krijgsmacht_openbare_orde(s, gevraagd(**KRIJGSMACHT))
    assert uitkomst.waarschuwingen[-1].startswith(
        "Convenant: de factsheet kent convenanten alleen voor justitiële defensiebijstand"
    )
    assert len(uitkomst.value.stappen) == 15


ACTOREN_8 = ["RCCB", "LE-POB", "LE-POB", "OVJ", "PARKET-GENERAAL", "OZI", "DJZ", "DJZ", "OZI"]


def test_krijgsmacht_justitie_procedure_8_art_58_lid_1() -> None:
    s = situatie(KRIJGSMACHT, taak="strafrechtelijke_handhaving")
    uitkomst = krijgsmacht_justitie(s, gevraagd(**KRIJGSMACHT))
    route = uitkomst.value
    assert route.procedure == "8"
    assert route.grondslag == Grondslag("Politiewet 2012", "58", "1")
    assert route.indiener is Indiener.OFFICIER_VAN_JUSTITIE
    assert route.contacten == ("LE-POB", "OVJ", "PARKET-GENERAAL")
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "PARKET-GENERAAL"
    assert route.besluit_door == "OZI"
    assert route.toegestaan is True
    assert actoren(route) == ACTOREN_8
    assert route.stappen[-1].handeling.startswith(
        "OZI bepaalt namens de Minister van Justitie en Veiligheid, in overeenstemming met"
    )
    assert route.bronnen == (
        "factsheet, toelichting 8",
        "Pw 2012 art. 58 lid 1",
        "Pw 2012 art. 58 lid 2",
        "factsheet, stroomschema B, ander deel krijgsmacht",
    )
    uit_catalogus(krijgsmacht_justitie, uitkomst)


def test_convenant_procedure_8_voetnoot_4() -> None:
    ja = convenant_procedure_8(situatie(KRIJGSMACHT, convenant=True))
    nee = convenant_procedure_8(situatie(KRIJGSMACHT))
    assert (ja.value, nee.value) == (True, False)
    assert ja.waarschuwingen == (CONVENANT_WAARSCHUWING,)
    assert nee.waarschuwingen == ()
    assert ja.bron == factsheet("toelichting 8, voetnoot 4")
    uit_catalogus(convenant_procedure_8, ja)


def test_krijgsmacht_justitie_convenant_verkorte_route_informeert_korpsleiding_voetnoot_4() -> None:
    s = situatie(KRIJGSMACHT, taak="strafrechtelijke_handhaving", convenant=True)
    uitkomst = krijgsmacht_justitie(s, gevraagd(**KRIJGSMACHT))
    route = uitkomst.value
    assert actoren(route) == ["OVJ", "RCCB", "LE-POB"]
    assert route.stappen[2].handeling.startswith("LE-POB informeert de korpsleiding")
    assert CONVENANT_WAARSCHUWING in uitkomst.waarschuwingen
    assert route.bronnen[-1] == "factsheet, toelichting 8, voetnoot 4"
    # Only the steps change (contract, interpretation 10).
    zonder = krijgsmacht_justitie(
        situatie(KRIJGSMACHT, taak="strafrechtelijke_handhaving"), gevraagd(**KRIJGSMACHT)
    ).value
    assert (route.procedure, route.indiener, route.contacten, route.formulier_naar) == (
        zonder.procedure,
        zonder.indiener,
        zonder.contacten,
        zonder.formulier_naar,
    )
    assert (route.besluit_door, route.toegestaan, route.grondslag) == (
        zonder.besluit_door,
        zonder.toegestaan,
        zonder.grondslag,
    )


@pytest.mark.parametrize(
    ("convenant", "procedures", "genegeerd"),
    [
        (True, {"7"}, True),
        (True, set(), True),
        (True, {"8"}, False),
        (True, {"4"}, False),
        (False, {"7"}, False),
    ],
)
def test_convenant_zonder_procedure_8_waarschuwt_voetnoot_4(
    convenant: bool, procedures: set[str], genegeerd: bool
) -> None:
    uitkomst = convenant_zonder_procedure_8(situatie(KRIJGSMACHT, convenant=convenant), procedures)
    assert uitkomst.value is genegeerd
    assert bool(uitkomst.waarschuwingen) is genegeerd
