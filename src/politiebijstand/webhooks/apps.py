from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "politiebijstand.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks (statuswijzigingen aan andere systemen)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receiver that wakes the worker when a delivery is written (ADR 0015).
        from politiebijstand.webhooks import tasks  # noqa: F401
