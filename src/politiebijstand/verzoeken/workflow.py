"""Glue between the procedure engine and the database: statuses, lanes, task mirror, runs.

- `OVERGANGEN` and `deelverzoek_overgang`: the only way a status changes (STYLE.md § 4).
- `lane_organisatie_codes`: a model lane (contract code) -> the concrete organisation code of
  one request (``RCCB`` -> ``RCCB-MN``).
- `run_laden` / `run_opslaan`: the run's state on the `Deelverzoek`, with an optimistic version;
  its process model once per model version in `ProcedureSpecificatie` (ADR 0051).
- `taken_synchroniseren`: the `Taak` mirror of the run's ready user tasks.

Callers (the services) hold the `Deelverzoek` row lock (``select_for_update``) and run inside
``transaction.atomic``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import F

from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures import engine
from politiebijstand.rules.politiewet_2012.bijstand_krijgsmacht import ERRATUM_OVERLEG_4
from politiebijstand.rules.versie import regels_versie as regels_versie
from politiebijstand.verzoeken.constants import (
    CENTRALE_LANES,
    TAAK_OPENSTAAND,
    DeelverzoekStatus,
    Gebeurtenis,
    Gezag,
    Handeling,
    TaakStatus,
    VerzoekStatus,
)
from politiebijstand.verzoeken.exceptions import GelijktijdigGewijzigd, OngeldigeOvergang
from politiebijstand.verzoeken.models import (
    Bijstandsverzoek,
    Deelname,
    Deelverzoek,
    ProcedureSpecificatie,
    StatusWijziging,
    Taak,
)
from politiebijstand.webhooks.services import status_gewijzigd_melden

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker

S = DeelverzoekStatus

#: Handeling -> (allowed current statuses, new status). A test walks the table both ways.
OVERGANGEN: Mapping[Handeling, tuple[frozenset[DeelverzoekStatus], DeelverzoekStatus]] = {
    # A part starts in behandeling when its run starts (verzoek_aanmaken, beroep_instellen).
    Handeling.STARTEN: (frozenset(), S.IN_BEHANDELING),
    # The decision task of the procedure (Pw 2012 art. 56 lid 4, 57 lid 2, 58 lid 2).
    Handeling.TOEKENNEN: (frozenset({S.IN_BEHANDELING}), S.TOEGEKEND),
    Handeling.DEELS_TOEKENNEN: (frozenset({S.IN_BEHANDELING}), S.DEELS_TOEGEKEND),
    Handeling.AFWIJZEN: (frozenset({S.IN_BEHANDELING}), S.AFGEWEZEN),
    # The run ended without a decision (not supported, no permission, convenant, no appeal).
    Handeling.AFSLUITEN: (frozenset({S.IN_BEHANDELING}), S.AFGESLOTEN),
    # Pw 2012 art. 56 lid 4; factsheet, toelichting 9: only procedures 1 and 6.
    Handeling.BEROEP_INSTELLEN: (frozenset({S.AFGEWEZEN, S.DEELS_TOEGEKEND}), S.IN_BEROEP),
    Handeling.NA_BEROEP_TOEGEKEND: (frozenset({S.IN_BEROEP}), S.TOEGEKEND),
    Handeling.NA_BEROEP_DEELS_TOEGEKEND: (frozenset({S.IN_BEROEP}), S.DEELS_TOEGEKEND),
    Handeling.NA_BEROEP_AFGEWEZEN: (frozenset({S.IN_BEROEP}), S.AFGEWEZEN),
    # After the decision (issue #4, item 8).
    Handeling.INZET_STARTEN: (frozenset({S.TOEGEKEND, S.DEELS_TOEGEKEND}), S.IN_INZET),
    Handeling.INZET_BEEINDIGEN: (frozenset({S.IN_INZET}), S.INZET_BEEINDIGD),
    Handeling.INZET_EVALUEREN: (frozenset({S.INZET_BEEINDIGD}), S.GEEVALUEERD),
    # Withdrawal at any step before the deployment starts (a running one is ended instead).
    Handeling.INTREKKEN: (
        frozenset({S.IN_BEHANDELING, S.TOEGEKEND, S.DEELS_TOEGEKEND, S.AFGEWEZEN, S.IN_BEROEP}),
        S.INGETROKKEN,
    ),
}

#: The decision's outcome -> the act that records it (first decision, and after appeal).
BESLUIT_HANDELING = {
    "toegekend": Handeling.TOEKENNEN,
    "deels_toegekend": Handeling.DEELS_TOEKENNEN,
    "afgewezen": Handeling.AFWIJZEN,
}
BEROEP_HANDELING = {
    "toegekend": Handeling.NA_BEROEP_TOEGEKEND,
    "deels_toegekend": Handeling.NA_BEROEP_DEELS_TOEGEKEND,
    "afgewezen": Handeling.NA_BEROEP_AFGEWEZEN,
}


def beroep_mogelijk(deelverzoek: Deelverzoek) -> bool:
    """Whether the requester may appeal the part's decision now, read from the stored state.

    The rule itself is `procedures.engine.beroep_mogelijk_na_besluit`; this reads the part's
    ``besluit`` from its status, which mirrors it (`BESLUIT_HANDELING`), so that pages and
    selectors need not load every run. Whether an appeal was already made is the caller's
    check. Bron: Pw 2012 art. 56 lid 4; factsheet, toelichting 9.
    """
    if deelverzoek.procedure_id not in engine.PROCEDURES:
        return False
    return engine.beroep_mogelijk_na_besluit(
        deelverzoek.procedure_id, _BESLUIT_VAN.get(deelverzoek.status)
    )


#: The ``besluit`` a decided part's status mirrors.
_BESLUIT_VAN: dict[str, str] = {
    DeelverzoekStatus.TOEGEKEND: "toegekend",
    DeelverzoekStatus.DEELS_TOEGEKEND: "deels_toegekend",
    DeelverzoekStatus.AFGEWEZEN: "afgewezen",
}


_LOPEND = frozenset({S.IN_BEHANDELING, S.IN_BEROEP})
_BESLOTEN = frozenset({S.TOEGEKEND, S.DEELS_TOEGEKEND, S.AFGEWEZEN})


def verzoek_status(statussen: Iterable[str]) -> VerzoekStatus:
    """The status of a request derived from the statuses of its parts (appeal parts excluded).

    In order: in behandeling while any part is (or is in appeal); else inzet loopt while a
    deployment runs; else besloten while a decided part has no deployment yet; else ingetrokken
    when every part was withdrawn; else afgerond.
    """
    alle = {S(s) for s in statussen}
    if not alle or alle & _LOPEND:
        return VerzoekStatus.IN_BEHANDELING
    if S.IN_INZET in alle:
        return VerzoekStatus.IN_INZET
    if alle & _BESLOTEN:
        return VerzoekStatus.BESLOTEN
    if alle == {S.INGETROKKEN}:
        return VerzoekStatus.INGETROKKEN
    return VerzoekStatus.AFGEROND


def deelverzoek_overgang(
    *,
    deelverzoek: Deelverzoek,
    handeling: Handeling,
    door: Gebruiker | None,
    nu: datetime,
    toelichting: str = "",
) -> None:
    """Change a part's status by `handeling`; the only function that changes a status.

    Checks `OVERGANGEN`, saves the part's status, appends a `StatusWijziging` row, writes the
    audit event ``status-gewijzigd``, and re-derives the request's status (with its own history
    row and audit event when it changes). The caller holds the part's row lock.

    Args:
        deelverzoek: the part (its `status` is read and set).
        handeling: the act.
        door: who acted; None for the system (a timer).
        nu: aware UTC datetime.
        toelichting: free text for the history (e.g. the reason of a withdrawal).

    Raises:
        OngeldigeOvergang: the act is not allowed in the part's current status.
    """
    van_toegestaan, naar = OVERGANGEN[handeling]
    van = deelverzoek.status if deelverzoek.pk and handeling != Handeling.STARTEN else ""
    if handeling != Handeling.STARTEN and van not in van_toegestaan:
        raise OngeldigeOvergang(
            f"'{handeling.value}' kan niet bij status '{DeelverzoekStatus(van).label.lower()}'",
            veld="status",
        )
    deelverzoek.status = naar
    deelverzoek.gewijzigd_op = nu
    Deelverzoek.objects.filter(pk=deelverzoek.pk).update(status=naar, gewijzigd_op=nu)
    verzoek = deelverzoek.verzoek
    StatusWijziging.objects.create(
        verzoek=verzoek,
        deelverzoek=deelverzoek,
        handeling=handeling.value,
        van=van,
        naar=naar,
        toelichting=toelichting,
        door=door,
        op=nu,
    )
    audit_record(
        gebeurtenis=Gebeurtenis.STATUS_GEWIJZIGD,
        actor=door,
        obj=deelverzoek,
        voor={"status": van},
        na={"status": str(naar), "handeling": handeling.value, "toelichting": toelichting},
    )
    if handeling != Handeling.STARTEN:  # a new part is not a change; its request is told
        _webhooks_melden(verzoek=verzoek, status=naar, oud=van, nu=nu, deelverzoek=deelverzoek)
    verzoek_status_bijwerken(verzoek=verzoek, door=door, nu=nu, handeling=handeling)


def verzoek_status_bijwerken(
    *, verzoek: Bijstandsverzoek, door: Gebruiker | None, nu: datetime, handeling: Handeling
) -> None:
    """Re-derive and store the request's status from its parts (appeals excluded)."""
    statussen = Deelverzoek.objects.filter(verzoek=verzoek, beroep_op__isnull=True).values_list(
        "status", flat=True
    )
    nieuw = verzoek_status(statussen)
    oud = verzoek.status
    if nieuw == oud:
        return
    verzoek.status = nieuw
    verzoek.gewijzigd_op = nu
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(
        status=nieuw, gewijzigd_op=nu, versie=F("versie") + 1
    )
    verzoek.versie += 1
    StatusWijziging.objects.create(
        verzoek=verzoek, handeling=handeling.value, van=oud, naar=nieuw, door=door, op=nu
    )
    audit_record(
        gebeurtenis=Gebeurtenis.STATUS_GEWIJZIGD,
        actor=door,
        obj=verzoek,
        voor={"status": oud},
        na={"status": str(nieuw)},
    )
    _webhooks_melden(verzoek=verzoek, status=nieuw, oud=oud, nu=nu)


def _webhooks_melden(
    *,
    verzoek: Bijstandsverzoek,
    status: str,
    oud: str,
    nu: datetime,
    deelverzoek: Deelverzoek | None = None,
) -> None:
    """Write the webhook deliveries of a status change, in its transaction (ADR 0050).

    The receivers are the organisations that take part in the request: the need-to-know of the
    request list (`toegang.regels.neemt_deel_aan_verzoek`).
    """
    status_gewijzigd_melden(
        verzoek=verzoek.uuid,
        kenmerk=verzoek.kenmerk,
        status=status,
        oud=oud,
        tijdstip=nu,
        organisatie_codes=verzoek.deelnemende_organisatie_codes(),
        deelverzoek=deelverzoek.volgnummer if deelverzoek is not None else None,
    )


# The rules version an advice was made with is `politiebijstand.rules.versie.regels_versie`
# (re-exported above as `workflow.regels_versie`): the value the API, the CLI and the wizard show.


# --- lanes and organisations ------------------------------------------------------------------


def lane_organisatie_codes(verzoek: Bijstandsverzoek, lanes: Iterable[str]) -> dict[str, str]:
    """The concrete organisation code of each model lane for this request.

    - ``RCCB``: the requesting unit's RCCB; ``BURGEMEESTER``: the municipality of the
      authority (or the first municipality of the request under an officier van justitie);
      ``REGIOBURGEMEESTER``: the municipality of the unit's regioburgemeester; ``OVJ``: the
      arrondissementsparket of the authority (or of the unit); ``AANVRAGER``: the authority.
    - The central bodies (`CENTRALE_LANES`): their own code.

    Needs ``verzoek.rccb``, ``bevoegd_gezag`` and ``regioburgemeester`` loaded (select_related);
    reads the municipalities or the unit's parket only when needed.

    Raises:
        LookupError: a lane that cannot be resolved for this request (e.g. a unit without a
            regioburgemeester), naming the lane.
    """
    result: dict[str, str] = {}
    for lane in lanes:
        if lane in result:
            continue
        code: str | None
        if lane in CENTRALE_LANES:
            code = lane
        elif lane == "RCCB":
            code = verzoek.rccb.code
        elif lane == "AANVRAGER":
            code = verzoek.bevoegd_gezag.code
        elif lane == "BURGEMEESTER":
            if verzoek.gezag == Gezag.BURGEMEESTER:
                code = verzoek.bevoegd_gezag.code
            else:
                code = verzoek.gemeenten.order_by("code").values_list("code", flat=True).first()
        elif lane == "REGIOBURGEMEESTER":
            code = verzoek.regioburgemeester.code if verzoek.regioburgemeester else None
        elif lane == "OVJ":
            if verzoek.gezag == Gezag.OFFICIER_VAN_JUSTITIE:
                code = verzoek.bevoegd_gezag.code
            else:
                code = (
                    Organisatie.objects.filter(
                        soort="openbaar_ministerie", eenheid_id=verzoek.eenheid_id
                    )
                    .values_list("code", flat=True)
                    .first()
                )
        else:
            code = None
        if code is None:
            raise LookupError(f"lane {lane}: geen organisatie voor verzoek {verzoek.kenmerk}")
        result[lane] = code
    return result


#: Who is sent a message when a step is done: (procedure or "*", bpmn id) -> lanes. The step's
#: own line of the factsheet names them (e.g. "RCCB verzendt het aanvraagformulier per e-mail
#: naar het LOCC"); they take part in the request (need-to-know).
BERICHT_BIJ_STAP: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("*", "taak_contact_le_pob"): ("LE-POB",),
    ("*", "taak_contact_locc"): ("LOCC",),
    ("*", "taak_vooroverleg_locc"): ("LOCC",),
    ("*", "taak_vooroverleg_ccb_kmar"): ("CCB-KMAR",),
    ("*", "taak_vooroverleg_dops_kmar"): ("DOPS-KMAR",),
    ("*", "taak_vooroverleg_ovr"): ("OVR",),
    ("*", "taak_contact_db3"): ("NCTV-DB3",),
    ("*", "taak_contact_beheersorganisatie"): ("IFV-ML",),
    ("2_waterwerper", "taak_inzet_coordineren"): ("IFV-ML", "RCCB"),
    # DB3's answer to the RCCB, "in afschrift aan de beheersorganisatie" (issue #8, item 6).
    ("2_container_vrt", "taak_inzet_toetsen"): ("RCCB", "IFV-ML"),
    ("5", "taak_verzoek_ondertekenen"): ("LOCC",),
    # The written request after an urgent phone call reaches whom the normal path's written
    # steps reach (ADR 0024).
    ("1", "taak_schriftelijk_formaliseren"): ("KORPSCHEF", "LE-POB"),
    ("6", "taak_schriftelijk_formaliseren"): ("KORPSCHEF", "LE-POB"),
    ("2_waterwerper", "taak_schriftelijk_formaliseren"): ("LOCC",),
    ("3", "taak_schriftelijk_formaliseren"): ("LOCC",),
    ("4", "taak_schriftelijk_formaliseren"): ("LOCC",),
    ("5", "taak_schriftelijk_formaliseren"): ("LOCC",),
    ("7", "taak_schriftelijk_formaliseren"): ("PARKET-GENERAAL", "OZI"),
    ("8", "taak_schriftelijk_formaliseren"): ("PARKET-GENERAAL", "OZI"),
    ("1", "taak_verzoek_indienen"): ("KORPSCHEF",),
    ("6", "taak_verzoek_indienen"): ("KORPSCHEF",),
    ("1", "taak_aanvraagformulier_verzenden"): ("LE-POB",),
    ("6", "taak_aanvraagformulier_verzenden"): ("LE-POB",),
    ("2_waterwerper", "taak_aanvraagformulier_verzenden"): ("LOCC",),
    ("2_waterwerper", "taak_aanvraagformulier_oefening_verzenden"): ("LOCC",),
    ("3", "taak_aanvraagformulier_verzenden"): ("LOCC",),
    ("4", "taak_aanvraagformulier_verzenden"): ("LOCC",),
    ("*", "taak_bijstand_coordineren"): ("RCCB",),
    ("*", "taak_locc_informeren"): ("LOCC",),
    ("3", "taak_korpschef_informeren"): ("LE-POB", "KORPSCHEF"),
    ("4", "taak_korpschef_informeren"): ("LE-POB", "KORPSCHEF"),
    ("7", "taak_korpschef_informeren"): ("KORPSCHEF",),
    # One action: the request to DJZ (and DOPS-KMar) with its copy to the DOC, "tegelijkertijd
    # in afschrift" (factsheet, toelichting 3, 4, 7 and 8; issue #10, item 3).
    ("3", "taak_verzoek_defensie"): ("DJZ", "DOPS-KMAR", "DOC"),
    ("7", "taak_verzoek_defensie"): ("DJZ", "DOPS-KMAR", "DOC"),
    ("4", "taak_verzoek_defensie"): ("DJZ", "DOC"),
    ("8", "taak_verzoek_defensie"): ("DJZ", "DOC"),
    # Runs started before that keep the three tasks of their embedded model (ADR 0035).
    ("*", "taak_verzoek_djz"): ("DJZ",),
    ("*", "taak_verzoek_dops_kmar"): ("DOPS-KMAR",),
    ("*", "taak_afschrift_doc"): ("DOC",),
    ("*", "taak_advies_djz"): ("SG-DEFENSIE",),
    ("*", "taak_advies_c_kmar"): ("SG-DEFENSIE",),
    ("3", "taak_standpunt_defensie"): ("LOCC",),
    ("4", "taak_besluit_defensie_informeren"): ("LOCC",),
    ("8", "taak_besluit_defensie_informeren"): ("OZI",),
    ("3", "taak_rccb_informeren"): ("RCCB", "CCB-KMAR"),
    ("4", "taak_rccb_informeren"): ("RCCB",),
    ("4", "taak_toestemming_geven"): ("RCCB", "LOCC"),
    ("4", "taak_uitputting_toetsen"): ("RCCB", "AANVRAGER"),
    ("8", "taak_uitputting_toetsen"): ("RCCB", "AANVRAGER"),
    ("8", "taak_rccb_locc_informeren"): ("RCCB", "LOCC"),
    ("8", "taak_korpsleiding_informeren"): ("KORPSCHEF",),
    ("*", "taak_aanvraag_parket_generaal"): ("PARKET-GENERAAL",),
    ("*", "taak_aanvraag_doorgeleiden"): ("OZI",),
    ("7", "taak_le_pob_informeren"): ("LE-POB",),
    ("9", "taak_le_pob_informeren"): ("LE-POB",),
    # The written rejection of 1 and 6 (to the requester, copy to DGPOL) has messages of its
    # own with the reasons (`services.besluiten.afwijzing_berichten`, ADR-0022).
    ("9", "taak_advies_dgpol"): ("MINISTER-JENV",),
    ("9", "taak_besluit_minister"): ("KORPSCHEF",),
}


def bericht_lanes(procedure_id: str, bpmn_id: str) -> tuple[str, ...]:
    """The lanes that receive a message when step `bpmn_id` of `procedure_id` is done."""
    return BERICHT_BIJ_STAP.get((procedure_id, bpmn_id), BERICHT_BIJ_STAP.get(("*", bpmn_id), ()))


def model_taken(run: engine.Run) -> list[tuple[str, str]]:
    """(bpmn id, lane) of every user task in the run's process model, in model order."""
    specs = run.workflow.spec.task_specs.values()
    return sorted(
        {(s.bpmn_id, s.lane) for s in specs if getattr(s, "manual", False) and s.lane},
    )


def deelnemende_lanes(run: engine.Run, startgegevens: Mapping[str, Any]) -> set[str]:
    """The lanes that take part in a run: every lane of the model, plus the message receivers.

    The regioburgemeester takes part only when asked: the zienswijze (procedures 1 and 6,
    ``zienswijze_vereist``) or the signature as primus inter pares (3 and 4,
    ``indiener == "regioburgemeester"``). Factsheet, toelichting 1, 3, 4, 6.
    """
    lanes: set[str] = set()
    for bpmn_id, lane in model_taken(run):
        lanes.add(lane)
        lanes.update(bericht_lanes(run.procedure_id, bpmn_id))
    regio = bool(startgegevens.get("zienswijze_vereist")) or (
        startgegevens.get("indiener") == "regioburgemeester"
    )
    if not regio:
        lanes.discard("REGIOBURGEMEESTER")
    return lanes


def deelnemers_toevoegen(*, verzoek: Bijstandsverzoek, codes: Iterable[str]) -> list[str]:
    """Add organisations to the request's participants (idempotent); returns the added codes."""
    wanted = set(codes)
    bestaand = set(
        Deelname.objects.filter(verzoek=verzoek).values_list("organisatie__code", flat=True)
    )
    nieuw = sorted(wanted - bestaand)
    if nieuw:
        organisaties = Organisatie.objects.filter(code__in=nieuw).only("id", "code")
        Deelname.objects.bulk_create(
            [Deelname(verzoek=verzoek, organisatie=o) for o in organisaties]
        )
        verzoek.__dict__.pop("_deelnemer_codes", None)
    return nieuw


# --- runs -------------------------------------------------------------------------------------


def run_laden(deelverzoek: Deelverzoek) -> engine.Run:
    """The part's procedure run: its stored state joined with the model of its version.

    The run continues on the model version it started on (`Deelverzoek.specificatie`), even
    after the BPMN file changed (ADR 0051).
    """
    if Deelverzoek.specificatie.is_cached(deelverzoek):
        spec = deelverzoek.specificatie.spec
    else:  # only the model, not the BPMN text
        spec = ProcedureSpecificatie.objects.values_list("spec", flat=True).get(
            pk=deelverzoek.specificatie_id
        )
    return engine.deserialize_parts(deelverzoek.run_state, spec)


def specificatie_voor(run: engine.Run, *, nu: datetime) -> ProcedureSpecificatie:
    """The stored process model of the run's model version; stored now if it is new.

    Stores the BPMN file's text with it when the file is still at that version (for the
    diagram), else leaves it empty. ``nu`` (aware, UTC) is the creation time of a new row.
    """
    bestaand = ProcedureSpecificatie.objects.filter(model_versie=run.model_version).first()
    if bestaand is not None:
        return bestaand
    spec, _state = engine.serialize_parts(run)
    specificatie, _nieuw = ProcedureSpecificatie.objects.get_or_create(
        model_versie=run.model_version,
        defaults={
            "procedure_id": run.procedure_id,
            "spec": spec,
            "bpmn": engine.bpmn_source(run.procedure_id, run.model_version) or "",
            "aangemaakt_op": nu,
        },
    )
    return specificatie


def run_velden(run: engine.Run, *, nu: datetime) -> dict[str, Any]:
    """The fields of a new `Deelverzoek` that hold its run, for ``Deelverzoek(**...)``.

    Shape: ``{"run_state", "specificatie", "model_versie", "run_afgerond", "volgende_timer"}``.
    """
    return {
        "run_state": engine.serialize_state(run),
        "specificatie": specificatie_voor(run, nu=nu),
        "model_versie": run.model_version,
        "run_afgerond": engine.is_finished(run),
        "volgende_timer": engine.next_timer_due(run),
    }


def run_opslaan(*, deelverzoek: Deelverzoek, run: engine.Run, nu: datetime) -> None:
    """Store the run on the part, with the optimistic version check.

    Updates `run_state`, `run_afgerond`, `volgende_timer` and increments `versie` only where the
    stored version is still the one that was read.

    Raises:
        GelijktijdigGewijzigd: the row's version moved on (someone else stored the run).
    """
    state = engine.serialize_state(run)
    afgerond = engine.is_finished(run)
    timer = engine.next_timer_due(run)
    updated = Deelverzoek.objects.filter(pk=deelverzoek.pk, versie=deelverzoek.versie).update(
        run_state=state,
        run_afgerond=afgerond,
        volgende_timer=timer,
        versie=F("versie") + 1,
        gewijzigd_op=nu,
    )
    if updated != 1:
        raise GelijktijdigGewijzigd(
            "Iemand anders heeft deze procedure tegelijk gewijzigd; er is niets opgeslagen. "
            "Laad de pagina opnieuw."
        )
    deelverzoek.run_state = state
    deelverzoek.run_afgerond = afgerond
    deelverzoek.volgende_timer = timer
    deelverzoek.versie += 1
    deelverzoek.gewijzigd_op = nu


def _taak_organisatie_code(taak: engine.ReadyTask, codes: Mapping[str, str]) -> str:
    """Who does `taak`: a burgemeester's task per municipality goes to that municipality.

    Contract, interpretation 12: each municipality's form is signed by its own burgemeester
    (Pw 2012 art. 56 lid 1); every other task goes to the organisation its lane resolves to.
    """
    if taak.gemeente and taak.lane == "BURGEMEESTER":
        return taak.gemeente
    return codes[taak.lane]


def _taaknaam(taak: engine.ReadyTask, organisaties: Mapping[str, Organisatie]) -> str:
    """The task's label; a task per municipality names its municipality (``"... — Wassenaar"``)."""
    if not taak.gemeente:
        return taak.name
    return f"{taak.name} — {organisaties[taak.gemeente].afkorting}"[:200]


@dataclass
class Synchronisatie:
    """What `taken_synchroniseren` changed: new tasks, and tasks that are no longer ready."""

    nieuw: list[Taak] = field(default_factory=list)
    vervallen: list[Taak] = field(default_factory=list)


def taken_synchroniseren(
    *, deelverzoek: Deelverzoek, run: engine.Run, nu: datetime
) -> Synchronisatie:
    """Mirror the run's ready user tasks in `Taak`, in the caller's transaction.

    New ready tasks get a row (status open) for the organisation their lane resolves to;
    open rows whose task is no longer ready become vervallen (e.g. cancelled by a timer or a
    withdrawal); the due time of open rows follows the run. Rows completed by
    `taak_afronden` are already afgerond and are left alone.
    """
    verzoek = deelverzoek.verzoek
    ready = engine.ready_tasks(run)
    open_rows = {
        t.engine_task_id: t
        for t in Taak.objects.filter(deelverzoek=deelverzoek, status__in=TAAK_OPENSTAAND)
    }
    ready_ids = {t.task_id for t in ready}
    result = Synchronisatie()
    vervallen = [row for tid, row in open_rows.items() if tid not in ready_ids]
    if vervallen:
        Taak.objects.filter(pk__in=[r.pk for r in vervallen]).update(
            status=TaakStatus.VERVALLEN, afgerond_op=nu
        )
        for row in vervallen:
            row.status = TaakStatus.VERVALLEN
            row.afgerond_op = nu
        result.vervallen = vervallen
    nieuw = [t for t in ready if t.task_id not in open_rows]
    for t in ready:
        bestaand = open_rows.get(t.task_id)
        if bestaand is not None and bestaand.due != t.due:
            bestaand.due = t.due
            Taak.objects.filter(pk=bestaand.pk).update(due=t.due)
    if nieuw:
        codes = lane_organisatie_codes(verzoek, {t.lane for t in nieuw})
        gemeenten = {t.gemeente for t in nieuw if t.gemeente}
        organisaties = {
            o.code: o for o in Organisatie.objects.filter(code__in={*codes.values(), *gemeenten})
        }
        if missend := sorted(gemeenten - organisaties.keys()):
            raise LookupError(f"gemeenten: onbekende organisatie(s) {', '.join(missend)}")
        rows = [
            Taak(
                verzoek=verzoek,
                deelverzoek=deelverzoek,
                engine_task_id=t.task_id,
                bpmn_id=t.bpmn_id,
                naam=_taaknaam(t, organisaties),
                documentatie=t.documentation,
                bpmn_lane=t.lane,
                organisatie=organisaties[_taak_organisatie_code(t, codes)],
                gemeente=organisaties[t.gemeente] if t.gemeente else None,
                rol_vereist="besluitvormer" if is_besluit(t.velden) else "",
                is_besluit=is_besluit(t.velden),
                optioneel=t.optioneel,
                velden={k: dict(v) for k, v in t.velden.items()},
                due=t.due,
                status=TaakStatus.OPEN,
                spoed=verzoek.spoed,
                procedure_id=deelverzoek.procedure_id,
                eenheid_id=verzoek.eenheid_id,
                aangemaakt_op=nu,
            )
            for t in nieuw
        ]
        Taak.objects.bulk_create(rows)
        if any(r.pk is None for r in rows):  # pragma: no cover - backends without RETURNING
            rows = list(
                Taak.objects.filter(
                    deelverzoek=deelverzoek, engine_task_id__in=[t.task_id for t in nieuw]
                )
            )
        deelnemers_toevoegen(verzoek=verzoek, codes=[r.organisatie.code for r in rows])
        result.nieuw = rows
    return result


#: The fields of a step that take a decision (`Besluit.veld`).
BESLUIT_VELDEN = ("besluit", "besluit_defensie")


def is_besluit(velden: Mapping[str, Any]) -> bool:
    """Whether a step with these fields takes a decision (``besluit`` or ``besluit_defensie``)."""
    return any(v in velden for v in BESLUIT_VELDEN)


def besluit_veld(velden: Mapping[str, Any]) -> str:
    """The decision field of a decision step."""
    for v in BESLUIT_VELDEN:
        if v in velden:
            return v
    raise KeyError("geen besluitveld")


# --- on whose behalf a decision is taken ------------------------------------------------------

MINISTER_JENV = "de Minister van Justitie en Veiligheid"
MINISTER_DEFENSIE = "de Minister van Defensie"

#: (procedure, decision field) -> (namens text, legal basis). The factsheet's own words,
#: with the ministry's present name (Justitie en Veiligheid, "Veiligheid en Justitie" in the
#: factsheet).
NAMENS: Mapping[tuple[str, str], tuple[str, str]] = {
    ("1", "besluit"): ("namens de korpschef van politie", "Politiewet 2012 art. 56 lid 1"),
    ("6", "besluit"): ("namens de korpschef van politie", "Politiewet 2012 art. 56 lid 2"),
    ("2_waterwerper", "besluit"): (f"namens {MINISTER_JENV}", "factsheet, toelichting 2"),
    ("2_container_vrt", "besluit"): (f"namens {MINISTER_JENV}", "factsheet, toelichting 2"),
    ("3", "besluit"): (
        f"namens {MINISTER_JENV}, na overleg met {MINISTER_DEFENSIE} (of) en in overeenstemming "
        f"met {MINISTER_DEFENSIE} (op welke wijze)",
        "Politiewet 2012 art. 57 lid 2 en 3",
    ),
    ("4", "besluit_defensie"): (f"namens {MINISTER_DEFENSIE}", "Politiewet 2012 art. 58 lid 2"),
    ("4", "besluit"): (
        f"namens {MINISTER_JENV}, in overeenstemming met {MINISTER_DEFENSIE}",
        "Politiewet 2012 art. 58 lid 1 en 2",
    ),
    ("5", "besluit"): (f"namens {MINISTER_JENV}", "factsheet, toelichting 5"),
    ("7", "besluit"): (
        f"namens {MINISTER_JENV}, na overleg met {MINISTER_DEFENSIE} (of) en in overeenstemming "
        f"met {MINISTER_DEFENSIE} (op welke wijze)",
        "Politiewet 2012 art. 57 lid 2 en 3",
    ),
    ("8", "besluit_defensie"): (f"namens {MINISTER_DEFENSIE}", "Politiewet 2012 art. 58 lid 2"),
    ("8", "besluit"): (
        f"namens {MINISTER_JENV}, in overeenstemming met {MINISTER_DEFENSIE}",
        "Politiewet 2012 art. 58 lid 1 en 2",
    ),
    ("9", "besluit"): (f"namens {MINISTER_JENV}", "Politiewet 2012 art. 56 lid 4"),
}


def namens_voor(procedure_id: str, veld: str) -> tuple[str, str]:
    """The `namens` text and legal basis of a decision in a procedure.

    Bron: factsheet, toelichting 1 to 9 ("Namens de Minister van Veiligheid en Justitie en na
    overleg met de Minister van Defensie (DJZ) bepaalt het LOCC ..."); Pw 2012 art. 56-58.

    Raises:
        KeyError: a procedure or field that takes no decision.
    """
    return NAMENS[(procedure_id, veld)]


_MAATSTAF_57 = (
    "Pw 2012 art. 57 lid 2: of bijstand wordt verleend, beslist de Minister van Justitie en "
    "Veiligheid na overleg met de Minister van Defensie. Art. 57 lid 3: op welke wijze, in "
    "overeenstemming met de Minister van Defensie; zonder overeenstemming alleen afwijzen."
)
_MAATSTAF_58 = (
    "Pw 2012 art. 58 lid 2: op welke wijze bijstand wordt verleend, beslist de Minister van "
    "Justitie en Veiligheid in overeenstemming met de Minister van Defensie; zonder "
    "overeenstemming alleen afwijzen. Een afwijzing door DJZ namens de Minister van Defensie "
    "bindt (factsheet, toelichting 4 en 8)."
)

#: (procedure, decision field) -> the legal standard of the decision towards Defence.
MAATSTAF_DEFENSIE: Mapping[tuple[str, str], str] = {
    ("3", "besluit"): _MAATSTAF_57,
    ("7", "besluit"): _MAATSTAF_57,
    ("4", "besluit"): _MAATSTAF_58,
    ("8", "besluit"): _MAATSTAF_58,
}

#: (procedure, decision field) -> an erratum of the factsheet the decision page shows.
ERRATA_BESLUIT: Mapping[tuple[str, str], str] = {("4", "besluit"): ERRATUM_OVERLEG_4}


def maatstaf_defensie(procedure_id: str, veld: str) -> str:
    """The legal standard towards Defence of a decision in 3, 4, 7 or 8; empty otherwise.

    Bron: Pw 2012 art. 57 lid 2 ("na overleg": whether), art. 57 lid 3 and art. 58 lid 2 ("in
    overeenstemming": how).
    """
    return MAATSTAF_DEFENSIE.get((procedure_id, veld), "")


def erratum_besluit(procedure_id: str, veld: str) -> str:
    """The factsheet's erratum that a decision's page shows (procedure 4), or empty."""
    return ERRATA_BESLUIT.get((procedure_id, veld), "")
