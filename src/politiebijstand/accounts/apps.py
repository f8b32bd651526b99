from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "politiebijstand.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connect the audit receivers of log-in, log-out and MFA events (issue #3).
        from politiebijstand.accounts import receivers  # noqa: F401
