"""The filter form of the reports (GET, so a report can be bookmarked; issue #11 item 4)."""

from __future__ import annotations

from typing import Any

from django import forms

from politiebijstand.procedures.engine import PROCEDURES

ALLE = ""
#: The years one may ask for.
EERSTE_JAAR = 2000
LAATSTE_JAAR = 2100


class RapportageFilterForm(forms.Form):
    """Filters of a report: jaar (required), eenheid and procedure (optional)."""

    jaar = forms.IntegerField(
        label="Jaar",
        min_value=EERSTE_JAAR,
        max_value=LAATSTE_JAAR,
        error_messages={
            "required": "Vul een jaar in.",
            "invalid": "Vul een jaar in als getal, bijvoorbeeld 2026.",
            "min_value": f"Kies een jaar vanaf {EERSTE_JAAR}.",
            "max_value": f"Kies een jaar tot en met {LAATSTE_JAAR}.",
        },
    )

    def __init__(self, *args: Any, eenheden: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keuze_fout = {"invalid_choice": "Kies een waarde uit de lijst."}
        self.fields["eenheid"] = forms.ChoiceField(
            label="Vragende eenheid",
            required=False,
            choices=[(ALLE, "Alle eenheden"), *eenheden],
            error_messages=keuze_fout,
        )
        self.fields["procedure"] = forms.ChoiceField(
            label="Procedure",
            required=False,
            choices=[(ALLE, "Alle procedures")] + [(p.id, p.titel) for p in PROCEDURES.values()],
            error_messages=keuze_fout,
        )

    def fouten_tekst(self) -> str:
        """The errors as one Dutch line naming each field (``"Jaar: Vul een jaar in."``)."""
        return "; ".join(
            f"{self.fields[veld].label}: {' '.join(str(m) for m in meldingen)}"
            for veld, meldingen in self.errors.items()
        )
