"""Authorization matrix: every role x every URL pattern x every method (issue #3).

The URL patterns are found by walking the project's URL resolver, so a new URL is picked up;
it must then get a row in `VERWACHTING` (the test names it), and a sample value in
`VOORBEELD` for each new URL parameter name. Each request is checked against
the explicit expectation: allowed (`OK`), wrong method (`METHODE`), sent to log in (`LOGIN`),
sent to set up the second factor (`TWEE_FA`), refused (`GEWEIGERD`, 403), not logged in
(`ONBEKEND`, 401, the API) or not found (`NIET_GEVONDEN`, 404).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.vragenlijst.stappen import STAPPEN
from tests.accounts.factories import maak_gebruiker
from tests.accounts.helpers import tweede_factor_instellen, tweede_factor_sessie

# Its own organisations (tests.accounts.factories), without the reference data.
pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

OK, METHODE, LOGIN, TWEE_FA = "ok", "methode", "login", "tweede-factor"
GEWEIGERD, ONBEKEND, NIET_GEVONDEN = "geweigerd", "onbekend", "niet-gevonden"

ROLLEN = ("anoniem", "medewerker", "besluitvormer", "beheerder", "technisch", "zonder_2fa")
METHODEN = ("GET", "POST", "PUT", "PATCH", "DELETE")
INGELOGD = ("medewerker", "besluitvormer", "beheerder", "technisch")


@dataclass(frozen=True)
class Patroon:
    naam: str  # "namespace:name", or "namespace:?" for an unnamed pattern
    route: str  # the full route, e.g. "accounts/beheer/<int:pk>/"
    pad: str  # a concrete path for the request


CODES = {
    "ok": OK,
    "met": METHODE,
    "log": LOGIN,
    "2fa": TWEE_FA,
    "403": GEWEIGERD,
    "401": ONBEKEND,
    "404": NIET_GEVONDEN,
}


def _rij(tekst: str) -> dict[str, dict[str, str]]:
    """One row: per role (in `ROLLEN` order) the outcomes of GET/POST/PUT/PATCH/DELETE.

    A role with one code (``"log"``) has that outcome for every method.
    """
    per_rol = tekst.split()
    assert len(per_rol) == len(ROLLEN), tekst
    uit = {}
    for rol, codes in zip(ROLLEN, per_rol, strict=True):
        lijst = codes.split("/")
        if len(lijst) == 1:
            lijst = lijst * len(METHODEN)
        assert len(lijst) == len(METHODEN), tekst
        uit[rol] = {m: CODES[c] for m, c in zip(METHODEN, lijst, strict=True)}
    return uit


# fmt: off
#: The expectation per URL pattern (fnmatch on "namespace:name"; first match wins).
#: Columns: anoniem medewerker besluitvormer beheerder technisch zonder_2fa.
PAGINA_GET = "log ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 2fa"
PUBLIEK_GET = "ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 2fa"  # noqa: E501
BEHEER = "log 403/403/met/met/met 403/403/met/met/met ok/ok/met/met/met 403/403/met/met/met 2fa"
ADMIN = "log log log log ok 2fa"
ALLAUTH_OPEN_GET = "ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 2fa"  # noqa: E501
ALLAUTH_FORM = "log ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met 2fa"
ALLAUTH_ALLES = "log ok ok ok ok 2fa"
ALLEEN_POST_404 = "log met/404/met/met/met met/404/met/met/met met/404/met/met/met met/404/met/met/met 2fa"  # noqa: E501
FORMULIER_404 = "log 404/404/met/met/met 404/404/met/met/met 404/404/met/met/met 404/404/met/met/met 2fa"  # noqa: E501
API_GET = "401 ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 403"
API_GET_404 = "401 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 403"  # noqa: E501
VERWACHTING: list[tuple[str, dict[str, dict[str, str]]]] = [
    # public (#8, ADR 0020): "/" redirects to the wizard; the wizard, the rule catalogue, the
    # advice API and its schema are open without log-in (a logged-in user still needs 2FA)
    ("?", _rij("ok ok ok ok ok 2fa")),
    ("wijzer:*", _rij(PUBLIEK_GET)),
    ("regels", _rij(PUBLIEK_GET)),
    # the load balancer's health check (#13): public, GET and HEAD only, no session needed
    ("gezondheid", _rij(PUBLIEK_GET)),
    ("api:advies", _rij("met/ok/met/met/met met/ok/met/met/met met/ok/met/met/met met/ok/met/met/met met/ok/met/met/met 403")),  # noqa: E501
    ("api:schema", _rij("ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 403")),  # noqa: E501
    ("api:openapi-*", _rij("ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 403")),  # noqa: E501
    # the request API (#3): lists scoped to the user's organisation (the technical account has
    # none: empty lists); the sample request does not exist (404)
    # POST makes a request (#12, ADR 0048): only by the RCCB of a unit, and the matrix's
    # organisations have no unit (403)
    ("api:verzoeken", _rij("401 ok/403/met/met/met ok/403/met/met/met ok/403/met/met/met ok/403/met/met/met 403")),  # noqa: E501
    ("api:werkvoorraad", _rij(API_GET)),
    # a step (#12 item 1): GET reads it; the sample task does not exist (404)
    ("api:taak", _rij(API_GET_404)),
    # the changes of a step and the withdrawal (#10 item 4, #12): POST only; the sample task
    # and request do not exist (404)
    ("api:taak-*", _rij("401 met/404/met/met/met met/404/met/met/met met/404/met/met/met met/404/met/met/met 403")),  # noqa: E501
    ("api:verzoek-intrekking", _rij("401 met/404/met/met/met met/404/met/met/met met/404/met/met/met met/404/met/met/met 403")),  # noqa: E501
    ("api:verzoek", _rij("401 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 403")),  # noqa: E501
    # the read resources (#12 item 1, ADR 0047): lists scoped to the user's organisation; the
    # sample request, decision, document, organisation and municipality do not exist (404);
    # the capacity register for the LOCC and beheerders only, as its page (ADR 0038)
    ("api:verzoek-taken", _rij(API_GET_404)),
    ("api:besluiten", _rij(API_GET)),
    ("api:besluit", _rij(API_GET_404)),
    ("api:documenten", _rij(API_GET)),
    ("api:document", _rij(API_GET_404)),
    ("api:document-inhoud", _rij(API_GET_404)),
    ("api:capaciteit", _rij("401 403/met/met/met/met 403/met/met/met/met ok/met/met/met/met 403/met/met/met/met 403")),  # noqa: E501
    ("api:organisaties", _rij(API_GET)),
    ("api:organisatie", _rij(API_GET_404)),
    ("api:gemeenten", _rij(API_GET)),
    ("api:gemeente", _rij(API_GET_404)),
    ("accounts:uitloggen_overal", _rij("log ok/log/met/met/met ok/log/met/met/met ok/log/met/met/met ok/log/met/met/met ok/log/met/met/met")),  # noqa: E501
    ("accounts:gebruikers_lijst", _rij("log 403/met/met/met/met 403/met/met/met/met ok/met/met/met/met 403/met/met/met/met 2fa")),  # noqa: E501
    ("accounts:gebruiker_*", _rij(BEHEER)),
    # the beheerder's mail page (#10): the list always; a caught message only where make run's
    # catcher runs (not in the tests' settings: 404)
    ("accounts:verzonden_email_lijst", _rij("log 403/met/met/met/met 403/met/met/met/met ok/met/met/met/met 403/met/met/met/met 2fa")),  # noqa: E501
    ("accounts:verzonden_email", _rij("log 403/met/met/met/met 403/met/met/met/met 404/met/met/met/met 403/met/met/met/met 2fa")),  # noqa: E501
    # the beheerder's webhooks (#12 item 5, ADR 0050): the sample subscription does not exist;
    # creating asks for re-authentication first (a redirect: "ok")
    ("accounts:webhooks_lijst", _rij("log 403/met/met/met/met 403/met/met/met/met ok/met/met/met/met 403/met/met/met/met 2fa")),  # noqa: E501
    ("accounts:webhook_nieuw", _rij(BEHEER)),
    ("accounts:webhook_leveringen", _rij("log 403/met/met/met/met 403/met/met/met/met 404/met/met/met/met 403/met/met/met/met 2fa")),  # noqa: E501
    ("accounts:webhook_deactiveren", _rij("log met/403/met/met/met met/403/met/met/met met/404/met/met/met met/403/met/met/met 2fa")),  # noqa: E501
    # API tokens of the organisation (#12 item 3, ADR 0049): beheerders only; a new token's
    # POST asks for re-authentication first (a redirect); the sample token does not exist
    ("accounts:tokens_lijst", _rij("log 403/met/met/met/met 403/met/met/met/met ok/met/met/met/met 403/met/met/met/met 2fa")),  # noqa: E501
    ("accounts:token_nieuw", _rij(BEHEER)),
    ("accounts:token_intrekken", _rij("log 403/403/met/met/met 403/403/met/met/met 404/404/met/met/met 403/403/met/met/met 2fa")),  # noqa: E501
    # allauth, open without log-in (login_not_required)
    ("account_login", _rij("ok/ok/ok/met/met ok ok ok ok 2fa")),
    ("account_logout", _rij("log/log/met/met/met ok/log/met/met/met ok/log/met/met/met ok/log/met/met/met ok/log/met/met/met ok/log/met/met/met")),  # noqa: E501
    ("account_inactive", _rij(ALLAUTH_OPEN_GET)),
    ("account_signup", _rij("ok ok ok ok ok 2fa")),  # sign-up is closed: a page says so
    ("account_email_verification_sent", _rij(ALLAUTH_OPEN_GET)),
    ("account_confirm_email", _rij("ok/404/met/met/met ok/404/met/met/met ok/404/met/met/met ok/404/met/met/met ok/404/met/met/met 2fa")),  # noqa: E501
    ("account_confirm_login_code", _rij(ALLAUTH_ALLES)),
    ("account_reset_password", _rij("ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met 2fa")),  # noqa: E501
    ("account_reset_password_done", _rij(ALLAUTH_OPEN_GET)),
    ("account_reset_password_from_key", _rij("ok ok ok ok ok 2fa")),
    ("account_reset_password_from_key_done", _rij(ALLAUTH_OPEN_GET)),
    ("mfa_authenticate", _rij(ALLAUTH_ALLES)),
    # allauth, for a logged-in user; the second factor's own pages stay open without it
    ("account_reauthenticate", _rij("log ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met")),  # noqa: E501
    ("account_request_reauthentication_code", _rij(ALLAUTH_ALLES)),
    ("account_confirm_reauthentication_code", _rij(ALLAUTH_ALLES)),
    ("account_email", _rij(ALLAUTH_FORM)),
    ("account_change_password", _rij(ALLAUTH_FORM)),
    ("account_set_password", _rij(ALLAUTH_ALLES)),
    ("usersessions_list", _rij(ALLAUTH_FORM)),
    ("mfa_index", _rij("log ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met")),  # noqa: E501
    ("mfa_reauthenticate", _rij("log ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok/ok/ok/met/met ok")),  # noqa: E501
    ("mfa_activate_totp", _rij("log ok ok ok ok ok")),
    ("mfa_deactivate_totp", _rij(ALLAUTH_ALLES)),  # the form refuses: TOTP is required
    ("mfa_view_recovery_codes", _rij("log ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met ok/met/met/met/met 404/met/met/met/met")),  # noqa: E501
    ("mfa_generate_recovery_codes", _rij("log ok ok ok ok ok")),
    ("mfa_download_recovery_codes", _rij("log ok ok ok ok 404")),
    # work queue and request pages (#4): scoped to the user's organisation; the sample request
    # and task do not exist (404), the technical account has no organisation (empty lists)
    ("capaciteit:register", _rij(PAGINA_GET)),
    # the FNIK page (#11 item 3): the LOCC and beheerders only; a POST without data is a 400
    ("fnik:overzicht", _rij(BEHEER)),
    ("rapportages:overzicht", _rij(PAGINA_GET)),
    ("rapportages:export_csv", _rij(PAGINA_GET)),
    ("rapportages:export_xlsx", _rij(PAGINA_GET)),
    ("werkvoorraad:lijst", _rij(PAGINA_GET)),
    ("werkvoorraad:oppakken", _rij(ALLEEN_POST_404)),
    ("werkvoorraad:teruggeven", _rij(ALLEEN_POST_404)),
    ("verzoeken:lijst", _rij(PAGINA_GET)),
    # the operational picture (#11 item 2): scoped like the list (the LOCC sees all; ADR 0039)
    ("beeld:beeld", _rij(PAGINA_GET)),
    # the matrix's RCCB-MN has no unit (no reference data), so it may not make requests
    ("verzoeken:nieuw", _rij("log 403/403/met/met/met 403/403/met/met/met 403/403/met/met/met 403/403/met/met/met 2fa")),  # noqa: E501
    ("verzoeken:procedure_bpmn", _rij("log 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 2fa")),  # noqa: E501
    ("verzoeken:detail", _rij("log 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 2fa")),  # noqa: E501
    ("verzoeken:export", _rij(PAGINA_GET)),  # CSV of the list, scoped like it
    ("verzoeken:mandaten", _rij(BEHEER)),  # a beheerder records mandates (ADR 0033)
    # the form's autosave answers 401 itself without a session, so the page keeps the text
    ("verzoeken:formulier_concept", _rij("met/401/met/met/met met/404/met/met/met met/404/met/met/met met/404/met/met/met met/404/met/met/met 2fa")),  # noqa: E501
    # a document of a request (#10): as the request page, a GET that answers 404 here
    ("verzoeken:document", _rij("log 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 2fa")),  # noqa: E501
    # the after-action evaluation (#11 item 6, ADR 0042): the page as the request page, the
    # PDF by POST only; the sample request does not exist (404)
    ("verzoeken:evaluatie", _rij("log 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 404/met/met/met/met 2fa")),  # noqa: E501
    ("verzoeken:evaluatie_pdf", _rij(ALLEEN_POST_404)),
    # closing an exercise (ADR 0043): GET confirms, POST closes; the sample request is absent
    ("verzoeken:oefening_afsluiten", _rij(FORMULIER_404)),
    ("verzoeken:*", _rij(FORMULIER_404)),  # taak, intrekken, beroep, inzet, formulier
    # the Django admin: technical administration only
    # one log-in (ADR 0027): /admin/login/ only redirects to allauth's (admin:login is shadowed)
    ("admin_inloggen", _rij("log log log log log 2fa")),
    ("admin:login", _rij("log log log log log 2fa")),
    ("admin:logout", _rij("log ok ok ok met/ok/met/met/met 2fa")),  # logs out anyone
    ("admin:password_change", _rij("log log log log ok/ok/ok/met/met 2fa")),
    ("admin:password_change_done", _rij("log log log log ok/met/met/met/met 2fa")),
    ("admin:jsi18n", _rij("log log log log ok/met/met/met/met 2fa")),
    ("admin:autocomplete", _rij("log log log log 403/met/met/met/met 2fa")),  # no term given
    ("admin:view_on_site", _rij("log log log log 404 2fa")),  # no such object
    ("admin:audit_auditlogentry_add", _rij("log log log log 403 2fa")),  # append-only
    ("admin:audit_auditlogentry_delete", _rij("log log log log 403 2fa")),
    ("admin:audit_auditlogentry_change", _rij("log log log log ok/403/ok/ok/ok 2fa")),  # view only
    # second factors: read-only, without the secret; accounts are never deleted (ADR 0027).
    # Requests and the outbox have no admin at all.
    ("admin:mfa_authenticator_add", _rij("log log log log 403 2fa")),
    ("admin:mfa_authenticator_delete", _rij("log log log log 403 2fa")),
    ("admin:mfa_authenticator_change", _rij("log log log log ok/403/ok/ok/ok 2fa")),
    ("admin:accounts_gebruiker_delete", _rij("log log log log 403 2fa")),
    ("admin:?", _rij(ADMIN)),  # old-style object URLs redirect; also the catch-all below
    ("admin:*", _rij(ADMIN)),
]
# fmt: on


def _patronen(resolver: URLResolver, prefix: str = "", ns: str = "") -> Iterator[Patroon]:
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _patronen(
                p, prefix + str(p.pattern), ns + (f"{p.namespace}:" if p.namespace else "")
            )
        elif isinstance(p, URLPattern):
            naam = (ns + p.name) if p.name else f"{ns}?"
            yield Patroon(naam, prefix + str(p.pattern), "")


VOORBEELD = {
    "slug": STAPPEN[0].slug,
    "app_label": "accounts",
    "content_type_id": "999999",  # no such content type: view_on_site answers 404
    "uidb36": "1",
    "key": "abc",
    "url": "onbekend",
    # issue #4 (requests): a request that does not exist unless a test makes one
    "uuid": "00000000-0000-4000-8000-000000000000",
    "volgnummer": "1",
    "soort": "gestart",
    "procedure_id": "procedure_1",
    "eml": "0" * 64 + ".eml",  # issue #10: a caught message that does not exist
    "gemeente": "-",  # issue #10: the form of the authority itself
    "document": "00000000-0000-4000-8000-000000000001",  # issue #10: no such document
    "abonnement": "00000000-0000-4000-8000-000000000002",  # issue #12: no such webhook
    "code": "ONBEKEND",  # issue #12: no such organisation or municipality
}


def _concreet(route: str, pk: int) -> str:
    """A concrete path for a route: converters and regex groups filled with samples."""
    waarden = {**VOORBEELD, "pk": str(pk), "id": str(pk), "object_id": str(pk)}
    # regex groups (?P<name>...) of re_path patterns, then converters <type:name> of path()
    pad = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: waarden[m.group(1)], route)
    pad = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: waarden[m.group(1)], pad)
    return "/" + pad.replace("^", "").replace("$", "").replace("\\", "")


PATRONEN = list(_patronen(get_resolver()))


def verwachting(patroon: Patroon) -> dict[str, dict[str, str]] | None:
    if patroon.naam == "admin:?" and patroon.route.endswith("(?P<url>.*)$"):
        return _rij("log log log log 404 2fa")  # the admin's catch-all: no such page
    for glob, rij in VERWACHTING:
        if fnmatchcase(patroon.naam, glob):
            return rij
    return None


def test_elk_url_patroon_heeft_een_verwachting() -> None:
    zonder = sorted({p.naam for p in PATRONEN if verwachting(p) is None})
    assert zonder == [], f"Voeg een rij toe aan VERWACHTING voor: {zonder}"


def test_de_matrix_dekt_de_bekende_urls() -> None:
    namen = {p.naam for p in PATRONEN}
    assert {"wijzer:start", "api:advies", "account_login", "accounts:gebruiker_wijzigen"} <= namen
    assert len(PATRONEN) >= 50


def _uitkomst(response: Any) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        doel = response.headers.get("Location", "")
        if doel.startswith(("/accounts/login/", "/admin/login/")):
            return LOGIN
        if doel.startswith("/accounts/2fa/totp/activate/"):
            return TWEE_FA
        return OK
    return {401: ONBEKEND, 403: GEWEIGERD, 404: NIET_GEVONDEN, 405: METHODE}.get(status, OK)


_SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def _client(gebruiker: Gebruiker | None) -> Client:
    """A client with a fresh session of `gebruiker` (no log-in signal, so no audit row)."""
    client = Client()
    if gebruiker is not None:
        sessie = _SessionStore()
        sessie[SESSION_KEY] = str(gebruiker.pk)
        sessie[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        sessie[HASH_SESSION_KEY] = gebruiker.get_session_auth_hash()
        sessie.update(tweede_factor_sessie(gebruiker))  # passed its TOTP (issue #9)
        sessie.save()
        client.cookies[settings.SESSION_COOKIE_NAME] = sessie.session_key
    return client


@pytest.fixture
def gebruikers() -> dict[str, Gebruiker | None]:
    per_rol: dict[str, Gebruiker | None] = {"anoniem": None}
    for rol in (Rol.MEDEWERKER, Rol.BESLUITVORMER, Rol.BEHEERDER):
        per_rol[rol] = maak_gebruiker("RCCB-MN", rol, username=f"matrix-{rol}")
    per_rol["technisch"] = maak_gebruiker(
        organisatie=None, username="matrix-technisch", is_staff=True, is_superuser=True
    )
    for naam in ("medewerker", "besluitvormer", "beheerder", "technisch"):
        gebruiker = per_rol[naam]
        assert gebruiker is not None
        tweede_factor_instellen(gebruiker)
    per_rol["zonder_2fa"] = maak_gebruiker("RCCB-MN", username="matrix-zonder-2fa")
    return per_rol


@pytest.mark.parametrize("patroon", PATRONEN, ids=lambda p: f"{p.naam}|{p.route}")
def test_autorisatiematrix(patroon: Patroon, gebruikers: dict[str, Gebruiker | None]) -> None:
    rij = verwachting(patroon)
    if rij is None:
        pytest.fail(f"geen verwachting voor {patroon.naam}")
    collega = maak_gebruiker("RCCB-MN", username="matrix-collega")
    pad = _concreet(patroon.route, collega.pk)
    afwijkingen = []
    for rol in ROLLEN:
        for methode in METHODEN:
            client = _client(gebruikers[rol])
            response = client.generic(methode, pad, data=b"", content_type="application/json")
            kreeg = _uitkomst(response)
            if kreeg != rij[rol][methode]:
                afwijkingen.append(
                    f"{rol:<14} {methode:<6} {pad}: verwacht {rij[rol][methode]}, kreeg {kreeg} "
                    f"({response.status_code} {response.headers.get('Location', '')})"
                )
    assert afwijkingen == []


@pytest.mark.parametrize(
    "patroon",
    [p for p in PATRONEN if not p.naam.startswith("api:")],
    ids=lambda p: f"{p.naam}|{p.route}",
)
def test_csrf_op_elke_post(patroon: Patroon, gebruikers: dict[str, Gebruiker | None]) -> None:
    """Every form (every POST outside the API) needs the CSRF token, also when logged in.

    The API checks it too, for a browser session (tests/api/test_advies_api.py).
    """
    collega = maak_gebruiker("RCCB-MN", username="matrix-collega")
    client = _client(gebruikers["technisch"])
    client.handler.enforce_csrf_checks = True
    response = client.post(_concreet(patroon.route, collega.pk), {"x": "1"})
    assert response.status_code == 403
    assert b"CSRF" in response.content
