"""Tasks: pick up, hand back and complete a step, and record the urgent path's phone call."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction

from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    Gebeurtenis,
    TaakStatus,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    OngeldigeInvoer,
    TaakNietOpen,
)
from politiebijstand.verzoeken.models import (
    Taak,
    TelefonischContact,
)
from politiebijstand.verzoeken.services.besluiten import AFWIJZING_STAP, afwijzing_berichten
from politiebijstand.verzoeken.services.brieven import (
    VERZOEK_DEFENSIE_STAP,
    ondertekende_formulieren,
    verzoek_defensie_brief,
)
from politiebijstand.verzoeken.services.capaciteit import CAPACITEIT_STAP, voorlopig_claimen
from politiebijstand.verzoeken.services.formuliervelden import controleer_formulier_ondertekend
from politiebijstand.verzoeken.services.gedeeld import (
    aware,
    controleer_mag_uitvoeren,
    controleer_open,
    controleer_velden,
    nu_utc,
    stap_uitvoeren,
    taak_onder_slot,
    taak_snapshot,
    tekst,
    tekst_uit_gegevens,
)
from politiebijstand.verzoeken.services.namens import controleer_bijlage, namens_vastleggen

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from politiebijstand.accounts.models import Gebruiker


#: The step of the urgent path recorded by `telefonisch_contact_vastleggen`.
TELEFOON_STAP = "taak_telefonisch_contact_vastgelegd"


@transaction.atomic
def taak_oppakken(*, taak: Taak, door: Gebruiker, nu: datetime | None = None) -> Taak:
    """Pick up an open task of the user's organisation, so colleagues see who works on it.

    Raises:
        GeenToegang: not the user's organisation's task (or a decision without the role).
        TaakNietOpen: already picked up by someone else, completed or cancelled.
    """
    nu = nu_utc(nu)
    _, taak = taak_onder_slot(taak)
    controleer_mag_uitvoeren(taak, door)
    controleer_open(taak, door)
    if taak.status == TaakStatus.OPGEPAKT:
        return taak
    return _opgepakt_zetten(taak, door=door, opgepakt_op=nu, gebeurtenis=Gebeurtenis.TAAK_OPGEPAKT)


@transaction.atomic
def taak_teruggeven(*, taak: Taak, door: Gebruiker, nu: datetime | None = None) -> Taak:
    """Hand a picked-up task back to the organisation's work queue (status open again).

    Raises:
        GeenToegang: not the user's organisation's task.
        TaakNietOpen: the task is not picked up by this user (or no longer open).
    """
    nu_utc(nu)
    _, taak = taak_onder_slot(taak)
    controleer_mag_uitvoeren(taak, door)
    controleer_open(taak, door)
    if taak.status != TaakStatus.OPGEPAKT:
        raise TaakNietOpen("Deze taak is niet door u opgepakt.", veld="taak")
    return _opgepakt_zetten(
        taak, door=door, opgepakt_op=None, gebeurtenis=Gebeurtenis.TAAK_TERUGGEGEVEN
    )


def _opgepakt_zetten(
    taak: Taak, *, door: Gebruiker, opgepakt_op: datetime | None, gebeurtenis: str
) -> Taak:
    """Mark `taak` picked up by `door` at `opgepakt_op` (aware UTC), or open again when None.

    Writes the audit event `gebeurtenis` with the task's state before and after, in the
    caller's transaction (the caller holds the task's row lock).
    """
    voor = taak_snapshot(taak)
    taak.status = TaakStatus.OPGEPAKT if opgepakt_op is not None else TaakStatus.OPEN
    taak.opgepakt_door = door if opgepakt_op is not None else None
    taak.opgepakt_op = opgepakt_op
    taak.save(update_fields=["status", "opgepakt_door", "opgepakt_op"])
    audit_record(gebeurtenis=gebeurtenis, actor=door, obj=taak, voor=voor, na=taak_snapshot(taak))
    return taak


@transaction.atomic
def taak_afronden(
    *,
    taak: Taak,
    data: Mapping[str, Any],
    door: Gebruiker,
    bestand: UploadedFile[bytes] | None = None,
    nu: datetime | None = None,
) -> Taak:
    """Complete a step of the procedure with what it records, and advance the run.

    `data` holds the step's fields (`Taak.velden`, e.g. ``{"toestemming": true}``) and any
    report (``"verslag"``: text). An optional step is skipped with
    ``{"overgeslagen": true, "reden": "..."}``. Decisions use `besluit_nemen`; the phone call
    of the urgent path uses `telefonisch_contact_vastleggen`. The korpschef's written rejection
    (`AFWIJZING_STAP`, procedures 1 and 6) needs its reasons in ``"verslag"`` and sends them to
    the requester, with a copy to DGPOL, in this transaction (`afwijzing_berichten`), with the
    letter as PDF. The request to Defence (`VERZOEK_DEFENSIE_STAP`) renders the letter to DJZ
    (and DOPS-KMar) with the copy to the DOC, stores it and sends it to all of them in this one
    action (`brieven.verzoek_defensie_brief`; as PDF to those without an account, ADR 0036).

    The procedure's coordinator may complete the step of a party without an account (DJZ, DOC,
    a foreign police service) on its behalf, with the PDF it received from that party as
    `bestand` (required then, refused otherwise); the PDF is stored as an external document in
    this transaction, and ``namens``, the document's uuid and sha256 go into the step's
    `gegevens` and the audit event (issue #10 item 4; ADR 0037).

    Returns:
        The task, now afgerond.

    Raises:
        GeenToegang: not the user's organisation's lane (toegang rule ``taak_uitvoeren``),
            nor a step it may record on behalf of another (``taak_namens_vastleggen``).
        TaakNietOpen: completed (e.g. by a colleague just now), cancelled, or picked up by
            someone else; nothing was changed.
        OngeldigeInvoer: a missing or wrong field (named), a skip of a step that is not
            optional or without a reason, or a decision or phone step; field ``bestand``: no
            PDF on behalf, a PDF with one's own step, or an empty, too large or non-PDF file
            (nothing stored, nothing completed); the competent
            authority's signing step while its municipality's form is not signed
            (``formulier-niet-ondertekend``, ADR 0033: `formulier_ondertekenen` completes it).
        GelijktijdigGewijzigd: the run was stored by someone else meanwhile.
    """
    nu = nu_utc(nu)
    deelverzoek, taak = taak_onder_slot(taak)
    namens = controleer_mag_uitvoeren(taak, door)
    controleer_open(taak, door)
    controleer_bijlage(namens=namens, bestand=bestand)
    if taak.is_besluit:
        raise OngeldigeInvoer(
            "dit is een besluit: leg het vast met 'besluit nemen'",
            veld="taak",
            code="besluit-via-besluit-nemen",
        )
    if taak.bpmn_id == TELEFOON_STAP:
        raise OngeldigeInvoer(
            "leg het telefonisch contact vast (wie belde wie, wanneer, wat is afgesproken)",
            veld="taak",
            code="telefonisch-contact-vastleggen",
        )
    record = controleer_velden(taak, data)
    controleer_formulier_ondertekend(taak)
    afwijzing = taak.bpmn_id == AFWIJZING_STAP
    if "verslag" in record or afwijzing:
        record["verslag"] = tekst_uit_gegevens(
            record.get("verslag"), "verslag", verplicht=afwijzing
        )
    voor = taak_snapshot(taak)
    brief = (
        verzoek_defensie_brief(taak=taak, door=door, nu=nu)
        if taak.bpmn_id == VERZOEK_DEFENSIE_STAP and not record.get("overgeslagen")
        else None
    )
    _, sync = stap_uitvoeren(
        deelverzoek=deelverzoek,
        taak=taak,
        record=record,
        door=door,
        nu=nu,
        brief=brief,
        extra=ondertekende_formulieren(deelverzoek) if brief is not None else (),
    )
    vastgelegd = namens_vastleggen(taak=taak, namens=namens, bestand=bestand, door=door)
    if taak.bpmn_id == CAPACITEIT_STAP and not taak.overgeslagen:
        # The product does the LOCC's step: the claim is made, the record shows it (ADR 0038).
        taak.gegevens = {
            **(taak.gegevens or {}),
            "capaciteit": voorlopig_claimen(deelverzoek, nu=nu).in_woorden(),
        }
        taak.save(update_fields=["gegevens"])
    if afwijzing:
        brief = afwijzing_berichten(taak=taak, door=door, nu=nu)
    audit_record(
        gebeurtenis=(
            Gebeurtenis.TAAK_OVERGESLAGEN if taak.overgeslagen else Gebeurtenis.TAAK_AFGEROND
        ),
        actor=door,
        obj=taak,
        voor=voor,
        na={
            **taak_snapshot(taak),
            "gegevens": taak.gegevens,
            "nieuwe_taken": [t.bpmn_id for t in sync.nieuw],
            **vastgelegd,
            **({"brief": {"document": str(brief.uuid), "sha256": brief.sha256}} if brief else {}),
        },
    )
    return taak


@transaction.atomic
def telefonisch_contact_vastleggen(
    *,
    taak: Taak,
    beller: str,
    gebelde_organisatie: Organisatie,
    gebeld: str,
    tijdstip: datetime,
    afspraken: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> TelefonischContact:
    """Record the phone call of the urgent path, so the work starts at once.

    Callers pass validated values (the page's `TelefoonForm`): texts as str, an `Organisatie`
    row, an aware datetime. The service checks blank texts, the time zone and the moment.

    Completes the step ``taak_telefonisch_contact_vastgelegd``; the written formalisation is
    then due within ``formalisatie_termijn`` (default 24 hours), with a reminder before and an
    escalation to the LOCC after (`timers_verwerken`).

    Args:
        taak: the open phone step of the user's organisation.
        beller: name and function of who called (the user's organisation's side).
        gebelde_organisatie: the organisation called (e.g. the LOCC).
        gebeld: name and function of who was called.
        tijdstip: aware datetime of the call, not in the future.
        afspraken: what was agreed.
        door: a user of the step's organisation.
        nu: aware datetime of recording (default now).

    Raises:
        GeenToegang, TaakNietOpen: as `taak_afronden`.
        OngeldigeInvoer: not the phone step, or a missing or wrong field (named).

    Bron: factsheet, toelichting 3, 4, 7 and 8 ("In spoedgevallen vindt het contact telefonisch
    plaats en wordt het verzoek achteraf geformaliseerd"); Pw 2012 art. 56 lid 3.
    """
    nu = nu_utc(nu)
    deelverzoek, taak = taak_onder_slot(taak)
    if controleer_mag_uitvoeren(taak, door) is not None:
        raise GeenToegang("Het telefonisch contact legt de organisatie van de stap zelf vast.")
    controleer_open(taak, door)
    if taak.bpmn_id != TELEFOON_STAP:
        raise OngeldigeInvoer("deze taak is geen telefonisch contact", veld="taak")
    beller = tekst(beller, "beller", max_length=200)
    gebeld = tekst(gebeld, "gebeld", max_length=200)
    afspraken = tekst(afspraken, "afspraken")
    moment = aware(tijdstip, "tijdstip")
    if moment > nu + timedelta(minutes=5):
        raise OngeldigeInvoer("het gesprek kan niet in de toekomst liggen", veld="tijdstip")
    record = {
        "beller": beller,
        "beller_organisatie": taak.organisatie.code,
        "gebeld": gebeld,
        "gebelde_organisatie": gebelde_organisatie.code,
        "tijdstip": moment.isoformat(),
        "afspraken": afspraken,
    }
    voor = taak_snapshot(taak)
    stap_uitvoeren(deelverzoek=deelverzoek, taak=taak, record=record, door=door, nu=nu)
    contact = TelefonischContact.objects.create(
        verzoek=deelverzoek.verzoek,
        deelverzoek=deelverzoek,
        taak=taak,
        beller=beller,
        beller_organisatie=taak.organisatie,
        gebeld=gebeld,
        gebelde_organisatie=gebelde_organisatie,
        tijdstip=moment,
        afspraken=afspraken,
        vastgelegd_door=door,
        vastgelegd_op=nu,
    )
    workflow.deelnemers_toevoegen(verzoek=deelverzoek.verzoek, codes=[gebelde_organisatie.code])
    audit_record(
        gebeurtenis=Gebeurtenis.TELEFONISCH_CONTACT_VASTGELEGD,
        actor=door,
        obj=contact,
        voor=voor,
        na={**taak_snapshot(taak), "gegevens": record},
    )
    return contact
