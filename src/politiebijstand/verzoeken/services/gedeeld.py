"""What the request domain's services share: time, locks, checks and the procedure step.

Internal to `verzoeken.services`: the rooms (`verzoek`, `taken`, `besluiten`, `inzet`,
`timers`) import from here; callers outside the package use the re-exports of
`verzoeken.services`.

Concurrency: a service that advances a procedure run locks the part's row
(`deelverzoek_onder_slot`, ``select_for_update``), re-reads the task under the lock
(`taak_onder_slot`) and checks it is still open, and stores the run with an optimistic version
check (`workflow.run_opslaan`). Two people completing the same task at once: one succeeds, the
other gets `TaakNietOpen`.

Times: ``nu`` is an aware datetime (UTC), injected for tests; default the current time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from politiebijstand.accounts.models import Gebruiker as GebruikerModel
from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.models import Document
from politiebijstand.meldingen.services import Bijlage, bericht_schrijven
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures import engine
from politiebijstand.toegang.regels import (
    TAAK_NAMENS_VASTLEGGEN,
    TAAK_UITVOEREN,
    mag,
    organisatie_code,
)
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    DeelverzoekStatus,
    Handeling,
    TaakStatus,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    OngeldigeInvoer,
    TaakNietOpen,
)
from politiebijstand.verzoeken.models import (
    Bijstandsverzoek,
    Deelverzoek,
    Taak,
)
from politiebijstand.verzoeken.signalen import timer_gepland

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker


def nu_utc(nu: datetime | None) -> datetime:
    """`nu` in UTC, or the current time; a naive `nu` is refused (field ``nu``)."""
    if nu is None:
        return timezone.now()
    if nu.tzinfo is None or nu.utcoffset() is None:
        raise OngeldigeInvoer("een tijdstip met tijdzone is vereist", veld="nu")
    return nu.astimezone(UTC)


# The checks below guard what the types do not say (a time zone, a non-blank text, a period's
# order); callers pass values of the annotated types, which the forms have validated (#7).


def aware(waarde: datetime, veld: str) -> datetime:
    """`waarde` in UTC; a naive datetime is refused (named field)."""
    if waarde.tzinfo is None or waarde.utcoffset() is None:
        raise OngeldigeInvoer("een datum en tijd met tijdzone is vereist", veld=veld)
    return waarde.astimezone(UTC)


def tekst(waarde: str, veld: str, *, verplicht: bool = True, max_length: int = 0) -> str:
    """`waarde` stripped; refused when required and blank, or longer than `max_length`."""
    gestript = waarde.strip()
    if verplicht and not gestript:
        raise OngeldigeInvoer("is verplicht", veld=veld)
    if max_length and len(gestript) > max_length:
        raise OngeldigeInvoer(f"mag ten hoogste {max_length} tekens lang zijn", veld=veld)
    return gestript


def tekst_uit_gegevens(waarde: object, veld: str, *, verplicht: bool = True) -> str:
    """A text from a step's data (untyped JSON, `taak_afronden`): None is empty, else a str."""
    if waarde is None:
        waarde = ""
    if not isinstance(waarde, str):
        raise OngeldigeInvoer("tekst verwacht", veld=veld)
    return tekst(waarde, veld, verplicht=verplicht)


def periode(start: datetime, eind: datetime) -> tuple[datetime, datetime]:
    """A period in UTC; refused when naive, or when the end is not after the start."""
    s = aware(start, "periode_start")
    e = aware(eind, "periode_eind")
    if e <= s:
        raise OngeldigeInvoer("het einde moet na het begin liggen", veld="periode_eind")
    return s, e


def actieve_organisatie(door: Gebruiker) -> Organisatie:
    if organisatie_code(door) is None or door.organisatie is None:
        raise GeenToegang("U hebt geen actieve organisatie en kunt dit niet doen.")
    return door.organisatie


def deelverzoek_onder_slot(deelverzoek_id: int) -> Deelverzoek:
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


def taak_onder_slot(taak: Taak) -> tuple[Deelverzoek, Taak]:
    """Lock the task's part, then re-read the task: the state every check must use."""
    deelverzoek = deelverzoek_onder_slot(taak.deelverzoek_id)
    verse = Taak.objects.select_related("organisatie", "opgepakt_door", "afgerond_door").get(
        pk=taak.pk
    )
    verse.deelverzoek = deelverzoek
    verse.verzoek = deelverzoek.verzoek
    return deelverzoek, verse


def naam(gebruiker: Gebruiker | None) -> str:
    if gebruiker is None:
        return "een ander"
    return gebruiker.get_full_name() or gebruiker.get_username()


def controleer_open(taak: Taak, door: Gebruiker) -> None:
    if taak.status == TaakStatus.AFGEROND:
        wanneer = (
            f" op {timezone.localtime(taak.afgerond_op):%d-%m-%Y %H:%M}" if taak.afgerond_op else ""
        )
        raise TaakNietOpen(
            f"Deze taak is al afgerond door {naam(taak.afgerond_door)}{wanneer}. "
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
            f"Deze taak is opgepakt door {naam(taak.opgepakt_door)}. Er is niets gewijzigd.",
            veld="taak",
        )


def controleer_mag_uitvoeren(taak: Taak, door: Gebruiker) -> str | None:
    """Check that `door` may do `taak`: its own organisation's step, or on behalf of another.

    Returns:
        None for a step of the user's own organisation (rule ``taak_uitvoeren``); the code of
        the task's organisation when the user's organisation, the procedure's coordinator,
        records the step on behalf of a party without an account (rule
        ``taak_namens_vastleggen``; issue #10 item 4, ADR 0037). The caller then requires the
        received PDF (`namens.controleer_bijlage`).

    Raises:
        GeenToegang: neither.
    """
    if mag(TAAK_UITVOEREN, door, taak):
        return None
    if mag(TAAK_NAMENS_VASTLEGGEN, door, taak):
        return taak.organisatie.code
    if taak.is_besluit and organisatie_code(door) == taak.organisatie.code:
        if not door.is_besluitvormer:
            raise GeenToegang("Alleen een besluitvormer van uw organisatie kan dit besluit nemen.")
        raise GeenToegang(
            "U hebt dit verzoek zelf aangevraagd en kunt er daarom niet over besluiten."
        )
    raise GeenToegang("Deze taak hoort niet bij uw organisatie.")


def taak_snapshot(taak: Taak) -> dict[str, Any]:
    return {
        "taak": taak.pk,
        "bpmn_id": taak.bpmn_id,
        "status": taak.status,
        "organisatie": taak.organisatie.code,
        "opgepakt_door": taak.opgepakt_door_id,
    }


def controleer_velden(taak: Taak, data: Mapping[str, Any]) -> dict[str, Any]:
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
        record["reden"] = tekst_uit_gegevens(record.get("reden"), "reden")
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
        if spec.get("soort") == "tekst":
            record[naam] = tekst_uit_gegevens(waarde, naam)
    return record


def grondslag_tekst(route: Mapping[str, Any]) -> str:
    """The legal basis of an advice's route as one line: ``"Politiewet 2012 art. 58 lid 1"``.

    `route["grondslag"]` is the contract's object (regeling, artikel, lid) or a text; missing
    parts are left out; no grondslag gives "".
    """
    grondslag = route.get("grondslag") or {}
    if not isinstance(grondslag, Mapping):
        return str(grondslag)
    return " ".join(
        str(x)
        for x in (
            grondslag.get("regeling"),
            f"art. {grondslag['artikel']}" if grondslag.get("artikel") else None,
            f"lid {grondslag['lid']}" if grondslag.get("lid") else None,
        )
        if x
    )


def moment(tijdstip: datetime) -> str:
    """An aware datetime as Dutch local time for a message: ``"01-03-2026 10:15"``."""
    return f"{timezone.localtime(tijdstip):%d-%m-%Y %H:%M}"


def verzoek_link(verzoek: Bijstandsverzoek) -> str:
    """The absolute address of the request's page, for a message: ``PB_BASIS_URL`` + path.

    The page checks the reader's log-in and need-to-know; the link itself reveals nothing but
    the request's uuid (ADR 0035).
    """
    pad = reverse("verzoeken:detail", kwargs={"uuid": verzoek.uuid})
    return f"{settings.BASIS_URL}{pad}"


#: The start of every message subject about an exercise (issue #11 item 5).
OEFENING_VOORVOEGSEL = "OEFENING: "


def bericht_tekst(naam: str, *, verzoek: Bijstandsverzoek, **context: object) -> tuple[str, str]:
    """The subject and body of an outbox message, rendered from the app's templates.

    Every body says what the recipient must do (or "ter informatie") and ends with the
    absolute link to the request (`verzoek_link`, template ``_voet.txt``). A message carries
    no request data beyond the kenmerk, the title and what to do: no motivering, reasons,
    notes, reports, places or capacity; the reader follows the link and logs in (issue #10,
    item 5; ADR 0035). Callers pass only what the text needs.

    Args:
        naam: the message's templates are ``verzoeken/berichten/<naam>_onderwerp.txt`` and
            ``verzoeken/berichten/<naam>.txt`` (plain text: autoescape is off in them).
        verzoek: the request the message is about (kenmerk, titel, link).
        context: the other template variables; dates as `moment` strings.

    Returns:
        (onderwerp, inhoud), without the final newline of the template files. The subject of
        a message about an exercise starts with "OEFENING: " (issue #11 item 5, ADR 0043).
    """
    volledig = {**context, "verzoek": verzoek, "link": verzoek_link(verzoek)}

    def tekst(template: str) -> str:
        gerenderd = render_to_string(template, volledig)
        return gerenderd[:-1] if gerenderd.endswith("\n") else gerenderd

    onderwerp = tekst(f"verzoeken/berichten/{naam}_onderwerp.txt")
    if verzoek.oefening:
        onderwerp = f"{OEFENING_VOORVOEGSEL}{onderwerp}"
    return (
        onderwerp,
        tekst(f"verzoeken/berichten/{naam}.txt"),
    )


def berichten_nieuwe_taken(nieuw: Sequence[Taak], nu: datetime) -> None:
    """Tell each new task's organisation that the task is ready (outbox, ``taak-klaargezet``)."""
    for taak in nieuw:
        onderwerp, inhoud = bericht_tekst(
            "taak_klaargezet",
            verzoek=taak.verzoek,
            taak=taak,
            uiterlijk=moment(taak.due) if taak.due else "",
        )
        bericht_schrijven(
            soort="taak-klaargezet",
            ontvangers=[taak.organisatie],
            onderwerp=onderwerp,
            inhoud=inhoud,
            obj=taak,
            nu=nu,
        )


def zonder_account(organisaties: Sequence[Organisatie]) -> list[Organisatie]:
    """The organisations of `organisaties` without any active account, in the same order.

    They cannot follow a message's link; a letter reaches them as a PDF attachment and their
    answer is recorded on their behalf by the coordinator (issue #10 items 4 and 5, ADR 0036).
    """
    met_account = set(
        GebruikerModel.objects.filter(organisatie__in=organisaties, is_active=True)
        .values_list("organisatie_id", flat=True)
        .distinct()
    )
    return [o for o in organisaties if o.pk not in met_account]


def berichten_met_brief(
    *,
    soort: str,
    naam: str,
    context: Mapping[str, object],
    ontvangers: Sequence[Organisatie],
    obj: Any,
    nu: datetime,
    verzoek: Bijstandsverzoek,
    brief: Document | None,
    afzender: Organisatie | None,
    extra: Sequence[Document] = (),
    antwoord: bool = False,
) -> None:
    """Write a step's message; with a letter, the parties without an account get the PDF.

    Without `brief` this is one `bericht_schrijven` to every receiver. With a `brief` (a
    stored `Document`), the receivers with an account get the message with its link (they read
    the letter on the request's page, ADR 0035); those without (`zonder_account`) get a
    message of the same kind and subject whose footer says how to answer (by letter or e-mail
    to `afzender`, who records it) instead of the link, with the letter attached as PDF.
    Issue #10 item 5 ("the PDF attached where the step sends a document to a party without an
    account"); ADR 0036.

    Args:
        soort: the message's code (`bericht_schrijven`).
        naam: the message's templates (`bericht_tekst`).
        context: the templates' variables besides the request.
        ontvangers: the organisations the step names.
        obj: what the message is about (the task or decision).
        nu: aware UTC datetime of writing.
        verzoek: the request.
        brief: the letter the step produced, or None.
        afzender: who sent the letter (named in the footer, for the answer).
        extra: documents attached after the letter (the signed request forms it refers to).
        antwoord: whether the letter asks for an answer (the request to Defence); otherwise
            the footer says that none is needed (a copy, a decision).
    """
    buiten = zonder_account(ontvangers) if brief is not None else []
    binnen = [o for o in ontvangers if o not in buiten]
    if binnen:
        onderwerp, inhoud = bericht_tekst(naam, verzoek=verzoek, **context)
        bericht_schrijven(
            soort=soort, ontvangers=binnen, onderwerp=onderwerp, inhoud=inhoud, obj=obj, nu=nu
        )
    if brief is None or not buiten:
        return
    onderwerp, inhoud = bericht_tekst(
        naam,
        verzoek=verzoek,
        **context,
        brief=brief,
        brief_afzender=afzender,
        brief_antwoord=antwoord,
    )
    bericht_schrijven(
        soort=soort,
        ontvangers=buiten,
        onderwerp=onderwerp,
        inhoud=inhoud,
        obj=obj,
        nu=nu,
        bijlagen=[
            Bijlage(bestand=d.bestand, naam=d.bestandsnaam, sha256=d.sha256)
            for d in (brief, *extra)
        ],
    )


def berichten_stap(
    taak: Taak, nu: datetime, brief: Document | None = None, extra: Sequence[Document] = ()
) -> None:
    """The message that a completed step sends ("RCCB verzendt ... naar het LOCC").

    With `brief`, the letter the step sends (e.g. the request to Defence), attached for the
    receivers without an account (`berichten_met_brief`).
    """
    lanes = workflow.bericht_lanes(taak.deelverzoek.procedure_id, taak.bpmn_id)
    if not lanes or taak.overgeslagen:
        return
    codes = workflow.lane_organisatie_codes(taak.verzoek, lanes)
    ontvangers = list(Organisatie.objects.filter(code__in=set(codes.values())).order_by("code"))
    berichten_met_brief(
        soort="stap-afgerond",
        naam="stap_afgerond",
        context={"taak": taak},
        ontvangers=ontvangers,
        obj=taak,
        nu=nu,
        verzoek=taak.verzoek,
        brief=brief,
        afzender=taak.organisatie,
        extra=extra,
        # Only the request to Defence asks for an answer; DJZ's comes back by letter.
        antwoord=brief is not None and brief.soort == Soort.VERZOEK_DEFENSIE,
    )


def timer_plannen_na_commit(deelverzoek: Deelverzoek) -> None:
    """After the commit, ask for a wake-up at the part's next timer (`signalen.timer_gepland`)."""
    if deelverzoek.volgende_timer is None:
        return
    pk, eta = deelverzoek.pk, deelverzoek.volgende_timer

    def plannen() -> None:
        timer_gepland.send(sender=Deelverzoek, deelverzoek_id=pk, eta=eta)

    transaction.on_commit(plannen)


def na_engine_stap(
    *, deelverzoek: Deelverzoek, run: engine.Run, door: Gebruiker | None, nu: datetime
) -> workflow.Synchronisatie:
    """After every engine change: store the run, mirror its tasks, close a finished run."""
    workflow.run_opslaan(deelverzoek=deelverzoek, run=run, nu=nu)
    sync = workflow.taken_synchroniseren(deelverzoek=deelverzoek, run=run, nu=nu)
    berichten_nieuwe_taken(sync.nieuw, nu)
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
            beroep_zonder_besluit_afronden(deelverzoek=deelverzoek, door=door, nu=nu)
    timer_plannen_na_commit(deelverzoek)
    return sync


def beroep_zonder_besluit_afronden(
    *, deelverzoek: Deelverzoek, door: Gebruiker | None, nu: datetime
) -> None:
    """No appeal after all (or none decided): the appealed part returns to its decision."""
    ouder = deelverzoek_onder_slot(deelverzoek.beroep_op_id or 0)
    if ouder.status != DeelverzoekStatus.IN_BEROEP:
        return
    workflow.deelverzoek_overgang(
        deelverzoek=ouder,
        handeling=workflow.BEROEP_HANDELING[ouder.besluit or "afgewezen"],
        door=door,
        nu=nu,
        toelichting="geen beroep ingesteld",
    )


def stap_uitvoeren(
    *,
    deelverzoek: Deelverzoek,
    taak: Taak,
    record: Mapping[str, Any],
    door: Gebruiker,
    nu: datetime,
    brief: Document | None = None,
    extra: Sequence[Document] = (),
) -> tuple[engine.Run, workflow.Synchronisatie]:
    """Complete the engine task with `record`, then store, mirror and notify (under lock).

    `brief`: the letter the step sends (`berichten_stap`), or None; `extra`: documents
    attached after it.

    Returns:
        The run after the step, and what the task mirror changed.
    """
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
    sync = na_engine_stap(deelverzoek=deelverzoek, run=run, door=door, nu=nu)
    berichten_stap(taak, nu, brief, extra)
    return run, sync


def controleer_namens_aanvrager(verzoek: Bijstandsverzoek, door: Gebruiker) -> None:
    code = organisatie_code(door)
    if code not in (verzoek.rccb.code, verzoek.bevoegd_gezag.code):
        raise GeenToegang(
            "Alleen het RCCB van de vragende eenheid of het bevoegd gezag kan dit doen."
        )
