"""URLs of the Bijstandswijzer (placeholder until the wizard lands, issue #2)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

app_name = "wijzer"


def _index(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Bijstandswijzer")


urlpatterns = [path("", _index, name="start")]
