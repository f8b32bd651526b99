"""Read-only views of requests, parts and tasks for technical administrators.

Changes go through the services (audit, outbox, procedure runs); the admin only shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelverzoek,
    StatusWijziging,
    Taak,
)

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Model]
else:  # ModelAdmin is generic only in django-stubs
    _ModelAdmin = admin.ModelAdmin


class _AlleenLezen(_ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Bijstandsverzoek)
class BijstandsverzoekAdmin(_AlleenLezen):
    list_display = ("kenmerk", "titel", "status", "eenheid", "spoed", "aangemaakt_op")
    list_filter = ("status", "spoed", "gezag")
    search_fields = ("kenmerk", "titel")


@admin.register(Deelverzoek)
class DeelverzoekAdmin(_AlleenLezen):
    list_display = ("verzoek", "volgnummer", "procedure_id", "status", "volgende_timer")
    list_filter = ("procedure_id", "status")
    exclude = ("run_state",)


@admin.register(Taak)
class TaakAdmin(_AlleenLezen):
    list_display = ("naam", "organisatie", "status", "due", "verzoek")
    list_filter = ("status", "bpmn_lane", "procedure_id")


@admin.register(Besluit)
class BesluitAdmin(_AlleenLezen):
    list_display = ("verzoek", "uitkomst", "namens", "genomen_op")


@admin.register(StatusWijziging)
class StatusWijzigingAdmin(_AlleenLezen):
    list_display = ("verzoek", "deelverzoek", "van", "naar", "handeling", "op")
