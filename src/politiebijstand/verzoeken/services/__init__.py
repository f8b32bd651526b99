"""Services of the bijstandsverzoek: every write goes through here (issue #4).

The public services, re-exported so that ``from politiebijstand.verzoeken import services``
and ``services.besluit_nemen(...)`` keep working.
"""

from politiebijstand.verzoeken.services.verzoek import (
    TELEFOON_STAP,
    InzetRegel,
    RegelBesluit,
    TimerResultaat,
    _startgegevens,
    beroep_instellen,
    besluit_nemen,
    inzet_beeindigen,
    inzet_evalueren,
    inzet_starten,
    inzet_verlengen,
    inzet_wijzigen,
    taak_afronden,
    taak_oppakken,
    taak_teruggeven,
    telefonisch_contact_vastleggen,
    timers_verwerken,
    verzoek_aanmaken,
    verzoek_intrekken,
)

__all__ = [
    "TELEFOON_STAP",
    "InzetRegel",
    "RegelBesluit",
    "TimerResultaat",
    "_startgegevens",
    "beroep_instellen",
    "besluit_nemen",
    "inzet_beeindigen",
    "inzet_evalueren",
    "inzet_starten",
    "inzet_verlengen",
    "inzet_wijzigen",
    "taak_afronden",
    "taak_oppakken",
    "taak_teruggeven",
    "telefonisch_contact_vastleggen",
    "timers_verwerken",
    "verzoek_aanmaken",
    "verzoek_intrekken",
]
