"""Writing and draining the outbox (issue #4, item 6).

`bericht_schrijven` is called inside the transaction of the change that causes the message.
`berichten_versturen` is called by the worker (`meldingen.tasks`): it leases due rows, sends
each with Django's mail framework (``EMAIL_BACKEND``; the console backend in development) to
the e-mail addresses of the receiving organisations, and records the outcome. A failure is
retried with a doubling wait, up to ``BERICHT_MAX_POGINGEN`` attempts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.meldingen.signals import berichten_wachten
from politiebijstand.organisaties.models import Organisatie

#: Wait before the first retry; it doubles with every attempt.
EERSTE_WACHTTIJD = timedelta(minutes=1)


def bericht_schrijven(
    *,
    soort: str,
    ontvangers: Sequence[Organisatie],
    onderwerp: str,
    inhoud: str,
    obj: models.Model | None = None,
    sleutel: str | None = None,
    nu: datetime | None = None,
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
        volgende_poging_op=nu,
        aangemaakt_op=nu,
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


def _lease(*, nu: datetime, aantal: int) -> list[int]:
    """Take a lease on up to `aantal` due messages; returns their ids."""
    lease_tot = nu + timedelta(seconds=settings.BERICHT_LEASE_SECONDEN)
    with transaction.atomic():
        qs = Bericht.objects.filter(
            Q(lease_tot__isnull=True) | Q(lease_tot__lte=nu),
            status=BerichtStatus.WACHTEND,
            volgende_poging_op__lte=nu,
        ).order_by("volgende_poging_op", "id")
        qs = qs.select_for_update(skip_locked=True)
        ids = list(qs.values_list("id", flat=True)[:aantal])
        if ids:
            Bericht.objects.filter(id__in=ids).update(lease_tot=lease_tot)
    return ids


def berichten_versturen(*, nu: datetime | None = None, aantal: int = 100) -> Verzendresultaat:
    """Send the due messages of the outbox (called by the worker; safe to run in parallel).

    Each message is leased (``lease_tot``) before sending, so two workers never send the same
    row at once; a worker that dies leaves a lease that expires, after which the row is sent
    again (at-least-once delivery). Organisations without an e-mail address: the row is
    marked geen_adres (shown in the admin) and not retried.

    Args:
        nu: aware UTC datetime (default: now).
        aantal: at most this many messages per call.
    """
    nu = nu or timezone.now()
    verzonden = mislukt = opnieuw = geen_adres = 0
    for bericht_id in _lease(nu=nu, aantal=aantal):
        bericht = Bericht.objects.prefetch_related("ontvangers").get(pk=bericht_id)
        adressen = sorted({o.email for o in bericht.ontvangers.all() if o.email})
        if not adressen:
            Bericht.objects.filter(pk=bericht.pk).update(
                status=BerichtStatus.GEEN_ADRES, lease_tot=None
            )
            geen_adres += 1
            continue
        try:
            EmailMessage(
                subject=bericht.onderwerp,
                body=bericht.inhoud,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=adressen,
                headers={"X-Politiebijstand-Bericht": str(bericht.uuid)},
            ).send(fail_silently=False)
        except Exception as exc:  # any transport error is retried
            pogingen = bericht.pogingen + 1
            laatste = pogingen >= settings.BERICHT_MAX_POGINGEN
            Bericht.objects.filter(pk=bericht.pk).update(
                pogingen=pogingen,
                lease_tot=None,
                laatste_fout=f"{type(exc).__name__}: {exc}"[:2000],
                status=BerichtStatus.MISLUKT if laatste else BerichtStatus.WACHTEND,
                volgende_poging_op=nu + EERSTE_WACHTTIJD * (2 ** (pogingen - 1)),
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
            laatste_fout="",
        )
        verzonden += 1
    return Verzendresultaat(
        verzonden=verzonden, mislukt=mislukt, opnieuw=opnieuw, geen_adres=geen_adres
    )
