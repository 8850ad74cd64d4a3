"""Uploading a letter: small files are imported in the request, large ones by a Celery task."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from letters.importing.store import Outcome, import_letter
from letters.importing.tasks import queue_upload
from letters.models import Source, UploadJob
from letters.web.forms import UploadForm
from tkdossiers.roles import ADMINS


@login_required
@permission_required("letters.upload_letter", raise_exception=True)
@require_http_methods(["GET", "POST"])
def upload(request):
    if request.method != "POST":
        return render(request, "letters/upload.html", {"form": UploadForm()})
    files = request.FILES  # parsing the upload runs LimitedUploadHandler, which marks the request
    form = UploadForm(request.POST, files, too_large=getattr(request, "upload_too_large", False))
    if form.is_valid():
        upload_file = form.cleaned_data["file"]
        content = upload_file.read()
        if len(content) > settings.LETTER_INLINE_IMPORT_MAX_BYTES:  # read in a worker, not in this request
            return redirect(queue_upload(content=content, filename=upload_file.name, user=request.user))
        result = import_letter(content=content, filename=upload_file.name, source=Source.UPLOAD, user=request.user)
        if result.outcome == Outcome.FAILED:
            form.add_error("file", f"Importeren mislukt: {result.reason}")
        else:
            messages.success(request, upload_message(result.outcome, result.version))
            return redirect(result.version.get_absolute_url())
    return render(request, "letters/upload.html", {"form": form}, status=400 if form.errors else 200)


def upload_message(outcome: str, version) -> str:
    if outcome == Outcome.UNCHANGED:
        return f"Dit bestand was al geïmporteerd (versie {version.number}); er is niets veranderd."
    if outcome == Outcome.NEW_VERSION:
        return f"Geïmporteerd als versie {version.number} van een bekende brief."
    return "Brief geïmporteerd."


@login_required
def upload_job(request, pk):
    """How a large upload's import goes; only for the one who uploaded it, and admins."""
    job = get_object_or_404(UploadJob.objects.defer("content").select_related("version"), pk=pk)
    if job.user_id != request.user.pk and not _is_admin(request.user):
        raise Http404
    message = upload_message(job.outcome, job.version) if job.version else ""
    progress_only = request.headers.get("HX-Request")
    template = "letters/includes/upload_progress.html" if progress_only else "letters/upload_job.html"
    return render(request, template, {"job": job, "message": message})


def _is_admin(user) -> bool:
    return user.is_superuser or user.groups.filter(name=ADMINS).exists()
