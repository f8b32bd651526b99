"""The request form checks the chosen burgemeester against the regioburgemeester answer.

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


def test_met_gemeenten_telt_een_oud_antwoord_niet() -> None:
    # With municipalities the advice derives the regioburgemeester per municipality (contract,
    # interpretation 12): an answer left in the address neither warns nor blocks a choice.
    client, _ = als("RCCB-MN")
    url = politie(aanvrager_is_regioburgemeester=True, gemeenten=["Veenendaal"])
    body = html.unescape(inhoud(client.get(url)))
    assert "Let op:" not in body
    veenendaal = org("GM0345")
    response = client.post(url, {**GELDIG, "bevoegd_gezag": veenendaal.pk})
    assert response.status_code == 302
    verzoek = Bijstandsverzoek.objects.get()
    assert verzoek.bevoegd_gezag_id == veenendaal.pk
    assert "aanvrager_is_regioburgemeester" not in verzoek.situatie


def test_zonder_gemeenten_moet_de_gekozen_burgemeester_bij_het_antwoord_passen() -> None:
    client, _ = als("RCCB-MN")
    veenendaal = org("GM0345")
    url = politie(aanvrager_is_regioburgemeester=True, gemeenten=[])
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
