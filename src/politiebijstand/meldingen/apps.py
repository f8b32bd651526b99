from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "politiebijstand.meldingen"
    label = "meldingen"
    verbose_name = "Meldingen (e-mail outbox)"
    default_auto_field = "django.db.models.BigAutoField"
