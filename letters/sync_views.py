"""The sync state page, and the admins' button to run a sync now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from letters.models import SyncState, TKDocument, TypesetPublication, WatchedDossier


@login_required
@permission_required("letters.view_tkdocument", raise_exception=True)
def sync_state(request):
    counts = dict(TKDocument.objects.order_by().values_list("status").annotate(n=Count("pk")))
    return render(
        request,
        "letters/sync_state.html",
        {
            "states": SyncState.objects.all(),
            "counts": [(label, counts.get(value, 0)) for value, label in TKDocument.Status.choices],
            "failed": TKDocument.objects.filter(status=TKDocument.Status.FAILED).select_related("dossier")[:100],
            "pending": TKDocument.objects.filter(status=TKDocument.Status.PENDING).count(),
            "publications": TypesetPublication.objects.select_related("letter", "tk_document").defer("content")[:20],
            "watched": WatchedDossier.objects.all(),
        },
    )


@login_required
@permission_required("letters.run_sync", raise_exception=True)
@require_POST
def sync_now(request):
    from letters.tasks import sync_feed

    transaction.on_commit(sync_feed.delay)
    messages.success(request, "De synchronisatie is gestart; ververs deze pagina over een ogenblik.")
    return redirect("sync_state")
