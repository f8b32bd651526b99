"""Writing the units, parketten and municipalities of `gebieden.yaml` (issues #3 and #8)."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from politiebijstand.audit.services import audit_record_systeem_batch
from politiebijstand.organisaties.gebieden import Gebieden
from politiebijstand.organisaties.geschiedenis import ORGANISATIE_AANGEMAAKT, toestand
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.services import (
    BEHEERDE_VELDEN,
    LaadResultaat,
    referentiedata_laden,
)


@transaction.atomic
def gebieden_laden(*, gebieden: Gebieden) -> LaadResultaat:
    """Create or update the organisations of `gebieden` and their unit and regioburgemeester.

    All or nothing. Only changed rows are written; `actief`, contacts that a beheerder added
    and `functionaris` are left alone (the file has none of them). Organisations that do not
    exist yet (the 342 municipalities on a new database) are created in bulk, each with one
    audit row "organisatie-aangemaakt" holding its state with its relations, so that the
    first `make run` stays fast (issue #8); a second load writes nothing.

    Returns:
        Which codes were created, updated or unchanged (relations count as an update).
    """
    nieuw = _nieuwe_aanmaken(gebieden)
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
    nieuw |= set(resultaat.nieuw)
    codes = list(gebieden.organisaties)
    gewijzigd -= nieuw
    return LaadResultaat(
        nieuw=tuple(c for c in codes if c in nieuw),
        bijgewerkt=tuple(c for c in codes if c in gewijzigd),
        ongewijzigd=tuple(c for c in codes if c not in gewijzigd and c not in nieuw),
    )


def _nieuwe_aanmaken(gebieden: Gebieden) -> set[str]:
    """Create the organisations of `gebieden` that do not exist, with their relations.

    A few statements instead of several queries per row: one insert of the rows, one update
    per relation and target (parent, unit, regioburgemeester), one insert of their audit rows
    (`audit_record_systeem_batch`; bulk writes send no signals, so `geschiedenis` does not see
    them). Existing rows are left to `referentiedata_laden`.

    Returns:
        The codes created.
    """
    bestaand = set(
        Organisatie.objects.filter(code__in=list(gebieden.organisaties)).values_list(
            "code", flat=True
        )
    )
    nieuw = [info for code, info in gebieden.organisaties.items() if code not in bestaand]
    if not nieuw:
        return set()
    Organisatie.objects.bulk_create(
        [
            Organisatie(code=info.code, **{veld: getattr(info, veld) for veld in BEHEERDE_VELDEN})
            for info in nieuw
        ]
    )
    relaties = {
        code
        for info in nieuw
        for code in (
            info.parent,
            gebieden.eenheid_van.get(info.code),
            gebieden.regioburgemeester_van.get(info.code),
        )
        if code
    }
    rijen = {
        o.code: o
        for o in Organisatie.objects.filter(code__in=[*(i.code for i in nieuw), *relaties])
    }
    aangemaakt = [rijen[info.code] for info in nieuw]
    # One UPDATE per relation and target (about 40), not a CASE over every row.
    per_doel: dict[tuple[str, str], list[int]] = defaultdict(list)
    for rij, info in zip(aangemaakt, nieuw, strict=True):
        doelen = {
            "parent": info.parent,
            "eenheid": gebieden.eenheid_van.get(info.code),
            "regioburgemeester": gebieden.regioburgemeester_van.get(info.code),
        }
        for veld, doel in doelen.items():
            # Objects, not ids: `toestand` then reads the codes without a query per row.
            setattr(rij, veld, rijen[doel] if doel else None)
            if doel:
                per_doel[(veld, doel)].append(rij.pk)
    for (veld, doel), pks in per_doel.items():
        Organisatie.objects.filter(pk__in=pks).update(**{veld: rijen[doel]})
    audit_record_systeem_batch(
        gebeurtenis=ORGANISATIE_AANGEMAAKT,
        objecten=[(rij, toestand(rij)) for rij in aangemaakt],
    )
    return {info.code for info in nieuw}
