"""Changing an answer after the advice; the regioburgemeester from the reference data.

User test defects 2 (the regioburgemeester is known), 3 (a new question shown as an error) and
4 ("Terug naar het advies" after "Wijzig").
"""

from __future__ import annotations

import html

from django.test import Client

import pytest
from pytest_django.asserts import assertRedirects

pytestmark = pytest.mark.usefixtures("referentiedata")  # with the regioburgemeesters

GEWIJZIGD = (
    "taak=openbare_orde&eigen_capaciteit_toereikend=nee&leverancier=kmar&leverancier=politie"
    "&spoed=nee&gemeenten=Utrecht&locatiegebonden=ja"
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


def test_regioburgemeester_voorgevuld_uit_de_referentiegegevens(client: Client) -> None:
    body = tekst(client.get(f"/wijzer/regioburgemeester/?{ZIENSWIJZE}&gemeenten=Utrecht"))
    assert f"{UTRECHT} Het antwoord is daarom al ingevuld; controleer het." in body
    assert gekozen(body, "aanvrager_is_regioburgemeester") == "ja"
    assert 'aria-describedby="id_aanvrager_is_regioburgemeester_uitleg ' in body
    body = tekst(client.get(f"/wijzer/regioburgemeester/?{ZIENSWIJZE}&gemeenten=veenendaal"))
    assert f"{VEENENDAAL} Het antwoord is daarom al ingevuld" in body
    assert gekozen(body, "aanvrager_is_regioburgemeester") == "nee"


def test_voorinvulling_voor_elke_gemeente_van_de_cbs_lijst(client: Client) -> None:
    """Issue #8: all 342 municipalities are in the reference data, Zeist too."""
    body = tekst(client.get(f"/wijzer/regioburgemeester/?{ZIENSWIJZE}&gemeenten=Zeist"))
    assert (
        "Volgens de referentiegegevens is de burgemeester van Zeist niet de regioburgemeester "
        "van Midden-Nederland; dat is de burgemeester van Utrecht."
    ) in body
    assert gekozen(body, "aanvrager_is_regioburgemeester") == "nee"


@pytest.mark.parametrize("gemeenten", ["", "&gemeenten=Utrecht%2C+Veenendaal"])
def test_geen_voorinvulling_zonder_precies_een_bekende_gemeente(
    client: Client, gemeenten: str
) -> None:
    body = tekst(client.get(f"/wijzer/regioburgemeester/?{ZIENSWIJZE}{gemeenten}"))
    assert "Volgens de referentiegegevens" not in body
    assert gekozen(body, "aanvrager_is_regioburgemeester") == ""


def test_eigen_antwoord_gaat_voor_maar_de_referentie_blijft_zichtbaar(client: Client) -> None:
    url = f"/wijzer/regioburgemeester/?{ZIENSWIJZE}&gemeenten=Utrecht"
    body = tekst(client.get(f"{url}&aanvrager_is_regioburgemeester=nee"))
    assert gekozen(body, "aanvrager_is_regioburgemeester") == "nee"
    assert UTRECHT in body
    assert "Het antwoord is daarom al ingevuld" not in body


@pytest.mark.parametrize(
    ("gemeente", "antwoord", "waarschuwing"),
    [
        (
            "Utrecht",
            "nee",
            "Volgens uw antwoord is de aanvragende burgemeester niet de regioburgemeester. "
            f"{UTRECHT} Dan zou de regioburgemeester gevraagd worden zijn zienswijze te geven "
            "op zijn eigen verzoek.",
        ),
        (
            "Veenendaal",
            "ja",
            "Volgens uw antwoord is de aanvragende burgemeester wel de regioburgemeester. "
            f"{VEENENDAAL} Dan zou de zienswijze van de regioburgemeester ten onrechte worden "
            "overgeslagen.",
        ),
    ],
)
def test_tegenstrijdig_antwoord_geeft_een_waarschuwing_op_het_advies(
    client: Client, gemeente: str, antwoord: str, waarschuwing: str
) -> None:
    url = f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten={gemeente}"
    body = tekst(client.get(f"{url}&aanvrager_is_regioburgemeester={antwoord}"))
    assert '<h2 class="utrecht-heading-2">Let op</h2>' in body
    assert f"{waarschuwing} Controleer het antwoord bij de vraag 'Regioburgemeester'" in body


def test_antwoord_dat_klopt_geeft_geen_waarschuwing(client: Client) -> None:
    url = f"/wijzer/advies/?{ZIENSWIJZE}&gemeenten=Utrecht&aanvrager_is_regioburgemeester=ja"
    body = tekst(client.get(url))
    assert "Volgens uw antwoord" not in body
    assert "Niet van toepassing: de aanvragende burgemeester is zelf de regioburgemeester." in body


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
    assert gekozen(body, "aanvrager_is_regioburgemeester") == "ja"
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
