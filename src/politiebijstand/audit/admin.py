"""Read-only view of the audit trail for technical administrators."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from politiebijstand.audit.models import AuditLogEntry

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[AuditLogEntry]
else:  # ModelAdmin is generic only in django-stubs
    _ModelAdmin = admin.ModelAdmin


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(_ModelAdmin):
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

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
