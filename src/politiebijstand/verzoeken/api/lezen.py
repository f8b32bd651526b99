"""The API's read resources of requests: steps, decisions, documents (issue #12 item 1).

- ``GET /api/v1/verzoeken/{uuid}/taken``: every step of a request (open, picked up, done,
  lapsed), as the request page shows them; need-to-know and audit as the request page.
- ``GET /api/v1/taken/{id}``: one step of the user's organisation (or one it records on
  behalf of a party without an account), with the fields to send to complete it; scope as the
  step page (`access_taak_by_id`). The step page writes no audit event, nor does this.
- ``GET /api/v1/besluiten`` and ``/besluiten/{uuid}``: decisions on the requests in which the
  user's organisation takes part; one decision is logged as a view of its request.
- ``GET /api/v1/documenten``, ``/documenten/{uuid}`` and ``/documenten/{uuid}/inhoud``: the
  documents of those requests; the PDF is checked against its sha256 and its download logged
  by `documenten.views.document_response`, as the page download.

Outside the user's scope every single resource answers 404, the same as an unknown one.
`api.urls` sets the `ETag` of every answer (`api.lezen.gelezen`); the PDF's `ETag` is its
sha256. ADR 0047.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.documenten.views import DocumentBeschadigd, document_response
from politiebijstand.verzoeken import services, workflow
from politiebijstand.verzoeken.api.lezen_serializers import (
    BesluitDetailSerializer,
    BesluitFilterSerializer,
    BesluitKortSerializer,
    DocumentFilterSerializer,
    DocumentSerializer,
    TaakDetailSerializer,
    TakenFilterSerializer,
    VerzoekTaakSerializer,
)
from politiebijstand.verzoeken.constants import BesluitUitkomst
from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.selectors import (
    access_document_by_uuid,
    access_taak_by_id,
    access_verzoek_by_uuid,
    besluit_bekijken,
    besluit_list,
    document_bekijken,
    document_list,
    taken_van_verzoek_bekijken,
)
from politiebijstand.web.apibasis import (
    ETAG_KOP,
    FOUTEN,
    NIET_GEVONDEN,
    LeesApi,
    LijstApi,
    ongeldige_parameters,
    queryparameters,
)
from politiebijstand.web.problemen import PROBLEEM_SCHEMA, probleem_api_response

#: The errors of a single resource.
_EEN_FOUTEN = {401: FOUTEN[401], 403: FOUTEN[403], 404: NIET_GEVONDEN}

#: The JSON type of each kind of step field (`procedures.model.Veld`).
_TYPE = {"ja_nee": "boolean", "keuze": "string", "duur": "string", "tekst": "string"}
_TYPE_LIJST = "array"

#: What each kind of step field holds, in Dutch.
_OMSCHRIJVING = {
    "ja_nee": "Ja (true) of nee (false).",
    "keuze": "Een van de keuzes.",
    "duur": "Een ISO 8601-duur, zoals PT24H.",
    "tekst": "Een tekst die niet leeg is.",
    "lijst": "Een niet-lege lijst van verschillende teksten.",
}


def _gebruiker(request: Request) -> Gebruiker:
    """The logged-in user; the API requires log-in (``REST_FRAMEWORK`` permissions)."""
    if not isinstance(request.user, Gebruiker):
        raise NotAuthenticated
    return request.user


def _veld(
    naam: str,
    soort: str,
    *,
    verplicht: bool,
    omschrijving: str,
    plaats: str = "gegevens",
    keuzes: list[str] | None = None,
) -> dict[str, Any]:
    typ = "file" if soort == "bestand" else _TYPE.get(soort, _TYPE_LIJST)
    return {
        "naam": naam,
        "plaats": plaats,
        "soort": soort,
        "type": typ,
        "verplicht": verplicht,
        "keuzes": keuzes,
        "omschrijving": omschrijving,
    }


def _besluitvelden(taak: Taak) -> list[dict[str, Any]]:
    """The body of a decision (`services.besluit_nemen`), as the step page's decision form."""
    spec = taak.velden.get(workflow.besluit_veld(taak.velden)) or {}
    keuzes = [w for w in BesluitUitkomst.values if w in spec.get("waarden", BesluitUitkomst.values)]
    doorgeven = taak.bpmn_id == services.AFWIJZING_DEFENSIE_STAP
    velden = [
        _veld(
            "uitkomst",
            "keuze",
            verplicht=True,
            omschrijving="Het besluit.",
            plaats="body",
            keuzes=keuzes,
        ),
        _veld(
            "motivering",
            "tekst",
            verplicht=False,
            plaats="body",
            omschrijving=(
                "Optioneel: de redenen van Defensie worden overgenomen."
                if doorgeven
                else "De redenen; verplicht bij een afwijzing of gedeeltelijke toekenning "
                "(Awb 3:46)."
            ),
        ),
    ]
    if not doorgeven:
        velden.append(
            _veld(
                "voorwaarden",
                "tekst",
                verplicht=False,
                plaats="body",
                omschrijving="Voorwaarden bij een (gedeeltelijke) toekenning; leeg bij afwijzing.",
            )
        )
    if "standpunt_defensie" in taak.velden:
        velden.append(
            _veld(
                "standpunt_defensie",
                "tekst",
                verplicht=True,
                plaats="body",
                omschrijving="Wat DJZ namens de Minister van Defensie heeft laten weten.",
            )
        )
    if "overeenstemming_defensie" in taak.velden:
        velden.append(
            _veld(
                "overeenstemming_defensie",
                "ja_nee",
                verplicht=True,
                plaats="body",
                omschrijving=(
                    "In overeenstemming met de Minister van Defensie (Pw 2012 art. 57 lid 3, "
                    "art. 58 lid 2); zonder overeenstemming alleen afwijzen."
                ),
            )
        )
    return velden


def stapvelden(taak: Taak, *, namens: str | None) -> list[dict[str, Any]]:
    """The fields to send to complete `taak` with ``POST /api/v1/taken/{id}``.

    The same fields as the step page's form (`ui.forms.StapForm`, `BesluitForm`) and the
    checks of the services (`services.gedeeld.controleer_velden`, `besluit_nemen`): a step's
    declared fields (`Taak.velden`, inside ``gegevens``) and its report ``verslag``; a
    decision's ``uitkomst``, ``motivering``, ... in the body; on behalf of a party without an
    account the received PDF ``bestand`` (multipart/form-data). A step that is no longer
    open, and the phone call of the urgent path (recorded on its page only), have none.

    Returns:
        A list of `StapVeldSerializer` objects, in the form's order.
    """
    if not taak.is_open or taak.bpmn_id == services.TELEFOON_STAP:
        return []
    velden: list[dict[str, Any]]
    if taak.is_besluit:
        velden = _besluitvelden(taak)
    else:
        velden = [
            _veld(
                naam,
                str(spec.get("soort")),
                verplicht=True,
                keuzes=list(spec["waarden"]) if spec.get("soort") == "keuze" else None,
                omschrijving=_OMSCHRIJVING.get(str(spec.get("soort")), ""),
            )
            for naam, spec in taak.velden.items()
        ]
        afwijzing = taak.bpmn_id == services.AFWIJZING_STAP
        velden.append(
            _veld(
                "verslag",
                "tekst",
                verplicht=afwijzing,
                omschrijving=(
                    "De redenen van de afwijzing; gaan schriftelijk naar de aanvrager."
                    if afwijzing
                    else "Wat is gedaan of afgesproken (optioneel)."
                ),
            )
        )
        if taak.optioneel and namens is None:
            velden += [
                _veld(
                    "overgeslagen",
                    "ja_nee",
                    verplicht=False,
                    omschrijving="true om deze optionele stap over te slaan (met een reden).",
                ),
                _veld(
                    "reden",
                    "tekst",
                    verplicht=False,
                    omschrijving="De reden om over te slaan; verplicht met overgeslagen.",
                ),
            ]
    if namens is not None:
        velden.append(
            _veld(
                "bestand",
                "bestand",
                verplicht=True,
                plaats="body",
                omschrijving=(
                    f"Het ontvangen antwoord van {namens} (PDF, ten hoogste 10 MiB), als "
                    "multipart/form-data."
                ),
            )
        )
    return velden


class VerzoekTakenApi(LijstApi):
    """Every step of one request, open and done."""

    @extend_schema(
        operation_id="verzoek_taken_lijst",
        summary="De stappen van een verzoek, open en afgerond",
        description=(
            "Alle stappen van het verzoek (open, opgepakt, afgerond, vervallen), oudste eerst, "
            "zoals de verzoekpagina ze toont. Alleen voor organisaties die aan het verzoek "
            "deelnemen (need-to-know); anders 404, net als een onbekend verzoek. Elke "
            "raadpleging wordt in de audittrail vastgelegd."
        ),
        parameters=[TakenFilterSerializer, ETAG_KOP],
        responses={200: VerzoekTaakSerializer(many=True), **FOUTEN, 404: NIET_GEVONDEN},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        gebruiker = _gebruiker(request)
        verzoek = access_verzoek_by_uuid(gebruiker, uuid)
        filters = TakenFilterSerializer(data=queryparameters(request))
        if not filters.is_valid():
            return ongeldige_parameters(filters.errors)
        taken = taken_van_verzoek_bekijken(
            verzoek=verzoek, door=gebruiker, status=filters.validated_data.get("status")
        )
        return self.pagina(taken, VerzoekTaakSerializer)


class TaakDetailApi(LeesApi):
    """One step of the user's organisation, with the fields to complete it."""

    @extend_schema(
        operation_id="taak_bekijken",
        summary="Eén stap, met de velden om hem af te ronden",
        description=(
            "Een stap van uw organisatie, of een stap die uw organisatie als coördinator "
            "namens een partij zonder account vastlegt (dan is `namens` gezet en het PDF "
            "`bestand` verplicht). `velden` zegt wat `POST /api/v1/taken/{id}/afronding` "
            "verwacht: naam, plaats (in `gegevens` of in de body), soort, type, verplicht en "
            "keuzes. Een stap van een andere organisatie geeft 404, net als een onbekende."
        ),
        parameters=[ETAG_KOP],
        responses={200: TaakDetailSerializer, **_EEN_FOUTEN},
    )
    def get(self, request: Request, pk: int) -> Response:
        gebruiker = _gebruiker(request)
        return Response(taak_representatie(access_taak_by_id(gebruiker, pk), gebruiker))


def taak_representatie(taak: Taak, gebruiker: Gebruiker) -> dict[str, Any]:
    """The step as a resource for `gebruiker` (`TaakDetailSerializer`): its GET's body.

    The same representation guards the step's changes: their `If-Match` is checked against
    `etag_van` of it (ADR 0048), and they answer with it.
    """
    namens = taak.organisatie.code if taak.organisatie_id != gebruiker.organisatie_id else None
    context = {"namens": namens, "velden": stapvelden(taak, namens=namens)}
    data: dict[str, Any] = TaakDetailSerializer(taak, context=context).data
    return data


class BesluitLijstApi(LijstApi):
    """The decisions on the requests in which the user's organisation takes part."""

    @extend_schema(
        operation_id="besluiten_lijst",
        summary="Besluiten op verzoeken waaraan uw organisatie deelneemt",
        description=(
            "Per pagina, standaard nieuwste eerst (`sorteer`). Alleen besluiten op verzoeken "
            "waaraan de organisatie van de gebruiker deelneemt (need-to-know). Filters: "
            "`verzoek` (uuid), `uitkomst`, `genomenVanaf` en `genomenTot` (dagen in "
            "Nederlandse tijd, beide inbegrepen). De motivering en de regels staan bij "
            "`GET /api/v1/besluiten/{uuid}`."
        ),
        parameters=[BesluitFilterSerializer, ETAG_KOP],
        responses={200: BesluitKortSerializer(many=True), **FOUTEN},
    )
    def get(self, request: Request) -> Response:
        filters = BesluitFilterSerializer(data=queryparameters(request))
        if not filters.is_valid():
            return ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        besluiten = besluit_list(
            gebruiker=_gebruiker(request),
            verzoek_uuid=waarden.get("verzoek"),
            uitkomst=waarden.get("uitkomst"),
            vanaf=waarden.get("genomenVanaf"),
            tot=waarden.get("genomenTot"),
            sorteer=waarden["sorteer"],
        )
        return self.pagina(besluiten, BesluitKortSerializer)


class BesluitDetailApi(LeesApi):
    """One decision, with its reasons and outcome per line; the view is logged."""

    @extend_schema(
        operation_id="besluit_bekijken",
        summary="Eén besluit met motivering, voorwaarden en regels",
        description=(
            "Een besluit op een verzoek waaraan uw organisatie deelneemt; anders 404, net als "
            "een onbekend besluit. De raadpleging wordt in de audittrail vastgelegd als "
            "raadpleging van het verzoek."
        ),
        parameters=[ETAG_KOP],
        responses={200: BesluitDetailSerializer, **_EEN_FOUTEN},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        besluit = besluit_bekijken(gebruiker=_gebruiker(request), uuid=uuid)
        return Response(BesluitDetailSerializer(besluit).data)


class DocumentLijstApi(LijstApi):
    """The documents of the requests in which the user's organisation takes part."""

    @extend_schema(
        operation_id="documenten_lijst",
        summary="Documenten van verzoeken waaraan uw organisatie deelneemt",
        description=(
            "Elke versie van elk document (PDF) van de verzoeken waaraan uw organisatie "
            "deelneemt, per pagina, standaard nieuwste eerst (`sorteer`). Filters: `verzoek` "
            "(uuid) en `soort`. Het PDF zelf: `GET /api/v1/documenten/{uuid}/inhoud`."
        ),
        parameters=[DocumentFilterSerializer, ETAG_KOP],
        responses={200: DocumentSerializer(many=True), **FOUTEN},
    )
    def get(self, request: Request) -> Response:
        filters = DocumentFilterSerializer(data=queryparameters(request))
        if not filters.is_valid():
            return ongeldige_parameters(filters.errors)
        waarden = filters.validated_data
        documenten = document_list(
            gebruiker=_gebruiker(request),
            verzoek_uuid=waarden.get("verzoek"),
            soort=waarden.get("soort"),
            sorteer=waarden["sorteer"],
        )
        return self.pagina(documenten, DocumentSerializer)


class DocumentDetailApi(LeesApi):
    """One document's metadata; the view is logged as a view of its request."""

    @extend_schema(
        operation_id="document_bekijken",
        summary="Eén document (gegevens; het PDF bij /inhoud)",
        description=(
            "Een document van een verzoek waaraan uw organisatie deelneemt; anders 404. De "
            "raadpleging wordt in de audittrail vastgelegd als raadpleging van het verzoek."
        ),
        parameters=[ETAG_KOP],
        responses={200: DocumentSerializer, **_EEN_FOUTEN},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        document = document_bekijken(gebruiker=_gebruiker(request), uuid=uuid)
        return Response(DocumentSerializer(document).data)


class DocumentInhoudApi(LeesApi):
    """The PDF of one document, checked against its sha256; the download is logged."""

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # The answer is the PDF itself (a FileResponse, not rendered) or a problem in JSON,
        # whatever the client's Accept header asks.
        return (JSONRenderer(), JSONRenderer.media_type)

    @extend_schema(
        operation_id="document_inhoud",
        summary="Het PDF van een document",
        description=(
            "Het bestand als application/pdf (als bijlage, met de bestandsnaam), na controle "
            "van de sha256 zoals de download op de verzoekpagina; de ETag is die sha256. Elke "
            "download wordt in de audittrail vastgelegd (`document-gedownload`). Is het bestand "
            "weg of gewijzigd, dan volgt 500 `document-beschadigd` en wordt niets geleverd."
        ),
        parameters=[ETAG_KOP],
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="Het PDF."),
            **_EEN_FOUTEN,
            500: OpenApiResponse(PROBLEEM_SCHEMA, description="Het bestand is beschadigd."),
        },
    )
    def get(self, request: Request, uuid: UUID) -> Any:
        gebruiker = _gebruiker(request)
        document = access_document_by_uuid(gebruiker, uuid)
        try:
            response = document_response(document, gebruiker)
        except DocumentBeschadigd:
            return probleem_api_response(
                titel="Document beschadigd",
                detail=(
                    "Het bestand van dit document ontbreekt of komt niet overeen met de "
                    "vastgelegde sha256; meld dit aan de beheerder."
                ),
                code="document-beschadigd",
                status_code=500,
            )
        response["ETag"] = f'"{document.sha256}"'
        return response
