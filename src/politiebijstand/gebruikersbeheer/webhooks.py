"""A beheerder's webhook pages: subscriptions of the own organisation and their delivery log.

Issue #12 item 5, ADR 0050. Under ``/accounts/beheer/webhooks/``; only a beheerder
(`toegang.regels.GEBRUIKERS_BEHEREN`), only the own organisation's subscriptions (another's
answers 404, like one that does not exist). Creating one asks for re-authentication (as a new
account does) and shows the secret once; the viewing of a delivery log is audited.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from politiebijstand.accounts.herauthenticatie import herauthenticatie_omleiding
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.toegang.regels import GEBRUIKERS_BEHEREN, mag
from politiebijstand.webhooks import selectors, services
from politiebijstand.webhooks.bezorging import MAX_URL

#: For the receiving system's developers: how to check a delivery (shown on the pages; a test
#: runs it against a real delivery). `headers` is a mapping of the request's headers.
CONTROLE_VOORBEELD = """\
import hashlib, hmac, time
def echt(geheim: str, headers, body: bytes) -> bool:
    ondertekend = f"{headers['Webhook-Id']}.{headers['Webhook-Timestamp']}.".encode() + body
    verwacht = "v1=" + hmac.new(geheim.encode(), ondertekend, hashlib.sha256).hexdigest()
    return abs(time.time() - int(headers["Webhook-Timestamp"])) <= 300 and hmac.compare_digest(verwacht, headers["Webhook-Signature"])
"""  # noqa: E501


class WebhookForm(forms.Form):
    """A new subscription: the receiver's URL and which system it is."""

    url = forms.CharField(
        label="URL",
        max_length=MAX_URL,
        help_text="Het adres dat de meldingen ontvangt, bijvoorbeeld "
        "https://ontvanger.example.nl/webhooks/politiebijstand (alleen https).",
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        max_length=200,
        required=False,
        help_text="Welk systeem dit is, zodat u het later herkent.",
    )


def _beheerder(request: HttpRequest) -> tuple[Gebruiker, Organisatie]:
    gebruiker = request.user
    if not isinstance(gebruiker, Gebruiker) or not mag(GEBRUIKERS_BEHEREN, gebruiker):
        raise PermissionDenied("Alleen een beheerder beheert webhooks.")
    organisatie = gebruiker.organisatie
    if organisatie is None:  # the rule already requires an active organisation
        raise PermissionDenied("Alleen een beheerder van een organisatie beheert webhooks.")
    return gebruiker, organisatie


@require_http_methods(["GET"])
def webhooks_lijst(request: HttpRequest) -> HttpResponse:
    """The subscriptions of the beheerder's organisation."""
    _, organisatie = _beheerder(request)
    return render(
        request,
        "webhooks/abonnementen_lijst.html",
        {
            "organisatie": organisatie,
            "abonnementen": selectors.abonnement_list(organisatie=organisatie),
            "voorbeeld": CONTROLE_VOORBEELD,
        },
    )


@require_http_methods(["GET", "POST"])
def webhook_nieuw(request: HttpRequest) -> HttpResponse:
    """Subscribe a URL (after re-authentication); the answer shows the secret, once."""
    beheerder, organisatie = _beheerder(request)
    if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
        return omleiding
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            abonnement, geheim = services.abonnement_aanmaken(
                door=beheerder,
                organisatie=organisatie,
                url=form.cleaned_data["url"],
                omschrijving=form.cleaned_data["omschrijving"],
            )
        except services.WebhookFout as fout:
            form.add_error(fout.veld, str(fout))
        else:
            antwoord = render(
                request,
                "webhooks/abonnement_geheim.html",
                {"abonnement": abonnement, "geheim": geheim, "voorbeeld": CONTROLE_VOORBEELD},
            )
            antwoord["Cache-Control"] = "no-store"
            return antwoord
    return render(
        request,
        "webhooks/abonnement_nieuw.html",
        {"form": form, "organisatie": organisatie},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET"])
def webhook_leveringen(request: HttpRequest, abonnement: str) -> HttpResponse:
    """The delivery log of one subscription of the own organisation (audited); else 404."""
    beheerder, organisatie = _beheerder(request)
    gevonden = selectors.abonnement_van_organisatie(organisatie=organisatie, uuid=abonnement)
    return render(
        request,
        "webhooks/leveringen.html",
        {
            "abonnement": gevonden,
            "leveringen": services.leveringen_bekijken(door=beheerder, abonnement=gevonden),
        },
    )


@require_http_methods(["POST"])
def webhook_deactiveren(request: HttpRequest, abonnement: str) -> HttpResponse:
    """Stop a subscription of the own organisation; its waiting deliveries are not sent."""
    beheerder, organisatie = _beheerder(request)
    gevonden = selectors.abonnement_van_organisatie(organisatie=organisatie, uuid=abonnement)
    services.abonnement_deactiveren(door=beheerder, abonnement=gevonden)
    messages.success(request, f"De webhook naar {gevonden.url} is gestopt.")
    return redirect("accounts:webhooks_lijst")
