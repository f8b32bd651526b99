"""History of organisations: every change is kept in the audit trail (issue #3).

Each save of an `Organisatie` (the admin, `referentiedata_laden`, a shell) writes an audit row
with the fields before and after, in the same transaction: the audit trail is the version
table, and it is tamper-evident. The admin passes who changed it in `_audit_door`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie

#: Fields not kept in the history: they change on every save.
_NIET_BEWAARD = frozenset({"aangemaakt_op", "bijgewerkt_op"})

ORGANISATIE_AANGEMAAKT = "organisatie-aangemaakt"
ORGANISATIE_GEWIJZIGD = "organisatie-gewijzigd"


def toestand(organisatie: Organisatie) -> dict[str, Any]:
    """The stored fields of an organisation as JSON (relations as organisation codes)."""
    uit: dict[str, Any] = {}
    for veld in Organisatie._meta.concrete_fields:
        if veld.name in _NIET_BEWAARD or veld.primary_key:
            continue
        if veld.is_relation:
            doel = getattr(organisatie, veld.name)
            uit[veld.name] = doel.code if isinstance(doel, Organisatie) else None
        else:
            uit[veld.name] = getattr(organisatie, veld.attname)
    return uit


@receiver(pre_save, sender=Organisatie, dispatch_uid="pb_organisatie_voor")
def _onthoud_voor(sender: type[Model], instance: Organisatie, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    oud = Organisatie.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._audit_voor = toestand(oud) if oud is not None else None  # type: ignore[attr-defined]


@receiver(post_save, sender=Organisatie, dispatch_uid="pb_organisatie_na")
def _leg_vast(sender: type[Model], instance: Organisatie, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    voor = getattr(instance, "_audit_voor", None)
    na = toestand(instance)
    if not created and voor == na:
        return
    audit_record(
        gebeurtenis=ORGANISATIE_AANGEMAAKT if created else ORGANISATIE_GEWIJZIGD,
        actor=getattr(instance, "_audit_door", None),
        obj=instance,
        voor=None if created else voor,
        na=na,
    )


def organisatie_geschiedenis(organisatie: Organisatie) -> QuerySet[AuditLogEntry]:
    """Every recorded version of an organisation, newest first."""
    return AuditLogEntry.objects.filter(
        object_type=Organisatie._meta.label_lower, object_id=str(organisatie.pk)
    ).order_by("-volgnummer")
