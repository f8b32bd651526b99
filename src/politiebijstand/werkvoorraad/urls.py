"""URLs of the work queue (werkvoorraad), under /werkvoorraad/ (issue #4)."""

from django.urls import path

from politiebijstand.werkvoorraad import views

app_name = "werkvoorraad"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("taken/<int:pk>/oppakken/", views.oppakken, name="oppakken"),
    path("taken/<int:pk>/teruggeven/", views.teruggeven, name="teruggeven"),
]
