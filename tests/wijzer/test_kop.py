"""The result page's heading names the outcome (user test defect 5)."""

from __future__ import annotations

from django.test import Client

import pytest

pytestmark = pytest.mark.usefixtures("referentiedata")

BASIS = "/wijzer/advies/?eigen_capaciteit_toereikend=nee"


@pytest.mark.parametrize(
    ("query", "kop"),
    [
        (
            "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=ja",
            "Advies: de eenheid voorziet zelf, geen bijstand nodig",
        ),
        (
            f"{BASIS}&taak=vreemdelingentoezicht",
            "Advies: gezag van de minister, geen bijstandsprocedure",
        ),
        (
            f"{BASIS}&taak=geen_politietaak&aanvrager=burgemeester",
            "Advies: militaire steunverlening in het openbaar belang, geen bijstand",
        ),
        (
            f"{BASIS}&taak=geen_politietaak&aanvrager=officier_van_justitie",
            "Advies: niet mogelijk",
        ),
        (
            f"{BASIS}&taak=openbare_orde&leverancier=kmar&spoed=nee&locatiegebonden=ja",
            "Advies: bijstand aan de politie",
        ),
        (
            f"{BASIS}&taak=openbare_orde&leverancier=krijgsmacht"
            "&krijgsmacht_voorwaarde=geen&spoed=nee&locatiegebonden=ja",
            "Advies: deze bijstand is niet toegestaan",
        ),
    ],
)
def test_kop_past_bij_de_uitkomst(client: Client, query: str, kop: str) -> None:
    response = client.get(query, follow=True)
    body = response.content.decode()
    assert f'<h1 class="utrecht-heading-1">{kop}</h1>' in body
    assert f"<title>{kop} · Bijstandswijzer · politiebijstand</title>" in body


def test_advies_heeft_een_printregel_met_tijd_en_adres(client: Client) -> None:
    url = "/wijzer/advies/?taak=openbare_orde&eigen_capaciteit_toereikend=ja"
    body = client.get(url).content.decode()
    assert (
        '<p class="utrecht-paragraph pb-alleen-print pb-printregel">Geprint op <time '
        "data-printmoment datetime="
    ) in body
    assert f"(Nederlandse tijd) van http://testserver{url.replace('&', '&amp;')}</p>" in body
