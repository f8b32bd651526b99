"""URLs of the FNIK page, under /fnik/ (issue #11 item 3)."""

from django.urls import path

from politiebijstand.fnik import views

app_name = "fnik"

urlpatterns = [
    path("", views.overzicht_pagina, name="overzicht"),
]
