"""Celery tasks of topics: thin adapters. Names are explicit and kept from before the move
to this package, so that queued tasks survive an upgrade.

tasks <-> tagging and tasks <-> recount are the allowed pairs: those services queue these
tasks after commit (importing this module inside the function that queues), and the tasks
call them.
"""

import logging

from celery import shared_task

from letters.models import RetagJob
from letters.topics import recount, tagging

logger = logging.getLogger(__name__)


# Re-tagging is safe to run again from the start, and its input is the database, not a file that
# could kill a worker: so a worker lost half-way (killed, restarted) puts the message back for
# another to run, where an import's message is not put back (letters.importing.stale).
@shared_task(name="letters.tasks.retag_sections", acks_late=True, reject_on_worker_lost=True)
def retag_sections(job_id: int) -> None:
    job = RetagJob.objects.filter(pk=job_id).exclude(status__in=[RetagJob.Status.DONE, RetagJob.Status.FAILED])
    job = job.first()
    if job is None:
        return
    try:
        tagging.run_retag(job)
    except Exception as exc:
        logger.exception("re-tagging failed")
        RetagJob.objects.filter(pk=job_id).update(
            status=RetagJob.Status.FAILED, error=f"onverwachte fout: {type(exc).__name__}: {exc}"
        )
        raise


@shared_task(name="letters.tasks.recount_topics", acks_late=True)
def recount_topics() -> None:
    recount.recount_topics()
