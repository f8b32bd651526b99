from django.apps import AppConfig


class WerkvoorraadConfig(AppConfig):
    name = "politiebijstand.werkvoorraad"
    label = "werkvoorraad"
    verbose_name = "werkvoorraad"
    default_auto_field = "django.db.models.BigAutoField"
