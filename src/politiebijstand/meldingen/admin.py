"""Read-only view of the outbox for technical administrators."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from politiebijstand.meldingen.models import Bericht

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Bericht]
else:  # ModelAdmin is generic only in django-stubs
    _ModelAdmin = admin.ModelAdmin


@admin.register(Bericht)
class BerichtAdmin(_ModelAdmin):
    list_display = ("aangemaakt_op", "soort", "onderwerp", "status", "pogingen", "verzonden_op")
    list_filter = ("status", "soort")
    search_fields = ("onderwerp", "object_id")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
