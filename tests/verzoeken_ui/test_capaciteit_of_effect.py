"""The request form: the requested capacity or the desired effect, at least one of both.

User test defect 10: both fields said "(optioneel)" while one of them is required.
"""

from __future__ import annotations

import html

import pytest

from politiebijstand.verzoeken.models import Bijstandsverzoek
from tests.verzoeken.helpers import org
from tests.verzoeken_ui.helpers import als, inhoud
from tests.verzoeken_ui.test_formulieren import GELDIG, nieuw_url

pytestmark = pytest.mark.usefixtures("referentiedata")

FOUT = (
    "Vul de gevraagde capaciteit (in woorden of per deel) of het gewenste effect in: ten "
    "minste een van beide."
)


def test_formulier_zegt_vul_ten_minste_een_van_beide_in() -> None:
    client, _ = als("RCCB-MN")
    body = html.unescape(inhoud(client.get(nieuw_url())))
    assert (
        '<legend class="utrecht-form-fieldset__legend">Gevraagde capaciteit of gewenst '
        "effect</legend>"
    ) in body
    assert "Vul ten minste een van beide in: de gevraagde capaciteit" in body
    assert 'for="id_gevraagde_capaciteit">Gevraagde capaciteit</label>' in body
    assert 'for="id_gewenst_effect">Gewenst effect</label>' in body
    assert "Gevraagde capaciteit <span" not in body
    # Other optional fields still say so.
    assert 'for="id_omschrijving">Omschrijving <span class="pb-optioneel">(optioneel)</span>' in (
        body
    )


def test_zonder_capaciteit_en_effect_geen_verzoek() -> None:
    client, _ = als("RCCB-MN")
    gemeente = org("GM0344")
    data = {**GELDIG, "bevoegd_gezag": gemeente.pk, "regels_1": ""}
    response = client.post(nieuw_url(), data)
    assert response.status_code == 200
    assert FOUT in html.unescape(inhoud(response))
    assert Bijstandsverzoek.objects.count() == 0


@pytest.mark.parametrize(
    "ingevuld",
    [
        {"gevraagde_capaciteit": "2 pelotons"},
        {"gewenst_effect": "Rust op het plein"},
        {"regels_1": "4 ME-pelotons"},
    ],
)
def test_een_van_beide_is_genoeg(ingevuld: dict[str, str]) -> None:
    client, _ = als("RCCB-MN")
    gemeente = org("GM0344")
    data = {**GELDIG, "bevoegd_gezag": gemeente.pk, "regels_1": "", **ingevuld}
    response = client.post(nieuw_url(), data)
    assert response.status_code == 302
    assert Bijstandsverzoek.objects.count() == 1
