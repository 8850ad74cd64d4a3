"""CPU a letter of the import in one process (issue 16): this process and its PostgreSQL backend.

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/store_cpu.py [--letters 120] [--database-url URL]

Imports --letters files as `import_letter --workers 1` would (the seed and the real letters in turn,
each a new letter with its own bytes and document number), into a fresh database, and prints the
CPU milliseconds a letter (user + system) of this process, of the part that is not reading and
splitting (store), and of the PostgreSQL backend serving it (from /proc). CPU time follows the
machine's load much less than wall time does; valgrind (`--instructions`) not at all.
"""

import argparse
import cProfile
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from celery_import import LETTERS, cpu_ticks, variant  # noqa: E402
from import_speed import ensure_database  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=1, help="batches of --letters, each in a fresh database")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkd_store_cpu")
    parser.add_argument(
        "--template", help="create the database from this migrated one instead of migrating (quicker under valgrind)"
    )
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of CPU time (not wall time) of the imports")
    return parser.parse_args(argv)


def backend_seconds(pid: int) -> float:
    return cpu_ticks(pid) / TICKS


def from_template(url: str, template: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def one_round(args, files) -> dict:
    from django.core.management import call_command
    from django.db import connection

    import letters.importing.store as store_module
    from letters.importing.store import import_letter
    from letters.models import Source

    connection.close()
    if args.template:
        from_template(args.database_url, args.template)
    else:
        ensure_database(args.database_url, recreate=True)
        call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    stored = []

    def import_one(name, content):
        return import_letter(content=content, filename=name, source=Source.COMMAND)

    original = store_module.store

    def timed_store(*a, **k):
        start = time.process_time()
        try:
            return original(*a, **k)
        finally:
            stored.append(time.process_time() - start)

    store_module.store = timed_store
    try:
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        database, started = backend_seconds(pid), time.process_time()
        for name, content in files:
            result = profiler.runcall(import_one, name, content) if profiler else import_one(name, content)
            assert result.outcome == "imported", result
        own = time.process_time() - started
        if profiler:
            profiler.dump_stats(args.profile)
        database = backend_seconds(pid) - database
    finally:
        store_module.store = original
    n = len(files)
    return {
        "process_ms": 1000 * own / n,
        "store_ms": 1000 * sum(stored) / n,
        "store_median_ms": 1000 * statistics.median(stored),
        "postgresql_ms": 1000 * database / n,
    }


def main(argv=None) -> None:
    args = parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    if not args.template:
        ensure_database(args.database_url, recreate=True)
    import django

    django.setup()
    from tkdossiers.celery import app

    app.conf.task_always_eager = False  # the recount an import queues is not run here
    base = [path.read_bytes() for path in LETTERS]
    files = [(f"brief-2026D{10000 + i}.docx", variant(base[i % len(base)], i)) for i in range(args.letters)]
    for _ in range(args.rounds):
        figures = one_round(args, files)
        print(
            f"{args.letters} letters: CPU ms a letter: process {figures['process_ms']:.2f} "
            f"(store {figures['store_ms']:.2f}, median {figures['store_median_ms']:.2f}), "
            f"postgresql {figures['postgresql_ms']:.2f}; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
