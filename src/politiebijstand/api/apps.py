from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "politiebijstand.api"
    label = "pb_api"
    default_auto_field = "django.db.models.BigAutoField"
