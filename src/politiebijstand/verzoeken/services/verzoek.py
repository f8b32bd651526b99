"""Services of the bijstandsverzoek: every write goes through here (issue #4).

Each service takes keyword-only arguments, runs in one transaction, writes its audit event
(`audit.services.audit_record`) and its outbox messages (`meldingen.services.bericht_schrijven`)
in that transaction, and raises a `verzoeken.exceptions.VerzoekFout` with a Dutch message and
the offending field when it refuses; then nothing was changed.

Concurrency: a service that advances a procedure run locks the part's row
(``select_for_update``), re-reads the task under the lock and checks it is still open, and stores
the run with an optimistic version check (`workflow.run_opslaan`). Two people completing the same
task at once: one succeeds, the other gets `TaakNietOpen`.

Times: ``nu`` is an aware datetime (UTC), injected for tests; default the current time.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from politiebijstand.audit.services import audit_record
from politiebijstand.meldingen.services import bericht_schrijven
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures import engine
from politiebijstand.rules import (
    AdviesUitkomst,
    OngeldigeSituatie,
    Route,
    Situatie,
    Zienswijze,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.toegang.regels import TAAK_UITVOEREN, mag, organisatie_code
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    TAAK_OPENSTAAND,
    BesluitUitkomst,
    DeelverzoekStatus,
    Gebeurtenis,
    Gezag,
    Handeling,
    InzetSoort,
    RegelUitkomst,
    TaakStatus,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    OngeldigeInvoer,
    OngeldigeOvergang,
    TaakNietOpen,
)
from politiebijstand.verzoeken.models import (
    Besluit,
    BesluitRegel,
    Bijstandsverzoek,
    Deelverzoek,
    GevraagdeInzet,
    InzetEvaluatie,
    InzetVersie,
    Taak,
    TelefonischContact,
    verzoek_snapshot,
)

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker

#: The step of the urgent path recorded by `telefonisch_contact_vastleggen`.
TELEFOON_STAP = "taak_telefonisch_contact_vastgelegd"


# --- input shapes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class InzetRegel:
    """One requested line when making a request.

    Attributes:
        omschrijving: what is asked, e.g. ``"ME-peloton"``.
        aantal: how many, or None (e.g. for a desired effect).
        deel: the part (1-based, in the order of the allowed routes of the advice).
    """

    omschrijving: str
    aantal: int | None = None
    deel: int = 1


@dataclass(frozen=True)
class RegelBesluit:
    """The decision on one requested line (`GevraagdeInzet`), for `besluit_nemen`.

    Attributes:
        regel_id: primary key of the `GevraagdeInzet` of the decided part.
        uitkomst: ``"toegekend"`` or ``"afgewezen"``.
        toegekend_aantal: for a line with an `aantal`: how many are granted (0 < n <= aantal);
            None grants the full number (toegekend) or none (afgewezen).
        toelichting: optional reason for this line.
    """

    regel_id: int
    uitkomst: str
    toegekend_aantal: int | None = None
    toelichting: str = ""


# --- helpers ----------------------------------------------------------------------------------


def _nu(nu: datetime | None) -> datetime:
    if nu is None:
        return timezone.now()
    if nu.tzinfo is None or nu.utcoffset() is None:
        raise OngeldigeInvoer("een tijdstip met tijdzone is vereist", veld="nu")
    return nu.astimezone(UTC)


def _aware(waarde: Any, veld: str) -> datetime:
    if not isinstance(waarde, datetime):
        raise OngeldigeInvoer("een datum en tijd is vereist", veld=veld)
    if waarde.tzinfo is None or waarde.utcoffset() is None:
        raise OngeldigeInvoer("een datum en tijd met tijdzone is vereist", veld=veld)
    return waarde.astimezone(UTC)


def _tekst(waarde: Any, veld: str, *, verplicht: bool = True, max_length: int = 0) -> str:
    if waarde is None:
        waarde = ""
    if not isinstance(waarde, str):
        raise OngeldigeInvoer("tekst verwacht", veld=veld)
    tekst: str = waarde.strip()
    if verplicht and not tekst:
        raise OngeldigeInvoer("is verplicht", veld=veld)
    if max_length and len(tekst) > max_length:
        raise OngeldigeInvoer(f"mag ten hoogste {max_length} tekens lang zijn", veld=veld)
    return tekst


def _actieve_organisatie(door: Gebruiker) -> Organisatie:
    if organisatie_code(door) is None or door.organisatie is None:
        raise GeenToegang("U hebt geen actieve organisatie en kunt dit niet doen.")
    return door.organisatie


def _lock_deelverzoek(deelverzoek_id: int) -> Deelverzoek:
    return (
        Deelverzoek.objects.select_for_update(of=("self",))
        .select_related(
            "verzoek",
            "verzoek__rccb",
            "verzoek__bevoegd_gezag",
            "verzoek__regioburgemeester",
        )
        .get(pk=deelverzoek_id)
    )


def _taak_onder_slot(taak: Taak) -> tuple[Deelverzoek, Taak]:
    """Lock the task's part, then re-read the task: the state every check must use."""
    deelverzoek = _lock_deelverzoek(taak.deelverzoek_id)
    verse = Taak.objects.select_related("organisatie", "opgepakt_door", "afgerond_door").get(
        pk=taak.pk
    )
    verse.deelverzoek = deelverzoek
    verse.verzoek = deelverzoek.verzoek
    return deelverzoek, verse


def _naam(gebruiker: Gebruiker | None) -> str:
    if gebruiker is None:
        return "een ander"
    return gebruiker.get_full_name() or gebruiker.get_username()


def _controleer_open(taak: Taak, door: Gebruiker) -> None:
    if taak.status == TaakStatus.AFGEROND:
        wanneer = (
            f" op {timezone.localtime(taak.afgerond_op):%d-%m-%Y %H:%M}" if taak.afgerond_op else ""
        )
        raise TaakNietOpen(
            f"Deze taak is al afgerond door {_naam(taak.afgerond_door)}{wanneer}. "
            "Er is niets gewijzigd.",
            veld="taak",
        )
    if taak.status == TaakStatus.VERVALLEN:
        raise TaakNietOpen(
            "Deze taak is vervallen (ingetrokken verzoek of verlopen termijn). "
            "Er is niets gewijzigd.",
            veld="taak",
        )
    if taak.status == TaakStatus.OPGEPAKT and taak.opgepakt_door_id not in (None, door.pk):
        raise TaakNietOpen(
            f"Deze taak is opgepakt door {_naam(taak.opgepakt_door)}. Er is niets gewijzigd.",
            veld="taak",
        )


def _controleer_mag_uitvoeren(taak: Taak, door: Gebruiker) -> None:
    if not mag(TAAK_UITVOEREN, door, taak):
        if taak.is_besluit and organisatie_code(door) == taak.organisatie.code:
            if not door.is_besluitvormer:
                raise GeenToegang(
                    "Alleen een besluitvormer van uw organisatie kan dit besluit nemen."
                )
            raise GeenToegang(
                "U hebt dit verzoek zelf aangevraagd en kunt er daarom niet over besluiten."
            )
        raise GeenToegang("Deze taak hoort niet bij uw organisatie.")


def _taak_snapshot(taak: Taak) -> dict[str, Any]:
    return {
        "taak": taak.pk,
        "bpmn_id": taak.bpmn_id,
        "status": taak.status,
        "organisatie": taak.organisatie.code,
        "opgepakt_door": taak.opgepakt_door_id,
    }


def _controleer_velden(taak: Taak, data: Mapping[str, Any]) -> dict[str, Any]:
    """Check `data` against the task's fields, with Dutch messages naming the field."""
    if not isinstance(data, Mapping):
        raise OngeldigeInvoer("de gegevens van de stap moeten een object zijn", veld="data")
    record = dict(data)
    if record.get("overgeslagen"):
        if not taak.optioneel:
            raise OngeldigeInvoer(
                f"de stap '{taak.naam}' is niet optioneel en kan niet worden overgeslagen",
                veld="overgeslagen",
            )
        record["reden"] = _tekst(record.get("reden"), "reden")
        return record
    for naam, spec in taak.velden.items():
        if naam not in record:
            raise OngeldigeInvoer(f"verplicht veld van de stap '{taak.naam}'", veld=naam)
        waarde = record[naam]
        if spec.get("soort") == "ja_nee" and not isinstance(waarde, bool):
            raise OngeldigeInvoer("kies ja of nee", veld=naam)
        if spec.get("soort") == "keuze" and waarde not in spec.get("waarden", ()):
            toegestaan = ", ".join(spec.get("waarden", ()))
            raise OngeldigeInvoer(f"kies een van: {toegestaan}", veld=naam)
    return record


def _berichten_nieuwe_taken(nieuw: Sequence[Taak], nu: datetime) -> None:
    for taak in nieuw:
        verzoek = taak.verzoek
        due = (
            f"\nUiterlijk gereed: {timezone.localtime(taak.due):%d-%m-%Y %H:%M}."
            if taak.due
            else ""
        )
        bericht_schrijven(
            soort="taak-klaargezet",
            ontvangers=[taak.organisatie],
            onderwerp=f"{verzoek.kenmerk}: nieuwe taak '{taak.naam}'",
            inhoud=(
                f"Voor bijstandsverzoek {verzoek.kenmerk} ({verzoek.titel}) staat een taak voor "
                f"uw organisatie klaar: {taak.naam}.{due}\n\n{taak.documentatie}"
            ),
            obj=taak,
            nu=nu,
        )


def _berichten_stap(taak: Taak, nu: datetime) -> None:
    """The message that a completed step sends ("RCCB verzendt ... naar het LOCC")."""
    lanes = workflow.bericht_lanes(taak.deelverzoek.procedure_id, taak.bpmn_id)
    if not lanes or taak.overgeslagen:
        return
    codes = workflow.lane_organisatie_codes(taak.verzoek, lanes)
    ontvangers = list(Organisatie.objects.filter(code__in=set(codes.values())))
    verzoek = taak.verzoek
    bericht_schrijven(
        soort="stap-afgerond",
        ontvangers=ontvangers,
        onderwerp=f"{verzoek.kenmerk}: {taak.naam}",
        inhoud=(
            f"{taak.organisatie.naam} heeft de stap '{taak.naam}' van bijstandsverzoek "
            f"{verzoek.kenmerk} ({verzoek.titel}) afgerond.\n\n{taak.documentatie}"
        ),
        obj=taak,
        nu=nu,
    )


def _timer_plannen_na_commit(deelverzoek: Deelverzoek) -> None:
    if deelverzoek.volgende_timer is None:
        return
    pk, eta = deelverzoek.pk, deelverzoek.volgende_timer

    def plannen() -> None:
        from politiebijstand.verzoeken.tasks import timer_verwerken_task

        timer_verwerken_task.schedule(args=(pk,), eta=eta)

    transaction.on_commit(plannen)


def _na_engine_stap(
    *, deelverzoek: Deelverzoek, run: engine.Run, door: Gebruiker | None, nu: datetime
) -> workflow.Synchronisatie:
    """After every engine change: store the run, mirror its tasks, close a finished run."""
    workflow.run_opslaan(deelverzoek=deelverzoek, run=run, nu=nu)
    sync = workflow.taken_synchroniseren(deelverzoek=deelverzoek, run=run, nu=nu)
    _berichten_nieuwe_taken(sync.nieuw, nu)
    if engine.is_finished(run) and deelverzoek.status == DeelverzoekStatus.IN_BEHANDELING:
        eind = ", ".join(engine.reached_end_events(run))
        workflow.deelverzoek_overgang(
            deelverzoek=deelverzoek,
            handeling=Handeling.AFSLUITEN,
            door=door,
            nu=nu,
            toelichting=f"procedure beëindigd zonder besluit ({eind})",
        )
        if deelverzoek.beroep_op_id is not None:
            _beroep_zonder_besluit_afronden(deelverzoek=deelverzoek, door=door, nu=nu)
    _timer_plannen_na_commit(deelverzoek)
    return sync


def _beroep_zonder_besluit_afronden(
    *, deelverzoek: Deelverzoek, door: Gebruiker | None, nu: datetime
) -> None:
    """No appeal after all (or none decided): the appealed part returns to its decision."""
    ouder = _lock_deelverzoek(deelverzoek.beroep_op_id or 0)
    if ouder.status != DeelverzoekStatus.IN_BEROEP:
        return
    workflow.deelverzoek_overgang(
        deelverzoek=ouder,
        handeling=workflow.BEROEP_HANDELING[ouder.besluit or "afgewezen"],
        door=door,
        nu=nu,
        toelichting="geen beroep ingesteld",
    )


# --- the request ------------------------------------------------------------------------------


def _startgegevens(procedure: engine.Procedure, route: Route, situatie: Situatie) -> dict[str, Any]:
    data: dict[str, Any] = {
        "spoed": situatie.spoed,
        "formalisatie_termijn": settings.FORMALISATIE_TERMIJN,
    }
    if procedure.id in ("1", "6"):
        data["zienswijze_vereist"] = route.zienswijze_regioburgemeester == Zienswijze.VEREIST
    if procedure.id in ("3", "4") and route.indiener is not None:
        data["indiener"] = route.indiener.value
    if procedure.id == "2_waterwerper":
        data["oefening"] = any(
            g.oefening for g in situatie.gevraagd if (g.middel or "") == (route.middel or "")
        )
    if procedure.id == "8":
        data["convenant"] = situatie.convenant
    return data


def _eenheid_van_rccb(organisatie: Organisatie) -> Organisatie:
    eenheid = organisatie.parent
    if (
        not organisatie.code.startswith("RCCB-")
        or eenheid is None
        or not eenheid.code.startswith("EENHEID-")
    ):
        raise GeenToegang("Alleen het RCCB van een eenheid kan een bijstandsverzoek aanmaken.")
    return eenheid


@transaction.atomic
def verzoek_aanmaken(
    *,
    situatie: Mapping[str, Any],
    titel: str,
    bevoegd_gezag: Organisatie,
    periode_start: datetime,
    periode_eind: datetime,
    locatie: str,
    door: Gebruiker,
    omschrijving: str = "",
    gemeenten: Sequence[Organisatie] = (),
    gevraagde_capaciteit: str = "",
    gewenst_effect: str = "",
    regels: Sequence[InzetRegel] = (),
    nu: datetime | None = None,
) -> Bijstandsverzoek:
    """Make a request from the advice for `situatie`, by the requesting unit's RCCB.

    Determines the advice (`rules.advies_bepalen`), and starts one part per allowed route with
    its procedure (``rechtshulp`` has no procedure here and is left out). The start data of
    each run come from the advice: ``spoed``; ``formalisatie_termijn`` (setting
    ``FORMALISATIE_TERMIJN``, default 24 hours); ``zienswijze_vereist`` (1 and 6);
    ``indiener`` (3 and 4); ``oefening`` (water cannon); ``convenant`` (8). The ready tasks are
    mirrored, their organisations told (outbox), and the participants stored.

    Args:
        situatie: the contract's Situatie as a JSON object (validated here).
        titel: short description, at most 200 characters.
        bevoegd_gezag: the requesting authority: the municipality (burgemeester) when the
            advice's gezag is the burgemeester, the arrondissementsparket (officier van justitie)
            otherwise; in the unit of the RCCB.
        periode_start: aware datetime, the start of the requested deployment (stored UTC).
        periode_eind: aware datetime after `periode_start`.
        locatie: where (at most 300 characters).
        door: a user of an RCCB of a unit (``RCCB-MN``); becomes `aangevraagd_door`.
        omschrijving: the request in words.
        gemeenten: municipalities of the deployment, in the unit; the burgemeester's own
            municipality is added when missing.
        gevraagde_capaciteit: in words; this, `gewenst_effect` or `regels` is required.
        gewenst_effect: the desired effect, in words.
        regels: the requested lines per part (`InzetRegel.deel`).
        nu: aware datetime of creation (default now).

    Returns:
        The request, with status in_behandeling.

    Raises:
        GeenToegang: `door` is not of a unit's RCCB.
        OngeldigeInvoer: invalid situation (``veld`` is ``situatie.<path>``), an advice without
            an allowed route, a wrong authority or municipality, an invalid period, or a missing
            text; nothing is stored.

    Bron: factsheet, "Procedures en bereikbaarheid" and toelichting 1 to 8; Pw 2012 art. 56-58.
    """
    nu = _nu(nu)
    rccb = _actieve_organisatie(door)
    eenheid = _eenheid_van_rccb(rccb)
    try:
        sit = situatie_from_dict(situatie)
    except OngeldigeSituatie as exc:
        veld = getattr(exc, "veld", "") or getattr(exc, "field", "")
        raise OngeldigeInvoer(str(exc), veld=f"situatie.{veld}" if veld else "situatie") from exc
    advies = advies_bepalen(sit)
    if advies.uitkomst != AdviesUitkomst.BIJSTAND:
        raise OngeldigeInvoer(
            f"het advies is '{advies.uitkomst.value}': daarvoor is geen bijstandsverzoek nodig "
            "of mogelijk",
            veld="situatie",
        )
    routes = [r for r in advies.routes if r.toegestaan and r.procedure != "rechtshulp"]
    if not routes:
        raise OngeldigeInvoer(
            "het advies heeft geen toegestane route; pas de situatie aan", veld="situatie"
        )
    gezag = Gezag(advies.gezag.value) if advies.gezag else None
    if gezag is None:  # pragma: no cover - bijstand always has a gezag
        raise OngeldigeInvoer("het advies noemt geen bevoegd gezag", veld="situatie")
    titel = _tekst(titel, "titel", max_length=200)
    locatie = _tekst(locatie, "locatie", max_length=300)
    omschrijving = _tekst(omschrijving, "omschrijving", verplicht=False)
    gevraagde_capaciteit = _tekst(gevraagde_capaciteit, "gevraagde_capaciteit", verplicht=False)
    gewenst_effect = _tekst(gewenst_effect, "gewenst_effect", verplicht=False)
    start = _aware(periode_start, "periode_start")
    eind = _aware(periode_eind, "periode_eind")
    if eind <= start:
        raise OngeldigeInvoer("het einde moet na het begin liggen", veld="periode_eind")
    verwacht_soort = "gezag" if gezag == Gezag.BURGEMEESTER else "openbaar_ministerie"
    if not isinstance(bevoegd_gezag, Organisatie) or bevoegd_gezag.soort != verwacht_soort:
        wie = "een gemeente" if gezag == Gezag.BURGEMEESTER else "een arrondissementsparket"
        raise OngeldigeInvoer(
            f"het bevoegd gezag is hier {gezag.label.lower()}: kies {wie}",
            veld="bevoegd_gezag",
        )
    if bevoegd_gezag.eenheid_id != eenheid.pk:
        raise OngeldigeInvoer(
            f"{bevoegd_gezag.naam} ligt niet in het gebied van {eenheid.naam}",
            veld="bevoegd_gezag",
        )
    gemeenten = list(gemeenten)
    for gemeente in gemeenten:
        if gemeente.soort != "gezag" or gemeente.eenheid_id != eenheid.pk:
            raise OngeldigeInvoer(
                f"{gemeente.naam} is geen gemeente in het gebied van {eenheid.naam}",
                veld="gemeenten",
            )
    if gezag == Gezag.BURGEMEESTER and bevoegd_gezag not in gemeenten:
        gemeenten.insert(0, bevoegd_gezag)
    for i, regel in enumerate(regels):
        _tekst(regel.omschrijving, f"regels[{i}].omschrijving", max_length=300)
        if regel.aantal is not None and (not isinstance(regel.aantal, int) or regel.aantal < 1):
            raise OngeldigeInvoer("een positief geheel getal of leeg", veld=f"regels[{i}].aantal")
        if not 1 <= regel.deel <= len(routes):
            raise OngeldigeInvoer(
                f"deel {regel.deel} bestaat niet (1 tot {len(routes)})", veld=f"regels[{i}].deel"
            )
    if not (gevraagde_capaciteit or gewenst_effect or regels):
        raise OngeldigeInvoer(
            "vul de gevraagde capaciteit of het gewenste effect in", veld="gevraagde_capaciteit"
        )
    regioburgemeester = eenheid.regioburgemeester

    verzoek = Bijstandsverzoek.objects.create(
        kenmerk=f"TMP-{uuid.uuid4().hex[:16]}",
        titel=titel,
        omschrijving=omschrijving,
        taak=sit.taak.value,
        gezag=gezag,
        bevoegd_gezag=bevoegd_gezag,
        eenheid=eenheid,
        rccb=rccb,
        regioburgemeester=regioburgemeester,
        periode_start=start,
        periode_eind=eind,
        locatie=locatie,
        gevraagde_capaciteit=gevraagde_capaciteit,
        gewenst_effect=gewenst_effect,
        spoed=sit.spoed,
        situatie=dict(situatie),
        advies=advies.to_dict(),
        regels_versie=workflow.regels_versie(),
        aangevraagd_door=door,
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    verzoek.kenmerk = f"BV-{nu.year}-{verzoek.pk:06d}"
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(kenmerk=verzoek.kenmerk)
    verzoek.gemeenten.set(gemeenten)

    deelnemers = {rccb.code, bevoegd_gezag.code, *(g.code for g in gemeenten)}
    nieuwe_taken: list[Taak] = []
    for volgnummer, route in enumerate(routes, start=1):
        procedure = engine.procedure_for_route(route.procedure, route.middel)
        start_data = _startgegevens(procedure, route, sit)
        run = engine.procedure_start(procedure.id, start_data, now=nu)
        deelverzoek = Deelverzoek.objects.create(
            verzoek=verzoek,
            volgnummer=volgnummer,
            procedure_id=procedure.id,
            leverancier=route.leverancier,
            middel=route.middel or "",
            route=route.to_dict(),
            startgegevens=start_data,
            run_state=engine.serialize(run),
            model_versie=run.model_version,
            regels_versie=verzoek.regels_versie,
            run_afgerond=engine.is_finished(run),
            volgende_timer=engine.next_timer_due(run),
            aangemaakt_op=nu,
            gewijzigd_op=nu,
        )
        deelverzoek.verzoek = verzoek
        GevraagdeInzet.objects.bulk_create(
            [
                GevraagdeInzet(
                    deelverzoek=deelverzoek,
                    volgnummer=i,
                    omschrijving=r.omschrijving.strip(),
                    aantal=r.aantal,
                )
                for i, r in enumerate([r for r in regels if r.deel == volgnummer], start=1)
            ]
        )
        workflow.deelverzoek_overgang(
            deelverzoek=deelverzoek, handeling=Handeling.STARTEN, door=door, nu=nu
        )
        try:
            lanes = workflow.deelnemende_lanes(run, start_data)
            deelnemers.update(workflow.lane_organisatie_codes(verzoek, lanes).values())
            sync = workflow.taken_synchroniseren(deelverzoek=deelverzoek, run=run, nu=nu)
        except LookupError as exc:
            raise OngeldigeInvoer(str(exc), veld="bevoegd_gezag") from exc
        nieuwe_taken.extend(sync.nieuw)
        _timer_plannen_na_commit(deelverzoek)
    workflow.deelnemers_toevoegen(verzoek=verzoek, codes=deelnemers)
    audit_record(
        gebeurtenis=Gebeurtenis.VERZOEK_AANGEMAAKT,
        actor=door,
        obj=verzoek,
        na={
            **verzoek_snapshot(verzoek),
            "procedures": [engine.procedure_for_route(r.procedure, r.middel).id for r in routes],
            "regels_versie": verzoek.regels_versie,
        },
    )
    _berichten_nieuwe_taken(nieuwe_taken, nu)
    return verzoek


# --- tasks ------------------------------------------------------------------------------------


@transaction.atomic
def taak_oppakken(*, taak: Taak, door: Gebruiker, nu: datetime | None = None) -> Taak:
    """Pick up an open task of the user's organisation, so colleagues see who works on it.

    Raises:
        GeenToegang: not the user's organisation's task (or a decision without the role).
        TaakNietOpen: already picked up by someone else, completed or cancelled.
    """
    nu = _nu(nu)
    _, taak = _taak_onder_slot(taak)
    _controleer_mag_uitvoeren(taak, door)
    _controleer_open(taak, door)
    if taak.status == TaakStatus.OPGEPAKT:
        return taak
    voor = _taak_snapshot(taak)
    taak.status = TaakStatus.OPGEPAKT
    taak.opgepakt_door = door
    taak.opgepakt_op = nu
    taak.save(update_fields=["status", "opgepakt_door", "opgepakt_op"])
    audit_record(
        gebeurtenis=Gebeurtenis.TAAK_OPGEPAKT,
        actor=door,
        obj=taak,
        voor=voor,
        na=_taak_snapshot(taak),
    )
    return taak


@transaction.atomic
def taak_teruggeven(*, taak: Taak, door: Gebruiker, nu: datetime | None = None) -> Taak:
    """Hand a picked-up task back to the organisation's work queue (status open again).

    Raises:
        GeenToegang: not the user's organisation's task.
        TaakNietOpen: the task is not picked up by this user (or no longer open).
    """
    _nu(nu)
    _, taak = _taak_onder_slot(taak)
    _controleer_mag_uitvoeren(taak, door)
    _controleer_open(taak, door)
    if taak.status != TaakStatus.OPGEPAKT:
        raise TaakNietOpen("Deze taak is niet door u opgepakt.", veld="taak")
    voor = _taak_snapshot(taak)
    taak.status = TaakStatus.OPEN
    taak.opgepakt_door = None
    taak.opgepakt_op = None
    taak.save(update_fields=["status", "opgepakt_door", "opgepakt_op"])
    audit_record(
        gebeurtenis=Gebeurtenis.TAAK_TERUGGEGEVEN,
        actor=door,
        obj=taak,
        voor=voor,
        na=_taak_snapshot(taak),
    )
    return taak


def _stap_uitvoeren(
    *,
    deelverzoek: Deelverzoek,
    taak: Taak,
    record: Mapping[str, Any],
    door: Gebruiker,
    nu: datetime,
) -> workflow.Synchronisatie:
    """Complete the engine task with `record`, then store, mirror and notify (under lock)."""
    run = workflow.run_laden(deelverzoek)
    try:
        engine.task_complete(run, taak.engine_task_id, record, now=nu)
    except engine.InvalidDataError as exc:
        raise OngeldigeInvoer(exc.message, veld=exc.field) from exc
    except engine.TaskNotReadyError as exc:
        raise TaakNietOpen(
            "Deze stap staat niet meer open in de procedure. Er is niets gewijzigd.", veld="taak"
        ) from exc
    taak.status = TaakStatus.AFGEROND
    taak.afgerond_door = door
    taak.afgerond_op = nu
    taak.gegevens = dict(record)
    taak.overgeslagen = bool(record.get("overgeslagen", False))
    if taak.opgepakt_door_id is None:
        taak.opgepakt_door = door
        taak.opgepakt_op = nu
    taak.save(
        update_fields=[
            "status",
            "afgerond_door",
            "afgerond_op",
            "gegevens",
            "overgeslagen",
            "opgepakt_door",
            "opgepakt_op",
        ]
    )
    sync = _na_engine_stap(deelverzoek=deelverzoek, run=run, door=door, nu=nu)
    _berichten_stap(taak, nu)
    return sync


@transaction.atomic
def taak_afronden(
    *,
    taak: Taak,
    data: Mapping[str, Any],
    door: Gebruiker,
    nu: datetime | None = None,
) -> Taak:
    """Complete a step of the procedure with what it records, and advance the run.

    `data` holds the step's fields (`Taak.velden`, e.g. ``{"toestemming": true}``) and any
    report (``"verslag"``: text). An optional step is skipped with
    ``{"overgeslagen": true, "reden": "..."}``. Decisions use `besluit_nemen`; the phone call
    of the urgent path uses `telefonisch_contact_vastleggen`.

    Returns:
        The task, now afgerond.

    Raises:
        GeenToegang: not the user's organisation's lane (toegang rule ``taak_uitvoeren``).
        TaakNietOpen: completed (e.g. by a colleague just now), cancelled, or picked up by
            someone else; nothing was changed.
        OngeldigeInvoer: a missing or wrong field (named), a skip of a step that is not
            optional or without a reason, or a decision or phone step.
        GelijktijdigGewijzigd: the run was stored by someone else meanwhile.
    """
    nu = _nu(nu)
    deelverzoek, taak = _taak_onder_slot(taak)
    _controleer_mag_uitvoeren(taak, door)
    _controleer_open(taak, door)
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
    record = _controleer_velden(taak, data)
    if "verslag" in record:
        record["verslag"] = _tekst(record["verslag"], "verslag", verplicht=False)
    voor = _taak_snapshot(taak)
    sync = _stap_uitvoeren(deelverzoek=deelverzoek, taak=taak, record=record, door=door, nu=nu)
    audit_record(
        gebeurtenis=(
            Gebeurtenis.TAAK_OVERGESLAGEN if taak.overgeslagen else Gebeurtenis.TAAK_AFGEROND
        ),
        actor=door,
        obj=taak,
        voor=voor,
        na={
            **_taak_snapshot(taak),
            "gegevens": taak.gegevens,
            "nieuwe_taken": [t.bpmn_id for t in sync.nieuw],
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
    nu = _nu(nu)
    deelverzoek, taak = _taak_onder_slot(taak)
    _controleer_mag_uitvoeren(taak, door)
    _controleer_open(taak, door)
    if taak.bpmn_id != TELEFOON_STAP:
        raise OngeldigeInvoer("deze taak is geen telefonisch contact", veld="taak")
    beller = _tekst(beller, "beller", max_length=200)
    gebeld = _tekst(gebeld, "gebeld", max_length=200)
    afspraken = _tekst(afspraken, "afspraken")
    if not isinstance(gebelde_organisatie, Organisatie):
        raise OngeldigeInvoer("kies de organisatie die is gebeld", veld="gebelde_organisatie")
    moment = _aware(tijdstip, "tijdstip")
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
    voor = _taak_snapshot(taak)
    _stap_uitvoeren(deelverzoek=deelverzoek, taak=taak, record=record, door=door, nu=nu)
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
        na={**_taak_snapshot(taak), "gegevens": record},
    )
    return contact


# --- decisions --------------------------------------------------------------------------------


def _regels_besluit(
    deelverzoek: Deelverzoek, uitkomst: str, regels: Sequence[RegelBesluit]
) -> list[tuple[GevraagdeInzet, RegelBesluit]]:
    gevraagd = {r.pk: r for r in GevraagdeInzet.objects.filter(deelverzoek=deelverzoek)}
    if not regels:
        if uitkomst == BesluitUitkomst.DEELS_TOEGEKEND:
            raise OngeldigeInvoer(
                "geef bij een gedeeltelijke toekenning per gevraagde regel de uitkomst",
                veld="regels",
            )
        regel_uitkomst = (
            RegelUitkomst.TOEGEKEND
            if uitkomst == BesluitUitkomst.TOEGEKEND
            else RegelUitkomst.AFGEWEZEN
        )
        return [
            (r, RegelBesluit(regel_id=r.pk, uitkomst=regel_uitkomst)) for r in gevraagd.values()
        ]
    result: list[tuple[GevraagdeInzet, RegelBesluit]] = []
    gezien: set[int] = set()
    for i, regel in enumerate(regels):
        veld = f"regels[{i}]"
        gevraagde = gevraagd.get(regel.regel_id)
        if gevraagde is None:
            raise OngeldigeInvoer("deze regel hoort niet bij dit deelverzoek", veld=veld)
        if regel.regel_id in gezien:
            raise OngeldigeInvoer("deze regel staat er twee keer in", veld=veld)
        gezien.add(regel.regel_id)
        if regel.uitkomst not in RegelUitkomst.values:
            raise OngeldigeInvoer("kies toegekend of afgewezen", veld=f"{veld}.uitkomst")
        if regel.toegekend_aantal is not None:
            if regel.uitkomst != RegelUitkomst.TOEGEKEND or gevraagde.aantal is None:
                raise OngeldigeInvoer(
                    "een aantal hoort alleen bij een toegekende regel met een aantal",
                    veld=f"{veld}.toegekend_aantal",
                )
            if not 1 <= regel.toegekend_aantal <= gevraagde.aantal:
                raise OngeldigeInvoer(
                    f"tussen 1 en {gevraagde.aantal}", veld=f"{veld}.toegekend_aantal"
                )
        result.append((gevraagde, regel))
    ontbreekt = sorted(set(gevraagd) - gezien)
    if ontbreekt:
        raise OngeldigeInvoer(
            f"geef voor elke gevraagde regel de uitkomst (ontbreekt: {ontbreekt})", veld="regels"
        )
    volledig = all(
        r.uitkomst == RegelUitkomst.TOEGEKEND
        and (r.toegekend_aantal is None or r.toegekend_aantal == g.aantal)
        for g, r in result
    )
    niets = all(r.uitkomst == RegelUitkomst.AFGEWEZEN for _, r in result)
    verwacht = (
        BesluitUitkomst.TOEGEKEND
        if volledig
        else BesluitUitkomst.AFGEWEZEN
        if niets
        else BesluitUitkomst.DEELS_TOEGEKEND
    )
    if verwacht != uitkomst:
        raise OngeldigeInvoer(
            f"de regels passen bij '{verwacht.label.lower()}', niet bij '{uitkomst}'",
            veld="uitkomst",
        )
    return result


@transaction.atomic
def besluit_nemen(
    *,
    taak: Taak,
    uitkomst: str,
    motivering: str,
    door: Gebruiker,
    voorwaarden: str = "",
    regels: Sequence[RegelBesluit] = (),
    nu: datetime | None = None,
) -> Besluit:
    """Take the decision of a decision step: toegekend, deels_toegekend (per line), afgewezen.

    Records a `Besluit` with its reasons, conditions, `namens` text and legal basis
    (`workflow.namens_voor`) and a beslisverslag; completes the step with the outcome, which
    the procedure's gateways read; changes the part's status (for the decision itself, not for
    DJZ's intermediate decision on behalf of Defence); for an appeal (procedure 9) also the
    appealed part's status. Messages go to the requesting RCCB and the authority.

    Args:
        taak: an open decision step (`Taak.is_besluit`) of the user's organisation.
        uitkomst: ``"toegekend"``, ``"deels_toegekend"`` or ``"afgewezen"``.
        motivering: the reasons; required for a (partial) rejection (Awb 3:46; factsheet,
            toelichting 9: "schriftelijk, met reden omkleed").
        door: a besluitvormer of the step's organisation, not the person who requested.
        voorwaarden: conditions of a grant.
        regels: per requested line (`RegelBesluit`); required for deels_toegekend, and then
            for every line; otherwise every line gets the overall outcome.
        nu: aware datetime of the decision (default now).

    Raises:
        GeenToegang: not a besluitvormer of the organisation, or the requester.
        TaakNietOpen: the step was completed or cancelled meanwhile.
        OngeldigeInvoer: not a decision step, an unknown outcome, missing reasons, or lines
            that do not fit the outcome (named field).
    """
    nu = _nu(nu)
    deelverzoek, taak = _taak_onder_slot(taak)
    _controleer_mag_uitvoeren(taak, door)
    _controleer_open(taak, door)
    if not taak.is_besluit:
        raise OngeldigeInvoer("deze taak is geen besluit", veld="taak")
    if uitkomst not in BesluitUitkomst.values:
        raise OngeldigeInvoer("kies toegekend, deels_toegekend of afgewezen", veld="uitkomst")
    motivering = _tekst(motivering, "motivering", verplicht=uitkomst != BesluitUitkomst.TOEGEKEND)
    voorwaarden = _tekst(voorwaarden, "voorwaarden", verplicht=False)
    veld = workflow.besluit_veld(taak.velden)
    regel_besluiten = _regels_besluit(deelverzoek, uitkomst, regels)
    namens, grondslag = workflow.namens_voor(deelverzoek.procedure_id, veld)
    run_voor = workflow.run_laden(deelverzoek)
    beslisverslag = {
        "procedure": deelverzoek.procedure_id,
        "model_versie": deelverzoek.model_versie,
        "regels_versie": deelverzoek.regels_versie,
        "advies_route": deelverzoek.route,
        "procesgegevens": run_voor.data,
        "stappen": [s.to_dict() for s in engine.completed_steps(run_voor)],
    }
    voor = _taak_snapshot(taak)
    if veld == "besluit":
        # Before the step: a decision that ends the run must not close the part "without a
        # decision" (_na_engine_stap).
        _besluit_status(deelverzoek=deelverzoek, uitkomst=uitkomst, door=door, nu=nu)
    record = {veld: uitkomst, "motivering": motivering, "voorwaarden": voorwaarden}
    _stap_uitvoeren(deelverzoek=deelverzoek, taak=taak, record=record, door=door, nu=nu)
    besluit = Besluit.objects.create(
        verzoek=deelverzoek.verzoek,
        deelverzoek=deelverzoek,
        taak=taak,
        veld=veld,
        uitkomst=uitkomst,
        motivering=motivering,
        voorwaarden=voorwaarden,
        namens=namens,
        grondslag=grondslag,
        organisatie=taak.organisatie,
        genomen_door=door,
        genomen_op=nu,
        beslisverslag=beslisverslag,
    )
    BesluitRegel.objects.bulk_create(
        [
            BesluitRegel(
                besluit=besluit,
                regel=g,
                uitkomst=r.uitkomst,
                toegekend_aantal=(
                    r.toegekend_aantal
                    if r.toegekend_aantal is not None
                    else (g.aantal if r.uitkomst == RegelUitkomst.TOEGEKEND else None)
                ),
                toelichting=r.toelichting.strip(),
            )
            for g, r in regel_besluiten
        ]
    )
    verzoek = deelverzoek.verzoek
    audit_record(
        gebeurtenis=Gebeurtenis.BESLUIT_GENOMEN,
        actor=door,
        obj=besluit,
        voor=voor,
        na={
            "taak": taak.pk,
            "deelverzoek": deelverzoek.pk,
            "veld": veld,
            "uitkomst": uitkomst,
            "namens": namens,
            "motivering": motivering,
            "voorwaarden": voorwaarden,
            "regels": [
                {"regel": g.pk, "uitkomst": r.uitkomst, "aantal": r.toegekend_aantal}
                for g, r in regel_besluiten
            ],
        },
    )
    beroep = (
        "\n\nTegen deze (gedeeltelijke) afwijzing kan de aanvrager de minister verzoeken de "
        "korpschef op te dragen alsnog in de bijstand te voorzien (Pw 2012 art. 56 lid 4)."
        if deelverzoek.procedure_id in ("1", "6") and uitkomst != BesluitUitkomst.TOEGEKEND
        else ""
    )
    bericht_schrijven(
        soort="besluit-genomen",
        ontvangers=[verzoek.rccb, verzoek.bevoegd_gezag],
        onderwerp=f"{verzoek.kenmerk}: besluit {BesluitUitkomst(uitkomst).label.lower()}",
        inhoud=(
            f"Over bijstandsverzoek {verzoek.kenmerk} ({verzoek.titel}) is besloten: "
            f"{BesluitUitkomst(uitkomst).label.lower()}, {namens}.\n\nMotivering: "
            f"{motivering or '-'}\nVoorwaarden: {voorwaarden or '-'}{beroep}"
        ),
        obj=besluit,
        nu=nu,
    )
    return besluit


def _besluit_status(
    *, deelverzoek: Deelverzoek, uitkomst: str, door: Gebruiker, nu: datetime
) -> None:
    """Record the decision on the part (and, for an appeal, on the appealed part)."""
    deelverzoek.besluit = uitkomst
    Deelverzoek.objects.filter(pk=deelverzoek.pk).update(besluit=uitkomst)
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek,
        handeling=workflow.BESLUIT_HANDELING[uitkomst],
        door=door,
        nu=nu,
    )
    if deelverzoek.beroep_op_id is not None:
        ouder = _lock_deelverzoek(deelverzoek.beroep_op_id)
        ouder.besluit = uitkomst
        Deelverzoek.objects.filter(pk=ouder.pk).update(besluit=uitkomst)
        workflow.deelverzoek_overgang(
            deelverzoek=ouder,
            handeling=workflow.BEROEP_HANDELING[uitkomst],
            door=door,
            nu=nu,
            toelichting="besluit van de minister op het beroep",
        )


def _mag_namens_aanvrager(verzoek: Bijstandsverzoek, door: Gebruiker) -> None:
    code = organisatie_code(door)
    if code not in (verzoek.rccb.code, verzoek.bevoegd_gezag.code):
        raise GeenToegang(
            "Alleen het RCCB van de vragende eenheid of het bevoegd gezag kan dit doen."
        )


@transaction.atomic
def beroep_instellen(
    *,
    deelverzoek: Deelverzoek,
    door: Gebruiker,
    toelichting: str = "",
    nu: datetime | None = None,
) -> Deelverzoek:
    """Start the appeal after a (partial) rejection by the korpschef: procedure 9.

    The appeal runs as a new part, linked to the rejected one (`Deelverzoek.beroep_op`), which
    becomes in_beroep. Procedure 9 starts with the korpschef's written rejection to the
    requester and the copy to DGPOL; then the burgemeester or officier van justitie asks the
    minister, DGPOL advises, the minister decides (`besluit_nemen`), and the korpschef informs
    LE-POB. When the requester does not go on, the rejected part returns to its decision.

    Args:
        deelverzoek: a part of procedure 1 or 6 with status afgewezen or deels_toegekend.
        door: a user of the requesting RCCB or of the authority.
        toelichting: why (free text, for the history).
        nu: aware datetime (default now).

    Returns:
        The new appeal part.

    Raises:
        GeenToegang: not the RCCB or the authority of the request.
        OngeldigeOvergang: no (partial) rejection in procedure 1 or 6, or already appealed.

    Bron: Pw 2012 art. 56 lid 4; factsheet, toelichting 9.
    """
    nu = _nu(nu)
    ouder = _lock_deelverzoek(deelverzoek.pk)
    verzoek = ouder.verzoek
    _mag_namens_aanvrager(verzoek, door)
    toelichting = _tekst(toelichting, "toelichting", verplicht=False)
    run = workflow.run_laden(ouder)
    if not engine.beroep_mogelijk(run) or ouder.status not in (
        DeelverzoekStatus.AFGEWEZEN,
        DeelverzoekStatus.DEELS_TOEGEKEND,
    ):
        raise OngeldigeOvergang(
            "beroep is alleen mogelijk na een (gedeeltelijke) afwijzing door de korpschef "
            "(procedure 1 of 6)",
            veld="deelverzoek",
        )
    # Filtered on the request too, so that its index is used, not beroep_op's (see below).
    if Deelverzoek.objects.filter(verzoek_id=ouder.verzoek_id, beroep_op=ouder).exists():
        raise OngeldigeOvergang("tegen dit besluit is al beroep ingesteld", veld="deelverzoek")
    start_data = engine.beroep_startgegevens(run)
    beroep_run = engine.procedure_start("9", start_data, now=nu)
    volgnummer = (
        Deelverzoek.objects.filter(verzoek=verzoek).aggregate(m=Max("volgnummer"))["m"] or 0
    ) + 1
    beroep = Deelverzoek.objects.create(
        verzoek=verzoek,
        volgnummer=volgnummer,
        procedure_id="9",
        leverancier=ouder.leverancier,
        route={},
        startgegevens=start_data,
        run_state=engine.serialize(beroep_run),
        model_versie=beroep_run.model_version,
        regels_versie=ouder.regels_versie,
        run_afgerond=engine.is_finished(beroep_run),
        volgende_timer=engine.next_timer_due(beroep_run),
        beroep_op=ouder,
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    beroep.verzoek = verzoek
    workflow.deelverzoek_overgang(deelverzoek=beroep, handeling=Handeling.STARTEN, door=door, nu=nu)
    workflow.deelverzoek_overgang(
        deelverzoek=ouder,
        handeling=Handeling.BEROEP_INSTELLEN,
        door=door,
        nu=nu,
        toelichting=toelichting,
    )
    lanes = workflow.deelnemende_lanes(beroep_run, start_data)
    workflow.deelnemers_toevoegen(
        verzoek=verzoek, codes=workflow.lane_organisatie_codes(verzoek, lanes).values()
    )
    sync = workflow.taken_synchroniseren(deelverzoek=beroep, run=beroep_run, nu=nu)
    _berichten_nieuwe_taken(sync.nieuw, nu)
    audit_record(
        gebeurtenis=Gebeurtenis.BEROEP_INGESTELD,
        actor=door,
        obj=beroep,
        voor={"deelverzoek": ouder.pk, "status": str(DeelverzoekStatus(ouder.besluit))},
        na={"beroep": beroep.pk, "procedure": "9", "toelichting": toelichting, **start_data},
    )
    return beroep


# --- after the decision: the deployment -------------------------------------------------------


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
    bericht_schrijven(
        soort=gebeurtenis.value,
        ontvangers=list(verzoek.deelnemers.filter(code__in=_inzet_ontvangers(deelverzoek))),
        onderwerp=f"{verzoek.kenmerk}: inzet {InzetSoort(soort).label.lower()}",
        inhoud=(
            f"Inzet bij bijstandsverzoek {verzoek.kenmerk} ({verzoek.titel}): "
            f"{InzetSoort(soort).label.lower()}.\nPeriode: "
            f"{timezone.localtime(periode_start):%d-%m-%Y %H:%M} tot "
            f"{timezone.localtime(periode_eind):%d-%m-%Y %H:%M}\nCapaciteit: {capaciteit}\n"
            f"{toelichting}"
        ),
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


def _periode(start: Any, eind: Any) -> tuple[datetime, datetime]:
    s = _aware(start, "periode_start")
    e = _aware(eind, "periode_eind")
    if e <= s:
        raise OngeldigeInvoer("het einde moet na het begin liggen", veld="periode_eind")
    return s, e


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
    nu = _nu(nu)
    deelverzoek = _lock_deelverzoek(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    start, eind = _periode(periode_start, periode_eind)
    capaciteit = _tekst(capaciteit, "capaciteit")
    toelichting = _tekst(toelichting, "toelichting", verplicht=False)
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
    nu = _nu(nu)
    deelverzoek = _lock_deelverzoek(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    vorige = _lopende_inzet(deelverzoek)
    start, eind = _periode(periode_start, periode_eind)
    capaciteit = _tekst(capaciteit, "capaciteit")
    toelichting = _tekst(toelichting, "toelichting")
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
    nu = _nu(nu)
    deelverzoek = _lock_deelverzoek(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    vorige = _lopende_inzet(deelverzoek)
    eind = _aware(periode_eind, "periode_eind")
    if eind <= vorige.periode_eind:
        raise OngeldigeInvoer(
            "het nieuwe einde moet na het huidige einde liggen", veld="periode_eind"
        )
    toelichting = _tekst(toelichting, "toelichting")
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

    Raises:
        GeenToegang: as `inzet_starten`.
        OngeldigeOvergang: no deployment runs.
        OngeldigeInvoer: an end before the deployment's start.
    """
    nu = _nu(nu)
    deelverzoek = _lock_deelverzoek(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    vorige = _lopende_inzet(deelverzoek)
    eind = _aware(beeindigd_op, "beeindigd_op") if beeindigd_op is not None else nu
    if eind <= vorige.periode_start:
        raise OngeldigeInvoer(
            "het einde moet na het begin van de inzet liggen", veld="beeindigd_op"
        )
    toelichting = _tekst(toelichting, "toelichting", verplicht=False)
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek, handeling=Handeling.INZET_BEEINDIGEN, door=door, nu=nu
    )
    return _inzet_versie(
        deelverzoek=deelverzoek,
        soort=InzetSoort.BEEINDIGD,
        periode_start=vorige.periode_start,
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
    nu = _nu(nu)
    deelverzoek = _lock_deelverzoek(deelverzoek.pk)
    _inzet_beheerder(deelverzoek, door)
    verslag = _tekst(verslag, "verslag")
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


# --- withdrawal -------------------------------------------------------------------------------


@transaction.atomic
def verzoek_intrekken(
    *,
    verzoek: Bijstandsverzoek,
    reden: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> Bijstandsverzoek:
    """Withdraw a request at any step before deployment, with a reason; closes its open tasks.

    Every part that can be withdrawn (`workflow.OVERGANGEN`, INTREKKEN) becomes ingetrokken,
    its open tasks vervallen and its timers stop; every participant is told (outbox).

    Raises:
        GeenToegang: not the requesting RCCB or the authority.
        OngeldigeInvoer: no reason.
        OngeldigeOvergang: a deployment runs (end it first), or nothing is left to withdraw.
    """
    nu = _nu(nu)
    reden = _tekst(reden, "reden")
    verzoek = (
        Bijstandsverzoek.objects.select_for_update(of=("self",))
        .select_related("rccb", "bevoegd_gezag", "regioburgemeester")
        .get(pk=verzoek.pk)
    )
    _mag_namens_aanvrager(verzoek, door)
    delen = [
        _lock_deelverzoek(pk)
        for pk in Deelverzoek.objects.filter(verzoek=verzoek)
        .order_by("pk")
        .values_list("pk", flat=True)
    ]
    if any(d.status == DeelverzoekStatus.IN_INZET for d in delen):
        raise OngeldigeOvergang(
            "er loopt een inzet: beëindig die eerst", veld="verzoek", code="inzet-loopt"
        )
    toegestaan = workflow.OVERGANGEN[Handeling.INTREKKEN][0]
    intrekbaar = [d for d in delen if d.status in toegestaan]
    if not intrekbaar:
        raise OngeldigeOvergang("dit verzoek kan niet meer worden ingetrokken", veld="verzoek")
    voor = verzoek_snapshot(verzoek)
    for deel in intrekbaar:
        deel.verzoek = verzoek
        workflow.deelverzoek_overgang(
            deelverzoek=deel, handeling=Handeling.INTREKKEN, door=door, nu=nu, toelichting=reden
        )
        Deelverzoek.objects.filter(pk=deel.pk).update(volgende_timer=None)
    vervallen = Taak.objects.filter(deelverzoek__in=intrekbaar, status__in=TAAK_OPENSTAAND).update(
        status=TaakStatus.VERVALLEN, afgerond_op=nu
    )
    verzoek.ingetrokken_reden = reden
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(ingetrokken_reden=reden)
    verzoek.refresh_from_db(fields=["status", "versie", "gewijzigd_op"])
    audit_record(
        gebeurtenis=Gebeurtenis.VERZOEK_INGETROKKEN,
        actor=door,
        obj=verzoek,
        voor=voor,
        na={**verzoek_snapshot(verzoek), "reden": reden, "taken_vervallen": vervallen},
    )
    bericht_schrijven(
        soort="verzoek-ingetrokken",
        ontvangers=list(verzoek.deelnemers.exclude(pk=_actieve_organisatie(door).pk)),
        onderwerp=f"{verzoek.kenmerk}: verzoek ingetrokken",
        inhoud=(
            f"Bijstandsverzoek {verzoek.kenmerk} ({verzoek.titel}) is ingetrokken.\nReden: {reden}"
        ),
        obj=verzoek,
        nu=nu,
    )
    return verzoek


# --- timers -----------------------------------------------------------------------------------


@dataclass
class TimerResultaat:
    """What `timers_verwerken` did.

    Attributes:
        gevuurd: (deelverzoek id, timer BPMN id) of the timers that fired.
        herinneringen: ids of the tasks for which a reminder was written.
    """

    gevuurd: list[tuple[int, str]] = field(default_factory=list)
    herinneringen: list[int] = field(default_factory=list)


def timers_verwerken(
    *, nu: datetime | None = None, deelverzoek_id: int | None = None
) -> TimerResultaat:
    """Fire the due timers of the runs and write reminders before due times. Idempotent.

    1. Reminders: every open task whose due time is within ``HERINNERING_VOOR_SECONDEN``
       (default 2 hours) and has no reminder yet gets one outbox message to its organisation
       (key ``herinnering:<taak>``) and `herinnering_op`.
    2. Timers: every part whose `volgende_timer` has passed is locked, its run refreshed
       (`engine.refresh_timers`), stored and its tasks re-synced: the formalisation timer
       starts the LOCC's escalation task (a new task and message for the LOCC).

    Each part is handled in a transaction of its own, so one failure does not block others.
    Called every minute by the worker and at each part's `volgende_timer` (`tasks`).

    Args:
        nu: aware datetime (default now).
        deelverzoek_id: only this part (the scheduled job); None for all.
    """
    nu = _nu(nu)
    result = TimerResultaat()
    grens = nu + timedelta(seconds=settings.HERINNERING_VOOR_SECONDEN)
    taken = Taak.objects.filter(
        status__in=TAAK_OPENSTAAND, due__isnull=False, due__lte=grens, herinnering_op__isnull=True
    )
    if deelverzoek_id is not None:
        taken = taken.filter(deelverzoek_id=deelverzoek_id)
    for taak_id in list(taken.values_list("pk", flat=True)):
        with transaction.atomic():
            taak = (
                Taak.objects.select_for_update(of=("self",))
                .select_related("organisatie", "verzoek")
                .get(pk=taak_id)
            )
            if taak.herinnering_op is not None or not taak.is_open or taak.due is None:
                continue
            taak.herinnering_op = nu
            taak.save(update_fields=["herinnering_op"])
            verzoek = taak.verzoek
            te_laat = taak.due <= nu
            bericht_schrijven(
                soort="termijn-herinnering",
                ontvangers=[taak.organisatie],
                sleutel=f"herinnering:{taak.pk}",
                onderwerp=(
                    f"{verzoek.kenmerk}: termijn {'verstreken' if te_laat else 'verloopt'} "
                    f"voor '{taak.naam}'"
                ),
                inhoud=(
                    f"De taak '{taak.naam}' van bijstandsverzoek {verzoek.kenmerk} "
                    f"({verzoek.titel}) moet uiterlijk "
                    f"{timezone.localtime(taak.due):%d-%m-%Y %H:%M} gereed zijn."
                ),
                obj=taak,
                nu=nu,
            )
            audit_record(
                gebeurtenis=Gebeurtenis.HERINNERING_GEPLAND,
                actor=None,
                obj=taak,
                na={"due": taak.due.isoformat(), "herinnering_op": nu.isoformat()},
            )
            result.herinneringen.append(taak.pk)
    delen = Deelverzoek.objects.filter(volgende_timer__isnull=False, volgende_timer__lte=nu)
    if deelverzoek_id is not None:
        delen = delen.filter(pk=deelverzoek_id)
    for pk in list(delen.order_by("volgende_timer").values_list("pk", flat=True)):
        with transaction.atomic():
            deel = _lock_deelverzoek(pk)
            if deel.volgende_timer is None or deel.volgende_timer > nu:
                continue
            run = workflow.run_laden(deel)
            gevuurd = engine.refresh_timers(run, now=nu)
            sync = _na_engine_stap(deelverzoek=deel, run=run, door=None, nu=nu)
            for timer in gevuurd:
                result.gevuurd.append((deel.pk, timer))
            audit_record(
                gebeurtenis=Gebeurtenis.TIMER_VERLOPEN,
                actor=None,
                obj=deel,
                na={
                    "timers": gevuurd,
                    "nieuwe_taken": [t.bpmn_id for t in sync.nieuw],
                    "volgende_timer": (
                        deel.volgende_timer.isoformat() if deel.volgende_timer else None
                    ),
                },
            )
    return result
