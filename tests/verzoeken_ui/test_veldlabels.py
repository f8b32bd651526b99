"""Every field a step records has a label, and every label belongs to such a field."""

from __future__ import annotations

from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.verzoeken.ui.forms import VELD_LABELS, StapForm


def test_elk_label_hoort_bij_een_veld_van_een_stap() -> None:
    # beroep_ingesteld went with the RCCB's appeal step (ADR-0022): no step records it.
    velden = {
        naam
        for proces in PROCESSEN
        for knoop in proces.knopen.values()
        if knoop.soort != "start"
        for naam in knoop.velden
    }
    assert set(VELD_LABELS) == velden


def test_een_veld_van_een_oude_run_zonder_label_krijgt_zijn_naam_in_woorden() -> None:
    # A run started before the appeal step was removed keeps its old model.
    form = StapForm(velden={"beroep_ingesteld": {"soort": "ja_nee"}})
    assert form.fields["beroep_ingesteld"].label == "Beroep ingesteld"
