"""The request API (issue #3: need-to-know "for the web pages, the API and exports"; #12).

- ``GET /api/v1/verzoeken``: the requests in which the user's organisation takes part
  (`selectors.verzoek_list`), newest first, paginated (`web.paginering.Paginering`).
- ``POST /api/v1/verzoeken``: make a request from the advice for a situation, as the page's
  create form (`services.verzoek_aanmaken`), by the requesting unit's RCCB: 201 with
  ``Location`` and the request as ``GET /api/v1/verzoeken/<uuid>`` gives it.
- ``GET /api/v1/verzoeken/<uuid>``: one request, as the request page shows it; 404 outside the
  user's scope (the same answer as for a request that does not exist). Every view is written
  to the audit trail (`selectors.verzoek_bekijken`, event ``verzoek-bekeken``).
- ``POST /api/v1/verzoeken/<uuid>/intrekking``: withdraw it (`services.verzoek_intrekken`).
- ``GET /api/v1/werkvoorraad``: the open tasks of the user's organisation
  (`selectors.taak_list_for_werkvoorraad`), overdue and soonest due first, paginated.
- ``POST /api/v1/taken/<id>/oppakken``, ``/teruggeven``: pick a step up or hand it back
  (`services.taak_oppakken`, `services.taak_teruggeven`), answered with the step
  (`TaakBronSerializer`).
- ``POST /api/v1/taken/<id>/afronding``: complete a step (`services.taak_afronden`) or record a
  decision (`services.besluit_nemen`), with the same gates as the step page; as multipart with
  the received PDF (``bestand``) when the coordinator records it on behalf of a party without
  an account (issue #10 item 4; ADR 0037).

Versions (issue #12 item 4; ADR 0048): every answer with a resource carries its ``ETag``
(`web.versies`); every change requires ``If-Match`` with the ETag of the resource it changes
(the request's for the withdrawal, the step's for the step's acts): 428 without it, 412 when
it changed since. The check and the change run in one transaction with the resource locked,
so no change slips in between. The ``Idempotency-Key`` of every POST is added where the views
are mounted (`api.urls`, `api.idempotentie`).

Log-in as for the advice API: the session of a user with a second factor (REST_FRAMEWORK
defaults, CSRF on the POSTs); every error is `application/problem+json`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from uuid import UUID

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.api.lezen import taak_representatie
from politiebijstand.verzoeken.api.serializers import (
    IntrekkingSerializer,
    TaakAfrondenSerializer,
    TaakBronSerializer,
    VerzoekAanmakenSerializer,
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
    OngeldigeOvergang,
    TaakNietOpen,
    VerzoekFout,
)
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from politiebijstand.verzoeken.selectors import (
    access_taak_by_id,
    access_verzoek_by_uuid,
    rccb_eenheid,
    taak_list_for_werkvoorraad,
    verzoek_bekijken,
    verzoek_detail,
    verzoek_list,
)
from politiebijstand.vragenlijst.referentie import gemeente_volgens_referentie
from politiebijstand.vragenlijst.stappen import REGIOBURGEMEESTER
from politiebijstand.web.paginering import Paginering
from politiebijstand.web.parsers import StrikteJsonParser
from politiebijstand.web.problemen import (
    PROBLEEM_SCHEMA,
    probleem_api_response,
    probleem_exception_handler,
)
from politiebijstand.web.versies import if_match_controleren, met_etag

_FOUTEN = {
    400: OpenApiResponse(PROBLEEM_SCHEMA, description="Ongeldige of onbekende queryparameter."),
    401: OpenApiResponse(PROBLEEM_SCHEMA, description="Niet ingelogd."),
    403: OpenApiResponse(PROBLEEM_SCHEMA, description="Geen tweede factor ingesteld."),
    404: OpenApiResponse(PROBLEEM_SCHEMA, description="Pagina bestaat niet."),
}

#: The answers every change may give besides its own (ADR 0048).
_WIJZIGING_FOUTEN = {
    401: _FOUTEN[401],
    404: OpenApiResponse(PROBLEEM_SCHEMA, description="Onbekend, of buiten uw scope."),
    412: OpenApiResponse(
        PROBLEEM_SCHEMA,
        description=(
            "De bron is gewijzigd sinds u hem las (If-Match komt niet overeen); de kop ETag "
            "geeft de huidige versie."
        ),
    ),
    428: OpenApiResponse(PROBLEEM_SCHEMA, description="De kop If-Match ontbreekt."),
}

#: The ETag of a resource in an answer.
_ETAG = OpenApiParameter(
    "ETag",
    str,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="De versie van de bron: sha256 van haar JSON, tussen aanhalingstekens.",
)


def _if_match(bron: str) -> OpenApiParameter:
    """The required `If-Match` of a change of `bron`."""
    return OpenApiParameter(
        "If-Match",
        {"type": "string", "pattern": r'^"[0-9a-f]{64}"$'},
        OpenApiParameter.HEADER,
        required=True,
        description=(
            f"De ETag van {bron} zoals u die het laatst las (GET), met de aanhalingstekens. "
            "Zonder deze kop (of met alleen *) volgt 428, met een verouderde 412."
        ),
    )


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


def _fouten_plat(fouten: Any, pad: str = "") -> list[dict[str, str]]:
    """A serializer's errors as ``{"name": <JSON path>, "reason": ...}``, one per field.

    ``{"regels": [{}, {"aantal": ["..."]}]}`` gives ``regels[1].aantal``; errors of the body
    as a whole (``non_field_errors``) are named ``body``.
    """
    if isinstance(fouten, Mapping):
        velden: list[dict[str, str]] = []
        for sleutel, waarde in fouten.items():
            if isinstance(sleutel, int):
                naam = f"{pad}[{sleutel}]"
            elif sleutel == "non_field_errors":
                naam = pad or "body"
            else:
                naam = f"{pad}.{sleutel}" if pad else str(sleutel)
            velden += _fouten_plat(waarde, naam)
        return velden
    if isinstance(fouten, list):
        if fouten and all(isinstance(f, str) for f in fouten):
            return [{"name": pad or "body", "reason": str(fouten[0])}]
        velden = []
        for i, waarde in enumerate(fouten):
            velden += _fouten_plat(waarde, f"{pad}[{i}]")
        return velden
    return [{"name": pad or "body", "reason": str(fouten)}]


def _ongeldige_invoer(fouten: Any) -> Response:
    """400 problem naming every invalid field of a body (`ongeldige-invoer`)."""
    velden = _fouten_plat(fouten)
    eerste = velden[0]
    return probleem_api_response(
        titel="Ongeldige invoer",
        detail=f"{eerste['name']}: {eerste['reason']}",
        code="ongeldige-invoer",
        ongeldige_velden=velden,
    )


def _gebruiker(request: Request) -> Gebruiker:
    """The logged-in user; the API requires log-in (``REST_FRAMEWORK`` permissions)."""
    if not isinstance(request.user, Gebruiker):
        raise NotAuthenticated
    return request.user


class _JsonApi(APIView):
    """JSON view with problem+json errors."""

    renderer_classes = (JSONRenderer,)

    def get_exception_handler(self) -> Any:  # DRF types the handler as Any
        return probleem_exception_handler


class _LijstApi(GenericAPIView):  # type: ignore[type-arg]
    """Paginated JSON list (`Paginering`) with problem+json errors."""

    renderer_classes = (JSONRenderer,)
    pagination_class = Paginering

    def get_exception_handler(self) -> Any:  # DRF types the handler as Any
        return probleem_exception_handler


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
    if isinstance(fout, OngeldigeOvergang):
        return probleem_api_response(
            titel="Niet mogelijk in deze status",
            detail=fout.message,
            code=fout.code,
            status_code=409,
        )
    veld = fout.veld or "body"
    return probleem_api_response(
        titel="Ongeldige invoer",
        detail=f"{veld}: {fout.message}",
        code=fout.code,
        ongeldige_velden=[{"name": veld, "reason": fout.message}],
    )


# --- the request ------------------------------------------------------------------------------


def _verzoek_data(verzoek: Bijstandsverzoek, *, door: Gebruiker | None) -> dict[str, Any]:
    """The request's representation (`VerzoekDetailSerializer`); logged as a view with `door`.

    Without `door` nothing is logged: the representation is only compared with If-Match.
    """
    gegevens = (
        verzoek_detail(verzoek=verzoek)
        if door is None
        else verzoek_bekijken(verzoek=verzoek, door=door)
    )
    volgnummers = {d.pk: d.volgnummer for d in gegevens.deelverzoeken}
    data: dict[str, Any] = VerzoekDetailSerializer(
        gegevens, context={"volgnummers": volgnummers}
    ).data
    return data


def _organisaties(codes: list[str]) -> dict[str, Organisatie]:
    """The active organisations with these codes, by code (with their unit's regioburgemeester)."""
    return {
        o.code: o
        for o in Organisatie.objects.filter(code__in=codes, actief=True).select_related(
            "eenheid__regioburgemeester"
        )
    }


def _onbekend(veld: str, code: str) -> Response:
    reden = f"onbekende organisatiecode '{code}'"
    return probleem_api_response(
        titel="Ongeldige invoer",
        detail=f"{veld}: {reden}",
        code="ongeldige-invoer",
        ongeldige_velden=[{"name": veld, "reason": reden}],
    )


def _regioburgemeester_tegenstrijdig(
    situatie: Mapping[str, Any], gezag: Organisatie
) -> Response | None:
    """The create form's check: the chosen burgemeester agrees with the situation's answer.

    Only when the situation answers ``aanvrager_is_regioburgemeester`` without municipalities
    (with them the advice derives it per municipality), as the page (`VerzoekForm`).
    Bron: Politiewet 2012, art. 56 lid 3.
    """
    antwoord = situatie.get(REGIOBURGEMEESTER)
    if not isinstance(antwoord, bool) or situatie.get("gemeenten"):
        return None
    feit = gemeente_volgens_referentie(gezag)
    if feit is None or not feit.tegenstrijdigheid(antwoord):
        return None
    volgens = "wel" if antwoord else "niet"
    reden = (
        f"Volgens de situatie is de aanvragende burgemeester {volgens} de regioburgemeester. "
        f"{feit.zin()} Kies de burgemeester die bij de situatie past, of pas "
        f"'{REGIOBURGEMEESTER}' aan."
    )
    return probleem_api_response(
        titel="Ongeldige invoer",
        detail=f"bevoegd_gezag: {reden}",
        code="regioburgemeester-tegenstrijdig",
        ongeldige_velden=[{"name": "bevoegd_gezag", "reason": reden}],
    )


class VerzoekLijstApi(_LijstApi):
    """The requests in which the user's organisation takes part; and making one."""

    parser_classes = (StrikteJsonParser,)

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
        return met_etag(self.get_paginated_response(VerzoekSerializer(pagina, many=True).data))

    @extend_schema(
        operation_id="verzoek_aanmaken",
        summary="Een bijstandsverzoek aanmaken uit het advies voor een situatie",
        description=(
            "Als het aanmaakformulier na de Bijstandswijzer, alleen voor het RCCB van een "
            "eenheid: het advies wordt uit de situatie bepaald, elk toegestaan route wordt een "
            "deel met zijn procedure. Organisaties met hun code. Tijden in ISO 8601; zonder "
            "offset Nederlandse tijd. Antwoord 201 met Location en het verzoek zoals GET "
            "/api/v1/verzoeken/{uuid} het geeft (ook in de audittrail als raadpleging)."
        ),
        request=VerzoekAanmakenSerializer,
        parameters=[_ETAG],
        responses={
            201: VerzoekDetailSerializer,
            400: OpenApiResponse(
                PROBLEEM_SCHEMA,
                description="Ongeldige invoer: invalid-params noemt elk veld "
                "(bijvoorbeeld 'situatie.taak', 'bevoegd_gezag', 'regels[0].aantal').",
            ),
            401: _FOUTEN[401],
            403: OpenApiResponse(
                PROBLEEM_SCHEMA, description="Alleen het RCCB van een eenheid maakt een verzoek."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        gebruiker = _gebruiker(request)
        if rccb_eenheid(gebruiker) is None:
            return probleem_api_response(
                titel="Geen toegang",
                detail="Alleen het RCCB van een eenheid kan een bijstandsverzoek aanmaken.",
                code="geen-toegang",
                status_code=status.HTTP_403_FORBIDDEN,
            )
        invoer = VerzoekAanmakenSerializer(data=request.data)
        if not invoer.is_valid():
            return _ongeldige_invoer(invoer.errors)
        w = invoer.validated_data
        organisaties = _organisaties([w["bevoegd_gezag"], *w["gemeenten"]])
        gezag = organisaties.get(w["bevoegd_gezag"])
        if gezag is None:
            return _onbekend("bevoegd_gezag", w["bevoegd_gezag"])
        for i, code in enumerate(w["gemeenten"]):
            if code not in organisaties:
                return _onbekend(f"gemeenten[{i}]", code)
        if (tegenstrijdig := _regioburgemeester_tegenstrijdig(w["situatie"], gezag)) is not None:
            return tegenstrijdig
        try:
            verzoek = services.verzoek_aanmaken(
                situatie=w["situatie"],
                titel=w["titel"],
                bevoegd_gezag=gezag,
                periode_start=w["periode_start"],
                periode_eind=w["periode_eind"],
                locatie=w["locatie"],
                door=gebruiker,
                omschrijving=w["omschrijving"],
                gemeenten=[organisaties[c] for c in w["gemeenten"]],
                gevraagde_capaciteit=w["gevraagde_capaciteit"],
                gewenst_effect=w["gewenst_effect"],
                regels=[services.InzetRegel(**r) for r in w["regels"]],
                oefening=w["oefening"],
            )
        except VerzoekFout as fout:
            return _fout_probleem(fout)
        data = _verzoek_data(access_verzoek_by_uuid(gebruiker, verzoek.uuid), door=gebruiker)
        plek = request.build_absolute_uri(reverse("api:verzoek", args=[verzoek.uuid]))
        return met_etag(Response(data, status=status.HTTP_201_CREATED, headers={"Location": plek}))


class VerzoekDetailApi(_JsonApi):
    """One request, as its page shows it; the view is logged."""

    @extend_schema(
        operation_id="verzoek_bekijken",
        summary="Eén bijstandsverzoek met delen, open stappen en tijdlijn",
        description=(
            "Het verzoek, zijn delen (met gevraagde inzet, besluiten en inzetversies), de open "
            "stappen en de tijdlijn. Elke raadpleging wordt in de audittrail vastgelegd. Een "
            "verzoek buiten de scope van uw organisatie geeft 404, net als een onbekend verzoek. "
            "De ETag is de versie die een intrekking in If-Match meestuurt."
        ),
        parameters=[_ETAG],
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
        return met_etag(Response(_verzoek_data(verzoek, door=gebruiker)))


class VerzoekIntrekkingApi(_JsonApi):
    """Withdraw a request (`services.verzoek_intrekken`), at its current version."""

    parser_classes = (StrikteJsonParser,)

    @extend_schema(
        operation_id="verzoek_intrekken",
        summary="Een bijstandsverzoek intrekken",
        description=(
            "Door het vragende RCCB of het bevoegd gezag, vóór de inzet, met een reden: alle "
            "open taken vervallen en iedere deelnemer krijgt bericht. If-Match met de ETag van "
            "GET /api/v1/verzoeken/{uuid} is verplicht. Antwoord: het verzoek na de intrekking."
        ),
        request=IntrekkingSerializer,
        parameters=[_if_match("het verzoek"), _ETAG],
        responses={
            200: VerzoekDetailSerializer,
            400: OpenApiResponse(PROBLEEM_SCHEMA, description="Geen reden (veld 'reden')."),
            403: OpenApiResponse(
                PROBLEEM_SCHEMA,
                description="Alleen het vragende RCCB of het bevoegd gezag trekt in.",
            ),
            409: OpenApiResponse(
                PROBLEEM_SCHEMA,
                description="Er loopt een inzet, of er is niets meer in te trekken.",
            ),
            **_WIJZIGING_FOUTEN,
        },
    )
    def post(self, request: Request, uuid: UUID) -> Response:
        gebruiker = _gebruiker(request)
        verzoek = access_verzoek_by_uuid(gebruiker, uuid)
        with transaction.atomic():
            # The locks of `verzoek_intrekken`, in its order: the request, then its parts.
            Bijstandsverzoek.objects.select_for_update(of=("self",)).filter(pk=verzoek.pk).get()
            list(Deelverzoek.objects.select_for_update().filter(verzoek=verzoek).order_by("pk"))
            verzoek = access_verzoek_by_uuid(gebruiker, uuid)
            if geweigerd := if_match_controleren(request, _verzoek_data(verzoek, door=None)):
                return geweigerd
            invoer = IntrekkingSerializer(data=request.data)
            if not invoer.is_valid():
                return _ongeldige_invoer(invoer.errors)
            try:
                services.verzoek_intrekken(
                    verzoek=verzoek, reden=invoer.validated_data["reden"], door=gebruiker
                )
            except VerzoekFout as fout:
                return _fout_probleem(fout)
        verzoek = access_verzoek_by_uuid(gebruiker, uuid)
        return met_etag(Response(_verzoek_data(verzoek, door=gebruiker)))


# --- the steps --------------------------------------------------------------------------------


def taak_data(taak: Taak, gebruiker: Gebruiker) -> dict[str, Any]:
    """The step's representation for `gebruiker`, as its GET returns it; its ETag guards it."""
    return taak_representatie(taak, gebruiker)


class _TaakWijzigenApi(_JsonApi):
    """A change of one step at its current version (If-Match with the step's ETag)."""

    parser_classes: tuple[type[BaseParser], ...] = (StrikteJsonParser,)

    def _wijzigen(
        self,
        request: Request,
        pk: int,
        wijziging: Callable[[Taak, Gebruiker], Response | None],
    ) -> Response:
        """Lock the step's part, check If-Match against the step, change it, answer with it.

        `wijziging` changes the step through a service, or returns the problem to answer
        (invalid input); a service's refusal is answered by `_fout_probleem`.

        Raises:
            Http404: the step is not the user's organisation's (nor one it records on behalf
                of another), or does not exist.
        """
        gebruiker = _gebruiker(request)
        taak = access_taak_by_id(gebruiker, pk)
        with transaction.atomic():
            # The lock of the step's services (`taak_onder_slot`): its part, then the step.
            Deelverzoek.objects.select_for_update(of=("self",)).filter(pk=taak.deelverzoek_id).get()
            taak = access_taak_by_id(gebruiker, pk)
            if geweigerd := if_match_controleren(request, taak_data(taak, gebruiker)):
                return geweigerd
            try:
                if (geweigerd := wijziging(taak, gebruiker)) is not None:
                    return geweigerd
            except VerzoekFout as fout:
                return _fout_probleem(fout)
        return met_etag(Response(taak_data(access_taak_by_id(gebruiker, pk), gebruiker)))


_TAAK_FOUTEN = {
    403: OpenApiResponse(PROBLEEM_SCHEMA, description="Geen toegang tot deze stap."),
    409: OpenApiResponse(
        PROBLEEM_SCHEMA,
        description="De stap is niet meer open, of door een ander opgepakt.",
    ),
    **_WIJZIGING_FOUTEN,
}


class TaakOppakkenApi(_TaakWijzigenApi):
    """Pick up a step of the user's organisation (as the work queue's button)."""

    @extend_schema(
        operation_id="taak_oppakken",
        summary="Een stap oppakken",
        description=(
            "Zodat collega's zien wie eraan werkt. Zonder body. If-Match met de ETag van de "
            "stap is verplicht. Een stap die u al hebt opgepakt blijft ongewijzigd."
        ),
        request=None,
        parameters=[_if_match("de stap"), _ETAG],
        responses={200: TaakBronSerializer, **_TAAK_FOUTEN},
    )
    def post(self, request: Request, pk: int) -> Response:
        def oppakken(taak: Taak, door: Gebruiker) -> None:
            services.taak_oppakken(taak=taak, door=door)

        return self._wijzigen(request, pk, oppakken)


class TaakTeruggevenApi(_TaakWijzigenApi):
    """Hand a step one picked up back to the organisation's work queue."""

    @extend_schema(
        operation_id="taak_teruggeven",
        summary="Een opgepakte stap teruggeven",
        description=(
            "De stap staat weer open in de werkvoorraad van uw organisatie. Zonder body. "
            "If-Match met de ETag van de stap is verplicht; alleen wie de stap oppakte geeft "
            "hem terug (anders 409)."
        ),
        request=None,
        parameters=[_if_match("de stap"), _ETAG],
        responses={200: TaakBronSerializer, **_TAAK_FOUTEN},
    )
    def post(self, request: Request, pk: int) -> Response:
        def teruggeven(taak: Taak, door: Gebruiker) -> None:
            services.taak_teruggeven(taak=taak, door=door)

        return self._wijzigen(request, pk, teruggeven)


class TaakAfrondingApi(_TaakWijzigenApi):
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
            "`bestand` en verandert er niets. If-Match met de ETag van de stap is verplicht. "
            "Antwoord: de stap na de afronding, met wat hij vastlegde."
        ),
        request={
            "application/json": TaakAfrondenSerializer,
            "multipart/form-data": TaakAfrondenSerializer,
        },
        parameters=[_if_match("de stap"), _ETAG],
        responses={
            200: TaakBronSerializer,
            400: OpenApiResponse(PROBLEEM_SCHEMA, description="Ongeldige invoer (veld)."),
            **_TAAK_FOUTEN,
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        def afronden(taak: Taak, door: Gebruiker) -> Response | None:
            invoer = TaakAfrondenSerializer(data=request.data)
            if not invoer.is_valid():
                return _ongeldige_invoer(invoer.errors)
            waarden = invoer.validated_data
            bestand = waarden.get("bestand")
            if not taak.is_besluit:
                services.taak_afronden(
                    taak=taak, data=waarden.get("gegevens", {}), door=door, bestand=bestand
                )
                return None
            if "uitkomst" not in waarden:
                raise OngeldigeInvoer("kies het besluit", veld="uitkomst")
            services.besluit_nemen(
                taak=taak,
                uitkomst=waarden["uitkomst"],
                motivering=waarden["motivering"],
                voorwaarden=waarden["voorwaarden"],
                door=door,
                bestand=bestand,
                **{
                    naam: waarden[naam]
                    for naam in ("standpunt_defensie", "overeenstemming_defensie")
                    if naam in taak.velden
                },
            )
            return None

        return self._wijzigen(request, pk, afronden)


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
        return met_etag(self.get_paginated_response(data))
