from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "politiebijstand.api"
    label = "pb_api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the hourly removal of expired idempotency keys (ADR 0048).
        from politiebijstand.api import tasks  # noqa: F401
