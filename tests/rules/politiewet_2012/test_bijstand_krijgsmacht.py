from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.rules import Formulier, Grondslag, Indiener
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.engine import aanvraagbare_routes, wat_nu
from politiebijstand.rules.politiewet_2012.bijstand_krijgsmacht import (
    CONVENANT_WAARSCHUWING,
    ERRATUM_OVERLEG_4,
    WAT_NU,
    convenant_procedure_8,
    convenant_zonder_procedure_8,
    erratum_overleg_procedure_4,
    krijgsmacht_justitie,
    krijgsmacht_openbare_orde,
    voorwaarde_krijgsmacht_justitie,
    voorwaarde_krijgsmacht_openbare_orde,
    wat_nu_bij_niet_toegestaan,
)
from tests.rules.maak import actoren, advies, enige_route, gevraagd, situatie, uit_catalogus

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
        f"Krijgsmacht, procedure 4, niet toegestaan: {ontbreekt}. Vraag in plaats daarvan "
        "bijstand van een andere politie-eenheid (procedure 1) of van de KMar (procedure 3;"
    )
    assert f"{WAT_NU['4']} Toegepaste voorwaarde" in uitkomst.waarschuwingen[0]


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
        "Pw 2012 art. 14 lid 4",
        "Pw 2012 art. 14 lid 1",
        "factsheet, stroomschema A, ander deel krijgsmacht",
    )
    assert uitkomst.waarschuwingen == (
        *voorwaarde_krijgsmacht_openbare_orde(gevraagd(**KRIJGSMACHT)).waarschuwingen,
        ERRATUM_OVERLEG_4,
    )
    uit_catalogus(krijgsmacht_openbare_orde, uitkomst)


def test_erratum_procedure_4_in_overeenstemming_art_58_lid_2_niet_na_overleg() -> None:
    uitkomst = erratum_overleg_procedure_4()
    assert uitkomst.value is True
    assert uitkomst.bron == politiewet("58", "2")
    assert uitkomst.ook == (factsheet("toelichting 4"),)
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing == ERRATUM_OVERLEG_4
    assert "en na overleg met de Minister van Defensie (DJZ)' bepaalt" in waarschuwing
    assert (
        "Pw 2012 art. 58 lid 2 zegt dat over de wijze wordt beslist 'in overeenstemming met'"
        in (waarschuwing)
    )
    uit_catalogus(erratum_overleg_procedure_4, uitkomst)


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


ACTOREN_8 = [
    "RCCB",
    "LE-POB",
    "LE-POB",
    "OVJ",
    "PARKET-GENERAAL",
    "OZI",
    "DJZ",
    "DJZ",
    "OZI",
    "LE-POB",
]


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
    assert route.stappen[-2].handeling.startswith(
        "OZI bepaalt namens de Minister van Justitie en Veiligheid, in overeenstemming met"
    )
    # Footnote 4: "te allen tijde", so also on the full route (issue #8, item 5).
    assert route.stappen[-1].handeling == (
        "LE-POB informeert de korpsleiding over de inzet van de krijgsmacht ten behoeve van "
        "politietaken (dit moet te allen tijde gebeuren), na een (gedeeltelijke) toekenning door "
        "OZI."
    )
    assert route.bronnen == (
        "factsheet, toelichting 8",
        "Pw 2012 art. 58 lid 1",
        "Pw 2012 art. 58 lid 2",
        "Pw 2012 art. 14 lid 4",
        "Pw 2012 art. 14 lid 2",
        "factsheet, stroomschema B, ander deel krijgsmacht",
        "factsheet, toelichting 8, voetnoot 4",
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


JUSTITIE = "strafrechtelijke_handhaving"
NIET_TOEGESTAAN: dict[str, Any] = {"leverancier": "krijgsmacht"}


def test_convenant_procedure_8_niet_toegepast_als_niet_toegestaan_voetnoot_4() -> None:
    s = situatie(NIET_TOEGESTAAN, taak=JUSTITIE, convenant=True)
    uitkomst = convenant_procedure_8(s, toegestaan=False)
    assert uitkomst.value is False
    assert uitkomst.reden == (
        "convenant niet toegepast: de krijgsmacht mag (nog) niet worden gevraagd"
    )
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing.startswith("Convenant niet toegepast: een convenant verkort alleen")
    uit_catalogus(convenant_procedure_8, uitkomst)


def test_krijgsmacht_justitie_niet_toegestaan_met_convenant_toont_geen_verkorte_route() -> None:
    zonder = enige_route(NIET_TOEGESTAAN, taak=JUSTITIE)
    route = enige_route(NIET_TOEGESTAAN, taak=JUSTITIE, convenant=True)
    assert route.toegestaan is False
    # The full procedure 8, for information, not the convenant's short route.
    assert route.stappen == zonder.stappen
    assert actoren(route) == ACTOREN_8
    assert not any("convenant" in s.handeling for s in route.stappen)
    # The other fields stay (contract, interpretation 10).
    assert (route.contacten, route.formulier_naar, route.besluit_door, route.bezwaren) == (
        zonder.contacten,
        zonder.formulier_naar,
        zonder.besluit_door,
        zonder.bezwaren,
    )
    assert "factsheet, toelichting 8, voetnoot 4" in route.bronnen
    waarschuwingen = advies(NIET_TOEGESTAAN, taak=JUSTITIE, convenant=True).waarschuwingen
    assert CONVENANT_WAARSCHUWING not in waarschuwingen
    assert any(w.startswith("Convenant niet toegepast") for w in waarschuwingen)


@pytest.mark.parametrize(("taak", "procedure"), [("openbare_orde", "4"), (JUSTITIE, "8")])
def test_niet_toegestaan_met_spoed_geen_telefoon_eerst(taak: str, procedure: str) -> None:
    gewoon = enige_route(NIET_TOEGESTAAN, taak=taak)
    spoed = enige_route(NIET_TOEGESTAAN, taak=taak, spoed=True)
    assert spoed.procedure == procedure
    assert spoed.toegestaan is False
    assert (spoed.stappen, spoed.contacten) == (gewoon.stappen, gewoon.contacten)
    assert not any(s.handeling.startswith(("Spoed", "Achteraf")) for s in spoed.stappen)


@pytest.mark.parametrize(
    ("taak", "procedure", "politie", "kmar"),
    [("openbare_orde", "4", "1", "3"), (JUSTITIE, "8", "6", "7")],
)
def test_wat_nu_bij_niet_toegestaan_noemt_politie_kmar_en_de_voorwaarde(
    taak: str, procedure: str, politie: str, kmar: str
) -> None:
    route = enige_route(NIET_TOEGESTAAN, taak=taak)
    uitkomst = wat_nu_bij_niet_toegestaan(route)
    assert uitkomst.value == WAT_NU[procedure] == wat_nu(route)
    assert uitkomst.value is not None
    assert uitkomst.value.startswith(
        f"Vraag in plaats daarvan bijstand van een andere politie-eenheid (procedure {politie}) "
        f"of van de KMar (procedure {kmar};"
    )
    assert uitkomst.value.endswith("ontbreekt; LE-POB toetst dat.")
    assert uitkomst.bron == factsheet(
        f"stroomschema {'A' if procedure == '4' else 'B'}, ander deel krijgsmacht"
    )
    uit_catalogus(wat_nu_bij_niet_toegestaan, uitkomst)
    toegestaan = enige_route(KRIJGSMACHT, taak=taak)
    assert wat_nu_bij_niet_toegestaan(toegestaan).value is None
    assert wat_nu(enige_route({"leverancier": "kmar"}, taak=taak)) is None


def test_aanvraagbare_routes_alleen_toegestaan_en_niet_rechtshulp() -> None:
    alleen_niet = advies(NIET_TOEGESTAAN, taak=JUSTITIE)
    assert aanvraagbare_routes(alleen_niet) == ()
    gemengd = advies(NIET_TOEGESTAAN, {"leverancier": "kmar"}, taak=JUSTITIE)
    assert [r.procedure for r in aanvraagbare_routes(gemengd)] == ["7"]
    rechtshulp = advies({"leverancier": "buitenland"}, taak=JUSTITIE)
    assert rechtshulp.routes[0].toegestaan is True
    assert aanvraagbare_routes(rechtshulp) == ()
    assert aanvraagbare_routes(advies(eigen_capaciteit_toereikend=True)) == ()


def test_krijgsmacht_justitie_spoed_informeert_de_korpsleiding_na_het_besluit() -> None:
    # Footnote 4 ("te allen tijde") also on the urgent path: after OZI's decision, before the
    # written steps that follow afterwards (contract, interpretation 11).
    route = enige_route(KRIJGSMACHT, taak=JUSTITIE, spoed=True)
    korpsleiding = [i for i, s in enumerate(route.stappen) if "korpsleiding" in s.handeling]
    achteraf = [i for i, s in enumerate(route.stappen) if s.handeling.startswith("Achteraf")]
    assert korpsleiding == [len(route.stappen) - len(achteraf) - 1]
    assert route.stappen[korpsleiding[0]].actor == "LE-POB"
    assert route.stappen[korpsleiding[0] - 1].actor == "OZI"
    assert len(achteraf) == 2
