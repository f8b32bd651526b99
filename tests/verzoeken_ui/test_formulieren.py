"""Making a request from the advice, the task forms, decisions, appeal, deployment, withdrawal."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.test import Client

import pytest
import time_machine

from politiebijstand.accounts.constants import Rol
from politiebijstand.verzoeken.constants import DeelverzoekStatus, TaakStatus, VerzoekStatus
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelverzoek,
    InzetVersie,
    Taak,
    TelefonischContact,
)
from politiebijstand.verzoeken.services import InzetRegel
from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie
from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    org,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def nieuw_url(**velden: object) -> str:
    query = urlsplit(resultaat_url_voor_situatie(situatie(**velden))).query
    return f"/verzoeken/nieuw/?{query}"


GELDIG = {
    "titel": "Voetbalwedstrijd FC Utrecht",
    "omschrijving": "Risicowedstrijd.",
    "periode_start": "2026-07-01T18:30",
    "periode_eind": "2026-07-01T23:00",
    "locatie": "Stadion Galgenwaard",
    "gevraagde_capaciteit": "",
    "gewenst_effect": "",
    "regels_1": "4 ME-pelotons\nhondengeleiders",
}


# --- the wizard's button and the creation form ----------------------------------------------


def test_adviespagina_toont_de_knop_alleen_aan_een_rccb() -> None:
    url = resultaat_url_voor_situatie(situatie())
    rccb, _ = als("RCCB-MN")
    query = urlsplit(url).query.replace("&", "&amp;")
    knop = f'href="/verzoeken/nieuw/?{query}">Bijstandsverzoek aanmaken</a>'
    assert knop in inhoud(rccb.get(url))
    locc, _ = als("LOCC")
    assert "Bijstandsverzoek aanmaken" not in inhoud(locc.get(url))


def test_verzoek_aanmaken_vanuit_het_advies() -> None:
    client, wie = als("RCCB-MN")
    url = nieuw_url()
    html = inhoud(client.get(url))
    assert "Deel 1: Procedure 3: bijstand door de KMar, openbare orde</p>" in html
    gemeente = org("GM0344")
    assert (
        f'<option value="{gemeente.pk}" selected>Gemeente Utrecht (burgemeester)</option>' in html
    )
    response = client.post(
        url, {**GELDIG, "bevoegd_gezag": gemeente.pk, "gemeenten": [gemeente.pk]}
    )
    verzoek = Bijstandsverzoek.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/verzoeken/{verzoek.uuid}/"
    assert verzoek.aangevraagd_door_id == wie.pk
    # Entered in Amsterdam summer time (UTC+2), stored in UTC.
    assert verzoek.periode_start == datetime(2026, 7, 1, 16, 30, tzinfo=UTC)
    assert verzoek.periode_eind == datetime(2026, 7, 1, 21, 0, tzinfo=UTC)
    assert verzoek.situatie["gevraagd"] == [{"leverancier": "kmar"}]
    (deel,) = Deelverzoek.objects.filter(verzoek=verzoek)
    assert [(r.omschrijving, r.aantal) for r in deel.regels.all()] == [
        ("ME-pelotons", 4),
        ("hondengeleiders", None),
    ]
    assert [t.bpmn_id for t in open_taken(verzoek)] == ["taak_vooroverleg_ccb_kmar"]
    assert "is aangemaakt; de eerste taken staan klaar." in inhoud(client.get(response["Location"]))


def test_verzoek_aanmaken_noemt_het_foute_veld_en_bewaart_niets() -> None:
    client, _ = als("RCCB-MN")
    gemeente = org("GM0344")
    data = {**GELDIG, "bevoegd_gezag": gemeente.pk, "periode_eind": "2026-07-01T17:00"}
    html = inhoud(client.post(nieuw_url(), data))
    assert "Einde van de inzet: het einde moet na het begin liggen" in html
    data = {**GELDIG, "bevoegd_gezag": gemeente.pk, "regels_1": "", "titel": ""}
    html = inhoud(client.post(nieuw_url(), data))
    assert "Titel: Dit veld is vereist." in html
    buiten = org("GM0363")  # Amsterdam: not in Midden-Nederland, so not a choice
    html = inhoud(client.post(nieuw_url(), {**GELDIG, "bevoegd_gezag": buiten.pk}))
    assert "Bevoegd gezag: Selecteer een geldige keuze." in html
    assert Bijstandsverzoek.objects.count() == 0


def test_alleen_een_rccb_maakt_een_verzoek_aan() -> None:
    client, _ = als("LOCC")
    response = client.get(nieuw_url())
    assert response.status_code == 403
    assert "Alleen het RCCB van de eenheid die bijstand nodig heeft" in inhoud(response)


def test_zonder_volledige_antwoorden_terug_naar_de_wijzer() -> None:
    client, _ = als("RCCB-MN")
    response = client.get("/verzoeken/nieuw/")
    assert response.status_code == 302
    assert response["Location"].startswith("/wijzer/")


# --- the task form ------------------------------------------------------------------------------


def test_stapformulier_toont_de_factsheet_en_rondt_af() -> None:
    verzoek = maak_verzoek()
    client, wie = als("RCCB-MN")
    (taak,) = open_taken(verzoek)
    html = inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    assert "Wat deze stap is (factsheet)</h2>" in html
    assert "Er kunnen geen toezeggingen gedaan worden" in html
    assert "Stap overslaan</h2>" in html
    response = client.post(
        f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "verslag": "Gebeld."}
    )
    assert response.status_code == 302
    taak.refresh_from_db()
    assert (taak.status, taak.afgerond_door_id, taak.gegevens) == (
        TaakStatus.AFGEROND,
        wie.pk,
        {"verslag": "Gebeld."},
    )
    (volgende,) = open_taken(verzoek)
    assert volgende.bpmn_id == "taak_vooroverleg_locc"
    # The RCCB's next step of this request (issue #8).
    assert response["Location"] == f"/verzoeken/taken/{volgende.pk}/"


def test_optionele_stap_overslaan_vraagt_een_reden() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    (taak,) = open_taken(verzoek)
    html = inhoud(client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "overslaan", "reden": ""}))
    assert "Reden om deze stap over te slaan: Dit veld is vereist." in html
    client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "overslaan", "reden": "Niet bereikbaar"})
    taak.refresh_from_db()
    assert (taak.overgeslagen, taak.gegevens) == (
        True,
        {"overgeslagen": True, "reden": "Niet bereikbaar"},
    )


def test_een_collega_rondde_de_stap_eerder_af() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    eerste, wie = als("RCCB-MN")
    tweede, _ = als("RCCB-MN")
    tweede.get(f"/verzoeken/taken/{taak.pk}/")  # both have the form open
    eerste.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "verslag": "eerste"})
    response = tweede.post(
        f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "verslag": "tweede"}
    )
    html = inhoud(response)
    assert response.status_code == 200
    assert f"Deze taak is al afgerond door {wie.username} op " in html
    assert "Er is niets gewijzigd." in html
    taak.refresh_from_db()
    assert taak.gegevens == {"verslag": "eerste"}


def test_taak_van_een_andere_organisatie_geeft_404() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, _ = als("LOCC")
    assert client.get(f"/verzoeken/taken/{taak.pk}/").status_code == 404
    assert client.post(f"/verzoeken/taken/{taak.pk}/", {"verslag": "x"}).status_code == 404


def _tot_besluit(verzoek: Bijstandsverzoek, bpmn_id: str) -> Taak:
    while True:
        taken = open_taken(verzoek)
        besluit = [t for t in taken if t.bpmn_id == bpmn_id]
        if besluit:
            return besluit[0]
        doorlopen_een(taken)


def doorlopen_een(taken: list[Taak]) -> None:
    for taak in taken:
        stap_uitvoeren(taak, None, NU)


#: The LOCC's or OZI's answers on Defence's standpoint and agreement (procedures 3, 4, 7, 8).
DEFENSIE_JA = {
    "standpunt_defensie": "Defensie stemt in met twee pelotons.",
    "overeenstemming_defensie": "ja",
    "raming_fnik": "12500,00",
}


def test_besluitformulier_vraagt_standpunt_en_overeenstemming_van_defensie() -> None:
    verzoek = maak_verzoek(regels=(InzetRegel("ME-peloton", 4),))
    taak = _tot_besluit(verzoek, "taak_besluit_locc")
    besluitvormer, _ = als("LOCC", Rol.BESLUITVORMER)
    url = f"/verzoeken/taken/{taak.pk}/"
    html = inhoud(besluitvormer.get(url))
    assert (
        '<label class="utrecht-form-label" for="id_standpunt_defensie">Standpunt van het '
        "Ministerie van Defensie</label>"
    ) in html
    assert "Stemt de Minister van Defensie in met de wijze van bijstand?" in html
    assert "Art. 57 lid 3: op welke wijze, in overeenstemming met de Minister van Defensie" in html
    assert "pb-erratum" not in html
    html = inhoud(besluitvormer.post(url, {"uitkomst": "toegekend"}))
    assert "Standpunt van het Ministerie van Defensie: " in html
    assert not Besluit.objects.exists()
    html = inhoud(
        besluitvormer.post(
            url,
            {
                "uitkomst": "toegekend",
                "standpunt_defensie": "Niet zo.",
                "overeenstemming_defensie": "nee",
                "raming_fnik": "100",
            },
        )
    )
    assert "alleen afwijzen is mogelijk" in html
    assert not Besluit.objects.exists()
    response = besluitvormer.post(url, {"uitkomst": "toegekend", **DEFENSIE_JA})
    assert response.status_code == 302
    html = inhoud(besluitvormer.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "<strong>Standpunt van Defensie:</strong> Defensie stemt in met twee pelotons." in html
    assert "<strong>Overeenstemming met Defensie over de wijze:</strong> ja" in html
    assert "Maatstaf: Pw 2012 art. 57 lid 2: of bijstand wordt verleend" in html


def test_besluitformulier_procedure_4_toont_het_erratum_na_overleg() -> None:
    krijgsmacht = [{"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True}]
    verzoek = maak_verzoek(situatie(gevraagd=krijgsmacht))
    taak = _tot_besluit(verzoek, "taak_besluit_locc")
    besluitvormer, _ = als("LOCC", Rol.BESLUITVORMER)
    html = inhoud(besluitvormer.get(f"/verzoeken/taken/{taak.pk}/"))
    assert "Erratum factsheet: toelichting 4 zegt dat het LOCC" in html
    assert "Pw 2012 art. 58 lid 2" in html


def test_afwijzing_van_defensie_doorgeven_biedt_alleen_afwijzen() -> None:
    krijgsmacht = [{"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True}]
    verzoek = maak_verzoek(situatie(gevraagd=krijgsmacht))
    djz = _tot_besluit(verzoek, "taak_besluit_defensie")
    stap_uitvoeren(djz, {"uitkomst": "afgewezen", "motivering": "Geen eenheid."}, NU)
    taak = _tot_besluit(verzoek, "taak_afwijzing_defensie_doorgeven")
    besluitvormer, _ = als("LOCC", Rol.BESLUITVORMER)
    url = f"/verzoeken/taken/{taak.pk}/"
    html = inhoud(besluitvormer.get(url))
    assert 'name="uitkomst" value="afgewezen"' in html
    assert 'name="uitkomst" value="toegekend"' not in html
    assert "standpunt_defensie" not in html
    response = besluitvormer.post(url, {"uitkomst": "afgewezen"})
    assert response.status_code == 302
    assert Besluit.objects.get(taak=taak).motivering == (
        "Afgewezen door de Minister van Defensie (DJZ): Geen eenheid."
    )


def test_besluitformulier_alleen_voor_een_besluitvormer_met_per_regel() -> None:
    verzoek = maak_verzoek(regels=(InzetRegel("ME-peloton", 4),))
    taak = _tot_besluit(verzoek, "taak_besluit_locc")
    medewerker, _ = als("LOCC")
    html = inhoud(medewerker.get(f"/verzoeken/taken/{taak.pk}/"))
    assert "Alleen een besluitvormer van uw organisatie kan dit besluit nemen." in html
    assert "Besluit vastleggen" not in html
    besluitvormer, wie = als("LOCC", Rol.BESLUITVORMER)
    html = inhoud(besluitvormer.get(f"/verzoeken/taken/{taak.pk}/"))
    assert (
        "Dit besluit wordt genomen <strong>namens de Minister van Justitie en Veiligheid, na "
        "overleg met de Minister van Defensie (of) en in overeenstemming met de Minister van "
        "Defensie (op welke wijze)</strong>." in html
    )
    regel = Deelverzoek.objects.get(verzoek=verzoek).regels.get()
    html = inhoud(
        besluitvormer.post(
            f"/verzoeken/taken/{taak.pk}/", {"uitkomst": "deels_toegekend", "motivering": "Deels."}
        )
    )
    assert "bij een gedeeltelijke toekenning." in html
    response = besluitvormer.post(
        f"/verzoeken/taken/{taak.pk}/",
        {
            "uitkomst": "deels_toegekend",
            "motivering": "Twee pelotons beschikbaar.",
            "voorwaarden": "Onder bevel van de KMar-commandant.",
            f"regel_{regel.pk}": "toegekend",
            f"regel_{regel.pk}_aantal": "2",
            **DEFENSIE_JA,
        },
    )
    assert response.status_code == 302
    besluit = Besluit.objects.get()
    assert (besluit.uitkomst, besluit.genomen_door_id, besluit.voorwaarden) == (
        "deels_toegekend",
        wie.pk,
        "Onder bevel van de KMar-commandant.",
    )
    assert [(r.uitkomst, r.toegekend_aantal) for r in besluit.regels.all()] == [("toegekend", 2)]
    html = inhoud(besluitvormer.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "<strong>Gedeeltelijk toegekend</strong>" in html
    assert "4 ME-peloton: toegekend (2)" in html


def test_de_aanvrager_besluit_niet_zelf() -> None:
    aanvrager = gebruiker("KORPSCHEF", Rol.BESLUITVORMER)
    verzoek = maak_verzoek(
        situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}], spoed=True),
        bevoegd_gezag="GM0345",
    )
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(aangevraagd_door=aanvrager)
    taak = _tot_besluit(verzoek, "taak_besluit_korpschef")
    tweede_factor_instellen(aanvrager)
    client = Client()
    client.force_login(aanvrager)
    html = inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    assert "U hebt dit verzoek zelf aangevraagd en kunt er daarom niet over besluiten." in html
    response = client.post(f"/verzoeken/taken/{taak.pk}/", {"uitkomst": "toegekend"})
    assert response.status_code == 403
    assert not Besluit.objects.exists()


def test_telefonisch_contact_op_het_spoedpad() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    (taak,) = open_taken(verzoek)
    assert taak.bpmn_id == "taak_telefonisch_contact_vastgelegd"
    client, _ = als("RCCB-MN")
    html = inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    assert "Wie belde (naam en functie)" in html
    locc = org("LOCC")
    assert f'<option value="{locc.pk}" selected>' in html
    html = inhoud(
        client.post(f"/verzoeken/taken/{taak.pk}/", {"actie": "afronden", "beller": "Hoofd RCCB"})
    )
    assert "Wat is afgesproken: Dit veld is vereist." in html
    response = client.post(
        f"/verzoeken/taken/{taak.pk}/",
        {
            "actie": "afronden",
            "beller": "Hoofd RCCB",
            "gebelde_organisatie": locc.pk,
            "gebeld": "Piket LOCC",
            "tijdstip": "2026-03-01T10:15",
            "afspraken": "Twee pelotons vertrekken direct.",
        },
    )
    assert response.status_code == 302
    contact = TelefonischContact.objects.get()
    assert contact.tijdstip == datetime(2026, 3, 1, 9, 15, tzinfo=UTC)
    assert (contact.beller, contact.gebeld, contact.gebelde_organisatie_id) == (
        "Hoofd RCCB",
        "Piket LOCC",
        locc.pk,
    )
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "<strong>Telefonisch contact: Hoofd RCCB belde Piket LOCC</strong>" in html
    assert "<dt>Afspraken</dt><dd>Twee pelotons vertrekken direct.</dd>" in html
    # The moment of the call in Dutch time, not as stored (ISO 8601, UTC).
    assert "<dt>Tijdstip</dt><dd>01-03-2026 10:15</dd>" in html
    assert "2026-03-01T09:15:00+00:00" not in html


# --- appeal, deployment, withdrawal -------------------------------------------------------------


def test_beroep_na_afwijzing_van_procedure_1_start_procedure_9() -> None:
    verzoek = maak_verzoek(
        situatie(gemeenten=["Veenendaal"], gevraagd=[{"leverancier": "politie"}]),
        bevoegd_gezag="GM0345",
    )
    doorlopen(
        verzoek,
        {"taak_besluit_korpschef": {"uitkomst": "afgewezen", "motivering": "Geen capaciteit."}},
    )
    link = f'href="/verzoeken/{verzoek.uuid}/delen/1/beroep/">Beroep instellen bij de minister</a>'
    geldig = {"reden": "Nodig.", "bevestigd": "on"}
    # The RCCB takes part but never appeals (ADR-0022): no link, and refused, nothing changed.
    rccb, _ = als("RCCB-MN")
    assert link not in inhoud(rccb.get(f"/verzoeken/{verzoek.uuid}/"))
    response = rccb.post(f"/verzoeken/{verzoek.uuid}/delen/1/beroep/", geldig)
    assert response.status_code == 403
    assert not Deelverzoek.objects.filter(verzoek=verzoek, procedure_id="9").exists()

    client, _ = als("GM0345", Rol.BESLUITVORMER)
    assert link in inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    html = inhoud(client.post(f"/verzoeken/{verzoek.uuid}/delen/1/beroep/", {"reden": "Nodig."}))
    assert "Ik stel beroep in bij de Minister van Justitie en Veiligheid" in html
    assert not Deelverzoek.objects.filter(verzoek=verzoek, procedure_id="9").exists()
    response = client.post(f"/verzoeken/{verzoek.uuid}/delen/1/beroep/", geldig)
    assert response.status_code == 302
    beroep = Deelverzoek.objects.get(verzoek=verzoek, procedure_id="9")
    assert beroep.beroep_op.status == DeelverzoekStatus.IN_BEROEP  # type: ignore[union-attr]
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "Deel 2: Procedure 9" in html
    assert "Beroep instellen bij de minister</a>" not in html
    locc, _ = als("LOCC", Rol.BESLUITVORMER)  # takes part (LE-POB informs it), never appeals
    response = locc.post(f"/verzoeken/{verzoek.uuid}/delen/1/beroep/", geldig)
    assert response.status_code == 403
    assert "Alleen de burgemeester of de officier van justitie die om bijstand vroeg" in inhoud(
        response
    )
    buiten, _ = als("RCCB-AM")
    assert buiten.post(f"/verzoeken/{verzoek.uuid}/delen/1/beroep/", geldig).status_code == 404


def test_inzet_starten_verlengen_en_versies_tonen() -> None:
    verzoek = maak_verzoek()
    doorlopen(verzoek, {"taak_besluit_locc": {"uitkomst": "toegekend"}})
    client, _ = als("RCCB-MN")
    basis = f"/verzoeken/{verzoek.uuid}/delen/1/inzet"
    response = client.post(
        f"{basis}/starten/",
        {
            "periode_start": "2026-03-04T10:00",
            "periode_eind": "2026-03-04T18:00",
            "capaciteit": "4 pelotons",
        },
    )
    assert response.status_code == 302
    html = inhoud(
        client.post(f"{basis}/verlengen/", {"periode_eind": "2026-03-04T17:00", "toelichting": "x"})
    )
    assert "Nieuw einde van de inzet: het nieuwe einde moet na het huidige einde liggen" in html
    client.post(
        f"{basis}/verlengen/",
        {"periode_eind": "2026-03-04T22:00", "toelichting": "Onrust houdt aan."},
    )
    assert [(v.versie, v.soort) for v in InzetVersie.objects.order_by("versie")] == [
        (1, "gestart"),
        (2, "verlengd"),
    ]
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "Versie 1, gestart: 04-03-2026 10:00 tot 04-03-2026 18:00, 4 pelotons</li>" in html
    assert (
        "Versie 2, verlengd: 04-03-2026 10:00 tot 04-03-2026 22:00, 4 pelotons "
        "(Onrust houdt aan.)</li>" in html
    )
    assert client.get(f"{basis}/onbekend/").status_code == 404
    burgemeester, _ = als("GM0344")
    response = burgemeester.post(f"{basis}/beeindigen/", {})
    assert response.status_code == 403
    assert "Alleen het RCCB van de vragende eenheid of de organisatie die besloot" in inhoud(
        response
    )


def test_verzoek_intrekken_met_reden() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    html = inhoud(client.post(f"/verzoeken/{verzoek.uuid}/intrekken/", {"reden": ""}))
    assert "Reden van intrekking: Dit veld is vereist." in html
    response = client.post(
        f"/verzoeken/{verzoek.uuid}/intrekken/", {"reden": "Demonstratie afgelast."}
    )
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.ingetrokken_reden) == (
        VerzoekStatus.INGETROKKEN,
        "Demonstratie afgelast.",
    )
    assert open_taken(verzoek) == []
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert "<strong>Reden van intrekking:</strong> Demonstratie afgelast.</p>" in html
    assert "Verzoek intrekken</a>" not in html


def test_formulieren_vragen_het_csrf_token() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    wie = gebruiker("RCCB-MN")
    tweede_factor_instellen(wie)
    client = Client(enforce_csrf_checks=True)
    client.force_login(wie)
    assert 'name="csrfmiddlewaretoken"' in inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    assert client.post(f"/verzoeken/taken/{taak.pk}/", {"verslag": "x"}).status_code == 403
    assert client.post(f"/werkvoorraad/taken/{taak.pk}/oppakken/").status_code == 403
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN


def test_motivering_is_niet_optioneel_en_zegt_waarom_ze_ontbreekt() -> None:
    """The label said "Motivering (optioneel)" and a rejection without it answered only
    "is verplicht" (LOCC user test): the label drops "(optioneel)" and the error says when.
    """
    verzoek = maak_verzoek(regels=(InzetRegel("ME-peloton", 4),))
    taak = _tot_besluit(verzoek, "taak_besluit_locc")
    besluitvormer, _ = als("LOCC", Rol.BESLUITVORMER)
    url = f"/verzoeken/taken/{taak.pk}/"
    html = inhoud(besluitvormer.get(url))
    assert '<label class="utrecht-form-label" for="id_motivering">Motivering</label>' in html
    assert "Verplicht bij een afwijzing of gedeeltelijke toekenning (Awb 3:46).</div>" in html
    assert (
        '<label class="utrecht-form-label" for="id_voorwaarden">Voorwaarden '
        '<span class="pb-optioneel">(optioneel)</span></label>'
    ) in html
    fout = (
        "Motivering: Geef de redenen: de motivering is verplicht bij een afwijzing of een "
        "gedeeltelijke toekenning (Awb 3:46)."
    )
    for uitkomst in ("afgewezen", "deels_toegekend"):
        html = inhoud(besluitvormer.post(url, {"uitkomst": uitkomst, "motivering": "  "}))
        assert fout in html, uitkomst
    assert not Besluit.objects.exists()
    response = besluitvormer.post(url, {"uitkomst": "toegekend", **DEFENSIE_JA})
    assert response.status_code == 302
    assert Besluit.objects.get().motivering == ""


def test_werkvoorraad_biedt_een_besluit_alleen_een_besluitvormer_aan() -> None:
    """A medewerker saw 'Oppakken' on a decision and got an error on clicking (LOCC user test)."""
    verzoek = maak_verzoek(regels=(InzetRegel("ME-peloton", 4),))
    taak = _tot_besluit(verzoek, "taak_besluit_locc")
    oppakken = f'action="/werkvoorraad/taken/{taak.pk}/oppakken/"'
    medewerker, _ = als("LOCC")
    html = inhoud(medewerker.get("/werkvoorraad/"))
    assert f'href="/verzoeken/taken/{taak.pk}/"' in html
    assert oppakken not in html
    assert "<span>Voor een besluitvormer</span>" in html
    besluitvormer, _ = als("LOCC", Rol.BESLUITVORMER)
    html = inhoud(besluitvormer.get("/werkvoorraad/"))
    assert oppakken in html
    assert "Voor een besluitvormer" not in html


def test_uitputting_toetsen_vraagt_uitkomst_en_motivering() -> None:
    krijgsmacht = [{"leverancier": "krijgsmacht", "politie_uitgeput": True}]
    verzoek = maak_verzoek(situatie(taak="strafrechtelijke_handhaving", gevraagd=krijgsmacht))
    taak = _tot_besluit(verzoek, "taak_uitputting_toetsen")
    le_pob, _ = als("LE-POB")
    url = f"/verzoeken/taken/{taak.pk}/"
    html = inhoud(le_pob.get(url))
    assert "Is de politie daadwerkelijk uitgeput?" in html
    assert '<label class="utrecht-form-label" for="id_motivering">Motivering</label>' in html
    html = inhoud(le_pob.post(url, {"actie": "afronden", "politie_uitgeput": "nee"}))
    assert "Motivering: " in html
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    response = le_pob.post(
        url,
        {
            "actie": "afronden",
            "politie_uitgeput": "nee",
            "motivering": "Eenheid Oost heeft nog capaciteit.",
        },
    )
    assert response.status_code == 302
    taak.refresh_from_db()
    assert taak.gegevens == {
        "politie_uitgeput": False,
        "motivering": "Eenheid Oost heeft nog capaciteit.",
    }
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.status == DeelverzoekStatus.AFGESLOTEN


def test_inzet_beeindigen_nu_na_de_werkelijke_start_en_niet_in_de_toekomst() -> None:
    """#11 trial: started 04-12 15:32, planned 07-12 19:04; empty (= now) ends it now."""
    verzoek = maak_verzoek()
    doorlopen(verzoek, {"taak_besluit_locc": {"uitkomst": "toegekend"}})
    basis = f"/verzoeken/{verzoek.uuid}/delen/1/inzet"
    with time_machine.travel(datetime(2026, 12, 4, 14, 32, tzinfo=UTC), tick=False):
        client, _ = als("RCCB-MN")
        response = client.post(
            f"{basis}/starten/",
            {
                "periode_start": "2026-12-07T19:04",
                "periode_eind": "2026-12-08T03:04",
                "capaciteit": "4 pelotons",
            },
        )
        assert response.status_code == 302
    with time_machine.travel(datetime(2026, 12, 4, 18, 12, tzinfo=UTC), tick=False):
        client, _ = als("RCCB-MN")
        html = inhoud(client.post(f"{basis}/beeindigen/", {"beeindigd_op": "2026-12-07T23:00"}))
        assert (
            "Beëindigd op: het einde mag niet in de toekomst liggen; laat het veld leeg voor nu"
            in html
        )
        html = inhoud(client.post(f"{basis}/beeindigen/", {"beeindigd_op": "2026-12-04T15:00"}))
        assert (
            "Beëindigd op: het einde moet na de werkelijke start van de inzet liggen "
            "(gestart op 04-12-2026 15:32)" in html
        )
        assert InzetVersie.objects.count() == 1
        response = client.post(f"{basis}/beeindigen/", {"beeindigd_op": "2026-12-04T19:00"})
        assert response.status_code == 302
    laatste = InzetVersie.objects.order_by("-versie").first()
    assert laatste is not None
    assert (laatste.soort, laatste.periode_start, laatste.periode_eind) == (
        "beeindigd",
        datetime(2026, 12, 4, 14, 32, tzinfo=UTC),
        datetime(2026, 12, 4, 18, 0, tzinfo=UTC),
    )
