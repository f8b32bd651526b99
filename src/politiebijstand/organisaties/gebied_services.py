"""Writing the units, parketten and municipalities of `gebieden.yaml` (issue #3)."""

from __future__ import annotations

from django.db import transaction

from politiebijstand.organisaties.gebieden import Gebieden
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.services import LaadResultaat, referentiedata_laden


@transaction.atomic
def gebieden_laden(*, gebieden: Gebieden) -> LaadResultaat:
    """Create or update the organisations of `gebieden` and their unit and regioburgemeester.

    All or nothing. Only changed rows are written; `actief`, contacts that a beheerder added
    and `functionaris` are left alone (the file has none of them).

    Returns:
        Which codes were created, updated or unchanged (relations count as an update).
    """
    resultaat = referentiedata_laden(referentie=gebieden.organisaties)
    rijen = {
        o.code: o
        for o in Organisatie.objects.select_for_update().filter(code__in=gebieden.organisaties)
    }
    gewijzigd: set[str] = set(resultaat.bijgewerkt)
    for code, rij in rijen.items():
        eenheid = gebieden.eenheid_van.get(code)
        regio = gebieden.regioburgemeester_van.get(code)
        eenheid_id = rijen[eenheid].pk if eenheid else None
        regio_id = rijen[regio].pk if regio else None
        velden = []
        if rij.eenheid_id != eenheid_id:
            rij.eenheid_id = eenheid_id
            velden.append("eenheid")
        if rij.regioburgemeester_id != regio_id:
            rij.regioburgemeester_id = regio_id
            velden.append("regioburgemeester")
        if velden:
            rij.save(update_fields=[*velden, "bijgewerkt_op"])
            if code not in resultaat.nieuw:
                gewijzigd.add(code)
    codes = list(gebieden.organisaties)
    return LaadResultaat(
        nieuw=resultaat.nieuw,
        bijgewerkt=tuple(c for c in codes if c in gewijzigd),
        ongewijzigd=tuple(c for c in codes if c not in gewijzigd and c not in resultaat.nieuw),
    )
