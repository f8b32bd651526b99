"""API tokens per organisation (issue #12 item 3, ADR 0049): the API side.

A token reads what its organisation may read (and 404 outside it), is refused with 401 when
unknown, expired or revoked (revocation at the very next call), marks its last use at most
once a minute, is stored only as its sha256, and every call is audited naming the token and
the organisation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import connection
from django.test import Client

import pytest
import time_machine

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import ApiToken, Gebruiker
from politiebijstand.accounts.tokens import (
    TokenFout,
    TokenGeweigerd,
    geldig_tot_van,
    token_aanmaken,
    token_controleren,
    token_intrekken,
    verloopmoment,
)
from politiebijstand.audit.models import AuditLogEntry
from tests.api.tokens import bearer, token_voor
from tests.verzoeken.helpers import gebruiker, maak_verzoek, maak_verzoek_amsterdam

pytestmark = pytest.mark.usefixtures("referentiedata")

PROBLEM = "application/problem+json"
#: 10:00 in Amsterdam (UTC+1 in March), the day of `tests.verzoeken.helpers.NU`.
NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
UITDAGING = 'Bearer realm="politiebijstand", error="invalid_token"'


def _token(geheim: str) -> ApiToken:
    return ApiToken.objects.select_related("account").get(prefix=geheim[:11])


def _beheerder(code: str = "RCCB-MN") -> Gebruiker:
    return gebruiker(code, Rol.BEHEERDER)


def test_een_token_leest_een_verzoek_van_de_eigen_organisatie_en_niet_dat_van_een_ander() -> None:
    with time_machine.travel(NU, tick=False):
        mn = maak_verzoek()
        am = maak_verzoek_amsterdam()
        geheim = token_voor("RCCB-MN")
        client = Client()
        eigen = client.get(f"/api/v1/verzoeken/{mn.uuid}", headers=bearer(geheim))
        ander = client.get(f"/api/v1/verzoeken/{am.uuid}", headers=bearer(geheim))
        lijst = client.get("/api/v1/verzoeken", headers=bearer(geheim))
    assert eigen.status_code == 200
    assert eigen.json()["verzoek"]["kenmerk"] == mn.kenmerk
    assert ander.status_code == 404
    assert ander["Content-Type"] == PROBLEM
    assert ander.json() == {
        "type": "urn:politiebijstand:probleem:niet-gevonden",
        "title": "Niet gevonden",
        "status": 404,
        "detail": "Dit bestaat niet, of valt buiten wat uw organisatie mag zien.",
    }
    assert [v["kenmerk"] for v in lijst.json()["resultaten"]] == [mn.kenmerk]
    # No cookie is set: a token call has no session.
    assert not eigen.cookies


def test_elke_aanroep_wordt_vastgelegd_met_token_en_organisatie() -> None:
    with time_machine.travel(NU, tick=False):
        mn = maak_verzoek()
        geheim = token_voor("RCCB-MN")
        token = _token(geheim)
        eerste = AuditLogEntry.objects.order_by("-volgnummer").first()
        assert eerste is not None
        client = Client()
        client.get(f"/api/v1/verzoeken/{mn.uuid}?x=geheim", headers=bearer(geheim))
        client.get("/api/v1/werkvoorraad", headers=bearer(geheim))
    nieuw = list(AuditLogEntry.objects.filter(volgnummer__gt=eerste.volgnummer))
    assert [(r.gebeurtenis, r.actor_gebruikersnaam, r.actor_organisatie_code) for r in nieuw] == [
        ("api-aanroep", f"api-{token.prefix}", "RCCB-MN"),
        ("verzoek-bekeken", f"api-{token.prefix}", "RCCB-MN"),
        ("api-aanroep", f"api-{token.prefix}", "RCCB-MN"),
    ]
    assert nieuw[0].object_type == "accounts.apitoken"
    assert nieuw[0].object_id == str(token.pk)
    assert nieuw[0].na == {
        "token": token.prefix,
        "organisatie": "RCCB-MN",
        "methode": "GET",
        "pad": f"/api/v1/verzoeken/{mn.uuid}",
    }
    assert nieuw[1].object_id == str(mn.pk)
    assert isinstance(nieuw[2].na, dict)
    assert nieuw[2].na["pad"] == "/api/v1/werkvoorraad"


def test_een_verlopen_token_krijgt_401() -> None:
    with time_machine.travel(NU, tick=False):
        geheim = token_voor("RCCB-MN", geldig_tot=date(2026, 3, 3))
    token = _token(geheim)
    assert token.verloopt_op == datetime(2026, 3, 3, 23, 0, tzinfo=UTC)  # midnight, UTC+1
    client = Client()
    with time_machine.travel(datetime(2026, 3, 3, 22, 59, 59, tzinfo=UTC), tick=False):
        assert client.get("/api/v1/verzoeken", headers=bearer(geheim)).status_code == 200
    with time_machine.travel(datetime(2026, 3, 3, 23, 0, tzinfo=UTC), tick=False):
        response = client.get("/api/v1/verzoeken", headers=bearer(geheim))
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == UITDAGING
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:token-verlopen",
        "title": "Niet geauthenticeerd",
        "status": 401,
        "detail": (f"Het API-token {token.prefix} is verlopen; vraag uw beheerder om een nieuw."),
    }
    geweigerd = AuditLogEntry.objects.get(gebeurtenis="api-token-geweigerd")
    assert geweigerd.na == {
        "token": token.prefix,
        "organisatie": "RCCB-MN",
        "methode": "GET",
        "pad": "/api/v1/verzoeken",
        "reden": "token-verlopen",
    }


def test_intrekken_werkt_bij_de_eerstvolgende_aanroep() -> None:
    mn = maak_verzoek()
    beheerder = _beheerder()
    geheim = token_voor("RCCB-MN", door=beheerder)
    client = Client()
    assert client.get(f"/api/v1/verzoeken/{mn.uuid}", headers=bearer(geheim)).status_code == 200
    token_intrekken(door=beheerder, token=_token(geheim))
    response = client.get(f"/api/v1/verzoeken/{mn.uuid}", headers=bearer(geheim))
    assert response.status_code == 401
    assert response.json()["type"] == "urn:politiebijstand:probleem:token-ingetrokken"
    assert response["WWW-Authenticate"] == UITDAGING
    token = _token(geheim)
    assert token.ingetrokken_door == beheerder
    assert token.account.is_active is False
    # Nothing of the request was read after the revocation.
    assert AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken").count() == 1


@pytest.mark.parametrize(
    "kop",
    [
        "Bearer pb_" + "x" * 43,  # well-formed, unknown
        "Bearer pb_kort",
        "Bearer",
        "bearer een twee",
    ],
)
def test_een_onbekend_of_misvormd_token_krijgt_401_zonder_auditregel(kop: str) -> None:
    voor = AuditLogEntry.objects.count()
    response = Client().get("/api/v1/verzoeken", HTTP_AUTHORIZATION=kop)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == UITDAGING
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:token-onbekend",
        "title": "Niet geauthenticeerd",
        "status": 401,
        "detail": "Dit API-token is onbekend.",
    }
    assert AuditLogEntry.objects.count() == voor


def test_zonder_token_en_sessie_noemt_de_401_beide_manieren() -> None:
    response = Client().get("/api/v1/verzoeken", HTTP_AUTHORIZATION="Basic YWRtaW46eA==")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == (
        'Bearer realm="politiebijstand", Session realm="politiebijstand"'
    )
    assert response.json()["type"] == "urn:politiebijstand:probleem:inloggen-vereist"


def test_een_token_post_zonder_csrf_token() -> None:
    """No cookie, so no CSRF check: a POST goes to the view (here: no such step, 404)."""
    client = Client(enforce_csrf_checks=True)
    geheim = token_voor("RCCB-MN")
    response = client.post(
        "/api/v1/taken/999999/oppakken",
        data={},
        content_type="application/json",
        headers=bearer(geheim),
    )
    assert response.status_code == 404


def test_laatst_gebruikt_hoogstens_eens_per_minuut_bijgewerkt() -> None:
    with time_machine.travel(NU, tick=False):
        geheim = token_voor("RCCB-MN")
    assert _token(geheim).laatst_gebruikt_op is None
    client = Client()
    for seconden, verwacht in ((0, 0), (59, 0), (60, 60), (61, 60), (125, 125)):
        moment = NU + timedelta(seconds=seconden)
        with time_machine.travel(moment, tick=False):
            assert client.get("/api/v1/werkvoorraad", headers=bearer(geheim)).status_code == 200
        assert _token(geheim).laatst_gebruikt_op == NU + timedelta(seconds=verwacht), seconden


def test_token_controleren_schrijft_niet_binnen_de_minuut() -> None:
    with time_machine.travel(NU, tick=False):
        geheim = token_voor("RCCB-MN")
    token_controleren(geheim, nu=NU)
    with connection.cursor():
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            token_controleren(geheim, nu=NU + timedelta(seconds=30))
    assert len(queries) == 1  # the lookup; no UPDATE


def test_token_aanmaken_weigert_met_het_veld() -> None:
    beheerder = _beheerder()
    vandaag = date(2026, 3, 2)
    gevallen: list[tuple[dict[str, Any], str]] = [
        ({"naam": "  "}, "naam: geef aan waarvoor het token dient"),
        ({"naam": "x" * 101}, "naam: hoogstens 100 tekens"),
        ({"rol": Rol.BEHEERDER}, "rol: kies medewerker of besluitvormer"),
        ({"geldig_tot": vandaag}, "geldig_tot: kies een datum na vandaag"),
        (
            {"geldig_tot": vandaag + timedelta(days=366)},
            "geldig_tot: hoogstens 365 dagen na vandaag (een jaar)",
        ),
    ]
    for fout, melding in gevallen:
        velden: dict[str, Any] = {
            "naam": "Koppeling",
            "rol": Rol.MEDEWERKER,
            "geldig_tot": vandaag + timedelta(days=365),
        } | fout
        with pytest.raises(TokenFout) as info:
            token_aanmaken(door=beheerder, nu=NU, **velden)
        assert str(info.value) == melding
    medewerker = gebruiker("RCCB-MN")
    with pytest.raises(TokenFout, match=r"^door: alleen een beheerder"):
        token_aanmaken(door=medewerker, naam="x", rol=Rol.MEDEWERKER, geldig_tot=vandaag, nu=NU)
    assert not ApiToken.objects.exists()
    assert not Gebruiker.objects.filter(username__startswith="api-").exists()
    nieuw = token_aanmaken(
        door=beheerder,
        naam=" Koppeling   GMS ",
        rol=Rol.BESLUITVORMER,
        geldig_tot=vandaag + timedelta(days=365),
        nu=NU,
    )
    assert nieuw.token.naam == "Koppeling GMS"
    assert nieuw.token.verloopt_op == verloopmoment(date(2027, 3, 2))
    assert geldig_tot_van(nieuw.token) == date(2027, 3, 2)
    assert nieuw.token.account.rol == Rol.BESLUITVORMER
    assert nieuw.token.account.has_usable_password() is False
    assert nieuw.token.account.organisatie == beheerder.organisatie


def test_intrekken_alleen_door_een_beheerder_van_de_eigen_organisatie() -> None:
    geheim = token_voor("RCCB-MN")
    with pytest.raises(TokenFout, match=r"^door: dit token hoort bij een andere organisatie$"):
        token_intrekken(door=_beheerder("RCCB-AM"), token=_token(geheim))
    assert _token(geheim).ingetrokken_op is None


def test_token_controleren_weigert_een_verplaatst_of_gedeactiveerd_account() -> None:
    geheim = token_voor("RCCB-MN")
    token = _token(geheim)
    Gebruiker.objects.filter(pk=token.account_id).update(
        organisatie=Gebruiker.objects.get(pk=_beheerder("RCCB-AM").pk).organisatie
    )
    with pytest.raises(TokenGeweigerd) as info:
        token_controleren(geheim)
    assert info.value.code == "token-ingetrokken"


def test_het_openapi_document_kent_bearer_auth() -> None:
    response = Client().get("/api/v1/schema/?format=json")
    schema = response.json()
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "pb_<43 tekens>",
        "description": (
            "API-token van een organisatie, aangemaakt door haar beheerder op "
            "/accounts/beheer/tokens/. Zelfde need-to-know als de pagina's; elke "
            "aanroep wordt in de audittrail vastgelegd. Verlopen of ingetrokken: 401."
        ),
    }
    operatie = schema["paths"]["/verzoeken/{uuid}"]["get"]
    assert {"bearerAuth": []} in operatie["security"]
