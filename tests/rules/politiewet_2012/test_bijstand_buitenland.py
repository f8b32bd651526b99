from __future__ import annotations

from politiebijstand.rules import Formulier, Indiener
from politiebijstand.rules.politiewet_2012.bijstand_buitenland import (
    RECHTSHULP_WAARSCHUWING,
    buitenland_justitie_rechtshulp,
    buitenland_openbare_orde,
)
from tests.rules.maak import actoren, gevraagd, situatie, uit_catalogus

BUITENLAND = {"leverancier": "buitenland", "land": "DE"}


def test_buitenland_openbare_orde_procedure_5_op_verdragsbasis_toelichting_5() -> None:
    uitkomst = buitenland_openbare_orde(situatie(BUITENLAND), gevraagd(**BUITENLAND))
    route = uitkomst.value
    assert route.leverancier == "buitenland"
    assert route.procedure == "5"
    assert route.grondslag is None
    assert route.indiener is Indiener.BURGEMEESTER
    assert route.contacten == ("LE-POB", "LOCC")
    assert route.formulier is Formulier.WEBSITE_LOCC
    assert route.formulier_naar == "LOCC"
    assert route.besluit_door == "LOCC"
    assert route.toegestaan is True
    assert actoren(route) == ["RCCB", "LE-POB", "BURGEMEESTER", "LOCC"]
    assert "BeNeLux, Enschede, Prüm" in route.stappen[0].handeling
    assert route.bronnen == ("factsheet, toelichting 5", "factsheet, stroomschema A, Buitenland")
    assert (
        uitkomst.reden == "buitenlandse politie (DE), openbare orde: procedure 5 op verdragsbasis"
    )
    assert uitkomst.waarschuwingen == ()
    uit_catalogus(buitenland_openbare_orde, uitkomst)


def test_buitenland_justitie_rechtshulp_via_officier_stroomschema_b() -> None:
    s = situatie(BUITENLAND, taak="taken_ten_dienste_van_justitie")
    uitkomst = buitenland_justitie_rechtshulp(s, gevraagd(**BUITENLAND))
    route = uitkomst.value
    assert route.procedure == "rechtshulp"
    assert route.grondslag is None
    assert route.indiener is Indiener.OFFICIER_VAN_JUSTITIE
    assert route.contacten == ("OVJ",)
    assert route.formulier is None
    assert route.formulier_naar is None
    assert route.besluit_door is None
    assert route.toegestaan is True
    assert actoren(route) == ["RCCB", "OVJ"]
    assert route.bronnen == ("factsheet, stroomschema B, Buitenland",)
    assert uitkomst.waarschuwingen == (RECHTSHULP_WAARSCHUWING,)
    uit_catalogus(buitenland_justitie_rechtshulp, uitkomst)
