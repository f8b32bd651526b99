"""Services of the bijstandsverzoek: every write goes through here (issue #4, ADR-0016).

One module per room of the request domain, re-exported here so that
``from politiebijstand.verzoeken import services`` and ``services.besluit_nemen(...)`` work:

- `verzoek`: the request and its parts: `verzoek_aanmaken`, `verzoek_intrekken`,
  `oefening_afsluiten`.
- `taken`: the tasks: `taak_oppakken`, `taak_teruggeven`, `taak_afronden`,
  `telefonisch_contact_vastleggen`.
- `besluiten`: decisions and appeal: `besluit_nemen`, `beroep_instellen`.
- `inzet`: deployment after the decision: `inzet_starten` ... `inzet_evalueren`.
- `timers`: `timers_verwerken`.
- `gedeeld`: what they share (time, locks, checks, the procedure step); internal.

Each service takes keyword-only arguments, runs in one transaction, writes its audit event
(`audit.services.audit_record`) and its outbox messages (`meldingen.services.bericht_schrijven`)
in that transaction, and raises a `verzoeken.exceptions.VerzoekFout` with a Dutch message and
the offending field when it refuses; then nothing was changed.
"""

from politiebijstand.verzoeken.services.besluiten import (
    AFWIJZING_DEFENSIE_STAP,
    AFWIJZING_STAP,
    BEROEP_BEVESTIGING,
    RegelBesluit,
    beroep_instellen,
    besluit_nemen,
)
from politiebijstand.verzoeken.services.inzet import (
    inzet_beeindigen,
    inzet_evalueren,
    inzet_starten,
    inzet_verlengen,
    inzet_wijzigen,
)
from politiebijstand.verzoeken.services.taken import (
    TELEFOON_STAP,
    taak_afronden,
    taak_oppakken,
    taak_teruggeven,
    telefonisch_contact_vastleggen,
)
from politiebijstand.verzoeken.services.timers import TimerResultaat, timers_verwerken
from politiebijstand.verzoeken.services.verzoek import (
    InzetRegel,
    _startgegevens,
    oefening_afsluiten,
    verzoek_aanmaken,
    verzoek_intrekken,
)

__all__ = [
    "AFWIJZING_DEFENSIE_STAP",
    "AFWIJZING_STAP",
    "BEROEP_BEVESTIGING",
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
    "oefening_afsluiten",
    "taak_afronden",
    "taak_oppakken",
    "taak_teruggeven",
    "telefonisch_contact_vastleggen",
    "timers_verwerken",
    "verzoek_aanmaken",
    "verzoek_intrekken",
]
