"""Celery tasks of importing: thin adapters that take ids and call the services.

Task names are explicit and kept from before the move to this package, so that queued
tasks survive an upgrade.
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kamer.sync import default_client
from kamer.tk.client import TKError
from letters.importing import fetching, stale
from letters.importing.store import TOO_LONG, Outcome, import_letter
from letters.models import Source, UploadJob

logger = logging.getLogger(__name__)


@shared_task(name="letters.tasks.fetch_document", bind=True, acks_late=True, max_retries=5)
def fetch_document(self, fetch_id: int) -> str:
    try:
        return fetching.fetch(fetch_id, client=default_client())
    except TKError as exc:
        if self.request.retries >= self.max_retries:
            fetching.mark_failed(fetch_id, f"de Tweede Kamer bleef onbereikbaar: {exc.reason}")
            return "failed"
        raise self.retry(exc=exc, countdown=min(2**self.request.retries * 30, 1800)) from exc


def queue_upload(*, content: bytes, filename: str, user) -> UploadJob:
    """Keep a large upload and import it in Celery after commit, not inside the request."""
    job = UploadJob.objects.create(content=content, filename=filename[:255], size=len(content), user=user)
    transaction.on_commit(lambda: import_upload.delay(job.pk))
    return job


# An import that runs longer than UPLOAD_TIME_LIMIT_SECONDS is stopped with SoftTimeLimitExceeded
# (its transaction rolls back, the job says why); one that ignores it is killed a minute later, and
# the sweep below marks its job failed.
@shared_task(
    name="letters.tasks.import_upload",
    acks_late=True,
    soft_time_limit=settings.UPLOAD_TIME_LIMIT_SECONDS,
    time_limit=settings.UPLOAD_TIME_LIMIT_SECONDS + 60,
)
def import_upload(job_id: int) -> str:
    # A job already finished is not imported again, should its message come twice.
    job = UploadJob.objects.filter(pk=job_id).exclude(status__in=[UploadJob.Status.DONE, UploadJob.Status.FAILED])
    job = job.select_related("user").first()
    if job is None:
        return "gone"
    UploadJob.objects.filter(pk=job.pk).update(status=UploadJob.Status.RUNNING, started_at=timezone.now())
    try:
        result = import_letter(content=bytes(job.content), filename=job.filename, source=Source.UPLOAD, user=job.user)
    except SoftTimeLimitExceeded:
        logger.warning("importing upload %s took longer than %s s", job.pk, settings.UPLOAD_TIME_LIMIT_SECONDS)
        _finish(job, status=UploadJob.Status.FAILED, reason=TOO_LONG)
        return "failed"
    except Exception as exc:
        logger.exception("importing upload %s failed", job.pk)
        _finish(job, status=UploadJob.Status.FAILED, reason=f"onverwachte fout: {type(exc).__name__}")
        raise
    failed = result.outcome == Outcome.FAILED
    _finish(
        job,
        status=UploadJob.Status.FAILED if failed else UploadJob.Status.DONE,
        outcome=result.outcome,
        reason=result.reason,
        version=result.version,
    )
    return str(result.outcome)


def _finish(job, *, status, outcome="", reason="", version=None) -> None:
    # The version keeps the file now, or the import failed for good: the job's copy can go.
    UploadJob.objects.filter(pk=job.pk).update(
        status=status, outcome=outcome, reason=reason, version=version, content=b"", finished_at=timezone.now()
    )


@shared_task(name="letters.tasks.expire_stopped_uploads")
def expire_stopped_uploads() -> int:
    return stale.expire_stopped_uploads()
