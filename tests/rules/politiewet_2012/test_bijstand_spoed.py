from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.rules import Route, advies_bepalen
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.engine import RouteRegel
from politiebijstand.rules.politiewet_2012.bijstand_buitenland import buitenland_openbare_orde
from politiebijstand.rules.politiewet_2012.bijstand_eenheden import (
    eenheden_justitie,
    eenheden_openbare_orde,
)
from politiebijstand.rules.politiewet_2012.bijstand_spoed import (
    ACHTERAF,
    contacten_bij_spoed,
    stappen_bij_spoed,
)
from tests.rules.maak import actoren, enige_route, situatie, uit_catalogus

JUSTITIE = "strafrechtelijke_handhaving"


def _routes(item: dict[str, Any], **velden: Any) -> tuple[Route, Route]:
    """The route without and with urgency."""
    return enige_route(item, **velden), enige_route(item, spoed=True, **velden)


@pytest.mark.parametrize(
    ("item", "taak", "procedure", "routeregel"),
    [
        ({"leverancier": "politie"}, "openbare_orde", "1", eenheden_openbare_orde),
        ({"leverancier": "politie"}, JUSTITIE, "6", eenheden_justitie),
        ({"leverancier": "buitenland"}, "openbare_orde", "5", buitenland_openbare_orde),
    ],
)
def test_stappen_bij_spoed_procedures_1_5_6_alleen_telefonisch_contact_24_7(
    item: dict[str, Any], taak: str, procedure: str, routeregel: RouteRegel
) -> None:
    s = situatie(item, taak=taak, spoed=True)
    zonder_spoedstappen = routeregel(s, s.gevraagd[0]).value.stappen
    spoed = advies_bepalen(s).routes[0]
    assert spoed.procedure == procedure
    assert spoed.stappen[0].actor == "RCCB"
    assert spoed.stappen[0].handeling.startswith("Spoed: RCCB neemt direct telefonisch contact")
    assert zonder_spoedstappen[0].handeling.endswith("bij spoed kan dit 24 uur per dag.")
    assert spoed.stappen[1:] == zonder_spoedstappen[1:]
    assert not any(st.handeling.startswith(ACHTERAF) for st in spoed.stappen)
    assert f"factsheet, toelichting {procedure}" in spoed.bronnen


@pytest.mark.parametrize(
    ("item", "taak", "procedure", "eerste_actor", "achteraf_actoren"),
    [
        (
            {"leverancier": "middelen_jenv", "middel": "waterwerper"},
            "openbare_orde",
            "2",
            "RCCB",
            ["RCCB"],
        ),
        ({"leverancier": "kmar"}, "openbare_orde", "3", "RCCB", ["RCCB", "BURGEMEESTER", "RCCB"]),
        (
            {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True},
            "openbare_orde",
            "4",
            "RCCB",
            ["RCCB", "BURGEMEESTER", "RCCB"],
        ),
        ({"leverancier": "kmar"}, JUSTITIE, "7", "OVJ", ["OVJ", "PARKET-GENERAAL"]),
        (
            {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True},
            JUSTITIE,
            "8",
            "OVJ",
            ["OVJ", "PARKET-GENERAAL"],
        ),
    ],
)
def test_stappen_bij_spoed_eerst_telefonisch_schriftelijk_achteraf_toelichting_2_3_4_7_8(
    item: dict[str, Any],
    taak: str,
    procedure: str,
    eerste_actor: str,
    achteraf_actoren: list[str],
) -> None:
    gewoon, spoed = _routes(item, taak=taak)
    assert spoed.procedure == procedure
    eerst = spoed.stappen[0]
    assert eerst.actor == eerste_actor
    assert eerst.handeling.startswith("Spoed: ")
    achteraf = [s for s in spoed.stappen if s.handeling.startswith(ACHTERAF)]
    assert [s.actor for s in achteraf] == achteraf_actoren
    assert spoed.stappen[-len(achteraf) :] == tuple(achteraf)
    # The written steps are the ordinary ones, moved to the end.
    verplaatst = {s.handeling.removeprefix(ACHTERAF) for s in achteraf}
    assert verplaatst <= {s.handeling for s in gewoon.stappen}
    midden = spoed.stappen[1 : -len(achteraf)]
    assert all(s.handeling not in verplaatst for s in midden)
    assert [s for s in midden if s in gewoon.stappen] == list(midden)
    assert f"factsheet, toelichting {procedure}" in spoed.bronnen


def test_stappen_bij_spoed_procedure_3_exacte_volgorde_toelichting_3() -> None:
    route = enige_route({"leverancier": "kmar"}, spoed=True)
    assert actoren(route) == [
        "RCCB",
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
        "RCCB",
        "BURGEMEESTER",
        "RCCB",
    ]
    assert route.stappen[0].handeling == (
        "Spoed: het contact vindt telefonisch plaats; RCCB belt direct het LOCC (piket, 24 uur "
        "per dag bereikbaar). De schriftelijke afhandeling wordt later geformaliseerd."
    )
    assert route.stappen[-1].handeling == (
        "Achteraf (formalisering): RCCB verzendt het aanvraagformulier per e-mail naar het LOCC."
    )


@pytest.mark.parametrize(
    ("item", "velden"),
    [
        ({"leverancier": "middelen_jenv", "middel": "bewakingscontainer"}, {}),
        ({"leverancier": "middelen_jenv", "middel": "vrt_voertuig"}, {}),
        ({"leverancier": "buitenland"}, {"taak": JUSTITIE}),
        (
            {"leverancier": "krijgsmacht", "politie_uitgeput": True},
            {"taak": JUSTITIE, "convenant": True},
        ),
    ],
)
def test_stappen_bij_spoed_ongewijzigd_zonder_spoedregeling_in_factsheet(
    item: dict[str, Any], velden: dict[str, Any]
) -> None:
    gewoon, spoed = _routes(item, **velden)
    assert spoed.stappen == gewoon.stappen


def test_stappen_bij_spoed_zonder_spoed_ongewijzigd() -> None:
    s = situatie({"leverancier": "kmar"})
    route = advies_bepalen(s).routes[0]
    uitkomst = stappen_bij_spoed(s, route)
    assert uitkomst.value is route.stappen
    assert not any(st.handeling.startswith(("Spoed", ACHTERAF)) for st in route.stappen)


def test_stappen_bij_spoed_bron_is_toelichting_van_de_procedure() -> None:
    s = situatie({"leverancier": "kmar"}, spoed=True)
    route = advies_bepalen(situatie({"leverancier": "kmar"})).routes[0]
    uitkomst = stappen_bij_spoed(s, route)
    assert uitkomst.bron == factsheet("toelichting 3")
    assert uitkomst.reden == "spoed: eerst telefonisch contact, het schriftelijke verzoek achteraf"
    uit_catalogus(stappen_bij_spoed, uitkomst)


#: How the text of a step names the organisation it contacts.
_GENOEMD_ALS = {
    "LE-POB": "LE-POB",
    "LOCC": "LOCC",
    "OZI": "OZI",
    "NCTV-DB3": "(DB3) van de NCTV",
    "OVJ": "officier van justitie",
}
_KRIJGSMACHT = {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True}


@pytest.mark.parametrize("spoed", [False, True])
@pytest.mark.parametrize(
    ("item", "taak", "eerste", "eerste_bij_spoed"),
    [
        ({"leverancier": "politie"}, "openbare_orde", "LE-POB", "LE-POB"),
        ({"leverancier": "politie"}, JUSTITIE, "LE-POB", "LE-POB"),
        ({"leverancier": "middelen_jenv", "middel": "waterwerper"}, JUSTITIE, "LOCC", "LOCC"),
        ({"leverancier": "middelen_jenv", "middel": "vrt_voertuig"}, JUSTITIE, *["NCTV-DB3"] * 2),
        ({"leverancier": "kmar"}, "openbare_orde", "LOCC", "LOCC"),
        ({"leverancier": "kmar"}, JUSTITIE, "LE-POB", "OZI"),
        (_KRIJGSMACHT, "openbare_orde", "LE-POB", "LE-POB"),
        (_KRIJGSMACHT, JUSTITIE, "LE-POB", "OZI"),
        ({"leverancier": "buitenland"}, "openbare_orde", "LE-POB", "LE-POB"),
        ({"leverancier": "buitenland"}, JUSTITIE, "OVJ", "OVJ"),
    ],
)
def test_contacten_bij_spoed_eerste_contact_is_wie_de_eerste_stap_belt(
    item: dict[str, Any], taak: str, eerste: str, eerste_bij_spoed: str, spoed: bool
) -> None:
    route = enige_route(item, taak=taak, spoed=spoed)
    verwacht = eerste_bij_spoed if spoed else eerste
    assert route.contacten[0] == verwacht
    # The first step that is not optional contacts that organisation.
    stap = next(s for s in route.stappen if not s.handeling.startswith("Optioneel"))
    assert _GENOEMD_ALS[verwacht] in stap.handeling, stap.handeling


@pytest.mark.parametrize("item", [{"leverancier": "kmar"}, _KRIJGSMACHT])
def test_contacten_bij_spoed_procedures_7_en_8_ozi_eerst_toelichting_7(
    item: dict[str, Any],
) -> None:
    gewoon, spoed = _routes(item, taak=JUSTITIE)
    assert gewoon.contacten == ("LE-POB", "OVJ", "PARKET-GENERAAL")
    assert spoed.contacten == ("OZI", "LE-POB", "OVJ", "PARKET-GENERAAL")
    assert spoed.stappen[0].actor == "OVJ"
    assert "telefonisch" in spoed.stappen[0].handeling
    assert "OZI (piket)" in spoed.stappen[0].handeling


def test_contacten_bij_spoed_regel_en_bron() -> None:
    s = situatie({"leverancier": "kmar"}, taak=JUSTITIE, spoed=True)
    route = advies_bepalen(situatie({"leverancier": "kmar"}, taak=JUSTITIE)).routes[0]
    uitkomst = contacten_bij_spoed(s, route)
    assert uitkomst.value == ("OZI", "LE-POB", "OVJ", "PARKET-GENERAAL")
    assert uitkomst.bron == factsheet("toelichting 7")
    assert uitkomst.reden == "spoed: eerst telefonisch contact met OZI"
    uit_catalogus(contacten_bij_spoed, uitkomst)
    zonder = contacten_bij_spoed(situatie({"leverancier": "kmar"}, taak=JUSTITIE), route)
    assert zonder.value is route.contacten


def test_contacten_bij_spoed_convenant_procedure_8_ongewijzigd() -> None:
    velden = {"taak": JUSTITIE, "convenant": True}
    gewoon, spoed = _routes({"leverancier": "krijgsmacht", "politie_uitgeput": True}, **velden)
    assert spoed.contacten == gewoon.contacten == ("LE-POB", "OVJ", "PARKET-GENERAAL")
