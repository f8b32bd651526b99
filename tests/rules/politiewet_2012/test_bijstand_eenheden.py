from __future__ import annotations

from politiebijstand.rules import Formulier, Grondslag, Indiener, Zienswijze
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.politiewet_2012.bijstand_eenheden import (
    eenheden_justitie,
    eenheden_openbare_orde,
    indiener_procedure_6,
    zienswijze_procedure_1,
    zienswijze_procedure_6,
)
from tests.rules.maak import actoren, gevraagd, situatie, uit_catalogus

POLITIE = {"leverancier": "politie"}


def test_zienswijze_procedure_1_vereist_zonder_spoed_art_56_lid_3() -> None:
    uitkomst = zienswijze_procedure_1(situatie(POLITIE))
    assert uitkomst.value is Zienswijze.VEREIST
    assert uitkomst.bron == politiewet("56", "3")
    uit_catalogus(zienswijze_procedure_1, uitkomst)


def test_zienswijze_procedure_1_niet_vereist_bij_spoed_art_56_lid_3() -> None:
    uitkomst = zienswijze_procedure_1(situatie(POLITIE, spoed=True))
    assert uitkomst.value is Zienswijze.NIET_VEREIST_SPOED


def test_zienswijze_procedure_1_niet_van_toepassing_voor_regioburgemeester_art_56_lid_3() -> None:
    for spoed in (False, True):
        s = situatie(POLITIE, aanvrager_is_regioburgemeester=True, spoed=spoed)
        assert zienswijze_procedure_1(s).value is Zienswijze.NIET_VAN_TOEPASSING


def test_zienswijze_procedure_6_regioburgemeester_speelt_geen_rol_art_56_lid_3() -> None:
    taak = "strafrechtelijke_handhaving"
    s = situatie(POLITIE, taak=taak, aanvrager_is_regioburgemeester=True)
    assert zienswijze_procedure_6(s).value is Zienswijze.VEREIST
    s = situatie(POLITIE, taak=taak, aanvrager_is_regioburgemeester=True, spoed=True)
    uitkomst = zienswijze_procedure_6(s)
    assert uitkomst.value is Zienswijze.NIET_VEREIST_SPOED
    assert uitkomst.bronnen == (politiewet("56", "3"), factsheet("toelichting 6"))
    uit_catalogus(zienswijze_procedure_6, uitkomst)


def test_indiener_procedure_6_is_officier_erratum_art_56_lid_2() -> None:
    uitkomst = indiener_procedure_6()
    assert uitkomst.value is Indiener.OFFICIER_VAN_JUSTITIE
    assert uitkomst.bron == politiewet("56", "2")
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing.startswith("Erratum factsheet: de stappen van toelichting 6 zeggen")
    assert "'Het aanvraagformulier wordt door de burgemeester ingediend bij de korpschef'" in (
        waarschuwing
    )
    assert "Pw 2012 art. 56 lid 2 en de kop van toelichting 6" in waarschuwing
    uit_catalogus(indiener_procedure_6, uitkomst)


def test_eenheden_openbare_orde_procedure_1_art_56_lid_1() -> None:
    s = situatie(POLITIE)
    uitkomst = eenheden_openbare_orde(s, gevraagd("politie"))
    route = uitkomst.value
    assert route.leverancier == "politie"
    assert route.middel is None
    assert route.procedure == "1"
    assert route.grondslag == Grondslag("Politiewet 2012", "56", "1")
    assert route.indiener is Indiener.BURGEMEESTER
    assert route.contacten == ("LE-POB",)
    assert route.formulier is Formulier.INTRANET_POLITIE
    assert route.formulier_naar == "LE-POB"
    assert route.besluit_door == "KORPSCHEF"
    assert route.toegestaan is True
    assert route.bezwaren == ()
    assert route.zienswijze_regioburgemeester is Zienswijze.VEREIST
    assert actoren(route) == [
        "RCCB",
        "RCCB",
        "REGIOBURGEMEESTER",
        "BURGEMEESTER",
        "RCCB",
        "LE-POB",
        "LE-POB",
    ]
    assert route.stappen[3].handeling.startswith(
        "De burgemeester dient het aanvraagformulier in bij de korpschef; het formulier bevat"
    )
    assert route.bronnen == (
        "factsheet, toelichting 1",
        "Pw 2012 art. 56 lid 1",
        "Pw 2012 art. 56 lid 3",
        "factsheet, stroomschema A, Politie",
    )
    assert uitkomst.waarschuwingen == ()
    uit_catalogus(eenheden_openbare_orde, uitkomst)


def test_eenheden_openbare_orde_zonder_zienswijzestap_voor_regioburgemeester_art_56_lid_3() -> None:
    s = situatie(POLITIE, aanvrager_is_regioburgemeester=True)
    route = eenheden_openbare_orde(s, gevraagd("politie")).value
    assert route.zienswijze_regioburgemeester is Zienswijze.NIET_VAN_TOEPASSING
    assert actoren(route) == ["RCCB", "RCCB", "BURGEMEESTER", "RCCB", "LE-POB", "LE-POB"]
    assert "tevens regioburgemeester" in route.stappen[2].handeling


def test_eenheden_justitie_procedure_6_art_56_lid_2() -> None:
    s = situatie(POLITIE, taak="taken_ten_dienste_van_justitie")
    uitkomst = eenheden_justitie(s, gevraagd("politie"))
    route = uitkomst.value
    assert route.procedure == "6"
    assert route.grondslag == Grondslag("Politiewet 2012", "56", "2")
    assert route.indiener is Indiener.OFFICIER_VAN_JUSTITIE
    assert route.contacten == ("LE-POB",)
    assert route.formulier is Formulier.INTRANET_POLITIE
    assert route.formulier_naar == "LE-POB"
    assert route.besluit_door == "KORPSCHEF"
    assert route.toegestaan is True
    assert route.zienswijze_regioburgemeester is Zienswijze.VEREIST
    assert actoren(route) == [
        "RCCB",
        "RCCB",
        "REGIOBURGEMEESTER",
        "OVJ",
        "RCCB",
        "LE-POB",
        "LE-POB",
    ]
    assert route.stappen[3].handeling.startswith(
        "De officier van justitie dient het aanvraagformulier in bij de korpschef"
    )
    assert route.bronnen == (
        "factsheet, toelichting 6",
        "Pw 2012 art. 56 lid 2",
        "Pw 2012 art. 56 lid 3",
        "factsheet, stroomschema B, Politie",
    )
    assert uitkomst.waarschuwingen == indiener_procedure_6().waarschuwingen
    uit_catalogus(eenheden_justitie, uitkomst)
