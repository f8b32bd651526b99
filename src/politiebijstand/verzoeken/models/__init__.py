"""The models of the request domain, one module per room, re-exported (ADR-0016).

- `verzoek`: the request and its parts: `Bijstandsverzoek`, `Deelname`, `Deelverzoek`,
  `GevraagdeInzet`, `StatusWijziging`.
- `taak`: `Taak`, `TelefonischContact`.
- `besluit`: `Besluit`, `BesluitRegel`.
- `inzet`: `InzetVersie`, `InzetEvaluatie`.
- `formulier`: `FormulierConcept`, `FormulierVersie`, `Mandaat` (ADR 0033).
- `specificatie`: `ProcedureSpecificatie`, a procedure's model once per version (ADR 0051).

One Django app (label ``verzoeken``): the tables, migrations and audit labels stay as they were.
Writes go through `verzoeken.services` only; status changes through
`verzoeken.workflow.deelverzoek_overgang` only. Datetimes are stored in UTC.
"""

from politiebijstand.verzoeken.models.besluit import Besluit, BesluitRegel
from politiebijstand.verzoeken.models.formulier import (
    FormulierConcept,
    FormulierVersie,
    Mandaat,
    OndertekendFormulierGewijzigd,
)
from politiebijstand.verzoeken.models.inzet import InzetEvaluatie, InzetVersie
from politiebijstand.verzoeken.models.specificatie import ProcedureSpecificatie
from politiebijstand.verzoeken.models.taak import Taak, TelefonischContact
from politiebijstand.verzoeken.models.verzoek import (
    Bijstandsverzoek,
    Deelname,
    Deelverzoek,
    GevraagdeInzet,
    StatusWijziging,
    verzoek_snapshot,
)

__all__ = [
    "Besluit",
    "BesluitRegel",
    "Bijstandsverzoek",
    "Deelname",
    "Deelverzoek",
    "FormulierConcept",
    "FormulierVersie",
    "GevraagdeInzet",
    "InzetEvaluatie",
    "InzetVersie",
    "Mandaat",
    "OndertekendFormulierGewijzigd",
    "ProcedureSpecificatie",
    "StatusWijziging",
    "Taak",
    "TelefonischContact",
    "verzoek_snapshot",
]
