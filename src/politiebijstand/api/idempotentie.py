"""Safe retries: the `Idempotency-Key` of the API's POSTs (issue #12 item 4; ADR 0048).

A caller may send ``Idempotency-Key: <1-255 printable ASCII characters>`` with a POST. The
key is scoped by the caller (the user; an API token acts as a user of its organisation), the
method and the path, and is kept for 24 hours (`GELDIGHEID`):

- the first request with a key runs, and its successful (2xx) answer is stored: status, the
  headers ``Location`` and ``ETag``, and the body;
- a retry with the same key and the same body gets that answer again, with
  ``Idempotent-Replayed: true``, and nothing runs a second time;
- the same key with another body is a 422 problem (``idempotency-key-hergebruikt``);
- a duplicate that arrives while the first is still running is a 409 problem
  (``idempotency-key-in-behandeling``, ``Retry-After: 1``) on PostgreSQL; on SQLite, where one
  writer runs at a time, it waits and gets the stored answer;
- a refused request (any answer but 2xx, or an error) stores nothing: the key is free again,
  and a retry runs again (a refusal changed nothing).

Correct under concurrency: the key row is inserted in its own transaction before the work
starts, and the unique constraint (`IdempotentieSleutel`) lets only one insert win. The work
then runs in one transaction with the key row locked (``SELECT ... FOR UPDATE NOWAIT``) and
stores the answer in that same transaction: a duplicate that cannot take the lock answers 409;
one that takes it after the first committed finds the answer; one that takes it after the
first died finds no answer, and the first's work was rolled back with it, so it may run.

Without the header a POST runs as before. The public advice (`POST /api/v1/advies`) takes no
key: it changes nothing and stores nothing, so a retry is already safe (ADR 0048).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, OperationalError, connection, transaction
from django.http import QueryDict
from django.utils import timezone

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from politiebijstand.api.models import IdempotentieSleutel
from politiebijstand.web.problemen import PROBLEEM_SCHEMA, probleem_api_response

#: The request header (IETF draft "The Idempotency-Key HTTP Header Field").
KOP = "Idempotency-Key"
#: The response header of a replayed answer.
HERHAALD_KOP = "Idempotent-Replayed"
#: How long a key counts; after that it is removed (`sleutels_opruimen`) or replaced.
GELDIGHEID = timedelta(hours=24)
#: A key: 1 to 255 printable ASCII characters, not starting or ending with a space.
SLEUTEL_PATROON = r"^[!-~]([ -~]{0,253}[!-~])?$"
_SLEUTEL = re.compile(SLEUTEL_PATROON)
#: The headers of a stored answer that a replay repeats.
_BEWAARDE_KOPPEN = ("Location", "ETag")
#: How long a duplicate on SQLite waits for the first request, in seconds.
_SQLITE_WACHTTIJD = 30.0
#: SQLite runs one writer at a time; threads of one process queue here instead of failing
#: on a locked database (an in-memory test database does not wait for its lock).
_SQLITE_SLOT = threading.Lock()

V = TypeVar("V", bound=type[APIView])


class _InBehandeling(Exception):
    """The key's first request is still running (its row is locked)."""


def sleutel_parameter() -> OpenApiParameter:
    """The header's declaration in the OpenAPI description of a POST."""
    return OpenApiParameter(
        KOP,
        str,
        OpenApiParameter.HEADER,
        required=False,
        pattern=SLEUTEL_PATROON,
        description=(
            "Maakt opnieuw proberen veilig: 1 tot 255 afdrukbare ASCII-tekens (bijvoorbeeld "
            "een UUID), 24 uur geldig, per gebruiker, methode en pad. Dezelfde sleutel met "
            "dezelfde body geeft het eerste geslaagde antwoord opnieuw (met de kop "
            "Idempotent-Replayed: true) en voert niets opnieuw uit; met een andere body volgt "
            "422; terwijl het eerste verzoek nog loopt 409."
        ),
    )


def _herhaald_parameter(statussen: list[int]) -> OpenApiParameter:
    return OpenApiParameter(
        HERHAALD_KOP,
        str,
        OpenApiParameter.HEADER,
        response=statussen,
        enum=["true"],
        description="Alleen bij een herhaald antwoord op dezelfde Idempotency-Key: 'true'.",
    )


#: The answers the key adds to a POST, merged with what the operation declares itself.
AANVULLING: dict[int, str] = {
    400: "Of: de kop Idempotency-Key is ongeldig.",
    409: (
        "Of: een verzoek met dezelfde Idempotency-Key is nog in behandeling; probeer het na "
        "Retry-After seconden opnieuw."
    ),
    422: "Dezelfde Idempotency-Key is eerder gebruikt met een andere body.",
}


def _schema_met_sleutel(basis: type[Any]) -> type[Any]:
    """The operation's drf-spectacular schema with the header and its answers added."""

    class MetSleutel(basis):  # type: ignore[misc]
        def get_override_parameters(self) -> list[Any]:
            antwoorden = super().get_response_serializers() or {}
            geslaagd = sorted(int(s) for s in antwoorden if 200 <= int(s) < 300)
            return [
                *super().get_override_parameters(),
                sleutel_parameter(),
                _herhaald_parameter(geslaagd),
            ]

        def get_response_serializers(self) -> Any:
            antwoorden = dict(super().get_response_serializers() or {})
            for code, tekst in AANVULLING.items():
                bestaand = antwoorden.get(code)
                eerder = getattr(bestaand, "description", "") or ""
                antwoorden[code] = OpenApiResponse(
                    PROBLEEM_SCHEMA, description=f"{eerder} {tekst}".strip()
                )
            return antwoorden

    return MetSleutel


def idempotent(view: V) -> V:
    """The view class with its ``post`` behind the Idempotency-Key (mounted in `api.urls`).

    The POST must carry its own ``extend_schema`` (the header and its 400, 409 and 422 are
    added to it here).

    Raises:
        TypeError: the view has no ``post`` declared with ``extend_schema``.
    """
    origineel = getattr(view, "post", None)
    schema = getattr(origineel, "kwargs", {}).get("schema")
    if origineel is None or schema is None:
        raise TypeError(f"{view.__name__}.post mist een extend_schema-declaratie")

    @functools.wraps(origineel)
    def post(self: APIView, request: Request, *args: Any, **kwargs: Any) -> Any:
        return idempotent_uitvoeren(request, lambda: origineel(self, request, *args, **kwargs))

    post.kwargs = {"schema": _schema_met_sleutel(schema)}  # type: ignore[attr-defined]
    return type(view.__name__, (view,), {"post": post, "__doc__": view.__doc__})  # type: ignore[return-value]


def _bestand_sha256(bestand: UploadedFile[bytes]) -> str:
    h = hashlib.sha256()
    for stuk in bestand.chunks():
        h.update(stuk)
    bestand.seek(0)
    return h.hexdigest()


def body_sha256(request: Request) -> str:
    """sha256 (hex) of the request's body in canonical form.

    JSON: the parsed value as canonical JSON (keys sorted, no spaces, UTF-8), so the same
    object with another key order or layout is the same body. Multipart: the fields with
    their values in order, and each file as its name and the sha256 of its bytes (the random
    boundary does not count). An empty body counts as ``{}``.

    Raises:
        rest_framework.exceptions.ParseError: the body cannot be parsed (answered as 400).
    """
    data = request.data
    if isinstance(data, QueryDict):
        waarde: Any = {
            naam: [
                {"bestand": w.name, "sha256": _bestand_sha256(w)}
                if isinstance(w, UploadedFile)
                else w
                for w in data.getlist(naam)
            ]
            for naam in sorted(data)
        }
    else:
        waarde = data
    tekst = json.dumps(waarde, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def _aanroeper(request: Request) -> str:
    """The key's owner: the user (an API token acts as a user of its organisation)."""
    return f"gebruiker:{request.user.pk}"


@contextmanager
def _schrijfslot() -> Iterator[bool]:
    """On SQLite, one idempotent POST of this process at a time; elsewhere nothing.

    Yields:
        False when the wait exceeded `_SQLITE_WACHTTIJD` (the caller answers 409).
    """
    if connection.vendor != "sqlite":
        yield True
        return
    gekregen = _SQLITE_SLOT.acquire(timeout=_SQLITE_WACHTTIJD)
    try:
        yield gekregen
    finally:
        if gekregen:
            _SQLITE_SLOT.release()


def _probleem_ongeldig(reden: str) -> Response:
    return probleem_api_response(
        titel="Ongeldige Idempotency-Key",
        detail=f"{KOP}: {reden}",
        code="idempotency-key-ongeldig",
        ongeldige_velden=[{"name": KOP, "reason": reden}],
    )


def _probleem_in_behandeling() -> Response:
    return probleem_api_response(
        titel="Nog in behandeling",
        detail=(
            "Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw "
            "met dezelfde sleutel en body: dan krijgt u het antwoord van dat verzoek."
        ),
        code="idempotency-key-in-behandeling",
        status_code=status.HTTP_409_CONFLICT,
        headers={"Retry-After": "1"},
    )


def _probleem_hergebruikt() -> Response:
    reden = "eerder gebruikt met een andere body; gebruik een nieuwe sleutel"
    return probleem_api_response(
        titel="Idempotency-Key hergebruikt",
        detail=(
            "Deze Idempotency-Key is de afgelopen 24 uur al gebruikt voor een verzoek met een "
            "andere body. Gebruik voor een ander verzoek een nieuwe sleutel."
        ),
        code="idempotency-key-hergebruikt",
        status_code=status.HTTP_422_UNPROCESSABLE_ENTITY,
        ongeldige_velden=[{"name": KOP, "reason": reden}],
    )


def _herhaling(rij: IdempotentieSleutel) -> Response:
    """The stored answer again, marked as a replay."""
    return Response(
        json.loads(rij.antwoord_body) if rij.antwoord_body else None,
        status=rij.antwoord_status or status.HTTP_200_OK,
        headers={**rij.antwoord_koppen, HERHAALD_KOP: "true"},
    )


def _vastleggen(
    *, aanroeper: str, methode: str, pad: str, sleutel: str, sha256: str, nu: datetime
) -> tuple[IdempotentieSleutel | None, bool]:
    """Insert the key row in its own transaction; else the row that is there.

    An expired row is removed first. Returns ``(row, True)`` when this request inserted it,
    ``(row, False)`` when another did, and ``(None, False)`` when rows kept vanishing (the
    caller answers 409).
    """
    velden = {"aanroeper": aanroeper, "methode": methode, "pad": pad, "sleutel": sleutel}
    for _ in range(3):
        try:
            with transaction.atomic():
                rij = IdempotentieSleutel.objects.create(
                    **velden, body_sha256=sha256, aangemaakt_op=nu, verloopt_op=nu + GELDIGHEID
                )
            return rij, True
        except IntegrityError:
            pass
        bestaand = IdempotentieSleutel.objects.filter(**velden).first()
        if bestaand is None:
            continue  # the first request failed and freed the key: try again
        if bestaand.verloopt_op <= nu:
            IdempotentieSleutel.objects.filter(pk=bestaand.pk, verloopt_op__lte=nu).delete()
            continue
        return bestaand, False
    return None, False


def _onder_slot_uitvoeren(pk: int, sha256: str, uitvoeren: Callable[[], Any]) -> Any:
    """Run the work in one transaction with the key row locked, and store its 2xx answer."""
    try:
        with transaction.atomic():
            try:
                rij = IdempotentieSleutel.objects.select_for_update(nowait=True).get(pk=pk)
            except OperationalError:
                raise _InBehandeling from None
            except IdempotentieSleutel.DoesNotExist:
                raise _InBehandeling from None
            if rij.body_sha256 != sha256:
                return _probleem_hergebruikt()
            if rij.antwoord_status is not None:
                return _herhaling(rij)
            response = uitvoeren()
            if 200 <= response.status_code < 300 and isinstance(response, Response):
                rij.antwoord_status = response.status_code
                rij.antwoord_koppen = {k: response[k] for k in _BEWAARDE_KOPPEN if k in response}
                rij.antwoord_body = (
                    "" if response.data is None else json.dumps(response.data, ensure_ascii=False)
                )
                rij.save(update_fields=["antwoord_status", "antwoord_koppen", "antwoord_body"])
            else:
                rij.delete()  # a refusal changed nothing: the key is free again
            return response
    except _InBehandeling:
        return _probleem_in_behandeling()
    except Exception:
        # The work's transaction was rolled back; free the key so that a retry may run.
        IdempotentieSleutel.objects.filter(pk=pk, antwoord_status__isnull=True).delete()
        raise


def idempotent_uitvoeren(request: Request, uitvoeren: Callable[[], Any]) -> Any:
    """Run a POST's work at most once per Idempotency-Key (see the module).

    Args:
        request: the POST, after DRF's authentication (``request.user`` is the caller).
        uitvoeren: the work; returns the DRF `Response` (only a 2xx one is stored).

    Returns:
        The work's answer, the stored answer of an earlier request with the same key and body,
        or a problem: 400 (``idempotency-key-ongeldig``, naming the header), 409
        (``idempotency-key-in-behandeling``), 422 (``idempotency-key-hergebruikt``).
    """
    sleutel = request.headers.get(KOP)
    if sleutel is None:
        return uitvoeren()
    if not _SLEUTEL.fullmatch(sleutel):
        return _probleem_ongeldig(
            "1 tot 255 afdrukbare ASCII-tekens, niet beginnend of eindigend met een spatie"
        )
    sha256 = body_sha256(request)
    nu = timezone.now()
    with _schrijfslot() as gekregen:
        if not gekregen:
            return _probleem_in_behandeling()
        rij, nieuw = _vastleggen(
            aanroeper=_aanroeper(request),
            methode=request.method or "POST",
            pad=request.path,
            sleutel=sleutel,
            sha256=sha256,
            nu=nu,
        )
        if rij is None:
            return _probleem_in_behandeling()
        if not nieuw and rij.body_sha256 != sha256:
            return _probleem_hergebruikt()
        if not nieuw and rij.antwoord_status is not None:
            return _herhaling(rij)
        return _onder_slot_uitvoeren(rij.pk, sha256, uitvoeren)


def sleutels_opruimen(*, nu: datetime | None = None) -> int:
    """Remove the keys older than `GELDIGHEID` (periodic: `api.tasks`); returns how many."""
    aantal, _ = IdempotentieSleutel.objects.filter(verloopt_op__lte=nu or timezone.now()).delete()
    return aantal
