"""The Bijstandswijzer's pages: each step and branch, back and forward, errors, the result."""

from __future__ import annotations

import html
import json
from typing import Any

from django.test import Client
from django.urls import reverse

import pytest
from pytest_django import DjangoAssertNumQueries
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from politiebijstand.rules import advies_bepalen, situatie_from_dict
from politiebijstand.rules.catalogus import bron_voluit, regels
from politiebijstand.vragenlijst.adressen import resultaat_url_voor_situatie
from politiebijstand.vragenlijst.stappen import query_van_situatie
from tests.wijzer.conftest import case

pytestmark = pytest.mark.usefixtures("referentiedata")

KMAR_ADVIES = (
    "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
    "&spoed=nee&gemeenten=%27s-Gravenhage&locatiegebonden=ja"
)  # "Den Haag" in the form gives the official name, 's-Gravenhage (issue #8)


def volg(client: Client, url: str) -> tuple[str, Any]:
    """GET `url` and follow redirects; the final path+query and the response."""
    response = client.get(url, follow=True)
    chain = response.redirect_chain
    return (chain[-1][0] if chain else url), response


def tag(body: str, attributen: str) -> str:
    """The rest of the HTML tag that contains `attributen`, up to its closing '>'."""
    start = body.index(attributen)
    return body[start : body.index(">", start)]


def test_startpagina_legt_uit_en_linkt_naar_de_eerste_vraag(client: Client) -> None:
    response = client.get("/wijzer/")
    assertContains(response, '<html lang="nl"', html=False)
    assertContains(response, 'href="#inhoud"')
    assertContains(response, "Direct naar de inhoud")
    assertContains(response, 'href="/wijzer/taak/"')
    assertContains(response, '<dt id="begrip-primus-inter-pares">Primus inter pares</dt>')
    assertContains(response, 'href="tel:0886628048">088 - 662 80 48</a>')


def test_taakstap_vraagt_de_politietaak_met_uitleg_over_gezag(client: Client) -> None:
    response = client.get("/wijzer/taak/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Voor welke politietaak is capaciteit nodig?" in body
    assert "<summary>Wat is gezag?</summary>" in body
    for waarde in (
        "openbare_orde",
        "hulpverlening",
        "vermissing",
        "strafrechtelijke_handhaving",
        "taken_ten_dienste_van_justitie",
        "bewaking_en_beveiliging_rijksdomein",
        "vreemdelingentoezicht",
        "geen_politietaak",
    ):
        assert f'name="taak" value="{waarde}"' in body
    assert "stap 1 van ten minste 2: Taak en gezag" in body
    assert 'href="/wijzer/">Vorige</a>' in body


def test_lege_stap_geeft_een_foutoverzicht_dat_naar_het_veld_linkt(client: Client) -> None:
    response = client.get("/wijzer/taak/?verder=1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Er is 1 fout in uw antwoord" in body
    assert (
        '<a class="utrecht-link" href="#id_taak_0">Voor welke politietaak is capaciteit nodig? '
        "Kies voor welke politietaak capaciteit nodig is.</a>"
    ) in body
    assert 'aria-describedby="id_taak_uitleg id_taak_fout" aria-invalid="true"' in body
    assert "<title>Fout: Taak en gezag · Bijstandswijzer · politiebijstand</title>" in body


def test_geldig_antwoord_gaat_naar_de_volgende_stap(client: Client) -> None:
    response = client.get("/wijzer/taak/?taak=openbare_orde&verder=1")
    assertRedirects(
        response, "/wijzer/capaciteit/?taak=openbare_orde", fetch_redirect_response=False
    )


def test_capaciteitstap_draagt_de_taak_mee_als_verborgen_veld(client: Client) -> None:
    response = client.get("/wijzer/capaciteit/?taak=openbare_orde")
    body = response.content.decode()
    assert '<input type="hidden" name="taak" value="openbare_orde">' in body
    vraag = "Kan de politie-eenheid van uw regio zelf voorzien in de capaciteit die nodig is?"
    assert vraag in body
    assert 'href="/wijzer/taak/?taak=openbare_orde">Vorige</a>' in body


def test_eigen_capaciteit_voldoende_gaat_direct_naar_het_advies(client: Client) -> None:
    response = client.get(
        "/wijzer/capaciteit/?taak=openbare_orde&eigen_capaciteit_toereikend=ja&verder=1"
    )
    url = "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=ja"
    assertRedirects(response, url, fetch_redirect_response=False)
    body = client.get(url).content.decode()
    assert "De eenheid voorziet zelf in de capaciteit. Het bijstandsproces eindigt hier." in body
    assert "de inzet valt onder het gezag van de burgemeester" in body


def test_kmar_avondklok_via_alle_stappen(client: Client) -> None:
    stappen = [
        "/wijzer/taak/?taak=openbare_orde&verder=1",
        "&eigen_capaciteit_toereikend=nee&verder=1",
        "&leverancier=kmar&verder=1",
        "&spoed=nee&gemeenten=Den+Haag&locatiegebonden=ja&verder=1",
    ]
    verwacht = ["/wijzer/capaciteit/", "/wijzer/leveranciers/", "/wijzer/details/", KMAR_ADVIES]
    url = stappen[0]
    for i, naar in enumerate(verwacht):
        response = client.get(url)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"].startswith(naar)
        if i + 1 < len(stappen):
            url = response["Location"] + stappen[i + 1]
    assert response["Location"] == KMAR_ADVIES


def test_resultaat_kmar_avondklok_toont_procedure_grondslag_en_locc(client: Client) -> None:
    response = client.get(KMAR_ADVIES)
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        "<strong>Procedure 3: Bijstand door de Koninklijke Marechaussee, voor handhaving van de "
        "openbare orde</strong> (factsheet, toelichting 3)"
    ) in body
    assert "<dt>Grondslag</dt><dd>art. 57 lid 1 Politiewet 2012</dd>" in body
    assert "<dt>Wie ondertekent</dt><dd>De burgemeester (of namens de burgemeester)</dd>" in body
    assert (
        "<strong>Landelijk Operationeel Coördinatiecentrum (LOCC)</strong>: bij spoed 24/7 "
        '<a class="utrecht-link utrecht-link--telephone pb-nummer" href="tel:0886628048">'
        "088 - 662 80 48</a>"
    ) in body
    assert (
        "<dt>Formulier</dt><dd>Aanvraagformulier op de website van het LOCC, naar Landelijk "
        "Operationeel Coördinatiecentrum (LOCC)</dd>"
    ) in body
    assert "<dt>Wie beslist</dt><dd>Landelijk Operationeel Coördinatiecentrum (LOCC)</dd>" in body
    assert "de inzet valt onder het gezag van de burgemeester" in body
    assert "Deze bijstand kan worden aangevraagd." in body


def test_resultaat_toont_alle_stappen_waarschuwingen_en_bronnen_van_de_motor(
    client: Client,
) -> None:
    body = client.get(KMAR_ADVIES).content.decode()
    advies = advies_bepalen(situatie_from_dict(case("kmar-avondklok-den-haag")["situatie"]))
    (route,) = advies.routes
    for stap in route.stappen:
        assert f"</abbr></strong>: {stap.handeling}</li>" in body.replace("&#x27;", "'")
    assert body.count('<li class="utrecht-ordered-list__item"><strong><abbr') == len(route.stappen)
    for waarschuwing in advies.waarschuwingen:
        assert waarschuwing in body.replace("&#x27;", "'")
    assert f"<strong>Bronnen:</strong> {'; '.join(route.bronnen)}</p>" in body
    for bron in advies.bronnen:
        assert f'<li class="utrecht-unordered-list__item">{bron}</li>' in body


def test_resultaat_vat_de_antwoorden_samen_met_wijzig_links(client: Client) -> None:
    body = client.get(KMAR_ADVIES).content.decode()
    query = KMAR_ADVIES.split("?", 1)[1].replace("&", "&amp;")
    assert "<dt>Van wie is capaciteit nodig?</dt>" in body
    assert "<dd>De Koninklijke Marechaussee (KMar) <a" in body
    for slug in ("taak", "capaciteit", "leveranciers", "details"):
        assert f'href="/wijzer/{slug}/?{query}">Wijzig' in body
    assert f'href="/wijzer/advies.json?{query}"' in body
    assert "data-print hidden>Print dit advies</button>" in body


def test_terug_en_verder_houden_de_antwoorden(client: Client) -> None:
    query = KMAR_ADVIES.split("?", 1)[1]
    body = client.get(f"/wijzer/leveranciers/?{query}").content.decode()
    assert 'id="id_leverancier_2" name="leverancier" value="kmar"' in body
    assert "checked" in tag(body, 'name="leverancier" value="kmar"')
    assert '<input type="hidden" name="spoed" value="nee">' in body
    assert '<input type="hidden" name="gemeenten" value="&#x27;s-Gravenhage">' in body
    assert '<input type="hidden" name="leverancier"' not in body
    assert (
        'href="/wijzer/capaciteit/?taak=openbare_orde&amp;eigen_capaciteit_toereikend=nee'
        '&amp;leverancier=kmar&amp;spoed=nee&amp;gemeenten=%27s-Gravenhage&amp;locatiegebonden=ja">'
        "Vorige</a>"
    ) in body
    # Forward again without changing anything: the next step is prefilled from the link.
    response = client.get(f"/wijzer/leveranciers/?{query}&verder=1")
    assert response["Location"] == f"/wijzer/details/?{query}"
    details = client.get(response["Location"]).content.decode()
    assert ">&#x27;s-Gravenhage</textarea>" in details
    assert "checked" in tag(details, 'name="spoed" value="nee"')
    assert "checked" not in tag(details, 'name="spoed" value="ja"')
    assert "checked" in tag(details, 'name="locatiegebonden" value="ja"')


def test_gekozen_leverancier_staat_aangevinkt_bij_terugkeer(client: Client) -> None:
    body = client.get(
        "/wijzer/leveranciers/?taak=openbare_orde&eigen_capaciteit_toereikend=nee"
        "&leverancier=kmar&leverancier=buitenland"
    ).content.decode()
    for waarde, gekozen in (
        ("politie", False),
        ("middelen_jenv", False),
        ("kmar", True),
        ("krijgsmacht", False),
        ("buitenland", True),
    ):
        assert ("checked" in tag(body, f'name="leverancier" value="{waarde}"')) is gekozen


def test_vermissing_met_misdrijf_volgt_pad_b_met_convenantvraag(client: Client) -> None:
    basis = "taak=vermissing&indicatie_misdrijf=ja&eigen_capaciteit_toereikend=nee"
    response = client.get("/wijzer/taak/?taak=vermissing&verder=1")
    assert response["Location"] == "/wijzer/misdrijf/?taak=vermissing"
    assertContains(
        client.get(response["Location"]),
        "Is er een aanwijzing dat er (mogelijk) sprake is van een misdrijf?",
    )
    body = client.get(f"/wijzer/krijgsmacht/?{basis}&leverancier=krijgsmacht").content.decode()
    assert 'value="politie_uitgeput"' in body
    assert 'value="kmar_uitgeput"' not in body
    details = client.get(
        f"/wijzer/details/?{basis}&leverancier=krijgsmacht&krijgsmacht_voorwaarde=geen"
    ).content.decode()
    assert "Valt de inzet onder een convenant voor justitiële defensiebijstand?" in details
    assert "Is de aanvragende burgemeester zelf de regioburgemeester?" not in details
    assert "Is de bijstand vooraf aan één gemeente te koppelen?" not in details


def test_geen_politietaak_van_de_ovj_is_niet_mogelijk(client: Client) -> None:
    url, response = volg(
        client,
        "/wijzer/capaciteit/?taak=geen_politietaak&aanvrager=officier_van_justitie"
        "&eigen_capaciteit_toereikend=nee&verder=1",
    )
    assert url == (
        "/wijzer/advies/?taak=geen_politietaak&aanvrager=officier_van_justitie"
        "&eigen_capaciteit_toereikend=nee"
    )
    assertContains(response, "Dit kan niet: een officier van justitie kan geen militaire")


def test_taak_van_de_minister_geeft_gezag_minister(client: Client) -> None:
    _, response = volg(
        client,
        "/wijzer/capaciteit/?taak=vreemdelingentoezicht&eigen_capaciteit_toereikend=nee&verder=1",
    )
    assertContains(response, "valt onder het rechtstreekse gezag van de Minister van Justitie")
    assertContains(response, "gezag van de Minister van Justitie en Veiligheid.")


def test_middelen_en_krijgsmacht_en_buitenland_elk_met_vervolgvraag(client: Client) -> None:
    basis = (
        "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=middelen_jenv"
        "&leverancier=krijgsmacht&leverancier=buitenland"
    )
    response = client.get(f"/wijzer/leveranciers/?{basis}&verder=1")
    assert response["Location"] == f"/wijzer/middelen/?{basis}"
    response = client.get(f"/wijzer/middelen/?{basis}&middel=waterwerper&verder=1")
    assert response["Location"] == f"/wijzer/waterwerper/?{basis}&middel=waterwerper"
    assertContains(client.get(response["Location"]), "Is de waterwerper voor een oefening?")
    basis += "&middel=waterwerper&oefening=ja"
    response = client.get(f"/wijzer/waterwerper/?{basis}&verder=1")
    assert response["Location"] == f"/wijzer/krijgsmacht/?{basis}"
    response = client.get(f"/wijzer/krijgsmacht/?{basis}&krijgsmacht_voorwaarde=geen&verder=1")
    basis += "&krijgsmacht_voorwaarde=geen"
    assert response["Location"] == f"/wijzer/buitenland/?{basis}"
    assertContains(client.get(response["Location"]), '<option value="DE">Duitsland</option>')
    response = client.get(f"/wijzer/buitenland/?{basis}&land=DE&verder=1")
    assert response["Location"] == f"/wijzer/details/?{basis}&land=DE"
    _, result = volg(
        client, f"/wijzer/details/?{basis}&land=DE&spoed=ja&locatiegebonden=nee&verder=1"
    )
    body = result.content.decode()
    assert "Procedure 2: Middelen van het Ministerie van Justitie en Veiligheid" in body
    assert "Procedure 4: Bijstand door andere delen van de krijgsmacht" in body
    assert "Procedure 5: Bijstand door een buitenlandse politiedienst" in body
    assert "<strong>Niet toegestaan.</strong>" in body


def test_ongeldig_antwoord_in_de_link_toont_de_stap_met_de_fout(client: Client) -> None:
    url, response = volg(client, "/wijzer/capaciteit/?taak=rellen")
    assert url == "/wijzer/taak/?taak=rellen"
    assertContains(response, "Voor welke politietaak is capaciteit nodig? Kies een van de genoemde")


def test_ongeldige_link_naar_het_advies_geeft_400_met_het_veld(client: Client) -> None:
    response = client.get(
        "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=misschien"
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "De antwoorden in deze link kloppen niet" in body
    assert (
        "Veld <code>eigen_capaciteit_toereikend</code>: Kan de politie-eenheid van uw regio zelf "
        "voorzien in de capaciteit die nodig is? Kies ja of nee."
    ) in body


def test_onvolledige_link_naar_het_advies_gaat_naar_de_open_vraag(client: Client) -> None:
    response = client.get("/wijzer/advies/?taak=openbare_orde")
    assertRedirects(
        response, "/wijzer/capaciteit/?taak=openbare_orde", fetch_redirect_response=False
    )


def test_onbekende_stap_geeft_404_met_uitleg(client: Client) -> None:
    response = client.get("/wijzer/bestaatniet/")
    assert response.status_code == 404
    assertContains(response, "De wijzer kent geen stap", status_code=404)


def test_advies_met_oude_antwoorden_gaat_naar_de_schone_link(client: Client) -> None:
    response = client.get(KMAR_ADVIES + "&convenant=ja&land=BE&verder=1")
    assertRedirects(response, KMAR_ADVIES, fetch_redirect_response=False)


def test_post_is_niet_toegestaan(client: Client) -> None:
    assert client.post("/wijzer/taak/", {"taak": "openbare_orde"}).status_code == 405


def test_json_van_het_advies_is_het_contract(client: Client) -> None:
    response = client.get(KMAR_ADVIES.replace("/advies/", "/advies.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    situatie = case("kmar-avondklok-den-haag")["situatie"]
    assert response.json() == advies_bepalen(situatie_from_dict(situatie)).to_dict()


def test_json_van_onvolledige_antwoorden_is_een_probleem(client: Client) -> None:
    response = client.get("/wijzer/advies.json?taak=openbare_orde&eigen_capaciteit_toereikend=x")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    data = json.loads(response.content)
    assert data["type"] == "urn:politiebijstand:probleem:ongeldige-antwoorden"
    assert data["invalid-params"] == [
        {"name": "eigen_capaciteit_toereikend", "reason": "Kies ja of nee."}
    ]


@pytest.mark.parametrize(
    "naam",
    [
        "kmar-avondklok-den-haag",
        "zoekteams-wapenonderzoek",
        "buitenlandse-waterwerpers-klassieker",
        "bewakingscontainer-zitting",
        "tramaanslag-utrecht-versterking",
    ],
)
def test_resultaat_kost_een_begrensd_aantal_queries(
    client: Client, django_assert_max_num_queries: DjangoAssertNumQueries, naam: str
) -> None:
    url = f"/wijzer/advies/?{query_van_situatie(case(naam)['situatie']).urlencode()}"
    canoniek = client.get(url)["Location"]
    # 1 for the organisations, 1 for the unit of the user's RCCB (whether it may make a
    # request), plus the session and the user of the log-in (issue #3)
    with django_assert_max_num_queries(1 + 1 + 2):
        response = client.get(canoniek)
    assert response.status_code == 200


def test_regelcatalogus_toont_elke_regel_met_bronnen(client: Client) -> None:
    response = client.get(reverse("regels"))
    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    alle = regels()
    assert len(alle) > 10
    assert f"Alle {len(alle)} regels van de Bijstandswijzer" in body
    for regel in alle:
        assert f'<h3 class="utrecht-heading-3">{regel.samenvatting}</h3>' in body
        assert f"In de code: <code>{regel.naam}</code> in <code>{regel.module}</code>" in body
        for bron in regel.bronnen:
            assert f'<li class="utrecht-unordered-list__item">{bron_voluit(bron)}</li>' in body
    assert 'aria-current="page">Regels</a>' in body


def test_stap_buiten_het_pad_stuurt_door_naar_de_open_vraag(client: Client) -> None:
    response = client.get("/wijzer/misdrijf/?taak=openbare_orde")
    assertRedirects(
        response, "/wijzer/capaciteit/?taak=openbare_orde", fetch_redirect_response=False
    )
    assertNotContains(client.get("/wijzer/capaciteit/?taak=openbare_orde"), "Fout:")


def test_resultaat_url_voor_een_situatie_is_de_schone_link() -> None:
    assert resultaat_url_voor_situatie(case("kmar-avondklok-den-haag")["situatie"]) == KMAR_ADVIES
    with pytest.raises(ValueError, match="Kies het land van de buitenlandse politie"):
        resultaat_url_voor_situatie(
            {
                "eigen_capaciteit_toereikend": False,
                "taak": "openbare_orde",
                "gevraagd": [{"leverancier": "buitenland"}],
            }
        )


def test_onbekende_gemeente_is_een_fout_bij_het_veld_met_de_naaste_naam(client: Client) -> None:
    """Issue #8: "Amsterdma" names the field gemeenten and suggests Amsterdam."""
    response = client.get(
        "/wijzer/details/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
        "&spoed=nee&locatiegebonden=ja&gemeenten=Amsterdma&verder=1"
    )
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Onbekende gemeente 'Amsterdma'; bedoelt u Amsterdam?" in body
    assert 'aria-invalid="true"' in tag(response.content.decode(), 'name="gemeenten"')


def test_resultaat_toont_een_formulier_per_gemeente_met_zijn_zienswijze(client: Client) -> None:
    """Issue #8, interpretation 12: Den Haag and Wassenaar each their own form."""
    response = client.get(
        "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=politie"
        "&spoed=nee&gemeenten=Den+Haag%0D%0AWassenaar&aanvrager_is_regioburgemeester=nee",
        follow=True,
    )
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert (
        "<dt>Formulieren</dt><dd>Eén per gemeente, elk ondertekend door de eigen burgemeester:"
        "<ul><li>'s-Gravenhage: zienswijze regioburgemeester niet van toepassing"
    ) in body
    assert "<li>Wassenaar: zienswijze regioburgemeester vereist: de regioburgemeester" in body
