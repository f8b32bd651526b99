"""URLs of the request pages, under /verzoeken/ (issue #4)."""

from django.urls import path

from politiebijstand.verzoeken.ui import export, formulier, views

app_name = "verzoeken"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("export.csv", export.export_csv, name="export"),
    path("taken/<int:pk>/", views.taak, name="taak"),
    path("mandaten/", formulier.mandaten, name="mandaten"),
    path("procedures/<str:procedure_id>.bpmn", views.procedure_bpmn, name="procedure_bpmn"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/intrekken/", views.intrekken, name="intrekken"),
    path("<uuid:uuid>/oefening-afsluiten/", views.oefening_afsluiten, name="oefening_afsluiten"),
    path("<uuid:uuid>/evaluatie/", views.evaluatie, name="evaluatie"),
    path("<uuid:uuid>/evaluatie/pdf/", views.evaluatie_pdf, name="evaluatie_pdf"),
    path("<uuid:uuid>/documenten/<uuid:document>/", views.document, name="document"),
    path("<uuid:uuid>/delen/<int:volgnummer>/beroep/", views.beroep, name="beroep"),
    path("<uuid:uuid>/delen/<int:volgnummer>/inzet/<slug:soort>/", views.inzet, name="inzet"),
    path(
        "<uuid:uuid>/delen/<int:volgnummer>/formulier/<str:gemeente>/",
        formulier.formulier,
        name="formulier",
    ),
    path(
        "<uuid:uuid>/delen/<int:volgnummer>/formulier/<str:gemeente>/concept/",
        formulier.concept,
        name="formulier_concept",
    ),
]
