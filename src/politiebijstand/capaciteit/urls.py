"""URLs of the capacity register, under /capaciteit/ (issue #11 item 1)."""

from django.urls import path

from politiebijstand.capaciteit import views

app_name = "capaciteit"

urlpatterns = [path("", views.register, name="register")]
