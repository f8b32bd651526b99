"""The operational picture page, /beeld/ (issue #11 item 2).

Behind log-in and the second factor as every page (`accounts.middleware`); what it lists is
within need-to-know (`verzoeken.selectors.deelverzoek_list_voor_beeld`). It shows no single
request's details, only the list's columns, so it writes no audit row (as `/verzoeken/`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.beeld.forms import BeeldFilterForm
from politiebijstand.beeld.selectors import RIJEN_PER_KEER, Filters, beeld_lezen, eenheden

#: The id of the part htmx refreshes (every 30 s and on a filter change).
INHOUD_ID = "beeld-inhoud"


def filter_tekst(form: BeeldFilterForm) -> str:
    """The filters in force in Dutch, for the screen and the printed heading (#11 trial).

    E.g. ``"Procedure 3 · Leverancier: KMar · van 01-12-2026 tot en met 05-12-2026"``; empty
    without filters. `form` must be valid.
    """
    data = form.cleaned_data
    delen: list[str] = []
    for naam in ("procedure", "leverancier", "eenheid"):
        waarde = data.get(naam)
        if waarde:
            veld = form.fields[naam]
            label = dict(getattr(veld, "choices", [])).get(waarde, waarde)
            delen.append(f"Procedure {waarde}" if naam == "procedure" else f"{veld.label}: {label}")
    van, tot = data.get("van"), data.get("tot")
    if van or tot:
        periode = f"van {van:%d-%m-%Y}" if van else ""
        periode += f"{' ' if van else ''}tot en met {tot:%d-%m-%Y}" if tot else ""
        delen.append(periode)
    return " · ".join(delen)


@require_safe
def beeld(request: HttpRequest) -> HttpResponse:
    """The picture: counts, units, timeline and table, filtered by the query string.

    Query string: ``procedure``, ``leverancier``, ``eenheid`` (unit code), ``van`` and ``tot``
    (``jjjj-mm-dd``, Europe/Amsterdam, inclusive), and ``rijen`` (rows of the table, 1 to
    200; default 50, "Meer tonen" adds 50). A bad value answers 400 with the form's
    error naming the field, and no picture; to htmx (which swaps only a success) it answers
    200 with the same error in the refreshed part. An htmx request for the part
    (``HX-Target: beeld-inhoud``) gets only the part, with the form's hidden ``rijen`` out of
    band, so that the refresh every 30 s keeps the rows shown (ADR 0044).
    """
    if not isinstance(request.user, Gebruiker):
        raise PermissionDenied
    units = eenheden()
    form = BeeldFilterForm(request.GET or None, eenheden=units)
    htmx = getattr(request, "htmx", None)
    alleen_inhoud = bool(htmx) and getattr(htmx, "target", None) == INHOUD_ID
    nu = timezone.now()
    context: dict[str, object] = {
        "form": form,
        "inhoud_id": INHOUD_ID,
        "nu": nu,
    }
    status = 200
    if form.is_bound and not form.is_valid():
        status = 200 if htmx else 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        filters = Filters(
            procedure=data.get("procedure") or None,
            leverancier=data.get("leverancier") or None,
            eenheid_code=data.get("eenheid") or None,
            van=data.get("van"),
            tot=data.get("tot"),
        )
        rijen: int | None = data.get("rijen")
        context["gefilterd"] = any(v for k, v in data.items() if k != "rijen")
        context["rijen"] = rijen
        beeld_ = beeld_lezen(
            gebruiker=request.user,
            filters=filters,
            eenheden=units,
            nu=nu,
            rijen=rijen or RIJEN_PER_KEER,
        )
        context["beeld"] = beeld_
        context["filter_tekst"] = filter_tekst(form) if form.is_bound else ""
        begin, laatste = beeld_.tijdlijn.start.date(), beeld_.tijdlijn.laatste_dag
        context["tijdlijn_kop"] = (
            f"Inzet op {begin:%d-%m-%Y}"
            if begin == laatste
            else f"Inzet van {begin:%d-%m-%Y} tot en met {laatste:%d-%m-%Y}"
        )
        context["tot_voorbij"] = bool(filters.tot and filters.tot < begin)
        if beeld_.meer_rijen:
            query = request.GET.copy()
            query["rijen"] = str(beeld_.meer_rijen)
            context["meer_query"] = query.urlencode()
    sjabloon = "beeld/_inhoud.html" if alleen_inhoud else "beeld/beeld.html"
    return render(request, sjabloon, context, status=status)
