from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "politiebijstand.rapportages"
    label = "rapportages"
    verbose_name = "rapportages"
    default_auto_field = "django.db.models.BigAutoField"
