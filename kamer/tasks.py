"""Celery tasks of the mirror: thin adapters. Names are explicit and kept from before the
move to this app, so queued tasks and the beat schedule of running sites still find them."""

from celery import shared_task

from kamer import sync


@shared_task(name="letters.tasks.sync_feed", acks_late=True)
def sync_feed() -> dict:
    """Read the SyncFeed from the stored skiptokens, then run the hooks (letters queues its fetches)
    on this run's changes and any an earlier run stopped before (kamer.sync.run_hooks)."""
    report = sync.run(client=sync.default_client())
    sync.run_hooks(report)
    changed = {category: len(guids) for category, guids in report.changed.items()}
    return {"pages": report.pages, "entries": report.entries, "changed": len(report.changed_documents), **changed}
