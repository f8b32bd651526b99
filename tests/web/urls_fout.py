"""The root URLconf plus a page that fails, for the tests of the 500 and its log line (#9)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from politiebijstand.conf.urls import handler500
from politiebijstand.conf.urls import urlpatterns as basis


@login_not_required
def boem(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boem in de view")


urlpatterns = [path("boem/", boem), *basis]

__all__ = ["handler500", "urlpatterns"]
