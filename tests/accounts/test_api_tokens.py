"""API tokens per organisation (issue #12 item 3, ADR 0049): the beheerder's pages.

Only a beheerder, only for their own organisation (another organisation's token: 404); the
secret is shown once, in the answer to the creation, and never again (a reload makes no
second token); only its sha256 is stored; creation and revocation are audited.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import timedelta
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test import Client

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import ApiToken, Gebruiker
from politiebijstand.accounts.tokens import vandaag
from politiebijstand.audit.models import AuditLogEntry
from tests.accounts.factories import WACHTWOORD, maak_gebruiker
from tests.accounts.helpers import tweede_factor_instellen
from tests.api.tokens import bearer, token_voor

pytestmark = pytest.mark.usefixtures("referentiedata")

NIEUW = "/accounts/beheer/tokens/nieuw/"
LIJST = "/accounts/beheer/tokens/"


def ingelogd(code: str, rol: str = Rol.BEHEERDER) -> tuple[Client, Gebruiker]:
    """A client of a new account of `code` with TOTP, re-authenticated (creation asks it)."""
    wie = maak_gebruiker(code, rol)
    tweede_factor_instellen(wie)
    client = Client()
    client.force_login(wie)
    assert client.post("/accounts/reauthenticate/", {"password": WACHTWOORD}).status_code == 302
    return client, wie


def _invoer(client: Client, **velden: str) -> dict[str, str]:
    """The new-token form's fields with the one-time value of a fresh GET of the page."""
    pagina = client.get(NIEUW)
    assert pagina.status_code == 200
    standaard = {
        "naam": "Koppeling meldkamer",
        "rol": "medewerker",
        "geldig_tot": (vandaag() + timedelta(days=30)).isoformat(),
        "eenmalig": str(pagina.context["form"]["eenmalig"].value()),
    }
    return standaard | velden


def _na(regel: AuditLogEntry) -> dict[str, Any]:
    assert isinstance(regel.na, dict)
    return regel.na


def _alle_tekst() -> str:
    """Every value of every table of the database, as one text."""
    delen: list[str] = []
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
            delen.extend(str(rij) for rij in cursor.fetchall())
    return "\n".join(delen)


def test_aanmaken_toont_het_geheim_eenmaal_en_bewaart_alleen_de_sha256() -> None:
    client, beheerder = ingelogd("RCCB-MN")
    invoer = _invoer(client)
    response = client.post(NIEUW, invoer)
    assert response.status_code == 200
    geheim = response.context["geheim"]
    assert re.fullmatch(r"pb_[A-Za-z0-9_-]{43}", geheim)
    html = response.content.decode()
    assert f'value="{geheim}"' in html
    assert "Kopieer het geheim nu." in html
    token = ApiToken.objects.get()
    assert token.prefix == geheim[:11]
    assert token.geheim_hash == hashlib.sha256(geheim.encode()).hexdigest()
    assert token.organisatie == beheerder.organisatie
    assert token.aangemaakt_door == beheerder
    # The secret is nowhere in the database (sessions included), not even its secret part.
    tekst = _alle_tekst()
    assert geheim not in tekst
    assert geheim[11:] not in tekst
    assert token.geheim_hash in tekst
    # A reload posts the same form again: no second token, no secret.
    opnieuw = client.post(NIEUW, invoer)
    assert opnieuw.status_code == 302
    assert opnieuw["Location"] == LIJST
    lijst = client.get(LIJST)
    assert geheim not in lijst.content.decode()
    assert "Het geheim van een token wordt maar één keer getoond" in lijst.content.decode()
    assert ApiToken.objects.count() == 1
    # The token works.
    assert Client().get("/api/v1/werkvoorraad", headers=bearer(geheim)).status_code == 200


def test_aanmaken_en_intrekken_worden_vastgelegd() -> None:
    client, beheerder = ingelogd("RCCB-MN")
    client.post(NIEUW, _invoer(client, rol="besluitvormer", naam="GMS"))
    token = ApiToken.objects.select_related("account").get()
    aangemaakt = AuditLogEntry.objects.get(gebeurtenis="api-token-aangemaakt")
    assert aangemaakt.actor_id == beheerder.pk
    assert aangemaakt.object_id == str(token.pk)
    verloopt = json.loads(json.dumps(token.verloopt_op, cls=DjangoJSONEncoder))
    assert aangemaakt.na == {
        "prefix": token.prefix,
        "naam": "GMS",
        "organisatie": "RCCB-MN",
        "rol": "besluitvormer",
        "account": f"api-{token.prefix}",
        "verloopt_op": verloopt,
        "status": "actief",
    }
    systeem = AuditLogEntry.objects.get(
        gebeurtenis="gebruiker-aangemaakt", object_id=str(token.account.pk)
    )
    assert _na(systeem)["rol"] == "besluitvormer"
    bevestigen = client.get(f"/accounts/beheer/tokens/{token.pk}/intrekken/")
    assert bevestigen.status_code == 200
    assert "Token intrekken" in bevestigen.content.decode()
    response = client.post(f"/accounts/beheer/tokens/{token.pk}/intrekken/")
    assert response.status_code == 302
    assert response["Location"] == LIJST
    ingetrokken = AuditLogEntry.objects.get(gebeurtenis="api-token-ingetrokken")
    assert ingetrokken.actor_id == beheerder.pk
    assert ingetrokken.voor is not None
    assert ingetrokken.voor["status"] == "actief"
    assert _na(ingetrokken)["status"] == "ingetrokken"
    # Revoking again changes nothing.
    client.post(f"/accounts/beheer/tokens/{token.pk}/intrekken/")
    assert AuditLogEntry.objects.filter(gebeurtenis="api-token-ingetrokken").count() == 1


def test_de_lijst_toont_de_tokens_van_de_eigen_organisatie() -> None:
    client, beheerder = ingelogd("RCCB-MN")
    eigen = token_voor("RCCB-MN", naam="Eigen koppeling", door=beheerder)
    token_voor("RCCB-AM", naam="Andere koppeling")
    Client().get("/api/v1/werkvoorraad", headers=bearer(eigen))
    response = client.get(LIJST)
    assert response.status_code == 200
    rijen = response.context["rijen"]
    assert [(r["token"].naam, r["status"]) for r in rijen] == [("Eigen koppeling", "actief")]
    assert rijen[0]["token"].laatst_gebruikt_op is not None
    html = response.content.decode()
    assert eigen[:11] in html
    assert eigen not in html
    assert "Andere koppeling" not in html
    # The system account is not among the accounts, and cannot be changed there.
    accounts = client.get("/accounts/beheer/")
    assert [g.username for g in accounts.context["gebruikers"]] == [beheerder.username]
    account = ApiToken.objects.get(naam="Eigen koppeling").account
    assert client.get(f"/accounts/beheer/{account.pk}/").status_code == 404


def test_een_token_van_een_andere_organisatie_geeft_404() -> None:
    client, _ = ingelogd("RCCB-MN")
    token_voor("RCCB-AM")
    ander = ApiToken.objects.get()
    assert client.get(f"/accounts/beheer/tokens/{ander.pk}/intrekken/").status_code == 404
    assert client.post(f"/accounts/beheer/tokens/{ander.pk}/intrekken/").status_code == 404
    assert ApiToken.objects.get().ingetrokken_op is None


@pytest.mark.parametrize("rol", [Rol.MEDEWERKER, Rol.BESLUITVORMER])
def test_alleen_een_beheerder(rol: str) -> None:
    client, _ = ingelogd("RCCB-MN", rol)
    token_voor("RCCB-MN")
    token = ApiToken.objects.get()
    assert client.get(LIJST).status_code == 403
    assert client.get(NIEUW).status_code == 403
    assert client.post(NIEUW, {"naam": "x"}).status_code == 403
    assert client.post(f"/accounts/beheer/tokens/{token.pk}/intrekken/").status_code == 403
    assert ApiToken.objects.count() == 1


def test_een_ongeldige_invoer_noemt_het_veld_en_maakt_niets() -> None:
    client, _ = ingelogd("RCCB-MN")
    te_laat = (vandaag() + timedelta(days=366)).isoformat()
    response = client.post(NIEUW, _invoer(client, naam="", rol="beheerder", geldig_tot=te_laat))
    assert response.status_code == 400
    form: Any = response.context["form"]
    assert form.errors == {
        "naam": ["Dit veld is vereist."],
        "rol": ["Selecteer een geldige keuze. beheerder is geen beschikbare keuze."],
        "geldig_tot": ["Hoogstens 365 dagen na vandaag (een jaar)."],
    }
    assert not ApiToken.objects.exists()
    # The form shown again carries a new one-time value: it can be sent.
    invoer = {
        "naam": "Koppeling",
        "rol": "medewerker",
        "geldig_tot": (vandaag() + timedelta(days=365)).isoformat(),
        "eenmalig": str(form["eenmalig"].value()),
    }
    assert client.post(NIEUW, invoer).status_code == 200
    assert ApiToken.objects.count() == 1


def test_aanmaken_vraagt_eerst_herauthenticatie() -> None:
    wie = maak_gebruiker("RCCB-MN", Rol.BEHEERDER)
    tweede_factor_instellen(wie)
    client = Client()
    client.force_login(wie)
    # force_login records a fresh log-in; make it old enough to need re-authentication.
    sessie = client.session
    for record in sessie["account_authentication_methods"]:
        record["at"] -= 3600
    sessie.save()
    response = client.post(NIEUW, _invoer(client))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not ApiToken.objects.exists()
