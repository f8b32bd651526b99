"""URLs of the reports, under /rapportages/ (issue #11 item 4)."""

from django.urls import path

from politiebijstand.rapportages import views

app_name = "rapportages"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
]
