"""Every procedure walked end to end: the organisations act in the factsheet's order.

Each expected list is written out from the bullets of the factsheet's "Toelichting" for that
procedure (one entry per bullet, in order; a tuple where steps run in parallel). Where the
model adds a step that is not a bullet (the korpschef's decision in 1 and 6, the phone call and
the formalisation on the urgent path), a comment says so.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from politiebijstand.procedures.engine import (
    InvalidDataError,
    beroep_mogelijk,
    beroep_startgegevens,
    completed_lanes,
    is_finished,
    procedure_start,
    reached_end_events,
    ready_tasks,
    refresh_timers,
    task_complete,
    task_data,
)
from tests.procedures.doorloop import NOW, Fase, doorloop, fasen

TOEGEKEND = {"besluit": "toegekend"}
AFGEWEZEN = {"besluit": "afgewezen"}
# The coordinator's decision in 3, 4, 7 and 8 records Defence's position and agreement.
MET_DEFENSIE = {
    "standpunt_defensie": "Defensie stemt in met de inzet.",
    "overeenstemming_defensie": True,
}
TOEGEKEND_MET_DEFENSIE = {**TOEGEKEND, **MET_DEFENSIE}
UITGEPUT = {"politie_uitgeput": True, "motivering": "Alle eenheden zijn ingezet."}
NIET_UITGEPUT = {"politie_uitgeput": False, "motivering": "Eenheid Oost heeft nog capaciteit."}


# --- procedure 1: andere eenheid, openbare orde (art. 56 lid 1) -------------------------


def test_procedure_1_normaal_met_zienswijze() -> None:
    walk = doorloop(
        "1",
        {"zienswijze_vereist": True},
        {"taak_besluit_korpschef": TOEGEKEND},
    )
    assert walk.organisaties == fasen(
        "RCCB",  # RCCB neemt contact op met LE-POB
        "RCCB",  # RCCB stelt het aanvraagformulier op
        "REGIOBURGEMEESTER",  # ... bevat tevens de zienswijze van de regioburgemeester
        "BURGEMEESTER",  # het aanvraagformulier wordt door de burgemeester ingediend
        "RCCB",  # RCCB verzendt het aanvraagformulier per e-mail naar LE-POB
        "KORPSCHEF",  # (model) de korpschef besluit op het verzoek (art. 56 lid 1, 4)
        "LE-POB",  # LE-POB coördineert de bijstand
        "LE-POB",  # LE-POB informeert het LOCC
    )
    assert walk.taken == [
        "taak_contact_le_pob",
        "taak_aanvraagformulier_opstellen",
        "taak_zienswijze_regioburgemeester",
        "taak_verzoek_indienen",
        "taak_aanvraagformulier_verzenden",
        "taak_besluit_korpschef",
        "taak_bijstand_coordineren",
        "taak_locc_informeren",
    ]
    assert reached_end_events(walk.run) == ["eind"]
    assert beroep_mogelijk(walk.run) is False


def test_procedure_1_zienswijze_overgeslagen_als_niet_vereist() -> None:
    walk = doorloop("1", {"zienswijze_vereist": False}, {"taak_besluit_korpschef": TOEGEKEND})
    assert walk.organisaties == fasen(
        "RCCB", "RCCB", "BURGEMEESTER", "RCCB", "KORPSCHEF", "LE-POB", "LE-POB"
    )
    assert "taak_zienswijze_regioburgemeester" not in walk.taken


def test_procedure_1_spoed() -> None:
    walk = doorloop(
        "1",
        {"spoed": True, "zienswijze_vereist": False},
        {"taak_besluit_korpschef": TOEGEKEND},
    )
    assert walk.organisaties == fasen(
        "RCCB",  # telefonisch contact vastgelegd (bij spoed 24 uur per dag)
        ("BURGEMEESTER", "KORPSCHEF"),  # het werk start direct || de burgemeester formaliseert
        "LE-POB",  # LE-POB coördineert de bijstand
        "LE-POB",  # LE-POB informeert het LOCC
    )
    assert walk.taken[:3] == [
        "taak_telefonisch_contact_vastgelegd",
        "taak_schriftelijk_formaliseren",
        "taak_besluit_korpschef",
    ]
    assert sorted(reached_end_events(walk.run)) == ["eind", "eind_geformaliseerd"]


def test_procedure_1_afwijzing_altijd_schriftelijk_en_maakt_beroep_mogelijk() -> None:
    walk = doorloop("1", {"zienswijze_vereist": True}, {"taak_besluit_korpschef": AFGEWEZEN})
    assert walk.organisaties == fasen(
        "RCCB",
        "RCCB",
        "REGIOBURGEMEESTER",
        "BURGEMEESTER",
        "RCCB",
        "KORPSCHEF",  # (model) de korpschef wijst af
        "KORPSCHEF",  # schriftelijk met redenen aan de aanvrager, afschrift aan DGPOL
    )
    assert walk.taken[-2:] == ["taak_besluit_korpschef", "taak_afwijzing_schriftelijk"]
    assert reached_end_events(walk.run) == ["eind_afgewezen"]
    assert beroep_mogelijk(walk.run) is True
    assert beroep_startgegevens(walk.run) == {"aanvrager": "burgemeester"}


def test_procedure_1_afwijzing_eindigt_niet_zonder_schriftelijke_afwijzing() -> None:
    run = procedure_start("1", {"zienswijze_vereist": False}, now=NOW)
    moment = NOW
    while (ready := ready_tasks(run))[0].bpmn_id != "taak_besluit_korpschef":
        moment += timedelta(minutes=1)
        task_complete(run, ready[0].task_id, {}, now=moment)
    task_complete(run, ready[0].task_id, AFGEWEZEN, now=moment)
    (taak,) = ready_tasks(run)
    assert (taak.bpmn_id, taak.lane, taak.optioneel) == (
        "taak_afwijzing_schriftelijk",
        "KORPSCHEF",
        False,
    )
    assert is_finished(run) is False
    with pytest.raises(InvalidDataError) as fout:
        task_complete(run, taak.task_id, {"overgeslagen": True, "reden": "geen tijd"}, now=moment)
    assert fout.value.field == "overgeslagen"
    assert [t.bpmn_id for t in ready_tasks(run)] == ["taak_afwijzing_schriftelijk"]
    assert reached_end_events(run) == []


def test_procedure_1_gedeeltelijke_toekenning_schriftelijk_dan_uitvoering() -> None:
    walk = doorloop(
        "1",
        {"zienswijze_vereist": False},
        {"taak_besluit_korpschef": {"besluit": "deels_toegekend"}},
    )
    assert walk.organisaties[-4:] == ["KORPSCHEF", "KORPSCHEF", "LE-POB", "LE-POB"]
    assert walk.taken[-4:] == [
        "taak_besluit_korpschef",
        "taak_afwijzing_schriftelijk",
        "taak_bijstand_coordineren",
        "taak_locc_informeren",
    ]
    assert reached_end_events(walk.run) == ["eind"]
    assert beroep_mogelijk(walk.run) is True


def test_procedure_1_toekenning_zonder_schriftelijke_afwijzing() -> None:
    walk = doorloop("1", {"zienswijze_vereist": False}, {"taak_besluit_korpschef": TOEGEKEND})
    assert "taak_afwijzing_schriftelijk" not in walk.taken


def test_procedure_1_afwijzing_dan_procedure_9_aanwijzing_en_uitvoering() -> None:
    eerste = doorloop("1", {"zienswijze_vereist": True}, {"taak_besluit_korpschef": AFGEWEZEN})
    beroep = doorloop("9", beroep_startgegevens(eerste.run), {"taak_besluit_minister": TOEGEKEND})
    assert beroep.organisaties == fasen(
        "DGPOL",  # DGPOL adviseert de minister
        "MINISTER-JENV",  # de minister geeft de nodige aanwijzingen aan de korpschef
        "KORPSCHEF",  # de korpschef informeert LE-POB
        "LE-POB",  # (als procedure 1) LE-POB coördineert de bijstand
        "LE-POB",  # (als procedure 1) LE-POB informeert het LOCC
    )
    assert beroep.taken == [
        "taak_advies_dgpol",
        "taak_besluit_minister",
        "taak_le_pob_informeren",
        "taak_bijstand_coordineren",
        "taak_locc_informeren",
    ]
    assert reached_end_events(beroep.run) == ["eind"]


@pytest.mark.parametrize("procedure", ["1", "6"])
def test_zienswijze_termijn_verstreken_het_verzoek_gaat_verder(procedure: str) -> None:
    run = procedure_start(
        procedure, {"zienswijze_vereist": True, "zienswijze_termijn": "PT12H"}, now=NOW
    )
    for _ in range(2):  # contact met LE-POB, aanvraagformulier opstellen
        task_complete(run, ready_tasks(run)[0].task_id, {}, now=NOW)
    (taak,) = ready_tasks(run)
    assert (taak.bpmn_id, taak.due) == (
        "taak_zienswijze_regioburgemeester",
        NOW + timedelta(hours=12),
    )
    assert refresh_timers(run, now=NOW + timedelta(hours=12) - timedelta(seconds=1)) == []
    assert [t.bpmn_id for t in ready_tasks(run)] == ["taak_zienswijze_regioburgemeester"]
    assert refresh_timers(run, now=NOW + timedelta(hours=12)) == ["timer_zienswijze"]
    (volgende,) = ready_tasks(run)
    indiener = "OVJ" if procedure == "6" else "BURGEMEESTER"
    assert (volgende.bpmn_id, volgende.lane) == ("taak_verzoek_indienen", indiener)
    assert task_data(run, "taak_zienswijze_regioburgemeester") is None
    assert completed_lanes(run) == ["RCCB", "RCCB"]


# --- procedure 2: middelen JenV ------------------------------------------------------------


def test_procedure_2_waterwerper_daadwerkelijke_inzet() -> None:
    walk = doorloop(
        "2_waterwerper",
        {},
        {
            "taak_aanvraag_toetsen": TOEGEKEND,
            "taak_aanvraagformulier_verzenden": {"bevoegd_gezag": "burgemeester"},
        },
    )
    assert walk.organisaties == fasen(
        "RCCB",  # RCCB neemt contact op met het LOCC
        "RCCB",  # RCCB stuurt een aanvraagformulier (met het bevoegd gezag), vóór het besluit
        "LOCC",  # het LOCC toetst de aanvraag,
        "LOCC",  # legt contact met de beheersorganisatie en coördineert de verdere inzet
    )
    assert walk.taken[1] == "taak_aanvraagformulier_verzenden"
    assert task_data(walk.run, "taak_aanvraagformulier_verzenden") == {
        "bevoegd_gezag": "burgemeester"
    }


def test_procedure_2_waterwerper_oefening_vraagt_geen_bevoegd_gezag() -> None:
    walk = doorloop(
        "2_waterwerper",
        {"oefening": True},
        {"taak_aanvraag_toetsen": TOEGEKEND},
    )
    assert walk.organisaties == fasen("RCCB", "RCCB", "LOCC", "LOCC")
    assert walk.taken[1] == "taak_aanvraagformulier_oefening_verzenden"
    assert "taak_aanvraagformulier_verzenden" not in walk.taken


def test_procedure_2_waterwerper_spoed_formulier_achteraf() -> None:
    walk = doorloop(
        "2_waterwerper",
        {"spoed": True},
        {
            "taak_aanvraag_toetsen": TOEGEKEND,
            "taak_schriftelijk_formaliseren": {"bevoegd_gezag": "burgemeester"},
        },
    )
    assert walk.organisaties == fasen(
        "RCCB",  # telefonisch contact met het LOCC vastgelegd
        ("LOCC", "RCCB"),  # het LOCC toetst || RCCB stuurt (bij spoed achteraf) het formulier
        "LOCC",  # het LOCC coördineert de verdere inzet
    )
    assert sorted(reached_end_events(walk.run)) == ["eind", "eind_geformaliseerd"]


def test_procedure_2_waterwerper_afgewezen() -> None:
    walk = doorloop(
        "2_waterwerper",
        {},
        {
            "taak_aanvraagformulier_verzenden": {"bevoegd_gezag": "burgemeester"},
            "taak_aanvraag_toetsen": AFGEWEZEN,
        },
    )
    assert walk.organisaties == fasen("RCCB", "RCCB", "LOCC")
    assert reached_end_events(walk.run) == ["eind_afgewezen"]


def test_procedure_2_container_vrt() -> None:
    walk = doorloop("2_container_vrt", {}, {"taak_inzet_toetsen": TOEGEKEND})
    assert walk.organisaties == fasen(
        "RCCB",  # RCCB neemt contact op met de piketambtenaar van DB3
        "NCTV-DB3",  # DB3 toetst de inzet en verstrekt (al dan niet) toestemming
        "RCCB",  # RCCB neemt zelf contact op met de beheersorganisatie
    )


def test_procedure_2_container_vrt_spoed_verandert_de_route_niet() -> None:
    walk = doorloop("2_container_vrt", {"spoed": True}, {"taak_inzet_toetsen": TOEGEKEND})
    assert walk.organisaties == fasen("RCCB", "NCTV-DB3", "RCCB")


def test_procedure_2_container_vrt_geen_toestemming() -> None:
    walk = doorloop("2_container_vrt", {}, {"taak_inzet_toetsen": AFGEWEZEN})
    assert walk.organisaties == fasen("RCCB", "NCTV-DB3")
    assert reached_end_events(walk.run) == ["eind_afgewezen"]


# --- procedure 3: KMar, openbare orde (art. 57 lid 1) ------------------------------------

P3_NA_FORMULIER: list[Fase] = [
    "LOCC",  # het LOCC verwerkt de aanvraag in haar capaciteitenoverzichten
    "LOCC",  # het LOCC toetst de aanvraag
    "LOCC",  # het LOCC informeert de korpschef via LE-POB
    "LOCC",  # het LOCC heeft informeel vooroverleg met DOPS-KMar
    "LOCC",  # verzoek aan DJZ en DOPS-KMar, tegelijk in afschrift aan DOC (één handeling)
    ("C-KMAR", "DJZ"),  # DJZ en Commandant KMar adviseren de SG
    "DJZ",  # DJZ informeert het LOCC namens de SG over het standpunt van Defensie
    "LOCC",  # het LOCC bepaalt of, en zo ja, op welke wijze, bijstand wordt verleend
    "LOCC",  # het LOCC informeert het RCCB en brengt RCCB en CCB-KMar in verbinding
]


def test_procedure_3_normaal() -> None:
    walk = doorloop("3", {}, {"taak_besluit_locc": TOEGEKEND_MET_DEFENSIE})
    assert walk.organisaties == fasen(
        "RCCB",  # lokaal operationeel vooroverleg RCCB en CCB-KMar
        "RCCB",  # RCCB neemt contact op met het LOCC voor informeel vooroverleg
        "RCCB",  # RCCB stelt het aanvraagformulier op
        "BURGEMEESTER",  # ondertekend door of namens de burgemeester
        "RCCB",  # RCCB verzendt het aanvraagformulier naar het LOCC
        *P3_NA_FORMULIER,
    )


def test_procedure_3_regioburgemeester_als_primus_inter_pares() -> None:
    walk = doorloop(
        "3", {"indiener": "regioburgemeester"}, {"taak_besluit_locc": TOEGEKEND_MET_DEFENSIE}
    )
    assert walk.organisaties == fasen(
        "RCCB", "RCCB", "RCCB", "REGIOBURGEMEESTER", "RCCB", *P3_NA_FORMULIER
    )


def test_procedure_3_vooroverleg_overgeslagen_met_reden() -> None:
    skip = {"overgeslagen": True, "reden": "CCB-KMar niet bereikbaar"}
    walk = doorloop(
        "3", {}, {"taak_vooroverleg_ccb_kmar": skip, "taak_besluit_locc": TOEGEKEND_MET_DEFENSIE}
    )
    assert walk.organisaties[0] == "RCCB"
    assert walk.run.steps[0].bpmn_id == "taak_vooroverleg_ccb_kmar"
    assert walk.run.steps[0].overgeslagen is True
    assert [s.overgeslagen for s in walk.run.steps[1:]] == [False] * (len(walk.run.steps) - 1)
    assert task_data(walk.run, "taak_vooroverleg_ccb_kmar") == skip


def test_procedure_3_spoed() -> None:
    walk = doorloop("3", {"spoed": True}, {"taak_besluit_locc": TOEGEKEND_MET_DEFENSIE})
    assert (
        walk.organisaties
        == fasen(
            "RCCB",  # in spoedgevallen vindt het contact telefonisch plaats
            ("BURGEMEESTER", "LOCC"),  # het LOCC verwerkt de aanvraag || burgemeester formaliseert
            *P3_NA_FORMULIER[1:],
        )
    )


# --- procedure 4: krijgsmacht, openbare orde (art. 58 lid 1) -----------------------------

P4_NA_FORMULIER: list[Fase] = [
    "LOCC",  # het LOCC verwerkt de aanvraag in haar capaciteitsoverzichten
    "LOCC",  # het LOCC toetst de aanvraag (noodzaak inzet krijgsmacht)
    "LOCC",  # het LOCC informeert de korpschef via LE-POB
    "LOCC",  # verzoek aan DJZ, tegelijk in afschrift aan DOC (één handeling)
    "DJZ",  # DJZ besluit namens de Minister van Defensie
    "DJZ",  # DJZ informeert het LOCC over het genomen besluit
    "LOCC",  # het LOCC bepaalt of, en zo ja, op welke wijze, bijstand wordt verleend
    "LOCC",  # het LOCC informeert het RCCB en legt de operationele contacten
]
P4_ANTWOORDEN: dict[str, dict[str, Any]] = {
    "taak_uitputting_toetsen": UITGEPUT,
    "taak_toestemming_geven": {"toestemming": True},
    "taak_besluit_defensie": {"besluit_defensie": "toegekend"},
    "taak_besluit_locc": TOEGEKEND_MET_DEFENSIE,
}


def test_procedure_4_normaal() -> None:
    walk = doorloop("4", {}, P4_ANTWOORDEN)
    assert walk.organisaties == fasen(
        "RCCB",  # lokaal operationeel vooroverleg RCCB en OVR
        "RCCB",  # RCCB neemt contact op met LE-POB.
        "LE-POB",  # Deze toetst of de Nationale politie daadwerkelijk is uitgeput
        "LE-POB",  # LE-POB geeft toestemming en informeert RCCB en LOCC
        "RCCB",  # RCCB stelt het aanvraagformulier op
        "BURGEMEESTER",  # ondertekend door of namens de burgemeester
        "RCCB",  # RCCB verzendt het aanvraagformulier naar het LOCC
        *P4_NA_FORMULIER,
    )
    assert walk.run.data["besluit_defensie"] == "toegekend"
    assert walk.run.data["besluit"] == "toegekend"


def test_procedure_4_geen_toestemming_van_le_pob() -> None:
    walk = doorloop(
        "4",
        {},
        {"taak_uitputting_toetsen": UITGEPUT, "taak_toestemming_geven": {"toestemming": False}},
    )
    assert walk.organisaties == fasen("RCCB", "RCCB", "LE-POB", "LE-POB")
    assert reached_end_events(walk.run) == ["eind_geen_toestemming"]


def test_procedure_4_spoed() -> None:
    walk = doorloop("4", {"spoed": True}, P4_ANTWOORDEN)
    assert walk.organisaties == fasen(
        "RCCB",  # telefonisch contact met LE-POB vastgelegd
        ("BURGEMEESTER", "LE-POB"),  # LE-POB toetst uitputting || de burgemeester formaliseert
        "LE-POB",  # LE-POB geeft toestemming
        *P4_NA_FORMULIER,
    )


# --- procedure 5: buitenland, openbare orde ------------------------------------------------


def test_procedure_5_normaal() -> None:
    walk = doorloop("5", {}, {"taak_besluit_locc": TOEGEKEND_MET_DEFENSIE})
    assert walk.organisaties == fasen(
        "RCCB",  # contact met de Afdeling Preparatie en Operationeel Beheer
        "LE-POB",  # LE-POB neemt contact op met het LOCC
        "BURGEMEESTER",  # (model) de burgemeester, die het gezag heeft, ondertekent (Pw 11)
        "LOCC",  # voor verdere coördinatie en formalisatie
    )


def test_procedure_5_spoed() -> None:
    walk = doorloop("5", {"spoed": True}, {"taak_besluit_locc": TOEGEKEND})
    assert walk.organisaties == fasen("RCCB", ("BURGEMEESTER", "LE-POB"), "LOCC")


# --- procedure 6: andere eenheid, justitie (art. 56 lid 2) --------------------------------


def test_procedure_6_normaal() -> None:
    walk = doorloop("6", {"zienswijze_vereist": True}, {"taak_besluit_korpschef": TOEGEKEND})
    assert walk.organisaties == fasen(
        "RCCB",  # RCCB neemt contact op met LE-POB
        "RCCB",  # RCCB stelt het aanvraagformulier op
        "REGIOBURGEMEESTER",  # zienswijze van de regioburgemeester
        "OVJ",  # ingediend bij de korpschef (erratum: de officier van justitie)
        "RCCB",  # RCCB verzendt het aanvraagformulier naar LE-POB
        "KORPSCHEF",  # (model) de korpschef besluit
        "LE-POB",  # LE-POB coördineert de bijstand
        "LE-POB",  # LE-POB informeert het LOCC
    )


def test_procedure_6_spoed() -> None:
    walk = doorloop(
        "6", {"spoed": True, "zienswijze_vereist": False}, {"taak_besluit_korpschef": TOEGEKEND}
    )
    assert walk.organisaties == fasen("RCCB", ("KORPSCHEF", "OVJ"), "LE-POB", "LE-POB")


def test_procedure_6_afwijzing_dan_beroep_door_de_officier() -> None:
    eerste = doorloop("6", {"zienswijze_vereist": True}, {"taak_besluit_korpschef": AFGEWEZEN})
    assert eerste.organisaties == fasen(
        "RCCB", "RCCB", "REGIOBURGEMEESTER", "OVJ", "RCCB", "KORPSCHEF", "KORPSCHEF"
    )
    assert eerste.taken[-1] == "taak_afwijzing_schriftelijk"
    assert beroep_startgegevens(eerste.run) == {"aanvrager": "officier_van_justitie"}
    beroep = doorloop("9", beroep_startgegevens(eerste.run), {"taak_besluit_minister": AFGEWEZEN})
    assert beroep.organisaties == fasen("DGPOL", "MINISTER-JENV")
    assert reached_end_events(beroep.run) == ["eind_beroep_afgewezen"]


def test_procedure_6_aanwijzing_van_de_minister_dan_le_pob_en_locc() -> None:
    eerste = doorloop(
        "6",
        {"zienswijze_vereist": False},
        {"taak_besluit_korpschef": {"besluit": "deels_toegekend"}},
    )
    assert eerste.organisaties == fasen(
        "RCCB", "RCCB", "OVJ", "RCCB", "KORPSCHEF", "KORPSCHEF", "LE-POB", "LE-POB"
    )
    beroep = doorloop("9", beroep_startgegevens(eerste.run), {"taak_besluit_minister": TOEGEKEND})
    assert beroep.organisaties == fasen("DGPOL", "MINISTER-JENV", "KORPSCHEF", "LE-POB", "LE-POB")


# --- procedure 7: KMar, justitie (art. 57 lid 1) --------------------------------------------

P7_NA_PARKET: list[Fase] = [
    "OZI",  # verzoek aan DJZ en DOPS-KMar, tegelijk in afschrift aan DOC (één handeling)
    ("C-KMAR", "DJZ"),  # DJZ en Commandant KMar adviseren de SG
    "OZI",  # OZI bepaalt of, en zo ja, op welke wijze, bijstand wordt verleend
]


def test_procedure_7_normaal() -> None:
    walk = doorloop(
        "7",
        {},
        {
            "taak_aanvraag_doorgeleiden": {"ondersteund": True},
            "taak_besluit_ozi": TOEGEKEND_MET_DEFENSIE,
        },
    )
    assert walk.organisaties == fasen(
        "RCCB",  # lokaal operationeel vooroverleg RCCB en CCB-KMar
        "RCCB",  # RCCB informeert LE-POB over de voorgenomen aanvraag
        "OVJ",  # de (hoofd)officier van justitie neemt contact op met het College
        "LE-POB",  # de politie informeert de korpschef via LE-POB
        "PARKET-GENERAAL",  # het Parket-Generaal leidt de aanvraag naar OZI
        *P7_NA_PARKET,
    )


def test_procedure_7_spoed_rechtstreeks_met_ozi() -> None:
    walk = doorloop("7", {"spoed": True}, {"taak_besluit_ozi": TOEGEKEND_MET_DEFENSIE})
    assert walk.organisaties == fasen(
        "OVJ",  # rechtstreeks telefonisch contact tussen de (hoofd)officier en OZI
        ("OVJ", "RCCB"),  # schriftelijke afhandeling later || RCCB informeert LE-POB
        "LE-POB",  # de politie informeert de korpschef via LE-POB
        *P7_NA_PARKET,
    )
    assert "taak_aanvraag_doorgeleiden" not in walk.taken


def test_procedure_7_niet_ondersteund_door_het_college() -> None:
    walk = doorloop("7", {}, {"taak_aanvraag_doorgeleiden": {"ondersteund": False}})
    assert walk.organisaties == fasen("RCCB", "RCCB", "OVJ", "LE-POB", "PARKET-GENERAAL")
    assert reached_end_events(walk.run) == ["eind_niet_ondersteund"]


# --- procedure 8: krijgsmacht, justitie (art. 58 lid 1) -------------------------------------

P8_NA_PARKET: list[Fase] = [
    "OZI",  # verzoek aan DJZ, tegelijk in afschrift aan DOC (één handeling)
    "DJZ",  # DJZ besluit namens de Minister van Defensie
    "DJZ",  # DJZ informeert OZI over het genomen besluit
    "OZI",  # OZI bepaalt of, en zo ja, op welke wijze, bijstand wordt verleend
    "LE-POB",  # te allen tijde de korpsleiding geïnformeerd, via LE-POB (voetnoot 4)
]
P8_ANTWOORDEN: dict[str, dict[str, Any]] = {
    "taak_uitputting_toetsen": UITGEPUT,
    "taak_aanvraag_doorgeleiden": {"ondersteund": True},
    "taak_besluit_defensie": {"besluit_defensie": "toegekend"},
    "taak_besluit_ozi": TOEGEKEND_MET_DEFENSIE,
}


def test_procedure_8_normaal() -> None:
    walk = doorloop("8", {}, P8_ANTWOORDEN)
    assert walk.organisaties == fasen(
        "RCCB",  # RCCB neemt contact op met LE-POB.
        "LE-POB",  # Deze afdeling toetst of de Nationale politie daadwerkelijk is uitgeput
        "LE-POB",  # LE-POB informeert RCCB en LOCC
        "OVJ",  # de (hoofd)officier van justitie neemt contact op met het College
        "PARKET-GENERAAL",  # het Parket-Generaal leidt de aanvraag aan OZI
        *P8_NA_PARKET,
    )


def test_procedure_8_convenant_alleen_korpsleiding_informeren() -> None:
    walk = doorloop("8", {"convenant": True})
    assert walk.organisaties == fasen("LE-POB")
    assert walk.taken == ["taak_korpsleiding_informeren"]
    assert reached_end_events(walk.run) == ["eind_convenant"]


def test_procedure_8_spoed() -> None:
    walk = doorloop("8", {"spoed": True}, P8_ANTWOORDEN)
    assert walk.organisaties == fasen(
        "OVJ",  # in spoedgevallen vindt het contact telefonisch plaats
        ("OVJ", "RCCB"),  # schriftelijke afhandeling later || RCCB neemt contact op met LE-POB
        "LE-POB",  # LE-POB toetst de uitputting
        "LE-POB",  # LE-POB informeert RCCB en LOCC
        *P8_NA_PARKET,
    )


def test_procedure_8_niet_ondersteund_door_het_college() -> None:
    walk = doorloop(
        "8",
        {},
        {"taak_uitputting_toetsen": UITGEPUT, "taak_aanvraag_doorgeleiden": {"ondersteund": False}},
    )
    assert walk.organisaties == fasen("RCCB", "LE-POB", "LE-POB", "OVJ", "PARKET-GENERAAL")
