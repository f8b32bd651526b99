"""The request page shows each message's delivery per organisation (issue #10 item 5)."""

from __future__ import annotations

import pytest

from politiebijstand.meldingen.models import Bericht
from politiebijstand.meldingen.services import berichten_versturen
from politiebijstand.organisaties.models import Organisatie
from tests.verzoeken.helpers import NU, maak_verzoek, open_taken
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def test_verzoekpagina_toont_bezorging_en_organisaties_zonder_mailbox() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    berichten = Bericht.objects.filter(object_type="verzoeken.taak", object_id=str(taak.pk))
    assert berichten.count() == 1
    Organisatie.objects.filter(code=taak.organisatie.code).update(mailbox="")
    client, _ = als("RCCB-MN")
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert '<h2 class="utrecht-heading-2" id="berichten">Berichten</h2>' in html
    assert "Niet bezorgd: geen mailbox bekend" in html

    Organisatie.objects.filter(code=taak.organisatie.code).update(
        mailbox="rccb-mn@demo.politiebijstand.test"
    )
    assert berichten_versturen(nu=NU).verzonden >= 1
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert f"{taak.organisatie.naam} (rccb-mn@demo.politiebijstand.test)" in html
    assert "Verzonden 02-03-2026 10:00" in html  # 09:00 UTC in Amsterdam
