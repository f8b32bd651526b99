"""Selectors of the bijstandsverzoek: every read for the UI, the API and exports (issue #4).

Lists are scoped to the user's organisation in SQL, by the same need-to-know rules as
`toegang.regels` (issue #3): a request is listed when the user's organisation takes part
(`Deelname`), a task when it is the task's organisation. Single objects are looked up with
``access_*`` functions that answer 404 (`django.http.Http404`) outside the user's scope, so that
existence does not leak. Viewing a request is logged (`verzoek_bekijken`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)
from django.http import Http404
from django.utils import timezone

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.services import audit_record
from politiebijstand.documenten.models import Document
from politiebijstand.fnik.models import Kostenpost, KostenSoort
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.rules.organisatiecodes import LOCC
from politiebijstand.toegang.regels import (
    NAMENS_SOORTEN,
    coordinator_van_procedure,
    organisatie_code,
)
from politiebijstand.toegang.toegang import access_verzoek_or_404
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    TAAK_OPENSTAAND,
    BesluitUitkomst,
    DeelverzoekStatus,
    Gebeurtenis,
    InzetSoort,
    RegelUitkomst,
    TaakStatus,
    VerzoekStatus,
)
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelname,
    Deelverzoek,
    GevraagdeInzet,
    InzetEvaluatie,
    InzetVersie,
    ProcedureSpecificatie,
    StatusWijziging,
    Taak,
    TelefonischContact,
)
from politiebijstand.web.tekst import euro


def _organisatie_id(gebruiker: Gebruiker | AnonymousUser) -> int | None:
    """The user's organisation id when user and organisation are active, else None."""
    if organisatie_code(gebruiker) is None or isinstance(gebruiker, AnonymousUser):
        return None
    return gebruiker.organisatie_id


def namens_filter(gebruiker: Gebruiker | AnonymousUser) -> Q | None:
    """SQL for the tasks the user's organisation may record on behalf of another, or None.

    The same rule as `toegang.regels.kan_taak_namens_vastleggen`, in SQL: a task of a procedure
    the user's organisation coordinates (`toegang.regels.coordinator_van_procedure`), not its
    own, whose organisation is of Defence or the KMar (`NAMENS_SOORTEN`) and has no active
    account, of a request it takes part in. The role
    (a decision step is for a besluitvormer) is checked by the rule when the step is done;
    the work queue shows it as it shows decisions to a colleague (issue #10 item 4; ADR 0037).
    """
    org_id = _organisatie_id(gebruiker)
    code = organisatie_code(gebruiker)
    if org_id is None or code is None:
        return None
    procedures = [p for p in PROCEDURES if coordinator_van_procedure(p) == code]
    if not procedures:
        return None
    met_account = Gebruiker.objects.filter(
        organisatie_id=OuterRef("organisatie_id"), is_active=True
    )
    deelname = Deelname.objects.filter(verzoek_id=OuterRef("verzoek_id"), organisatie_id=org_id)
    return (
        Q(procedure_id__in=procedures, organisatie__soort__in=NAMENS_SOORTEN)
        & ~Q(organisatie_id=org_id)
        & ~Exists(met_account)
        & Exists(deelname)
    )


def _werkvoorraad_q(gebruiker: Gebruiker | AnonymousUser, org_id: int) -> Q:
    """The user's organisation's tasks, and those it may record on behalf of another."""
    eigen = Q(organisatie_id=org_id)
    namens = namens_filter(gebruiker)
    return eigen if namens is None else eigen | namens


def eenheid_van_rccb(organisatie: Organisatie | None) -> Organisatie | None:
    """The unit whose RCCB `organisatie` is (``RCCB-MN`` -> ``EENHEID-MN``), else None.

    The one place of the rule "only the requesting unit's RCCB makes a request": the pages
    offer the request by it, and `verzoek_aanmaken` refuses by it.
    Bron: factsheet, "LOCC, RCCB en Preparatie en Operationeel Beheer".
    """
    if organisatie is None:
        return None
    eenheid = organisatie.parent
    if (
        not organisatie.code.startswith("RCCB-")
        or eenheid is None
        or not eenheid.code.startswith("EENHEID-")
    ):
        return None
    return eenheid


def rccb_eenheid(gebruiker: Gebruiker | AnonymousUser) -> Organisatie | None:
    """The unit of the user's RCCB, or None when the user may not make a request.

    None too for a user who is not logged in, inactive, or of an inactive organisation.
    """
    if organisatie_code(gebruiker) is None or isinstance(gebruiker, AnonymousUser):
        return None
    return eenheid_van_rccb(gebruiker.organisatie)


def organisatie_list_in_eenheid(*, eenheid: Organisatie, soort: str) -> QuerySet[Organisatie]:
    """The active organisations of a kind in a unit's area, by name (the request form's choices).

    Args:
        eenheid: the unit (``EENHEID-MN``).
        soort: ``"gezag"`` (municipalities) or ``"openbaar_ministerie"`` (parketten).
    """
    return (
        Organisatie.objects.filter(eenheid=eenheid, soort=soort, actief=True)
        .select_related("eenheid__regioburgemeester")
        .order_by("naam")
    )


def organisatie_list_voor_telefoon() -> QuerySet[Organisatie]:
    """The organisations that the urgent path's phone call can reach: active, no municipality."""
    return Organisatie.objects.filter(actief=True).exclude(soort="gezag").order_by("naam")


def gevraagde_inzet_list(*, deelverzoek: Deelverzoek) -> list[GevraagdeInzet]:
    """The requested lines of a part, in their order."""
    return list(GevraagdeInzet.objects.filter(deelverzoek=deelverzoek).order_by("volgnummer"))


# --- lookups that answer 404 ------------------------------------------------------------------


# The relations that the request page and `access_verzoek_by_uuid` load with the request.
DETAIL_RELATIES = ("bevoegd_gezag", "eenheid", "rccb", "regioburgemeester", "aangevraagd_door")


def access_verzoek_by_uuid(gebruiker: Gebruiker, uuid: UUID | str) -> Bijstandsverzoek:
    """The request with this uuid when the user's organisation takes part in it.

    Loaded with `DETAIL_RELATIES` and its participants, so that `verzoek_bekijken` with
    ``vers=True`` need not read it again.

    Raises:
        Http404: no such request, an invalid uuid, or outside the user's scope (the same
            answer, so existence does not leak).
    """
    try:
        verzoek = (
            Bijstandsverzoek.objects.select_related(*DETAIL_RELATIES)
            .prefetch_related("deelnemers")
            .get(uuid=uuid)
        )
    except (Bijstandsverzoek.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404("Niet gevonden.") from None
    return access_verzoek_or_404(gebruiker, verzoek)


def procedure_bpmn_van_versie(*, procedure_id: str, model_versie: str) -> str:
    """The BPMN text of one model version of a procedure, as stored with its runs.

    Returns "" when no run of that version is stored or its text was not kept (ADR 0051).
    Not request data: the models are the same for every user.
    """
    bpmn = (
        ProcedureSpecificatie.objects.filter(procedure_id=procedure_id, model_versie=model_versie)
        .values_list("bpmn", flat=True)
        .first()
    )
    return bpmn or ""


def deelverzoek_by_volgnummer(*, verzoek: Bijstandsverzoek, volgnummer: int) -> Deelverzoek:
    """The part with this number of a request the caller already has access to.

    Raises:
        Http404: the request has no such part.
    """
    deel = Deelverzoek.objects.filter(verzoek=verzoek, volgnummer=volgnummer).first()
    if deel is None:
        raise Http404("Niet gevonden.")
    deel.verzoek = verzoek
    return deel


def access_taak_by_id(gebruiker: Gebruiker, taak_id: int | str) -> Taak:
    """A task of the user's organisation (any status), with its request and part loaded.

    Also a task the user's organisation may record on behalf of a party without an account
    (`namens_filter`; issue #10 item 4).

    Raises:
        Http404: no such task, or not the user's organisation's task nor one on behalf.
    """
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        raise Http404("Niet gevonden.")
    try:
        taak = Taak.objects.select_related(
            "organisatie",
            "verzoek",
            "verzoek__rccb",
            "verzoek__bevoegd_gezag",
            "deelverzoek",
            "opgepakt_door",
            "afgerond_door",
        ).get(_werkvoorraad_q(gebruiker, org_id), pk=int(taak_id))
    except (Taak.DoesNotExist, ValueError, TypeError):
        raise Http404("Niet gevonden.") from None
    return taak


# --- work queue -------------------------------------------------------------------------------


def taak_list_for_werkvoorraad(
    *,
    gebruiker: Gebruiker,
    procedure: str | None = None,
    eenheid_code: str | None = None,
    spoed: bool | None = None,
    status: str | None = None,
) -> QuerySet[Taak]:
    """The open tasks of the user's organisation: urgent first, then by due time, then oldest.

    With the tasks it may record on behalf of a party without an account (`namens_filter`):
    each task is annotated ``namens_code``, the party's organisation code ("" for its own),
    so that the queue labels it "namens <partij>" (issue #10 item 4).

    Urgent requests' tasks come first (issue #8); within each, the soonest due time (overdue
    first), tasks without one last; then the oldest task.

    One query (organisation, status, due index); the request, its unit and the person who
    picked a task up are joined in.

    Args:
        gebruiker: the user; without an active organisation the list is empty.
        procedure: only tasks of this procedure (``"3"``, ``"2_waterwerper"``, ...).
        eenheid_code: only requests of this unit (``"EENHEID-MN"``).
        spoed: only urgent (True) or only non-urgent (False) requests.
        status: ``"open"`` or ``"opgepakt"``; default both.
    """
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        return Taak.objects.none()
    statussen = [status] if status in TAAK_OPENSTAAND else list(TAAK_OPENSTAAND)
    qs = Taak.objects.filter(_werkvoorraad_q(gebruiker, org_id), status__in=statussen).annotate(
        namens_code=Case(
            When(organisatie_id=org_id, then=Value("")),
            default=F("organisatie__code"),
            output_field=CharField(),
        )
    )
    if procedure:
        qs = qs.filter(procedure_id=procedure)
    if eenheid_code:
        qs = qs.filter(eenheid__code=eenheid_code)
    if spoed is not None:
        qs = qs.filter(spoed=spoed)
    return qs.select_related("verzoek", "eenheid", "organisatie", "opgepakt_door").order_by(
        F("spoed").desc(), F("due").asc(nulls_last=True), "aangemaakt_op", "id"
    )


@dataclass(frozen=True)
class WerkvoorraadTellingen:
    """Counts of a work queue (open and picked-up tasks of one organisation).

    Attributes:
        totaal: all open and picked-up tasks.
        open: not picked up.
        opgepakt: picked up by someone.
        te_laat: due time passed.
        spoed: of urgent requests.
        per_procedure: procedure id -> count.
        per_eenheid: unit code -> count.
    """

    totaal: int = 0
    open: int = 0
    opgepakt: int = 0
    te_laat: int = 0
    spoed: int = 0
    per_procedure: dict[str, int] = field(default_factory=dict)
    per_eenheid: dict[str, int] = field(default_factory=dict)


def werkvoorraad_tellingen(
    *, gebruiker: Gebruiker, nu: datetime | None = None
) -> WerkvoorraadTellingen:
    """Counts for the work queue's header and filters (three aggregate queries)."""
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        return WerkvoorraadTellingen()
    nu = nu or timezone.now()
    qs = Taak.objects.filter(_werkvoorraad_q(gebruiker, org_id), status__in=TAAK_OPENSTAAND)
    totalen = qs.aggregate(
        totaal=Count("id"),
        open=Count("id", filter=Q(status=TaakStatus.OPEN)),
        opgepakt=Count("id", filter=Q(status=TaakStatus.OPGEPAKT)),
        te_laat=Count("id", filter=Q(due__lt=nu)),
        spoed=Count("id", filter=Q(spoed=True)),
    )
    per_procedure = {
        r["procedure_id"]: r["n"]
        for r in qs.values("procedure_id").annotate(n=Count("id")).order_by("procedure_id")
    }
    per_eenheid = {
        r["eenheid__code"]: r["n"]
        for r in qs.values("eenheid__code").annotate(n=Count("id")).order_by("eenheid__code")
    }
    return WerkvoorraadTellingen(
        **{k: int(v or 0) for k, v in totalen.items()},
        per_procedure=per_procedure,
        per_eenheid=per_eenheid,
    )


# --- request list -----------------------------------------------------------------------------


def verzoek_list(
    *,
    gebruiker: Gebruiker,
    status: str | None = None,
    eenheid_code: str | None = None,
    spoed: bool | None = None,
    zoek: str | None = None,
) -> QuerySet[Bijstandsverzoek]:
    """The requests in which the user's organisation takes part, newest first.

    Scoped in SQL by an EXISTS on `Deelname` (index on organisation, request), the same rule as
    `toegang.regels.kan_verzoek_bekijken`.

    Args:
        gebruiker: the user; without an active organisation the list is empty.
        status: a `VerzoekStatus` value.
        eenheid_code: the requesting unit's code.
        spoed: only urgent (True) or non-urgent (False).
        zoek: text in the kenmerk, title or location (case-insensitive).
    """
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        return Bijstandsverzoek.objects.none()
    qs = Bijstandsverzoek.objects.filter(
        Exists(Deelname.objects.filter(verzoek=OuterRef("pk"), organisatie_id=org_id))
    )
    if status:
        qs = qs.filter(status=status)
    if eenheid_code:
        qs = qs.filter(eenheid__code=eenheid_code)
    if spoed is not None:
        qs = qs.filter(spoed=spoed)
    if zoek:
        qs = qs.filter(
            Q(kenmerk__icontains=zoek) | Q(titel__icontains=zoek) | Q(locatie__icontains=zoek)
        )
    return qs.select_related("eenheid", "bevoegd_gezag").order_by("-aangemaakt_op", "-id")


# --- operational picture ----------------------------------------------------------------------

#: The statuses of a part on the operational picture: pending, decided (granted, partly
#: granted, refused), in appeal and deployed (issue #11 item 2).
BEELD_STATUSSEN = (
    DeelverzoekStatus.IN_BEHANDELING,
    DeelverzoekStatus.TOEGEKEND,
    DeelverzoekStatus.DEELS_TOEGEKEND,
    DeelverzoekStatus.AFGEWEZEN,
    DeelverzoekStatus.IN_BEROEP,
    DeelverzoekStatus.IN_INZET,
)


def beeld_delen(*, gebruiker: Gebruiker | AnonymousUser, nu: datetime) -> QuerySet[Deelverzoek]:
    """The pending and active parts on the operational picture, within need-to-know.

    A part is on the picture when its status is in `BEELD_STATUSSEN` and its current period
    (`Deelverzoek.periode_start`/`periode_eind`: its latest deployment version's, else its
    request's) has not ended at `nu`. Unordered, not yet read: the caller filters, counts and
    slices it in the database (`beeld.selectors.beeld_lezen`).

    Need-to-know: the LOCC, which keeps the national picture of capacity, sees every part
    (factsheet, "LOCC, RCCB en Preparatie en Operationeel Beheer"; ADR 0039); any other
    organisation the parts of the requests it takes part in (`Deelname`, as `verzoek_list`).
    Without an active organisation: nothing.

    A range of one covering index (``deelverzoek_periode_idx``: status, then the end of the
    part's current period, then every column the picture filters and counts on), kept by the
    services (ADR 0044): neither the request nor the deployment versions are read, nor the
    part's large columns (its run state).
    """
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        return Deelverzoek.objects.none()
    # Unordered: the model's default order would make SQLite sort, or scan another index.
    delen = Deelverzoek.objects.filter(status__in=BEELD_STATUSSEN, periode_eind__gt=nu).order_by()
    if organisatie_code(gebruiker) != LOCC:
        # The organisation's requests as one list (``deelname_org_idx``), not a look-up per
        # part. ``verzoek_id + 0``: on the bare column SQLite would walk that list into the
        # part's (status, verzoek) index and read each part's row for its period (ADR 0044).
        delen = delen.alias(verzoek_nr=F("verzoek_id") + 0).filter(
            verzoek_nr__in=Deelname.objects.filter(organisatie_id=org_id).values("verzoek_id")
        )
    return delen


def deelverzoek_list_voor_rijen(*, ids: Sequence[int]) -> list[Deelverzoek]:
    """The parts with these ids, in this order, with only the columns a list shows.

    The request (kenmerk, titel, spoed, period, uuid) and its unit's abbreviation are joined
    in; the run state and the request's situation and advice are not read. One query.
    """
    if not ids:
        return []
    per_id = {
        d.pk: d
        for d in Deelverzoek.objects.filter(id__in=ids)
        .select_related("verzoek", "verzoek__eenheid")
        .only(
            "id",
            "volgnummer",
            "procedure_id",
            "leverancier",
            "status",
            "besluit",
            "verzoek__id",
            "verzoek__uuid",
            "verzoek__kenmerk",
            "verzoek__titel",
            "verzoek__spoed",
            "verzoek__oefening",
            "verzoek__periode_start",
            "verzoek__periode_eind",
            "verzoek__eenheid__id",
            "verzoek__eenheid__afkorting",
        )
    }
    return [per_id[i] for i in ids if i in per_id]


def verzoek_ids_met_deelname(*, gebruiker: Gebruiker | AnonymousUser, ids: set[int]) -> set[int]:
    """Of these request ids, those the user's organisation takes part in (one query)."""
    org_id = _organisatie_id(gebruiker)
    if org_id is None or not ids:
        return set()
    return set(
        Deelname.objects.filter(organisatie_id=org_id, verzoek_id__in=ids).values_list(
            "verzoek_id", flat=True
        )
    )


# --- request page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TijdlijnItem:
    """One entry of a request's timeline.

    Attributes:
        op: aware UTC datetime.
        soort: ``"stap"``, ``"overgeslagen"``, ``"vervallen"``, ``"status"``, ``"telefoon"``,
            ``"besluit"`` or ``"inzet"``.
        titel: what happened, in Dutch.
        organisatie: the acting organisation's name, or "".
        door: the acting person's name, or "" (the system).
        gegevens: what was recorded (JSON-like).
    """

    op: datetime
    soort: str
    titel: str
    organisatie: str = ""
    door: str = ""
    gegevens: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Voortgang:
    """Done and current steps of a part's run, for bpmn-js markers.

    Attributes:
        procedure_id: the procedure, whose BPMN file `procedures.engine.PROCEDURES` names.
        afgerond: BPMN ids of completed (or skipped) steps, in order.
        huidig: BPMN ids of the open steps.
    """

    procedure_id: str
    afgerond: list[str]
    huidig: list[str]


@dataclass(frozen=True)
class VerzoekDetail:
    """Everything the request page shows, loaded with a bounded number of queries.

    Attributes:
        verzoek: the request (authority, unit, RCCB, municipalities loaded).
        deelverzoeken: its parts, with their requested lines, decisions (with lines) and
            deployment versions prefetched.
        taken: every step of the request, oldest first (organisation and people loaded).
        open_taken: the open and picked-up tasks, soonest due first.
        tijdlijn: every step done, status change, call, decision and deployment version, in
            time order.
        voortgang: part id -> `Voortgang`.
        contacten: the organisations of the open tasks (whom to contact for the next step),
            with their phone numbers and e-mail.
        beroep_mogelijk: the parts against which an appeal can be started now.
        terugval_24_7: the LOCC, when an organisation in `contacten` has no known 24/7
            number: the national operational coordination centre is reachable day and night
            (factsheet, "Procedures en bereikbaarheid"); else None.
    """

    verzoek: Bijstandsverzoek
    deelverzoeken: list[Deelverzoek]
    taken: list[Taak]
    open_taken: list[Taak]
    tijdlijn: list[TijdlijnItem]
    voortgang: dict[int, Voortgang]
    contacten: list[Organisatie]
    beroep_mogelijk: list[Deelverzoek]
    terugval_24_7: Organisatie | None = None

    @property
    def besluiten(self) -> list[Besluit]:
        """Every decision on the request, part by part in `deelverzoeken`' order.

        Each decision belongs to a part (`Besluit.deelverzoek` is required), so none is
        missed; no query, the parts' decisions are prefetched.
        """
        return [b for deel in self.deelverzoeken for b in deel.besluiten.all()]


def _naam(gebruiker: Gebruiker | None) -> str:
    if gebruiker is None:
        return ""
    return str(gebruiker.get_full_name() or gebruiker.get_username())


def _status_label(waarde: str, keuzes: type[DeelverzoekStatus] | type[VerzoekStatus]) -> str:
    """The Dutch label of a stored status value ("in_beroep" -> "In beroep bij de minister").

    A value that is no longer a choice is shown as stored, so that old history still reads.
    """
    try:
        return str(keuzes(waarde).label)
    except ValueError:
        return waarde


def _status_item(w: StatusWijziging) -> TijdlijnItem:
    keuzes = DeelverzoekStatus if w.deelverzoek_id else VerzoekStatus
    van = _status_label(w.van, keuzes) if w.van else "-"
    return TijdlijnItem(
        op=w.op,
        soort="status",
        titel=(
            f"Status {'deelverzoek' if w.deelverzoek_id else 'verzoek'}: "
            f"{van} → {_status_label(w.naar, keuzes)}"
        ),
        door=_naam(w.door),
        gegevens={"handeling": w.handeling, "toelichting": w.toelichting},
    )


def _telefoon_item(c: TelefonischContact) -> TijdlijnItem:
    return TijdlijnItem(
        op=c.tijdstip,
        soort="telefoon",
        titel=f"Telefonisch contact: {c.beller} belde {c.gebeld}",
        organisatie=c.beller_organisatie.naam,
        door=_naam(c.vastgelegd_door),
        gegevens={"gebelde_organisatie": c.gebelde_organisatie.naam, "afspraken": c.afspraken},
    )


def _besluit_item(b: Besluit) -> TijdlijnItem:
    return TijdlijnItem(
        op=b.genomen_op,
        soort="besluit",
        titel=f"Besluit: {b.get_uitkomst_display().lower()}, {b.namens}",
        organisatie=b.organisatie.naam,
        door=_naam(b.genomen_door),
        gegevens={"motivering": b.motivering, "voorwaarden": b.voorwaarden},
    )


def _inzet_item(v: InzetVersie) -> TijdlijnItem:
    return TijdlijnItem(
        op=v.op,
        soort="inzet",
        titel=f"Inzet {v.get_soort_display().lower()} (versie {v.versie})",
        door=_naam(v.door),
        gegevens={
            "periode_start": v.periode_start.isoformat(),
            "periode_eind": v.periode_eind.isoformat(),
            "capaciteit": v.capaciteit,
        },
    )


def verzoek_detail(*, verzoek: Bijstandsverzoek, vers: bool = False) -> VerzoekDetail:
    """Load the request page's data (no access check, no audit: use `verzoek_bekijken`).

    Args:
        verzoek: the request; read again from the database (with `DETAIL_RELATIES`) unless
            `vers`.
        vers: `verzoek` was just read with `DETAIL_RELATIES` in this request (by
            `access_verzoek_by_uuid`) and has not been changed since: it is used as it is, one
            query fewer. Never after a service changed the request through another instance.
    """
    if not vers or not all(
        getattr(Bijstandsverzoek, naam).is_cached(verzoek) for naam in DETAIL_RELATIES
    ):
        verzoek = Bijstandsverzoek.objects.select_related(*DETAIL_RELATIES).get(pk=verzoek.pk)
    prefetch_related_objects([verzoek], "gemeenten")
    delen = list(
        Deelverzoek.objects.filter(verzoek=verzoek)
        .defer("run_state")
        .prefetch_related(
            "regels",
            Prefetch(
                "besluiten",
                queryset=Besluit.objects.select_related(
                    "organisatie", "genomen_door"
                ).prefetch_related("regels__regel"),
            ),
            Prefetch("inzetversies", queryset=InzetVersie.objects.select_related("door")),
            "formulier_versies",
        )
        .order_by("volgnummer")
    )
    taken = list(
        Taak.objects.filter(verzoek=verzoek)
        .select_related("organisatie", "afgerond_door", "opgepakt_door")
        .order_by("aangemaakt_op", "id")
    )
    wijzigingen = list(
        StatusWijziging.objects.filter(verzoek=verzoek).select_related("door").order_by("op", "id")
    )
    contacten_tel = list(
        TelefonischContact.objects.filter(verzoek=verzoek).select_related(
            "beller_organisatie", "gebelde_organisatie", "vastgelegd_door"
        )
    )
    tijdlijn: list[TijdlijnItem] = []
    voortgang: dict[int, Voortgang] = {}
    for deel in delen:
        eigen = [t for t in taken if t.deelverzoek_id == deel.pk]
        voortgang[deel.pk] = Voortgang(
            procedure_id=deel.procedure_id,
            afgerond=[
                t.bpmn_id
                for t in sorted(
                    (t for t in eigen if t.status == TaakStatus.AFGEROND),
                    key=lambda t: (t.afgerond_op or t.aangemaakt_op, t.pk),
                )
            ],
            huidig=[t.bpmn_id for t in eigen if t.status in TAAK_OPENSTAAND],
        )
    for t in taken:
        if t.status == TaakStatus.AFGEROND and t.afgerond_op is not None:
            tijdlijn.append(
                TijdlijnItem(
                    op=t.afgerond_op,
                    soort="overgeslagen" if t.overgeslagen else "stap",
                    titel=t.naam,
                    organisatie=t.organisatie.naam,
                    door=_naam(t.afgerond_door),
                    gegevens=dict(t.gegevens or {}),
                )
            )
        elif t.status == TaakStatus.VERVALLEN and t.afgerond_op is not None:
            tijdlijn.append(
                TijdlijnItem(
                    op=t.afgerond_op,
                    soort="vervallen",
                    titel=t.naam,
                    organisatie=t.organisatie.naam,
                )
            )
    tijdlijn.extend(_status_item(w) for w in wijzigingen)
    tijdlijn.extend(_telefoon_item(c) for c in contacten_tel)
    for deel in delen:
        tijdlijn.extend(_besluit_item(b) for b in deel.besluiten.all())
        tijdlijn.extend(_inzet_item(v) for v in deel.inzetversies.all())
    tijdlijn.sort(key=lambda i: i.op)
    open_taken = sorted(
        (t for t in taken if t.status in TAAK_OPENSTAAND),
        key=lambda t: (t.due is None, t.due or t.aangemaakt_op, t.pk),
    )
    contacten = list({t.organisatie.pk: t.organisatie for t in open_taken}.values())
    # An appeal is a part of the same request: found among `delen`, without a query on
    # beroep_op (whose index a database with statistics skips, as nearly every row is empty:
    # a full scan measured by make bench, #4).
    beroepen_op = {d.beroep_op_id for d in delen if d.beroep_op_id is not None}
    beroep = [d for d in delen if workflow.beroep_mogelijk(d) and d.pk not in beroepen_op]
    return VerzoekDetail(
        verzoek=verzoek,
        deelverzoeken=delen,
        taken=taken,
        open_taken=open_taken,
        tijdlijn=tijdlijn,
        voortgang=voortgang,
        contacten=contacten,
        beroep_mogelijk=beroep,
        terugval_24_7=(
            Organisatie.objects.filter(code="LOCC").exclude(telefoon_spoed="").first()
            if any(not o.telefoon_spoed for o in contacten)
            else None
        ),
    )


def verzoek_bekijken(
    *, verzoek: Bijstandsverzoek, door: Gebruiker, vers: bool = False
) -> VerzoekDetail:
    """The request page for `door`: checks need-to-know, logs the view, loads the page's data.

    Every view of a request is appended to the audit trail (``verzoek-bekeken``), as police
    data law requires logging of consultation (DESIGN.md, audit).

    Args:
        verzoek: the request.
        door: the user who views it.
        vers: as in `verzoek_detail`: the request straight from `access_verzoek_by_uuid`.

    Raises:
        Http404: the user's organisation does not take part in the request.
    """
    access_verzoek_or_404(door, verzoek)
    audit_record(
        gebeurtenis=Gebeurtenis.VERZOEK_BEKEKEN,
        actor=door,
        obj=verzoek,
        na={"kenmerk": verzoek.kenmerk},
    )
    return verzoek_detail(verzoek=verzoek, vers=vers)


def verzoeken_exporteren(
    *,
    gebruiker: Gebruiker,
    status: str | None = None,
    spoed: bool | None = None,
    zoek: str | None = None,
) -> list[Bijstandsverzoek]:
    """The requests of `verzoek_list` for an export, with the export written to the audit trail.

    The same scope as the list (need-to-know, issue #3: "the web pages, the API and
    exports"). Every export is one audit event (``verzoeken-geexporteerd``) naming the filters,
    the number of requests and each request's kenmerk, as police data law requires logging of
    consultation (DESIGN.md, audit). The rows are read first and the event written in the same
    transaction, so an export that could not be logged is not given.

    Args:
        gebruiker: the user; without an active organisation the export is empty (and logged).
        status: a `VerzoekStatus` value.
        spoed: only urgent (True) or non-urgent (False).
        zoek: text in the kenmerk, title or location (case-insensitive).

    Returns:
        The requests, newest first, with unit and authority loaded (two queries and the audit
        row, however many requests).
    """
    with transaction.atomic():
        verzoeken = list(verzoek_list(gebruiker=gebruiker, status=status, spoed=spoed, zoek=zoek))
        audit_record(
            gebeurtenis=Gebeurtenis.VERZOEKEN_GEEXPORTEERD,
            actor=gebruiker,
            object_type="verzoeken.bijstandsverzoek",
            na={
                "filters": {"status": status, "spoed": spoed, "zoek": zoek},
                "aantal": len(verzoeken),
                "kenmerken": [v.kenmerk for v in verzoeken],
            },
        )
    return verzoeken


def besluiten_van_deelverzoek(*, deelverzoek: Deelverzoek) -> Sequence[Besluit]:
    """The decisions on a part, oldest first, with their lines."""
    return list(
        Besluit.objects.filter(deelverzoek=deelverzoek)
        .select_related("organisatie", "genomen_door")
        .prefetch_related("regels__regel")
        .order_by("genomen_op", "id")
    )


def bericht_lanes_van_taak(*, taak: Taak) -> tuple[str, ...]:
    """The organisation codes that a step's completion sends a message to (form hint)."""
    lanes = workflow.bericht_lanes(taak.procedure_id, taak.bpmn_id)
    if not lanes:
        return ()
    return tuple(workflow.lane_organisatie_codes(taak.verzoek, lanes).values())


def documenten_van_verzoek(verzoek: Bijstandsverzoek) -> list[Document]:
    """The request's documents (PDFs), oldest first, for the request page (issue #10).

    The caller has checked need-to-know for `verzoek`.
    """
    return list(
        Document.objects.filter(verzoek=verzoek)
        .select_related("ondertekend_door")
        .order_by("aangemaakt_op", "pk")
    )


def document_van_verzoek(verzoek: Bijstandsverzoek, document_uuid: UUID) -> Document:
    """One document of the request, by its uuid.

    Raises:
        Http404: no such document of this request (another request's is not found either).
    """
    document = Document.objects.filter(verzoek=verzoek, uuid=document_uuid).first()
    if document is None:
        raise Http404("Dit document hoort niet bij dit verzoek.")
    return document


# --- after-action evaluation (issue #11 item 6, ADR 0042) -------------------------------------

#: The costs row while no cost registration exists (no app ``fnik`` yet; ADR 0042).
KOSTEN_NIET_VASTGELEGD = "Kosten: niet vastgelegd"

_UUR = Decimal(3600)
_HONDERDSTE = Decimal("0.01")


def uren_tussen(van: datetime, tot: datetime) -> Decimal:
    """Hours from `van` to `tot` (aware), to two decimals (half up): 90 minutes -> 1.50."""
    seconden = Decimal(int((tot - van).total_seconds()))
    return (seconden / _UUR).quantize(_HONDERDSTE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class EvaluatieStap:
    """One completed step with its lead time.

    Attributes:
        deel: the part's number (1, 2, ...).
        naam: the step's name (factsheet wording).
        organisatie: the organisation that did it.
        aangemaakt_op, afgerond_op: aware UTC datetimes.
        doorlooptijd_uren: hours from ready to done, two decimals.
        overgeslagen: skipped rather than done.
    """

    deel: int
    naam: str
    organisatie: str
    aangemaakt_op: datetime
    afgerond_op: datetime
    doorlooptijd_uren: Decimal
    overgeslagen: bool = False


@dataclass(frozen=True)
class EvaluatieBesluit:
    """One decision: outcome, on whose behalf, and hours since the request was made.

    Attributes:
        deel: the part's number.
        uitkomst: the Dutch label ("Toegekend", "Gedeeltelijk toegekend", "Afgewezen").
        namens: on whose behalf (e.g. "namens de korpschef").
        organisatie: the deciding organisation.
        genomen_op: aware UTC datetime.
        uren_na_verzoek: hours from the request's creation to the decision, two decimals.
        motivering: the reasons (Awb 3:46).
    """

    deel: int
    uitkomst: str
    namens: str
    organisatie: str
    genomen_op: datetime
    uren_na_verzoek: Decimal
    motivering: str


@dataclass(frozen=True)
class CapaciteitVergelijking:
    """One requested line: requested, granted and delivered (persons or units).

    Attributes:
        deel: the part's number.
        omschrijving: what was asked.
        gevraagd: the requested number (None: no number asked).
        toegekend: granted by the part's latest decision (0 for a refused line; None: no
            decision yet).
        geleverd: delivered; deployment versions record capacity in words only, so this is the
            granted number once a deployment started, else None (ADR 0042).
        inzet: the latest deployment version's capacity in words, or "".
    """

    deel: int
    omschrijving: str
    gevraagd: int | None
    toegekend: int | None
    geleverd: int | None
    inzet: str = ""


@dataclass(frozen=True)
class Evaluatie:
    """The after-action evaluation of a request (issue #11 item 6, ADR 0042).

    Attributes:
        verzoek: the request.
        tijdlijn: steps, status changes, calls, decisions and deployment versions, in time
            order (as on the request page).
        stappen: the completed steps with their lead times, in order of completion.
        besluiten: the decisions, oldest first.
        capaciteit: requested against granted and delivered, per part and line.
        inzet_beeindigd: a deployment of one of the parts has ended.
        evaluatieverslagen: (part number, report) of the parts' recorded evaluations.
        kosten: the costs row; `KOSTEN_NIET_VASTGELEGD` while costs are not recorded.
        inzet_perioden: (part number, actual start, recorded end) of each ended deployment,
            aware UTC: the start is when the start was recorded, the end the `beeindigd_op`.
    """

    verzoek: Bijstandsverzoek
    tijdlijn: tuple[TijdlijnItem, ...]
    stappen: tuple[EvaluatieStap, ...]
    besluiten: tuple[EvaluatieBesluit, ...]
    capaciteit: tuple[CapaciteitVergelijking, ...]
    inzet_beeindigd: bool
    evaluatieverslagen: tuple[tuple[int, str], ...]
    kosten: str = KOSTEN_NIET_VASTGELEGD
    inzet_perioden: tuple[tuple[int, datetime, datetime], ...] = ()


def _toegekend(besluit: Besluit | None, regel: GevraagdeInzet) -> int | None:
    """The granted number of a line by a decision (a whole grant grants the number asked)."""
    if besluit is None:
        return None
    if besluit.uitkomst == BesluitUitkomst.AFGEWEZEN:
        return 0
    for r in besluit.regels.all():
        if r.regel_id == regel.pk:
            if r.uitkomst != RegelUitkomst.TOEGEKEND:
                return 0
            return r.toegekend_aantal if r.toegekend_aantal is not None else regel.aantal
    return regel.aantal


def evaluatie(verzoek: Bijstandsverzoek) -> Evaluatie:
    """The evaluation of a request (no access check, no audit: use `evaluatie_bekijken`).

    Lead times are in hours (Decimal, two decimals); times are aware UTC. Sources: the steps
    (`Taak`), status changes, decisions (`Besluit`, `BesluitRegel`) and deployment versions
    (`InzetVersie`) as recorded; the factsheet's steps per procedure.
    """
    detail = verzoek_detail(verzoek=verzoek)
    verzoek = detail.verzoek
    nummers = {d.pk: d.volgnummer for d in detail.deelverzoeken}
    taken = (
        Taak.objects.filter(verzoek=verzoek, status=TaakStatus.AFGEROND, afgerond_op__isnull=False)
        .select_related("organisatie")
        .order_by("afgerond_op", "id")
    )
    stappen = tuple(
        EvaluatieStap(
            deel=nummers[t.deelverzoek_id],
            naam=t.naam,
            organisatie=t.organisatie.naam,
            aangemaakt_op=t.aangemaakt_op,
            afgerond_op=t.afgerond_op,
            doorlooptijd_uren=uren_tussen(t.aangemaakt_op, t.afgerond_op),
            overgeslagen=t.overgeslagen,
        )
        for t in taken
        if t.afgerond_op is not None
    )
    besluiten: list[EvaluatieBesluit] = []
    capaciteit: list[CapaciteitVergelijking] = []
    verslagen: list[tuple[int, str]] = []
    perioden: list[tuple[int, datetime, datetime]] = []
    beeindigd = False
    for deel in detail.deelverzoeken:
        eigen = list(deel.besluiten.all())
        besluiten.extend(
            EvaluatieBesluit(
                deel=deel.volgnummer,
                uitkomst=b.get_uitkomst_display(),
                namens=b.namens,
                organisatie=b.organisatie.naam,
                genomen_op=b.genomen_op,
                uren_na_verzoek=uren_tussen(verzoek.aangemaakt_op, b.genomen_op),
                motivering=b.motivering,
            )
            for b in eigen
        )
        versies = list(deel.inzetversies.all())
        laatste = versies[-1] if versies else None
        beeindigd = beeindigd or any(v.soort == InzetSoort.BEEINDIGD for v in versies)
        if versies and laatste is not None and laatste.soort == InzetSoort.BEEINDIGD:
            perioden.append((deel.volgnummer, versies[0].op, laatste.periode_eind))
        for regel in sorted(deel.regels.all(), key=lambda r: r.volgnummer):
            toegekend = _toegekend(eigen[-1] if eigen else None, regel)
            capaciteit.append(
                CapaciteitVergelijking(
                    deel=deel.volgnummer,
                    omschrijving=regel.omschrijving,
                    gevraagd=regel.aantal,
                    toegekend=toegekend,
                    geleverd=toegekend if laatste is not None else None,
                    inzet=laatste.capaciteit if laatste is not None else "",
                )
            )
        verslag = InzetEvaluatie.objects.filter(deelverzoek=deel).values_list("verslag", flat=True)
        verslagen.extend((deel.volgnummer, v) for v in verslag)
    besluiten.sort(key=lambda b: b.genomen_op)
    return Evaluatie(
        verzoek=verzoek,
        tijdlijn=tuple(detail.tijdlijn),
        stappen=stappen,
        besluiten=tuple(besluiten),
        capaciteit=tuple(capaciteit),
        inzet_beeindigd=beeindigd,
        evaluatieverslagen=tuple(verslagen),
        kosten=_kosten_tekst(verzoek),
        inzet_perioden=tuple(perioden),
    )


def _kosten_tekst(verzoek: Bijstandsverzoek) -> str:
    """The FNIK costs of the request's parts: estimate and actual, in euros (ADR 0041).

    ``"Kosten: niet vastgelegd"`` when no estimate or actual costs were recorded (a police or
    Ministry deployment has none: FNIK covers military assistance only).
    """
    posten = Kostenpost.objects.filter(verzoek=verzoek).order_by("deelverzoek_id", "soort")
    if not posten:
        return KOSTEN_NIET_VASTGELEGD
    som: dict[str, Decimal] = {}
    for post in posten:
        som[post.soort] = som.get(post.soort, Decimal("0")) + post.bedrag
    delen = [f"{KostenSoort(soort).label}: {euro(bedrag)}" for soort, bedrag in sorted(som.items())]
    return "Kosten (FNIK): " + "; ".join(delen)


def evaluatie_bekijken(*, verzoek: Bijstandsverzoek, door: Gebruiker) -> Evaluatie:
    """The evaluation for `door`: checks need-to-know and logs the view (``evaluatie-bekeken``).

    Raises:
        Http404: the user's organisation does not take part in the request.
    """
    access_verzoek_or_404(door, verzoek)
    audit_record(
        gebeurtenis=Gebeurtenis.EVALUATIE_BEKEKEN,
        actor=door,
        obj=verzoek,
        na={"kenmerk": verzoek.kenmerk},
    )
    return evaluatie(verzoek)


def evaluatie_zichtbaar(verzoek: Bijstandsverzoek, deelverzoeken: Sequence[Deelverzoek]) -> bool:
    """Whether the request page links to the evaluation: a deployment ended or request closed.

    `deelverzoeken` have their deployment versions prefetched (`verzoek_detail`).
    """
    if verzoek.status in (VerzoekStatus.AFGEROND, VerzoekStatus.INGETROKKEN):
        return True
    return any(v.soort == InzetSoort.BEEINDIGD for d in deelverzoeken for v in d.inzetversies.all())


# --- read resources of the API (issue #12 item 1, ADR 0047) -----------------------------------

#: Allowed ``sorteer`` values of the API's lists -> the ORDER BY (with a unique tie-breaker).
SORTERING_BESLUITEN: dict[str, tuple[str, ...]] = {
    "genomen_op": ("genomen_op", "id"),
    "-genomen_op": ("-genomen_op", "-id"),
}
SORTERING_DOCUMENTEN: dict[str, tuple[str, ...]] = {
    "aangemaakt_op": ("aangemaakt_op", "id"),
    "-aangemaakt_op": ("-aangemaakt_op", "-id"),
    "titel": ("titel", "versie", "id"),
    "-titel": ("-titel", "-versie", "-id"),
}


def _deelname_q(org_id: int) -> Exists:
    """SQL: the row's request (``verzoek_id``) has the organisation `org_id` taking part."""
    return Exists(Deelname.objects.filter(verzoek_id=OuterRef("verzoek_id"), organisatie_id=org_id))


def _begin_van_dag(dag: date) -> datetime:
    """00:00 of `dag` in Europe/Amsterdam (TIME_ZONE), as an aware datetime."""
    return timezone.make_aware(datetime.combine(dag, time.min))


def _bekeken(verzoek: Bijstandsverzoek, door: Gebruiker, via: str) -> None:
    """Log that `door` saw data of `verzoek` through the API (``verzoek-bekeken``)."""
    audit_record(
        gebeurtenis=Gebeurtenis.VERZOEK_BEKEKEN,
        actor=door,
        obj=verzoek,
        na={"kenmerk": verzoek.kenmerk, "via": via},
    )


def taken_van_verzoek_bekijken(
    *, verzoek: Bijstandsverzoek, door: Gebruiker, status: str | None = None
) -> QuerySet[Taak]:
    """Every step of a request, open and done, as the request page shows them; logged.

    Checks need-to-know as the request page and writes ``verzoek-bekeken`` (with
    ``"via": "api/taken"``), as the page does.

    Args:
        verzoek: the request (from `access_verzoek_by_uuid`).
        door: the user.
        status: only steps with this `TaakStatus` value.

    Returns:
        The steps (open, picked up, done, lapsed), oldest first, with organisation, part and
        the users loaded.

    Raises:
        Http404: the user's organisation does not take part in the request.
    """
    access_verzoek_or_404(door, verzoek)
    _bekeken(verzoek, door, "api/taken")
    qs = Taak.objects.filter(verzoek=verzoek)
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("organisatie", "deelverzoek", "opgepakt_door", "afgerond_door")
        .defer("deelverzoek__run_state")  # the engine's state: large, not shown
        .order_by("aangemaakt_op", "id")
    )


def besluit_list(
    *,
    gebruiker: Gebruiker,
    verzoek_uuid: UUID | None = None,
    uitkomst: str | None = None,
    vanaf: date | None = None,
    tot: date | None = None,
    sorteer: str = "-genomen_op",
) -> QuerySet[Besluit]:
    """The decisions on the requests in which the user's organisation takes part.

    Scoped in SQL by the same `Deelname` rule as `verzoek_list`: what the request page shows.

    Args:
        gebruiker: the user; without an active organisation the list is empty.
        verzoek_uuid: only the decisions of this request.
        uitkomst: a `BesluitUitkomst` value.
        vanaf: taken on or after this day (Europe/Amsterdam).
        tot: taken on or before this day (Europe/Amsterdam), inclusive.
        sorteer: a key of `SORTERING_BESLUITEN`.

    Raises:
        KeyError: an unknown `sorteer` (the API's filter serializer allows only the keys).
    """
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        return Besluit.objects.none()
    qs = Besluit.objects.filter(_deelname_q(org_id))
    if verzoek_uuid is not None:
        qs = qs.filter(verzoek__uuid=verzoek_uuid)
    if uitkomst:
        qs = qs.filter(uitkomst=uitkomst)
    if vanaf is not None:
        qs = qs.filter(genomen_op__gte=_begin_van_dag(vanaf))
    if tot is not None:
        qs = qs.filter(genomen_op__lt=_begin_van_dag(tot + timedelta(days=1)))
    return (
        qs.select_related("verzoek", "deelverzoek", "organisatie")
        .defer("deelverzoek__run_state")
        .order_by(*SORTERING_BESLUITEN[sorteer])
    )


def besluit_bekijken(*, gebruiker: Gebruiker, uuid: UUID) -> Besluit:
    """One decision with its lines, when the user's organisation takes part in its request.

    The view is logged as a view of the request (``verzoek-bekeken``, ``"via":
    "api/besluiten"``): the decision is part of the request page.

    Raises:
        Http404: no such decision, or outside the user's scope (the same answer).
    """
    org_id = _organisatie_id(gebruiker)
    besluit = (
        Besluit.objects.filter(_deelname_q(org_id), uuid=uuid)
        .select_related("verzoek", "deelverzoek", "organisatie")
        .defer("deelverzoek__run_state")
        .prefetch_related("regels__regel")
        .first()
        if org_id is not None
        else None
    )
    if besluit is None:
        raise Http404("Niet gevonden.")
    _bekeken(besluit.verzoek, gebruiker, "api/besluiten")
    return besluit


def document_list(
    *,
    gebruiker: Gebruiker,
    verzoek_uuid: UUID | None = None,
    soort: str | None = None,
    sorteer: str = "-aangemaakt_op",
) -> QuerySet[Document]:
    """The documents of the requests in which the user's organisation takes part.

    Args:
        gebruiker: the user; without an active organisation the list is empty.
        verzoek_uuid: only the documents of this request.
        soort: a `documenten.constants.Soort` value.
        sorteer: a key of `SORTERING_DOCUMENTEN`.
    """
    org_id = _organisatie_id(gebruiker)
    if org_id is None:
        return Document.objects.none()
    qs = Document.objects.filter(_deelname_q(org_id))
    if verzoek_uuid is not None:
        qs = qs.filter(verzoek__uuid=verzoek_uuid)
    if soort:
        qs = qs.filter(soort=soort)
    return qs.select_related("verzoek").order_by(*SORTERING_DOCUMENTEN[sorteer])


def access_document_by_uuid(gebruiker: Gebruiker, uuid: UUID) -> Document:
    """One document, when the user's organisation takes part in its request (not logged).

    Raises:
        Http404: no such document, or outside the user's scope (the same answer).
    """
    org_id = _organisatie_id(gebruiker)
    document = (
        Document.objects.filter(_deelname_q(org_id), uuid=uuid).select_related("verzoek").first()
        if org_id is not None
        else None
    )
    if document is None:
        raise Http404("Niet gevonden.")
    return document


def document_bekijken(*, gebruiker: Gebruiker, uuid: UUID) -> Document:
    """`access_document_by_uuid`, logged as a view of its request (``"via": "api/documenten"``).

    Raises:
        Http404: no such document, or outside the user's scope.
    """
    document = access_document_by_uuid(gebruiker, uuid)
    _bekeken(document.verzoek, gebruiker, "api/documenten")
    return document
