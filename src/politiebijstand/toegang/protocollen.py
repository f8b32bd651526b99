"""What a request and a task must expose for the need-to-know rules (issue #4 implements them).

Organisation codes are those of `organisaties.Organisatie.code`: the concrete organisation,
e.g. ``"RCCB-MN"`` for the RCCB of the unit Midden-Nederland, ``"GM0344"`` for the municipality
(and so the burgemeester) of Utrecht, ``"LOCC"`` for the LOCC.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol, runtime_checkable


@runtime_checkable
class VerzoekToegang(Protocol):
    """A request (bijstandsverzoek), as far as access is concerned."""

    @property
    def aangevraagd_door_id(self) -> int | None:
        """Primary key of the Gebruiker who requested (created and submitted) it, if any."""
        ...

    def deelnemende_organisatie_codes(self) -> Collection[str]:
        """Codes of every organisation that takes part in the request.

        That is: the requesting unit's RCCB, the authority (the municipality of the
        burgemeester, or the arrondissementsparket of the officier van justitie), the
        regioburgemeester's municipality where a zienswijze is asked, and every organisation
        that acts in a step of the procedure of one of its routes (so the LOCC and LE-POB for
        the routes that pass them). Factsheet, toelichting 1 to 9.
        """
        ...


@runtime_checkable
class TaakToegang(Protocol):
    """A ready task of a request's procedure run (the work-queue mirror of issue #4)."""

    @property
    def lane(self) -> str:
        """Code of the organisation whose lane holds the task, resolved for its request.

        The BPMN lane names a kind of organisation (``"RCCB"``); the task mirror resolves it to
        the concrete organisation of this request (``"RCCB-MN"``).
        """
        ...

    @property
    def is_besluit(self) -> bool:
        """Whether completing the task takes the decision (Pw 2012 art. 56 lid 4, 57, 58)."""
        ...

    @property
    def verzoek(self) -> VerzoekToegang:
        """The request the task belongs to."""
        ...

    @property
    def procedure_id(self) -> str:
        """The procedure of the task's part (``"4"``, ``"2_waterwerper"``, ...).

        It names the procedure's coordinator (`blokken.COORDINATOR_VAN_PROCEDURE`).
        """
        ...
