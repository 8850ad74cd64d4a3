"""Commits that do not wait for the disk, for imports that running again would redo (PostgreSQL).

Waiting for the write-ahead log to reach the disk took a few milliseconds of every commit on
this machine, several times per letter in a bulk import. The command's files stay on disk and
the sync's letters at the Kamer: a crash may lose the last commits (at most three times
wal_writer_delay, 0.6 s by default), never consistency, and running the command or the fetch
again imports what was lost. An upload, whose user is told it was imported, waits as before.
"""

from contextlib import contextmanager

from django.db import connection

# For one transaction: the import's (store() sets it with letters.importing.ids.reserve_keys).
NOT_WAITING = {"synchronous_commit": "off"}


@contextmanager
def on_this_connection():
    """No commit inside the block waits: for a Celery fetch, whose claim, import and result are
    three transactions. Its result is written last, so it is never kept while its import is lost."""
    _set("SET synchronous_commit = off")
    try:
        yield
    finally:
        if connection.connection is not None and not connection.needs_rollback:  # else the setting is gone
            _set("RESET synchronous_commit")


def _set(statement: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(statement)
