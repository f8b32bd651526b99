"""The project's URLs plus a page that fails, for the 500 page (tests/ui/test_foutpaginas_*)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from politiebijstand.conf.urls import urlpatterns as project_urlpatterns


def stuk(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("geheime details van de fout")


urlpatterns = [path("stuk/", stuk), *project_urlpatterns]
