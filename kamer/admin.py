from django.contrib import admin

from kamer.models import Document, SyncState


@admin.register(SyncState)
class SyncStateAdmin(admin.ModelAdmin):
    list_display = ["category", "skiptoken", "entries_seen", "last_run_at", "last_success_at"]
    readonly_fields = ["last_run_at", "last_success_at", "entries_seen"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["document_number", "soort", "title", "date", "dossier", "deleted", "bijgewerkt"]
    list_filter = ["soort", "deleted"]
    search_fields = ["document_number", "title", "guid"]
    readonly_fields = [field.name for field in Document._meta.fields]
