"""Changing an answer after the advice; the regioburgemeester from the reference data.

User test defects 2 (the regioburgemeester is known), 3 (a new question shown as an error) and
4 ("Terug naar het advies" after "Wijzig"). With municipalities the wizard does not ask
whether the requester is the regioburgemeester: the advice derives it per municipality
(contract, interpretation 12) and the result says what it derived (issue #8).
"""

from __future__ import annotations

import html

from django.test import Client

import pytest
from pytest_django.asserts import assertRedirects

pytestmark = pytest.mark.usefixtures("referentiedata")  # with the regioburgemeesters

# KMar, then the police added: without municipalities that adds the regioburgemeester question.
GEWIJZIGD = (
    "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar&leverancier=politie"
    "&spoed=nee&locatiegebonden=ja"
)
KMAR = (
    "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar"
    "&spoed=nee&gemeenten=Utrecht&locatiegebonden=ja"
)
ZIENSWIJZE = "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=politie&spoed=nee"
UTRECHT = (
    "Volgens de referentiegegevens is de burgemeester van Utrecht regioburgemeester van "
    "Midden-Nederland."
)
VEENENDAAL = (
    "Volgens de referentiegegevens is de burgemeester van Veenendaal niet de regioburgemeester "
    "van Midden-Nederland; dat is de burgemeester van Utrecht."
)


def tekst(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


def gekozen(body: str, naam: str) -> str:
    """The value of the checked radio button `naam`."""
    for waarde in ("ja", "nee"):
        if f'name="{naam}" value="{waarde}"' in body:
            start = body.index(f'name="{naam}" value="{waarde}"')
            if " checked>" in body[start : body.index(">", start) + 1]:
                return waarde
    return ""


def test_de_link_uit_de_gebruikerstest_toont_geen_fout(client: Client) -> None:
    response = client.get(f"/wijzer/details/?{GEWIJZIGD}")
    body = tekst(response)
    assert response.status_code == 200
    assert "Er is 1 fout" not in body
    assert "Fout:" not in body
    # The details were answered; Volgende goes to the new question, not to an error.
    volgende = client.get(f"/wijzer/details/?{GEWIJZIGD}&verder=1")
    assertRedirects(
        volgende, f"/wijzer/regioburgemeester/?{GEWIJZIGD}", fetch_redirect_response=False
    )


def test_nieuwe_detailvraag_is_een_open_vraag_met_uitleg(client: Client) -> None:
    url = (
        "/wijzer/details/?taak=strafrechtelijke_handhaving&eigen_capaciteit_toereikend=nee"
        "&leverancier=kmar&leverancier=krijgsmacht&krijgsmacht_voorwaarde=politie_uitgeput"
        "&spoed=nee&gemeenten=Utrecht"
    )
    body = tekst(client.get(url))
    assert "fout in uw antwoord" not in body
    assert "Fout:" not in body
    assert "Door een gewijzigd antwoord is er een vraag bijgekomen:" in body
    assert (
        '<li class="utrecht-unordered-list__item">Valt de inzet onder een convenant voor '
        "justitiële defensiebijstand?</li>"
    ) in body
    # The answers already given are kept.
    assert gekozen(body, "spoed") == "nee"
    assert gekozen(body, "convenant") == ""


def test_terug_naar_het_advies_na_wijzigen(client: Client) -> None:
    body = tekst(client.get(f"/wijzer/leveranciers/?{KMAR}"))
    assert (
        '<button type="submit" name="verder" value="advies" class="utrecht-button '
        'utrecht-button--secondary-action utrecht-button--submit">Terug naar het advies</button>'
    ) in body
    # Unchanged and complete: straight to the advice, not through every later step.
    response = client.get(f"/wijzer/leveranciers/?{KMAR}&verder=advies")
    assertRedirects(response, f"/wijzer/advies/?{KMAR}", fetch_redirect_response=False)


def test_terug_naar_het_advies_stopt_bij_een_nieuwe_vraag(client: Client) -> None:
    response = client.get(f"/wijzer/leveranciers/?{GEWIJZIGD}&verder=advies")
    doel = f"/wijzer/regioburgemeester/?{GEWIJZIGD}&nieuw=1"
    assertRedirects(response, doel, fetch_redirect_response=False)
    body = tekst(client.get(doel))
    assert "Door een gewijzigd antwoord is er een vraag bijgekomen:" in body
    assert "Er is 1 fout" not in body
    assert gekozen(body, "aanvrager_is_regioburgemeester") == ""
    # The marker stays while the question is open, so an error keeps the notice and button.
    assert '<input type="hidden" name="nieuw" value="1">' in body
    assert ">Terug naar het advies</button>" in body
    fout = tekst(client.get(f"/wijzer/regioburgemeester/?{GEWIJZIGD}&nieuw=1&verder=advies"))
    assert "Er is 1 fout in uw antwoord" in fout
    assert ">Terug naar het advies</button>" in fout
    response = client.get(
        f"/wijzer/regioburgemeester/?{GEWIJZIGD}&aanvrager_is_regioburgemeester=ja&verder=1"
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/wijzer/advies/?")


def test_geen_knop_terug_naar_het_advies_bij_de_eerste_keer(client: Client) -> None:
    body = tekst(
        client.get("/wijzer/leveranciers/?taak=openbare_orde&eigen_capaciteit_toereikend=nee")
    )
    assert "Terug naar het advies" not in body


def wandel(client: Client, antwoorden: list[tuple[str, str]]) -> list[str]:
    """Answer the steps one by one as a user does (each step's form with `verder`).

    Args:
        antwoorden: per page, in order, the answers it is given (a query string); the walk
            fails when a page is not the one expected.

    Returns:
        The pages shown, by slug, then ``"advies"``.
    """
    query = ""
    gezien: list[str] = []
    url = "/wijzer/taak/"
    for slug, antwoord in antwoorden:
        assert url.startswith(f"/wijzer/{slug}/"), (url, slug)
        gezien.append(slug)
        query = f"{query}&{antwoord}" if query else antwoord
        response = client.get(f"/wijzer/{slug}/?{query}&verder=1")
        assert response.status_code == 302, slug
        url = response["Location"]
    assert url.startswith("/wijzer/advies/?"), url
    return [*gezien, "advies"]


POLITIE = [
    ("taak", "taak=openbare_orde"),
    ("capaciteit", "eigen_capaciteit_toereikend=nee"),
    ("leveranciers", "leverancier=politie"),
]


def test_met_gemeenten_geen_vraag_naar_de_regioburgemeester(client: Client) -> None:
    pad = wandel(client, [*POLITIE, ("details", "spoed=nee&gemeenten=Veenendaal%0D%0AUtrecht")])
    assert pad == ["taak", "capaciteit", "leveranciers", "details", "advies"]


def test_zonder_gemeente_wel_de_vraag_naar_de_regioburgemeester(client: Client) -> None:
    pad = wandel(
        client,
        [
            *POLITIE,
            ("details", "spoed=nee"),
            ("regioburgemeester", "aanvrager_is_regioburgemeester=ja"),
        ],
    )
    assert pad == ["taak", "capaciteit", "leveranciers", "details", "regioburgemeester", "advies"]
    body = tekst(client.get(f"/wijzer/regioburgemeester/?{ZIENSWIJZE}"))
    assert "stap 5 van 5" in body
    assert "Volgens de referentiegegevens" not in body
    assert gekozen(body, "aanvrager_is_regioburgemeester") == ""


def test_de_gemeentevraag_zegt_dat_de_regioburgemeester_wordt_afgeleid(client: Client) -> None:
    basis = ZIENSWIJZE.removesuffix("&spoed=nee")
    body = tekst(client.get(f"/wijzer/details/?{basis}"))
    # Whether a fifth page comes depends on the answer here.
    assert "stap 4 van ten minste 4" in body
    assert (
        "Mag leeg blijven. Met gemeenten volgt per gemeente uit de referentiegegevens of haar "
        "burgemeester de regioburgemeester is; zonder gemeente vraagt de volgende stap het u."
    ) in body
    kmar = tekst(client.get(f"/wijzer/details/?{KMAR}"))
    assert "Met gemeenten volgt per gemeente" not in kmar


def test_het_advies_zegt_wat_per_gemeente_is_afgeleid(client: Client) -> None:
    body = tekst(client.get(f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten=Veenendaal%2C+Utrecht"))
    assert (
        "<li>Veenendaal: zienswijze regioburgemeester vereist: de regioburgemeester krijgt "
        "eerst de gelegenheid zijn zienswijze te geven; die gaat mee met de aanvraag. "
        f"{VEENENDAAL}</li>"
    ) in body
    assert (
        "<li>Utrecht: zienswijze regioburgemeester niet van toepassing: de aanvragende "
        f"burgemeester is zelf de regioburgemeester. {UTRECHT}</li>"
    ) in body
    assert "Is de aanvragende burgemeester zelf de regioburgemeester?" not in body


def test_afgeleid_voor_elke_gemeente_van_de_cbs_lijst(client: Client) -> None:
    """Issue #8: all 342 municipalities are in the reference data, Zeist too."""
    body = tekst(client.get(f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten=Zeist"))
    assert (
        "<li>Zeist: zienswijze regioburgemeester vereist: de regioburgemeester krijgt eerst de "
        "gelegenheid zijn zienswijze te geven; die gaat mee met de aanvraag. Volgens de "
        "referentiegegevens is de burgemeester van Zeist niet de regioburgemeester van "
        "Midden-Nederland; dat is de burgemeester van Utrecht.</li>"
    ) in body


def test_bij_spoed_niets_af_te_leiden(client: Client) -> None:
    spoed = ZIENSWIJZE.replace("spoed=nee", "spoed=ja")
    body = tekst(client.get(f"/wijzer/advies/?{spoed}&gemeenten=Veenendaal"))
    assert (
        "<li>Veenendaal: zienswijze regioburgemeester niet vereist, omdat het spoed heeft "
        "(Politiewet 2012, art. 56 lid 3).</li>"
    ) in body
    assert "Volgens de referentiegegevens" not in body


def test_een_oud_antwoord_naast_gemeenten_telt_niet(client: Client) -> None:
    # A bookmark from before: the answer contradicts the data, but with municipalities it no
    # longer counts, so it is dropped from the address and the advice derives it.
    url = f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten=Utrecht&aanvrager_is_regioburgemeester=nee"
    assertRedirects(
        client.get(url),
        f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten=Utrecht",
        fetch_redirect_response=False,
    )
    body = tekst(client.get(f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten=Utrecht"))
    assert f"burgemeester is zelf de regioburgemeester. {UTRECHT}</li>" in body
    assert "Volgens uw antwoord" not in body


def test_terug_naar_het_advies_zonder_nieuwe_vraag_met_gemeenten(client: Client) -> None:
    # The police added to a KMar request in Utrecht: the regioburgemeester is derived, so no
    # question is added and "Terug naar het advies" goes to the advice.
    met_politie = KMAR.replace("leverancier=kmar", "leverancier=kmar&leverancier=politie")
    response = client.get(f"/wijzer/leveranciers/?{met_politie}&verder=advies")
    assertRedirects(response, f"/wijzer/advies/?{met_politie}", fetch_redirect_response=False)
