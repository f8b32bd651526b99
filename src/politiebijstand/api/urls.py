"""URLs of the JSON API, version 1.

Every POST but the public advice is mounted behind the Idempotency-Key (`idempotent`,
ADR 0048).
"""

from django.urls import URLPattern, URLResolver, path

from politiebijstand.api.idempotentie import idempotent
from politiebijstand.api.lezen import gelezen
from politiebijstand.api.views import AdviesApi, OpenApiJson, OpenApiYaml, SchemaApi
from politiebijstand.capaciteit.api import CapaciteitApi
from politiebijstand.organisaties.api import (
    GemeenteDetailApi,
    GemeenteLijstApi,
    OrganisatieDetailApi,
    OrganisatieLijstApi,
)
from politiebijstand.verzoeken.api.lezen import (
    BesluitDetailApi,
    BesluitLijstApi,
    DocumentDetailApi,
    DocumentInhoudApi,
    DocumentLijstApi,
    TaakDetailApi,
    VerzoekTakenApi,
)
from politiebijstand.verzoeken.api.views import (
    TaakAfrondingApi,
    TaakOppakkenApi,
    TaakTeruggevenApi,
    VerzoekDetailApi,
    VerzoekIntrekkingApi,
    VerzoekLijstApi,
    WerkvoorraadApi,
)
from politiebijstand.web.publiek import publiek

app_name = "api"

urlpatterns: list[URLPattern | URLResolver] = [
    # Public (issue #8, ADR 0020); the rest needs log-in with the second factor.
    path("v1/advies", publiek(AdviesApi.as_view()), name="advies"),
    path("v1/verzoeken", idempotent(VerzoekLijstApi).as_view(), name="verzoeken"),
    path("v1/verzoeken/<uuid:uuid>", VerzoekDetailApi.as_view(), name="verzoek"),
    path(
        "v1/verzoeken/<uuid:uuid>/intrekking",
        idempotent(VerzoekIntrekkingApi).as_view(),
        name="verzoek-intrekking",
    ),
    path("v1/werkvoorraad", WerkvoorraadApi.as_view(), name="werkvoorraad"),
    path("v1/taken/<int:pk>/oppakken", idempotent(TaakOppakkenApi).as_view(), name="taak-oppakken"),
    path(
        "v1/taken/<int:pk>/teruggeven",
        idempotent(TaakTeruggevenApi).as_view(),
        name="taak-teruggeven",
    ),
    path(
        "v1/taken/<int:pk>/afronding", idempotent(TaakAfrondingApi).as_view(), name="taak-afronding"
    ),
    # The OpenAPI document, public (rule API-51, ADR 0046); /schema/ is what the wizard links.
    path("v1/openapi.json", publiek(OpenApiJson.as_view()), name="openapi-json"),
    path("v1/openapi.yaml", publiek(OpenApiYaml.as_view()), name="openapi-yaml"),
    path("v1/schema/", publiek(SchemaApi.as_view()), name="schema"),
    # The read resources (issue #12 item 1, ADR 0047); `gelezen` sets each GET's ETag.
    path("v1/taken/<int:pk>", gelezen(TaakDetailApi.as_view()), name="taak"),
    path(
        "v1/verzoeken/<uuid:uuid>/taken", gelezen(VerzoekTakenApi.as_view()), name="verzoek-taken"
    ),
    path("v1/besluiten", gelezen(BesluitLijstApi.as_view()), name="besluiten"),
    path("v1/besluiten/<uuid:uuid>", gelezen(BesluitDetailApi.as_view()), name="besluit"),
    path("v1/documenten", gelezen(DocumentLijstApi.as_view()), name="documenten"),
    path("v1/documenten/<uuid:uuid>", gelezen(DocumentDetailApi.as_view()), name="document"),
    path(
        "v1/documenten/<uuid:uuid>/inhoud",
        gelezen(DocumentInhoudApi.as_view()),
        name="document-inhoud",
    ),
    path("v1/capaciteit", gelezen(CapaciteitApi.as_view()), name="capaciteit"),
    path("v1/organisaties", gelezen(OrganisatieLijstApi.as_view()), name="organisaties"),
    path("v1/organisaties/<str:code>", gelezen(OrganisatieDetailApi.as_view()), name="organisatie"),
    path("v1/gemeenten", gelezen(GemeenteLijstApi.as_view()), name="gemeenten"),
    path("v1/gemeenten/<str:code>", gelezen(GemeenteDetailApi.as_view()), name="gemeente"),
]
