"""The admin shows no request data, to any staff account (issue #9 item 3, ADR 0027).

Requests, parts, tasks, decisions, status changes and the outbox are seen only through the
pages and the API, under need-to-know.
"""

from __future__ import annotations

from django.contrib import admin
from django.test import Client

import pytest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from tests.verzoeken.helpers import maak_verzoek

pytestmark = pytest.mark.django_db

VERZOEKGEGEVENS = [
    "verzoeken/bijstandsverzoek",
    "verzoeken/deelverzoek",
    "verzoeken/taak",
    "verzoeken/besluit",
    "verzoeken/statuswijziging",
    "meldingen/bericht",
]


def test_alleen_referentiedata_accounts_en_audit_in_de_admin() -> None:
    geregistreerd = sorted(model._meta.label_lower for model in admin.site._registry)
    assert geregistreerd == [
        "accounts.gebruiker",
        "audit.auditlogentry",
        "auth.group",
        "mfa.authenticator",
        "organisaties.organisatie",
    ]


@pytest.mark.parametrize("model", VERZOEKGEGEVENS)
@pytest.mark.parametrize("pagina", ["", "1/change/", "add/"])
def test_admin_urls_van_verzoekgegevens_antwoorden_404(
    admin_client: Client, model: str, pagina: str
) -> None:
    maak_verzoek()
    assert admin_client.get(f"/admin/{model}/{pagina}").status_code == 404


@pytest.mark.parametrize("app", ["verzoeken", "meldingen"])
def test_admin_apps_van_verzoekgegevens_antwoorden_404(admin_client: Client, app: str) -> None:
    assert admin_client.get(f"/admin/{app}/").status_code == 404


def test_geen_admin_lijst_toont_een_verzoek(admin_client: Client) -> None:
    verzoek = maak_verzoek()
    assert Bericht.objects.exists()  # the request's messages are in the outbox
    index = admin_client.get("/admin/").content.decode()
    assert 'href="/admin/verzoeken/"' not in index
    assert 'href="/admin/meldingen/"' not in index
    for model in admin.site._registry:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        inhoud = admin_client.get(url).content.decode()
        assert verzoek.kenmerk not in inhoud, url
        assert verzoek.titel not in inhoud, url


def test_auditregels_over_verzoeken_staan_niet_in_de_admin(admin_client: Client) -> None:
    verzoek = maak_verzoek()
    regel = AuditLogEntry.objects.get(gebeurtenis="verzoek-aangemaakt")
    assert regel.object_id == str(verzoek.pk)
    response = admin_client.get(f"/admin/audit/auditlogentry/{regel.pk}/change/")
    assert response.status_code == 302  # "does not exist": back to the admin index
    lijst = admin_client.get("/admin/audit/auditlogentry/").content.decode()
    assert "verzoek-aangemaakt" not in lijst
    assert "organisatie-aangemaakt" in lijst  # reference data stays
