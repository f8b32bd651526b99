"""The gates towards Defence THROUGH THE SERVICES, by users of the right organisations.

Procedures 3, 4, 7 and 8 (issue #8, items 1, 4 and 5): DJZ's refusal binds and is only passed
on, with Defence's reasons, to the requester; the coordinator records Defence's standpoint and
agreement (Pw 2012 art. 57 lid 2 and 3, art. 58 lid 2); LE-POB's check that the police are
exhausted records its outcome and a negative one stops the route; procedure 8 informs the
korpsleiding through LE-POB on every route (footnote 4). Requests of Midden-Nederland for
Utrecht (``RCCB-MN``, burgemeester ``GM0344``, officier van justitie ``OM-MN``).
"""

from __future__ import annotations

from typing import Any

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services, workflow
from politiebijstand.verzoeken.constants import DeelverzoekStatus, VerzoekStatus
from politiebijstand.verzoeken.exceptions import OngeldigeInvoer
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelverzoek,
    GevraagdeInzet,
    Taak,
)
from politiebijstand.verzoeken.ui.forms import BesluitForm
from tests.procedures.doorloop import Fase, fasen
from tests.procedures.test_doorloop import P4_NA_FORMULIER
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken.test_procedures import (
    KRIJGSMACHT,
    KRIJGSMACHT_JUSTITIE,
    MN_UTRECHT,
    P4_ANTWOORDEN,
    P8_ANTWOORDEN,
    assert_walk,
    enig_deel,
    justitie,
)
from tests.verzoeken.test_services import toestand

pytestmark = pytest.mark.usefixtures("referentiedata")

DJZ_AFGEWEZEN = {"uitkomst": "afgewezen", "motivering": "Geen eenheid beschikbaar."}
#: Procedure 4 up to DJZ informing the LOCC (normal path).
P4_TOT_DJZ: list[Fase] = [
    "RCCB",  # lokaal operationeel vooroverleg RCCB en OVR
    "RCCB",  # RCCB neemt contact op met LE-POB.
    "LE-POB",  # Deze toetst of de Nationale politie daadwerkelijk is uitgeput
    "LE-POB",  # LE-POB geeft toestemming en informeert RCCB en LOCC
    "RCCB",  # RCCB stelt het aanvraagformulier op
    "BURGEMEESTER",  # ondertekend door of namens de burgemeester
    "RCCB",  # RCCB verzendt het aanvraagformulier naar het LOCC
    *P4_NA_FORMULIER[:6],  # LOCC ... DJZ besluit, DJZ informeert het LOCC
]
#: Procedure 8 up to DJZ informing OZI (normal path).
P8_TOT_DJZ: list[Fase] = [
    "RCCB",  # RCCB neemt contact op met LE-POB.
    "LE-POB",  # Deze afdeling toetst of de Nationale politie daadwerkelijk is uitgeput
    "LE-POB",  # LE-POB informeert RCCB en LOCC
    "OVJ",  # de (hoofd)officier van justitie neemt contact op met het College
    "PARKET-GENERAAL",  # het Parket-Generaal leidt de aanvraag aan OZI
    "OZI",  # verzoek aan DJZ, tegelijk in afschrift aan DOC (één handeling)
    "DJZ",  # DJZ besluit namens de Minister van Defensie
    "DJZ",  # DJZ informeert OZI over het genomen besluit
]
STANDPUNT = "Defensie stemt in met de gevraagde inzet."


def _tot(verzoek: Bijstandsverzoek, bpmn_id: str, antwoorden: dict[str, Any]) -> Taak:
    """Walk the request through the services until `bpmn_id` is open, and return it."""
    for _ in range(40):
        taken = open_taken(verzoek)
        for taak in taken:
            if taak.bpmn_id == bpmn_id:
                return taak
        stap_uitvoeren(taken[0], antwoorden.get(taken[0].bpmn_id), NU)
    raise AssertionError(f"{bpmn_id} not reached")


def _besluit(taak: Taak, **velden: Any) -> Besluit:
    return services.besluit_nemen(
        taak=taak,
        door=gebruiker(taak.organisatie.code, Rol.BESLUITVORMER),
        nu=NU,
        **{"motivering": "", **velden},
    )


# --- DJZ's refusal binds (procedures 4 and 8) ---------------------------------------------


@pytest.mark.parametrize(
    ("procedure", "coordinator", "tot_djz"),
    [("4", "LOCC", P4_TOT_DJZ), ("8", "OZI", P8_TOT_DJZ)],
)
def test_afwijzing_door_defensie_wordt_alleen_doorgegeven_aan_de_aanvrager(
    procedure: str, coordinator: str, tot_djz: list[Fase]
) -> None:
    verzoek = (
        maak_verzoek(situatie(gevraagd=KRIJGSMACHT))
        if procedure == "4"
        else justitie(KRIJGSMACHT_JUSTITIE)
    )
    antwoorden = {**P4_ANTWOORDEN, **P8_ANTWOORDEN, "taak_besluit_defensie": DJZ_AFGEWEZEN}
    doorgeven = _tot(verzoek, "taak_afwijzing_defensie_doorgeven", antwoorden)
    # Only the pass-on is offered: no decision of the coordinator's own.
    assert [(t.bpmn_id, t.organisatie.code) for t in open_taken(verzoek)] == [
        ("taak_afwijzing_defensie_doorgeven", coordinator)
    ]
    assert doorgeven.is_besluit
    voor = toestand()
    for uitkomst in ("toegekend", "deels_toegekend"):
        with pytest.raises(OngeldigeInvoer) as exc:
            _besluit(doorgeven, uitkomst=uitkomst, motivering="Toch wel.")
        assert (exc.value.veld, exc.value.message) == (
            "uitkomst",
            "deze stap kan alleen afgewezen vastleggen",
        )
    assert toestand() == voor
    # A refusal carries no conditions of a grant (a user trial saved one unseen).
    with pytest.raises(OngeldigeInvoer) as exc:
        _besluit(doorgeven, uitkomst="afgewezen", voorwaarden="Toch 3 eenheden inzetten.")
    assert (exc.value.veld, exc.value.message) == (
        "voorwaarden",
        "voorwaarden horen bij een (gedeeltelijke) toekenning, niet bij een afwijzing",
    )
    assert toestand() == voor
    form = BesluitForm(
        regels=list(GevraagdeInzet.objects.filter(deelverzoek=doorgeven.deelverzoek)),
        velden=doorgeven.velden,
        afwijzing_doorgeven=True,
    )
    assert sorted(form.fields) == ["motivering", "uitkomst"]

    besluit = _besluit(doorgeven, uitkomst="afgewezen")
    assert besluit.organisatie.code == coordinator
    assert besluit.motivering == (
        "Afgewezen door de Minister van Defensie (DJZ): Geen eenheid beschikbaar."
    )
    deel = enig_deel(verzoek)
    assert (deel.status, deel.besluit) == (DeelverzoekStatus.AFGEWEZEN, "afgewezen")
    assert open_taken(verzoek) == []
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.BESLOTEN
    berichten = list(Bericht.objects.filter(soort="besluit-genomen", object_id=str(besluit.pk)))
    # The requester, the competent authority and the municipality (procedure 8: Utrecht); a
    # party without an account gets the letter as PDF in a message of its own (ADR 0036).
    assert sorted(o.code for b in berichten for o in b.ontvangers.all()) == (
        ["GM0344", "RCCB-MN"] if procedure == "4" else ["GM0344", "OM-MN", "RCCB-MN"]
    )
    # Defence's reasons stay on the request, behind the link (issue #10, item 5).
    for bericht in berichten:
        assert "Geen eenheid beschikbaar" not in bericht.inhoud
        assert "De motivering en eventuele voorwaarden staan bij het verzoek." in bericht.inhoud


def test_procedure_4_afwijzing_door_defensie_volgorde_van_organisaties() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT))
    antwoorden: dict[str, dict[str, Any]] = {
        **P4_ANTWOORDEN,
        "taak_besluit_defensie": DJZ_AFGEWEZEN,
        "taak_afwijzing_defensie_doorgeven": {"uitkomst": "afgewezen", "motivering": ""},
    }
    walk = doorlopen(verzoek, antwoorden)
    assert_walk(walk, [*P4_TOT_DJZ, "LOCC"], MN_UTRECHT)
    assert walk.taken[-1] == "taak_afwijzing_defensie_doorgeven"
    assert "taak_besluit_locc" not in walk.taken


def test_procedure_8_afwijzing_door_defensie_volgorde_van_organisaties() -> None:
    verzoek = justitie(KRIJGSMACHT_JUSTITIE)
    antwoorden: dict[str, dict[str, Any]] = {
        **P8_ANTWOORDEN,
        "taak_besluit_defensie": DJZ_AFGEWEZEN,
        "taak_afwijzing_defensie_doorgeven": {"uitkomst": "afgewezen", "motivering": ""},
    }
    walk = doorlopen(verzoek, antwoorden)
    assert_walk(walk, [*P8_TOT_DJZ, "OZI"], MN_UTRECHT)
    assert "taak_besluit_ozi" not in walk.taken
    assert "taak_korpsleiding_informeren" not in walk.taken


def test_na_gedeeltelijke_toekenning_door_defensie_niet_meer_toekennen() -> None:
    verzoek = maak_verzoek(
        situatie(gevraagd=KRIJGSMACHT),
        regels=(services.InzetRegel("Genie-peloton", 4), services.InzetRegel("Helikopter", 1)),
    )
    genie, heli = Deelverzoek.objects.get(verzoek=verzoek).regels.order_by("volgnummer")
    djz = _tot(verzoek, "taak_besluit_defensie", P4_ANTWOORDEN)
    _besluit(
        djz,
        uitkomst="deels_toegekend",
        motivering="Twee pelotons; geen helikopter.",
        regels=(
            services.RegelBesluit(genie.pk, "toegekend", toegekend_aantal=2),
            services.RegelBesluit(heli.pk, "afgewezen"),
        ),
    )
    locc = _tot(verzoek, "taak_besluit_locc", {})
    defensie = {"standpunt_defensie": STANDPUNT, "overeenstemming_defensie": True}
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        _besluit(locc, uitkomst="toegekend", **defensie)
    assert (exc.value.veld, exc.value.code) == ("regels[0].toegekend_aantal", "meer-dan-defensie")
    assert exc.value.message == (
        "de Minister van Defensie (DJZ) heeft voor '4 Genie-peloton' 2 toegekend, niet 4"
    )
    with pytest.raises(OngeldigeInvoer) as exc:
        _besluit(
            locc,
            uitkomst="deels_toegekend",
            motivering="Twee pelotons en de helikopter.",
            regels=(
                services.RegelBesluit(genie.pk, "toegekend", toegekend_aantal=2),
                services.RegelBesluit(heli.pk, "toegekend"),
            ),
            **defensie,
        )
    assert (exc.value.veld, exc.value.code) == ("regels[1]", "meer-dan-defensie")
    assert exc.value.message == (
        "'1 Helikopter' is door de Minister van Defensie (DJZ) afgewezen en kan niet worden "
        "toegekend"
    )
    assert toestand() == voor
    besluit = _besluit(
        locc,
        uitkomst="deels_toegekend",
        motivering="Zoals Defensie toekende.",
        regels=(
            services.RegelBesluit(genie.pk, "toegekend", toegekend_aantal=2),
            services.RegelBesluit(heli.pk, "afgewezen"),
        ),
        **defensie,
    )
    assert [(r.regel_id, r.uitkomst, r.toegekend_aantal) for r in besluit.regels.all()] == [
        (genie.pk, "toegekend", 2),
        (heli.pk, "afgewezen", None),
    ]


# --- the coordinator records Defence's standpoint and agreement (3, 4, 7, 8) --------------


def _verzoek(procedure: str, **velden: Any) -> Bijstandsverzoek:
    if procedure == "3":
        return maak_verzoek(situatie(**velden))
    if procedure == "4":
        return maak_verzoek(situatie(gevraagd=KRIJGSMACHT, **velden))
    if procedure == "7":
        return justitie([{"leverancier": "kmar"}], **velden)
    return justitie(KRIJGSMACHT_JUSTITIE, **velden)


BESLUIT_TAAK = {
    "3": "taak_besluit_locc",
    "4": "taak_besluit_locc",
    "7": "taak_besluit_ozi",
    "8": "taak_besluit_ozi",
}
TOT_BESLUIT = {**P4_ANTWOORDEN, **P8_ANTWOORDEN}


@pytest.mark.parametrize("procedure", ["3", "4", "7", "8"])
@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"overeenstemming_defensie": True}, "standpunt_defensie", "is verplicht"),
        (
            {"standpunt_defensie": " ", "overeenstemming_defensie": True},
            "standpunt_defensie",
            "is verplicht",
        ),
        (
            {"standpunt_defensie": STANDPUNT},
            "overeenstemming_defensie",
            "kies ja of nee: stemt de Minister van Defensie in met de wijze van bijstand?",
        ),
    ],
)
def test_besluit_zonder_standpunt_of_overeenstemming_wordt_geweigerd(
    procedure: str, velden: dict[str, Any], veld: str, melding: str
) -> None:
    taak = _tot(_verzoek(procedure), BESLUIT_TAAK[procedure], TOT_BESLUIT)
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        _besluit(taak, uitkomst="toegekend", **velden)
    assert (exc.value.veld, exc.value.message) == (veld, melding)
    assert toestand() == voor


@pytest.mark.parametrize("procedure", ["3", "4", "7", "8"])
def test_zonder_overeenstemming_alleen_afwijzen(procedure: str) -> None:
    verzoek = _verzoek(procedure)
    taak = _tot(verzoek, BESLUIT_TAAK[procedure], TOT_BESLUIT)
    voor = toestand()
    geen = {"standpunt_defensie": "Niet met deze wijze.", "overeenstemming_defensie": False}
    with pytest.raises(OngeldigeInvoer) as exc:
        _besluit(taak, uitkomst="toegekend", **geen)
    assert (exc.value.veld, exc.value.code) == (
        "overeenstemming_defensie",
        "overeenstemming-defensie-ontbreekt",
    )
    assert exc.value.message == (
        "zonder overeenstemming met de Minister van Defensie kan niet worden bepaald op welke "
        "wijze bijstand wordt verleend (Pw 2012 art. 57 lid 3, art. 58 lid 2): alleen afwijzen "
        "is mogelijk"
    )
    assert toestand() == voor
    besluit = _besluit(taak, uitkomst="afgewezen", motivering="Geen overeenstemming.", **geen)
    assert besluit.beslisverslag["defensie"]["overeenstemming_defensie"] is False
    assert enig_deel(verzoek).status == DeelverzoekStatus.AFGEWEZEN


@pytest.mark.parametrize(
    ("procedure", "maatstaf", "namens", "grondslag"),
    [
        (
            "3",
            workflow.MAATSTAF_DEFENSIE[("3", "besluit")],
            "na overleg met de Minister van Defensie (of) en in overeenstemming met de Minister "
            "van Defensie (op welke wijze)",
            "Politiewet 2012 art. 57 lid 2 en 3",
        ),
        (
            "4",
            workflow.MAATSTAF_DEFENSIE[("4", "besluit")],
            "in overeenstemming met de Minister van Defensie",
            "Politiewet 2012 art. 58 lid 1 en 2",
        ),
        (
            "7",
            workflow.MAATSTAF_DEFENSIE[("7", "besluit")],
            "na overleg met de Minister van Defensie (of) en in overeenstemming met de Minister "
            "van Defensie (op welke wijze)",
            "Politiewet 2012 art. 57 lid 2 en 3",
        ),
        (
            "8",
            workflow.MAATSTAF_DEFENSIE[("8", "besluit")],
            "in overeenstemming met de Minister van Defensie",
            "Politiewet 2012 art. 58 lid 1 en 2",
        ),
    ],
)
def test_besluit_legt_standpunt_overeenstemming_en_maatstaf_vast(
    procedure: str, maatstaf: str, namens: str, grondslag: str
) -> None:
    taak = _tot(_verzoek(procedure), BESLUIT_TAAK[procedure], TOT_BESLUIT)
    besluit = _besluit(
        taak, uitkomst="toegekend", standpunt_defensie=STANDPUNT, overeenstemming_defensie=True
    )
    assert besluit.namens == f"namens de Minister van Justitie en Veiligheid, {namens}"
    assert besluit.grondslag == grondslag
    beslisverslag = besluit.beslisverslag
    assert isinstance(beslisverslag, dict)
    assert beslisverslag["defensie"] == {
        "standpunt_defensie": STANDPUNT,
        "overeenstemming_defensie": True,
        "maatstaf": maatstaf,
        "besluit_defensie": "toegekend" if procedure in ("4", "8") else None,
    }
    gegevens = Taak.objects.get(pk=taak.pk).gegevens
    assert gegevens is not None
    assert gegevens["standpunt_defensie"] == STANDPUNT


def test_maatstaf_noemt_57_lid_3_en_58_lid_2() -> None:
    assert "Art. 57 lid 3: op welke wijze" in workflow.maatstaf_defensie("3", "besluit")
    assert "Art. 57 lid 3: op welke wijze" in workflow.maatstaf_defensie("7", "besluit")
    assert "art. 58 lid 2" in workflow.maatstaf_defensie("4", "besluit")
    assert "art. 58 lid 2" in workflow.maatstaf_defensie("8", "besluit")
    assert workflow.maatstaf_defensie("1", "besluit") == ""
    assert workflow.erratum_besluit("4", "besluit").startswith("Erratum factsheet: toelichting 4")
    assert workflow.erratum_besluit("8", "besluit") == ""


# --- normal and urgent paths --------------------------------------------------------------


def test_procedure_4_normaal_met_standpunt_van_defensie() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT))
    walk = doorlopen(verzoek, P4_ANTWOORDEN)
    assert_walk(walk, [*P4_TOT_DJZ, "LOCC", "LOCC"], MN_UTRECHT)
    besluit = enig_deel(verzoek).besluiten.get(veld="besluit")
    assert besluit.beslisverslag["defensie"]["standpunt_defensie"] == "Defensie stemt in."


def test_procedure_4_spoed_met_standpunt_van_defensie() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT, spoed=True))
    walk = doorlopen(verzoek, P4_ANTWOORDEN)
    assert_walk(walk, ["RCCB", ("BURGEMEESTER", "LE-POB"), "LE-POB", *P4_NA_FORMULIER], MN_UTRECHT)
    assert enig_deel(verzoek).status == DeelverzoekStatus.TOEGEKEND


# --- LE-POB's check that the police are exhausted (4 and 8) -------------------------------

NIET_UITGEPUT = {"politie_uitgeput": False, "motivering": "Eenheid Oost heeft nog capaciteit."}


@pytest.mark.parametrize(
    ("procedure", "verwacht"),
    [("4", ["RCCB", "RCCB", "LE-POB"]), ("8", ["RCCB", "LE-POB"])],
)
def test_politie_niet_uitgeput_stopt_en_de_aanvrager_hoort_waarom(
    procedure: str, verwacht: list[Fase]
) -> None:
    verzoek = _verzoek(procedure)
    walk = doorlopen(verzoek, {"taak_uitputting_toetsen": NIET_UITGEPUT})
    assert_walk(walk, verwacht, MN_UTRECHT)
    deel = enig_deel(verzoek)
    assert deel.status == DeelverzoekStatus.AFGESLOTEN
    laatste = deel.statuswijzigingen.order_by("-op", "-id").first()
    assert laatste is not None
    assert laatste.toelichting == (
        "procedure beëindigd zonder besluit (eind_politie_niet_uitgeput)"
    )
    taak = Taak.objects.get(deelverzoek=deel, bpmn_id="taak_uitputting_toetsen")
    bericht = Bericht.objects.get(soort="stap-afgerond", object_id=str(taak.pk))
    assert sorted(o.code for o in bericht.ontvangers.all()) == sorted(
        ["RCCB-MN", verzoek.bevoegd_gezag.code]
    )
    assert (
        "Uitkomst: de politie is niet uitgeput; de route stopt. De redenen staan bij het "
        "verzoek." in bericht.inhoud
    )
    assert "Eenheid Oost" not in bericht.inhoud  # the motivering stays on the request


def test_uitputting_zonder_uitkomst_wordt_geweigerd_met_veldnaam() -> None:
    verzoek = _verzoek("8")
    taak = _tot(verzoek, "taak_uitputting_toetsen", {})
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(
            taak=taak,
            data={"politie_uitgeput": True, "motivering": "  "},
            door=gebruiker("LE-POB"),
            nu=NU,
        )
    assert (exc.value.veld, exc.value.message) == ("motivering", "is verplicht")
    assert toestand() == voor


# --- procedure 8 informs the korpsleiding on every route (footnote 4) ---------------------


@pytest.mark.parametrize(
    ("velden", "verwacht"),
    [
        ({}, [*P8_TOT_DJZ, "OZI", "LE-POB"]),
        (
            {"spoed": True},
            ["OVJ", ("OVJ", "RCCB"), "LE-POB", "LE-POB", *P8_TOT_DJZ[5:], "OZI", "LE-POB"],
        ),
        ({"convenant": True}, ["LE-POB"]),
    ],
)
def test_procedure_8_korpsleiding_altijd_geinformeerd(
    velden: dict[str, Any], verwacht: list[Fase]
) -> None:
    verzoek = justitie(KRIJGSMACHT_JUSTITIE, **velden)
    walk = doorlopen(verzoek, P8_ANTWOORDEN)
    assert_walk(walk, verwacht, MN_UTRECHT)
    assert walk.taken[-1] == "taak_korpsleiding_informeren"
    taak = Taak.objects.get(verzoek=verzoek, bpmn_id="taak_korpsleiding_informeren")
    bericht = Bericht.objects.get(soort="stap-afgerond", object_id=str(taak.pk))
    assert [o.code for o in bericht.ontvangers.all()] == ["KORPSCHEF"]
    assert walk.lanes == fasen(*verwacht)
