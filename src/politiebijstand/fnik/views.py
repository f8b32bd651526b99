"""The FNIK page, /fnik/?jaar= (issue #11 item 3, ADR 0041).

Behind log-in and the second factor like every page (`accounts.middleware`). For the LOCC
and beheerders only (`services.mag_fnik_zien`), everyone else gets 403: the budget is
national and says nothing to one organisation. The LOCC or a beheerder sets the year's budget;
the LOCC records the actual costs of a deployment that has ended. Reading the page is not
audited (amounts per reference, no request's details); every change is (`services`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.fnik.forms import BudgetForm, JaarForm, WerkelijkeKostenForm
from politiebijstand.fnik.models import Kostenpost
from politiebijstand.fnik.selectors import ART_5, Overzicht, overzicht, zichtbare_deelverzoeken
from politiebijstand.fnik.services import (
    AMSTERDAM,
    OngeldigBedrag,
    budget_vaststellen,
    is_locc,
    mag_fnik_zien,
    werkelijke_kosten_vastleggen,
)
from politiebijstand.web.grafiek import staafdiagram
from politiebijstand.web.tekst import bedrag_invoer, euro


def _keuzes(o: Overzicht, nu: Any) -> list[tuple[int, str]]:
    return [
        (i.deelverzoek_id, f"{i.kenmerk} (procedure {i.procedure_id})")
        for i in o.inzetten
        if i.periode_eind <= nu
    ]


@require_http_methods(["GET", "HEAD", "POST"])
def overzicht_pagina(request: HttpRequest) -> HttpResponse:
    """The overview of one year (``jaar``, default this year in Europe/Amsterdam).

    POST ``actie=budget`` (``bedrag``) sets the budget; ``actie=werkelijk`` (``deelverzoek``,
    ``werkelijke_kosten``, ``toelichting``) records actual costs. A bad form is shown again
    with its errors (400), nothing changed.
    """
    gebruiker = request.user
    if not mag_fnik_zien(gebruiker):
        raise PermissionDenied("Het FNIK-overzicht is alleen voor het LOCC en beheerders.")
    assert isinstance(gebruiker, Gebruiker)  # noqa: S101 - mag_fnik_zien checked it
    nu = timezone.now()
    jaar_form = JaarForm({"jaar": request.GET.get("jaar") or str(nu.astimezone(AMSTERDAM).year)})
    if not jaar_form.is_valid():
        return render(request, "fnik/overzicht.html", {"jaar_form": jaar_form}, status=400)
    jaar: int = jaar_form.cleaned_data["jaar"]
    o = overzicht(jaar, nu=nu)
    locc = is_locc(gebruiker)
    budget_form = BudgetForm(initial={"bedrag": bedrag_invoer(o.budget)})
    keuzes = _keuzes(o, nu)
    kosten_form = WerkelijkeKostenForm(keuzes=keuzes) if locc else None
    status = 200
    if request.method == "POST":
        actie = request.POST.get("actie")
        form: forms.Form | None = None
        if actie == "budget":
            form = budget_form = BudgetForm(request.POST)
        elif actie == "werkelijk" and locc:
            form = kosten_form = WerkelijkeKostenForm(request.POST, keuzes=keuzes)
        if form is None:
            status = 400
        elif form.is_valid():
            try:
                _uitvoeren(form, jaar, gebruiker)
            except OngeldigBedrag as fout:
                form.add_error(None, fout.melding)
            else:
                return HttpResponseRedirect(f"{reverse('fnik:overzicht')}?jaar={jaar}")
            status = 400
        else:
            status = 400
    return render(
        request,
        "fnik/overzicht.html",
        {
            "jaar_form": jaar_form,
            "o": o,
            "rijen": [
                ("Budget", euro(o.budget)),
                ("Vastgelegd", euro(o.vastgelegd)),
                ("Besteed", euro(o.besteed)),
                ("Open ramingen", euro(o.open_ramingen)),
                ("Resterend", euro(o.resterend)),
                ("Prognose (besteed + open ramingen)", euro(o.prognose)),
                ("Lineaire prognose jaareinde", euro(o.lineaire_prognose)),
            ],
            "grafiek": staafdiagram(
                titel=f"FNIK {jaar}: budget, vastgelegd en besteed",
                labels=["Budget", "Vastgelegd", "Besteed"],
                waarden=[o.budget, o.vastgelegd, o.besteed],
                as_naam="Euro",
                sleutel="fnik",
                waarde_tekst=euro,
                beschrijving=(
                    "Staafdiagram van het budget, het vastgelegde en het bestede bedrag in "
                    "euro. De tabel eronder geeft dezelfde bedragen."
                ),
            ),
            "inzetten": [(i, euro(i.raming), euro(i.werkelijk)) for i in o.inzetten],
            "drempel_bedrag": euro(o.drempel_bedrag),
            "verstreken_procent": (o.verstreken * 100).quantize(1),
            "art_5": ART_5,
            "budget_form": budget_form,
            "kosten_form": kosten_form,
            "kosten_keuzes": bool(keuzes),
            "zichtbaar": zichtbare_deelverzoeken(gebruiker, {i.deelverzoek_id for i in o.inzetten}),
        },
        status=status,
    )


def _uitvoeren(form: forms.Form, jaar: int, door: Gebruiker) -> None:
    data = form.cleaned_data
    with transaction.atomic():
        if isinstance(form, BudgetForm):
            budget_vaststellen(jaar=jaar, bedrag=data["bedrag"], door=door)
            return
        post = (
            Kostenpost.objects.select_related("deelverzoek__verzoek")
            .filter(deelverzoek_id=data["deelverzoek"])
            .first()
        )
        if post is None:  # pragma: no cover - the choices come from the posts
            raise OngeldigBedrag("Inzet: kies een inzet uit de lijst.", veld="deelverzoek")
        werkelijke_kosten_vastleggen(
            deelverzoek=post.deelverzoek,
            bedrag=data["werkelijke_kosten"],
            toelichting=data["toelichting"],
            door=door,
        )
