"""The request form flags an advice whose regioburgemeester answer contradicts the data.

User test defect 2: the reference data knows each unit's regioburgemeester (gebieden.yaml);
Politiewet 2012, art. 56 lid 3.
"""

from __future__ import annotations

import html

import pytest

from politiebijstand.verzoeken.models import Bijstandsverzoek
from tests.verzoeken.helpers import org
from tests.verzoeken_ui.helpers import als, inhoud
from tests.verzoeken_ui.test_formulieren import GELDIG, nieuw_url

pytestmark = pytest.mark.usefixtures("referentiedata")


def politie(**velden: object) -> str:
    return nieuw_url(gevraagd=[{"leverancier": "politie"}], **velden)


def test_formulier_waarschuwt_bij_een_tegenstrijdig_advies() -> None:
    client, _ = als("RCCB-MN")
    body = html.unescape(inhoud(client.get(politie(aanvrager_is_regioburgemeester=False))))
    assert (
        "<strong>Let op:</strong> Volgens uw antwoord is de aanvragende burgemeester niet de "
        "regioburgemeester. Volgens de referentiegegevens is de burgemeester van Utrecht "
        "regioburgemeester van Midden-Nederland."
    ) in body
    klopt = html.unescape(inhoud(client.get(politie(aanvrager_is_regioburgemeester=True))))
    assert "Let op:" not in klopt


def test_gekozen_burgemeester_moet_bij_het_advies_passen() -> None:
    client, _ = als("RCCB-MN")
    veenendaal = org("GM0345")
    url = politie(aanvrager_is_regioburgemeester=True, gemeenten=["Veenendaal"])
    response = client.post(url, {**GELDIG, "bevoegd_gezag": veenendaal.pk})
    body = html.unescape(inhoud(response))
    assert response.status_code == 200
    assert (
        "Bevoegd gezag: Volgens het advies is de aanvragende burgemeester wel de "
        "regioburgemeester. Volgens de referentiegegevens is de burgemeester van Veenendaal "
        "niet de regioburgemeester van Midden-Nederland; dat is de burgemeester van Utrecht. "
        "Kies de burgemeester die bij het advies past, of wijzig het antwoord in de "
        "Bijstandswijzer."
    ) in body
    assert Bijstandsverzoek.objects.count() == 0
    utrecht = org("GM0344")
    response = client.post(url, {**GELDIG, "bevoegd_gezag": utrecht.pk})
    assert response.status_code == 302
    assert Bijstandsverzoek.objects.get().bevoegd_gezag_id == utrecht.pk
