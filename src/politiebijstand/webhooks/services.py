"""Webhook subscriptions, the deliveries written with a status change, and their sending.

Issue #12 item 5, ADR 0050. `status_gewijzigd_melden` is called by `verzoeken.workflow` inside
the transaction of the status change, for the organisations that take part in the request
(the need-to-know of the request list: `Bijstandsverzoek.deelnemende_organisatie_codes`, the
set `toegang.regels.neemt_deel_aan_verzoek` tests). It writes one `WebhookLevering` per active
subscription of an active organisation among them; a rolled-back change leaves none.
`leveringen_versturen` is called by the worker (`webhooks.tasks`): it leases one due delivery at
a time, POSTs it signed (`webhooks.handtekening`), and records the outcome; a failed attempt is
retried after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours, then the delivery is
mislukt. Per subscription and request the deliveries go in the order they were written: a
later one waits while an earlier one is still wachtend.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.versleuteling import geheim_ontsleutelen, geheim_versleutelen
from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.webhooks import bezorging
from politiebijstand.webhooks.handtekening import handtekening, lichaam
from politiebijstand.webhooks.models import LeveringStatus, WebhookAbonnement, WebhookLevering
from politiebijstand.webhooks.signals import leveringen_wachten

#: The event types (payload "type").
VERZOEK_STATUS_GEWIJZIGD = "verzoek.status-gewijzigd"
DEELVERZOEK_STATUS_GEWIJZIGD = "deelverzoek.status-gewijzigd"

#: The wait after the 1st, 2nd, ... failed attempt; after the last one the delivery is mislukt.
WACHTTIJDEN = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
#: Attempts in all: the first and one per wait.
MAX_POGINGEN = len(WACHTTIJDEN) + 1
#: A worker owns a leased delivery this long (well above the 5-second timeout).
LEASE = timedelta(minutes=2)

#: Audit events.
ABONNEMENT_AANGEMAAKT = "webhook-abonnement-aangemaakt"
ABONNEMENT_GEDEACTIVEERD = "webhook-abonnement-gedeactiveerd"
LEVERINGEN_BEKEKEN = "webhook-leveringen-bekeken"

#: The prefix of every secret, so that it is recognised (e.g. by a secret scanner).
GEHEIM_PREFIX = "whsec_"


class WebhookFout(ValueError):
    """A refused change; `veld` names the field, the message is Dutch. Nothing was changed."""

    def __init__(self, bericht: str, *, veld: str) -> None:
        super().__init__(bericht)
        self.veld = veld


def tijdstip_utc(moment: datetime) -> str:
    """UTC ISO 8601 in whole seconds with ``Z``, e.g. ``"2026-03-02T09:00:00Z"``."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


# --- subscriptions ----------------------------------------------------------------------------


@transaction.atomic
def abonnement_aanmaken(
    *,
    door: Gebruiker,
    organisatie: Organisatie,
    url: str,
    omschrijving: str = "",
    nu: datetime | None = None,
) -> tuple[WebhookAbonnement, str]:
    """Subscribe `url` of `organisatie` to the status changes of the requests it takes part in.

    Args:
        door: the beheerder of `organisatie` (the page checks the role).
        organisatie: the organisation whose requests' changes are sent.
        url: the receiver, checked by `bezorging.url_controleren` (https only in production).
        omschrijving: which system it is, at most 200 characters.
        nu: aware UTC datetime (default: now).

    Returns:
        The subscription and its secret (``"whsec_"`` + 43 url-safe characters): shown once;
        only its encryption is stored.

    Raises:
        WebhookFout: the URL is not allowed (veld ``url``), the description is too long (veld
            ``omschrijving``).
    """
    try:
        url = bezorging.url_controleren(url)
    except bezorging.OngeldigeWebhookUrl as exc:
        raise WebhookFout(str(exc), veld="url") from exc
    omschrijving = omschrijving.strip()
    if len(omschrijving) > 200:
        raise WebhookFout("Omschrijving: hoogstens 200 tekens.", veld="omschrijving")
    nu = nu or timezone.now()
    geheim = GEHEIM_PREFIX + secrets.token_urlsafe(32)
    abonnement = WebhookAbonnement.objects.create(
        organisatie=organisatie,
        url=url,
        omschrijving=omschrijving,
        geheim_versleuteld=geheim_versleutelen(geheim),
        aangemaakt_door=door,
        aangemaakt_op=nu,
    )
    audit_record(
        gebeurtenis=ABONNEMENT_AANGEMAAKT,
        actor=door,
        obj=abonnement,
        na={"organisatie": organisatie.code, "url": url, "omschrijving": omschrijving},
    )
    return abonnement, geheim


@transaction.atomic
def abonnement_deactiveren(
    *, door: Gebruiker, abonnement: WebhookAbonnement, nu: datetime | None = None
) -> WebhookAbonnement:
    """Stop a subscription; its waiting deliveries become vervallen. Idempotent.

    Returns:
        The subscription, as stored.
    """
    abonnement = WebhookAbonnement.objects.select_for_update().get(pk=abonnement.pk)
    if not abonnement.actief:
        return abonnement
    nu = nu or timezone.now()
    abonnement.actief = False
    abonnement.gedeactiveerd_op = nu
    abonnement.save(update_fields=["actief", "gedeactiveerd_op"])
    vervallen = WebhookLevering.objects.filter(
        abonnement=abonnement, status=LeveringStatus.WACHTEND
    ).update(status=LeveringStatus.VERVALLEN, lease_tot=None)
    audit_record(
        gebeurtenis=ABONNEMENT_GEDEACTIVEERD,
        actor=door,
        obj=abonnement,
        voor={"actief": True},
        na={"actief": False, "vervallen_leveringen": vervallen},
    )
    return abonnement


@transaction.atomic
def leveringen_bekijken(
    *, door: Gebruiker, abonnement: WebhookAbonnement, aantal: int = 200
) -> list[WebhookLevering]:
    """The subscription's latest `aantal` deliveries, newest first; the viewing is audited."""
    leveringen = list(
        WebhookLevering.objects.filter(abonnement=abonnement).order_by("-id")[:aantal]
    )
    audit_record(
        gebeurtenis=LEVERINGEN_BEKEKEN,
        actor=door,
        obj=abonnement,
        na={"aantal": len(leveringen)},
    )
    return leveringen


# --- writing deliveries, in the status change's transaction -----------------------------------


def status_gewijzigd_melden(
    *,
    verzoek: UUID,
    kenmerk: str,
    status: str,
    oud: str,
    tijdstip: datetime,
    organisatie_codes: Collection[str],
    deelverzoek: int | None = None,
) -> list[WebhookLevering]:
    """Write a delivery of this status change for every subscription that may receive it.

    Call inside the transaction of the change. The receivers are the active subscriptions of
    the active organisations in `organisatie_codes`: pass the request's participants
    (`Bijstandsverzoek.deelnemende_organisatie_codes()`, the need-to-know of the request list).

    Args:
        verzoek: the request's uuid.
        kenmerk: the request's kenmerk, e.g. ``"BV-2026-000042"``.
        status: the new status (`VerzoekStatus` or, with `deelverzoek`, `DeelverzoekStatus`).
        oud: the old status ("" for none).
        tijdstip: aware datetime of the change (sent in UTC).
        organisatie_codes: who may see the request.
        deelverzoek: the part's volgnummer for a part's change (type
            ``deelverzoek.status-gewijzigd``); None for the request's own change (type
            ``verzoek.status-gewijzigd``).

    Returns:
        The new deliveries (none without subscriptions). The payload (no personal data)::

            {"id": "<event uuid>", "type": "verzoek.status-gewijzigd", "verzoek": "<uuid>",
             "kenmerk": "BV-2026-000042", "status": "besloten", "oud": "in_behandeling",
             "tijdstip": "2026-03-02T09:00:00Z"}

        and for a part also ``"deelverzoek": <volgnummer>``.
    """
    abonnementen = list(
        WebhookAbonnement.objects.filter(
            actief=True, organisatie__actief=True, organisatie__code__in=sorted(organisatie_codes)
        ).order_by("id")
    )
    if not abonnementen:
        return []
    gebeurtenis_id = uuid.uuid4()
    payload: dict[str, Any] = {
        "id": str(gebeurtenis_id),
        "type": DEELVERZOEK_STATUS_GEWIJZIGD
        if deelverzoek is not None
        else VERZOEK_STATUS_GEWIJZIGD,
        "verzoek": str(verzoek),
        "kenmerk": kenmerk,
        "status": str(status),
        "oud": str(oud) or None,
        "tijdstip": tijdstip_utc(tijdstip),
    }
    if deelverzoek is not None:
        payload["deelverzoek"] = deelverzoek
    nu = timezone.now()
    leveringen = WebhookLevering.objects.bulk_create(
        [
            WebhookLevering(
                abonnement=abonnement,
                gebeurtenis_id=gebeurtenis_id,
                soort=payload["type"],
                verzoek=verzoek,
                payload=payload,
                volgende_poging_op=nu,
                aangemaakt_op=nu,
            )
            for abonnement in abonnementen
        ]
    )
    transaction.on_commit(_wek_werker)
    return leveringen


def _wek_werker() -> None:
    """Ask the worker to send now (a wake-up only; the rows are the durable state)."""
    leveringen_wachten.send(sender=WebhookLevering)


# --- sending ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verzendresultaat:
    """What one `leveringen_versturen` call did (counts of deliveries)."""

    bezorgd: int = 0
    opnieuw: int = 0
    mislukt: int = 0
    vervallen: int = 0


def _lease(*, nu: datetime) -> WebhookLevering | None:
    """Lease the next due delivery, or None; with its subscription and organisation.

    Due: wachtend, its time has come, no live lease, and no earlier delivery of the same
    subscription and request is still wachtend (the order per request).
    """
    eerder_wachtend = WebhookLevering.objects.filter(
        abonnement_id=OuterRef("abonnement_id"),
        verzoek=OuterRef("verzoek"),
        status=LeveringStatus.WACHTEND,
        id__lt=OuterRef("id"),
    )
    with transaction.atomic():
        qs = (
            WebhookLevering.objects.filter(
                Q(lease_tot__isnull=True) | Q(lease_tot__lte=nu),
                status=LeveringStatus.WACHTEND,
                volgende_poging_op__lte=nu,
            )
            .exclude(Exists(eerder_wachtend))
            .order_by("volgende_poging_op", "id")
            .select_for_update(skip_locked=True)
        )
        ids = list(qs.values_list("id", flat=True)[:1])
        if not ids:
            return None
        WebhookLevering.objects.filter(id=ids[0]).update(lease_tot=nu + LEASE)
    return WebhookLevering.objects.select_related("abonnement__organisatie").get(pk=ids[0])


def _poging(levering: WebhookLevering, *, nu: datetime) -> tuple[int | None, str]:
    """One POST of `levering`; returns (HTTP status or None, error text or "")."""
    abonnement = levering.abonnement
    body = lichaam(levering.payload)
    webhook_id = str(levering.gebeurtenis_id)
    tijdstempel = int(nu.timestamp())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "politiebijstand-webhooks/1",
        "Webhook-Id": webhook_id,
        "Webhook-Timestamp": str(tijdstempel),
        "Webhook-Signature": handtekening(
            geheim=geheim_ontsleutelen(abonnement.geheim_versleuteld),
            webhook_id=webhook_id,
            tijdstempel=tijdstempel,
            body=body,
        ),
    }
    try:
        http_status = bezorging.posten(abonnement.url, body=body, headers=headers)
    except Exception as exc:  # refused URL, connection, timeout, TLS, not HTTP: retried
        return None, f"{type(exc).__name__}: {exc}"[:2000]
    if 200 <= http_status < 300:
        return http_status, ""
    if 300 <= http_status < 400:
        return http_status, f"HTTP {http_status}: doorverwijzingen worden niet gevolgd"
    return http_status, f"HTTP {http_status}"


def leveringen_versturen(*, nu: datetime | None = None, aantal: int = 100) -> Verzendresultaat:
    """Send the due deliveries (called by the worker; safe to run in parallel).

    At-least-once: a worker that dies leaves a lease (`LEASE`) that expires, after which the
    delivery is sent again with the same ``Webhook-Id``. A delivery of a subscription that was
    deactivated, or of an organisation that is no longer active, becomes vervallen unsent.

    Args:
        nu: aware UTC datetime of every attempt (default: the clock at each attempt); also
            the ``Webhook-Timestamp``.
        aantal: at most this many attempts per call.
    """
    bezorgd = opnieuw = mislukt = vervallen = 0
    for _ in range(aantal):
        # Each attempt at its own time: a lease taken late in a long run still lasts `LEASE`.
        moment = nu or timezone.now()
        levering = _lease(nu=moment)
        if levering is None:
            break
        abonnement = levering.abonnement
        if not abonnement.actief or not abonnement.organisatie.actief:
            WebhookLevering.objects.filter(pk=levering.pk).update(
                status=LeveringStatus.VERVALLEN, lease_tot=None
            )
            vervallen += 1
            continue
        http_status, fout = _poging(levering, nu=moment)
        pogingen = levering.pogingen + 1
        velden: dict[str, Any] = {
            "pogingen": pogingen,
            "lease_tot": None,
            "laatste_http_status": http_status,
            "laatste_fout": fout,
            "laatste_poging_op": moment,
        }
        if not fout:
            velden.update(status=LeveringStatus.BEZORGD, bezorgd_op=moment)
            bezorgd += 1
        elif pogingen >= MAX_POGINGEN:
            velden.update(status=LeveringStatus.MISLUKT)
            mislukt += 1
        else:
            velden.update(volgende_poging_op=moment + WACHTTIJDEN[pogingen - 1])
            opnieuw += 1
        WebhookLevering.objects.filter(pk=levering.pk).update(**velden)
    return Verzendresultaat(bezorgd=bezorgd, opnieuw=opnieuw, mislukt=mislukt, vervallen=vervallen)
