from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "politiebijstand.meldingen"
    label = "meldingen"
    verbose_name = "Meldingen (e-mail outbox)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receiver that wakes the worker when a message is written (ADR 0015).
        from politiebijstand.meldingen import tasks  # noqa: F401
