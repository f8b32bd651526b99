"""The procedures of the factsheet, described compactly; `generate` turns them into BPMN 2.0.

One `Proces` per procedure of the factsheet's "Toelichting" (1 to 9; procedure 2 split into
water cannons and guard containers/VRT vehicles). Every bullet of a procedure is a user task in
the lane of the organisation that acts (contract codes), its documentation quoting the bullet
verbatim. Where the model interprets the factsheet, the task carries a ``noot``.

One module per group of procedures, named like the rules in ``rules/politiewet_2012``:
``eenheden`` (1 and 6), ``middelen`` (2), ``kmar`` (3 and 7), ``krijgsmacht`` (4 and 8),
``buitenland`` (5), ``beroep`` (9). The blocks that several procedures share are one helper
each in ``blokken``; the sentences that several procedures quote are in ``citaten``.

Modelling choices, the same in every procedure:

- ``spoed`` (start variable): the exclusive gateway ``gw_spoed`` right after the start sends an
  urgent request along the urgent path: ``taak_telefonisch_contact_vastgelegd`` first, then, in
  parallel, the work itself and ``taak_schriftelijk_formaliseren`` by the competent authority,
  required on every path (ADR 0024), which carries a non-interrupting timer
  (``timer_formalisatie``, duration ``formalisatie_termijn``) that starts
  ``taak_escalatie_formalisatie`` in the lane of the procedure's coordinator (LE-POB, LOCC or
  OZI) when the term passes. The written steps that the formalisation replaces are skipped on
  the urgent path.
- Optional steps ("kan ... vooroverleg plaatsvinden") are always a task, marked ``optioneel``: it
  is completed either with what was discussed or with ``{"overgeslagen": true, "reden": ...}``.
  The local vooroverleg is on the normal path only: on the urgent path the phone call comes first.
- A decision is a task with the field ``besluit`` (toegekend, deels_toegekend, afgewezen);
  gateways read only fields that their tasks declare (``velden``), so the engine can check them.
"""

from __future__ import annotations

from politiebijstand.procedures.definities.beroep import afwijzing_en_beroep
from politiebijstand.procedures.definities.buitenland import buitenland
from politiebijstand.procedures.definities.eenheden import andere_eenheid
from politiebijstand.procedures.definities.kmar import kmar_justitie, kmar_openbare_orde
from politiebijstand.procedures.definities.krijgsmacht import (
    krijgsmacht_justitie,
    krijgsmacht_openbare_orde,
)
from politiebijstand.procedures.definities.middelen import container_vrt, waterwerper
from politiebijstand.procedures.model import Proces

#: Every procedure, in the factsheet's order; `generate` writes one BPMN file for each.
PROCESSEN: tuple[Proces, ...] = (
    andere_eenheid("1"),
    waterwerper(),
    container_vrt(),
    kmar_openbare_orde(),
    krijgsmacht_openbare_orde(),
    buitenland(),
    andere_eenheid("6"),
    kmar_justitie(),
    krijgsmacht_justitie(),
    afwijzing_en_beroep(),
)
