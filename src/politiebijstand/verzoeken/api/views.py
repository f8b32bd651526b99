"""The request API (issue #3: need-to-know "for the web pages, the API and exports").

- ``GET /api/v1/verzoeken``: the requests in which the user's organisation takes part
  (`selectors.verzoek_list`), newest first, paginated (`web.paginering.Paginering`).
- ``GET /api/v1/verzoeken/<uuid>``: one request, as the request page shows it; 404 outside the
  user's scope (the same answer as for a request that does not exist). Every view is written
  to the audit trail (`selectors.verzoek_bekijken`, event ``verzoek-bekeken``).
- ``GET /api/v1/werkvoorraad``: the open tasks of the user's organisation
  (`selectors.taak_list_for_werkvoorraad`), overdue and soonest due first, paginated.
- ``POST /api/v1/taken/<id>``: complete a step (`services.taak_afronden`) or record a decision
  (`services.besluit_nemen`), with the same gates as the step page; as multipart with the
  received PDF (``bestand``) when the coordinator records it on behalf of a party without an
  account (issue #10 item 4; ADR 0037).

One view per operation; all but the step read only. Log-in as for the advice API: the session
of a user with a second factor (REST_FRAMEWORK defaults, CSRF on the POST); every error is
`application/problem+json`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.utils import timezone

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAuthenticated
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.api.serializers import (
    TaakAfgerondSerializer,
    TaakAfrondenSerializer,
    VerzoekDetailSerializer,
    VerzoekFilterSerializer,
    VerzoekSerializer,
    WerkvoorraadFilterSerializer,
    WerkvoorraadTaakSerializer,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    GelijktijdigGewijzigd,
    OngeldigeInvoer,
    TaakNietOpen,
    VerzoekFout,
)
from politiebijstand.verzoeken.selectors import (
    access_taak_by_id,
    access_verzoek_by_uuid,
    taak_list_for_werkvoorraad,
    verzoek_bekijken,
    verzoek_list,
)
from politiebijstand.web.paginering import Paginering
from politiebijstand.web.parsers import StrikteJsonParser
from politiebijstand.web.problemen import (
    PROBLEEM_SCHEMA,
    probleem_api_response,
    probleem_exception_handler,
)

_FOUTEN = {
    400: OpenApiResponse(PROBLEEM_SCHEMA, description="Ongeldige queryparameter."),
    401: OpenApiResponse(PROBLEEM_SCHEMA, description="Niet ingelogd."),
    403: OpenApiResponse(PROBLEEM_SCHEMA, description="Geen tweede factor ingesteld."),
    404: OpenApiResponse(PROBLEEM_SCHEMA, description="Pagina bestaat niet."),
}


def _ongeldige_parameters(fouten: dict[str, Any]) -> Response:
    """400 problem naming every invalid query parameter (`ongeldige-parameters`)."""
    velden = [
        {"name": naam, "reason": str(meldingen[0])} for naam, meldingen in sorted(fouten.items())
    ]
    eerste = velden[0]
    return probleem_api_response(
        titel="Ongeldige parameters",
        detail=f"{eerste['name']}: {eerste['reason']}",
        code="ongeldige-parameters",
        ongeldige_velden=velden,
    )


def _gebruiker(request: Request) -> Gebruiker:
    """The logged-in user; the API requires log-in (``REST_FRAMEWORK`` permissions)."""
    if not isinstance(request.user, Gebruiker):
        raise NotAuthenticated
    return request.user


class _LeesApi(APIView):
    """JSON view with problem+json errors (read only, but for `TaakAfrondenApi`)."""

    renderer_classes = (JSONRenderer,)

    def get_exception_handler(self) -> Any:  # DRF types the handler as Any
        return probleem_exception_handler


class _LijstApi(GenericAPIView):  # type: ignore[type-arg]
    """Read-only paginated JSON list (`Paginering`) with problem+json errors."""

    renderer_classes = (JSONRenderer,)
    pagination_class = Paginering

    def get_exception_handler(self) -> Any:  # DRF types the handler as Any
        return probleem_exception_handler


class VerzoekLijstApi(_LijstApi):
    """The requests in which the user's organisation takes part."""

    @extend_schema(
        operation_id="verzoeken_lijst",
        summary="Bijstandsverzoeken waaraan uw organisatie deelneemt",
        description=(
            "Nieuwste eerst, per pagina. Alleen verzoeken waaraan de organisatie van de "
            "gebruiker deelneemt (need-to-know): het vragende RCCB, het bevoegd gezag, de "
            "regioburgemeester en elke organisatie in de procedure."
        ),
        parameters=[VerzoekFilterSerializer],
        responses={200: VerzoekSerializer(many=True), **_FOUTEN},
    )
    def get(self, request: Request) -> Response:
        filters = VerzoekFilterSerializer(data=request.query_params)
        if not filters.is_valid():
            return _ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        verzoeken = verzoek_list(
            gebruiker=_gebruiker(request),
            status=waarden.get("status"),
            eenheid_code=waarden.get("eenheid"),
            spoed=waarden.get("spoed"),
            zoek=waarden.get("zoek"),
        )
        pagina = self.paginate_queryset(verzoeken)
        return self.get_paginated_response(VerzoekSerializer(pagina, many=True).data)


class VerzoekDetailApi(_LeesApi):
    """One request, as its page shows it; the view is logged."""

    @extend_schema(
        operation_id="verzoek_bekijken",
        summary="Eén bijstandsverzoek met delen, open stappen en tijdlijn",
        description=(
            "Het verzoek, zijn delen (met gevraagde inzet, besluiten en inzetversies), de open "
            "stappen en de tijdlijn. Elke raadpleging wordt in de audittrail vastgelegd. Een "
            "verzoek buiten de scope van uw organisatie geeft 404, net als een onbekend verzoek."
        ),
        responses={
            200: VerzoekDetailSerializer,
            401: _FOUTEN[401],
            403: _FOUTEN[403],
            404: OpenApiResponse(PROBLEEM_SCHEMA, description="Onbekend, of buiten uw scope."),
        },
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        gebruiker = _gebruiker(request)
        verzoek = access_verzoek_by_uuid(gebruiker, uuid)
        gegevens = verzoek_bekijken(verzoek=verzoek, door=gebruiker)
        volgnummers = {d.pk: d.volgnummer for d in gegevens.deelverzoeken}
        return Response(
            VerzoekDetailSerializer(gegevens, context={"volgnummers": volgnummers}).data
        )


def _fout_probleem(fout: VerzoekFout) -> Response:
    """A service's refusal as problem+json: 400 naming the field, 403, or 409 (nothing changed)."""
    if isinstance(fout, GeenToegang):
        return probleem_api_response(
            titel="Geen toegang", detail=fout.message, code=fout.code, status_code=403
        )
    if isinstance(fout, TaakNietOpen | GelijktijdigGewijzigd):
        return probleem_api_response(
            titel="Niet meer open", detail=fout.message, code=fout.code, status_code=409
        )
    veld = fout.veld or "body"
    return probleem_api_response(
        titel="Ongeldige invoer",
        detail=f"{veld}: {fout.message}",
        code=fout.code,
        ongeldige_velden=[{"name": veld, "reason": fout.message}],
    )


class TaakAfrondenApi(_LeesApi):
    """Complete one step of the user's organisation, or one it records on behalf of another."""

    parser_classes = (StrikteJsonParser, MultiPartParser)

    @extend_schema(
        operation_id="taak_afronden",
        summary="Een stap afronden of een besluit vastleggen",
        description=(
            "Dezelfde poorten als de stappagina. Een stap stuurt `gegevens`; een besluit "
            "`uitkomst` en `motivering` (gedeeltelijke toekenning per regel alleen op de "
            "pagina). Legt de coördinator van de procedure een stap vast namens een partij "
            "zonder account (DJZ, DOC, ...), dan is het ontvangen PDF verplicht als `bestand`, "
            "in multipart/form-data; zonder of met een ongeldig bestand volgt 400 met het veld "
            "`bestand` en verandert er niets."
        ),
        request={
            "application/json": TaakAfrondenSerializer,
            "multipart/form-data": TaakAfrondenSerializer,
        },
        responses={
            200: TaakAfgerondSerializer,
            400: OpenApiResponse(PROBLEEM_SCHEMA, description="Ongeldige invoer (veld)."),
            401: _FOUTEN[401],
            403: OpenApiResponse(PROBLEEM_SCHEMA, description="Geen toegang tot deze stap."),
            404: OpenApiResponse(PROBLEEM_SCHEMA, description="Onbekend, of buiten uw scope."),
            409: OpenApiResponse(PROBLEEM_SCHEMA, description="De stap is niet meer open."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        gebruiker = _gebruiker(request)
        taak = access_taak_by_id(gebruiker, pk)
        invoer = TaakAfrondenSerializer(data=request.data)
        if not invoer.is_valid():
            return _ongeldige_parameters(invoer.errors)
        waarden = invoer.validated_data
        bestand = waarden.get("bestand")
        try:
            if taak.is_besluit:
                if "uitkomst" not in waarden:
                    raise OngeldigeInvoer("kies het besluit", veld="uitkomst")
                services.besluit_nemen(
                    taak=taak,
                    uitkomst=waarden["uitkomst"],
                    motivering=waarden["motivering"],
                    voorwaarden=waarden["voorwaarden"],
                    door=gebruiker,
                    bestand=bestand,
                    **{
                        naam: waarden[naam]
                        for naam in ("standpunt_defensie", "overeenstemming_defensie")
                        if naam in taak.velden
                    },
                )
            else:
                services.taak_afronden(
                    taak=taak, data=waarden.get("gegevens", {}), door=gebruiker, bestand=bestand
                )
        except VerzoekFout as fout:
            return _fout_probleem(fout)
        taak.refresh_from_db()
        gegevens = taak.gegevens or {}
        return Response(
            TaakAfgerondSerializer(
                {
                    "id": taak.pk,
                    "bpmn_id": taak.bpmn_id,
                    "status": taak.status,
                    "gegevens": gegevens,
                    "namens": gegevens.get("namens"),
                }
            ).data
        )


class WerkvoorraadApi(_LijstApi):
    """The open tasks of the user's organisation."""

    @extend_schema(
        operation_id="werkvoorraad_lijst",
        summary="Open taken van uw organisatie",
        description=(
            "Open en opgepakte taken van de organisatie van de gebruiker: eerst wat te laat is, "
            "dan op termijn, dan de oudste. Taken van andere organisaties staan er nooit in."
        ),
        parameters=[WerkvoorraadFilterSerializer],
        responses={200: WerkvoorraadTaakSerializer(many=True), **_FOUTEN},
    )
    def get(self, request: Request) -> Response:
        filters = WerkvoorraadFilterSerializer(data=request.query_params)
        if not filters.is_valid():
            return _ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        taken = taak_list_for_werkvoorraad(
            gebruiker=_gebruiker(request),
            procedure=waarden.get("procedure"),
            eenheid_code=waarden.get("eenheid"),
            spoed=waarden.get("spoed"),
            status=waarden.get("status"),
        )
        pagina = self.paginate_queryset(taken)
        context = {"nu": timezone.now()}
        data = WerkvoorraadTaakSerializer(pagina, many=True, context=context).data
        return self.get_paginated_response(data)
