"""What users read of a procedure: its steps' notes, in plain Dutch (issue #8, item 15).

A step's note (`Knoop.noot`) is shown on the task page and in the messages about the step, to
a burgemeester's or an officier van justitie's staff member: no pointers for developers, no
names of fields or steps as the code spells them, and the minister's present name.
"""

from __future__ import annotations

import re

import pytest

from politiebijstand.procedures.definities import PROCESSEN, blokken

#: Words and shapes that only a developer understands; the last is an identifier
#: (``taak_schriftelijk_formaliseren``, ``zienswijze_termijn``).
INTERN = re.compile(
    r"contract|interpretatie|procesvariabele|issue #|\bADR\b|\bADR-|\brun\b|==|"
    r"\b[a-z]+(?:_[a-z0-9]+)+\b",
    re.IGNORECASE,
)
NOTEN = [
    pytest.param(knoop.noot, id=f"{proces.id}-{knoop.id}")
    for proces in PROCESSEN
    for knoop in proces.knopen.values()
    if knoop.noot
]


@pytest.mark.parametrize("noot", NOTEN)
def test_noot_bevat_geen_woorden_van_ontwikkelaars(noot: str) -> None:
    assert INTERN.findall(noot) == []


@pytest.mark.parametrize("noot", NOTEN)
def test_noot_noemt_de_minister_van_justitie_en_veiligheid(noot: str) -> None:
    assert "Veiligheid en Justitie" not in noot


def test_de_procedures_hebben_noten() -> None:
    # The parametrised tests above have something to check: 45 notes on 2026-12-03; a
    # procedure may gain notes, so at least these.
    assert len(NOTEN) >= 45


def test_interne_woorden_worden_herkend() -> None:
    assert INTERN.findall(
        "volgen in taak_schriftelijk_formaliseren (contract, interpretatie 11)"
    ) == [
        "taak_schriftelijk_formaliseren",
        "contract",
        "interpretatie",
    ]
    assert INTERN.findall("een werkafspraak (issue #4; ADR 0024), de run eindigt") == [
        "issue #",
        "ADR",
        "run",
    ]
    assert INTERN.findall("Spoedroute: de stap 'Schriftelijk formaliseren' volgt achteraf.") == []


def test_telefoonnoot_noemt_de_stap_bij_naam() -> None:
    assert blokken.TELEFOON_NOOT == (
        "Spoedroute: leg vast wie wie belde, wanneer, en wat is afgesproken. Het werk begint "
        "direct; de schriftelijke stappen volgen achteraf in de stap 'Schriftelijk formaliseren'."
    )


def test_escalatienoot_in_gewone_woorden() -> None:
    assert blokken.escalatie_noot("OZI") == (
        "De termijn voor de schriftelijke formalisatie (standaard 24 uur, door het beheer in te "
        "stellen) en de escalatie naar OZI, de coördinator van deze procedure, zijn een "
        "werkafspraak van deze applicatie, geen stap van de factsheet. De formalisatie zelf "
        "blijft openstaan tot het bevoegd gezag haar doet."
    )


def test_waterwerper_van_het_ministerie_van_justitie_en_veiligheid() -> None:
    (waterwerper,) = (p for p in PROCESSEN if p.id == "procedure_2_waterwerper")
    assert waterwerper.documentatie == (
        "Factsheet, toelichting 2. Inzet van een waterwerper van het Ministerie van Justitie en "
        "Veiligheid (beheerd door IFV-ML), ook voor een oefening."
    )
