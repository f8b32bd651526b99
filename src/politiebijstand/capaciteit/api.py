"""``GET /api/v1/capaciteit``: the capacity register with availability at a moment (issue #12).

Who may read it: as the register page (`views.register`, ADR 0038), the LOCC (which keeps the
capacity overviews, factsheet toelichting 2) and beheerders (`selectors.mag_register_zien`).
Everyone else gets 403 (`alleen-locc`): the page shows them only the claims of their own
requests, which the API gives per request. Mounted by `api.urls`, which sets the `ETag`.
ADR 0047.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.duration import duration_iso_string

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import NotAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.capaciteit.constants import CapaciteitSoort, MiddelStatus
from politiebijstand.capaciteit.selectors import mag_register_zien
from politiebijstand.capaciteit.services import Beschikbaarheid, register_op
from politiebijstand.web.apibasis import (
    ETAG_KOP,
    FOUTEN,
    KEUZE_FOUT,
    LijstApi,
    QueryFilters,
    code_veld,
    ongeldige_parameters,
    queryparameters,
    sorteer_veld,
)
from politiebijstand.web.problemen import PROBLEEM_SCHEMA, probleem_api_response

#: ``sorteer`` value -> sort key of a register line (ties: provider code, kind, name).
_SORTERING: dict[str, Callable[[Beschikbaarheid], tuple[Any, ...]]] = {
    "leverancier": lambda r: (r.capaciteit.organisatie.code, r.capaciteit.soort, r.capaciteit.naam),
    "naam": lambda r: (r.capaciteit.naam, r.capaciteit.organisatie.code),
    "beschikbaar": lambda r: (r.beschikbaar, r.capaciteit.organisatie.code, r.capaciteit.naam),
}


class CapaciteitFilterSerializer(QueryFilters):
    """Query parameters of ``GET /api/v1/capaciteit`` (all optional)."""

    moment = serializers.DateTimeField(
        required=False,
        help_text=(
            "Tijdstip van de beschikbaarheid, ISO 8601 (zonder offset: Nederlandse tijd). "
            "Standaard nu, op de minuut."
        ),
        error_messages={"invalid": "Moet een tijdstip zijn als 2026-03-04T10:00:00+01:00."},
    )
    soort = serializers.ChoiceField(
        choices=CapaciteitSoort.choices,
        required=False,
        help_text="Alleen capaciteit van deze soort.",
        error_messages=KEUZE_FOUT,
    )
    leverancier = code_veld("Organisatiecode van de leverancier, bijvoorbeeld 'IFV-ML'.")
    sorteer = sorteer_veld(list(_SORTERING), "leverancier")


class LeverancierSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Organisatiecode, bijvoorbeeld 'IFV-ML'.")
    naam = serializers.CharField(help_text="Volledige naam van de leverancier.")


class BeschikbaarheidSerializer(serializers.Serializer[Any]):
    """One capacity of the register and what is left of it at the moment asked."""

    id = serializers.IntegerField(source="capaciteit.pk", help_text="Id van de capaciteit.")
    leverancier = LeverancierSerializer(
        source="capaciteit.organisatie", help_text="Wie de capaciteit levert."
    )
    soort = serializers.ChoiceField(
        source="capaciteit.soort", choices=CapaciteitSoort.choices, help_text="Soort capaciteit."
    )
    naam = serializers.CharField(
        source="capaciteit.naam", help_text="Bijvoorbeeld 'ME Amsterdam' of 'Waterwerper WW-01'."
    )
    aantal = serializers.IntegerField(
        source="capaciteit.aantal", min_value=1, help_text="Eenheden in het overzicht."
    )
    benoemd = serializers.BooleanField(
        source="capaciteit.benoemd", help_text="Een enkel middel met naam, status en locatie."
    )
    status = serializers.ChoiceField(
        source="capaciteit.status",
        choices=MiddelStatus.choices,
        help_text="Voor een benoemd middel: beschikbaar, ingezet of in onderhoud.",
    )
    locatie = serializers.CharField(source="capaciteit.locatie", help_text="Of leeg.")
    reactietijd = serializers.SerializerMethodField(
        help_text="ISO 8601-duur tot inzet na een besluit (Defensie), of null."
    )
    verdrag = serializers.CharField(source="capaciteit.verdrag", help_text="Of leeg.")
    bron = serializers.CharField(source="capaciteit.bron", help_text="'demo' als verzonnen.")
    totaal = serializers.IntegerField(
        min_value=0, help_text="Beschikbaar te stellen; 0 voor een middel in onderhoud of elders."
    )
    vast = serializers.IntegerField(min_value=0, help_text="Vast geclaimd op het moment.")
    voorlopig = serializers.IntegerField(min_value=0, help_text="Voorlopig geclaimd.")
    beschikbaar = serializers.IntegerField(
        help_text="totaal - vast - voorlopig; negatief als overschreden."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reactietijd(self, regel: Beschikbaarheid) -> str | None:
        tijd = regel.capaciteit.reactietijd
        return None if tijd is None else duration_iso_string(tijd)


class CapaciteitApi(LijstApi):
    """The register with availability at a moment, for the LOCC and beheerders."""

    @extend_schema(
        operation_id="capaciteit_lijst",
        summary="Het capaciteitsoverzicht met beschikbaarheid op een moment",
        description=(
            "Elke actieve capaciteit met wat er op `moment` (standaard nu) vast en voorlopig "
            "geclaimd en nog beschikbaar is, per pagina, standaard per leverancier. Alleen voor "
            "het LOCC en beheerders, zoals de pagina /capaciteit/; anderen krijgen 403."
        ),
        parameters=[CapaciteitFilterSerializer, ETAG_KOP],
        responses={
            200: BeschikbaarheidSerializer(many=True),
            **FOUTEN,
            403: OpenApiResponse(
                PROBLEEM_SCHEMA,
                description="Geen tweede factor, of niet het LOCC of een beheerder.",
            ),
        },
    )
    def get(self, request: Request) -> Response:
        if not isinstance(request.user, Gebruiker):
            raise NotAuthenticated
        if not mag_register_zien(request.user):
            return probleem_api_response(
                titel="Geen toegang",
                detail=(
                    "Het capaciteitsoverzicht is voor het LOCC en beheerders; de claims van uw "
                    "eigen verzoeken staan bij het verzoek."
                ),
                code="alleen-locc",
                status_code=403,
            )
        filters = CapaciteitFilterSerializer(data=queryparameters(request))
        if not filters.is_valid():
            return ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        moment: datetime = waarden.get("moment") or timezone.now().replace(second=0, microsecond=0)
        regels = [
            r
            for r in register_op(moment)
            if waarden.get("soort") in (None, r.capaciteit.soort)
            and waarden.get("leverancier") in (None, r.capaciteit.organisatie.code)
        ]
        sorteer: str = waarden["sorteer"]
        regels.sort(key=_SORTERING[sorteer.lstrip("-")], reverse=sorteer.startswith("-"))
        return self.pagina(regels, BeschikbaarheidSerializer)
