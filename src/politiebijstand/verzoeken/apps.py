from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "politiebijstand.verzoeken"
    label = "verzoeken"
    verbose_name = "Bijstandsverzoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receiver of `signalen.timer_gepland`, which schedules the timer jobs.
        from politiebijstand.verzoeken import tasks  # noqa: F401
