from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "politiebijstand.ui"
    label = "ui"
    default_auto_field = "django.db.models.BigAutoField"
