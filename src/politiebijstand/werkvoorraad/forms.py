"""The filter form of the work queue (GET, so a filtered queue can be bookmarked)."""

from __future__ import annotations

from typing import Any

from django import forms

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures.engine import PROCEDURES

ALLE = ""

SPOED_KEUZES = [(ALLE, "Alle"), ("ja", "Alleen spoed"), ("nee", "Zonder spoed")]
STATUS_KEUZES = [
    (ALLE, "Open en opgepakt"),
    ("open", "Nog niet opgepakt"),
    ("opgepakt", "Opgepakt"),
    ("mij", "Door mij opgepakt"),
]


class FilterForm(forms.Form):
    """Filters of the work queue: procedure, requesting unit, urgency and status."""

    spoed = forms.ChoiceField(label="Spoed", choices=SPOED_KEUZES, required=False)
    status = forms.ChoiceField(label="Status", choices=STATUS_KEUZES, required=False)

    def __init__(self, *args: Any, eenheden: list[Organisatie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        vast = dict(self.fields)
        self.fields.clear()
        self.fields["procedure"] = forms.ChoiceField(
            label="Procedure",
            required=False,
            choices=[(ALLE, "Alle procedures")] + [(p.id, p.titel) for p in PROCEDURES.values()],
        )
        self.fields["eenheid"] = forms.ChoiceField(
            label="Vragende eenheid",
            required=False,
            choices=[(ALLE, "Alle eenheden")] + [(e.code, e.naam) for e in eenheden],
        )
        self.fields.update(vast)

    def spoed_waarde(self) -> bool | None:
        """True, False or None (no filter), from the cleaned ``spoed``."""
        return {"ja": True, "nee": False}.get(self.cleaned_data.get("spoed") or "")
