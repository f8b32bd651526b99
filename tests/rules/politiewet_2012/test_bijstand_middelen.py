from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.rules import Formulier, Indiener
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.politiewet_2012.bijstand_middelen import (
    DB3_SPOED_WAARSCHUWING,
    OEFENING_WAARSCHUWING,
    indiener_middelen,
    middelen_bewakingscontainer_vrt,
    middelen_jenv,
    middelen_waterwerper,
)
from tests.rules.maak import actoren, enige_route, gevraagd, situatie, uit_catalogus

WATERWERPER = {"leverancier": "middelen_jenv", "middel": "waterwerper"}


def test_indiener_middelen_is_rccb_toelichting_2() -> None:
    uitkomst = indiener_middelen()
    assert uitkomst.value is Indiener.RCCB
    assert uitkomst.bron == factsheet("toelichting 2")
    uit_catalogus(indiener_middelen, uitkomst)


def test_middelen_waterwerper_procedure_2_via_locc_toelichting_2() -> None:
    uitkomst = middelen_waterwerper(situatie(WATERWERPER), gevraagd(**WATERWERPER))
    route = uitkomst.value
    assert route.leverancier == "middelen_jenv"
    assert route.middel == "waterwerper"
    assert route.procedure == "2"
    assert route.grondslag is None
    assert route.indiener is Indiener.RCCB
    assert route.contacten == ("LOCC",)
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "LOCC"
    assert route.besluit_door == "LOCC"
    assert route.toegestaan is True
    assert route.zienswijze_regioburgemeester is None
    assert actoren(route) == ["RCCB", "LOCC", "RCCB"]
    assert route.stappen[2].handeling.endswith(
        "moet uit het formulier blijken wie het bevoegd gezag is."
    )
    assert uitkomst.waarschuwingen == ()
    assert route.bronnen == (
        "factsheet, toelichting 2",
        "factsheet, stroomschema A/B, Middelen Ministerie van Veiligheid en Justitie",
    )
    uit_catalogus(middelen_waterwerper, uitkomst)


def test_middelen_waterwerper_oefening_zonder_bevoegd_gezag_met_waarschuwing_toelichting_2() -> (
    None
):
    item: dict[str, Any] = {**WATERWERPER, "oefening": True}
    uitkomst = middelen_waterwerper(situatie(item), gevraagd(**item))
    assert uitkomst.waarschuwingen == (OEFENING_WAARSCHUWING,)
    assert "hoeft het bevoegd gezag niet op het formulier te staan" in (
        uitkomst.value.stappen[2].handeling
    )


@pytest.mark.parametrize("middel", ["bewakingscontainer", "vrt_voertuig"])
def test_middelen_bewakingscontainer_vrt_procedure_2_via_nctv_db3_toelichting_2(
    middel: str,
) -> None:
    item = {"leverancier": "middelen_jenv", "middel": middel}
    uitkomst = middelen_bewakingscontainer_vrt(situatie(item), gevraagd(**item))
    route = uitkomst.value
    assert route.middel == middel
    assert route.procedure == "2"
    assert route.grondslag is None
    assert route.indiener is Indiener.RCCB
    assert route.contacten == ("NCTV-DB3", "IFV-ML")
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "NCTV-DB3"
    assert route.besluit_door == "NCTV-DB3"
    assert route.toegestaan is True
    assert actoren(route) == ["RCCB", "NCTV-DB3", "RCCB"]
    (waarschuwing,) = uitkomst.waarschuwingen
    assert "Het verzoek gaat daarom naar DB3, niet naar het LOCC." in waarschuwing
    uit_catalogus(middelen_bewakingscontainer_vrt, uitkomst)


def test_middelen_bewakingscontainer_spoed_waarschuwt_geen_spoedprocedure_toelichting_2() -> None:
    item = {"leverancier": "middelen_jenv", "middel": "bewakingscontainer"}
    uitkomst = middelen_bewakingscontainer_vrt(situatie(item, spoed=True), gevraagd(**item))
    assert uitkomst.waarschuwingen[-1] == DB3_SPOED_WAARSCHUWING


def test_middelen_bewakingscontainer_vrt_weigert_waterwerper() -> None:
    with pytest.raises(ValueError, match="not a DB3 resource"):
        middelen_bewakingscontainer_vrt(situatie(WATERWERPER), gevraagd(**WATERWERPER))


@pytest.mark.parametrize(
    ("middel", "besluit_door"),
    [("waterwerper", "LOCC"), ("bewakingscontainer", "NCTV-DB3"), ("vrt_voertuig", "NCTV-DB3")],
)
@pytest.mark.parametrize("taak", ["openbare_orde", "strafrechtelijke_handhaving"])
def test_middelen_jenv_kiest_locc_of_db3_onder_beide_gezagsdragers_toelichting_2(
    middel: str, besluit_door: str, taak: str
) -> None:
    item = {"leverancier": "middelen_jenv", "middel": middel}
    uitkomst = middelen_jenv(situatie(item, taak=taak), gevraagd(**item))
    assert uitkomst.value.besluit_door == besluit_door
    assert enige_route(item, taak=taak).besluit_door == besluit_door
