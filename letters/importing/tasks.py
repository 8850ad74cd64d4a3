"""Celery tasks of importing: thin adapters that take ids and call the services.

Task names are explicit and kept from before the move to this package, so that queued
tasks survive an upgrade.
"""

from celery import shared_task

from kamer.sync import default_client
from kamer.tk.client import TKError
from letters.importing import fetching


@shared_task(name="letters.tasks.fetch_document", bind=True, acks_late=True, max_retries=5)
def fetch_document(self, fetch_id: int) -> str:
    try:
        return fetching.fetch(fetch_id, client=default_client())
    except TKError as exc:
        if self.request.retries >= self.max_retries:
            fetching.mark_failed(fetch_id, f"de Tweede Kamer bleef onbereikbaar: {exc.reason}")
            return "failed"
        raise self.retry(exc=exc, countdown=min(2**self.request.retries * 30, 1800)) from exc
