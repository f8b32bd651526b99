"""Procedures 1 and 6 through the services: the written refusal, the appeal right, the term.

Issue #8, items 3 and 7; ADR-0022 (a korpschef's refusal is always written and copied to DGPOL;
only the competent authority appeals) and ADR-0023 (the zienswijze term). Requests of the unit
Midden-Nederland: RCCB ``RCCB-MN``, the burgemeester of Veenendaal ``GM0345``, the
regioburgemeester (the burgemeester of Utrecht) ``GM0344``, the parket ``OM-MN``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import override_settings

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services, workflow
from politiebijstand.verzoeken.constants import DeelverzoekStatus, TaakStatus
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeInvoer, OngeldigeOvergang
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelverzoek,
    StatusWijziging,
    Taak,
)
from tests.verzoeken.helpers import (
    NU,
    STAP,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

AFGEWEZEN = {"uitkomst": "afgewezen", "motivering": "Geen capaciteit beschikbaar."}
REDENEN = "Alle ME-capaciteit is die dag elders ingezet."


def veenendaal(**velden: Any) -> Bijstandsverzoek:
    sit = situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}], **velden)
    return maak_verzoek(sit, bevoegd_gezag="GM0345")


def justitie() -> Bijstandsverzoek:
    return maak_verzoek(
        situatie(taak="strafrechtelijke_handhaving", gevraagd=[{"leverancier": "politie"}])
    )


def deel_van(verzoek: Bijstandsverzoek) -> Deelverzoek:
    return Deelverzoek.objects.get(verzoek=verzoek, beroep_op__isnull=True)


def tot_en_met_besluit(verzoek: Bijstandsverzoek, besluit: dict[str, Any]) -> list[str]:
    """Complete every task up to and including the korpschef's decision; the organisations."""
    organisaties: list[str] = []
    nu = NU
    while True:
        (taak,) = open_taken(verzoek)
        nu += STAP
        organisaties.append(taak.organisatie.code)
        stap_uitvoeren(taak, besluit if taak.bpmn_id == "taak_besluit_korpschef" else None, nu)
        if taak.bpmn_id == "taak_besluit_korpschef":
            return organisaties


def toestand() -> dict[str, Any]:
    """What a refused service must leave unchanged."""
    return {
        "taken": sorted(Taak.objects.values_list("pk", "status", "afgerond_door_id")),
        "delen": sorted(Deelverzoek.objects.values_list("pk", "status", "versie")),
        "audit": AuditLogEntry.objects.count(),
        "berichten": Bericht.objects.count(),
        "statuswijzigingen": StatusWijziging.objects.count(),
    }


def ontvangers(soort: str) -> list[list[str]]:
    return [
        sorted(o.code for o in b.ontvangers.all())
        for b in Bericht.objects.filter(soort=soort).order_by("pk")
    ]


def schriftelijk_afwijzen(verzoek: Bijstandsverzoek) -> Taak:
    taak = Taak.objects.get(verzoek=verzoek, bpmn_id=services.AFWIJZING_STAP)
    services.taak_afronden(
        taak=taak,
        data={"verslag": REDENEN},
        door=gebruiker("KORPSCHEF"),
        nu=NU + timedelta(hours=1),
    )
    return taak


def beroep(deel: Deelverzoek, door: Any, **anders: Any) -> Deelverzoek:
    kwargs: dict[str, Any] = {"reden": "Bijstand is noodzakelijk.", "bevestigd": True}
    kwargs.update(anders)
    return services.beroep_instellen(
        deelverzoek=deel, door=door, nu=NU + timedelta(hours=2), **kwargs
    )


# --- the written refusal (toelichting 9) ------------------------------------------------------


def test_procedure_1_afwijzing_gaat_schriftelijk_met_redenen_en_afschrift_aan_dgpol() -> None:
    verzoek = veenendaal()
    assert tot_en_met_besluit(verzoek, AFGEWEZEN) == [
        "RCCB-MN",  # contact met LE-POB
        "RCCB-MN",  # aanvraagformulier opstellen
        "GM0344",  # zienswijze van de regioburgemeester
        "GM0345",  # de burgemeester dient in bij de korpschef
        "RCCB-MN",  # RCCB verzendt het formulier naar LE-POB
        "KORPSCHEF",  # de korpschef wijst af
    ]
    (taak,) = open_taken(verzoek)
    assert (taak.bpmn_id, taak.organisatie.code, taak.optioneel) == (
        "taak_afwijzing_schriftelijk",
        "KORPSCHEF",
        False,
    )
    deel = deel_van(verzoek)
    assert (deel.status, deel.run_afgerond) == (DeelverzoekStatus.AFGEWEZEN, False)
    assert Bericht.objects.filter(soort__startswith="afwijzing-").count() == 0
    assert "DGPOL" not in verzoek.deelnemende_organisatie_codes()

    schriftelijk_afwijzen(verzoek)

    assert ontvangers("afwijzing-schriftelijk") == [["GM0345", "RCCB-MN"]]
    assert ontvangers("afwijzing-afschrift") == [["DGPOL"]]
    for bericht in Bericht.objects.filter(soort__startswith="afwijzing-"):
        # The reasons stay on the request, behind the link (issue #10, item 5).
        assert REDENEN not in bericht.inhoud
        assert "Geen capaciteit beschikbaar." not in bericht.inhoud
    deel.refresh_from_db()
    assert (deel.status, deel.run_afgerond) == (DeelverzoekStatus.AFGEWEZEN, True)
    assert open_taken(verzoek) == []
    assert "DGPOL" in Bijstandsverzoek.objects.get(pk=verzoek.pk).deelnemende_organisatie_codes()
    # Without any appeal: no procedure 9.
    assert not Deelverzoek.objects.filter(beroep_op=deel).exists()


def test_procedure_6_afwijzing_naar_rccb_en_parket_afschrift_aan_dgpol() -> None:
    verzoek = justitie()
    assert tot_en_met_besluit(verzoek, AFGEWEZEN) == [
        "RCCB-MN",
        "RCCB-MN",
        "GM0344",
        "OM-MN",
        "RCCB-MN",
        "KORPSCHEF",
    ]
    schriftelijk_afwijzen(verzoek)
    assert ontvangers("afwijzing-schriftelijk") == [["OM-MN", "RCCB-MN"]]
    assert ontvangers("afwijzing-afschrift") == [["DGPOL"]]


def test_schriftelijke_afwijzing_vraagt_redenen_en_kan_niet_worden_overgeslagen() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    (taak,) = open_taken(verzoek)
    voor = toestand()
    for data, veld in (
        ({}, "verslag"),
        ({"verslag": "  "}, "verslag"),
        ({"overgeslagen": True, "reden": "Geen tijd."}, "overgeslagen"),
    ):
        with pytest.raises(OngeldigeInvoer) as fout:
            services.taak_afronden(taak=taak, data=data, door=gebruiker("KORPSCHEF"), nu=NU)
        assert fout.value.veld == veld
    assert toestand() == voor
    assert not deel_van(verzoek).run_afgerond


def test_gedeeltelijke_toekenning_ook_schriftelijk_daarna_uitvoering() -> None:
    verzoek = veenendaal(aanvrager_is_regioburgemeester=False)
    deels = {
        "uitkomst": "deels_toegekend",
        "motivering": "Twee van de vier pelotons.",
        "regels": [
            services.RegelBesluit(
                regel_id=_regel(verzoek), uitkomst="toegekend", toegekend_aantal=2
            )
        ],
    }
    tot_en_met_besluit(verzoek, deels)
    assert [t.bpmn_id for t in open_taken(verzoek)] == ["taak_afwijzing_schriftelijk"]
    schriftelijk_afwijzen(verzoek)
    assert "gedeeltelijk afgewezen" in Bericht.objects.get(soort="afwijzing-afschrift").inhoud
    walk = doorlopen(verzoek, nu=NU + timedelta(hours=1))
    assert walk.organisaties == ["LE-POB", "LE-POB"]
    assert walk.taken == ["taak_bijstand_coordineren", "taak_locc_informeren"]


def _regel(verzoek: Bijstandsverzoek) -> int:
    (regel,) = deel_van(verzoek).regels.all()
    return regel.pk


# --- the appeal: only the competent authority (Pw 2012 art. 56 lid 4) ---------------------------


def test_beroep_pas_na_de_schriftelijke_afwijzing() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    voor = toestand()
    with pytest.raises(OngeldigeOvergang, match="eerst de schriftelijke afwijzing"):
        beroep(deel_van(verzoek), gebruiker("GM0345", Rol.BESLUITVORMER))
    assert toestand() == voor


def test_beroep_op_een_run_van_het_oude_model_zonder_schriftelijke_stap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run started before ADR-0022 has no written-refusal step; its refusal stays appealable."""
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    origineel = workflow.model_taken

    def oud_model(run: Any) -> list[tuple[str, str]]:
        return [t for t in origineel(run) if t[0] != services.AFWIJZING_STAP]

    monkeypatch.setattr(workflow, "model_taken", oud_model)
    appel = beroep(deel_van(verzoek), gebruiker("GM0345", Rol.BESLUITVORMER))
    assert appel.procedure_id == "9"


@pytest.mark.parametrize(
    ("code", "rol"),
    [
        ("RCCB-MN", Rol.BESLUITVORMER),  # the requesting RCCB: never
        ("RCCB-MN", Rol.MEDEWERKER),
        ("GM0344", Rol.BESLUITVORMER),  # the regioburgemeester is not the requester
        ("OM-MN", Rol.BESLUITVORMER),  # procedure 1: not the officier van justitie
        ("KORPSCHEF", Rol.BESLUITVORMER),
        ("GM0345", Rol.MEDEWERKER),  # the municipality's staff without a mandate
    ],
)
def test_procedure_1_beroep_door_een_ander_dan_de_burgemeester_geweigerd(
    code: str, rol: str
) -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    schriftelijk_afwijzen(verzoek)
    voor = toestand()
    with pytest.raises(GeenToegang):
        beroep(deel_van(verzoek), gebruiker(code, rol))
    assert toestand() == voor
    assert deel_van(verzoek).status == DeelverzoekStatus.AFGEWEZEN


@pytest.mark.parametrize(
    ("anders", "veld"),
    [
        ({"reden": "  "}, "reden"),
        ({"bevestigd": False}, "bevestigd"),
        ({"namens": "namens de burgemeester van Veenendaal"}, "mandaat"),
        ({"mandaat": "Mandaatbesluit 2026-04"}, "namens"),
    ],
)
def test_beroep_vraagt_reden_en_bevestiging(anders: dict[str, Any], veld: str) -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    schriftelijk_afwijzen(verzoek)
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as fout:
        beroep(deel_van(verzoek), gebruiker("GM0345", Rol.BESLUITVORMER), **anders)
    assert fout.value.veld == veld
    assert toestand() == voor


def test_beroep_door_de_burgemeester_dan_aanwijzing_korpschef_le_pob_locc() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    schriftelijk_afwijzen(verzoek)
    deel = deel_van(verzoek)
    appel = beroep(deel, gebruiker("GM0345", Rol.BESLUITVORMER))
    deel.refresh_from_db()
    assert (appel.procedure_id, deel.status) == ("9", DeelverzoekStatus.IN_BEROEP)
    wijziging = StatusWijziging.objects.get(deelverzoek=deel, handeling="beroep_instellen")
    assert wijziging.toelichting == "Bijstand is noodzakelijk."
    audit = AuditLogEntry.objects.get(gebeurtenis="beroep-ingesteld")
    assert audit.na is not None
    assert (audit.na["reden"], audit.na["bevestiging"], audit.na["mandaat"]) == (
        "Bijstand is noodzakelijk.",
        "Ik stel beroep in bij de Minister van Justitie en Veiligheid",
        "",
    )
    walk = doorlopen(
        verzoek, {"taak_besluit_minister": {"uitkomst": "toegekend"}}, nu=NU + timedelta(hours=3)
    )
    assert walk.organisaties == ["DGPOL", "MINISTER-JENV", "KORPSCHEF", "LE-POB", "LE-POB"]
    assert walk.taken == [
        "taak_advies_dgpol",
        "taak_besluit_minister",
        "taak_le_pob_informeren",
        "taak_bijstand_coordineren",
        "taak_locc_informeren",
    ]
    deel.refresh_from_db()
    appel.refresh_from_db()
    assert (deel.status, appel.status, appel.run_afgerond) == ("toegekend", "toegekend", True)
    minister = Besluit.objects.get(deelverzoek=appel)
    assert minister.organisatie.code == "MINISTER-JENV"
    assert ["LOCC"] in ontvangers("stap-afgerond")


def test_beroep_namens_de_burgemeester_onder_mandaat() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    schriftelijk_afwijzen(verzoek)
    deel = deel_van(verzoek)
    beroep(
        deel,
        gebruiker("GM0345", Rol.MEDEWERKER),
        namens="namens de burgemeester van Veenendaal",
        mandaat="Mandaatbesluit bijstand 2026-04",
    )
    wijziging = StatusWijziging.objects.get(deelverzoek=deel, handeling="beroep_instellen")
    assert wijziging.toelichting == (
        "Bijstand is noodzakelijk. (namens de burgemeester van Veenendaal, "
        "mandaat: Mandaatbesluit bijstand 2026-04)"
    )
    audit = AuditLogEntry.objects.get(gebeurtenis="beroep-ingesteld")
    assert audit.na is not None
    assert (audit.na["namens"], audit.na["mandaat"]) == (
        "namens de burgemeester van Veenendaal",
        "Mandaatbesluit bijstand 2026-04",
    )


def test_procedure_6_alleen_de_officier_van_justitie_stelt_beroep_in() -> None:
    verzoek = justitie()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    schriftelijk_afwijzen(verzoek)
    deel = deel_van(verzoek)
    voor = toestand()
    for code in ("RCCB-MN", "GM0344"):
        with pytest.raises(GeenToegang):
            beroep(deel, gebruiker(code, Rol.BESLUITVORMER))
    assert toestand() == voor
    appel = beroep(deel, gebruiker("OM-MN", Rol.BESLUITVORMER))
    assert appel.startgegevens == {"aanvrager": "officier_van_justitie"}
    walk = doorlopen(
        verzoek, {"taak_besluit_minister": {"uitkomst": "toegekend"}}, nu=NU + timedelta(hours=3)
    )
    assert walk.organisaties == ["DGPOL", "MINISTER-JENV", "KORPSCHEF", "LE-POB", "LE-POB"]


# --- the zienswijze term (Pw 2012 art. 56 lid 3; ADR-0023) --------------------------------------


def test_zienswijze_termijn_verstreken_gaat_verder_zonder_zienswijze() -> None:
    verzoek = veenendaal()
    deel = deel_van(verzoek)
    assert deel.startgegevens["zienswijze_termijn"] == "PT24H"
    for nu in (NU + STAP, NU + 2 * STAP):
        (taak,) = open_taken(verzoek)
        stap_uitvoeren(taak, None, nu)
    (zienswijze,) = open_taken(verzoek)
    assert (zienswijze.bpmn_id, zienswijze.organisatie.code, zienswijze.due) == (
        "taak_zienswijze_regioburgemeester",
        "GM0344",
        NU + 2 * STAP + timedelta(hours=24),
    )
    assert zienswijze.due is not None
    assert services.timers_verwerken(nu=zienswijze.due - timedelta(seconds=1)).gevuurd == []
    assert [t.bpmn_id for t in open_taken(verzoek)] == ["taak_zienswijze_regioburgemeester"]

    resultaat = services.timers_verwerken(nu=zienswijze.due)

    assert resultaat.gevuurd == [(deel.pk, "timer_zienswijze")]
    zienswijze.refresh_from_db()
    assert (zienswijze.status, zienswijze.gegevens) == (
        TaakStatus.VERVALLEN,
        {"zienswijze": "geen zienswijze binnen de termijn"},
    )
    assert ontvangers("geen-zienswijze") == [["GM0344", "RCCB-MN"]]
    audit = AuditLogEntry.objects.get(gebeurtenis="timer-verlopen")
    assert audit.na is not None
    assert audit.na["geen_zienswijze"] == [zienswijze.pk]
    walk = doorlopen(verzoek, nu=zienswijze.due)
    assert walk.organisaties == ["GM0345", "RCCB-MN", "KORPSCHEF", "LE-POB", "LE-POB"]
    assert walk.taken[0] == "taak_verzoek_indienen"


@override_settings(ZIENSWIJZE_TERMIJN="PT2H")
def test_zienswijze_termijn_is_een_instelling() -> None:
    verzoek = veenendaal()
    assert deel_van(verzoek).startgegevens["zienswijze_termijn"] == "PT2H"
    for nu in (NU + STAP, NU + 2 * STAP):
        (taak,) = open_taken(verzoek)
        stap_uitvoeren(taak, None, nu)
    (zienswijze,) = open_taken(verzoek)
    assert zienswijze.due == NU + 2 * STAP + timedelta(hours=2)


def test_zienswijze_binnen_de_termijn_geen_timer_meer() -> None:
    verzoek = veenendaal()
    walk = doorlopen(verzoek)
    assert walk.organisaties == [
        "RCCB-MN",
        "RCCB-MN",
        "GM0344",
        "GM0345",
        "RCCB-MN",
        "KORPSCHEF",
        "LE-POB",
        "LE-POB",
    ]
    deel = deel_van(verzoek)
    assert deel.volgende_timer is None
    assert services.timers_verwerken(nu=NU + timedelta(days=2)).gevuurd == []


def test_stappagina_vraagt_de_redenen_van_de_afwijzing_als_verplicht_veld() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    taak = Taak.objects.get(verzoek=verzoek, bpmn_id=services.AFWIJZING_STAP)
    client, _ = als("KORPSCHEF")
    html = inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    assert "Redenen van de afwijzing" in html
    assert "Wat is gedaan of afgesproken (optioneel)." not in html
    voor = toestand()
    html = inhoud(client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden"}))
    assert "Redenen van de afwijzing: Dit veld is vereist." in html
    assert toestand() == voor
    response = client.post(
        f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "verslag": REDENEN}
    )
    assert response.status_code == 302
    taak.refresh_from_db()
    assert (taak.status, taak.gegevens) == (TaakStatus.AFGEROND, {"verslag": REDENEN})
