"""The mirror in the admin: read-only (the Kamer's record is changed by the sync alone)."""

from django.contrib import admin

from kamer.models import (
    Activiteit,
    Agendapunt,
    Besluit,
    Document,
    DocumentVersie,
    Fractie,
    Kamerstukdossier,
    Persoon,
    Stemming,
    SyncState,
    Toezegging,
    Zaak,
    ZaakActor,
)


@admin.register(SyncState)
class SyncStateAdmin(admin.ModelAdmin):
    list_display = ["category", "skiptoken", "entries_seen", "last_run_at", "last_success_at"]
    readonly_fields = ["last_run_at", "last_success_at", "entries_seen"]


class MirrorAdmin(admin.ModelAdmin):
    """An entity as the Kamer last described it: to look at, not to change."""

    list_filter = ["deleted"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(MirrorAdmin):
    list_display = ["document_number", "soort", "title", "date", "dossier", "deleted", "bijgewerkt"]
    list_filter = ["soort", "deleted"]
    search_fields = ["document_number", "title", "guid"]


@admin.register(Zaak)
class ZaakAdmin(MirrorAdmin):
    list_display = ["number", "soort", "subject", "afgedaan", "kabinetsappreciatie", "deleted", "bijgewerkt"]
    list_filter = ["soort", "afgedaan", "deleted"]
    search_fields = ["number", "subject", "guid"]


@admin.register(Toezegging)
class ToezeggingAdmin(MirrorAdmin):
    list_display = ["number", "status", "due", "ministerie", "bewindspersoon", "deleted"]
    list_filter = ["status", "ministerie", "deleted"]
    search_fields = ["number", "text", "guid"]


@admin.register(Persoon)
class PersoonAdmin(MirrorAdmin):
    list_display = ["surname", "roepnaam", "tussenvoegsel", "fractielabel", "deleted"]
    search_fields = ["surname", "roepnaam", "guid"]


@admin.register(Fractie)
class FractieAdmin(MirrorAdmin):
    list_display = ["afkorting", "name", "seats", "deleted"]
    search_fields = ["afkorting", "name", "guid"]


for model in (Kamerstukdossier, DocumentVersie, ZaakActor, Besluit, Stemming, Agendapunt, Activiteit):
    admin.site.register(model, MirrorAdmin, search_fields=["guid"], list_display=["__str__", "deleted", "bijgewerkt"])
