"""The sync state page, and the admins' button to run a sync now."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from kamer.models import Document, SyncChange, SyncState
from kamer.sync import category_counts
from kamer.tasks import sync_feed

EAGER_SYNC_MESSAGE = (
    "De synchronisatie is niet gestart: ze draait in de Celery-worker, en deze site heeft er geen "
    "(REDIS_URL is niet ingesteld). Synchroniseer met de hand: python manage.py sync_tk --once"
)


@login_required
@permission_required("kamer.view_document", raise_exception=True)
def sync_state(request):
    soorten = (
        Document.objects.filter(deleted=False).values_list("soort").annotate(n=Count("pk")).order_by("-n", "soort")
    )
    return render(
        request,
        "kamer/sync_state.html",
        {
            "states": SyncState.objects.all(),
            "waiting": SyncChange.objects.count(),  # left by a run that stopped before its hooks
            "categories": category_counts(),
            "soorten": list(soorten[:12]),
            "documents": Document.objects.count(),
            "deleted": Document.objects.filter(deleted=True).count(),
            "panels": [import_string(path)(request) for path in settings.KAMER_SYNC_PANELS],
            "interval": settings.TK_SYNC_INTERVAL_MINUTES,
        },
    )


@login_required
@permission_required("kamer.run_sync", raise_exception=True)
@require_POST
def sync_now(request):
    if settings.CELERY_TASK_ALWAYS_EAGER:  # no worker: the whole sync would run inside this request
        messages.warning(request, EAGER_SYNC_MESSAGE)
        return redirect("sync_state")
    transaction.on_commit(sync_feed.delay)
    messages.success(request, "De synchronisatie is gestart; ververs deze pagina over een ogenblik.")
    return redirect("sync_state")
