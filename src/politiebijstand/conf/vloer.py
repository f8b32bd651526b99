"""The floor of the load benchmark: each measured page's main query, with no template (#13 item 4).

`make bench-load` measures the work queue, the request page and the operational picture
beside these views, in the same run, to see what a page costs above its own data: the goal is
a page within 3 times its floor (ADR 0054). Each view runs the same selectors as its page,
for the same logged-in user with the same need-to-know, and answers a small JSON document
through the same middleware (session, second factor, request log, no-store). The request's
floor reads it with `verzoek_bekijken`, so that it writes ``verzoek-bekeken`` in the audit
trail as the page does. Each view raises PermissionDenied for a user without an account of the
product (none reaches it past the log-in middleware).

Mounted only when the setting ``BENCH_VLOER`` is true (environment ``PB_BENCH_VLOER=1``,
which `make bench-load` sets, and which also raises allauth's limit of log-ins per minute per
address, as all simulated users log in from 127.0.0.1); otherwise these paths answer 404.
Paths:

- ``/bench/vloer/werkvoorraad/``: the first 50 open tasks of the user's organisation, as
  `werkvoorraad.views.lijst` reads them, and the header counts;
- ``/bench/vloer/verzoeken/<uuid>/``: the request as `verzoeken.ui.views.detail` reads it;
- ``/bench/vloer/beeld/``: the picture without filters, as `beeld.views.beeld` reads it.
"""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_safe

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.beeld.selectors import RIJEN_PER_KEER, Filters, beeld_lezen, eenheden
from politiebijstand.verzoeken.selectors import (
    access_verzoek_by_uuid,
    taak_list_for_werkvoorraad,
    verzoek_bekijken,
)
from politiebijstand.werkvoorraad.selectors import werkvoorraad_tellingen
from politiebijstand.werkvoorraad.views import LIJST_KOLOMMEN, PER_PAGINA


def _gebruiker(request: HttpRequest) -> Gebruiker:
    if not isinstance(request.user, Gebruiker):
        raise PermissionDenied
    return request.user


@require_safe
def werkvoorraad(request: HttpRequest) -> JsonResponse:
    """The work queue's query: ``{"taken": [{"id", "naam", "kenmerk"}, ...], "totaal": n}``."""
    gebruiker = _gebruiker(request)
    taken = taak_list_for_werkvoorraad(gebruiker=gebruiker).only(*LIJST_KOLOMMEN)[:PER_PAGINA]
    tellingen = werkvoorraad_tellingen(gebruiker=gebruiker, nu=timezone.now())
    return JsonResponse(
        {
            "taken": [{"id": t.pk, "naam": t.naam, "kenmerk": t.verzoek.kenmerk} for t in taken],
            "totaal": tellingen.totaal,
        }
    )


@require_safe
def verzoek(request: HttpRequest, uuid: UUID) -> JsonResponse:
    """The request page's query: ``{"kenmerk", "delen", "open_taken"}``.

    Raises:
        Http404: the request does not exist or is outside the user's need-to-know.
    """
    gebruiker = _gebruiker(request)
    gegevens = verzoek_bekijken(
        verzoek=access_verzoek_by_uuid(gebruiker, uuid), door=gebruiker, vers=True
    )
    return JsonResponse(
        {
            "kenmerk": gegevens.verzoek.kenmerk,
            "delen": len(gegevens.deelverzoeken),
            "open_taken": len(gegevens.open_taken),
        }
    )


@require_safe
def beeld(request: HttpRequest) -> JsonResponse:
    """The picture's query without filters: ``{"rijen": n, "meer_rijen": n}``."""
    gebruiker = _gebruiker(request)
    gelezen = beeld_lezen(
        gebruiker=gebruiker,
        filters=Filters(),
        eenheden=eenheden(),
        nu=timezone.now(),
        rijen=RIJEN_PER_KEER,
    )
    return JsonResponse({"rijen": len(gelezen.rijen), "meer_rijen": gelezen.meer_rijen})


urlpatterns: list[URLPattern] = [
    path("werkvoorraad/", werkvoorraad, name="vloer-werkvoorraad"),
    path("verzoeken/<uuid:uuid>/", verzoek, name="vloer-verzoek"),
    path("beeld/", beeld, name="vloer-beeld"),
]
