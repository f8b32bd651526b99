from django.apps import AppConfig


class CapaciteitConfig(AppConfig):
    name = "politiebijstand.capaciteit"
    label = "capaciteit"
    verbose_name = "Capaciteitenoverzicht"
    default_auto_field = "django.db.models.BigAutoField"
