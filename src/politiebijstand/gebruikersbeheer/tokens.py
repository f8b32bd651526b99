"""A beheerder's pages for the API tokens of their own organisation (issue #12 item 3, ADR 0049).

Under ``/accounts/beheer/tokens/``, behind log-in with the second factor as every page:

- the list (name, prefix, role, valid through, last used, status);
- a new token (name, role, last valid day), after allauth's re-authentication: the answer to
  the POST shows the secret once, with a hint to copy it now. The form carries a one-time
  value kept in the session, so that a reload (the browser posting the form again) makes no
  second token and shows no secret;
- revoking one (a confirmation page, then POST): refused from the token's next call.

Only a beheerder (rule `GEBRUIKERS_BEHEREN`), only tokens of their own organisation: another
organisation's token answers 404, like one that does not exist.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_http_methods

from politiebijstand.accounts import tokens as diensten
from politiebijstand.accounts.herauthenticatie import herauthenticatie_omleiding
from politiebijstand.accounts.models import ApiToken, Gebruiker
from politiebijstand.accounts.tokens import (
    GELDIGHEID_MAXIMUM_DAGEN,
    GELDIGHEID_STANDAARD_DAGEN,
    TOKEN_ROLLEN,
    TokenFout,
    geldig_tot_van,
    vandaag,
)
from politiebijstand.toegang.regels import GEBRUIKERS_BEHEREN, mag

#: Session key of the one-time value of the new-token form.
EENMALIG = "pb_token_formulier"


def _beheerder(request: HttpRequest) -> tuple[Gebruiker, int]:
    """The beheerder and their organisation's id; 403 for anyone else."""
    gebruiker = request.user
    if not isinstance(gebruiker, Gebruiker) or not mag(GEBRUIKERS_BEHEREN, gebruiker):
        raise PermissionDenied("Alleen een beheerder beheert API-tokens.")
    if gebruiker.organisatie_id is None:
        raise PermissionDenied("Alleen een beheerder van een organisatie beheert API-tokens.")
    return gebruiker, gebruiker.organisatie_id


class TokenNieuwForm(forms.Form):
    naam = forms.CharField(
        label="Naam",
        max_length=100,
        help_text="Waarvoor het token dient, bijvoorbeeld 'Koppeling meldkamersysteem'.",
    )
    rol = forms.ChoiceField(
        label="Rol",
        choices=[(rol.value, rol.label) for rol in TOKEN_ROLLEN],
        help_text=(
            "Het token handelt met deze rol binnen uw organisatie en ziet wat uw organisatie "
            "ziet. Een besluitvormer mag ook besluiten vastleggen."
        ),
    )
    geldig_tot = forms.DateField(
        label="Geldig tot en met",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=(
            f"Na deze dag wordt het token geweigerd; hoogstens {GELDIGHEID_MAXIMUM_DAGEN} "
            "dagen (een jaar) na vandaag."
        ),
    )
    eenmalig = forms.CharField(widget=forms.HiddenInput)

    def clean_geldig_tot(self) -> date:
        dag: date = self.cleaned_data["geldig_tot"]
        nu = vandaag()
        if dag <= nu:
            raise forms.ValidationError("Kies een datum na vandaag.")
        if dag > nu + timedelta(days=GELDIGHEID_MAXIMUM_DAGEN):
            raise forms.ValidationError(
                f"Hoogstens {GELDIGHEID_MAXIMUM_DAGEN} dagen na vandaag (een jaar)."
            )
        return dag


def _formulier(request: HttpRequest, data: Any = None) -> TokenNieuwForm:
    """The form with a fresh one-time value in the session (and in its hidden field)."""
    waarde = secrets.token_urlsafe(16)
    request.session[EENMALIG] = waarde
    initial = {
        "rol": TOKEN_ROLLEN[0].value,
        "geldig_tot": vandaag() + timedelta(days=GELDIGHEID_STANDAARD_DAGEN),
        "eenmalig": waarde,
    }
    if data is not None:
        data = data.copy()
        data["eenmalig"] = waarde
    return TokenNieuwForm(data, initial=initial)


@require_http_methods(["GET"])
def tokens_lijst(request: HttpRequest) -> HttpResponse:
    """The API tokens of the beheerder's organisation, newest first."""
    beheerder, organisatie_id = _beheerder(request)
    nu = timezone.now()
    tokens = ApiToken.objects.filter(organisatie_id=organisatie_id).select_related("account")
    rijen = [{"token": t, "status": t.status(nu), "geldig_tot": geldig_tot_van(t)} for t in tokens]
    return render(
        request,
        "accounts/tokens_lijst.html",
        {"rijen": rijen, "organisatie": beheerder.organisatie},
    )


@require_http_methods(["GET", "POST"])
def token_nieuw(request: HttpRequest) -> HttpResponse:
    """Create a token (after re-authentication) and show its secret once."""
    beheerder, _ = _beheerder(request)
    if request.method != "POST":
        return render(request, "accounts/token_nieuw.html", {"form": _formulier(request)})
    if omleiding := herauthenticatie_omleiding(request):
        return omleiding
    verwacht = request.session.get(EENMALIG)
    gekregen = request.POST.get("eenmalig", "")
    if not isinstance(verwacht, str) or not constant_time_compare(verwacht, gekregen):
        messages.error(
            request,
            "Dit formulier is al verzonden. Het geheim van een token wordt maar één keer "
            "getoond; maak een nieuw token als u het niet hebt bewaard.",
        )
        return redirect("accounts:tokens_lijst")
    form = TokenNieuwForm(request.POST)
    dienstfout: TokenFout | None = None
    if form.is_valid():
        try:
            nieuw = diensten.token_aanmaken(
                door=beheerder,
                naam=form.cleaned_data["naam"],
                rol=form.cleaned_data["rol"],
                geldig_tot=form.cleaned_data["geldig_tot"],
            )
        except TokenFout as fout:
            dienstfout = fout
        else:
            del request.session[EENMALIG]
            return render(
                request,
                "accounts/token_aangemaakt.html",
                {
                    "token": nieuw.token,
                    "geheim": nieuw.geheim,
                    "geldig_tot": geldig_tot_van(nieuw.token),
                },
            )
    # Shown again with the same input, its errors, and a new one-time value.
    opnieuw = _formulier(request, request.POST)
    opnieuw.is_valid()
    if dienstfout is not None:
        veld = dienstfout.veld if dienstfout.veld in opnieuw.fields else None
        opnieuw.add_error(veld, dienstfout.melding)
    return render(request, "accounts/token_nieuw.html", {"form": opnieuw}, status=400)


@require_http_methods(["GET", "POST"])
def token_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke a token of the beheerder's organisation: GET asks to confirm, POST revokes."""
    beheerder, organisatie_id = _beheerder(request)
    token = get_object_or_404(
        ApiToken.objects.select_related("account", "organisatie"),
        pk=pk,
        organisatie_id=organisatie_id,
    )
    if request.method == "POST":
        if token.ingetrokken_op is None:
            diensten.token_intrekken(door=beheerder, token=token)
            messages.success(
                request, f"Het token {token.prefix} is ingetrokken; het werkt niet meer."
            )
        return redirect("accounts:tokens_lijst")
    return render(
        request,
        "accounts/token_intrekken.html",
        {"token": token, "status": token.status(timezone.now())},
    )
