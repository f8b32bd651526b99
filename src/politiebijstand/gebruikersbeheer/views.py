"""Pages of the accounts app: log out everywhere, a beheerder's account management and mail."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from politiebijstand.accounts import services
from politiebijstand.accounts.herauthenticatie import herauthenticatie_omleiding
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.policy import heeft_tweede_factor
from politiebijstand.gebruikersbeheer.forms import GebruikerNieuwForm, GebruikerRechtenForm
from politiebijstand.meldingen.services import (
    gevangen_bericht_bekijken,
    gevangen_berichten_bekijken,
    mailvanger_map,
)
from politiebijstand.organisaties.selectors import organisaties_zonder_mailbox
from politiebijstand.toegang.regels import GEBRUIKER_BEHEREN, GEBRUIKERS_BEHEREN, mag
from politiebijstand.toegang.toegang import access_or_404


def _gebruiker(request: HttpRequest) -> Gebruiker:
    if not isinstance(request.user, Gebruiker):
        raise PermissionDenied("Niet ingelogd.")
    return request.user


@require_http_methods(["GET", "POST"])
def uitloggen_overal(request: HttpRequest) -> HttpResponse:
    """Log out everywhere: ends every session of the user, this one included."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    if request.method == "POST":
        services.sessies_beeindigen(
            gebruiker=_gebruiker(request), door=_gebruiker(request), request=request
        )
        return redirect("account_login")
    return render(request, "accounts/uitloggen_overal.html")


def _beheerder(request: HttpRequest) -> Gebruiker:
    gebruiker = _gebruiker(request)
    if not mag(GEBRUIKERS_BEHEREN, gebruiker):
        raise PermissionDenied("Alleen een beheerder beheert accounts.")
    return gebruiker


@require_http_methods(["GET"])
def gebruikers_lijst(request: HttpRequest) -> HttpResponse:
    """The accounts of the beheerder's own organisation."""
    beheerder = _beheerder(request)
    # The system accounts of API tokens are managed on the tokens' pages (ADR 0049).
    gebruikers = Gebruiker.objects.filter(
        organisatie=beheerder.organisatie, api_token__isnull=True
    ).order_by("username")
    return render(
        request,
        "accounts/gebruikers_lijst.html",
        {"gebruikers": gebruikers, "organisatie": beheerder.organisatie},
    )


@require_http_methods(["GET", "POST"])
def gebruiker_nieuw(request: HttpRequest) -> HttpResponse:
    """Create an account in the beheerder's own organisation (after re-authentication)."""
    beheerder = _beheerder(request)
    if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
        return omleiding
    form = GebruikerNieuwForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nieuw = services.gebruiker_aanmaken(
            door=beheerder,
            username=form.cleaned_data["username"],
            organisatie=beheerder.organisatie,
            rol=form.cleaned_data["rol"],
            password=form.cleaned_data["password"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            email=form.cleaned_data["email"],
        )
        messages.success(request, f"Account {nieuw.username} is aangemaakt.")
        return redirect("accounts:gebruiker_wijzigen", pk=nieuw.pk)
    return render(
        request, "accounts/gebruiker_nieuw.html", {"form": form}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def gebruiker_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Change role and active state, end sessions or reset the second factor of one account.

    An account outside the beheerder's organisation answers 404. Changing rights and resetting
    the second factor ask for allauth's re-authentication first (issue #9).
    """
    beheerder = _beheerder(request)
    gebruiker = access_or_404(
        GEBRUIKER_BEHEREN, beheerder, get_object_or_404(Gebruiker, pk=pk, api_token__isnull=True)
    )
    actie = request.POST.get("actie")
    gevoelig = request.method == "POST" and actie in ("rechten", "tweede_factor")
    if gevoelig and (omleiding := herauthenticatie_omleiding(request)):
        return omleiding
    form = GebruikerRechtenForm(
        request.POST if request.POST.get("actie") == "rechten" else None,
        initial={"rol": gebruiker.rol, "is_active": gebruiker.is_active},
    )
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "rechten" and form.is_valid():
            if gebruiker.pk == beheerder.pk and (
                form.cleaned_data["rol"] != gebruiker.rol or not form.cleaned_data["is_active"]
            ):
                form.add_error(None, "U kunt uw eigen rol en status niet wijzigen.")
            else:
                services.gebruiker_rechten_wijzigen(
                    door=beheerder,
                    gebruiker=gebruiker,
                    rol=form.cleaned_data["rol"],
                    is_active=form.cleaned_data["is_active"],
                )
                messages.success(request, "De rechten zijn gewijzigd.")
                return redirect("accounts:gebruiker_wijzigen", pk=gebruiker.pk)
        elif actie == "sessies":
            aantal = services.sessies_beeindigen(gebruiker=gebruiker, door=beheerder)
            messages.success(request, f"{aantal} sessie(s) beëindigd.")
            return redirect("accounts:gebruiker_wijzigen", pk=gebruiker.pk)
        elif actie == "tweede_factor":
            services.tweede_factor_resetten(gebruiker=gebruiker, door=beheerder)
            messages.success(
                request, "De tweede factor is verwijderd; de gebruiker stelt hem opnieuw in."
            )
            return redirect("accounts:gebruiker_wijzigen", pk=gebruiker.pk)
        elif actie != "rechten":
            return render(
                request,
                "accounts/gebruiker_wijzigen.html",
                {
                    "doel": gebruiker,
                    "form": form,
                    "heeft_tweede_factor": heeft_tweede_factor(gebruiker),
                },
                status=400,
            )
    return render(
        request,
        "accounts/gebruiker_wijzigen.html",
        {"doel": gebruiker, "form": form, "heeft_tweede_factor": heeft_tweede_factor(gebruiker)},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET"])
def verzonden_email_lijst(request: HttpRequest) -> HttpResponse:
    """Organisations without a mailbox, and the messages the demo's catcher received.

    The caught messages exist only where `make run`'s catcher runs (ADR 0034); the viewing is
    audited (``gevangen-email-lijst-bekeken``).
    """
    beheerder = _beheerder(request)
    return render(
        request,
        "meldingen/verzonden_email_lijst.html",
        {
            "zonder_mailbox": organisaties_zonder_mailbox(),
            "mailvanger": mailvanger_map() is not None,
            "berichten": gevangen_berichten_bekijken(door=beheerder),
        },
    )


@require_http_methods(["GET"])
def verzonden_email(request: HttpRequest, eml: str) -> HttpResponse:
    """One caught message as plain text (escaped); 404 when there is none. Audited."""
    beheerder = _beheerder(request)
    gevonden = gevangen_bericht_bekijken(door=beheerder, naam=eml)
    if gevonden is None:
        raise Http404("Geen bericht met deze naam.")
    kop, tekst = gevonden
    return render(request, "meldingen/verzonden_email.html", {"kop": kop, "tekst": tekst})
