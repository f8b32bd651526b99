from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "politiebijstand.toegang"
    label = "toegang"
    verbose_name = "Toegang (need-to-know)"

    def ready(self) -> None:
        # Registers the named rules in rules' default rule set.
        from politiebijstand.toegang import regels  # noqa: F401
