"""URLs of the JSON API, version 1.

Every POST but the public advice is mounted behind the Idempotency-Key (`idempotent`,
ADR 0048).
"""

from django.urls import URLPattern, URLResolver, path

from politiebijstand.api.idempotentie import idempotent
from politiebijstand.api.views import AdviesApi, SchemaApi
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
    path("v1/schema/", publiek(SchemaApi.as_view()), name="schema"),
]
