"""Root URL configuration."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from politiebijstand.wijzer.views import regelcatalogus

urlpatterns = [
    # Public, as the wizard it leads to (issue #8, ADR 0020).
    path("", login_not_required(RedirectView.as_view(url="/wijzer/", permanent=False))),
    path("wijzer/", include("politiebijstand.wijzer.urls")),
    path("regels/", regelcatalogus, name="regels"),
    path("werkvoorraad/", include("politiebijstand.werkvoorraad.urls")),
    path("verzoeken/", include("politiebijstand.verzoeken.ui.urls")),
    path("api/", include("politiebijstand.api.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("politiebijstand.gebruikersbeheer.urls")),
    path("accounts/", include("allauth.urls")),
]
