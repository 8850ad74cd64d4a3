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
        RetagJob.objects.filter(pk=job_id).update(
            status=RetagJob.Status.FAILED, error=f"onverwachte fout: {type(exc).__name__}: {exc}"
        )
        raise


@shared_task(acks_late=True)
def recount_topics() -> None:
    from letters import counts

    counts.recount_topics()


@shared_task(acks_late=True)
def sync_feed() -> dict:
    """Read the SyncFeed from the stored skiptokens and queue the letters to fetch."""
    from letters import sync

    report = sync.run(client=sync.default_client())
    for document_id in report.queued:
        fetch_document.delay(document_id)
    return {"pages": report.pages, "entries": report.entries, "queued": len(report.queued)}


@shared_task(bind=True, acks_late=True, max_retries=5)
def fetch_document(self, document_id: int) -> str:
    from letters import sync
    from letters.tk.client import TKError

    try:
        return sync.fetch(document_id, client=sync.default_client())
    except TKError as exc:
        if self.request.retries >= self.max_retries:
            sync.mark_failed(document_id, f"de Tweede Kamer bleef onbereikbaar: {exc.reason}")
            return "failed"
        raise self.retry(exc=exc, countdown=min(2**self.request.retries * 30, 1800)) from exc
