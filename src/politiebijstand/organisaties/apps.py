from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "politiebijstand.organisaties"
    label = "organisaties"
    default_auto_field = "django.db.models.BigAutoField"
