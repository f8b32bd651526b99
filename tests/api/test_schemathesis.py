"""schemathesis against the live OpenAPI document: every operation, every check (#12, ADR 0046).

The document is loaded from the application itself (``GET /api/v1/openapi.json`` through
WSGI, as a client would), so a change of a view, serializer or the document's finish is fuzzed
as it is served. Per operation a bounded number of examples (`VOORBEELDEN`), positive and
negative, with all of schemathesis' checks: no server error, status codes, media types,
headers and bodies as documented, schema-valid input accepted, schema-invalid input refused,
authentication enforced. The data: two requests (Midden-Nederland and Amsterdam, both asking
the KMar, so the LOCC takes part in both and has steps to do); the caller is an LOCC employee
authenticated by `api_kop` (tests/api/conftest.py). Half of the valid cases of an operation
with an id in its path ask for an existing request or step, so that not only 404s are checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from http.cookies import SimpleCookie
from typing import Any

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation

from politiebijstand.verzoeken.models import Taak
from tests.verzoeken.helpers import maak_verzoek, maak_verzoek_amsterdam

#: Examples per operation (hypothesis' max_examples), for each of the about 25 operations: the
#: whole test stays within a few minutes on the shared machine.
VOORBEELDEN = 40


def _wsgi_app() -> Callable[[dict[str, Any], Any], Iterable[bytes]]:
    """The Django application, with the client address the test client leaves out."""
    django = WSGIHandler()

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        environ.setdefault("REMOTE_ADDR", "127.0.0.1")
        return django(environ, start_response)

    return app


#: Schema-valid input may still be refused for what a schema cannot say: a stale or missing
#: `If-Match` (412, 428, ADR 0048), an `Idempotency-Key` reused with another body (422) or
#: still in use (409), a state that does not allow the change (409), no right (401, 403) or
#: no such object (404). A 400 on schema-valid input stays a failure: it would mean the
#: document and the validation disagree.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            # A change checks its precondition first (RFC 9110 §13.2.2): a stale If-Match is
            # a 412 whatever the body, also for a body that breaks the schema.
            "negative_data_rejection": {
                "expected-statuses": [
                    *("400", "401", "403", "404", "405", "406", "409", "412"),
                    *("413", "415", "422", "428", "429"),
                ]
            },
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "401", "403", "404", "409", "412", "422", "428", "429"]
            },
        }
    }
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _wsgi_app(), config=CONFIG)

#: The headers of `api_kop` for the running test (set by `geauthenticeerd`).
_KOP: dict[str, str] = {}


@schema.auth(refresh_interval=None)
class _ApiKop:
    """Apply `api_kop` to every case: cookies as cookies (WSGI sends them from its jar)."""

    def get(self, case: schemathesis.Case[Any], ctx: schemathesis.AuthContext) -> dict[str, str]:
        return dict(_KOP)

    def set(
        self, case: schemathesis.Case[Any], data: dict[str, str], ctx: schemathesis.AuthContext
    ) -> None:
        for naam, waarde in data.items():
            if naam.lower() == "cookie":
                koekjes: SimpleCookie = SimpleCookie()
                koekjes.load(waarde)
                case.cookies = {**(case.cookies or {}), **{k: m.value for k, m in koekjes.items()}}
            else:
                case.headers[naam] = waarde


@pytest.fixture
def geauthenticeerd(api_kop: dict[str, str]) -> Iterable[dict[str, Any]]:
    """The seeded requests and the LOCC's steps; `api_kop` applied to every case."""
    verzoeken = [maak_verzoek(), maak_verzoek_amsterdam()]
    taken = list(
        Taak.objects.filter(organisatie__code="LOCC").order_by("pk").values_list("pk", flat=True)
    )
    _KOP.clear()
    _KOP.update(api_kop)
    # As Django's test client does: a request through the WSGI handler must not close the
    # test's database connection (on PostgreSQL that ends the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield {"uuid": [str(v.uuid) for v in verzoeken], "id": taken}
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        _KOP.clear()


@schema.parametrize()
@settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    # The same cases in every CI run, so a failure is the change's, not the draw's; set
    # PB_FUZZ_WILLEKEURIG=1 to draw new ones (locally, to search further).
    derandomize=os.environ.get("PB_FUZZ_WILLEKEURIG") != "1",
)
def test_api_volgt_zijn_openapi_document(
    case: schemathesis.Case[Any], geauthenticeerd: dict[str, Any]
) -> None:
    positief = case.meta is None or not case.meta.is_negative_at(ParameterLocation.PATH)
    for naam, bestaand in geauthenticeerd.items():
        waarde = (case.path_parameters or {}).get(naam)
        if positief and waarde is not None and bestaand and hash(str(waarde)) % 2 == 0:
            case.path_parameters = {**case.path_parameters, naam: bestaand[0]}
    case.call_and_validate()
