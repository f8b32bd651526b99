from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "politiebijstand.organisaties"
    label = "organisaties"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every change of an organisation goes to the audit trail (history, issue #3).
        from politiebijstand.organisaties import geschiedenis  # noqa: F401
