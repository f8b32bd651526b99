"""Every procedure walked end to end THROUGH THE SERVICES, by users of the right organisations.

The expected stages are the factsheet's steps (the lists of `tests.procedures.test_doorloop`,
one entry per bullet of the toelichting; a tuple where steps run in parallel), first as the
model's lanes (contract codes), then as the concrete organisations of a request of the unit
Midden-Nederland: the RCCB is ``RCCB-MN``, the burgemeester of Veenendaal ``GM0345`` or of
Utrecht ``GM0344``, the regioburgemeester of Midden-Nederland the burgemeester of Utrecht
(``GM0344``), the officier van justitie the parket ``OM-MN``.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import DeelverzoekStatus, TaakStatus, VerzoekStatus
from politiebijstand.verzoeken.exceptions import GeenToegang
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, InzetVersie, Taak
from tests.procedures.doorloop import Fase, fasen
from tests.procedures.test_doorloop import (
    P3_NA_FORMULIER,
    P4_NA_FORMULIER,
    P7_NA_PARKET,
    P8_NA_PARKET,
)
from tests.verzoeken.helpers import Walk, doorlopen, gebruiker, maak_verzoek, situatie

pytestmark = pytest.mark.usefixtures("referentiedata")

TOEGEKEND = {"uitkomst": "toegekend"}
AFGEWEZEN = {"uitkomst": "afgewezen", "motivering": "Geen capaciteit beschikbaar."}

#: The concrete organisations of a request of Midden-Nederland for Utrecht.
MN_UTRECHT = {"RCCB": "RCCB-MN", "BURGEMEESTER": "GM0344", "OVJ": "OM-MN"}
#: ... for Veenendaal, whose burgemeester is not the regioburgemeester (Utrecht).
MN_VEENENDAAL = {**MN_UTRECHT, "BURGEMEESTER": "GM0345", "REGIOBURGEMEESTER": "GM0344"}


def concreet(verwacht: list[Fase], organisaties: dict[str, str]) -> list[Fase]:
    """The expected stages with each lane replaced by the request's concrete organisation."""

    def een(lane: str) -> str:
        return organisaties.get(lane, lane)

    return fasen(*[een(f) if isinstance(f, str) else tuple(een(x) for x in f) for f in verwacht])


def assert_walk(walk: Walk, verwacht: list[Fase], organisaties: dict[str, str]) -> None:
    assert walk.lanes == fasen(*verwacht)
    assert walk.organisaties == concreet(verwacht, organisaties)


def enig_deel(verzoek: Bijstandsverzoek) -> Deelverzoek:
    (deel,) = Deelverzoek.objects.filter(verzoek=verzoek, beroep_op__isnull=True)
    return deel


def veenendaal(**velden: Any) -> Bijstandsverzoek:
    sit = situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}], **velden)
    return maak_verzoek(sit, bevoegd_gezag="GM0345")


def justitie(gevraagd: list[dict[str, Any]], **velden: Any) -> Bijstandsverzoek:
    return maak_verzoek(situatie(taak="strafrechtelijke_handhaving", gevraagd=gevraagd, **velden))


# --- procedure 1: andere eenheid, openbare orde (art. 56 lid 1) ----------------------------

P1_NORMAAL: list[Fase] = [
    "RCCB",  # RCCB neemt contact op met LE-POB
    "RCCB",  # RCCB stelt het aanvraagformulier op
    "REGIOBURGEMEESTER",  # ... bevat tevens de zienswijze van de regioburgemeester
    "BURGEMEESTER",  # het aanvraagformulier wordt door de burgemeester ingediend
    "RCCB",  # RCCB verzendt het aanvraagformulier per e-mail naar LE-POB
    "KORPSCHEF",  # (model) de korpschef besluit op het verzoek
    "LE-POB",  # LE-POB coördineert de bijstand
    "LE-POB",  # LE-POB informeert het LOCC
]


def test_procedure_1_normaal_met_zienswijze_van_de_regioburgemeester() -> None:
    verzoek = veenendaal()
    deel = enig_deel(verzoek)
    assert deel.procedure_id == "1"
    assert deel.startgegevens == {
        "spoed": False,
        "formalisatie_termijn": "PT24H",
        "zienswijze_vereist": True,
        "zienswijze_termijn": "PT24H",
        "gemeenten": ["GM0345"],
        "gemeenten_zienswijze": ["GM0345"],
    }
    walk = doorlopen(verzoek)
    assert_walk(walk, P1_NORMAAL, MN_VEENENDAAL)
    deel.refresh_from_db()
    verzoek.refresh_from_db()
    assert (deel.status, deel.besluit, deel.run_afgerond) == ("toegekend", "toegekend", True)
    assert verzoek.status == VerzoekStatus.BESLOTEN
    assert set(verzoek.deelnemende_organisatie_codes()) == {
        "RCCB-MN",
        "GM0345",
        "GM0344",
        "LE-POB",
        "KORPSCHEF",
        "LOCC",
    }


def test_procedure_1_spoed_slaat_de_zienswijze_over() -> None:
    verzoek = veenendaal(spoed=True)
    walk = doorlopen(verzoek)
    assert_walk(
        walk,
        [
            "RCCB",  # telefonisch contact vastgelegd (bij spoed 24 uur per dag)
            ("BURGEMEESTER", "KORPSCHEF"),  # het werk start direct || de burgemeester formaliseert
            "LE-POB",  # LE-POB coördineert de bijstand
            "LE-POB",  # LE-POB informeert het LOCC
        ],
        MN_VEENENDAAL,
    )
    assert "taak_zienswijze_regioburgemeester" not in walk.taken
    assert "GM0344" not in enig_deel(verzoek).verzoek.deelnemende_organisatie_codes()


def beroep_door(code: str, deel: Deelverzoek) -> Deelverzoek:
    """The appeal lodged by a besluitvormer of `code`, with a reason and the confirmation."""
    return services.beroep_instellen(
        deelverzoek=deel,
        door=gebruiker(code, Rol.BESLUITVORMER),
        reden="Bijstand is noodzakelijk.",
        bevestigd=True,
    )


#: Procedure 9 after the minister's instruction (Pw 2012 art. 56 lid 4; ADR-0022).
P9_AANWIJZING: list[Fase] = [
    "DGPOL",  # DGPOL adviseert de minister
    "MINISTER-JENV",  # de minister geeft de nodige aanwijzingen aan de korpschef
    "KORPSCHEF",  # de korpschef informeert LE-POB
    "LE-POB",  # (als procedure 1 of 6) LE-POB coördineert de bijstand
    "LE-POB",  # (als procedure 1 of 6) LE-POB informeert het LOCC
]


def test_procedure_1_afwijzing_en_beroep_bij_de_minister_toegekend() -> None:
    verzoek = veenendaal()
    eerste = doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN})
    assert_walk(eerste, [*P1_NORMAAL[:6], "KORPSCHEF"], MN_VEENENDAAL)
    assert eerste.taken[-1] == "taak_afwijzing_schriftelijk"
    deel = enig_deel(verzoek)
    assert deel.status == DeelverzoekStatus.AFGEWEZEN

    beroep = beroep_door("GM0345", deel)
    deel.refresh_from_db()
    assert (beroep.procedure_id, beroep.beroep_op_id, deel.status) == ("9", deel.pk, "in_beroep")
    assert beroep.startgegevens == {"aanvrager": "burgemeester"}
    walk = doorlopen(verzoek, {"taak_besluit_minister": TOEGEKEND})
    assert_walk(walk, P9_AANWIJZING, MN_VEENENDAAL)
    deel.refresh_from_db()
    beroep.refresh_from_db()
    verzoek.refresh_from_db()
    assert (deel.status, deel.besluit) == ("toegekend", "toegekend")
    assert beroep.status == "toegekend"
    assert verzoek.status == VerzoekStatus.BESLOTEN
    assert {"DGPOL", "MINISTER-JENV"} <= set(verzoek.deelnemende_organisatie_codes())


def test_procedure_1_afwijzing_zonder_beroep_blijft_afgewezen() -> None:
    verzoek = veenendaal()
    doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN})
    deel = enig_deel(verzoek)
    assert (deel.status, deel.run_afgerond) == (DeelverzoekStatus.AFGEWEZEN, True)
    assert not Deelverzoek.objects.filter(beroep_op=deel).exists()


def test_inzet_na_beroep_door_wie_over_het_deel_besloot_niet_door_een_ander_deel() -> None:
    """The bodies that decided the part or its appeal record the deployment; nobody else.

    Regression of the full scan of the part table on beroep_op (#4): the decisions are read
    by their request, so no query filters on beroep_op.
    """
    verzoek = maak_verzoek(
        situatie(
            gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}, {"leverancier": "kmar"}]
        ),
        bevoegd_gezag="GM0345",
    )
    doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN, "taak_besluit_locc": TOEGEKEND})
    (deel, kmar) = Deelverzoek.objects.filter(verzoek=verzoek).order_by("volgnummer")
    assert (deel.procedure_id, kmar.procedure_id, kmar.status) == ("1", "3", "toegekend")
    beroep_door("GM0345", deel)
    doorlopen(verzoek, {"taak_besluit_minister": TOEGEKEND})
    deel.refresh_from_db()
    assert deel.status == DeelverzoekStatus.TOEGEKEND
    start, eind = verzoek.periode_start, verzoek.periode_eind

    def starten(code: str) -> None:
        services.inzet_starten(
            deelverzoek=deel,
            periode_start=start,
            periode_eind=eind,
            capaciteit="2 ME",
            door=gebruiker(code),
        )

    with pytest.raises(GeenToegang):
        starten("LOCC")  # decided the KMar part of the same request, not this one
    deel.refresh_from_db()
    assert deel.status == DeelverzoekStatus.TOEGEKEND
    with CaptureQueriesContext(connection) as queries:
        starten("MINISTER-JENV")  # decided the appeal
    filters = [q["sql"].partition("WHERE")[2] for q in queries]
    assert [f for f in filters if re.search(r'"beroep_op_id" (=|IN)', f)] == []
    deel.refresh_from_db()
    assert deel.status == DeelverzoekStatus.IN_INZET
    versie = InzetVersie.objects.select_related("door__organisatie").get(deelverzoek=deel)
    assert versie.door.organisatie is not None
    assert versie.door.organisatie.code == "MINISTER-JENV"


# --- procedure 2: middelen JenV ----------------------------------------------------------------


def waterwerper(**velden: Any) -> Bijstandsverzoek:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "waterwerper", **velden}]
    return maak_verzoek(situatie(gevraagd=gevraagd))


def test_procedure_2_waterwerper_daadwerkelijke_inzet() -> None:
    verzoek = waterwerper()
    walk = doorlopen(
        verzoek,
        {"taak_aanvraagformulier_verzenden": {"bevoegd_gezag": "burgemeester"}},
    )
    verwacht: list[Fase] = [
        "RCCB",  # RCCB neemt contact op met het LOCC
        "RCCB",  # RCCB stuurt een aanvraagformulier (met het bevoegd gezag), vóór het besluit
        "LOCC",  # het LOCC toetst de aanvraag,
        "LOCC",  # legt contact met de beheersorganisatie en coördineert de verdere inzet
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)
    assert walk.taken[1] == "taak_aanvraagformulier_verzenden"


def test_procedure_2_waterwerper_oefening() -> None:
    verzoek = waterwerper(oefening=True)
    walk = doorlopen(verzoek)
    assert_walk(walk, ["RCCB", "RCCB", "LOCC", "LOCC"], MN_UTRECHT)
    assert walk.taken[1] == "taak_aanvraagformulier_oefening_verzenden"


def test_procedure_2_waterwerper_spoed() -> None:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "waterwerper"}]
    verzoek = maak_verzoek(situatie(gevraagd=gevraagd, spoed=True))
    walk = doorlopen(verzoek, {"taak_schriftelijk_formaliseren": {"bevoegd_gezag": "burgemeester"}})
    assert_walk(walk, ["RCCB", ("LOCC", "RCCB"), "LOCC"], MN_UTRECHT)


def test_procedure_2_bewakingscontainer() -> None:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "bewakingscontainer"}]
    verzoek = maak_verzoek(situatie(gevraagd=gevraagd))
    walk = doorlopen(verzoek)
    verwacht: list[Fase] = [
        "RCCB",  # RCCB neemt contact op met de piketambtenaar van DB3
        "NCTV-DB3",  # DB3 toetst de inzet en verstrekt (al dan niet) toestemming
        "RCCB",  # RCCB neemt zelf contact op met de beheersorganisatie
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)
    assert enig_deel(verzoek).procedure_id == "2_container_vrt"


def test_procedure_2_vrt_voertuig_spoed_verandert_de_route_niet() -> None:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "vrt_voertuig"}]
    verzoek = maak_verzoek(situatie(gevraagd=gevraagd, spoed=True))
    assert_walk(doorlopen(verzoek), ["RCCB", "NCTV-DB3", "RCCB"], MN_UTRECHT)


# --- procedure 3: KMar, openbare orde (art. 57 lid 1) --------------------------------------


def test_procedure_3_normaal() -> None:
    verzoek = maak_verzoek()
    walk = doorlopen(verzoek)
    verwacht: list[Fase] = [
        "RCCB",  # lokaal operationeel vooroverleg RCCB en CCB-KMar
        "RCCB",  # RCCB neemt contact op met het LOCC voor informeel vooroverleg
        "RCCB",  # RCCB stelt het aanvraagformulier op
        "BURGEMEESTER",  # ondertekend door of namens de burgemeester
        "RCCB",  # RCCB verzendt het aanvraagformulier naar het LOCC
        *P3_NA_FORMULIER,
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)


def test_procedure_3_regioburgemeester_als_primus_inter_pares() -> None:
    verzoek = maak_verzoek(situatie(locatiegebonden=False))
    walk = doorlopen(verzoek)
    verwacht: list[Fase] = ["RCCB", "RCCB", "RCCB", "REGIOBURGEMEESTER", "RCCB", *P3_NA_FORMULIER]
    assert_walk(walk, verwacht, {**MN_UTRECHT, "REGIOBURGEMEESTER": "GM0344"})
    assert "taak_aanvraagformulier_ondertekenen_regioburgemeester" in walk.taken


def test_procedure_3_spoed() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    walk = doorlopen(verzoek)
    verwacht: list[Fase] = [
        "RCCB",  # in spoedgevallen vindt het contact telefonisch plaats
        ("BURGEMEESTER", "LOCC"),  # het LOCC verwerkt de aanvraag || burgemeester formaliseert
        *P3_NA_FORMULIER[1:],
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)


# --- procedure 4: krijgsmacht, openbare orde (art. 58 lid 1) -------------------------------

KRIJGSMACHT = [{"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True}]
P4_ANTWOORDEN = {"taak_toestemming_geven": {"toestemming": True}}


def test_procedure_4_normaal() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT))
    walk = doorlopen(verzoek, P4_ANTWOORDEN)
    verwacht: list[Fase] = [
        "RCCB",  # lokaal operationeel vooroverleg RCCB en OVR
        "RCCB",  # RCCB neemt contact op met LE-POB.
        "LE-POB",  # Deze toetst of de Nationale politie daadwerkelijk is uitgeput
        "LE-POB",  # LE-POB geeft toestemming en informeert RCCB en LOCC
        "RCCB",  # RCCB stelt het aanvraagformulier op
        "BURGEMEESTER",  # ondertekend door of namens de burgemeester
        "RCCB",  # RCCB verzendt het aanvraagformulier naar het LOCC
        *P4_NA_FORMULIER,
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)
    besluiten = enig_deel(verzoek).besluiten.order_by("genomen_op")
    assert [(b.veld, b.organisatie.code, b.namens) for b in besluiten] == [
        ("besluit_defensie", "DJZ", "namens de Minister van Defensie"),
        (
            "besluit",
            "LOCC",
            "namens de Minister van Justitie en Veiligheid, in overeenstemming met de Minister "
            "van Defensie",
        ),
    ]


def test_procedure_4_spoed() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT, spoed=True))
    walk = doorlopen(verzoek, P4_ANTWOORDEN)
    verwacht: list[Fase] = ["RCCB", ("BURGEMEESTER", "LE-POB"), "LE-POB", *P4_NA_FORMULIER]
    assert_walk(walk, verwacht, MN_UTRECHT)


def test_procedure_4_geen_toestemming_sluit_het_deel_zonder_besluit() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT))
    walk = doorlopen(verzoek, {"taak_toestemming_geven": {"toestemming": False}})
    assert walk.lanes == fasen("RCCB", "RCCB", "LE-POB", "LE-POB")
    verzoek.refresh_from_db()
    assert enig_deel(verzoek).status == DeelverzoekStatus.AFGESLOTEN
    assert verzoek.status == VerzoekStatus.AFGEROND


# --- procedure 5: buitenland, openbare orde ----------------------------------------------------

BUITENLAND = [{"leverancier": "buitenland", "land": "BE"}]


def test_procedure_5_normaal() -> None:
    walk = doorlopen(maak_verzoek(situatie(gevraagd=BUITENLAND)))
    verwacht: list[Fase] = [
        "RCCB",  # contact met de Afdeling Preparatie en Operationeel Beheer
        "LE-POB",  # LE-POB neemt contact op met het LOCC
        "BURGEMEESTER",  # (model) de burgemeester, die het gezag heeft, ondertekent (Pw 11)
        "LOCC",  # voor verdere coördinatie en formalisatie
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)


def test_procedure_5_spoed() -> None:
    walk = doorlopen(maak_verzoek(situatie(gevraagd=BUITENLAND, spoed=True)))
    assert_walk(walk, ["RCCB", ("BURGEMEESTER", "LE-POB"), "LOCC"], MN_UTRECHT)


# --- procedure 6: andere eenheid, justitie (art. 56 lid 2) ---------------------------------

P6_NORMAAL: list[Fase] = [
    "RCCB",  # RCCB neemt contact op met LE-POB
    "RCCB",  # RCCB stelt het aanvraagformulier op
    "REGIOBURGEMEESTER",  # zienswijze van de regioburgemeester
    "OVJ",  # ingediend bij de korpschef (erratum: de officier van justitie)
    "RCCB",  # RCCB verzendt het aanvraagformulier naar LE-POB
    "KORPSCHEF",  # (model) de korpschef besluit
    "LE-POB",  # LE-POB coördineert de bijstand
    "LE-POB",  # LE-POB informeert het LOCC
]
MN_OVJ = {**MN_UTRECHT, "REGIOBURGEMEESTER": "GM0344"}


def test_procedure_6_normaal() -> None:
    verzoek = justitie([{"leverancier": "politie"}])
    walk = doorlopen(verzoek)
    assert_walk(walk, P6_NORMAAL, MN_OVJ)
    assert verzoek.bevoegd_gezag.code == "OM-MN"
    assert verzoek.gezag == "officier_van_justitie"


def test_procedure_6_spoed() -> None:
    walk = doorlopen(justitie([{"leverancier": "politie"}], spoed=True))
    assert_walk(walk, ["RCCB", ("KORPSCHEF", "OVJ"), "LE-POB", "LE-POB"], MN_OVJ)


def test_procedure_6_afwijzing_en_beroep_door_de_officier_afgewezen() -> None:
    verzoek = justitie([{"leverancier": "politie"}])
    eerste = doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN})
    assert_walk(eerste, [*P6_NORMAAL[:6], "KORPSCHEF"], MN_OVJ)
    deel = enig_deel(verzoek)
    beroep = beroep_door("OM-MN", deel)
    assert beroep.startgegevens == {"aanvrager": "officier_van_justitie"}
    walk = doorlopen(verzoek, {"taak_besluit_minister": AFGEWEZEN})
    assert_walk(walk, ["DGPOL", "MINISTER-JENV"], MN_OVJ)
    deel.refresh_from_db()
    beroep.refresh_from_db()
    assert (deel.status, beroep.status) == ("afgewezen", "afgewezen")
    besluit = beroep.besluiten.get()
    assert besluit.namens == "namens de Minister van Justitie en Veiligheid"
    assert besluit.grondslag == "Politiewet 2012 art. 56 lid 4"


# --- procedure 7: KMar, justitie (art. 57 lid 1) -------------------------------------------


def test_procedure_7_normaal() -> None:
    verzoek = justitie([{"leverancier": "kmar"}])
    walk = doorlopen(verzoek, {"taak_aanvraag_doorgeleiden": {"ondersteund": True}})
    verwacht: list[Fase] = [
        "RCCB",  # lokaal operationeel vooroverleg RCCB en CCB-KMar
        "RCCB",  # RCCB informeert LE-POB over de voorgenomen aanvraag
        "OVJ",  # de (hoofd)officier van justitie neemt contact op met het College
        "LE-POB",  # de politie informeert de korpschef via LE-POB
        "PARKET-GENERAAL",  # het Parket-Generaal leidt de aanvraag naar OZI
        *P7_NA_PARKET,
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)
    besluit = enig_deel(verzoek).besluiten.get()
    assert (besluit.organisatie.code, besluit.namens) == (
        "OZI",
        "namens de Minister van Justitie en Veiligheid, na overleg met de Minister van Defensie "
        "(of) en in overeenstemming met de Minister van Defensie (op welke wijze)",
    )


def test_procedure_7_spoed_rechtstreeks_met_ozi() -> None:
    walk = doorlopen(justitie([{"leverancier": "kmar"}], spoed=True))
    verwacht: list[Fase] = [
        "OVJ",  # rechtstreeks telefonisch contact tussen de (hoofd)officier en OZI
        ("OVJ", "RCCB"),  # schriftelijke afhandeling later || RCCB informeert LE-POB
        "LE-POB",  # de politie informeert de korpschef via LE-POB
        *P7_NA_PARKET,
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)


# --- procedure 8: krijgsmacht, justitie (art. 58 lid 1) ------------------------------------

KRIJGSMACHT_JUSTITIE = [{"leverancier": "krijgsmacht", "politie_uitgeput": True}]
P8_ANTWOORDEN = {"taak_aanvraag_doorgeleiden": {"ondersteund": True}}


def test_procedure_8_normaal() -> None:
    walk = doorlopen(justitie(KRIJGSMACHT_JUSTITIE), P8_ANTWOORDEN)
    verwacht: list[Fase] = [
        "RCCB",  # RCCB neemt contact op met LE-POB.
        "LE-POB",  # Deze afdeling toetst of de Nationale politie daadwerkelijk is uitgeput
        "LE-POB",  # LE-POB informeert RCCB en LOCC
        "OVJ",  # de (hoofd)officier van justitie neemt contact op met het College
        "PARKET-GENERAAL",  # het Parket-Generaal leidt de aanvraag aan OZI
        *P8_NA_PARKET,
    ]
    assert_walk(walk, verwacht, MN_UTRECHT)


def test_procedure_8_spoed() -> None:
    walk = doorlopen(justitie(KRIJGSMACHT_JUSTITIE, spoed=True), P8_ANTWOORDEN)
    verwacht: list[Fase] = ["OVJ", ("OVJ", "RCCB"), "LE-POB", "LE-POB", *P8_NA_PARKET]
    assert_walk(walk, verwacht, MN_UTRECHT)


def test_procedure_8_convenant_alleen_korpsleiding_informeren() -> None:
    verzoek = justitie(KRIJGSMACHT_JUSTITIE, convenant=True)
    walk = doorlopen(verzoek)
    assert_walk(walk, ["LE-POB"], MN_UTRECHT)
    assert enig_deel(verzoek).status == DeelverzoekStatus.AFGESLOTEN


# --- several routes: one part each ---------------------------------------------------------


def test_verzoek_met_twee_routes_heeft_twee_delen_met_eigen_run() -> None:
    verzoek = maak_verzoek(
        situatie(gevraagd=[{"leverancier": "kmar"}, *BUITENLAND]),
        regels=(
            services.InzetRegel("KMar-peloton", 2, deel=1),
            services.InzetRegel("Belgische ME", 1, deel=2),
        ),
    )
    delen = list(Deelverzoek.objects.filter(verzoek=verzoek).order_by("volgnummer"))
    assert [(d.procedure_id, d.leverancier) for d in delen] == [
        ("3", "kmar"),
        ("5", "buitenland"),
    ]
    assert [[r.omschrijving for r in d.regels.all()] for d in delen] == [
        ["KMar-peloton"],
        ["Belgische ME"],
    ]
    eerste = {t.bpmn_id for t in Taak.objects.filter(verzoek=verzoek, status=TaakStatus.OPEN)}
    assert eerste == {"taak_vooroverleg_ccb_kmar", "taak_contact_le_pob"}
    doorlopen(verzoek)
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.BESLOTEN
    assert [d.status for d in Deelverzoek.objects.filter(verzoek=verzoek)] == [
        "toegekend",
        "toegekend",
    ]
