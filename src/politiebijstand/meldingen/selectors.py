"""Reading the outbox: the delivery state of messages, per receiving organisation (issue #10)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import models

from politiebijstand.meldingen.models import Bericht, BerichtStatus


class Bezorging(models.TextChoices):
    """The delivery state of one message to one organisation."""

    WACHTEND = "wachtend", "Wachtend"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Mislukt"
    ZONDER_ADRES = "zonder_adres", "Niet bezorgd: geen mailbox bekend"


@dataclass(frozen=True)
class Bezorgstatus:
    """One message to one receiving organisation, as shown on the request.

    Times are aware UTC datetimes (show them in Europe/Amsterdam).
    """

    bericht_uuid: str
    soort: str
    onderwerp: str
    organisatie_code: str
    organisatie_naam: str
    adres: str
    status: Bezorging
    aangemaakt_op: datetime
    verzonden_op: datetime | None
    pogingen: int
    volgende_poging_op: datetime | None

    @property
    def status_label(self) -> str:
        """Dutch label of `status`, e.g. ``"Verzonden"``."""
        return str(self.status.label)


_STATUS = {
    BerichtStatus.WACHTEND: Bezorging.WACHTEND,
    BerichtStatus.VERZONDEN: Bezorging.VERZONDEN,
    BerichtStatus.MISLUKT: Bezorging.MISLUKT,
    BerichtStatus.GEEN_ADRES: Bezorging.ZONDER_ADRES,
}


def _rijen(berichten: Iterable[Bericht]) -> list[Bezorgstatus]:
    uit: list[Bezorgstatus] = []
    for bericht in berichten:
        zonder = set(bericht.zonder_adres)
        for organisatie in sorted(bericht.ontvangers.all(), key=lambda o: o.code):
            # Before the first attempt the current mailbox decides; afterwards what was used.
            if bericht.status == BerichtStatus.WACHTEND and bericht.pogingen == 0:
                geen = not organisatie.mailbox
            else:
                geen = organisatie.code in zonder or bericht.status == BerichtStatus.GEEN_ADRES
            status = Bezorging.ZONDER_ADRES if geen else _STATUS[BerichtStatus(bericht.status)]
            uit.append(
                Bezorgstatus(
                    bericht_uuid=str(bericht.uuid),
                    soort=bericht.soort,
                    onderwerp=bericht.onderwerp,
                    organisatie_code=organisatie.code,
                    organisatie_naam=organisatie.naam,
                    adres="" if geen else organisatie.mailbox,
                    status=status,
                    aangemaakt_op=bericht.aangemaakt_op,
                    verzonden_op=bericht.verzonden_op,
                    pogingen=bericht.pogingen,
                    volgende_poging_op=(
                        bericht.volgende_poging_op if status == Bezorging.WACHTEND else None
                    ),
                )
            )
    return uit


def bezorgstatus_voor(obj_type: str, obj_id: str | int) -> list[Bezorgstatus]:
    """The delivery state of every message about one object, per receiver, oldest first.

    Args:
        obj_type: ``'app_label.model'`` of the object, e.g. ``"verzoeken.taak"``.
        obj_id: its primary key.

    Returns:
        One row per (message, receiving organisation), by creation time, then organisation
        code. A receiver without a functional mailbox has status ``zonder_adres``.
    """
    return bezorgstatus_voor_objecten([(obj_type, obj_id)])


def bezorgstatus_voor_objecten(objecten: Iterable[tuple[str, str | int]]) -> list[Bezorgstatus]:
    """As `bezorgstatus_voor`, for several objects at once (a request and its tasks).

    Args:
        objecten: (``'app_label.model'``, primary key) pairs.
    """
    per_type: dict[str, set[str]] = {}
    for obj_type, obj_id in objecten:
        per_type.setdefault(obj_type, set()).add(str(obj_id))
    filter_ = models.Q(pk__in=[])
    for obj_type, ids in per_type.items():
        filter_ |= models.Q(object_type=obj_type, object_id__in=sorted(ids))
    berichten = Bericht.objects.filter(filter_).prefetch_related("ontvangers")
    return _rijen(berichten.order_by("aangemaakt_op", "id"))


def bezorgstatus_van_modellen(objecten: Iterable[models.Model]) -> list[Bezorgstatus]:
    """As `bezorgstatus_voor_objecten`, given the model instances themselves."""
    return bezorgstatus_voor_objecten((o._meta.label_lower, o.pk) for o in objecten)
