"""URLs of the JSON API, version 1."""

from django.urls import URLPattern, URLResolver, path

from politiebijstand.api.views import AdviesApi, SchemaApi
from politiebijstand.verzoeken.api.views import VerzoekDetailApi, VerzoekLijstApi, WerkvoorraadApi

app_name = "api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("v1/advies", AdviesApi.as_view(), name="advies"),
    path("v1/verzoeken", VerzoekLijstApi.as_view(), name="verzoeken"),
    path("v1/verzoeken/<uuid:uuid>", VerzoekDetailApi.as_view(), name="verzoek"),
    path("v1/werkvoorraad", WerkvoorraadApi.as_view(), name="werkvoorraad"),
    path("v1/schema/", SchemaApi.as_view(), name="schema"),
]
