"""Root URL configuration."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from politiebijstand.accounts.views import admin_inloggen
from politiebijstand.web.gezondheid import PAD as GEZONDHEID_PAD
from politiebijstand.web.gezondheid import gezondheid
from politiebijstand.wijzer.views import regelcatalogus

urlpatterns = [
    # Public, as the wizard it leads to (issue #8, ADR 0020).
    path("", login_not_required(RedirectView.as_view(url="/wijzer/", permanent=False))),
    path("wijzer/", include("politiebijstand.wijzer.urls")),
    path("regels/", regelcatalogus, name="regels"),
    path("werkvoorraad/", include("politiebijstand.werkvoorraad.urls")),
    path("beeld/", include("politiebijstand.beeld.urls")),
    path("verzoeken/", include("politiebijstand.verzoeken.ui.urls")),
    path("capaciteit/", include("politiebijstand.capaciteit.urls")),
    path("rapportages/", include("politiebijstand.rapportages.urls")),
    path("fnik/", include("politiebijstand.fnik.urls")),
    path("api/", include("politiebijstand.api.urls")),
    # The load balancer's health check: does the database answer (issue #13, docs/deployment.md).
    path(GEZONDHEID_PAD, gezondheid, name="gezondheid"),
    # Before the admin: its own log-in page would log in with the password only (ADR 0027).
    path("admin/login/", admin_inloggen, name="admin_inloggen"),
    path("admin/", admin.site.urls),
    path("accounts/", include("politiebijstand.gebruikersbeheer.urls")),
    path("accounts/", include("allauth.urls")),
]

# The load benchmark's floor: each measured page's query without its template, only when
# PB_BENCH_VLOER=1 (`make bench-load`, conf.vloer, ADR 0054).
if settings.BENCH_VLOER:
    urlpatterns.append(path("bench/vloer/", include("politiebijstand.conf.vloer")))

# The 500 page with the request id as "Foutnummer" (issue #9, web.requestlog).
handler500 = "politiebijstand.web.requestlog.server_error"
