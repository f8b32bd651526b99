"""The work queue (werkvoorraad) of the user's organisation, and picking up and handing back.

Only the tasks of the user's own organisation's lane are listed or touched (need-to-know,
issue #3): the task list and lookups are the domain's selectors, which scope in SQL, and a task
of another organisation answers 404. The writes are the domain's services (`taak_oppakken`,
`taak_teruggeven`); their refusal is shown as a message. Issue #4, item 4.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.toegang.regels import organisatie_code
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.exceptions import VerzoekFout
from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.selectors import access_taak_by_id, taak_list_for_werkvoorraad
from politiebijstand.verzoeken.services import taak_oppakken, taak_teruggeven
from politiebijstand.web.paden import Pad
from politiebijstand.werkvoorraad.forms import FilterForm
from politiebijstand.werkvoorraad.selectors import eenheden, werkvoorraad_tellingen

#: Tasks per page of the work queue.
PER_PAGINA = 50
#: The columns the list shows (``werkvoorraad/lijst.html``), of the task and what is joined
#: in; the rest (the request's texts and JSON, the step's fields) is never read here (#13).
LIJST_KOLOMMEN = (
    "id",
    "naam",
    "due",
    "spoed",
    "is_besluit",
    "status",
    "procedure_id",
    "aangemaakt_op",
    "verzoek__uuid",
    "verzoek__kenmerk",
    "verzoek__titel",
    "verzoek__oefening",
    "eenheid__afkorting",
    "organisatie__naam",
    "opgepakt_door__username",
    "opgepakt_door__first_name",
    "opgepakt_door__last_name",
)


@dataclass(frozen=True, slots=True)
class Rij:
    """One row of the list: the task and the paths of its links (`web.paden.Pad`, #13)."""

    taak: Taak
    pad: str
    verzoek_pad: str
    oppakken_pad: str
    teruggeven_pad: str


@require_safe
def lijst(request: HttpRequest) -> HttpResponse:
    """The open tasks of the user's organisation: urgent first, then by due time, then oldest.

    Query string: ``procedure``, ``eenheid`` (unit code), ``spoed`` (``ja``/``nee``),
    ``status`` (``open``, ``opgepakt``, ``mij``) and ``pagina``. Unknown filter values are
    shown as a form error and ignored.
    """
    nu = timezone.now()
    form = FilterForm(request.GET or None, eenheden=eenheden())
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status") or ""
    taken = taak_list_for_werkvoorraad(
        gebruiker=request.user,  # type: ignore[arg-type]
        procedure=filters.get("procedure") or None,
        eenheid_code=filters.get("eenheid") or None,
        spoed=form.spoed_waarde() if filters else None,
        status="opgepakt" if status == "mij" else (status or None),
    )
    if status == "mij":
        taken = taken.filter(opgepakt_door=request.user.pk)
    taken = taken.only(*LIJST_KOLOMMEN)
    tellingen = werkvoorraad_tellingen(gebruiker=request.user, nu=nu)
    paginator = Paginator(taken, PER_PAGINA)
    if not any(filters.values()):
        # Unfiltered, the list holds exactly the open tasks the header counts: the paginator
        # takes that count rather than a second COUNT over them (#13 item 4, the profile).
        paginator.count = tellingen.totaal
    pagina = paginator.get_page(request.GET.get("pagina"))
    taak_pad, verzoek_pad = Pad("verzoeken:taak"), Pad("verzoeken:detail", uuid=True)
    oppakken_pad, teruggeven_pad = Pad("werkvoorraad:oppakken"), Pad("werkvoorraad:teruggeven")
    rijen = [
        Rij(
            taak=taak,
            pad=taak_pad(taak.pk),
            verzoek_pad=verzoek_pad(taak.verzoek.uuid),
            oppakken_pad=oppakken_pad(taak.pk),
            teruggeven_pad=teruggeven_pad(taak.pk),
        )
        for taak in pagina.object_list
    ]
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "werkvoorraad/lijst.html",
        {
            "form": form,
            "pagina": pagina,
            "rijen": rijen,
            "tellingen": tellingen,
            "nu": nu,
            "procedures": {p.id: p.titel for p in PROCEDURES.values()},
            "organisatie": getattr(request.user, "organisatie", None)
            if organisatie_code(request.user)
            else None,
            "query": query.urlencode(),
            "terug": request.get_full_path(),
            "OPGEPAKT": TaakStatus.OPGEPAKT,
        },
    )


def _terug(request: HttpRequest) -> HttpResponseRedirect:
    """Back to the queue as it was (the form's ``terug``, when it is a local URL)."""
    doel = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        doel = reverse("werkvoorraad:lijst")
    return HttpResponseRedirect(doel or reverse("werkvoorraad:lijst"))


@require_POST
def oppakken(request: HttpRequest, pk: int) -> HttpResponse:
    """Pick up a task of the user's organisation (404 for another organisation's task)."""
    taak = access_taak_by_id(request.user, pk)  # type: ignore[arg-type]
    try:
        taak_oppakken(taak=taak, door=request.user)  # type: ignore[arg-type]
    except VerzoekFout as fout:
        messages.error(request, fout.message)
    else:
        messages.success(
            request, f"U hebt de taak '{taak.naam}' ({taak.verzoek.kenmerk}) opgepakt."
        )
    return _terug(request)


@require_POST
def teruggeven(request: HttpRequest, pk: int) -> HttpResponse:
    """Hand a task one picked up back to the organisation's queue."""
    taak = access_taak_by_id(request.user, pk)  # type: ignore[arg-type]
    try:
        taak_teruggeven(taak=taak, door=request.user)  # type: ignore[arg-type]
    except VerzoekFout as fout:
        messages.error(request, fout.message)
    else:
        messages.success(
            request,
            f"De taak '{taak.naam}' ({taak.verzoek.kenmerk}) staat weer in de werkvoorraad.",
        )
    return _terug(request)
