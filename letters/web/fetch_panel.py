"""The letters' part of the sync page (a KAMER_SYNC_PANELS hook): what was fetched, and what failed."""

from django.db.models import Count
from django.template.loader import render_to_string

from letters.models import DocumentFetch, TypesetPublication, WatchedDossier


def sync_panel(request) -> str:
    if not request.user.has_perm("letters.view_documentfetch"):
        return ""
    Status = DocumentFetch.Status
    counts = dict(DocumentFetch.objects.order_by().values_list("status").annotate(n=Count("pk")))
    failed = DocumentFetch.objects.filter(status=Status.FAILED).select_related("document")
    return render_to_string(
        "letters/includes/fetch_panel.html",
        {
            "counts": [(label, counts.get(value, 0)) for value, label in Status.choices],
            "failed": failed[:100],
            "waiting": counts.get(Status.PENDING, 0) + counts.get(Status.FETCHING, 0),
            "publications": TypesetPublication.objects.select_related("letter", "tk_document").defer("content")[:20],
            "watched": WatchedDossier.objects.all(),
        },
        request=request,
    )
