"""Public pages: open without log-in, and rate-limited per client address (issue #8, ADR 0020).

The Bijstandswijzer, the rule catalogue, the advice API and its OpenAPI description show
only the public factsheet and the law, so they are open to anyone (`publiek`). An anonymous
client may make at most ``PUBLIEK_LIMIET_AANTAL`` requests to them per window of
``PUBLIEK_LIMIET_SECONDEN`` seconds; the next one gets a 429 with ``Retry-After`` (a Dutch
page, or ``application/problem+json`` under ``/api/``). A logged-in user is not counted.

The counter is a fixed window in Django's cache, per client address (allauth's
`get_client_ip`, the same address the log-in limit uses). Nothing else is stored: no
session, no cookie.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from allauth.account.adapter import get_adapter

from politiebijstand.web.problemen import probleem_response

API_PREFIX = "/api/"
CACHE_PREFIX = "pb:publiek"

View = TypeVar("View", bound=Callable[..., HttpResponse])


@dataclass(frozen=True)
class Limiet:
    """At most `aantal` anonymous requests per client address per `seconden` seconds."""

    aantal: int
    seconden: int

    @property
    def tekst(self) -> str:
        """``"120 verzoeken per 60 seconden"``."""
        return f"{self.aantal} verzoeken per {self.seconden} seconden"


def publieke_limiet() -> Limiet:
    """The limit from the settings ``PUBLIEK_LIMIET_AANTAL`` and ``PUBLIEK_LIMIET_SECONDEN``."""
    return Limiet(
        aantal=int(settings.PUBLIEK_LIMIET_AANTAL), seconden=int(settings.PUBLIEK_LIMIET_SECONDEN)
    )


def limiet_verbruiken(request: HttpRequest, *, nu: float | None = None) -> int | None:
    """Count one anonymous request; how long the client must wait when it is over the limit.

    Args:
        request: the Django request; a logged-in user (``request.user``) is not counted.
        nu: POSIX seconds (UTC), injected by tests; default the clock.

    Returns:
        None when the request may go on; otherwise the whole seconds (at least 1) until the
        window ends, for ``Retry-After``.
    """
    if request.user.is_authenticated:
        return None
    limiet = publieke_limiet()
    nu = time.time() if nu is None else nu
    venster = int(nu // limiet.seconden)
    sleutel = f"{CACHE_PREFIX}:{get_adapter().get_client_ip(request)}:{venster}"
    # add() leaves an existing counter alone; incr() is atomic in every cache backend that
    # several processes share (database, Redis, Memcached).
    cache.add(sleutel, 0, timeout=limiet.seconden + 1)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add() and incr()
        cache.set(sleutel, 1, timeout=limiet.seconden + 1)
        aantal = 1
    if aantal <= limiet.aantal:
        return None
    return max(1, math.ceil((venster + 1) * limiet.seconden - nu))


def te_veel_verzoeken(request: HttpRequest, wacht: int) -> HttpResponse:
    """The 429 for `request`: problem+json under ``/api/``, else the Dutch page ``429.html``.

    Both name the limit and carry ``Retry-After: <wacht>`` (seconds).
    """
    limiet = publieke_limiet()
    if request.path.startswith(API_PREFIX):
        response = probleem_response(
            titel="Te veel verzoeken",
            detail=(
                f"Zonder inloggen zijn {limiet.tekst} per adres toegestaan. "
                f"Probeer het over {wacht} seconden opnieuw."
            ),
            code="te-veel-verzoeken",
            status=429,
        )
    else:
        response = render(request, "429.html", {"limiet": limiet.tekst, "wacht": wacht}, status=429)
    response["Retry-After"] = str(wacht)
    return response


def publiek(view: View) -> View:
    """Open `view` without log-in (Django's `login_not_required`) and rate-limit it.

    Under ``/api/`` the log-in middleware honours this only for the views it lists
    (`accounts.middleware.PUBLIEKE_API`).
    """

    @wraps(view)
    def begrensd(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        wacht = limiet_verbruiken(request)
        if wacht is not None:
            return te_veel_verzoeken(request, wacht)
        return view(request, *args, **kwargs)

    # Read by web.storing.wijzigt: a public view stores nothing of the user's.
    begrensd.publiek = True  # type: ignore[attr-defined]
    return login_not_required(begrensd)  # type: ignore[return-value]
