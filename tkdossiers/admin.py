from django.contrib import admin

from tkdossiers.models import Dossier, Kamerstuk


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ["number", "toevoeging", "title"]
    search_fields = ["number", "title"]


@admin.register(Kamerstuk)
class KamerstukAdmin(admin.ModelAdmin):
    list_display = ["__str__", "vergaderjaar", "soort"]
    list_select_related = ["dossier"]
    search_fields = ["dossier__number", "number"]
    autocomplete_fields = ["dossier"]
