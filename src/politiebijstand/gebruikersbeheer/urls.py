"""URLs of the accounts app, under /accounts/ next to allauth's."""

from django.urls import path

from politiebijstand.gebruikersbeheer import views, webhooks

app_name = "accounts"

urlpatterns = [
    path("uitloggen-overal/", views.uitloggen_overal, name="uitloggen_overal"),
    path("beheer/", views.gebruikers_lijst, name="gebruikers_lijst"),
    path("beheer/nieuw/", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("beheer/<int:pk>/", views.gebruiker_wijzigen, name="gebruiker_wijzigen"),
    path("beheer/email/", views.verzonden_email_lijst, name="verzonden_email_lijst"),
    path("beheer/email/<str:eml>/", views.verzonden_email, name="verzonden_email"),
    path("beheer/webhooks/", webhooks.webhooks_lijst, name="webhooks_lijst"),
    path("beheer/webhooks/nieuw/", webhooks.webhook_nieuw, name="webhook_nieuw"),
    path(
        "beheer/webhooks/<uuid:abonnement>/", webhooks.webhook_leveringen, name="webhook_leveringen"
    ),
    path(
        "beheer/webhooks/<uuid:abonnement>/deactiveren/",
        webhooks.webhook_deactiveren,
        name="webhook_deactiveren",
    ),
]
