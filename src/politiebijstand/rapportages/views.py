"""The report page and its exports: figures per year, SVG charts beside tables (#11 item 4).

Behind log-in and the second factor like every page (the global middleware). Who sees what is
the selectors' need-to-know (`selectors.verzoeken_voor_rapportage`): national figures for the
LOCC and beheerders, else only the requests the user's organisation takes part in. The page's
figures come from the cache while nothing changed (`selectors.rapportage_voor_pagina`). The page
shows counts only, no request's details, so viewing it is not audited; an export is
(`selectors.rapportage_exporteren`, event ``rapportage-geexporteerd``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.rapportages.export import rapportage_csv, rapportage_xlsx
from politiebijstand.rapportages.forms import RapportageFilterForm
from politiebijstand.rapportages.selectors import (
    AMSTERDAM,
    Rapportage,
    Tabel,
    eenheden,
    rapportage_exporteren,
    rapportage_voor_pagina,
)
from politiebijstand.web.grafiek import staafdiagram

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _formulier(request: HttpRequest, nu: datetime) -> RapportageFilterForm:
    """The filter form, with jaar defaulting to the current year in Europe/Amsterdam."""
    data = request.GET.copy()
    if not data.get("jaar"):
        data["jaar"] = str(nu.astimezone(AMSTERDAM).year)
    return RapportageFilterForm(data, eenheden=eenheden())


def _grafiek(tabel: Tabel) -> Any:
    if tabel.grafiek_kolom is None:
        return None
    kolom = tabel.grafiek_kolom
    return staafdiagram(
        titel=f"{tabel.titel}: {tabel.kolommen[kolom].lower()}",
        labels=[str(r[0]) for r in tabel.rijen],
        waarden=[r[kolom] for r in tabel.rijen],
        as_naam=tabel.kolommen[kolom],
        sleutel=tabel.sleutel,
    )


@require_safe
def overzicht(request: HttpRequest) -> HttpResponse:
    """The report of one year: per table a bar chart (SVG) with the table beside it.

    Query string: ``jaar`` (default: this year in Europe/Amsterdam), ``eenheid`` (unit code),
    ``procedure`` (id). Invalid filters are shown as errors naming the field, without figures.
    """
    nu = timezone.now()
    form = _formulier(request, nu)
    rapportage: Rapportage | None = None
    if form.is_valid():
        rapportage = rapportage_voor_pagina(
            gebruiker=request.user,
            jaar=form.cleaned_data["jaar"],
            eenheid_code=form.cleaned_data.get("eenheid") or None,
            procedure_id=form.cleaned_data.get("procedure") or None,
            nu=nu,
        )
    query = urlencode({k: v for k, v in form.cleaned_data.items() if v}) if rapportage else ""
    return render(
        request,
        "rapportages/overzicht.html",
        {
            "form": form,
            "rapportage": rapportage,
            "tabellen": [(t, _grafiek(t)) for t in rapportage.tabellen] if rapportage else [],
            "query": query,
        },
        status=200 if rapportage else 400,
    )


def _export(
    request: HttpRequest, formaat: str, maken: Callable[[Rapportage], bytes], soort: str
) -> HttpResponse:
    nu = timezone.now()
    form = _formulier(request, nu)
    if not form.is_valid():
        return HttpResponse(
            f"Ongeldig filter: {form.fouten_tekst()}",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    gebruiker = request.user
    assert isinstance(gebruiker, Gebruiker)  # noqa: S101 - login_required is global
    rapportage = rapportage_exporteren(
        gebruiker=gebruiker,
        jaar=form.cleaned_data["jaar"],
        eenheid_code=form.cleaned_data.get("eenheid") or None,
        procedure_id=form.cleaned_data.get("procedure") or None,
        formaat=formaat,
        nu=nu,
    )
    response = HttpResponse(maken(rapportage), content_type=soort)
    naam = f"rapportage-{rapportage.jaar}-{timezone.localtime(nu):%Y%m%d-%H%M}.{formaat}"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    """The report (same filters as the page) as a CSV file; audited. 400 on a bad filter."""
    return _export(request, "csv", rapportage_csv, "text/csv; charset=utf-8")


@require_safe
def export_xlsx(request: HttpRequest) -> HttpResponse:
    """The report (same filters as the page) as an XLSX file; audited. 400 on a bad filter."""
    return _export(request, "xlsx", rapportage_xlsx, XLSX)
