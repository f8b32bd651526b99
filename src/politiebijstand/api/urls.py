"""URLs of the JSON API, version 1."""

from django.urls import URLPattern, URLResolver, path

from politiebijstand.api.views import AdviesApi, OpenApiJson, OpenApiYaml, SchemaApi
from politiebijstand.verzoeken.api.views import (
    TaakAfrondenApi,
    VerzoekDetailApi,
    VerzoekLijstApi,
    WerkvoorraadApi,
)
from politiebijstand.web.publiek import publiek

app_name = "api"

urlpatterns: list[URLPattern | URLResolver] = [
    # Public (issue #8, ADR 0020); the rest needs log-in with the second factor.
    path("v1/advies", publiek(AdviesApi.as_view()), name="advies"),
    path("v1/verzoeken", VerzoekLijstApi.as_view(), name="verzoeken"),
    path("v1/verzoeken/<uuid:uuid>", VerzoekDetailApi.as_view(), name="verzoek"),
    path("v1/werkvoorraad", WerkvoorraadApi.as_view(), name="werkvoorraad"),
    path("v1/taken/<int:pk>", TaakAfrondenApi.as_view(), name="taak"),
    # The OpenAPI document, public (rule API-51, ADR 0046); /schema/ is what the wizard links.
    path("v1/openapi.json", publiek(OpenApiJson.as_view()), name="openapi-json"),
    path("v1/openapi.yaml", publiek(OpenApiYaml.as_view()), name="openapi-yaml"),
    path("v1/schema/", publiek(SchemaApi.as_view()), name="schema"),
]
