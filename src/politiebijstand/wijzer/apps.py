from django.apps import AppConfig


class WijzerConfig(AppConfig):
    name = "politiebijstand.wijzer"
    label = "wijzer"
    default_auto_field = "django.db.models.BigAutoField"
