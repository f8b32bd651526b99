from __future__ import annotations

from politiebijstand.rules import Indiener
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.politiewet_2012.bijstand_indiener import (
    formulieren_per_gemeente,
    indiener_openbare_orde_militair,
)
from tests.rules.maak import advies, situatie, uit_catalogus

KMAR = {"leverancier": "kmar"}
GEMEENTEN = ["Veenendaal", "De Bilt", "Utrechtse Heuvelrug"]


def test_indiener_openbare_orde_militair_burgemeester_toelichting_3_en_4() -> None:
    uitkomst = indiener_openbare_orde_militair(situatie(KMAR))
    assert uitkomst.value is Indiener.BURGEMEESTER
    assert uitkomst.bronnen == (factsheet("toelichting 3"), factsheet("toelichting 4"))
    uit_catalogus(indiener_openbare_orde_militair, uitkomst)


def test_indiener_openbare_orde_militair_regioburgemeester_primus_inter_pares() -> None:
    uitkomst = indiener_openbare_orde_militair(situatie(KMAR, locatiegebonden=False))
    assert uitkomst.value is Indiener.REGIOBURGEMEESTER
    assert "primus inter pares" in uitkomst.reden


def test_formulieren_per_gemeente_een_per_burgemeester_art_11_lid_1() -> None:
    s = situatie(KMAR, {"leverancier": "politie"}, gemeenten=GEMEENTEN)
    routes = advies(KMAR, {"leverancier": "politie"}, gemeenten=GEMEENTEN).routes
    uitkomst = formulieren_per_gemeente(s, routes)
    assert uitkomst.value == 3
    assert uitkomst.bron == politiewet("11", "1")
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing == (
        "Bijstand in 3 gemeenten (Veenendaal, De Bilt, Utrechtse Heuvelrug): stel voor "
        "procedures 1 en 3 per gemeente een eigen aanvraagformulier op, elk ondertekend door de "
        "eigen burgemeester: 3 formulieren per procedure. Elke burgemeester heeft alleen gezag "
        "in zijn eigen gemeente (Pw 2012 art. 11 lid 1). Is de bijstand vooraf niet aan één "
        "gemeente te koppelen, dan kan de regioburgemeester bij procedure 3 als primus inter "
        "pares één verzoek indienen (factsheet, toelichting 3)."
    )
    assert uitkomst.bronnen == (politiewet("11", "1"), factsheet("toelichting 3"))
    uit_catalogus(formulieren_per_gemeente, uitkomst)


def test_formulieren_per_gemeente_procedure_1_noemt_geen_primus_inter_pares() -> None:
    politie = {"leverancier": "politie"}
    s = situatie(politie, gemeenten=GEMEENTEN)
    uitkomst = formulieren_per_gemeente(s, advies(politie, gemeenten=GEMEENTEN).routes)
    assert uitkomst.waarschuwingen == (
        "Bijstand in 3 gemeenten (Veenendaal, De Bilt, Utrechtse Heuvelrug): stel voor "
        "procedure 1 per gemeente een eigen aanvraagformulier op, elk ondertekend door de "
        "eigen burgemeester: 3 formulieren per procedure. Elke burgemeester heeft alleen gezag "
        "in zijn eigen gemeente (Pw 2012 art. 11 lid 1).",
    )
    assert uitkomst.bronnen == (politiewet("11", "1"),)


def test_formulieren_per_gemeente_procedures_3_en_4_primus_inter_pares() -> None:
    gevraagd = (KMAR, {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True})
    s = situatie(*gevraagd, gemeenten=GEMEENTEN)
    uitkomst = formulieren_per_gemeente(s, advies(*gevraagd, gemeenten=GEMEENTEN).routes)
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing.endswith(
        "dan kan de regioburgemeester bij procedures 3 en 4 als primus inter pares één verzoek "
        "indienen (factsheet, toelichting 3 en 4)."
    )


def test_formulieren_per_gemeente_een_formulier_bij_een_gemeente() -> None:
    s = situatie(KMAR, gemeenten=["Den Haag"])
    uitkomst = formulieren_per_gemeente(s, advies(KMAR, gemeenten=["Den Haag"]).routes)
    assert uitkomst.value == 1
    assert uitkomst.waarschuwingen == ()


def test_formulieren_per_gemeente_regioburgemeester_dient_een_verzoek_in() -> None:
    velden = {"gemeenten": GEMEENTEN, "locatiegebonden": False}
    uitkomst = formulieren_per_gemeente(situatie(KMAR, **velden), advies(KMAR, **velden).routes)
    assert uitkomst.value == 1
    assert uitkomst.waarschuwingen == ()


def test_formulieren_per_gemeente_niet_voor_routes_zonder_burgemeester() -> None:
    velden = {"gemeenten": GEMEENTEN, "taak": "strafrechtelijke_handhaving"}
    uitkomst = formulieren_per_gemeente(situatie(KMAR, **velden), advies(KMAR, **velden).routes)
    assert uitkomst.value == 1


def test_formulieren_per_gemeente_niet_voor_een_route_die_niet_is_toegestaan() -> None:
    """The case 'structurele-legerinzet-geweigerd': no forms for a refused route."""
    krijgsmacht = {"leverancier": "krijgsmacht"}
    routes = advies(krijgsmacht, gemeenten=GEMEENTEN).routes
    assert routes[0].toegestaan is False
    uitkomst = formulieren_per_gemeente(situatie(krijgsmacht, gemeenten=GEMEENTEN), routes)
    assert uitkomst.value == 1
    assert uitkomst.waarschuwingen == ()
