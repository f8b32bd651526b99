"""Writing and draining the outbox (issue #4, item 6).

`bericht_schrijven` is called inside the transaction of the change that causes the message.
`berichten_versturen` is called by the worker (`meldingen.tasks`): it leases due rows, sends
each with Django's mail framework (``EMAIL_BACKEND``: SMTP to the local catcher in `make run`,
ADR 0034) to the functional mailboxes of the receiving organisations, and records the
outcome. A failure is retried with a doubling wait, up to ``BERICHT_MAX_POGINGEN`` attempts.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from politiebijstand.audit.services import audit_record
from politiebijstand.meldingen.mailvanger import (
    EXTENSIE,
    GevangenBericht,
    gevangen_bericht,
    gevangen_berichten,
)
from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.meldingen.signals import berichten_wachten
from politiebijstand.organisaties.models import Organisatie

#: Wait before the first retry; it doubles with every attempt.
EERSTE_WACHTTIJD = timedelta(minutes=1)
#: The longest wait between two attempts.
LANGSTE_WACHTTIJD = timedelta(hours=6)


def wachttijd_na(pogingen: int) -> timedelta:
    """Wait after the `pogingen`-th failed attempt: 1, 2, 4, ... minutes, at most 6 hours."""
    wachttijd: timedelta = EERSTE_WACHTTIJD * (2 ** (max(pogingen, 1) - 1))
    return min(wachttijd, LANGSTE_WACHTTIJD)


@dataclass(frozen=True, slots=True, kw_only=True)
class Bijlage:
    """A PDF attached to a message: a stored document's file (ADR 0032, issue #10 item 5).

    Attributes:
        bestand: path relative to ``settings.DOCUMENTEN_DIR`` (`Document.bestand`).
        naam: the attachment's file name, e.g. ``"verzoek_defensie-1-v1.pdf"``.
        sha256: hex sha256 of the file; checked before every attempt.
    """

    bestand: str
    naam: str
    sha256: str


class BijlageBeschadigd(Exception):
    """An attachment's file is missing, outside the documents folder, or changed."""


def _bijlage_inhoud(bijlage: Bijlage) -> bytes:
    """The bytes of `bijlage`, checked against its sha256.

    Raises:
        BijlageBeschadigd: missing, outside ``DOCUMENTEN_DIR``, or another sha256.
    """
    basis = Path(settings.DOCUMENTEN_DIR).resolve()
    pad = (basis / bijlage.bestand).resolve()
    if not pad.is_relative_to(basis):
        raise BijlageBeschadigd(f"bijlage buiten de documentenmap: {bijlage.bestand!r}")
    try:
        inhoud = pad.read_bytes()
    except OSError as exc:
        raise BijlageBeschadigd(f"bijlage {bijlage.naam} niet leesbaar: {exc}") from exc
    if hashlib.sha256(inhoud).hexdigest() != bijlage.sha256:
        raise BijlageBeschadigd(f"bijlage {bijlage.naam}: sha256 klopt niet")
    return inhoud


def bericht_schrijven(
    *,
    soort: str,
    ontvangers: Sequence[Organisatie],
    onderwerp: str,
    inhoud: str,
    obj: models.Model | None = None,
    sleutel: str | None = None,
    nu: datetime | None = None,
    bijlagen: Sequence[Bijlage] = (),
    reeks: str | None = None,
) -> Bericht | None:
    """Add a message to the outbox, in the caller's transaction.

    Args:
        soort: kebab-case code of the kind of message, e.g. ``"taak-klaargezet"``.
        ontvangers: the organisations; duplicates are dropped; none means no message.
        onderwerp: subject line (Dutch), at most 300 characters (longer is cut).
        inhoud: plain-text body (Dutch).
        obj: the object it is about (sets object_type and object_id), e.g. the Taak.
        sleutel: idempotency key: when a message with this key exists, nothing is written.
        nu: aware UTC datetime of writing (default: now).
        bijlagen: PDFs to attach (only to a party without an account, ADR 0036); each is read
            and checked at every attempt, so a changed file is never sent.
        reeks: the order key: the messages of one key are sent in the order they were
            written, a later one never before an earlier one that still waits (a retry).
            Default `reeks_van(obj)`: the request the object belongs to (ADR 0053).

    Returns:
        The new message, or None when there are no receivers or the key exists.
    """
    unieke = list({o.pk: o for o in ontvangers}.values())
    if not unieke:
        return None
    nu = nu or timezone.now()
    if sleutel is not None and Bericht.objects.filter(sleutel=sleutel).exists():
        return None
    bericht = Bericht(
        soort=soort,
        sleutel=sleutel,
        onderwerp=onderwerp[:300],
        inhoud=inhoud,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        reeks=reeks if reeks is not None else reeks_van(obj),
        volgende_poging_op=nu,
        aangemaakt_op=nu,
        bijlagen=[asdict(b) for b in bijlagen],
    )
    try:
        with transaction.atomic():
            bericht.save()
    except IntegrityError:
        if sleutel is not None and Bericht.objects.filter(sleutel=sleutel).exists():
            return None
        raise
    bericht.ontvangers.add(*unieke)
    transaction.on_commit(_wek_werker)
    return bericht


#: The model label of a request; its messages form one order key (`reeks_van`).
VERZOEK_LABEL = "verzoeken.bijstandsverzoek"


def reeks_van(obj: models.Model | None) -> str:
    """The order key of a message about `obj`: its request (``"verzoeken.bijstandsverzoek:12"``).

    The request itself, or an object with a ``verzoek_id`` (a task, a decision) or with a
    ``deelverzoek`` (a deployment version); ``""`` (no order) for anything else. Read by
    attribute, so that the outbox does not import the requests (ADR 0015).
    """
    if obj is None:
        return ""
    if obj._meta.label_lower == VERZOEK_LABEL:
        return f"{VERZOEK_LABEL}:{obj.pk}"
    verzoek_id = getattr(obj, "verzoek_id", None)
    if verzoek_id is None:
        deel = getattr(obj, "deelverzoek", None)
        verzoek_id = getattr(deel, "verzoek_id", None)
    return f"{VERZOEK_LABEL}:{verzoek_id}" if verzoek_id is not None else ""


def _wek_werker() -> None:
    """Ask the worker to drain the outbox now (a wake-up only; the row is the durable state).

    Sends `berichten_wachten`; its receiver in `meldingen.tasks` enqueues the job, so that this
    module does not import the tasks that call it (ADR 0015).
    """
    berichten_wachten.send(sender=Bericht)


@dataclass(frozen=True)
class Verzendresultaat:
    """What one `berichten_versturen` call did (counts of messages)."""

    verzonden: int = 0
    mislukt: int = 0
    opnieuw: int = 0
    geen_adres: int = 0


def _lease(*, nu: datetime, aantal: int, verstreken: timedelta = timedelta(0)) -> list[int]:
    """Take a lease on up to `aantal` due messages; returns their ids.

    The lease runs from `nu` plus the time `verstreken` since the run began, so that a message
    leased late in a long run (a slow mail server) still has the whole lease for itself.
    A message waits while an earlier one of its `reeks` (its request) still waits, e.g. for
    its retry: the messages of a request go out in the order they were written (ADR 0053).
    """
    lease_tot = nu + verstreken + timedelta(seconds=settings.BERICHT_LEASE_SECONDEN)
    eerder_wachtend = Bericht.objects.filter(
        reeks=OuterRef("reeks"), status=BerichtStatus.WACHTEND, id__lt=OuterRef("id")
    )
    with transaction.atomic():
        qs = (
            Bericht.objects.filter(
                Q(lease_tot__isnull=True) | Q(lease_tot__lte=nu),
                status=BerichtStatus.WACHTEND,
                volgende_poging_op__lte=nu,
            )
            .exclude(~Q(reeks="") & Exists(eerder_wachtend))
            .order_by("volgende_poging_op", "id")
        )
        qs = qs.select_for_update(skip_locked=True)
        ids = list(qs.values_list("id", flat=True)[:aantal])
        if ids:
            Bericht.objects.filter(id__in=ids).update(lease_tot=lease_tot)
    return ids


def berichten_versturen(*, nu: datetime | None = None, aantal: int = 100) -> Verzendresultaat:
    """Send the due messages of the outbox (called by the worker; safe to run in parallel).

    Each message is leased (``lease_tot``) just before sending, so two workers never send the same
    row at once; a worker that dies leaves a lease that expires, after which the row is sent
    again (at-least-once delivery) with the same Message-ID (ADR 0034). Each message goes to
    the functional mailboxes (`Organisatie.mailbox`) of its receivers; the codes of receivers
    without one are stored in `zonder_adres` (shown on the request and to the beheerder).
    When no receiver has a mailbox, the row is marked geen_adres and not retried.

    Args:
        nu: aware UTC datetime (default: now).
        aantal: at most this many messages per call.
    """
    nu = nu or timezone.now()
    verzonden = mislukt = opnieuw = geen_adres = 0
    begin = time.monotonic()
    for _ in range(aantal):
        # One message at a time: its lease starts just before its own attempt (ADR 0034).
        verstreken = timedelta(seconds=time.monotonic() - begin)
        geleased = _lease(nu=nu, aantal=1, verstreken=verstreken)
        if not geleased:
            break
        bericht = Bericht.objects.prefetch_related("ontvangers").get(pk=geleased[0])
        ontvangers = sorted(bericht.ontvangers.all(), key=lambda o: o.code)
        adressen = sorted({o.mailbox for o in ontvangers if o.mailbox})
        zonder_adres = [o.code for o in ontvangers if not o.mailbox]
        if not adressen:
            Bericht.objects.filter(pk=bericht.pk).update(
                status=BerichtStatus.GEEN_ADRES, lease_tot=None, zonder_adres=zonder_adres
            )
            geen_adres += 1
            continue
        try:
            mail = EmailMessage(
                subject=bericht.onderwerp,
                body=bericht.inhoud,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=adressen,
                headers={
                    # The same id on every attempt: a receiver drops a copy it has (ADR 0034).
                    "Message-ID": bericht.message_id,
                    "X-Politiebijstand-Bericht": str(bericht.uuid),
                },
            )
            for gegevens in bericht.bijlagen:
                bijlage = Bijlage(**gegevens)
                mail.attach(bijlage.naam, _bijlage_inhoud(bijlage), "application/pdf")
            mail.send(fail_silently=False)
        except Exception as exc:  # a transport error or a broken attachment: retried
            pogingen = bericht.pogingen + 1
            laatste = pogingen >= settings.BERICHT_MAX_POGINGEN
            Bericht.objects.filter(pk=bericht.pk).update(
                pogingen=pogingen,
                lease_tot=None,
                laatste_fout=f"{type(exc).__name__}: {exc}"[:2000],
                status=BerichtStatus.MISLUKT if laatste else BerichtStatus.WACHTEND,
                volgende_poging_op=nu + wachttijd_na(pogingen),
                zonder_adres=zonder_adres,
            )
            if laatste:
                mislukt += 1
            else:
                opnieuw += 1
            continue
        Bericht.objects.filter(pk=bericht.pk).update(
            status=BerichtStatus.VERZONDEN,
            pogingen=bericht.pogingen + 1,
            lease_tot=None,
            verzonden_op=nu,
            adressen=adressen,
            zonder_adres=zonder_adres,
            laatste_fout="",
        )
        verzonden += 1
    return Verzendresultaat(
        verzonden=verzonden, mislukt=mislukt, opnieuw=opnieuw, geen_adres=geen_adres
    )


#: Audit events of the beheerder's page of caught messages (`make run`'s catcher, issue #10).
GEVANGEN_EMAIL_LIJST_BEKEKEN = "gevangen-email-lijst-bekeken"
GEVANGEN_EMAIL_BEKEKEN = "gevangen-email-bekeken"


def mailvanger_map() -> Path | None:
    """The catcher's folder when this installation runs one (conf.dev's MAILVANGER_MAP)."""
    map_: Path | None = getattr(settings, "MAILVANGER_MAP", None)
    return map_


@transaction.atomic
def gevangen_berichten_bekijken(*, door: AbstractBaseUser) -> list[GevangenBericht]:
    """The caught messages, newest first, for a beheerder; the viewing is audited.

    Returns [] without a catcher (production: mail leaves by the real relay).
    """
    map_ = mailvanger_map()
    berichten = gevangen_berichten(map_) if map_ is not None else []
    audit_record(
        gebeurtenis=GEVANGEN_EMAIL_LIJST_BEKEKEN,
        actor=door,
        object_type="meldingen.gevangen_email",
        na={"aantal": len(berichten)},
    )
    return berichten


@transaction.atomic
def gevangen_bericht_bekijken(
    *, door: AbstractBaseUser, naam: str
) -> tuple[GevangenBericht, str] | None:
    """One caught message (headers, plain-text body) for a beheerder; the viewing is audited.

    Args:
        door: the beheerder.
        naam: the file name, as listed (``"<64 hex>.eml"``).

    Returns:
        None when there is no catcher or no such message (nothing audited then).
    """
    map_ = mailvanger_map()
    gevonden = gevangen_bericht(map_, naam) if map_ is not None else None
    if gevonden is not None:
        audit_record(
            gebeurtenis=GEVANGEN_EMAIL_BEKEKEN,
            actor=door,
            object_type="meldingen.gevangen_email",
            object_id=naam.removesuffix(EXTENSIE),
            na={"message_id": gevonden[0].message_id},
        )
    return gevonden
