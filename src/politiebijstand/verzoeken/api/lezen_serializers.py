"""Shapes of the API's read resources of requests (issue #12 item 1, ADR 0047).

Query parameters are lowerCamelCase (``genomenVanaf``); body fields are the models' Dutch
names, as in the rest of the API. Datetimes are ISO 8601 with the offset of Europe/Amsterdam
(stored in UTC). Organisations are ``{"code": ..., "naam": ...}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.documenten.constants import Soort
from politiebijstand.verzoeken.api.serializers import (
    BesluitRegelSerializer,
    OrganisatieSerializer,
    VerzoekKortSerializer,
)
from politiebijstand.verzoeken.constants import BesluitUitkomst, TaakStatus
from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.selectors import SORTERING_BESLUITEN, SORTERING_DOCUMENTEN
from politiebijstand.web.apibasis import KEUZE_FOUT, QueryFilters, sorteer_veld

# --- query parameters -------------------------------------------------------------------------


def _oplopend(sortering: Mapping[str, Any]) -> list[str]:
    """The ascending keys of a selector's sort table (``-`` keys are added by `sorteer_veld`)."""
    return [k for k in sortering if not k.startswith("-")]


class TakenFilterSerializer(QueryFilters):
    """Filters of ``GET /api/v1/verzoeken/{uuid}/taken`` (optional)."""

    status = serializers.ChoiceField(
        choices=TaakStatus.choices,
        required=False,
        help_text="Alleen stappen met deze status.",
        error_messages=KEUZE_FOUT,
    )


class BesluitFilterSerializer(QueryFilters):
    """Filters and order of ``GET /api/v1/besluiten`` (all optional)."""

    verzoek = serializers.UUIDField(
        required=False,
        help_text="Alleen de besluiten van dit verzoek (uuid).",
        error_messages={"invalid": "Moet een geldige uuid zijn."},
    )
    uitkomst = serializers.ChoiceField(
        choices=BesluitUitkomst.choices,
        required=False,
        help_text="Alleen besluiten met deze uitkomst.",
        error_messages=KEUZE_FOUT,
    )
    genomenVanaf = serializers.DateField(  # noqa: N815 (query key, lowerCamelCase)
        required=False,
        help_text="Genomen op of na deze dag (Nederlandse tijd), JJJJ-MM-DD.",
        error_messages={"invalid": "Moet een datum zijn als JJJJ-MM-DD."},
    )
    genomenTot = serializers.DateField(  # noqa: N815 (query key, lowerCamelCase)
        required=False,
        help_text=(
            "Genomen op of vóór deze dag (Nederlandse tijd, inbegrepen), JJJJ-MM-DD; vóór "
            "genomenVanaf geeft een lege lijst."
        ),
        error_messages={"invalid": "Moet een datum zijn als JJJJ-MM-DD."},
    )
    sorteer = sorteer_veld(_oplopend(SORTERING_BESLUITEN), "-genomen_op")


class DocumentFilterSerializer(QueryFilters):
    """Filters and order of ``GET /api/v1/documenten`` (all optional)."""

    verzoek = serializers.UUIDField(
        required=False,
        help_text="Alleen de documenten van dit verzoek (uuid).",
        error_messages={"invalid": "Moet een geldige uuid zijn."},
    )
    soort = serializers.ChoiceField(
        choices=Soort.choices,
        required=False,
        help_text="Alleen documenten van deze soort.",
        error_messages=KEUZE_FOUT,
    )
    sorteer = sorteer_veld(_oplopend(SORTERING_DOCUMENTEN), "-aangemaakt_op")


# --- output -----------------------------------------------------------------------------------


def _naam(gebruiker: Gebruiker | None) -> str | None:
    """A user's full name, else the user name; None without a user."""
    if gebruiker is None:
        return None
    return str(gebruiker.get_full_name() or gebruiker.get_username())


class VerzoekTaakSerializer(serializers.Serializer[Any]):
    """A step of a request: open, picked up, done or lapsed (the request page's steps)."""

    id = serializers.IntegerField(help_text="Id van de stap: GET /api/v1/taken/{id}.")
    naam = serializers.CharField(help_text="Naam van de stap, zoals de factsheet.")
    bpmn_id = serializers.CharField(help_text="BPMN-id, bijvoorbeeld 'taak_besluit_locc'.")
    procedure_id = serializers.CharField(help_text="'1' tot en met '9', '2_waterwerper', ...")
    deelverzoek = serializers.IntegerField(
        source="deelverzoek.volgnummer", help_text="Volgnummer van het deel van het verzoek."
    )
    organisatie = OrganisatieSerializer(help_text="De organisatie die de stap uitvoert.")
    status = serializers.ChoiceField(
        choices=TaakStatus.choices, help_text="Open, opgepakt, afgerond of vervallen."
    )
    is_besluit = serializers.BooleanField(help_text="Een besluitstap.")
    optioneel = serializers.BooleanField(help_text="Mag met een reden worden overgeslagen.")
    overgeslagen = serializers.BooleanField(help_text="Afgerond door over te slaan.")
    due = serializers.DateTimeField(allow_null=True, help_text="Uiterlijk gereed, of null.")
    aangemaakt_op = serializers.DateTimeField(help_text="Klaargezet.")
    opgepakt_door = serializers.SerializerMethodField(help_text="Naam, of null.")
    afgerond_op = serializers.DateTimeField(allow_null=True, help_text="Afgerond, of null.")
    afgerond_door = serializers.SerializerMethodField(help_text="Naam, of null.")
    gegevens = serializers.DictField(
        allow_null=True, help_text="Wat de stap vastlegde (een object), of null als hij open is."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_opgepakt_door(self, taak: Taak) -> str | None:
        return _naam(taak.opgepakt_door)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_afgerond_door(self, taak: Taak) -> str | None:
        return _naam(taak.afgerond_door)


class StapVeldSerializer(serializers.Serializer[Any]):
    """One field to send when completing a step (``POST /api/v1/taken/{id}``)."""

    naam = serializers.CharField(help_text="Naam van het veld, bijvoorbeeld 'toestemming'.")
    plaats = serializers.ChoiceField(
        choices=["gegevens", "body"],
        help_text="'gegevens': binnen het object `gegevens`; 'body': in de body zelf.",
    )
    soort = serializers.ChoiceField(
        choices=["ja_nee", "keuze", "duur", "tekst", "lijst", "bestand"],
        help_text=(
            "ja_nee: true of false; keuze: een van `keuzes`; duur: ISO 8601-duur zoals 'PT24H'; "
            "tekst: niet leeg; lijst: niet-lege lijst van verschillende teksten; bestand: PDF "
            "als multipart/form-data."
        ),
    )
    type = serializers.ChoiceField(
        choices=["boolean", "string", "array", "file"], help_text="Het JSON-type van de waarde."
    )
    verplicht = serializers.BooleanField(help_text="Altijd verplicht voor deze stap.")
    keuzes = serializers.ListField(
        child=serializers.CharField(),
        allow_null=True,
        help_text="De toegestane waarden van een keuze, anders null.",
    )
    omschrijving = serializers.CharField(help_text="Wat het veld vastlegt, en wanneer verplicht.")


class TaakDetailSerializer(VerzoekTaakSerializer):
    """One step, with its request and the fields to send to complete it.

    The step as a resource: its GET's body, and the representation whose `ETag` guards
    picking it up, handing it back and completing it (`If-Match`, ADR 0048).
    """

    verzoek = VerzoekKortSerializer(help_text="Het verzoek van de stap.")
    eenheid = OrganisatieSerializer(help_text="De vragende eenheid.")
    spoed = serializers.BooleanField(help_text="Een spoedverzoek.")
    opgepakt_op = serializers.DateTimeField(allow_null=True, help_text="Opgepakt, of null.")
    documentatie = serializers.CharField(help_text="De regel(s) van de factsheet bij de stap.")
    namens = serializers.SerializerMethodField(
        help_text=(
            "Organisatiecode van de partij zonder account namens wie uw organisatie deze stap "
            "vastlegt (met het ontvangen PDF als `bestand`), of null voor een eigen stap."
        )
    )
    velden = serializers.SerializerMethodField(
        help_text="De velden om de stap af te ronden; leeg als de stap niet meer open is."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_namens(self, taak: Taak) -> str | None:
        namens: str | None = self.context.get("namens")
        return namens

    @extend_schema_field(StapVeldSerializer(many=True))
    def get_velden(self, taak: Taak) -> list[dict[str, Any]]:
        velden: list[dict[str, Any]] = self.context["velden"]
        return velden


class BesluitKortSerializer(serializers.Serializer[Any]):
    """A decision as listed: who decided what, when, on which request."""

    uuid = serializers.UUIDField(help_text="Id van het besluit: GET /api/v1/besluiten/{uuid}.")
    verzoek = VerzoekKortSerializer(help_text="Het verzoek van het besluit.")
    deelverzoek = serializers.IntegerField(
        source="deelverzoek.volgnummer", help_text="Volgnummer van het deel van het verzoek."
    )
    uitkomst = serializers.ChoiceField(choices=BesluitUitkomst.choices, help_text="Het besluit.")
    namens = serializers.CharField(help_text="Namens wie besloten is.")
    grondslag = serializers.CharField(help_text="Wettelijke grondslag, of leeg.")
    organisatie = OrganisatieSerializer(help_text="De organisatie die besloot.")
    genomen_op = serializers.DateTimeField(help_text="Tijdstip van het besluit.")


class BesluitDetailSerializer(BesluitKortSerializer):
    """One decision with its reasons, conditions and outcome per requested line."""

    veld = serializers.ChoiceField(
        choices=["besluit", "besluit_defensie"],
        help_text="'besluit', of 'besluit_defensie' (DJZ namens de Minister van Defensie).",
    )
    motivering = serializers.CharField(help_text="De redenen (Awb 3:46).")
    voorwaarden = serializers.CharField(help_text="Voorwaarden bij toekenning, of leeg.")
    regels = BesluitRegelSerializer(many=True, help_text="Uitkomst per gevraagde regel.")


class DocumentSerializer(serializers.Serializer[Any]):
    """One version of a document of a request (metadata; the PDF at `inhoud`)."""

    uuid = serializers.UUIDField(help_text="Id van het document: GET /api/v1/documenten/{uuid}.")
    verzoek = VerzoekKortSerializer(help_text="Het verzoek van het document.")
    soort = serializers.ChoiceField(choices=Soort.choices, help_text="Soort document.")
    sleutel = serializers.CharField(
        help_text="Onderscheidt documenten van dezelfde soort, bijvoorbeeld de gemeente."
    )
    titel = serializers.CharField(help_text="Zoals in de lijst van documenten bij het verzoek.")
    versie = serializers.IntegerField(min_value=1, help_text="1, 2, ... per soort en sleutel.")
    bestandsnaam = serializers.CharField(help_text="Bijvoorbeeld 'besluit-v1.pdf'.")
    sha256 = serializers.RegexField(
        r"^[0-9a-f]{64}$", help_text="sha256 (hex) van de bytes; ook de ETag van de inhoud."
    )
    grootte = serializers.IntegerField(min_value=0, help_text="Grootte in bytes.")
    extern = serializers.BooleanField(help_text="Ontvangen van een partij zonder account.")
    afzender = serializers.CharField(help_text="Wie het van buiten stuurde, of leeg.")
    ondertekend_namens = serializers.CharField(help_text="Hoedanigheid van de ondertekening.")
    ondertekend_op = serializers.DateTimeField(allow_null=True, help_text="Ondertekend, of null.")
    aangemaakt_op = serializers.DateTimeField(help_text="Opgeslagen.")
    inhoud = serializers.SerializerMethodField(help_text="Pad van het PDF (application/pdf).")

    @extend_schema_field(serializers.CharField())
    def get_inhoud(self, document: Any) -> str:
        return reverse("api:document-inhoud", kwargs={"uuid": document.uuid})
