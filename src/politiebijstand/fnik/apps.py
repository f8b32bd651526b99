from django.apps import AppConfig


class FnikConfig(AppConfig):
    name = "politiebijstand.fnik"
    label = "fnik"
    verbose_name = "FNIK"
    default_auto_field = "django.db.models.BigAutoField"
