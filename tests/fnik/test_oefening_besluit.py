"""An exercise's decision form does not ask the FNIK estimate: none is recorded (#11 items 3, 5)."""

from __future__ import annotations

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.fnik.models import Kostenpost
from politiebijstand.verzoeken.constants import BesluitUitkomst
from politiebijstand.verzoeken.models import Deelverzoek
from tests.fnik.test_fnik import _besluit_locc
from tests.verzoeken.test_oefening import maak_oefening
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

VELDEN = {"standpunt_defensie": "Akkoord.", "overeenstemming_defensie": "ja"}


def test_besluitformulier_van_een_oefening_vraagt_geen_raming() -> None:
    oefening = maak_oefening()
    taak = _besluit_locc(oefening)
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    url = f"/verzoeken/taken/{taak.pk}/"
    html = inhoud(client.get(url))
    assert 'name="standpunt_defensie"' in html  # the coordinator's decision in procedure 3
    assert "Raming kosten (FNIK)" not in html
    assert 'name="raming_fnik"' not in html
    # Granted without an estimate: no error, nothing committed to the FNIK.
    response = client.post(url, {"uitkomst": "toegekend", **VELDEN})
    assert response.status_code == 302
    assert Deelverzoek.objects.get(pk=taak.deelverzoek_id).besluit == BesluitUitkomst.TOEGEKEND
    assert not Kostenpost.objects.exists()
