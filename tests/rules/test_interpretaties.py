"""One test per interpretation fixed in docs/contract/advies.md ("Interpretations fixed here")."""

from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.rules import (
    AdviesUitkomst,
    Gezag,
    Indiener,
    OngeldigeSituatie,
    Zienswijze,
    situatie_from_dict,
)
from politiebijstand.rules.gemeenten import gemeenten
from politiebijstand.rules.politiewet_2012.bijstand_krijgsmacht import CONVENANT_WAARSCHUWING
from politiebijstand.rules.politiewet_2012.bijstand_middelen import OEFENING_WAARSCHUWING
from politiebijstand.rules.politiewet_2012.bijstand_spoed import ACHTERAF
from tests.rules.maak import actoren, advies, enige_route

JUSTITIE = "strafrechtelijke_handhaving"
KRIJGSMACHT_SPECIALISME = {"leverancier": "krijgsmacht", "specialisme_niet_beschikbaar": True}


def test_interpretatie_1_volgorde_eigen_capaciteit_minister_geen_politietaak_bijstand() -> None:
    # Invalid input is an error first, even when own capacity suffices.
    with pytest.raises(OngeldigeSituatie) as fout:
        situatie_from_dict({"eigen_capaciteit_toereikend": True, "taak": "openbare_orde", "x": 1})
    assert fout.value.veld == "x"
    # Own capacity comes before the minister's tasks and before "no police task"; gezag is
    # still derived from the task.
    eigen = advies(eigen_capaciteit_toereikend=True, taak="vreemdelingentoezicht")
    assert (eigen.uitkomst, eigen.gezag, eigen.routes) == (
        AdviesUitkomst.EIGEN_CAPACITEIT,
        Gezag.MINISTER_JENV,
        (),
    )
    eigen = advies(eigen_capaciteit_toereikend=True, taak=JUSTITIE)
    assert (eigen.uitkomst, eigen.gezag) == (
        AdviesUitkomst.EIGEN_CAPACITEIT,
        Gezag.OFFICIER_VAN_JUSTITIE,
    )
    eigen = advies(
        eigen_capaciteit_toereikend=True, taak="geen_politietaak", aanvrager="burgemeester"
    )
    assert (eigen.uitkomst, eigen.gezag) == (AdviesUitkomst.EIGEN_CAPACITEIT, None)
    assert eigen.bronnen[0] == "factsheet, stroomschema stap 1"
    # The minister's own tasks, whatever was asked.
    minister = advies({"leverancier": "kmar"}, taak="bewaking_en_beveiliging_rijksdomein")
    assert (minister.uitkomst, minister.gezag, minister.routes) == (
        AdviesUitkomst.GEZAG_MINISTER,
        Gezag.MINISTER_JENV,
        (),
    )
    assert minister.bronnen[-1] == "factsheet, Politie en bevoegd gezag, voetnoot 2"
    # No police task: steunverlening for a burgemeester, not possible for an officier.
    steun = advies(taak="geen_politietaak", aanvrager="burgemeester")
    assert (steun.uitkomst, steun.gezag) == (AdviesUitkomst.MILITAIRE_STEUNVERLENING, None)
    niet = advies(taak="geen_politietaak", aanvrager="officier_van_justitie")
    assert (niet.uitkomst, niet.gezag) == (AdviesUitkomst.NIET_MOGELIJK, None)
    with pytest.raises(OngeldigeSituatie) as fout:
        situatie_from_dict({"eigen_capaciteit_toereikend": False, "taak": "geen_politietaak"})
    assert fout.value.veld == "aanvrager"
    # Otherwise bijstand, also when no route is allowed.
    geweigerd = advies({"leverancier": "krijgsmacht"})
    assert geweigerd.uitkomst is AdviesUitkomst.BIJSTAND
    assert [r.toegestaan for r in geweigerd.routes] == [False]


def test_interpretatie_2_hulpverlening_en_vermissing_via_pad_a_of_b() -> None:
    for velden in (
        {"taak": "hulpverlening"},
        {"taak": "vermissing", "indicatie_misdrijf": False},
    ):
        a = advies({"leverancier": "kmar"}, **velden)
        assert a.gezag is Gezag.BURGEMEESTER
        assert [r.procedure for r in a.routes] == ["3"]
        assert any("56 lid 1 (procedure 1)" in w for w in a.waarschuwingen)
        assert not any("57 lid 1 en 58 lid 1 spreken" in w for w in a.waarschuwingen)
    b = advies(
        {"leverancier": "politie"},
        {"leverancier": "kmar"},
        KRIJGSMACHT_SPECIALISME,
        taak="vermissing",
        indicatie_misdrijf=True,
    )
    assert b.gezag is Gezag.OFFICIER_VAN_JUSTITIE
    assert [r.procedure for r in b.routes] == ["6", "7", "8"]
    assert "factsheet, toelichting 12" in b.bronnen
    assert not any("56 lid 1 (procedure 1)" in w for w in b.waarschuwingen)


def test_interpretatie_3_errata_procedure_6_en_toelichting_12() -> None:
    a = advies({"leverancier": "politie"}, taak=JUSTITIE)
    assert a.routes[0].indiener is Indiener.OFFICIER_VAN_JUSTITIE
    erratum_6 = [w for w in a.waarschuwingen if w.startswith("Erratum factsheet: de stappen")]
    assert len(erratum_6) == 1
    assert "Pw 2012 art. 56 lid 2" in erratum_6[0]
    assert "door de burgemeester ingediend" in erratum_6[0]
    v = advies({"leverancier": "kmar"}, taak="vermissing", indicatie_misdrijf=True)
    assert [r.procedure for r in v.routes] == ["7"]
    erratum_12 = [w for w in v.waarschuwingen if w.startswith("Erratum factsheet: toelichting 12")]
    assert len(erratum_12) == 1
    assert "8 of 9" in erratum_12[0]
    # Not for a missing person without military assistance.
    p = advies({"leverancier": "politie"}, taak="vermissing", indicatie_misdrijf=True)
    assert not any("toelichting 12" in w for w in p.waarschuwingen)


@pytest.mark.parametrize(
    ("taak", "regio", "spoed", "procedure", "zienswijze"),
    [
        ("openbare_orde", False, False, "1", Zienswijze.VEREIST),
        ("openbare_orde", False, True, "1", Zienswijze.NIET_VEREIST_SPOED),
        ("openbare_orde", True, False, "1", Zienswijze.NIET_VAN_TOEPASSING),
        ("openbare_orde", True, True, "1", Zienswijze.NIET_VAN_TOEPASSING),
        (JUSTITIE, False, False, "6", Zienswijze.VEREIST),
        (JUSTITIE, True, False, "6", Zienswijze.VEREIST),
        (JUSTITIE, False, True, "6", Zienswijze.NIET_VEREIST_SPOED),
        (JUSTITIE, True, True, "6", Zienswijze.NIET_VEREIST_SPOED),
    ],
)
def test_interpretatie_4_zienswijze_regioburgemeester_procedures_1_en_6(
    taak: str, regio: bool, spoed: bool, procedure: str, zienswijze: Zienswijze
) -> None:
    route = enige_route(
        {"leverancier": "politie"}, taak=taak, aanvrager_is_regioburgemeester=regio, spoed=spoed
    )
    assert route.procedure == procedure
    assert route.zienswijze_regioburgemeester is zienswijze
    assert ("REGIOBURGEMEESTER" in actoren(route)) is (zienswijze is Zienswijze.VEREIST)
    # Only procedures 1 and 6 carry a zienswijze.
    for item in ({"leverancier": "kmar"}, KRIJGSMACHT_SPECIALISME, {"leverancier": "buitenland"}):
        assert enige_route(item, taak=taak, spoed=spoed).zienswijze_regioburgemeester is None


@pytest.mark.parametrize(
    ("taak", "voorwaarden", "toegestaan"),
    [
        ("openbare_orde", {"specialisme_niet_beschikbaar": True}, True),
        ("openbare_orde", {"politie_uitgeput": True, "kmar_uitgeput": True}, True),
        ("openbare_orde", {"politie_uitgeput": True}, False),
        ("openbare_orde", {"kmar_uitgeput": True}, False),
        ("openbare_orde", {}, False),
        (JUSTITIE, {"specialisme_niet_beschikbaar": True}, True),
        (JUSTITIE, {"politie_uitgeput": True}, True),
        (JUSTITIE, {"kmar_uitgeput": True}, False),
        (JUSTITIE, {}, False),
    ],
)
def test_interpretatie_5_voorwaarden_krijgsmacht_en_kmar_zonder_uitputting(
    taak: str, voorwaarden: dict[str, bool], toegestaan: bool
) -> None:
    a = advies({"leverancier": "krijgsmacht", **voorwaarden}, {"leverancier": "kmar"}, taak=taak)
    krijgsmacht, kmar = a.routes
    assert krijgsmacht.toegestaan is toegestaan
    assert bool(krijgsmacht.bezwaren) is not toegestaan
    assert all("Pw 2012 art. 58 lid 1" in b for b in krijgsmacht.bezwaren)
    assert (kmar.toegestaan, kmar.bezwaren) == (True, ())
    # The advice says which condition it applied.
    procedure = krijgsmacht.procedure
    assert sum(w.startswith(f"Krijgsmacht, procedure {procedure}, ") for w in a.waarschuwingen) == 1
    assert any("Toegepaste voorwaarde" in w for w in a.waarschuwingen)


def test_interpretatie_6_middelen_rccb_waterwerper_locc_containers_db3_oefening() -> None:
    a = advies(
        {"leverancier": "middelen_jenv", "middel": "waterwerper", "oefening": True},
        {"leverancier": "middelen_jenv", "middel": "bewakingscontainer"},
        {"leverancier": "middelen_jenv", "middel": "vrt_voertuig"},
    )
    assert [(r.middel, r.indiener, r.formulier_naar, r.besluit_door) for r in a.routes] == [
        ("waterwerper", Indiener.RCCB, "LOCC", "LOCC"),
        ("bewakingscontainer", Indiener.RCCB, "NCTV-DB3", "NCTV-DB3"),
        ("vrt_voertuig", Indiener.RCCB, "NCTV-DB3", "NCTV-DB3"),
    ]
    assert all(r.procedure == "2" and r.grondslag is None for r in a.routes)
    assert OEFENING_WAARSCHUWING in a.waarschuwingen
    echt = advies({"leverancier": "middelen_jenv", "middel": "waterwerper"})
    assert OEFENING_WAARSCHUWING not in echt.waarschuwingen


@pytest.mark.parametrize(("taak", "procedure"), [("openbare_orde", "1"), (JUSTITIE, "6")])
def test_interpretatie_7_procedures_1_en_6_naar_le_pob_besluit_korpschef(
    taak: str, procedure: str
) -> None:
    route = enige_route({"leverancier": "politie"}, taak=taak)
    assert (route.procedure, route.formulier_naar, route.besluit_door) == (
        procedure,
        "LE-POB",
        "KORPSCHEF",
    )
    assert route.stappen[-2].actor == "LE-POB"


def test_interpretatie_8_indiener_formulier_en_besluit_procedures_3_4_7_8() -> None:
    for locatiegebonden, indiener in (
        (True, Indiener.BURGEMEESTER),
        (False, Indiener.REGIOBURGEMEESTER),
    ):
        a = advies(
            {"leverancier": "kmar"}, KRIJGSMACHT_SPECIALISME, locatiegebonden=locatiegebonden
        )
        assert [(r.procedure, r.indiener, r.formulier_naar, r.besluit_door) for r in a.routes] == [
            ("3", indiener, "LOCC", "LOCC"),
            ("4", indiener, "LOCC", "LOCC"),
        ]
        # For procedure 4 the steps show DJZ deciding for the Minister of Defence first.
        stappen_4 = a.routes[1].stappen
        djz = next(i for i, s in enumerate(stappen_4) if s.actor == "DJZ")
        assert "namens de Minister van Defensie" in stappen_4[djz].handeling
        assert stappen_4[djz + 2].actor == "LOCC"
        assert "namens de Minister van Justitie en Veiligheid" in stappen_4[djz + 2].handeling
    b = advies(
        {"leverancier": "kmar"}, KRIJGSMACHT_SPECIALISME, taak=JUSTITIE, locatiegebonden=False
    )
    assert [(r.procedure, r.indiener, r.formulier_naar, r.besluit_door) for r in b.routes] == [
        ("7", Indiener.OFFICIER_VAN_JUSTITIE, "PARKET-GENERAAL", "OZI"),
        ("8", Indiener.OFFICIER_VAN_JUSTITIE, "PARKET-GENERAAL", "OZI"),
    ]


def test_interpretatie_9_buitenland_procedure_5_en_rechtshulp() -> None:
    vijf = enige_route({"leverancier": "buitenland", "land": "BE"})
    assert (vijf.procedure, vijf.indiener, vijf.formulier_naar, vijf.besluit_door) == (
        "5",
        Indiener.BURGEMEESTER,
        "LOCC",
        "LOCC",
    )
    assert vijf.contacten == ("LE-POB", "LOCC")
    assert actoren(vijf)[:2] == ["RCCB", "LE-POB"]
    rechtshulp = enige_route({"leverancier": "buitenland"}, taak=JUSTITIE)
    assert (
        rechtshulp.procedure,
        rechtshulp.indiener,
        rechtshulp.formulier,
        rechtshulp.formulier_naar,
        rechtshulp.besluit_door,
    ) == ("rechtshulp", Indiener.OFFICIER_VAN_JUSTITIE, None, None, None)


def test_interpretatie_10_convenant_verandert_alleen_stappen_van_procedure_8() -> None:
    items = ({"leverancier": "kmar"}, KRIJGSMACHT_SPECIALISME, {"leverancier": "politie"})
    zonder = advies(*items, taak=JUSTITIE)
    met = advies(*items, taak=JUSTITIE, convenant=True)
    assert met.routes[0] == zonder.routes[0]
    assert met.routes[2] == zonder.routes[2]
    acht_zonder, acht_met = zonder.routes[1], met.routes[1]
    assert acht_met.stappen != acht_zonder.stappen
    assert actoren(acht_met) == ["OVJ", "RCCB", "LE-POB"]
    assert "korpsleiding" in acht_met.stappen[-1].handeling
    for veld in ("procedure", "grondslag", "indiener", "contacten", "formulier", "besluit_door"):
        assert getattr(acht_met, veld) == getattr(acht_zonder, veld)
    assert CONVENANT_WAARSCHUWING in met.waarschuwingen
    assert CONVENANT_WAARSCHUWING not in zonder.waarschuwingen
    # Not on path A.
    a = advies(KRIJGSMACHT_SPECIALISME, convenant=True)
    assert len(a.routes[0].stappen) == len(advies(KRIJGSMACHT_SPECIALISME).routes[0].stappen)
    assert CONVENANT_WAARSCHUWING not in a.waarschuwingen


def test_interpretatie_11_formulier_per_gemeente_en_spoed_in_stappen() -> None:
    gemeenten = ["Veenendaal", "De Bilt", "Utrechtse Heuvelrug"]
    a = advies(KRIJGSMACHT_SPECIALISME, {"leverancier": "politie"}, gemeenten=gemeenten)
    (per_gemeente,) = [w for w in a.waarschuwingen if w.startswith("Bijstand in 3 gemeenten")]
    assert "procedures 1 en 4" in per_gemeente
    assert "3 formulieren per procedure" in per_gemeente
    assert "elk ondertekend door de eigen burgemeester" in per_gemeente
    enkel = advies(KRIJGSMACHT_SPECIALISME, gemeenten=["Den Haag"])
    assert not any(w.startswith("Bijstand in") for w in enkel.waarschuwingen)

    alle = (
        {"leverancier": "politie"},
        {"leverancier": "middelen_jenv", "middel": "waterwerper"},
        {"leverancier": "middelen_jenv", "middel": "bewakingscontainer"},
        {"leverancier": "kmar"},
        KRIJGSMACHT_SPECIALISME,
        {"leverancier": "buitenland"},
    )
    for taak, met_achteraf in (
        ("openbare_orde", {"2", "3", "4"}),
        (JUSTITIE, {"2", "7", "8"}),
    ):
        gewoon = advies(*alle, taak=taak)
        spoed = advies(*alle, taak=taak, spoed=True)
        for g, s in zip(gewoon.routes, spoed.routes, strict=True):
            heeft_spoed = s.procedure not in {"rechtshulp"} and s.middel != "bewakingscontainer"
            assert s.stappen[0].handeling.startswith("Spoed: ") is heeft_spoed, s.procedure
            assert not g.stappen[0].handeling.startswith("Spoed: ")
            achteraf = any(st.handeling.startswith(ACHTERAF) for st in s.stappen)
            assert achteraf is (s.procedure in met_achteraf and s.middel != "bewakingscontainer")


def _formulieren(route_json: dict[str, Any]) -> list[tuple[str | None, str, str | None]]:
    return [
        (f["gemeente"], f["indiener"], f["zienswijze_regioburgemeester"])
        for f in route_json["formulieren"]
    ]


def test_interpretatie_12_den_haag_en_wassenaar_elk_een_formulier_met_eigen_zienswijze() -> None:
    """Issue #8: Den Haag `niet_van_toepassing`, Wassenaar `vereist`; the route `vereist`."""
    a = advies({"leverancier": "politie"}, gemeenten=["Den Haag", "Wassenaar"]).to_dict()
    (route,) = a["routes"]
    assert route["procedure"] == "1"
    assert _formulieren(route) == [
        ("'s-Gravenhage", "burgemeester", "niet_van_toepassing"),
        ("Wassenaar", "burgemeester", "vereist"),
    ]
    assert route["zienswijze_regioburgemeester"] == "vereist"
    spoed = advies({"leverancier": "politie"}, gemeenten=["Den Haag", "Wassenaar"], spoed=True)
    assert [f.zienswijze_regioburgemeester for f in spoed.routes[0].formulieren] == [
        Zienswijze.NIET_VAN_TOEPASSING,
        Zienswijze.NIET_VEREIST_SPOED,
    ]
    assert spoed.routes[0].zienswijze_regioburgemeester is Zienswijze.NIET_VEREIST_SPOED


@pytest.mark.parametrize("antwoord", [True, False])
def test_interpretatie_12_met_gemeenten_telt_het_antwoord_regioburgemeester_niet(
    antwoord: bool,
) -> None:
    alleen_den_haag = enige_route(
        {"leverancier": "politie"}, gemeenten=["Den Haag"], aanvrager_is_regioburgemeester=antwoord
    )
    assert alleen_den_haag.zienswijze_regioburgemeester is Zienswijze.NIET_VAN_TOEPASSING
    assert alleen_den_haag.stappen[0].actor != "REGIOBURGEMEESTER"
    alleen_wassenaar = enige_route(
        {"leverancier": "politie"}, gemeenten=["Wassenaar"], aanvrager_is_regioburgemeester=antwoord
    )
    assert alleen_wassenaar.zienswijze_regioburgemeester is Zienswijze.VEREIST
    zonder = enige_route({"leverancier": "politie"}, aanvrager_is_regioburgemeester=antwoord)
    assert [f.to_dict() for f in zonder.formulieren] == [
        {
            "gemeente": None,
            "indiener": "burgemeester",
            "zienswijze_regioburgemeester": ("niet_van_toepassing" if antwoord else "vereist"),
        }
    ]


def test_interpretatie_12_alle_342_gemeenten_geven_342_formulieren() -> None:
    namen = [g.naam for g in gemeenten()]
    route = enige_route({"leverancier": "politie"}, gemeenten=namen)
    assert len(route.formulieren) == 342
    assert [f.gemeente for f in route.formulieren] == namen
    zienswijzen = [f.zienswijze_regioburgemeester for f in route.formulieren]
    assert zienswijzen.count(Zienswijze.NIET_VAN_TOEPASSING) == 10  # one per regional unit
    assert zienswijzen.count(Zienswijze.VEREIST) == 332


def test_interpretatie_12_andere_routes_een_formulier_zonder_gemeente() -> None:
    gemeenten_ = ["Den Haag", "Wassenaar"]
    a = advies(
        {"leverancier": "kmar"},
        {"leverancier": "middelen_jenv", "middel": "waterwerper"},
        gemeenten=gemeenten_,
    ).to_dict()
    kmar, waterwerper = a["routes"]
    assert _formulieren(kmar) == [
        ("'s-Gravenhage", "burgemeester", None),
        ("Wassenaar", "burgemeester", None),
    ]
    assert _formulieren(waterwerper) == [(None, "rccb", None)]
    primus = advies({"leverancier": "kmar"}, gemeenten=gemeenten_, locatiegebonden=False)
    assert [f.to_dict() for f in primus.routes[0].formulieren] == [
        {"gemeente": None, "indiener": "regioburgemeester", "zienswijze_regioburgemeester": None}
    ]
    justitie = advies({"leverancier": "politie"}, gemeenten=gemeenten_, taak=JUSTITIE)
    assert [f.to_dict() for f in justitie.routes[0].formulieren] == [
        {
            "gemeente": None,
            "indiener": "officier_van_justitie",
            "zienswijze_regioburgemeester": "vereist",
        }
    ]


def test_interpretatie_12_onbekende_gemeente_noemt_gemeenten_met_de_naaste_namen() -> None:
    with pytest.raises(OngeldigeSituatie) as fout:
        advies({"leverancier": "politie"}, gemeenten=["Amsterdma"])
    assert (fout.value.veld, fout.value.melding) == (
        "gemeenten[0]",
        "onbekende gemeente 'Amsterdma'; bedoelt u Amsterdam?",
    )


def test_interpretatie_13_volgorde_buiten_de_factsheet() -> None:
    personen = "bewaking_en_beveiliging_personen"
    # Own capacity still comes first; the gezag is derived from the task.
    eigen = advies(eigen_capaciteit_toereikend=True, taak=personen)
    assert (eigen.uitkomst, eigen.gezag, eigen.grondslag, eigen.besluit_door) == (
        AdviesUitkomst.EIGEN_CAPACITEIT,
        Gezag.MINISTER_JENV,
        None,
        None,
    )
    # The protection of persons: art. 56 lid 5, whatever is asked, also with the BBE flag.
    for gevraagd in ((), ({"leverancier": "politie"},), ({"leverancier": "kmar"},)):
        a = advies(*gevraagd, taak=personen, bijzondere_bijstandseenheid=True)
        assert (a.uitkomst, a.gezag, a.routes, a.besluit_door) == (
            AdviesUitkomst.BUITEN_FACTSHEET,
            Gezag.MINISTER_JENV,
            (),
            "MINISTER-JENV",
        )
        assert a.grondslag is not None
        assert (a.grondslag.artikel, a.grondslag.lid) == ("56", "5")
    # The minister's other tasks stay gezag_minister, also with the BBE flag.
    rijk = advies(
        {"leverancier": "politie"},
        taak="bewaking_en_beveiliging_rijksdomein",
        bijzondere_bijstandseenheid=True,
    )
    assert (rijk.uitkomst, rijk.grondslag, rijk.besluit_door) == (
        AdviesUitkomst.GEZAG_MINISTER,
        None,
        None,
    )
    # No police task comes before the BBE.
    steun = advies(
        taak="geen_politietaak", aanvrager="burgemeester", bijzondere_bijstandseenheid=True
    )
    assert steun.uitkomst is AdviesUitkomst.MILITAIRE_STEUNVERLENING
    # A BBE under either gezag: art. 59; under the burgemeester with a second warning.
    ovj = advies(taak=JUSTITIE, bijzondere_bijstandseenheid=True)
    bm = advies(taak="openbare_orde", bijzondere_bijstandseenheid=True)
    for a, gezag, waarschuwingen in (
        (ovj, Gezag.OFFICIER_VAN_JUSTITIE, 1),
        (bm, Gezag.BURGEMEESTER, 2),
    ):
        assert (a.uitkomst, a.gezag, a.routes, a.besluit_door) == (
            AdviesUitkomst.BUITEN_FACTSHEET,
            gezag,
            (),
            "MINISTER-JENV",
        )
        assert a.grondslag is not None
        assert (a.grondslag.artikel, a.grondslag.lid) == ("59", None)
        assert len(a.waarschuwingen) == waarschuwingen
    assert bm.waarschuwingen[1].startswith("Art. 59 laat de officier van justitie het verzoek doen")
    # Guarding persons as a justice task is unchanged: procedure 6.
    justitie = advies({"leverancier": "politie"}, taak="taken_ten_dienste_van_justitie")
    assert justitie.uitkomst is AdviesUitkomst.BIJSTAND
    assert [r.procedure for r in justitie.routes] == ["6"]
    assert (justitie.grondslag, justitie.besluit_door) == (None, None)
