"""Read-only view of the audit trail; `AuditBeheerMixin` audits every change in the admin.

Technical administration (the Django admin) is for reference data and accounts only
(ADR 0027). Every change made there goes into the hash-chained audit trail, in the
transaction of the change, with the state before and after (issue #9).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.audit.services import audit_record
from politiebijstand.web.beheerfilters import BeheerFiltersMixin

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[AuditLogEntry]
    _AnyModelAdmin = admin.ModelAdmin[Any]
else:  # ModelAdmin is generic only in django-stubs
    _ModelAdmin = admin.ModelAdmin
    _AnyModelAdmin = admin.ModelAdmin

BEHEER_AANGEMAAKT = "beheer-aangemaakt"
BEHEER_GEWIJZIGD = "beheer-gewijzigd"
BEHEER_VERWIJDERD = "beheer-verwijderd"


def beheerder(request: HttpRequest) -> AbstractBaseUser | None:
    """The logged-in user of an admin request, as the audit trail's actor."""
    user = request.user
    return user if isinstance(user, AbstractBaseUser) else None


def beheer_toestand(obj: models.Model, uitgesloten: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The stored state of `obj` as JSON: its fields by name, many-to-many as sorted texts.

    Args:
        obj: a saved model instance.
        uitgesloten: field names left out (secrets, or fields that change on every save).

    Returns:
        ``{field name: value}``; a foreign key as the related primary key, a many-to-many
        field as the sorted ``str()`` of the related objects.
    """
    toestand: dict[str, Any] = {}
    for veld in obj._meta.concrete_fields:
        if veld.name not in uitgesloten and not veld.primary_key:
            toestand[veld.name] = getattr(obj, veld.attname)
    for veld in obj._meta.many_to_many:
        if veld.name not in uitgesloten:
            toestand[veld.name] = sorted(str(o) for o in getattr(obj, veld.name).all())
    return toestand


class AuditBeheerMixin(_AnyModelAdmin):
    """A ModelAdmin whose creations, changes and deletions are audited (issue #9).

    Writes `beheer-aangemaakt` (na), `beheer-gewijzigd` (voor and na, only when something
    differs) and `beheer-verwijderd` (voor), with the object as the audit row's object, in the
    admin's transaction (changeform and delete views are atomic; bulk deletion is made so).
    Set `audit_opslaan = False` where the model audits its own saves (an `Organisatie`).
    """

    audit_opslaan: bool = True
    audit_uitgesloten: frozenset[str] = frozenset()

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        voor = None
        if change and obj.pk is not None:
            oud = type(obj)._default_manager.filter(pk=obj.pk).first()
            voor = beheer_toestand(oud, self.audit_uitgesloten) if oud is not None else None
        obj._audit_beheer_voor = voor
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if not self.audit_opslaan:
            return
        obj = form.instance
        voor = getattr(obj, "_audit_beheer_voor", None)
        na = beheer_toestand(obj, self.audit_uitgesloten)
        if voor == na:
            return
        audit_record(
            gebeurtenis=BEHEER_GEWIJZIGD if voor is not None else BEHEER_AANGEMAAKT,
            actor=beheerder(request),
            obj=obj,
            voor=voor,
            na=na,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        voor = beheer_toestand(obj, self.audit_uitgesloten)
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
        with transaction.atomic():
            super().delete_model(request, obj)
            audit_record(
                gebeurtenis=BEHEER_VERWIJDERD,
                actor=beheerder(request),
                object_type=object_type,
                object_id=object_id,
                voor=voor,
            )

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)


#: The object types whose audit rows the admin shows: accounts and reference data (and
#: rows without an object, such as failed log-ins). Rows about requests, tasks and messages
#: carry request data and stay out of the admin (ADR 0027).
ADMIN_OBJECTTYPEN = ("accounts.", "auth.", "mfa.", "organisaties.")


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(BeheerFiltersMixin, _ModelAdmin):
    """The audit rows of technical administration, read-only (issue #9)."""

    list_display = (
        "volgnummer",
        "tijdstip",
        "gebeurtenis",
        "actor_gebruikersnaam",
        "actor_organisatie_code",
        "object_type",
        "object_id",
    )
    list_filter = ("gebeurtenis", "actor_organisatie_code")
    search_fields = ("actor_gebruikersnaam", "object_id", "gebeurtenis")

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditLogEntry]:
        beheer = Q(object_type="")
        for prefix in ADMIN_OBJECTTYPEN:
            beheer |= Q(object_type__startswith=prefix)
        return super().get_queryset(request).filter(beheer)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
