"""The load benchmark's floor views (#13 item 4, ADR 0054): off by default, and when on, the
same log-in, second factor, need-to-know and audit as the pages they stand beside."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime

from django.test import Client, override_settings
from django.urls import clear_url_caches

import pytest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.conf import urls as root_urls
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.verzoeken.helpers import maak_verzoek, open_taken
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

VLOER_URLS = "tests.conf.vloer_urls"


def test_zonder_de_instelling_bestaan_de_vloerpaden_niet() -> None:
    client, _ = als("RCCB-MN")
    assert client.get("/bench/vloer/werkvoorraad/").status_code == 404
    assert client.get("/bench/vloer/beeld/").status_code == 404


def test_de_instelling_hangt_de_vloer_onder_bench_vloer() -> None:
    try:
        with override_settings(BENCH_VLOER=True):
            importlib.reload(root_urls)
            paden = [str(p.pattern) for p in root_urls.urlpatterns]  # type: ignore[attr-defined]
    finally:
        importlib.reload(root_urls)
        clear_url_caches()
    assert paden[-1] == "bench/vloer/"
    assert "bench/vloer/" not in [
        str(p.pattern)  # type: ignore[attr-defined]
        for p in root_urls.urlpatterns
    ]


@pytest.mark.urls(VLOER_URLS)
def test_werkvoorraad_vloer_geeft_de_eerste_taken_van_de_eigen_organisatie() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, _ = als("RCCB-MN")
    response = client.get("/bench/vloer/werkvoorraad/")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "taken": [{"id": taak.pk, "naam": taak.naam, "kenmerk": verzoek.kenmerk}],
        "totaal": 1,
    }
    anders, _ = als("LOCC")
    assert json.loads(anders.get("/bench/vloer/werkvoorraad/").content) == {
        "taken": [],
        "totaal": 0,
    }


@pytest.mark.urls(VLOER_URLS)
def test_verzoek_vloer_kent_need_to_know_en_schrijft_de_inzage_in_de_audit() -> None:
    verzoek = maak_verzoek()
    client, wie = als("RCCB-MN")
    response = client.get(f"/bench/vloer/verzoeken/{verzoek.uuid}/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"kenmerk": verzoek.kenmerk, "delen": 1, "open_taken": 1}
    inzage = AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken", actor=wie)
    assert [e.object_id for e in inzage] == [str(verzoek.pk)]
    buiten, _ = als("RCCB-ZWB")
    assert buiten.get(f"/bench/vloer/verzoeken/{verzoek.uuid}/").status_code == 404


@pytest.mark.urls(VLOER_URLS)
def test_beeld_vloer_telt_de_rijen() -> None:
    # The picture leaves out what has ended by now: a request far in the future.
    maak_verzoek(nu=datetime(2099, 1, 12, 9, 0, tzinfo=UTC))
    client, _ = als("RCCB-MN")
    response = client.get("/bench/vloer/beeld/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"rijen": 1, "meer_rijen": 0}


@pytest.mark.urls(VLOER_URLS)
def test_vloer_vraagt_inloggen_en_de_tweede_factor() -> None:
    response = Client().get("/bench/vloer/werkvoorraad/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/bench/vloer/werkvoorraad/"
    zonder_tweede = Client()
    maak_gebruiker("RCCB-MN", username="bert")
    zonder_tweede.post("/accounts/login/", {"login": "bert", "password": WACHTWOORD})
    response = zonder_tweede.get("/bench/vloer/werkvoorraad/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
