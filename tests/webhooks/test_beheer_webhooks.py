"""The beheerder's webhook pages: own organisation only, the secret once, audited (#12 item 5)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.test import Client

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.versleuteling import geheim_ontsleutelen
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.webhooks import services
from politiebijstand.webhooks.models import LeveringStatus, WebhookAbonnement, WebhookLevering
from tests.accounts.factories import WACHTWOORD, maak_gebruiker, maak_organisatie
from tests.accounts.helpers import tweede_factor_instellen

pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
URL = "http://127.0.0.1:8123/webhooks/pb"


def ingelogd_als(gebruiker: Gebruiker, *, herauthenticatie: bool = True) -> Client:
    tweede_factor_instellen(gebruiker)
    client = Client()
    client.force_login(gebruiker)
    if herauthenticatie:
        assert client.post("/accounts/reauthenticate/", {"password": WACHTWOORD}).status_code == 302
    return client


@pytest.fixture
def beheerder() -> Gebruiker:
    return maak_gebruiker("RCCB-MN", Rol.BEHEERDER, username="beheer-mn")


def test_aanmaken_toont_het_geheim_een_keer(beheerder: Gebruiker) -> None:
    client = ingelogd_als(beheerder)
    assert client.get("/accounts/beheer/webhooks/nieuw/").status_code == 200
    antwoord = client.post(
        "/accounts/beheer/webhooks/nieuw/", {"url": f" {URL} ", "omschrijving": "Meldkamer-GMS"}
    )
    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]
    abonnement = WebhookAbonnement.objects.get()
    geheim = antwoord.context["geheim"]
    assert geheim_ontsleutelen(abonnement.geheim_versleuteld) == geheim
    assert (abonnement.url, abonnement.omschrijving, abonnement.organisatie.code) == (
        URL,
        "Meldkamer-GMS",
        "RCCB-MN",
    )
    assert (abonnement.actief, abonnement.aangemaakt_door) == (True, beheerder)
    html = antwoord.content.decode()
    assert f'<code id="webhook-geheim">{geheim}</code>' in html
    assert "hmac.compare_digest" in html  # the receiver's example

    lijst = client.get("/accounts/beheer/webhooks/")
    assert lijst.status_code == 200
    html = lijst.content.decode()
    assert URL in html and "Meldkamer-GMS" in html
    assert geheim not in html
    log = client.get(f"/accounts/beheer/webhooks/{abonnement.uuid}/")
    assert geheim not in log.content.decode()
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="webhook-abonnement-aangemaakt")
    assert (regel.actor, regel.object_id, regel.na) == (
        beheerder,
        str(abonnement.pk),
        {"organisatie": "RCCB-MN", "url": URL, "omschrijving": "Meldkamer-GMS"},
    )
    assert geheim not in str(regel.na)


def test_aanmaken_vraagt_eerst_herauthenticatie(beheerder: Gebruiker) -> None:
    client = ingelogd_als(beheerder, herauthenticatie=False)
    antwoord = client.post("/accounts/beheer/webhooks/nieuw/", {"url": URL})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/accounts/reauthenticate/?next=")
    assert WebhookAbonnement.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "melding"),
    [
        ("ftp://127.0.0.1/hook", "URL: alleen een https://-adres is toegestaan."),
        ("https://wie:ww@127.0.0.1/", "URL: zet geen gebruikersnaam of wachtwoord in het adres."),
        ("", "Dit veld is vereist."),
    ],
)
def test_een_ongeldige_url_geeft_een_foutmelding(
    beheerder: Gebruiker, url: str, melding: str
) -> None:
    client = ingelogd_als(beheerder)
    antwoord = client.post("/accounts/beheer/webhooks/nieuw/", {"url": url})
    assert antwoord.status_code == 400
    assert antwoord.context["form"].errors == {"url": [melding]}
    assert melding in antwoord.content.decode()
    assert WebhookAbonnement.objects.count() == 0
    assert not AuditLogEntry.objects.filter(gebeurtenis="webhook-abonnement-aangemaakt").exists()


def test_leveringen_en_stoppen_alleen_van_de_eigen_organisatie(beheerder: Gebruiker) -> None:
    eigen, _ = services.abonnement_aanmaken(
        door=beheerder, organisatie=maak_organisatie("RCCB-MN"), url=URL
    )
    ander_beheerder = maak_gebruiker("RCCB-RT", Rol.BEHEERDER, username="beheer-rt")
    ander, _ = services.abonnement_aanmaken(
        door=ander_beheerder, organisatie=maak_organisatie("RCCB-RT"), url=URL + "/rt"
    )
    WebhookLevering.objects.create(
        abonnement=eigen,
        gebeurtenis_id="6f1c3a52-5d2e-4a8e-9d57-1f0e6a1b2c3d",
        soort="verzoek.status-gewijzigd",
        verzoek="0b0e7d7a-3f43-4b7c-8c51-2d5c6a7e8f90",
        payload={
            "kenmerk": "BV-2026-000042",
            "status": "besloten",
            "oud": "in_behandeling",
            "type": "verzoek.status-gewijzigd",
        },
        status=LeveringStatus.WACHTEND,
        pogingen=2,
        laatste_http_status=503,
        laatste_fout="HTTP 503",
        volgende_poging_op=datetime(2026, 3, 2, 9, 36, tzinfo=UTC),
        aangemaakt_op=T0,
    )
    client = ingelogd_als(beheerder)

    lijst = client.get("/accounts/beheer/webhooks/")
    assert [a.url for a in lijst.context["abonnementen"]] == [URL]
    assert [a.aantal_wachtend for a in lijst.context["abonnementen"]] == [1]

    log = client.get(f"/accounts/beheer/webhooks/{eigen.uuid}/")
    assert log.status_code == 200
    html = log.content.decode()
    # times shown in Europe/Amsterdam (UTC+1 in March)
    for tekst in ("2026-03-02 10:00:00", "BV-2026-000042", "in_behandeling → besloten", "HTTP 503"):
        assert tekst in html
    assert "2026-03-02 10:36:00" in html  # the next attempt
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="webhook-leveringen-bekeken")
    assert (regel.actor, regel.object_id, regel.na) == (beheerder, str(eigen.pk), {"aantal": 1})

    # another organisation's subscription: 404, as one that does not exist
    assert client.get(f"/accounts/beheer/webhooks/{ander.uuid}/").status_code == 404
    assert client.post(f"/accounts/beheer/webhooks/{ander.uuid}/deactiveren/").status_code == 404
    ander.refresh_from_db()
    assert ander.actief is True

    stop = client.post(f"/accounts/beheer/webhooks/{eigen.uuid}/deactiveren/")
    assert (stop.status_code, stop["Location"]) == (302, "/accounts/beheer/webhooks/")
    eigen.refresh_from_db()
    assert eigen.actief is False
    assert list(WebhookLevering.objects.values_list("status", flat=True)) == ["vervallen"]
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="webhook-abonnement-gedeactiveerd")
    assert regel.na == {"actief": False, "vervallen_leveringen": 1}
    assert "is gestopt" in client.get("/accounts/beheer/webhooks/").content.decode()


@pytest.mark.parametrize("rol", [Rol.MEDEWERKER, Rol.BESLUITVORMER])
def test_alleen_de_beheerder(rol: str) -> None:
    client = ingelogd_als(maak_gebruiker("RCCB-MN", rol))
    assert client.get("/accounts/beheer/webhooks/").status_code == 403
    assert client.get("/accounts/beheer/webhooks/nieuw/").status_code == 403
    assert client.post("/accounts/beheer/webhooks/nieuw/", {"url": URL}).status_code == 403
    assert WebhookAbonnement.objects.count() == 0
