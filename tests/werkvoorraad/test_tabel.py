"""The work queue's table: its own scroll region, procedures by number and title (defect 11)."""

from __future__ import annotations

import pytest

from tests.verzoeken.helpers import maak_verzoek, situatie
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def test_tabel_staat_in_een_eigen_schuifvak() -> None:
    maak_verzoek()
    client, _ = als("RCCB-MN")
    html = inhoud(client.get("/werkvoorraad/"))
    assert (
        '<div class="pb-tabel-scroll" role="region" aria-label="Taken (schuift horizontaal op '
        'een smal scherm)" tabindex="0">\n<table class="utrecht-table pb-tabel">'
    ) in html


def test_procedure_met_nummer_en_titel_geen_interne_id() -> None:
    maak_verzoek()
    maak_verzoek(situatie(gevraagd=[{"leverancier": "middelen_jenv", "middel": "waterwerper"}]))
    client, _ = als("RCCB-MN")
    html = inhoud(client.get("/werkvoorraad/"))
    assert '<abbr title="Procedure 3: bijstand door de KMar, openbare orde">3</abbr>' in html
    assert '<abbr title="Procedure 2: middelen JenV, waterwerper">2, waterwerper</abbr>' in html
    assert "2waterwerper" not in html
