"""The filter form of the operational picture (GET, so a filtered picture can be bookmarked)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from politiebijstand.beeld.selectors import MAX_RIJEN
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures.engine import PROCEDURES

ALLE = ""

#: Short Dutch names of the providers (contract ``leverancier``; `rules.situatie.Leverancier`).
LEVERANCIERS: dict[str, str] = {
    "politie": "Politie",
    "middelen_jenv": "Middelen JenV",
    "kmar": "KMar",
    "krijgsmacht": "Krijgsmacht",
    "buitenland": "Buitenlandse politie",
}

#: The longest period the timeline draws, in days.
MAX_DAGEN = 31


class BeeldFilterForm(forms.Form):
    """Filters: procedure, provider (leverancier), requesting unit, and a period of dates.

    The dates are calendar days in Europe/Amsterdam, both inclusive. Errors name the field
    (its label) in Dutch; ``tot`` before ``van`` or a period of more than `MAX_DAGEN` days is
    an error on ``tot``. Hidden: ``rijen``, the number of table rows shown (1 to `MAX_RIJEN`;
    empty is `RIJEN_PER_KEER`), not a filter.
    """

    def __init__(self, *args: Any, eenheden: list[Organisatie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"] = forms.ChoiceField(
            label="Procedure",
            required=False,
            choices=[(ALLE, "Alle procedures")] + [(p.id, p.titel) for p in PROCEDURES.values()],
        )
        self.fields["leverancier"] = forms.ChoiceField(
            label="Leverancier",
            required=False,
            choices=[(ALLE, "Alle leveranciers"), *LEVERANCIERS.items()],
        )
        self.fields["eenheid"] = forms.ChoiceField(
            label="Vragende eenheid",
            required=False,
            choices=[(ALLE, "Alle eenheden")] + [(e.code, e.naam) for e in eenheden],
        )
        self.fields["van"] = forms.DateField(
            label="Datum van",
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": "Vul een datum in als jjjj-mm-dd."},
        )
        self.fields["tot"] = forms.DateField(
            label="Datum tot en met",
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": "Vul een datum in als jjjj-mm-dd."},
        )

        # Kept in the form (hidden) so that the refresh every 30 s keeps the rows shown; set by
        # "Meer tonen" (ADR 0044).
        self.fields["rijen"] = forms.IntegerField(
            label="Aantal rijen",
            required=False,
            min_value=1,
            max_value=MAX_RIJEN,
            widget=forms.HiddenInput,
            error_messages={
                "invalid": "Vul een geheel getal in.",
                "min_value": "Vul minstens %(limit_value)s in.",
                "max_value": f"Er worden hoogstens {MAX_RIJEN} rijen getoond.",
            },
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van: date | None = data.get("van")
        tot: date | None = data.get("tot")
        if van and tot:
            if tot < van:
                self.add_error("tot", "Deze datum ligt vóór 'Datum van'.")
            elif (tot - van).days + 1 > MAX_DAGEN:
                self.add_error("tot", f"Kies een periode van hoogstens {MAX_DAGEN} dagen.")
        return data
