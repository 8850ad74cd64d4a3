from django.apps import AppConfig


class KamerConfig(AppConfig):
    name = "kamer"
    verbose_name = "Tweede Kamer (open data)"
