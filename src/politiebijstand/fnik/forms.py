"""The FNIK page's forms: the year, the year's budget, the actual costs (issue #11 item 3)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from politiebijstand.fnik.services import OngeldigBedrag, bedrag_lezen


class BedragVeld(forms.CharField):
    """An amount in euro as `Decimal` (`bedrag_lezen`, Dutch or plain notation).

    The error names the field's label, unless `melding_met_label` is False: for a form whose
    template puts the label before each error itself (the task form, ``formulier.html``).
    """

    def __init__(self, *, naam: str, melding_met_label: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.naam = naam
        self.melding_met_label = melding_met_label

    def clean(self, value: Any) -> Decimal | None:
        tekst = super().clean(value)
        if not tekst:
            return None
        label = str(self.label)
        try:
            return bedrag_lezen(tekst, veld=self.naam, label=label)
        except OngeldigBedrag as fout:
            melding = fout.melding
            if not self.melding_met_label:
                melding = melding.removeprefix(f"{label}: ")
            raise forms.ValidationError(melding) from None


class JaarForm(forms.Form):
    """The year of the FNIK page (``?jaar=``): 2000 to 2100; a bad value names ``jaar``."""

    jaar = forms.IntegerField(
        label="Jaar",
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "Jaar: vul een jaartal in, bijvoorbeeld 2026.",
            "min_value": "Jaar: kies een jaar van 2000 tot en met 2100.",
            "max_value": "Jaar: kies een jaar van 2000 tot en met 2100.",
        },
    )


class BudgetForm(forms.Form):
    """The FNIK budget of the shown year."""

    bedrag = BedragVeld(
        naam="bedrag",
        label="Budget (FNIK), in euro",
        help_text="Bijvoorbeeld 2.500.000,00 of 2500000,00.",
        error_messages={"required": "Budget (FNIK), in euro: vul een bedrag in."},
    )


class WerkelijkeKostenForm(forms.Form):
    """The actual costs of an ended deployment (the LOCC)."""

    deelverzoek = forms.TypedChoiceField(
        label="Inzet",
        coerce=int,
        error_messages={
            "required": "Inzet: kies de inzet.",
            "invalid_choice": "Inzet: kies een afgelopen inzet uit de lijst.",
        },
    )
    werkelijke_kosten = BedragVeld(
        naam="werkelijke_kosten",
        label="Werkelijke kosten (FNIK), in euro",
        error_messages={"required": "Werkelijke kosten (FNIK), in euro: vul een bedrag in."},
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, keuzes: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deelverzoek"].choices = [("", "Kies"), *keuzes]  # type: ignore[attr-defined]
