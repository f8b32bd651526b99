from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "politiebijstand.audit"
    label = "audit"
    verbose_name = "Audittrail"
    default_auto_field = "django.db.models.BigAutoField"
