"""What the result page takes from the rules: the procedure's source (issue #2 user test)."""

from __future__ import annotations

from typing import Any

from django.test import Client

import pytest

from politiebijstand.wijzer.views import resultaat_url_voor_situatie

pytestmark = pytest.mark.usefixtures("referentiedata")


def _situatie(taak: str, *gevraagd: dict[str, Any], **velden: Any) -> dict[str, Any]:
    return {
        "eigen_capaciteit_toereikend": False,
        "taak": taak,
        "spoed": False,
        "gemeenten": ["Den Haag"],
        "locatiegebonden": True,
        "gevraagd": list(gevraagd),
        **velden,
    }


def _pagina(client: Client, situatie: dict[str, Any]) -> str:
    response = client.get(resultaat_url_voor_situatie(situatie))
    assert response.status_code == 200
    return str(response.content.decode())


def test_buitenlandse_politie_justitie_noemt_stroomschema_b_niet_toelichting_rechtshulp(
    client: Client,
) -> None:
    body = _pagina(
        client,
        _situatie("strafrechtelijke_handhaving", {"leverancier": "buitenland", "land": "BE"}),
    )
    assert "(factsheet, stroomschema B, Buitenland)</p>" in body
    assert "toelichting rechtshulp" not in body


def test_procedure_noemt_haar_toelichting(client: Client) -> None:
    body = _pagina(client, _situatie("openbare_orde", {"leverancier": "politie"}))
    assert "(factsheet, toelichting 1)</p>" in body
