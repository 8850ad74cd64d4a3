from django.apps import AppConfig


class TkDossiersConfig(AppConfig):
    name = "tkdossiers"
    verbose_name = "TK Dossiers"
