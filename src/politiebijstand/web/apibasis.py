"""Shared parts of the API's read resources (issue #12 item 1, ADR 0047).

The read views live in the apps they read (`verzoeken.api.lezen`, `capaciteit.api`,
`organisaties.api`); `web` is the lowest shared layer, so every one of them can use:

- `LeesApi` and `LijstApi`: JSON only, every error `application/problem+json`
  (`probleem_exception_handler`); `LijstApi` paginates with `Paginering`.
- `ongeldige_parameters`: a 400 problem naming every invalid query parameter.
- `QueryFilters`: the base of every list's filter serializer; a query parameter the list does
  not know is refused by name instead of ignored.
- `FOUTEN`: the OpenAPI responses of the errors every read can give.
- `sorteer_veld`: the ``sorteer`` query parameter (one of a fixed list of values).

The `ETag` of each answer is set where the views are mounted (`api.lezen.gelezen`), as
`api.versies` lies above the apps (ADR 0015).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import QueryDict

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from politiebijstand.web.paginering import Paginering
from politiebijstand.web.problemen import (
    PROBLEEM_SCHEMA,
    probleem_api_response,
    probleem_exception_handler,
)

#: The errors of a read, for `extend_schema(responses=...)`.
FOUTEN: dict[int, OpenApiResponse] = {
    400: OpenApiResponse(PROBLEEM_SCHEMA, description="Ongeldige of onbekende queryparameter."),
    401: OpenApiResponse(PROBLEEM_SCHEMA, description="Niet ingelogd."),
    403: OpenApiResponse(PROBLEEM_SCHEMA, description="Geen tweede factor ingesteld."),
    404: OpenApiResponse(PROBLEEM_SCHEMA, description="Pagina bestaat niet."),
}

#: The 404 of a single resource: unknown, or outside the caller's scope (the same answer).
NIET_GEVONDEN = OpenApiResponse(PROBLEEM_SCHEMA, description="Onbekend, of buiten uw scope.")

#: The `ETag` header of every successful read, for `extend_schema(parameters=[...])`.
ETAG_KOP = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200],
    description=(
        "Sterke entity tag van de representatie: sha256 van de canonieke JSON tussen "
        "aanhalingstekens (bij een PDF: de sha256 van het bestand)."
    ),
)

#: Dutch message of a choice that is not allowed.
KEUZE_FOUT: dict[str, Any] = {"invalid_choice": "'{input}' is geen geldige waarde."}


#: Query parameters every list reads besides its filters (`Paginering`).
PAGINERING_PARAMETERS = frozenset({"pagina", "perPagina"})


class QueryFilters(serializers.Serializer[Any]):
    """The query parameters of a list: its fields, and the pages (`PAGINERING_PARAMETERS`).

    Any other key is refused, ``{key: ["Onbekende parameter; deze lijst kent: ..."]}``, so
    that a misspelt filter (``?stauts=open``) gives a 400 problem that names it instead of the
    whole, unfiltered list (issue #12, from an outside validator's review). The errors of the
    known parameters are given beside it. DRF's ``format`` is no exception: the lists answer
    JSON only and declare no such parameter (only the schema view ``/api/v1/schema/`` reads
    it, to choose between YAML and JSON). A key given twice (``?status=a&status=b``) is
    refused too, rather than one of its values silently taken.

    Args:
        data: a `QueryDict` (``request.query_params``) or the dict of `queryparameters`, in
            which a repeated key holds the list of its values.

    Raises:
        ValidationError: per key, its Dutch messages (unknown or repeated keys, invalid
            values).
    """

    def to_internal_value(self, data: Any) -> Any:
        bekend = set(self.fields) | PAGINERING_PARAMETERS
        melding = f"Onbekende parameter; deze lijst kent: {', '.join(sorted(bekend))}."
        fouten: dict[str, Any] = {naam: [melding] for naam in set(data) - bekend}
        lijsten = dict(data.lists()) if isinstance(data, QueryDict) else data
        enkel: dict[str, Any] = {}
        for naam, waarde in lijsten.items():
            waarden = waarde if isinstance(waarde, list) else [waarde]
            if len(waarden) > 1 and naam in bekend:
                gegeven = ", ".join(f"'{w}'" for w in waarden)
                fouten[naam] = [f"Eén waarde per parameter; gegeven: {gegeven}."]
            enkel[naam] = waarden[-1]
        if isinstance(data, QueryDict):  # DRF's form semantics stay (an empty value is absent)
            als_querydict = QueryDict(mutable=True)
            als_querydict.update(enkel)
            enkel = als_querydict
        try:
            waarden_ok = super().to_internal_value(enkel)
        except serializers.ValidationError as exc:
            if not isinstance(exc.detail, dict):
                raise
            for naam, m in exc.detail.items():
                fouten.setdefault(naam, self._met_keuzes(naam, m))
        if fouten:
            raise serializers.ValidationError(fouten)
        return waarden_ok

    def _met_keuzes(self, naam: str, meldingen: Any) -> Any:
        """A refused choice's message with the values the parameter does take.

        ``["'open' is geen geldige waarde."]`` -> ``["'open' is geen geldige waarde; kies uit:
        aangevraagd, in_behandeling, ..."]`` (the order of the field's choices).
        """
        veld = self.fields.get(naam)
        if not isinstance(veld, serializers.ChoiceField) or not isinstance(meldingen, list):
            return meldingen
        keuzes = ", ".join(str(k) for k in veld.choices if k != "")
        return [
            f"{str(m).removesuffix('.')}; kies uit: {keuzes}."
            if getattr(m, "code", None) == "invalid_choice" and "geen geldige waarde" in str(m)
            else m
            for m in meldingen
        ]


def queryparameters(request: Request) -> dict[str, str | list[str]]:
    """The query parameters as a plain dict; a repeated key holds the list of its values.

    Given to a filter serializer instead of the `QueryDict`, so that an empty value
    (``?zoek=``) is validated like any other and refused where the OpenAPI says it must not be
    empty, instead of being taken for an absent parameter (DRF's rule for form input).
    """
    return {
        naam: waarden[0] if len(waarden) == 1 else waarden
        for naam, waarden in request.query_params.lists()
    }


def ongeldige_parameters(fouten: dict[str, Any]) -> Response:
    """400 problem (`ongeldige-parameters`) naming every invalid query parameter.

    Args:
        fouten: a serializer's ``errors``: query key -> list of Dutch messages.

    Returns:
        The problem, with ``invalid-params`` sorted by key and the first one in ``detail``.
    """
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


#: An organisation code of the contract and the reference data: 'LOCC', 'EENHEID-MN', 'GM0344'
#: (`organisaties.referentie`).
ORGANISATIECODE_PATROON = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$"

#: Search text: 1 to 100 characters, no control characters (declared, so that the OpenAPI
#: and the validation agree).
ZOEK_PATROON = r"^[^\x00-\x1f\x7f]{1,100}$"


def code_veld(help_text: str) -> serializers.RegexField:
    """An optional query parameter holding an organisation code (`ORGANISATIECODE_PATROON`)."""
    return serializers.RegexField(
        ORGANISATIECODE_PATROON,
        required=False,
        max_length=40,
        trim_whitespace=False,
        help_text=help_text,
        error_messages={
            "invalid": "Moet een organisatiecode zijn, zoals 'EENHEID-MN'.",
            "blank": "Moet een organisatiecode zijn, zoals 'EENHEID-MN'.",
        },
    )


def zoek_veld(help_text: str) -> serializers.RegexField:
    """The optional ``zoek`` query parameter (`ZOEK_PATROON`), case-insensitive text."""
    return serializers.RegexField(
        ZOEK_PATROON,
        required=False,
        max_length=100,
        trim_whitespace=False,
        help_text=help_text,
        error_messages={
            "invalid": "Moet 1 tot 100 tekens zijn, zonder stuurtekens.",
            "blank": "Moet 1 tot 100 tekens zijn, zonder stuurtekens.",
        },
    )


def sorteer_veld(waarden: Sequence[str], standaard: str) -> serializers.ChoiceField:
    """The ``sorteer`` query parameter: a field name, ``-`` in front for descending.

    Args:
        waarden: the field names that may be sorted on (ascending); each is also allowed with
            a leading ``-``.
        standaard: the order without ``sorteer``, one of the allowed values.
    """
    keuzes = [w for waarde in waarden for w in (waarde, f"-{waarde}")]
    if standaard not in keuzes:
        raise ValueError(f"sorteer: standaard {standaard!r} is geen van {keuzes}")
    return serializers.ChoiceField(
        choices=keuzes,
        required=False,
        default=standaard,
        help_text=(
            f"Volgorde: een veldnaam, met '-' ervoor voor aflopend. Standaard '{standaard}'."
        ),
        error_messages=KEUZE_FOUT,
    )


class LeesApi(APIView):
    """A read-only JSON resource with problem+json errors."""

    renderer_classes = (JSONRenderer,)

    def get_exception_handler(self) -> Any:  # DRF types the handler as Any
        return probleem_exception_handler


class LijstApi(GenericAPIView):  # type: ignore[type-arg]
    """A read-only paginated JSON list (`Paginering`) with problem+json errors."""

    renderer_classes = (JSONRenderer,)
    pagination_class = Paginering

    def get_exception_handler(self) -> Any:  # DRF types the handler as Any
        return probleem_exception_handler

    def pagina(self, rijen: Any, serializer: type[serializers.BaseSerializer[Any]]) -> Response:
        """One page of `rijen` (a queryset or list) as ``{"aantal", ..., "resultaten"}``."""
        deel = self.paginate_queryset(rijen)
        return self.get_paginated_response(serializer(deel, many=True).data)
