"""Selectors: need-to-know scoping in SQL, 404 outside scope, logged views, query bounds."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken import selectors, services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    org,
    situatie,
)

pytestmark = pytest.mark.usefixtures("referentiedata")


def rotterdam() -> Bijstandsverzoek:
    """A request of the unit Rotterdam for Rotterdam (procedure 1)."""
    return services.verzoek_aanmaken(
        situatie=situatie(
            gemeenten=["Rotterdam"],
            gevraagd=[{"leverancier": "politie"}],
            aanvrager_is_regioburgemeester=True,
        ),
        titel="Voetbal Rotterdam",
        bevoegd_gezag=org("GM0599"),
        periode_start=NU + timedelta(days=1),
        periode_eind=NU + timedelta(days=1, hours=6),
        locatie="De Kuip",
        gevraagde_capaciteit="2 ME-pelotons",
        door=gebruiker("RCCB-RT"),
        nu=NU,
    )


def test_verzoek_list_toont_alleen_verzoeken_met_deelname() -> None:
    utrecht = maak_verzoek()
    rdam = rotterdam()
    zichtbaar = {
        code: {v.kenmerk for v in selectors.verzoek_list(gebruiker=gebruiker(code))}
        for code in ("RCCB-MN", "RCCB-RT", "GM0344", "GM0599", "LOCC", "KORPSCHEF", "DGPOL")
    }
    assert zichtbaar == {
        "RCCB-MN": {utrecht.kenmerk},
        "RCCB-RT": {rdam.kenmerk},
        "GM0344": {utrecht.kenmerk},
        "GM0599": {rdam.kenmerk},
        "LOCC": {utrecht.kenmerk, rdam.kenmerk},  # procedure 3, and informed in procedure 1
        "KORPSCHEF": {utrecht.kenmerk, rdam.kenmerk},  # informed via LE-POB (3); decides (1)
        "DGPOL": set(),
    }
    inactief = gebruiker("LOCC")
    inactief.is_active = False
    assert list(selectors.verzoek_list(gebruiker=inactief)) == []
    assert [
        v.kenmerk for v in selectors.verzoek_list(gebruiker=gebruiker("LOCC"), zoek="kuip")
    ] == [rdam.kenmerk]


def test_verzoek_list_en_regel_zijn_het_eens() -> None:
    from politiebijstand.toegang.regels import VERZOEK_BEKIJKEN, mag

    verzoeken = [maak_verzoek(), rotterdam()]
    for code in ("RCCB-MN", "RCCB-RT", "GM0599", "LOCC", "DJZ", "OZI", "C-KMAR", "DOC"):
        gebruiker_ = gebruiker(code)
        lijst = {v.pk for v in selectors.verzoek_list(gebruiker=gebruiker_)}
        assert lijst == {v.pk for v in verzoeken if mag(VERZOEK_BEKIJKEN, gebruiker_, v)}, code


def test_verzoek_buiten_scope_geeft_404_en_wordt_niet_gelogd() -> None:
    verzoek = maak_verzoek()
    buiten = gebruiker("RCCB-RT")
    aantal = AuditLogEntry.objects.count()
    with pytest.raises(Http404):
        selectors.access_verzoek_by_uuid(buiten, verzoek.uuid)
    with pytest.raises(Http404):
        selectors.verzoek_bekijken(verzoek=verzoek, door=buiten)
    with pytest.raises(Http404):
        selectors.access_verzoek_by_uuid(gebruiker("RCCB-MN"), "geen-uuid")
    assert AuditLogEntry.objects.count() == aantal


def test_verzoek_bekijken_logt_elke_weergave() -> None:
    verzoek = maak_verzoek()
    door = gebruiker("LOCC")
    selectors.verzoek_bekijken(verzoek=verzoek, door=door)
    selectors.verzoek_bekijken(verzoek=verzoek, door=door)
    views = AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken", object_id=str(verzoek.pk))
    assert [(e.actor_id, e.actor_organisatie_code) for e in views] == [(door.pk, "LOCC")] * 2


def test_verzoek_detail_tijdlijn_voortgang_en_contacten() -> None:
    verzoek = maak_verzoek()
    doorlopen(verzoek, {"taak_besluit_locc": {"uitkomst": "toegekend"}})
    detail = selectors.verzoek_bekijken(verzoek=verzoek, door=gebruiker("RCCB-MN"))
    (deel,) = detail.deelverzoeken
    voortgang = detail.voortgang[deel.pk]
    assert voortgang.afgerond[:3] == [
        "taak_vooroverleg_ccb_kmar",
        "taak_vooroverleg_locc",
        "taak_aanvraagformulier_opstellen",
    ]
    assert voortgang.afgerond[-1] == "taak_rccb_informeren"
    assert voortgang.huidig == []
    assert detail.open_taken == [] and detail.contacten == []
    soorten = [i.soort for i in detail.tijdlijn]
    assert soorten.count("stap") == len(voortgang.afgerond)
    assert soorten.count("besluit") == 1
    besluit = next(i for i in detail.tijdlijn if i.soort == "besluit")
    assert besluit.organisatie == "Landelijk Operationeel Coördinatiecentrum"
    assert [i.op for i in detail.tijdlijn] == sorted(i.op for i in detail.tijdlijn)


def test_verzoek_detail_leest_het_verzoek_opnieuw_tenzij_het_vers_is(
    django_assert_num_queries: Any,
) -> None:
    verzoek = maak_verzoek()
    door = gebruiker("RCCB-MN")
    oud = Bijstandsverzoek.objects.get(pk=verzoek.pk)  # without its relations loaded
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(titel="Gewijzigd elders")
    # Not vers: read again, so a changed request is shown as it is now.
    assert selectors.verzoek_detail(verzoek=oud).verzoek.titel == "Gewijzigd elders"
    # vers, but without the relations loaded: read again as well.
    assert selectors.verzoek_detail(verzoek=oud, vers=True).verzoek.titel == "Gewijzigd elders"
    vers = selectors.access_verzoek_by_uuid(door, verzoek.uuid)
    with django_assert_num_queries(0):
        assert vers.rccb.code == "RCCB-MN"  # loaded with it
    gewoon = len(_queries(lambda: selectors.verzoek_detail(verzoek=vers)))
    zonder = _queries(lambda: selectors.verzoek_detail(verzoek=vers, vers=True))
    assert len(zonder) == gewoon - 1
    assert not any('FROM "verzoeken_bijstandsverzoek"' in q for q in zonder)
    detail = selectors.verzoek_detail(verzoek=vers, vers=True)
    assert detail.verzoek is vers
    assert [g.code for g in detail.verzoek.gemeenten.all()] == ["GM0344"]
    assert [t.pk for t in detail.taken] == list(
        Taak.objects.filter(verzoek=verzoek)
        .order_by("aangemaakt_op", "id")
        .values_list("pk", flat=True)
    )


def _queries(doe: Any) -> list[str]:
    """The SQL of the queries `doe()` asks."""
    with CaptureQueriesContext(connection) as vastgelegd:
        doe()
    return [q["sql"] for q in vastgelegd.captured_queries]


def test_contacten_voor_de_volgende_stap() -> None:
    verzoek = maak_verzoek()
    services.taak_afronden(taak=open_taken(verzoek)[0], data={}, door=gebruiker("RCCB-MN"), nu=NU)
    services.taak_afronden(taak=open_taken(verzoek)[0], data={}, door=gebruiker("RCCB-MN"), nu=NU)
    detail = selectors.verzoek_detail(verzoek=verzoek)
    assert [t.bpmn_id for t in detail.open_taken] == ["taak_aanvraagformulier_opstellen"]
    assert [o.code for o in detail.contacten] == ["RCCB-MN"]


# --- work queue ---------------------------------------------------------------------------------


def test_werkvoorraad_alleen_eigen_organisatie_te_laat_eerst() -> None:
    # A water cannon: the RCCB itself formalises (the form); in 3 it is the burgemeester (#8).
    waterwerper = [{"leverancier": "middelen_jenv", "middel": "waterwerper"}]
    spoed = maak_verzoek(situatie(gevraagd=waterwerper, spoed=True))
    gewoon = maak_verzoek()
    services.telefonisch_contact_vastleggen(
        taak=open_taken(spoed)[0],
        beller="RCCB",
        gebelde_organisatie=org("LOCC"),
        gebeld="LOCC",
        tijdstip=NU,
        afspraken="Start.",
        door=gebruiker("RCCB-MN"),
        nu=NU,
    )
    rccb = gebruiker("RCCB-MN")
    taken = list(selectors.taak_list_for_werkvoorraad(gebruiker=rccb))
    assert [(t.verzoek_id, t.bpmn_id) for t in taken] == [
        (spoed.pk, "taak_schriftelijk_formaliseren"),  # has a due time: first
        (gewoon.pk, "taak_vooroverleg_ccb_kmar"),
    ]
    assert [
        t.bpmn_id for t in selectors.taak_list_for_werkvoorraad(gebruiker=rccb, spoed=False)
    ] == ["taak_vooroverleg_ccb_kmar"]
    assert [
        t.bpmn_id for t in selectors.taak_list_for_werkvoorraad(gebruiker=gebruiker("LOCC"))
    ] == ["taak_aanvraag_toetsen"]
    assert list(selectors.taak_list_for_werkvoorraad(gebruiker=gebruiker("RCCB-RT"))) == []
    assert list(selectors.taak_list_for_werkvoorraad(gebruiker=rccb, procedure="1")) == []
    assert (
        len(list(selectors.taak_list_for_werkvoorraad(gebruiker=rccb, eenheid_code="EENHEID-MN")))
        == 2
    )

    services.taak_oppakken(taak=taken[1], door=rccb, nu=NU)
    tellingen = selectors.werkvoorraad_tellingen(gebruiker=rccb, nu=NU + timedelta(days=2))
    assert tellingen == selectors.WerkvoorraadTellingen(
        totaal=2,
        open=1,
        opgepakt=1,
        te_laat=1,
        spoed=1,
        per_procedure={"2_waterwerper": 1, "3": 1},
        per_eenheid={"EENHEID-MN": 2},
    )
    assert [
        t.bpmn_id for t in selectors.taak_list_for_werkvoorraad(gebruiker=rccb, status="opgepakt")
    ] == ["taak_vooroverleg_ccb_kmar"]


def test_access_taak_by_id_alleen_eigen_organisatie() -> None:
    verzoek = maak_verzoek()
    taak = open_taken(verzoek)[0]
    assert selectors.access_taak_by_id(gebruiker("RCCB-MN"), taak.pk) == taak
    for code in ("RCCB-RT", "LOCC"):
        with pytest.raises(Http404):
            selectors.access_taak_by_id(gebruiker(code), taak.pk)
    with pytest.raises(Http404):
        selectors.access_taak_by_id(gebruiker("RCCB-MN"), "x")


# --- query bounds -----------------------------------------------------------------------------


def test_werkvoorraad_queries_begrensd(django_assert_max_num_queries: Any) -> None:
    for _ in range(5):
        maak_verzoek()
    rccb = gebruiker("RCCB-MN", Rol.BESLUITVORMER)
    rccb = type(rccb).objects.select_related("organisatie").get(pk=rccb.pk)
    with django_assert_max_num_queries(1):
        taken = list(selectors.taak_list_for_werkvoorraad(gebruiker=rccb))
        for t in taken:
            str(t.verzoek.kenmerk), str(t.eenheid.naam), t.lane, t.opgepakt_door
    assert len(taken) == 5
    with django_assert_max_num_queries(3):
        selectors.werkvoorraad_tellingen(gebruiker=rccb)


def test_verzoekpagina_queries_begrensd(django_assert_max_num_queries: Any) -> None:
    verzoek = maak_verzoek(
        regels=(services.InzetRegel("ME-peloton", 4), services.InzetRegel("Arrestatieteam", 1))
    )
    doorlopen(verzoek)
    door = gebruiker("LOCC")
    door = type(door).objects.select_related("organisatie").get(pk=door.pk)
    verzoek = selectors.access_verzoek_by_uuid(door, verzoek.uuid)
    # audit (4 with the savepoint; 5 on PostgreSQL with its advisory lock) + request,
    # municipalities, parts and their lines, decisions, decision lines, deployment versions,
    # appeals, tasks, history, calls (12)
    with django_assert_max_num_queries(17):
        detail = selectors.verzoek_bekijken(verzoek=verzoek, door=door)
        for deel in detail.deelverzoeken:
            list(deel.regels.all())
            for besluit in deel.besluiten.all():
                [r.regel.omschrijving for r in besluit.regels.all()]
            list(deel.inzetversies.all())
        [g.naam for g in detail.verzoek.gemeenten.all()]
        [t.organisatie.naam for t in detail.open_taken]
    assert Taak.objects.filter(verzoek=verzoek, status=TaakStatus.AFGEROND).count() == 15
