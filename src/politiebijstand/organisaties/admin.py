from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from politiebijstand.organisaties.models import Organisatie

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Organisatie]
else:  # ModelAdmin is generic only in django-stubs
    _ModelAdmin = admin.ModelAdmin


@admin.register(Organisatie)
class OrganisatieAdmin(_ModelAdmin):
    list_display = ("code", "afkorting", "naam", "soort", "telefoon_spoed", "parent", "actief")
    list_filter = ("soort", "actief")
    search_fields = ("code", "naam", "afkorting", "omschrijving")
    ordering = ("code",)
    autocomplete_fields = ("parent",)
    readonly_fields = ("aangemaakt_op", "bijgewerkt_op")
