"""Uploads whose import died with its worker: failed after a while, so nobody waits for ever.

A large upload is imported by a Celery worker process, with acks_late. When that process is
killed half-way (the out-of-memory killer, a deploy that does not wait), Celery acks the message
all the same: the setting that would queue it again (task_reject_on_worker_lost) stays off on
purpose, since a file that kills its worker would then kill every worker in turn. Nothing
imports the job again, and its page would say "wordt ingelezen" for ever. So a job running for
longer than an import may take (the task's time limit, then a margin) is marked failed with a
reason that says what to do, and its kept copy of the file is freed. Nothing else needs undoing:
the import's transaction never committed, so no half letter is left.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from letters.importing.store import Outcome
from letters.models import UploadJob

STOPPED = (
    "de verwerking stopte halverwege: het proces dat de brief inlas is onderbroken "
    "(bijvoorbeeld door geheugengebrek of een herstart); er is niets opgeslagen"
)


def expire_stopped_uploads(*, now=None) -> int:
    """Mark uploads still 'running' past the time limit as failed; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.UPLOAD_STOPPED_AFTER_SECONDS)
    return UploadJob.objects.filter(status=UploadJob.Status.RUNNING, started_at__lt=cutoff).update(
        status=UploadJob.Status.FAILED, outcome=Outcome.FAILED, reason=STOPPED, content=b"", finished_at=now
    )
