"""Reference data in the API: ``/api/v1/organisaties`` and ``/api/v1/gemeenten`` (issue #12).

The organisations of the bijstand process (the factsheet's "Contactgegevens", the units,
RCCBs, parketten) and the 342 municipalities with their police unit (Pw 2012 art. 25 lid 2).
Public facts from the factsheet and the CBS coding: every logged-in caller may read them, as
every logged-in user sees them on the request pages. Not shown: the functional mailbox (a
setting of the beheerder for delivering messages, `Organisatie.mailbox`). Mounted by
`api.urls`, which sets the `ETag`. ADR 0047.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.referentie import SOORTEN
from politiebijstand.organisaties.selectors import (
    SORTERING,
    gemeente_by_code,
    gemeente_list,
    organisatie_by_code,
    organisatie_list,
)
from politiebijstand.web.apibasis import (
    ETAG_KOP,
    FOUTEN,
    KEUZE_FOUT,
    NIET_GEVONDEN,
    LeesApi,
    LijstApi,
    QueryFilters,
    code_veld,
    ongeldige_parameters,
    queryparameters,
    sorteer_veld,
    zoek_veld,
)

_EEN_FOUTEN = {401: FOUTEN[401], 403: FOUTEN[403], 404: NIET_GEVONDEN}
_OPLOPEND = [k for k in SORTERING if not k.startswith("-")]


# --- query parameters -------------------------------------------------------------------------


class OrganisatieFilterSerializer(QueryFilters):
    """Filters and order of ``GET /api/v1/organisaties`` (all optional)."""

    zoek = zoek_veld("Tekst in code, naam of afkorting.")
    soort = serializers.ChoiceField(
        choices=list(SOORTEN.items()),
        required=False,
        help_text="Soort organisatie.",
        error_messages=KEUZE_FOUT,
    )
    eenheid = code_veld(
        "Code van een politie-eenheid, 'EENHEID-MN': de organisaties in haar gebied en haar "
        "onderdelen (RCCB, gemeenten, parketten)."
    )
    sorteer = sorteer_veld(_OPLOPEND, "code")


class GemeenteFilterSerializer(QueryFilters):
    """Filters and order of ``GET /api/v1/gemeenten`` (all optional)."""

    zoek = zoek_veld("Tekst in de naam.")
    eenheid = code_veld("Code van de politie-eenheid, 'EENHEID-MN'.")
    sorteer = sorteer_veld(_OPLOPEND, "code")


# --- output -----------------------------------------------------------------------------------


class ReferentieOrganisatieSerializer(serializers.Serializer[Any]):
    """An organisation of the bijstand process, as the factsheet names it."""

    code = serializers.CharField(help_text="Organisatiecode, bijvoorbeeld 'LOCC' of 'GM0344'.")
    naam = serializers.CharField(help_text="Volledige naam, zoals in de factsheet.")
    afkorting = serializers.CharField(help_text="Korte naam.")
    soort = serializers.ChoiceField(choices=list(SOORTEN.items()), help_text="Soort organisatie.")
    omschrijving = serializers.CharField(help_text="Rol in het bijstandsproces.")
    telefoon_spoed = serializers.CharField(help_text="Nummer bij spoed (24/7), of leeg.")
    telefoon = serializers.CharField(help_text="Nummer van de afdeling, of leeg.")
    telefoon_algemeen = serializers.CharField(help_text="Algemeen nummer, of leeg.")
    email = serializers.CharField(help_text="E-mailadres uit de factsheet, of leeg.")
    website = serializers.CharField(help_text="Webadres zonder 'https://', of leeg.")
    opmerking = serializers.CharField(help_text="Correcties op de bron; bereikbaarheid.")
    bron = serializers.CharField(help_text="Onderdelen van de factsheet of artikelen.")
    # Not `parent`: that name is DRF's link from a field to its serializer.
    onderdeel_van = serializers.SerializerMethodField(
        help_text="Code van de organisatie waar deze deel van is (`parent`), of null."
    )
    eenheid = serializers.SerializerMethodField(
        help_text="Code van de politie-eenheid van het gebied, of null."
    )
    regioburgemeester = serializers.SerializerMethodField(
        help_text="Voor een regionale eenheid: code van de gemeente van de regioburgemeester."
    )
    functionaris = serializers.CharField(help_text="Huidige ambtsdrager, of leeg.")
    actief = serializers.BooleanField(help_text="Uit: niet meer gebruikt, wel bewaard.")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_onderdeel_van(self, organisatie: Organisatie) -> str | None:
        return None if organisatie.parent is None else organisatie.parent.code

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_eenheid(self, organisatie: Organisatie) -> str | None:
        return None if organisatie.eenheid is None else organisatie.eenheid.code

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_regioburgemeester(self, organisatie: Organisatie) -> str | None:
        rb = organisatie.regioburgemeester
        return None if rb is None else rb.code


class EenheidSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Bijvoorbeeld 'EENHEID-MN'.")
    naam = serializers.CharField(help_text="Bijvoorbeeld 'Politie, eenheid Midden-Nederland'.")


class GemeenteSerializer(serializers.Serializer[Any]):
    """A municipality: its burgemeester's authority and its police unit."""

    code = serializers.RegexField(r"^GM[0-9]{4}$", help_text="CBS-code, bijvoorbeeld 'GM0344'.")
    naam = serializers.CharField(help_text="Bijvoorbeeld 'Gemeente Utrecht (burgemeester)'.")
    eenheid = EenheidSerializer(allow_null=True, help_text="De regionale politie-eenheid.")
    is_regioburgemeester = serializers.SerializerMethodField(
        help_text="De burgemeester is regioburgemeester van de eenheid (Pw 2012 art. 56 lid 3)."
    )
    functionaris = serializers.CharField(help_text="De burgemeester, of leeg.")
    actief = serializers.BooleanField(help_text="Uit: niet meer gebruikt, wel bewaard.")

    @extend_schema_field(serializers.BooleanField())
    def get_is_regioburgemeester(self, gemeente: Organisatie) -> bool:
        eenheid = gemeente.eenheid
        return eenheid is not None and eenheid.regioburgemeester_id == gemeente.pk


# --- views ------------------------------------------------------------------------------------


class OrganisatieLijstApi(LijstApi):
    """The organisations of the reference data."""

    @extend_schema(
        operation_id="organisaties_lijst",
        summary="Organisaties in het bijstandsproces",
        description=(
            "Referentiegegevens uit de factsheet, per pagina, standaard op code. Filters: "
            "`zoek`, `soort`, `eenheid`. Voor iedere ingelogde gebruiker."
        ),
        parameters=[OrganisatieFilterSerializer, ETAG_KOP],
        responses={200: ReferentieOrganisatieSerializer(many=True), **FOUTEN},
    )
    def get(self, request: Request) -> Response:
        filters = OrganisatieFilterSerializer(data=queryparameters(request))
        if not filters.is_valid():
            return ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        rijen = organisatie_list(
            zoek=waarden.get("zoek"),
            soort=waarden.get("soort"),
            eenheid=waarden.get("eenheid"),
            sorteer=waarden["sorteer"],
        )
        return self.pagina(rijen, ReferentieOrganisatieSerializer)


class OrganisatieDetailApi(LeesApi):
    """One organisation by its code."""

    @extend_schema(
        operation_id="organisatie_bekijken",
        summary="Eén organisatie",
        parameters=[ETAG_KOP],
        responses={200: ReferentieOrganisatieSerializer, **_EEN_FOUTEN},
    )
    def get(self, request: Request, code: str) -> Response:
        return Response(ReferentieOrganisatieSerializer(organisatie_by_code(code)).data)


class GemeenteLijstApi(LijstApi):
    """The municipalities with their police unit."""

    @extend_schema(
        operation_id="gemeenten_lijst",
        summary="Gemeenten met hun politie-eenheid",
        description=(
            "De gemeenten (CBS-indeling) met hun regionale eenheid en of hun burgemeester "
            "regioburgemeester is, per pagina, standaard op code. Filters: `zoek`, `eenheid`."
        ),
        parameters=[GemeenteFilterSerializer, ETAG_KOP],
        responses={200: GemeenteSerializer(many=True), **FOUTEN},
    )
    def get(self, request: Request) -> Response:
        filters = GemeenteFilterSerializer(data=queryparameters(request))
        if not filters.is_valid():
            return ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        rijen = gemeente_list(
            zoek=waarden.get("zoek"), eenheid=waarden.get("eenheid"), sorteer=waarden["sorteer"]
        )
        return self.pagina(rijen, GemeenteSerializer)


class GemeenteDetailApi(LeesApi):
    """One municipality by its CBS code."""

    @extend_schema(
        operation_id="gemeente_bekijken",
        summary="Eén gemeente",
        parameters=[ETAG_KOP],
        responses={200: GemeenteSerializer, **_EEN_FOUTEN},
    )
    def get(self, request: Request, code: str) -> Response:
        return Response(GemeenteSerializer(gemeente_by_code(code)).data)
