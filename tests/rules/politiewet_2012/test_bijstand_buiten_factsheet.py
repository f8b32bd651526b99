"""Bijstand outside the factsheet: Pw 2012 art. 56 lid 5 and art. 59 (interpretation 13)."""

from __future__ import annotations

import pytest

from politiebijstand.rules import AdviesUitkomst, Gezag, Grondslag, OngeldigeSituatie
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.politiewet_2012.bijstand_buiten_factsheet import (
    ART_42_LID_1_C,
    BBE_BURGEMEESTER_WAARSCHUWING,
    BBE_WAARSCHUWING,
    PERSONEN_MILITAIR_WAARSCHUWING,
    PERSONEN_WAARSCHUWING,
    BuitenFactsheet,
    beveiliging_personen,
    bijzondere_bijstandseenheid,
)
from politiebijstand.rules.situatie import situatie_from_dict
from tests.rules.maak import advies, situatie, uit_catalogus

PERSONEN = "bewaking_en_beveiliging_personen"
ART_56_LID_5 = Grondslag("Politiewet 2012", "56", "5")
ART_59 = Grondslag("Politiewet 2012", "59", None)


def test_art_42_lid_1_onder_c_wordt_voluit_geciteerd() -> None:
    assert ART_42_LID_1_C.label == "Pw 2012 art. 42 lid 1 onder c"


def test_beveiliging_personen_art_56_lid_5_de_minister_beslist() -> None:
    uitkomst = beveiliging_personen(situatie({"leverancier": "politie"}, taak=PERSONEN))
    assert uitkomst.value == BuitenFactsheet(grondslag=ART_56_LID_5, besluit_door="MINISTER-JENV")
    assert uitkomst.bronnen == (
        politiewet("56", "5"),
        ART_42_LID_1_C,
        factsheet("Politie en bevoegd gezag, voetnoot 2"),
    )
    assert uitkomst.waarschuwingen == (PERSONEN_WAARSCHUWING,)
    assert PERSONEN_WAARSCHUWING.endswith(
        "dan geeft de Minister van Justitie en Veiligheid de korpschef de nodige opdrachten (Pw "
        "2012 art. 56 lid 5)."
    )
    assert "valt buiten de factsheet" in PERSONEN_WAARSCHUWING
    uit_catalogus(beveiliging_personen, uitkomst)


@pytest.mark.parametrize("leverancier", ["kmar", "krijgsmacht"])
def test_beveiliging_personen_met_militaire_bijstand_waarschuwt_voor_art_57_en_58(
    leverancier: str,
) -> None:
    s = situatie({"leverancier": "politie"}, {"leverancier": leverancier}, taak=PERSONEN)
    uitkomst = beveiliging_personen(s)
    assert uitkomst.value == BuitenFactsheet(grondslag=ART_56_LID_5, besluit_door="MINISTER-JENV")
    assert uitkomst.waarschuwingen == (PERSONEN_WAARSCHUWING, PERSONEN_MILITAIR_WAARSCHUWING)
    assert "(Pw 2012 art. 57 en 58)" in PERSONEN_MILITAIR_WAARSCHUWING


@pytest.mark.parametrize(
    "taak", ["bewaking_en_beveiliging_rijksdomein", "taken_ten_dienste_van_justitie"]
)
def test_beveiliging_personen_alleen_voor_de_taak_van_art_42_lid_1_onder_c(taak: str) -> None:
    uitkomst = beveiliging_personen(situatie({"leverancier": "politie"}, taak=taak))
    assert uitkomst.value is None
    assert uitkomst.waarschuwingen == ()


def test_bijzondere_bijstandseenheid_art_59_onder_de_officier() -> None:
    s = situatie(taak="strafrechtelijke_handhaving", bijzondere_bijstandseenheid=True)
    uitkomst = bijzondere_bijstandseenheid(s, Gezag.OFFICIER_VAN_JUSTITIE)
    assert uitkomst.value == BuitenFactsheet(grondslag=ART_59, besluit_door="MINISTER-JENV")
    assert uitkomst.bronnen == (politiewet("59"),)
    assert uitkomst.waarschuwingen == (BBE_WAARSCHUWING,)
    assert BBE_WAARSCHUWING.startswith(
        "Bijstand door een bijzondere bijstandseenheid (de Dienst Speciale Interventies van de "
        "politie, of een bijzondere eenheid van de KMar of de krijgsmacht) valt buiten de "
        "factsheet en volgt niet procedure 6 of 8."
    )
    assert BBE_WAARSCHUWING.endswith(
        "de minister beslist of en hoe, en informeert de Minister van Defensie (Pw 2012 art. 59)."
    )
    uit_catalogus(bijzondere_bijstandseenheid, uitkomst)


def test_bijzondere_bijstandseenheid_onder_de_burgemeester_via_de_officier() -> None:
    s = situatie(bijzondere_bijstandseenheid=True)
    uitkomst = bijzondere_bijstandseenheid(s, Gezag.BURGEMEESTER)
    assert uitkomst.value == BuitenFactsheet(grondslag=ART_59, besluit_door="MINISTER-JENV")
    assert uitkomst.bronnen == (politiewet("59"), politiewet("12", "1"))
    assert uitkomst.waarschuwingen == (BBE_WAARSCHUWING, BBE_BURGEMEESTER_WAARSCHUWING)
    uit_catalogus(bijzondere_bijstandseenheid, uitkomst)


def test_geen_bijzondere_bijstandseenheid_gevraagd() -> None:
    s = situatie({"leverancier": "politie"}, taak="strafrechtelijke_handhaving")
    assert s.bijzondere_bijstandseenheid is False
    assert bijzondere_bijstandseenheid(s, Gezag.OFFICIER_VAN_JUSTITIE).value is None


def test_advies_beveiliging_personen_geen_procedure_1_of_6() -> None:
    a = advies({"leverancier": "politie"}, taak=PERSONEN)
    assert (a.uitkomst, a.gezag, a.routes) == (
        AdviesUitkomst.BUITEN_FACTSHEET,
        Gezag.MINISTER_JENV,
        (),
    )
    assert (a.grondslag, a.besluit_door) == (ART_56_LID_5, "MINISTER-JENV")
    assert a.waarschuwingen == (PERSONEN_WAARSCHUWING,)
    assert a.bronnen == (
        "factsheet, stroomschema stap 1",
        "factsheet, Politie en bevoegd gezag, voetnoot 2",
        "Pw 2012 art. 56 lid 5",
        "Pw 2012 art. 42 lid 1 onder c",
    )


def test_advies_bijzondere_bijstandseenheid_geen_procedure_6_of_8() -> None:
    a = advies(
        {"leverancier": "politie"},
        {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True},
        taak="strafrechtelijke_handhaving",
        bijzondere_bijstandseenheid=True,
    )
    assert a.to_dict() == {
        "uitkomst": "buiten_factsheet",
        "gezag": "officier_van_justitie",
        "grondslag": {"regeling": "Politiewet 2012", "artikel": "59", "lid": None},
        "besluit_door": "MINISTER-JENV",
        "routes": [],
        "waarschuwingen": [BBE_WAARSCHUWING],
        "bronnen": ["factsheet, stroomschema stap 1", "Pw 2012 art. 12 lid 1", "Pw 2012 art. 59"],
    }


def test_bijzondere_bijstandseenheid_moet_true_of_false_zijn_en_maakt_gevraagd_optioneel() -> None:
    with pytest.raises(OngeldigeSituatie) as fout:
        situatie_from_dict(
            {
                "eigen_capaciteit_toereikend": False,
                "taak": "strafrechtelijke_handhaving",
                "bijzondere_bijstandseenheid": "ja",
            }
        )
    assert (fout.value.veld, fout.value.melding) == (
        "bijzondere_bijstandseenheid",
        "moet true of false zijn, niet 'ja'",
    )
    zonder = situatie_from_dict(
        {
            "eigen_capaciteit_toereikend": False,
            "taak": "strafrechtelijke_handhaving",
            "bijzondere_bijstandseenheid": True,
        }
    )
    assert (zonder.bijzondere_bijstandseenheid, zonder.gevraagd) == (True, ())
    personen = situatie_from_dict({"eigen_capaciteit_toereikend": False, "taak": PERSONEN})
    assert personen.gevraagd == ()
