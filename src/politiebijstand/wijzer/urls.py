"""URLs of the Bijstandswijzer (issue #2)."""

from django.urls import path

from politiebijstand.wijzer import views

app_name = "wijzer"

urlpatterns = [
    path("", views.start, name="start"),
    path("advies/", views.resultaat, name="resultaat"),
    path("advies.json", views.resultaat_json, name="resultaat-json"),
    path("<slug:slug>/", views.stap, name="stap"),
]
