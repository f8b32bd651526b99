"""Deployment after the decision: start, amend, extend, end and evaluate (InzetVersie).

Callers pass validated values of the annotated types (the page's `Inzet...Form`): texts as
str, datetimes. The services check only what the types do not say: blank texts, a time zone,
the period's order, and the deployment's state.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from politiebijstand.audit.services import audit_record
from politiebijstand.meldingen.services import bericht_schrijven
from politiebijstand.toegang.regels import organisatie_code
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    DeelverzoekStatus,
    Gebeurtenis,
    Handeling,
    InzetSoort,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    OngeldigeInvoer,
    OngeldigeOvergang,
)
from politiebijstand.verzoeken.models import (
    Besluit,
    Deelverzoek,
    InzetEvaluatie,
    InzetVersie,
)
from politiebijstand.verzoeken.services.capaciteit import claims_loslaten
from politiebijstand.verzoeken.services.gedeeld import (
    aware,
    bericht_tekst,
    deelverzoek_onder_slot,
    moment,
    nu_utc,
    periode,
    tekst,
)

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker


def _inzet_beheerder(deelverzoek: Deelverzoek, door: Gebruiker) -> None:
    """The requesting RCCB records the deployment, with the bodies that decided on it."""
    code = organisatie_code(door)
    # The part's decisions and those of its appeals (parts of the same request, linked by
    # beroep_op), found among the request's decisions: filtered on the indexed verzoek, not on
    # beroep_op, whose index SQLite with statistics skips as nearly every row is empty (a full
    # scan of the part table with 50,000 requests; the selector's fix in fc834ff; #4).
    besluiten = {
        organisatie
        for organisatie, deel_id, beroep_op_id in Besluit.objects.filter(
            verzoek_id=deelverzoek.verzoek_id
        ).values_list("organisatie__code", "deelverzoek_id", "deelverzoek__beroep_op_id")
        if deelverzoek.pk in (deel_id, beroep_op_id)
    }
    if code is None or (code != deelverzoek.verzoek.rccb.code and code not in besluiten):
        raise GeenToegang(
            "Alleen het RCCB van de vragende eenheid of de organisatie die besloot kan de "
            "inzet bijhouden."
        )


def _laatste_inzet(deelverzoek: Deelverzoek) -> InzetVersie | None:
    return InzetVersie.objects.filter(deelverzoek=deelverzoek).order_by("-versie").first()


def _inzet_versie(
    *,
    deelverzoek: Deelverzoek,
    soort: InzetSoort,
    periode_start: datetime,
    periode_eind: datetime,
    capaciteit: str,
    toelichting: str,
    door: Gebruiker,
    nu: datetime,
) -> InzetVersie:
    vorige = _laatste_inzet(deelverzoek)
    versie = InzetVersie.objects.create(
        deelverzoek=deelverzoek,
        versie=(vorige.versie + 1) if vorige else 1,
        soort=soort,
        periode_start=periode_start,
        periode_eind=periode_eind,
        capaciteit=capaciteit,
        toelichting=toelichting,
        door=door,
        op=nu,
    )
    # The part's current period is its latest version's: kept on the part for the
    # operational picture (ADR 0044).
    deelverzoek.periode_start = periode_start
    deelverzoek.periode_eind = periode_eind
    Deelverzoek.objects.filter(pk=deelverzoek.pk).update(
        periode_start=periode_start, periode_eind=periode_eind
    )
    gebeurtenis = {
        InzetSoort.GESTART: Gebeurtenis.INZET_GESTART,
        InzetSoort.GEWIJZIGD: Gebeurtenis.INZET_GEWIJZIGD,
        InzetSoort.VERLENGD: Gebeurtenis.INZET_VERLENGD,
        InzetSoort.BEEINDIGD: Gebeurtenis.INZET_BEEINDIGD,
    }[soort]

    def snapshot(v: InzetVersie | None) -> dict[str, Any] | None:
        if v is None:
            return None
        return {
            "versie": v.versie,
            "soort": v.soort,
            "periode_start": v.periode_start.isoformat(),
            "periode_eind": v.periode_eind.isoformat(),
            "capaciteit": v.capaciteit,
        }

    audit_record(
        gebeurtenis=gebeurtenis,
        actor=door,
        obj=versie,
        voor=snapshot(vorige),
        na={**(snapshot(versie) or {}), "deelverzoek": deelverzoek.pk, "toelichting": toelichting},
    )
    verzoek = deelverzoek.verzoek
    onderwerp, inhoud = bericht_tekst(
        "inzet",
        verzoek=verzoek,
        soort=InzetSoort(soort).label.lower(),
    )
    bericht_schrijven(
        soort=gebeurtenis.value,
        ontvangers=list(verzoek.deelnemers.filter(code__in=_inzet_ontvangers(deelverzoek))),
        onderwerp=onderwerp,
        inhoud=inhoud,
        obj=versie,
        nu=nu,
    )
    return versie


def _inzet_ontvangers(deelverzoek: Deelverzoek) -> set[str]:
    verzoek = deelverzoek.verzoek
    codes = {verzoek.rccb.code, verzoek.bevoegd_gezag.code, "LOCC", "LE-POB"}
    codes.update(
        Besluit.objects.filter(deelverzoek=deelverzoek).values_list("organisatie__code", flat=True)
    )
    return codes


@transaction.atomic
def inzet_starten(
    *,
    deelverzoek: Deelverzoek,
    periode_start: datetime,
    periode_eind: datetime,
    capaciteit: str,
    door: Gebruiker,
    toelichting: str = "",
    nu: datetime | None = None,
) -> InzetVersie:
    """Record that the granted deployment started (version 1). Status in_inzet.

    Raises:
        GeenToegang: not the requesting RCCB or the deciding organisation.
        OngeldigeOvergang: the part is not (partly) granted.
        OngeldigeInvoer: an invalid period or an empty capacity.
    """
    nu = nu_utc(nu)
    deelverzoek = deelverzoek_onder_slot(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    start, eind = periode(periode_start, periode_eind)
    capaciteit = tekst(capaciteit, "capaciteit")
    toelichting = tekst(toelichting, "toelichting", verplicht=False)
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek, handeling=Handeling.INZET_STARTEN, door=door, nu=nu
    )
    return _inzet_versie(
        deelverzoek=deelverzoek,
        soort=InzetSoort.GESTART,
        periode_start=start,
        periode_eind=eind,
        capaciteit=capaciteit,
        toelichting=toelichting,
        door=door,
        nu=nu,
    )


def _lopende_inzet(deelverzoek: Deelverzoek) -> InzetVersie:
    vorige = _laatste_inzet(deelverzoek)
    if deelverzoek.status != DeelverzoekStatus.IN_INZET or vorige is None:
        raise OngeldigeOvergang("er loopt geen inzet voor dit deelverzoek", veld="deelverzoek")
    return vorige


@transaction.atomic
def inzet_wijzigen(
    *,
    deelverzoek: Deelverzoek,
    periode_start: datetime,
    periode_eind: datetime,
    capaciteit: str,
    toelichting: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> InzetVersie:
    """Amend a running deployment (new period or capacity) as a new version; none is changed.

    Raises:
        GeenToegang: as `inzet_starten`.
        OngeldigeOvergang: no deployment runs.
        OngeldigeInvoer: invalid period, empty capacity or reason, or nothing changed.
    """
    nu = nu_utc(nu)
    deelverzoek = deelverzoek_onder_slot(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    vorige = _lopende_inzet(deelverzoek)
    start, eind = periode(periode_start, periode_eind)
    capaciteit = tekst(capaciteit, "capaciteit")
    toelichting = tekst(toelichting, "toelichting")
    if (start, eind, capaciteit) == (vorige.periode_start, vorige.periode_eind, vorige.capaciteit):
        raise OngeldigeInvoer("er is niets gewijzigd", veld="capaciteit")
    return _inzet_versie(
        deelverzoek=deelverzoek,
        soort=InzetSoort.GEWIJZIGD,
        periode_start=start,
        periode_eind=eind,
        capaciteit=capaciteit,
        toelichting=toelichting,
        door=door,
        nu=nu,
    )


@transaction.atomic
def inzet_verlengen(
    *,
    deelverzoek: Deelverzoek,
    periode_eind: datetime,
    toelichting: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> InzetVersie:
    """Extend a running deployment to a later end, as a new version.

    Raises:
        GeenToegang: as `inzet_starten`.
        OngeldigeOvergang: no deployment runs.
        OngeldigeInvoer: the new end is not after the current end, or no reason.
    """
    nu = nu_utc(nu)
    deelverzoek = deelverzoek_onder_slot(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    vorige = _lopende_inzet(deelverzoek)
    eind = aware(periode_eind, "periode_eind")
    if eind <= vorige.periode_eind:
        raise OngeldigeInvoer(
            "het nieuwe einde moet na het huidige einde liggen", veld="periode_eind"
        )
    toelichting = tekst(toelichting, "toelichting")
    return _inzet_versie(
        deelverzoek=deelverzoek,
        soort=InzetSoort.VERLENGD,
        periode_start=vorige.periode_start,
        periode_eind=eind,
        capaciteit=vorige.capaciteit,
        toelichting=toelichting,
        door=door,
        nu=nu,
    )


@transaction.atomic
def inzet_beeindigen(
    *,
    deelverzoek: Deelverzoek,
    door: Gebruiker,
    toelichting: str = "",
    beeindigd_op: datetime | None = None,
    nu: datetime | None = None,
) -> InzetVersie:
    """End a running deployment (a last version, ending at `beeindigd_op`, default now).

    The end is checked against the ACTUAL start: when the start was recorded (version 1's
    `op`, UTC), not the planned period's start, which may still lie ahead. The end may not
    lie after `nu`. When the deployment ends before its planned start, the last version's
    period runs from the actual start to the end.

    Raises:
        GeenToegang: as `inzet_starten`.
        OngeldigeOvergang: no deployment runs.
        OngeldigeInvoer (veld ``beeindigd_op``): an end in the future, or not after the
            deployment's actual start. The message leaves out the field's label: the page
            puts "Beëindigd op: " before it.
    """
    nu = nu_utc(nu)
    deelverzoek = deelverzoek_onder_slot(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    vorige = _lopende_inzet(deelverzoek)
    eind = aware(beeindigd_op, "beeindigd_op") if beeindigd_op is not None else nu
    gestart = (
        InzetVersie.objects.filter(deelverzoek=deelverzoek, soort=InzetSoort.GESTART)
        .order_by("versie")
        .first()
    )
    werkelijk_begin = gestart.op if gestart is not None else vorige.periode_start
    if eind > nu:
        raise OngeldigeInvoer(
            "het einde mag niet in de toekomst liggen; laat het veld leeg voor nu",
            veld="beeindigd_op",
        )
    if eind <= werkelijk_begin:
        raise OngeldigeInvoer(
            "het einde moet na de werkelijke start van de inzet liggen (gestart op "
            f"{moment(werkelijk_begin)})",
            veld="beeindigd_op",
        )
    periode_start = vorige.periode_start if vorige.periode_start < eind else werkelijk_begin
    toelichting = tekst(toelichting, "toelichting", verplicht=False)
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek, handeling=Handeling.INZET_BEEINDIGEN, door=door, nu=nu
    )
    claims_loslaten(deelverzoek=deelverzoek, nu=nu)
    return _inzet_versie(
        deelverzoek=deelverzoek,
        soort=InzetSoort.BEEINDIGD,
        periode_start=periode_start,
        periode_eind=eind,
        capaciteit=vorige.capaciteit,
        toelichting=toelichting,
        door=door,
        nu=nu,
    )


@transaction.atomic
def inzet_evalueren(
    *,
    deelverzoek: Deelverzoek,
    verslag: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> InzetEvaluatie:
    """Record the evaluation of an ended deployment. Status geevalueerd.

    Raises:
        GeenToegang: as `inzet_starten`.
        OngeldigeOvergang: the deployment has not ended (or was evaluated).
        OngeldigeInvoer: an empty report.
    """
    nu = nu_utc(nu)
    deelverzoek = deelverzoek_onder_slot(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    verslag = tekst(verslag, "verslag")
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek, handeling=Handeling.INZET_EVALUEREN, door=door, nu=nu
    )
    evaluatie = InzetEvaluatie.objects.create(
        deelverzoek=deelverzoek, verslag=verslag, door=door, op=nu
    )
    audit_record(
        gebeurtenis=Gebeurtenis.INZET_GEEVALUEERD,
        actor=door,
        obj=evaluatie,
        na={"deelverzoek": deelverzoek.pk, "verslag": verslag},
    )
    return evaluatie
