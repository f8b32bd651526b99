"""The capacity register page, /capaciteit/ (issue #11 item 1, ADR 0038).

For the LOCC (which keeps the capacity overviews, factsheet toelichting 2) and beheerders: the
availability of every capacity at a chosen date and time (entered in Europe/Amsterdam), per
provider, with the conflicts of the claims that hold then. Everyone else logged in sees only the
claims of the requests their organisation takes part in (need-to-know). Behind log-in and the
second factor like every page (`accounts.middleware`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.capaciteit.selectors import claims_van_organisatie, mag_register_zien
from politiebijstand.capaciteit.services import conflicten, register_op

#: The zone of every time shown and entered (stored in UTC).
AMSTERDAM = "Europe/Amsterdam"


def lokale_tijd(naief: datetime, *, tweede_keer: bool = False) -> datetime:
    """A wall-clock time in Europe/Amsterdam as an aware UTC datetime, explicit at the DST changes.

    The hour that happens twice (last Sunday of October, 02:00 to 03:00) is the first one
    (summer time, UTC+2) unless `tweede_keer` (winter time, UTC+1). A time that does not exist
    (last Sunday of March, 02:00 to 03:00) raises ``forms.ValidationError`` in Dutch.
    """
    zone = ZoneInfo(AMSTERDAM)
    moment = naief.replace(tzinfo=zone, fold=1 if tweede_keer else 0)
    terug = moment.astimezone(UTC).astimezone(zone)
    if terug.replace(tzinfo=None) != naief:
        raise forms.ValidationError(
            f"{naief:%d-%m-%Y %H:%M} bestaat niet in Nederlandse tijd (de klok gaat dan een "
            "uur vooruit); kies een tijd vanaf 03:00."
        )
    # In UTC: arithmetic on two Europe/Amsterdam datetimes is wall-clock arithmetic (25
    # October 02:00 to 05:00 would be 3 hours instead of 4).
    return terug.astimezone(UTC)


class MomentForm(forms.Form):
    """The moment to show, in Dutch time (Europe/Amsterdam), explicit at the DST changes."""

    moment = forms.CharField(
        label="Datum en tijd",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="Nederlandse tijd. Leeg: nu.",
    )
    tweede_keer = forms.BooleanField(
        label="Bij het dubbele uur eind oktober (02:00 tot 03:00): de tweede keer (wintertijd)",
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        tekst = (gegevens.get("moment") or "").strip()
        if not tekst:
            gegevens["moment"] = None
            return gegevens
        for formaat in ("%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"):
            try:
                naief = datetime.strptime(tekst, formaat)  # noqa: DTZ007 (made aware below)
                break
            except ValueError:
                continue
        else:
            self.add_error("moment", "Vul een datum en tijd in, bijvoorbeeld 25-10-2026 02:30.")
            return gegevens
        try:
            gegevens["moment"] = lokale_tijd(naief, tweede_keer=gegevens.get("tweede_keer", False))
        except forms.ValidationError as fout:
            self.add_error("moment", fout)
        return gegevens


@require_safe
def register(request: HttpRequest) -> HttpResponse:
    """Availability at `?moment=` (Europe/Amsterdam, default now) per provider, with conflicts."""
    if not isinstance(request.user, Gebruiker):
        raise PermissionDenied
    gebruiker = request.user
    form = MomentForm(request.GET or None)
    moment: datetime = timezone.now().replace(second=0, microsecond=0)
    if form.is_valid() and form.cleaned_data.get("moment") is not None:
        moment = form.cleaned_data["moment"]
    if not mag_register_zien(gebruiker):
        claims = (
            claims_van_organisatie(gebruiker.organisatie_id) if gebruiker.organisatie_id else []
        )
        return render(
            request,
            "capaciteit/register.html",
            {"volledig": False, "claims": claims, "form": form, "moment": moment},
        )
    regels = register_op(moment)
    geldend = [c for r in regels for c in r.claims]
    per_aanbieder = [
        (organisatie, list(rijen))
        for organisatie, rijen in groupby(regels, key=lambda r: r.capaciteit.organisatie)
    ]
    return render(
        request,
        "capaciteit/register.html",
        {
            "volledig": True,
            "form": form,
            "moment": moment,
            "per_aanbieder": per_aanbieder,
            "conflicten": conflicten(geldend),
        },
    )
