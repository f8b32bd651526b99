"""Pages of the request form (aanvraagformulier): edit with autosave, save, sign (#10, ADR 0033).

The form is shown per part and municipality (``-`` in the URL for the authority's own form).
Every POST first stores what was typed as a draft (`concept_bewaren`), so nothing is lost on
a validation error; the autosave endpoint (`concept`) is posted by htmx as the user types and
answers 401 when the session has expired (the page keeps the text and says so,
``verzoeken/formulier.js``). Signing needs a fresh second factor: allauth's re-authentication
with TOTP within `ACCOUNT_REAUTHENTICATION_TIMEOUT` (ADR 0027).
"""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from allauth.account import app_settings as allauth_account
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.herauthenticatie import herauthenticatie_omleiding
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeInvoer, VerzoekFout
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Mandaat
from politiebijstand.verzoeken.selectors import access_verzoek_by_uuid, deelverzoek_by_volgnummer
from politiebijstand.verzoeken.services import formulier as diensten

GEEN_GEMEENTE = "-"


def _gebruiker(request: HttpRequest) -> Gebruiker:
    if not isinstance(request.user, Gebruiker):
        raise Http404
    return request.user


#: Labels of the error keys that are not a field of `VELDEN` (parts of a field).
_DEEL_LABELS = {
    "zienswijze_datum": ("Zienswijze: datum", "zienswijze_datum"),
    "zienswijze_inhoud": ("Zienswijze: inhoud", "zienswijze_inhoud"),
    "zienswijze_niet_nodig": ("Zienswijze: waarom niet nodig", "zienswijze_niet_nodig"),
}


def _foutlijst(fouten: dict[str, str], volgorde: list[str]) -> list[dict[str, str]]:
    """The errors in the form's order, each with its field's label and anchor.

    Keys are field names (`VELDEN`), parts of the zienswijze, or ``"regel N: omschrijving"``
    / ``"regel N: aantal"`` (a capacity line, anchored at its input).
    """
    regel = re.compile(r"regel (\d+): (omschrijving|aantal)")

    def plaats(sleutel: str) -> tuple[int, str]:
        basis = sleutel
        if regel.fullmatch(sleutel):
            basis = "regels"
        elif sleutel.startswith("zienswijze"):
            basis = "zienswijze"
        return (volgorde.index(basis) if basis in volgorde else len(volgorde), sleutel)

    lijst = []
    for sleutel in sorted(fouten, key=plaats):
        gevonden = regel.fullmatch(sleutel)
        if gevonden:
            label = f"Regel {gevonden.group(1)}: {gevonden.group(2)}"
            anker = f"regel-{gevonden.group(1)}-{gevonden.group(2)}"
        elif sleutel in _DEEL_LABELS:
            label, anker = _DEEL_LABELS[sleutel]
        elif sleutel in diensten.VELDEN:
            label = diensten.VELDEN[sleutel][0]
            anker = "veld-regels" if sleutel == "regels" else sleutel
            anker = "veld-zienswijze" if sleutel == "zienswijze" else anker
        else:
            label, anker = sleutel, "aanvraagformulier"
        lijst.append({"veld": sleutel, "label": label, "anker": anker, "fout": fouten[sleutel]})
    return lijst


def _formulier_context(
    gebruiker: Gebruiker, uuid: UUID, volgnummer: int, gemeente: str
) -> tuple[Bijstandsverzoek, Deelverzoek, str]:
    """The request, part and municipality code of the form, if the user may edit it.

    Raises:
        Http404: outside need-to-know, no such part or municipality, no form for the route.
        GeenToegang: the user's organisation neither drafts (RCCB) nor signs the form.
    """
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    deel = deelverzoek_by_volgnummer(verzoek=verzoek, volgnummer=volgnummer)
    code = "" if gemeente == GEEN_GEMEENTE else gemeente
    if code not in diensten.gemeente_codes(deel) or (
        deel.procedure_id not in diensten.VERPLICHT_PER_PROCEDURE
    ):
        raise Http404
    gezag = diensten.gezag_van_formulier(deel, code)
    if gebruiker.organisatie_id not in (verzoek.rccb_id, gezag.pk) and not (
        Mandaat.objects.filter(gemachtigde=gebruiker, gezag=gezag).exists()
    ):
        raise GeenToegang("Dit formulier hoort niet bij uw organisatie.")
    return verzoek, deel, code


def _tweede_factor_omleiding(request: HttpRequest, gebruiker: Gebruiker) -> HttpResponse | None:
    """A redirect to allauth's TOTP re-authentication unless this session did so just now.

    Accounts without TOTP (demo accounts only, ADR 0027) re-authenticate as allauth offers.
    """
    if not Authenticator.objects.filter(user=gebruiker, type=Authenticator.Type.TOTP).exists():
        return herauthenticatie_omleiding(request)
    grens = time.time() - allauth_account.REAUTHENTICATION_TIMEOUT
    vers = [
        r
        for r in get_authentication_records(request, gebruiker)
        if r.get("method") == "mfa" and r.get("reauthenticated") and r.get("at", 0) >= grens
    ]
    if vers:
        return None
    return HttpResponseRedirect(
        f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.path})}"
    )


@require_http_methods(["GET", "POST"])
def formulier(request: HttpRequest, uuid: UUID, volgnummer: int, gemeente: str) -> HttpResponse:
    """The form of one part and municipality: the draft, the versions, save and sign."""
    gebruiker = _gebruiker(request)
    try:
        verzoek, deel, code = _formulier_context(gebruiker, uuid, volgnummer, gemeente)
    except GeenToegang as fout:
        raise PermissionDenied(fout.message) from fout
    fouten: dict[str, str] = {}
    melding = ""
    if request.method == "POST":
        gegevens = diensten.gegevens_uit_post(request.POST, request.POST.getlist)
        diensten.concept_bewaren(
            deelverzoek=deel, gemeente_code=code, gegevens=gegevens, door=gebruiker
        )
        try:
            versie = diensten.formulier_opslaan(
                deelverzoek=deel, gemeente_code=code, gegevens=gegevens, door=gebruiker
            )
        except diensten.FormulierOngeldig as fout:
            fouten = fout.fouten
        except OngeldigeInvoer as fout:
            melding = fout.message
        else:
            if request.POST.get("actie") != "ondertekenen":
                return HttpResponseRedirect(request.path)
            omleiding = _tweede_factor_omleiding(request, gebruiker)
            if omleiding is not None:
                return omleiding
            try:
                diensten.formulier_ondertekenen(versie=versie, door=gebruiker)
            except (GeenToegang, OngeldigeInvoer, VerzoekFout) as fout:
                melding = fout.message
            else:
                return HttpResponseRedirect(request.path)
    waarden, concept = diensten.startwaarden(deelverzoek=deel, gemeente_code=code, door=gebruiker)
    versies = diensten.versies_voor(deelverzoek=deel, gemeente_code=code)
    regels = list(waarden.get("regels") or [])
    regels += [{"omschrijving": "", "aantal": ""}] * 3
    verplicht = diensten.VERPLICHT_PER_PROCEDURE[deel.procedure_id]
    velden = [
        {
            "naam": naam,
            "label": diensten.VELDEN[naam][0],
            "soort": diensten.VELDEN[naam][1],
            "verplicht": naam in verplicht,
            "waarde": waarden.get(naam, ""),
            "fout": fouten.get(naam, ""),
        }
        for naam in diensten.velden_voor(deel.procedure_id)
    ]
    context: dict[str, Any] = {
        "foutlijst": _foutlijst(fouten, [v["naam"] for v in velden]),
        "verzoek": verzoek,
        "deel": deel,
        "gemeente": gemeente,
        "gezag": diensten.gezag_van_formulier(deel, code),
        "velden": velden,
        "waarden": waarden,
        "regels": regels,
        "fouten": fouten,
        "melding": melding,
        "concept": concept,
        "versies": versies,
        "nu": timezone.now(),
    }
    return render(request, "verzoeken/formulier.html", context, status=400 if fouten else 200)


@login_not_required
@require_POST
def concept(request: HttpRequest, uuid: UUID, volgnummer: int, gemeente: str) -> HttpResponse:
    """Autosave (htmx): store what was typed as the draft, without validation.

    Answers 401 without a session (instead of the log-in page, which htmx would swap in), so
    the page keeps the text and asks to log in again; the last autosave is on the server.
    """
    if not isinstance(request.user, Gebruiker):
        return HttpResponse("sessie verlopen", status=401, content_type="text/plain")
    gebruiker = request.user
    try:
        _, deel, code = _formulier_context(gebruiker, uuid, volgnummer, gemeente)
    except GeenToegang:
        raise Http404 from None
    bewaard = diensten.concept_bewaren(
        deelverzoek=deel,
        gemeente_code=code,
        gegevens=diensten.gegevens_uit_post(request.POST, request.POST.getlist),
        door=gebruiker,
    )
    tijd = timezone.localtime(bewaard.bewaard_op).strftime("%H:%M:%S")
    return HttpResponse(
        f'<span data-bewaard="{tijd}">Concept bewaard om {tijd}.</span>',
        content_type="text/html; charset=utf-8",
    )


class MandaatForm(forms.Form):
    gemachtigde = forms.ModelChoiceField(
        label="Gemachtigde", queryset=Gebruiker.objects.none(), empty_label=None
    )
    geldig_van = forms.DateTimeField(
        label="Geldig vanaf", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    geldig_tot = forms.DateTimeField(
        label="Geldig tot", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    omschrijving = forms.CharField(label="Mandaatbesluit (kenmerk, datum)", max_length=300)

    def __init__(self, *args: Any, organisatie_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gemachtigde"]
        if not isinstance(veld, forms.ModelChoiceField):  # pragma: no cover - declared above
            raise TypeError(type(veld).__name__)
        veld.queryset = Gebruiker.objects.filter(
            organisatie_id=organisatie_id, is_active=True
        ).order_by("username")


@require_http_methods(["GET", "POST"])
def mandaten(request: HttpRequest) -> HttpResponse:
    """A beheerder's page: the mandates to sign forms for their organisation, and a new one.

    Recording a mandate gives a right, so it needs a recent re-authentication (ADR 0027).
    """
    gebruiker = _gebruiker(request)
    if gebruiker.rol != Rol.BEHEERDER or gebruiker.organisatie_id is None:
        raise PermissionDenied("Alleen een beheerder van de organisatie beheert mandaten.")
    form = MandaatForm(
        request.POST if request.method == "POST" else None,
        organisatie_id=gebruiker.organisatie_id,
    )
    if request.method == "POST":
        omleiding = herauthenticatie_omleiding(request)
        if omleiding is not None:
            return omleiding
        if form.is_valid():
            try:
                diensten.mandaat_vastleggen(
                    gemachtigde=form.cleaned_data["gemachtigde"],
                    geldig_van=form.cleaned_data["geldig_van"],
                    geldig_tot=form.cleaned_data["geldig_tot"],
                    omschrijving=form.cleaned_data["omschrijving"],
                    door=gebruiker,
                )
            except OngeldigeInvoer as fout:
                form.add_error(fout.veld or None, fout.message)
            except GeenToegang as fout:
                form.add_error(None, fout.message)
            else:
                return HttpResponseRedirect(request.path)
    lijst = Mandaat.objects.filter(gezag_id=gebruiker.organisatie_id).select_related(
        "gemachtigde", "vastgelegd_door"
    )
    return render(request, "verzoeken/mandaten.html", {"form": form, "mandaten": lijst})
