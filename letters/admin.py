from django.contrib import admin

from letters.models import FailedImport, Footnote, Letter, LetterVersion, Reference, Section, UploadJob


class VersionInline(admin.TabularInline):
    model = LetterVersion
    fields = ["number", "filename", "size", "sha256", "source", "imported_by", "imported_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "document_number", "kenmerk", "sender"]
    list_filter = ["date"]
    search_fields = ["title", "document_number", "kenmerk"]
    readonly_fields = ["identity", "current_version", "vergaderjaar", "created_at", "updated_at"]
    autocomplete_fields = ["dossier", "kamerstuk"]
    inlines = [VersionInline]


@admin.register(LetterVersion)
class LetterVersionAdmin(admin.ModelAdmin):
    list_display = ["letter", "number", "filename", "source", "imported_at"]
    list_filter = ["source"]
    readonly_fields = ["letter", "number", "sha256", "filename", "size", "title", "date", "source", "imported_by"]
    search_fields = ["letter__title", "filename", "sha256"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["heading", "level", "kind", "version"]
    list_select_related = ["version__letter"]
    search_fields = ["heading", "text"]
    readonly_fields = ["version", "position", "parent", "level", "number", "kind", "heading_refs", "blocks"]


@admin.register(Footnote)
class FootnoteAdmin(admin.ModelAdmin):
    list_display = ["number", "text", "version"]
    list_select_related = ["version__letter"]
    search_fields = ["text"]
    readonly_fields = ["version", "number", "position", "section"]


@admin.register(FailedImport)
class FailedImportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "filename", "reason", "source", "user"]
    list_filter = ["source", "created_at"]
    search_fields = ["filename", "reason"]
    readonly_fields = ["filename", "sha256", "size", "reason", "source", "user", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(UploadJob)
class UploadJobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "filename", "size", "status", "user"]
    list_filter = ["status", "created_at"]
    search_fields = ["filename", "reason"]
    exclude = ["content"]
    readonly_fields = [
        "filename",
        "size",
        "user",
        "status",
        "outcome",
        "reason",
        "version",
        "created_at",
        "started_at",
        "finished_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "kamerstuk", "location", "version"]
    list_filter = ["kind", "location"]
    list_select_related = ["kamerstuk__dossier", "version__letter"]
    search_fields = ["text"]
    readonly_fields = [
        "version",
        "section",
        "footnote",
        "kamerstuk",
        "kind",
        "location",
        "position",
        "text",
        "vergaderjaar",
    ]
