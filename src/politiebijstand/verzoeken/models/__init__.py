"""The models of the request domain, re-exported for Django and for existing imports."""

from politiebijstand.verzoeken.models.verzoek import (
    Besluit,
    BesluitRegel,
    Bijstandsverzoek,
    Deelname,
    Deelverzoek,
    GevraagdeInzet,
    InzetEvaluatie,
    InzetVersie,
    StatusWijziging,
    Taak,
    TelefonischContact,
    verzoek_snapshot,
)

__all__ = [
    "Besluit",
    "BesluitRegel",
    "Bijstandsverzoek",
    "Deelname",
    "Deelverzoek",
    "GevraagdeInzet",
    "InzetEvaluatie",
    "InzetVersie",
    "StatusWijziging",
    "Taak",
    "TelefonischContact",
    "verzoek_snapshot",
]
