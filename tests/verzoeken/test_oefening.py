"""Exercises (oefenmodus): marked everywhere, no claims, not counted, closed at once (#11 item 5).

ADR 0043.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.capaciteit.models import Claim
from politiebijstand.capaciteit.services import register_laden
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.services import document_pad
from politiebijstand.fnik.models import Kostenpost
from politiebijstand.fnik.selectors import overzicht
from politiebijstand.fnik.services import raming_vastleggen
from politiebijstand.meldingen.models import Bericht
from politiebijstand.rapportages.selectors import verzoeken_voor_rapportage
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TAAK_OPENSTAAND, Gebeurtenis
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeOvergang
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from politiebijstand.verzoeken.services.evaluatie import evaluatie_pdf_opslaan
from politiebijstand.verzoeken.services.verzoek import GEEN_OEFENING
from tests.documenten.pdf import tekst
from tests.verzoeken.helpers import (
    NU,
    defensie,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    org,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken_ui.helpers import als, inhoud
from tests.verzoeken_ui.test_formulieren import GELDIG, nieuw_url

pytestmark = pytest.mark.usefixtures("referentiedata")


def maak_oefening(sit: Mapping[str, Any] | None = None, *, nu: datetime = NU) -> Bijstandsverzoek:
    """A request of RCCB-MN for Utrecht (KMar, procedure 3) marked as an exercise."""
    return services.verzoek_aanmaken(
        situatie=dict(sit or situatie()),
        titel="Oefening openbare orde Utrecht",
        bevoegd_gezag=org("GM0344"),
        periode_start=nu + timedelta(days=2),
        periode_eind=nu + timedelta(days=2, hours=8),
        locatie="Jaarbeursplein, Utrecht",
        gevraagde_capaciteit="4 pelotons",
        regels=(services.InzetRegel("ME-peloton", 4),),
        oefening=True,
        door=gebruiker("RCCB-MN"),
        nu=nu,
    )


def _besluit_locc(verzoek: Bijstandsverzoek) -> Taak:
    while True:
        taken = open_taken(verzoek)
        besluit = [t for t in taken if t.bpmn_id == "taak_besluit_locc"]
        if besluit:
            return besluit[0]
        for taak in taken:
            stap_uitvoeren(taak, None, NU)


# --- marking ---------------------------------------------------------------------------------


def test_oefening_wordt_vastgelegd_en_geaudit() -> None:
    oefening = maak_oefening()
    echt = maak_verzoek()
    assert (oefening.oefening, echt.oefening) == (True, False)
    entry = AuditLogEntry.objects.get(
        gebeurtenis=Gebeurtenis.VERZOEK_AANGEMAAKT, object_id=str(oefening.pk)
    )
    assert (entry.na or {})["oefening"] is True


def test_waterwerper_oefening_uit_de_situatie_is_een_oefening() -> None:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "waterwerper", "oefening": True}]
    verzoek = maak_verzoek(situatie(gevraagd=gevraagd))
    assert verzoek.oefening is True
    gevraagd[0]["oefening"] = False
    assert maak_verzoek(situatie(gevraagd=gevraagd)).oefening is False


def test_elk_onderwerp_van_een_oefening_begint_met_oefening() -> None:
    oefening = maak_oefening()
    echt = maak_verzoek()
    onderwerpen = list(
        Bericht.objects.filter(object_id=str(oefening.pk)).values_list("onderwerp", flat=True)
    ) + [
        b.onderwerp
        for b in Bericht.objects.filter(soort="taak-klaargezet")
        if b.onderwerp.endswith(oefening.titel) or oefening.kenmerk in b.onderwerp
    ]
    assert onderwerpen
    assert all(o.startswith("OEFENING: ") for o in onderwerpen), onderwerpen
    echte = [b.onderwerp for b in Bericht.objects.all() if echt.kenmerk in b.onderwerp]
    assert echte
    assert not any(o.startswith("OEFENING") for o in echte)


def test_onderwerp_exact() -> None:
    oefening = maak_oefening()
    onderwerp, _ = services.gedeeld.bericht_tekst("verzoek_ingetrokken", verzoek=oefening)
    assert onderwerp == f"OEFENING: {oefening.kenmerk}: verzoek ingetrokken"


def test_banner_en_labels_op_de_paginas() -> None:
    oefening = maak_oefening()
    echt = maak_verzoek()
    client, _ = als("RCCB-MN")
    banner = "<strong>OEFENING</strong>: dit verzoek is een oefening."
    html = inhoud(client.get(f"/verzoeken/{oefening.uuid}/"))
    assert banner in html
    assert "Oefening afsluiten" in html
    html = inhoud(client.get(f"/verzoeken/{echt.uuid}/"))
    assert banner not in html
    assert "Oefening afsluiten" not in html
    taak = open_taken(oefening)[0]
    assert banner in inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    lijst = inhoud(client.get("/verzoeken/"))
    tag = '<strong class="pb-oefening-tag">OEFENING</strong>'
    assert lijst.count(tag) == 1
    assert f"{oefening.kenmerk}</a> {tag}" in lijst


def test_werkvoorraad_en_beeld_tonen_het_label() -> None:
    # The picture leaves out what has ended by the real now: a period far ahead.
    toekomst = datetime(2099, 1, 12, 9, 0, tzinfo=UTC)
    oefening = maak_oefening(nu=toekomst)
    maak_verzoek(nu=toekomst)
    tag = '<strong class="pb-oefening-tag">OEFENING</strong>'
    client, _ = als("RCCB-MN")
    werkvoorraad = inhoud(client.get("/werkvoorraad/"))
    assert f"{oefening.kenmerk}</a> {tag}" in werkvoorraad
    beeld = inhoud(client.get("/beeld/"))
    assert beeld.count(tag) == 1


def test_aanmaakformulier_met_het_vinkje_maakt_een_oefening() -> None:
    client, _ = als("RCCB-MN")
    url = nieuw_url()
    html = inhoud(client.get(url))
    assert (
        '<input type="checkbox" name="oefening" aria-describedby="id_oefening_helptext" '
        'id="id_oefening">'
    ) in html
    assert '<label class="utrecht-form-label" for="id_oefening">Dit is een oefening ' in html
    data = {**GELDIG, "bevoegd_gezag": org("GM0344").pk, "oefening": "on"}
    response = client.post(url, data)
    assert response.status_code == 302
    verzoek = Bijstandsverzoek.objects.get(titel=GELDIG["titel"])
    assert verzoek.oefening is True
    html = inhoud(client.get(response["Location"]))
    assert "<strong>OEFENING</strong>: dit verzoek is een oefening." in html
    response = client.post(url, {**GELDIG, "bevoegd_gezag": org("GM0344").pk, "titel": "Echt"})
    assert Bijstandsverzoek.objects.get(titel="Echt").oefening is False


def test_documenten_van_een_oefening_dragen_oefening() -> None:
    oefening = maak_oefening()
    doorlopen(oefening)
    evaluatie_pdf_opslaan(verzoek=oefening, door=gebruiker("RCCB-MN"), nu=NU + timedelta(days=3))
    brieven = Document.objects.filter(verzoek=oefening)
    assert sorted(set(brieven.values_list("soort", flat=True))) == [
        "aanvraagformulier",
        "besluit",
        "evaluatie",
        "verzoek_defensie",
    ]
    for brief in brieven:
        text = tekst(document_pad(brief).read_bytes())
        assert "OEFENING: dit document hoort bij een oefening" in text, brief.soort
    echt = maak_verzoek()
    doorlopen(echt)
    for brief in Document.objects.filter(verzoek=echt):
        assert "OEFENING" not in tekst(document_pad(brief).read_bytes())


# --- capacity, reports, FNIK -----------------------------------------------------------------


def test_een_oefening_claimt_geen_capaciteit() -> None:
    register_laden()
    oefening = maak_oefening()
    echt = maak_verzoek()
    assert Claim.objects.filter(verzoek_id=oefening.pk).count() == 0
    assert Claim.objects.filter(verzoek_id=echt.pk).count() == 1
    doorlopen(oefening)
    assert Claim.objects.filter(verzoek_id=oefening.pk).count() == 0
    verwerkt = Taak.objects.get(verzoek=oefening, bpmn_id="taak_aanvraag_verwerken")
    assert (verwerkt.gegevens or {})["capaciteit"] == "niets geclaimd"


def test_rapportage_telt_geen_oefeningen() -> None:
    oefening = maak_oefening()
    echt = maak_verzoek()
    ids = set(
        verzoeken_voor_rapportage(gebruiker=gebruiker("LOCC"), jaar=2026).values_list(
            "pk", flat=True
        )
    )
    assert ids == {echt.pk}
    assert oefening.pk not in ids


def test_fnik_geen_raming_en_niet_in_het_overzicht() -> None:
    oefening = maak_oefening()
    taak = _besluit_locc(oefening)
    door = gebruiker("LOCC", Rol.BESLUITVORMER)
    antwoord = {"uitkomst": "toegekend"}
    services.besluit_nemen(
        taak=taak,
        uitkomst="toegekend",
        motivering="",
        door=door,
        nu=NU,
        raming_fnik=Decimal("12500.50"),
        **defensie(taak, antwoord),
    )
    assert not Kostenpost.objects.exists()
    # Even a post recorded directly is left out of the overview.
    deel = Deelverzoek.objects.select_related("verzoek").get(verzoek=oefening)
    raming_vastleggen(deelverzoek=deel, bedrag="100.00", door=door, nu=NU)
    echt = Deelverzoek.objects.select_related("verzoek").get(verzoek=maak_verzoek())
    raming_vastleggen(deelverzoek=echt, bedrag="200.00", door=door, nu=NU)
    o = overzicht(2026, nu=NU)
    assert [i.deelverzoek_id for i in o.inzetten] == [echt.pk]
    assert o.open_ramingen == Decimal("200.00")


# --- closing in one action -------------------------------------------------------------------


def test_oefening_afsluiten_in_een_keer() -> None:
    oefening = maak_oefening()
    assert open_taken(oefening)
    rccb = gebruiker("RCCB-MN")
    services.oefening_afsluiten(verzoek=oefening, door=rccb, nu=NU + timedelta(hours=1))
    oefening.refresh_from_db()
    assert oefening.status == "ingetrokken"
    assert oefening.ingetrokken_reden == "Oefening afgesloten."
    assert list(Deelverzoek.objects.filter(verzoek=oefening).values_list("status", flat=True)) == [
        "ingetrokken"
    ]
    assert not Taak.objects.filter(verzoek=oefening, status__in=TAAK_OPENSTAAND).exists()
    entry = AuditLogEntry.objects.get(
        gebeurtenis=Gebeurtenis.OEFENING_AFGESLOTEN, object_id=str(oefening.pk)
    )
    assert (entry.na or {})["delen"] == ["1:intrekken"]
    assert (entry.na or {})["taken_vervallen"] == 1
    bericht = Bericht.objects.get(soort="oefening-afgesloten")
    assert bericht.onderwerp == f"OEFENING: {oefening.kenmerk}: oefening afgesloten"
    with pytest.raises(OngeldigeOvergang, match="deze oefening is al afgesloten"):
        services.oefening_afsluiten(verzoek=oefening, door=rccb)


def test_oefening_afsluiten_door_het_locc_na_het_besluit() -> None:
    oefening = maak_oefening()
    doorlopen(oefening)
    services.oefening_afsluiten(verzoek=oefening, door=gebruiker("LOCC"))
    oefening.refresh_from_db()
    assert oefening.ingetrokken_reden == "Oefening afgesloten."
    assert not Taak.objects.filter(verzoek=oefening, status__in=TAAK_OPENSTAAND).exists()


def test_oefening_afsluiten_geweigerd_voor_een_echt_verzoek_en_andere_partijen() -> None:
    echt = maak_verzoek()
    taken = len(open_taken(echt))
    with pytest.raises(OngeldigeOvergang) as fout:
        services.oefening_afsluiten(verzoek=echt, door=gebruiker("RCCB-MN"))
    assert (fout.value.code, fout.value.veld, fout.value.message) == (
        "geen-oefening",
        "verzoek",
        GEEN_OEFENING,
    )
    echt.refresh_from_db()
    assert (echt.status, echt.ingetrokken_reden, len(open_taken(echt))) == (
        "in_behandeling",
        "",
        taken,
    )
    oefening = maak_oefening()
    with pytest.raises(GeenToegang):
        services.oefening_afsluiten(verzoek=oefening, door=gebruiker("GM0344"))
    assert open_taken(oefening)


def test_knop_oefening_afsluiten() -> None:
    oefening = maak_oefening()
    echt = maak_verzoek()
    client, _ = als("RCCB-MN")
    url = f"/verzoeken/{oefening.uuid}/oefening-afsluiten/"
    assert "Alle open delen van deze oefening" in inhoud(client.get(url))
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/verzoeken/{oefening.uuid}/"
    assert not open_taken(oefening)
    response = client.post(f"/verzoeken/{echt.uuid}/oefening-afsluiten/")
    assert response.status_code == 400
    assert "Dit verzoek is geen oefening" in inhoud(response)
    assert open_taken(echt)
    gemeente, _ = als("GM0344")
    ander = maak_oefening()
    response = gemeente.post(f"/verzoeken/{ander.uuid}/oefening-afsluiten/")
    assert response.status_code == 403
    assert open_taken(ander)
