"""Django admin of accounts, for technical administration; rights changes are audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.services import rechten_wijziging_vastleggen

if TYPE_CHECKING:
    _UserAdmin = UserAdmin[Gebruiker]
else:  # UserAdmin is generic only in django-stubs
    _UserAdmin = UserAdmin


@admin.register(Gebruiker)
class GebruikerAdmin(_UserAdmin):
    list_display = ("username", "first_name", "last_name", "organisatie", "rol", "is_active")
    list_filter = ("rol", "is_active", "is_staff", "is_superuser", "is_demo", "organisatie")
    autocomplete_fields = ("organisatie",)
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Organisatie en rol", {"fields": ("organisatie", "rol", "is_demo")}),
    )
    add_fieldsets = (
        *(UserAdmin.add_fieldsets or ()),
        ("Organisatie en rol", {"fields": ("organisatie", "rol")}),
    )

    def save_model(self, request: HttpRequest, obj: Gebruiker, form: Any, change: bool) -> None:
        voor = Gebruiker.objects.get(pk=obj.pk) if change else None
        super().save_model(request, obj, form, change)
        door = request.user if isinstance(request.user, Gebruiker) else None
        rechten_wijziging_vastleggen(door=door, gebruiker=obj, voor=voor)
