"""What a Celery fetch costs beyond the import, in CPU of this process and of its PostgreSQL backend.

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/fetch_cpu.py --letters 300 \
        --database-url postgres://postgres@127.0.0.1:5432/tkd_fetch_cpu

One process, no Celery: the fake Kamer publishes the letters, the feed is recorded, and then
each letter is imported in one of these ways, taken in turns (six letters each, so that every
way sees the same letters and the same moments of the machine's load):

- fetch-new: `fetching.fetch()` on a connection opened for it, as Celery's Django fixup (5.6
  and later) did around every task; its backend's CPU is all it spent since it started;
- fetch-kept: `fetching.fetch()` after `close_old_connections()`, as tkdossiers.celery does now;
- import-kept: `store.import_letter()` of the same bytes: no claim, no download, no bookkeeping;
- fetch-unprepared, import-unprepared: kept, without psycopg's prepared statements.

The topics' recount is left out of every way: in a worker, imports close together share one.

CPU per letter: this thread (time.thread_time; the fake Kamer's HTTP threads are not in it),
this whole process, and the backend (/proc/<pid>/stat, ticks of 10 ms: the mean over many
letters is what counts).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from celery_import import LETTERS, cpu_ticks, fresh_database, publish_and_sync, variant  # noqa: E402

WAYS = [f"{action}-{connecting}" for action in ("fetch", "import") for connecting in ("new", "kept", "unprepared")]
BLOCK = len(LETTERS)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=300)
    parser.add_argument("--ways", default="fetch-new,fetch-kept,import-kept", help=f"comma separated, of {WAYS}")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkd_fetch_cpu")
    return parser.parse_args(argv)


def backend_ticks() -> int:
    """CPU ticks of this connection's backend so far."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cpu_ticks(cursor.fetchone()[0])


def one(way: str, fetch_id: int, content: bytes, client) -> dict:
    from django.core.cache import cache

    from letters.importing import fetching
    from letters.importing.store import import_letter
    from letters.models import Source
    from letters.topics.recount import RECOUNT_PENDING

    # As in a busy worker, a recount of the topics is already waiting: this import queues none.
    cache.set(RECOUNT_PENDING, True)
    action, connecting = way.split("-")
    before = CONNECTIONS[connecting]()
    thread, process = time.thread_time(), time.process_time()
    if action == "import":
        import_letter(content=content, filename=f"brief-{fetch_id}.docx", source=Source.SYNC)
    else:
        fetching.fetch(fetch_id, client=client)
    thread, process = time.thread_time() - thread, time.process_time() - process
    backend = (backend_ticks() - before) / os.sysconf("SC_CLK_TCK")
    return {"thread": thread, "process": process, "backend": backend}


def new_connection() -> int:
    from django.db import connection

    connection.close()
    return 0  # the backend's whole life counts, connecting included


def kept_connection() -> int:
    from django.db import close_old_connections

    close_old_connections()
    return backend_ticks()


def unprepared_connection() -> int:
    """Kept, without psycopg's server-side prepared statements (it prepares a query run 5 times)."""
    from django.db import connection

    ticks = kept_connection()
    connection.connection.prepare_threshold = None
    return ticks


CONNECTIONS = {"new": new_connection, "kept": kept_connection, "unprepared": unprepared_connection}


def by_letter(fetch_ids: list[int]) -> list[int]:
    """The fetches in the order their letters were published (contents[i] is 2026D{10000 + i})."""
    from letters.models import DocumentFetch

    numbers = dict(DocumentFetch.objects.filter(pk__in=fetch_ids).values_list("pk", "document__document_number"))
    return sorted(fetch_ids, key=lambda fetch_id: numbers[fetch_id])


def main(argv=None) -> None:
    args = parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from kamer.tk.client import TKClient
    from tests.kamer.fake_server import FakeTK

    base = [path.read_bytes() for path in LETTERS]
    contents = [variant(base[index % len(base)], index) for index in range(args.letters)]
    fresh_database(args.database_url)
    ways = args.ways.split(",")
    results = {way: [] for way in ways}
    with FakeTK(page_size=250) as tk:
        fetch_ids = by_letter(publish_and_sync(tk, contents))
        client = TKClient(tk.base_url, page_pause=0)
        for index, fetch_id in enumerate(fetch_ids):
            way = ways[(index // BLOCK) % len(ways)]
            results[way].append(one(way, fetch_id, contents[index], client))
    print(f"{args.letters} letters, load {os.getloadavg()[0]:.1f}; mean CPU ms a letter:")
    for way, runs in results.items():
        means = {key: round(1000 * statistics.mean(run[key] for run in runs), 2) for key in runs[0]}
        print(f"  {way:24} ({len(runs)} letters): {means}")


if __name__ == "__main__":
    main()
