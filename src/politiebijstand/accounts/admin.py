"""Django admin of accounts, for technical administration (issues #3, #9; ADR 0027).

- Every change is audited in the transaction of the change, with before and after:
  `gebruiker-aangemaakt`, `rechten-gewijzigd` (role, organisation, active, staff, superuser,
  groups, permissions), `gebruiker-gewijzigd` (the other fields), `wachtwoord-ingesteld`,
  `tweede-factor-verwijderd`; groups as `beheer-*` (`AuditBeheerMixin`).
- Sensitive actions ask for allauth's re-authentication first: setting a password (its page),
  saving an account or a group (rights), and the actions on accounts (resetting a second factor).
- Second factors are never shown or edited: allauth's Authenticator admin (which shows the
  TOTP secret) is replaced by a read-only list without the secret; a beheerder can only reset
  a second factor, after which the person sets up TOTP anew.
- Accounts are deactivated, never deleted (the audit trail keeps its actor).
- allauth's e-mail address and user-session admins are removed: a session key or an e-mail
  address changed in the admin would be a silent way into an account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

# Imported for their registrations, which are removed below.
import allauth.account.admin
import allauth.mfa.admin
import allauth.usersessions.admin  # noqa: F401
from allauth.account.models import EmailAddress, EmailConfirmation
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from politiebijstand.accounts.herauthenticatie import herauthenticatie_omleiding
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.services import (
    beheer_toestand,
    beheer_wijziging_vastleggen,
    tweede_factor_resetten,
    wachtwoord_instelling_vastleggen,
)
from politiebijstand.audit.admin import AuditBeheerMixin, beheerder
from politiebijstand.web.beheerfilters import BeheerFiltersMixin

if TYPE_CHECKING:
    _UserAdmin = UserAdmin[Gebruiker]
    _GroupAdmin = GroupAdmin
    _ModelAdmin = admin.ModelAdmin[Authenticator]
else:  # UserAdmin and ModelAdmin are generic only in django-stubs
    _UserAdmin = UserAdmin
    _GroupAdmin = GroupAdmin
    _ModelAdmin = admin.ModelAdmin

# allauth registers these when its admin modules are imported (imported above, so that they
# are registered before they are removed, whatever the order of INSTALLED_APPS).
for _model in (Authenticator, UserSession, EmailAddress, EmailConfirmation):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(Gebruiker)
class GebruikerAdmin(BeheerFiltersMixin, _UserAdmin):
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
    actions = ("tweede_factor_resetten",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
            return omleiding
        return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
            return omleiding
        return super().changelist_view(request, extra_context)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Set a password: after re-authentication, audited as `wachtwoord-ingesteld`."""
        if omleiding := herauthenticatie_omleiding(request):
            return omleiding
        with transaction.atomic():
            voor = Gebruiker.objects.select_for_update().filter(pk=id).first()
            response = super().user_change_password(request, id, form_url)
            na = Gebruiker.objects.filter(pk=id).first()
            if voor is not None and na is not None and na.password != voor.password:
                wachtwoord_instelling_vastleggen(
                    door=_gebruiker(request),
                    gebruiker=na,
                    voor_bruikbaar=voor.has_usable_password(),
                )
        return response

    def save_model(self, request: HttpRequest, obj: Gebruiker, form: Any, change: bool) -> None:
        oud = Gebruiker.objects.filter(pk=obj.pk).first() if change else None
        obj._beheer_voor = beheer_toestand(oud) if oud is not None else None  # type: ignore[attr-defined]
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        gebruiker = form.instance
        beheer_wijziging_vastleggen(
            door=_gebruiker(request),
            gebruiker=gebruiker,
            voor=getattr(gebruiker, "_beheer_voor", None),
        )

    @admin.action(description="Tweede factor resetten (opnieuw instellen bij de volgende log-in)")
    def tweede_factor_resetten(self, request: HttpRequest, queryset: QuerySet[Gebruiker]) -> None:
        """Remove the second factors of the selected accounts and end their sessions."""
        with transaction.atomic():
            for gebruiker in queryset:
                tweede_factor_resetten(gebruiker=gebruiker, door=_gebruiker(request))
        self.message_user(
            request,
            f"Tweede factor gereset voor {len(queryset)} account(s); zij stellen TOTP opnieuw in.",
            messages.SUCCESS,
        )


def _gebruiker(request: HttpRequest) -> Gebruiker | None:
    user = beheerder(request)
    return user if isinstance(user, Gebruiker) else None


admin.site.unregister(Group)


@admin.register(Group)
class GroepAdmin(BeheerFiltersMixin, AuditBeheerMixin, _GroupAdmin):
    """Django's groups (bundles of admin permissions): changes are rights, audited as beheer-*."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
            return omleiding
        return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
            return omleiding
        return super().delete_view(request, object_id, extra_context)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if request.method == "POST" and (omleiding := herauthenticatie_omleiding(request)):
            return omleiding
        return super().changelist_view(request, extra_context)


@admin.register(Authenticator)
class TweedeFactorAdmin(BeheerFiltersMixin, _ModelAdmin):
    """Which accounts have which second factor, read-only and without the secret (issue #9).

    A second factor is reset with the action on the accounts (`GebruikerAdmin`).
    """

    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields
    list_display = fields
    list_filter = ("type",)
    search_fields = ("user__username",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
