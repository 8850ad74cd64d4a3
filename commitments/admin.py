from django.contrib import admin

from commitments.models import Commitment, Motion, MotionMention, StatusChange


class HistoryInline(admin.TabularInline):
    model = StatusChange
    fields = ["at", "user", "action", "from_status", "to_status", "note", "evidence"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Motion)
class MotionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "declared_in", "declaration_reviewed", "zaak_id", "zaak_source"]
    list_filter = ["status", "declaration_reviewed", "zaak_source"]
    list_select_related = ["kamerstuk__dossier", "declared_in"]
    search_fields = ["members_key"]
    autocomplete_fields = ["kamerstuk"]
    # Status changes and links to a zaak go through the clerks' pages, which write the audit trail.
    readonly_fields = ["status", "declared_in", "declaration_reviewed", "zaak", "zaak_source"]
    inlines = [HistoryInline]


@admin.register(MotionMention)
class MotionMentionAdmin(admin.ModelAdmin):
    list_display = ["text", "motion", "declares_done", "version"]
    list_select_related = ["motion__kamerstuk__dossier", "version__letter"]
    readonly_fields = ["motion", "section", "version", "position", "text", "sentence", "declares_done"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "due", "status", "letter"]
    list_filter = ["kind", "status"]
    list_select_related = ["letter"]
    search_fields = ["text"]
    readonly_fields = ["key", "letter", "made_in", "status"]
    inlines = [HistoryInline]
