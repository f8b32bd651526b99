"""URLs of the accounts app, under /accounts/ next to allauth's."""

from django.urls import path

from politiebijstand.gebruikersbeheer import tokens, views, webhooks

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
    # API tokens of the organisation (issue #12 item 3, ADR 0049)
    path("beheer/tokens/", tokens.tokens_lijst, name="tokens_lijst"),
    path("beheer/tokens/nieuw/", tokens.token_nieuw, name="token_nieuw"),
    path("beheer/tokens/<int:pk>/intrekken/", tokens.token_intrekken, name="token_intrekken"),
]
