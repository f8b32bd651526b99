from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "politiebijstand.documenten"
    label = "documenten"
    verbose_name = "Documenten (PDF/A en stukken van buiten)"
