from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from politiebijstand.audit.admin import AuditBeheerMixin
from politiebijstand.organisaties.geschiedenis import organisatie_geschiedenis
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.web.beheerfilters import BeheerFiltersMixin

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Organisatie]
else:  # ModelAdmin is generic only in django-stubs
    _ModelAdmin = admin.ModelAdmin


class MailboxFilter(admin.SimpleListFilter):
    """Organisations with or without a functional mailbox (issue #10 item 5).

    Messages to an organisation without one are not delivered; the beheerder finds those
    organisations with "Zonder mailbox" and fills them in.
    """

    title = "functionele mailbox"
    parameter_name = "mailbox"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("zonder", "Zonder mailbox"), ("met", "Met mailbox")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[Organisatie]
    ) -> QuerySet[Organisatie]:
        if self.value() == "zonder":
            return queryset.filter(mailbox="")
        if self.value() == "met":
            return queryset.exclude(mailbox="")
        return queryset


@admin.register(Organisatie)
class OrganisatieAdmin(BeheerFiltersMixin, AuditBeheerMixin, _ModelAdmin):
    """Reference data; saves audited by the model itself, deletions by the mixin.

    Saves: `organisatie-aangemaakt`/`-gewijzigd` (`geschiedenis.py`, issue #3); deletions:
    `beheer-verwijderd` (`AuditBeheerMixin`, issue #9).
    """

    audit_opslaan = False
    list_display = (
        "code",
        "afkorting",
        "naam",
        "soort",
        "mailbox",
        "telefoon_spoed",
        "parent",
        "actief",
    )
    list_filter = (MailboxFilter, "soort", "actief")
    search_fields = ("code", "naam", "afkorting", "omschrijving", "mailbox")
    ordering = ("code",)
    autocomplete_fields = ("parent", "eenheid", "regioburgemeester")
    readonly_fields = ("aangemaakt_op", "bijgewerkt_op", "geschiedenis")

    def save_model(self, request: HttpRequest, obj: Organisatie, form: Any, change: bool) -> None:
        obj._audit_door = request.user  # type: ignore[attr-defined]  # read by geschiedenis.py
        super().save_model(request, obj, form, change)

    @admin.display(description="Geschiedenis (audittrail)")
    def geschiedenis(self, obj: Organisatie) -> str:
        """Every recorded version of the organisation, newest first (issue #3)."""
        if obj.pk is None:
            return "-"
        rijen = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    regel.tijdstip.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M:%S"),
                    regel.actor_gebruikersnaam or "systeem",
                    regel.gebeurtenis,
                    _verschil(regel.voor, regel.na),
                )
                for regel in organisatie_geschiedenis(obj)[:100]
            ),
        )
        return format_html(
            "<table><thead><tr><th>Tijdstip</th><th>Door</th><th>Gebeurtenis</th>"
            "<th>Wijziging</th></tr></thead><tbody>{}</tbody></table>",
            rijen,
        )


def _verschil(voor: Any, na: Any) -> str:
    if not isinstance(na, dict):
        return ""
    if not isinstance(voor, dict):
        return "aangemaakt"
    return "; ".join(
        f"{veld}: {voor.get(veld)!r} → {na.get(veld)!r}"
        for veld in sorted(na)
        if voor.get(veld) != na.get(veld)
    )
