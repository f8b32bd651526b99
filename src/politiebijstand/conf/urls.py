"""Root URL configuration."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/wijzer/", permanent=False)),
    path("wijzer/", include("politiebijstand.wijzer.urls")),
    path("api/", include("politiebijstand.api.urls")),
    path("admin/", admin.site.urls),
]
