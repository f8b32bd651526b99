from django.apps import AppConfig


class BeeldConfig(AppConfig):
    name = "politiebijstand.beeld"
    label = "beeld"
    verbose_name = "operationeel beeld"
    default_auto_field = "django.db.models.BigAutoField"
