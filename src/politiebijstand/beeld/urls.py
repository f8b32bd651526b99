"""URLs of the operational picture, under /beeld/ (issue #11 item 2)."""

from django.urls import path

from politiebijstand.beeld import views

app_name = "beeld"

urlpatterns = [
    path("", views.beeld, name="beeld"),
]
