"""Export of the request list as CSV: ``GET /verzoeken/export.csv`` (issue #3).

The same requests as the list page, with its filters (``zoek``, ``status``, ``spoed``): only
those in which the user's organisation takes part (`selectors.verzoeken_exporteren`, which
writes every export to the audit trail). The file is meant for a spreadsheet on a Dutch
desktop: UTF-8 with a byte-order mark, ``;`` as separator (the list separator of Dutch
Excel), one header row, times as ISO 8601 in Europe/Amsterdam with their offset. A cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return) is prefixed with ``'`` (OWASP, CSV injection). Not stored, not cached.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from politiebijstand.verzoeken.models import Bijstandsverzoek
from politiebijstand.verzoeken.selectors import verzoeken_exporteren
from politiebijstand.verzoeken.ui.views import VerzoekFilterForm

#: The columns: header and value of a request.
KOLOMMEN = (
    "Kenmerk",
    "Titel",
    "Status",
    "Gezag",
    "Taak",
    "Eenheid",
    "Bevoegd gezag",
    "Spoed",
    "Periode start",
    "Periode eind",
    "Locatie",
    "Aangemaakt op",
    "Adres",
)

_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(tekst: str) -> str:
    """The text, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    return f"'{tekst}" if tekst.startswith(_FORMULE_TEKENS) else tekst


def _tijd(waarde: datetime) -> str:
    return timezone.localtime(waarde).isoformat(timespec="minutes")


def _rij(verzoek: Bijstandsverzoek, basis: str) -> list[str]:
    return [
        veilige_cel(verzoek.kenmerk),
        veilige_cel(verzoek.titel),
        verzoek.get_status_display(),
        verzoek.get_gezag_display(),
        veilige_cel(verzoek.taak),
        veilige_cel(verzoek.eenheid.naam),
        veilige_cel(verzoek.bevoegd_gezag.naam),
        "ja" if verzoek.spoed else "nee",
        _tijd(verzoek.periode_start),
        _tijd(verzoek.periode_eind),
        veilige_cel(verzoek.locatie),
        _tijd(verzoek.aangemaakt_op),
        basis + reverse("verzoeken:detail", args=[verzoek.uuid]),
    ]


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    """The user's visible requests (with the list's filters) as a CSV file; audited.

    An invalid filter is refused with 400 and a message naming it, rather than exporting
    more than was asked.
    """
    form = VerzoekFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        fouten = "; ".join(
            f"{veld}: {' '.join(str(m) for m in meldingen)}"
            for veld, meldingen in form.errors.items()
        )
        return HttpResponse(
            f"Ongeldig filter: {fouten}", status=400, content_type="text/plain; charset=utf-8"
        )
    filters = form.cleaned_data if request.GET else {}
    verzoeken = verzoeken_exporteren(
        gebruiker=request.user,  # type: ignore[arg-type]
        status=filters.get("status") or None,
        spoed={"ja": True, "nee": False}.get(filters.get("spoed") or ""),
        zoek=filters.get("zoek") or None,
    )
    basis = request.build_absolute_uri("/").rstrip("/")
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    schrijver.writerows(_rij(v, basis) for v in verzoeken)
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    naam = f"bijstandsverzoeken-{timezone.localtime():%Y%m%d-%H%M}.csv"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "no-store"
    return response
