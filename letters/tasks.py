"""Celery tasks: thin adapters that take ids and call the services."""

import logging

from celery import shared_task

from letters.models import RetagJob

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def retag_sections(job_id: int) -> None:
    from letters.tagging import run_retag

    job = RetagJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    try:
        run_retag(job)
    except Exception as exc:
        logger.exception("re-tagging failed")
        RetagJob.objects.filter(pk=job_id).update(status=RetagJob.Status.FAILED, error=f"{type(exc).__name__}: {exc}")
        raise
