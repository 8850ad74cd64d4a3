"""Uploading a letter: small files are imported in the request, large ones by a Celery task."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from letters.importing.store import Outcome, import_letter
from letters.importing.tasks import queue_upload
from letters.models import FailedImport, Source, UploadJob
from letters.web.forms import UploadForm
from letters.web.import_reasons import explain
from letters.web.uploads import LimitedUploadHandler
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
            form.add_error("file", f"Importeren mislukt: {explain(result.reason)}")
        else:
            messages.success(request, upload_message(result.outcome, result.version))
            return redirect(result.version.get_absolute_url())
    elif form.refusal:
        record_refused_upload(request=request, upload=files.get("file"), reason=form.refusal)
    return render(request, "letters/upload.html", {"form": form}, status=400 if form.errors else 200)


def record_refused_upload(*, request, upload, reason: str) -> FailedImport:
    """A file the form refused, on Importfouten beside the files the reader could not read. A
    file too large to receive was dropped while it streamed in: its name is the upload
    handler's, its size the request's (a little more than the file)."""
    if upload is not None:
        filename, size, sha256 = upload.name, upload.size, _sha256(upload)
    else:
        handler = next((h for h in request.upload_handlers if isinstance(h, LimitedUploadHandler)), None)
        filename = getattr(handler, "file_name", None) or "(onbekend)"
        size, sha256 = int(request.META.get("CONTENT_LENGTH") or 0), ""
    return FailedImport.objects.create(
        filename=filename[:255], sha256=sha256, size=size, reason=reason, source=Source.UPLOAD, user=request.user
    )


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


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
    # explanation: the clerk's words for a failure, shown by includes/upload_progress.html
    explanation = explain(job.reason) if job.reason else ""
    return render(request, template, {"job": job, "message": message, "explanation": explanation})


def _is_admin(user) -> bool:
    return user.is_superuser or user.groups.filter(name=ADMINS).exists()
