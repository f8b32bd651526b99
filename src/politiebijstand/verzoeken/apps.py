from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "politiebijstand.verzoeken"
    label = "verzoeken"
    verbose_name = "Bijstandsverzoeken"
    default_auto_field = "django.db.models.BigAutoField"
