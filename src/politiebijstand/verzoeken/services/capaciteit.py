"""The request's claims in the capacity register (issue #11 item 1, ADR 0038).

A part in process holds tentative claims for its requested lines over the request's period
(from its start, and again at the LOCC's step "verwerkt de aanvraag in haar
capaciteitenoverzichten", whose record shows the result); a grant makes them firm with the
granted numbers; a refusal, a withdrawal or the end of the deployment releases them. An
exercise (`Bijstandsverzoek.oefening`) never claims capacity (issue #11 item 5, ADR 0043).

Bron: issue #11 item 1; factsheet, toelichting 2 and procedure 3 (LOCC); Pw 2012 art. 56-58.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from politiebijstand.capaciteit.constants import ClaimSoort
from politiebijstand.capaciteit.services import (
    ClaimResultaat,
    Vraag,
    claims_maken,
    claims_vrijgeven,
)
from politiebijstand.verzoeken.constants import BesluitUitkomst, RegelUitkomst
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, GevraagdeInzet

#: The LOCC's step that processes the request in its capacity overviews (procedure 3).
CAPACITEIT_STAP = "taak_aanvraag_verwerken"


def _vragen(
    deelverzoek: Deelverzoek, aantallen: Mapping[int, int | None] | None = None
) -> list[Vraag]:
    regels = GevraagdeInzet.objects.filter(deelverzoek=deelverzoek).order_by("volgnummer")
    return [
        Vraag(
            regel_id=r.pk,
            omschrijving=r.omschrijving,
            aantal=r.aantal if aantallen is None else aantallen[r.pk],
            leverancier=deelverzoek.leverancier,
            middel=deelverzoek.middel,
        )
        for r in regels
        if aantallen is None or r.pk in aantallen
    ]


def voorlopig_claimen(deelverzoek: Deelverzoek, *, nu: datetime) -> ClaimResultaat:
    """(Re)make the part's tentative claims for its lines over the request's period.

    An exercise claims nothing: the result is empty ("niets geclaimd").
    """
    verzoek: Bijstandsverzoek = deelverzoek.verzoek
    if verzoek.oefening:
        return ClaimResultaat(claims=[], niet_gevonden=[])
    return claims_maken(
        verzoek_id=verzoek.pk,
        deelverzoek_id=deelverzoek.pk,
        vragen=_vragen(deelverzoek),
        van=verzoek.periode_start,
        tot=verzoek.periode_eind,
        soort=ClaimSoort.VOORLOPIG,
        nu=nu,
        niet_van=(verzoek.eenheid_id,),
    )


def claims_bij_besluit(
    deelverzoek: Deelverzoek,
    *,
    uitkomst: str,
    regels: Mapping[int, tuple[str, int | None]],
    nu: datetime,
) -> None:
    """Firm claims for the granted lines (with the granted number), or release at a refusal.

    `regels`: per `GevraagdeInzet` pk its (line outcome, granted number or None for the number
    asked). An exercise claims nothing.
    """
    verzoek: Bijstandsverzoek = deelverzoek.verzoek
    if verzoek.oefening:
        return
    if uitkomst == BesluitUitkomst.AFGEWEZEN:
        claims_vrijgeven(deelverzoek_id=deelverzoek.pk, nu=nu)
        return
    toegekend = {
        pk: aantal
        for pk, (regel_uitkomst, aantal) in regels.items()
        if regel_uitkomst == RegelUitkomst.TOEGEKEND
    }
    gevraagd = {v.regel_id: v.aantal for v in _vragen(deelverzoek)}
    aantallen = {
        pk: (aantal if aantal is not None else gevraagd.get(pk)) for pk, aantal in toegekend.items()
    }
    claims_maken(
        verzoek_id=verzoek.pk,
        deelverzoek_id=deelverzoek.pk,
        vragen=_vragen(deelverzoek, aantallen),
        van=verzoek.periode_start,
        tot=verzoek.periode_eind,
        soort=ClaimSoort.VAST,
        nu=nu,
        niet_van=(verzoek.eenheid_id,),
    )


def claims_loslaten(
    *, nu: datetime, verzoek: Bijstandsverzoek | None = None, deelverzoek: Deelverzoek | None = None
) -> int:
    """Release the claims of a withdrawn request, or of a part whose deployment ended."""
    return claims_vrijgeven(
        nu=nu,
        verzoek_id=verzoek.pk if verzoek is not None else None,
        deelverzoek_id=deelverzoek.pk if deelverzoek is not None else None,
    )
