"""Bulk import through Celery: N letters fetched and imported by real worker processes.

    DEBUG=1 .venv/bin/python bench/import_speed.py --celery 1000 --workers 1,2

(or this file directly, with the same options). For each worker count, in a fresh
PostgreSQL database (`tkdossiers_celery_bench`): the fake Tweede Kamer publishes N letters
(the seed letter and the five real letters in turn, each under its own document number;
the bytes differ by a zip comment, the text does not), the feed is recorded in this
process (not timed), then `celery worker -c W` starts and, once it is ready, one
`fetch_document` task per letter is queued. Timed: from queueing the first task to the
last fetch leaving "pending" and "fetching". Memory: the peak RSS (VmHWM) of every worker process.
CPU in that time, per letter: the worker's processes and PostgreSQL's backends of the benchmark
database (read from /proc; on a shared machine letters a second follow the load, CPU time less so).
Needs PostgreSQL and Redis (`make services`). Writes bench/results/celery_import.json.
"""

import argparse
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tkdossiers_celery_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
LETTERS = [
    ROOT / "samples" / "seed" / "verzamelbrief-2025D43420.docx",
    *sorted((ROOT / "samples" / "letters").glob("*.docx")),
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--celery", "--letters", dest="letters", type=int, default=1000, help="letters to import")
    parser.add_argument("--workers", default="1,2", help="worker process counts to measure, comma separated")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--timeout", type=float, default=1800, help="give up on one run after this many seconds")
    return parser.parse_args(argv)


def variant(content: bytes, number: int) -> bytes:
    """The same letter with other bytes: a zip comment the reader never looks at."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info.filename))
        archive.comment = f"bench {number}".encode()
    return buffer.getvalue()


def fresh_database(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def start_worker(args, queue: str, concurrency: int, tk_url: str, log_path: Path) -> subprocess.Popen:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tkdossiers.settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CELERY_QUEUE": queue,
        "TK_BASE_URL": tk_url,
        "TK_PAGE_PAUSE_MS": "0",
    }
    command = [sys.executable, "-m", "celery", "-A", "tkdossiers", "worker", "-Q", queue, "-c", str(concurrency)]
    command += ["--pool", "prefork", "-l", "warning", "--without-gossip", "--without-mingle", "--without-heartbeat"]
    log = log_path.open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return process


def pool_ready(process: subprocess.Popen, concurrency: int) -> bool:
    return len(children(process.pid)) >= concurrency


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cpu_ticks(pid: int) -> int:
    """utime + stime of a process, in clock ticks; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


class BackendCPU:
    """CPU seconds the PostgreSQL backends of one database spend inside the block, polled from
    /proc (a backend's last poll counts; one that lives less than a poll interval is missed)."""

    def __init__(self, url: str, interval: float = 0.2):
        self.base, self.name, self.interval = url.rsplit("/", 1)[0], url.rsplit("/", 1)[1], interval
        self.start, self.seen = {}, {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self):
        import psycopg

        self.connection = psycopg.connect(f"{self.base}/postgres", autocommit=True)
        self.start = self._ticks()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self.connection.close()

    def seconds(self) -> float:
        ticks = sum(seen - self.start.get(pid, 0) for pid, seen in self.seen.items())
        return ticks / os.sysconf("SC_CLK_TCK")

    def _ticks(self) -> dict[int, int]:
        pids = self.connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.name])
        return {pid: cpu_ticks(pid) for (pid,) in pids.fetchall()}

    def _poll(self):
        while not self.stop.wait(self.interval):
            for pid, ticks in self._ticks().items():
                self.seen[pid] = max(self.seen.get(pid, 0), ticks)


def run_once(args, concurrency: int, contents: list[bytes]) -> dict:
    from django.db.models import Count

    from kamer import sync
    from kamer.tk.client import TKClient
    from letters.importing.fetching import queue_changed
    from letters.importing.tasks import fetch_document
    from letters.models import DocumentFetch, FailedImport, Letter, LetterVersion
    from tests.kamer.fake_server import FakeTK
    from tkdossiers.celery import app

    fresh_database(args.database_url)
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    app.conf.update(task_always_eager=False, broker_url=args.redis_url, task_default_queue=queue)
    app._pool = None
    app.amqp._producer_pool = None
    log_path = ROOT / "bench" / "results" / f"celery-worker-{concurrency}.log"
    with FakeTK(page_size=250) as tk:
        for index in range(args.letters):
            tk.publish_document(
                content=contents[index], document_nummer=f"2026D{10000 + index}", titel=f"Brief {index}"
            )
        sync.run(client=TKClient(tk.base_url, page_pause=0))
        fetch_ids = queue_changed()  # as the sync's hook does, without queueing the tasks yet
        worker = start_worker(args, queue, concurrency, tk.base_url, log_path)
        try:
            deadline = time.monotonic() + 60
            while not pool_ready(worker, concurrency):
                if time.monotonic() > deadline or worker.poll() is not None:
                    raise SystemExit(f"the worker did not start; see {log_path}")
                time.sleep(0.2)
            time.sleep(1.0)  # the pool processes finish importing Django
            pool = children(worker.pid)
            worker_ticks = sum(cpu_ticks(pid) for pid in [worker.pid, *pool])
            started = time.perf_counter()
            with BackendCPU(args.database_url) as database:
                for fetch_id in fetch_ids:
                    fetch_document.delay(fetch_id)
                waiting = [DocumentFetch.Status.PENDING, DocumentFetch.Status.FETCHING]
                pending = DocumentFetch.objects.filter(status__in=waiting)
                while pending.exists():
                    if time.perf_counter() - started > args.timeout:
                        raise SystemExit(f"gave up after {args.timeout} s; {pending.count()} still pending")
                    time.sleep(0.25)
                seconds = time.perf_counter() - started
                worker_ticks = sum(cpu_ticks(pid) for pid in [worker.pid, *pool]) - worker_ticks
            memory = {"main": peak_rss_mb(worker.pid), "pool": [peak_rss_mb(pid) for pid in pool]}
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(30)
    statuses = dict(DocumentFetch.objects.values_list("status").annotate(n=Count("pk")))
    return {
        "workers": concurrency,
        "letters_queued": len(fetch_ids),
        "seconds": round(seconds, 1),
        "letters_per_second": round(statuses.get("imported", 0) / seconds, 2),
        "ms_per_letter": round(1000 * seconds / max(statuses.get("imported", 1), 1), 1),
        "cpu_ms_per_letter": {
            "worker": round(1000 * worker_ticks / os.sysconf("SC_CLK_TCK") / len(fetch_ids), 1),
            "postgresql": round(1000 * database.seconds() / len(fetch_ids), 1),
        },
        "load": os.getloadavg(),
        "document_statuses": statuses,
        "letters": Letter.objects.count(),
        "versions": LetterVersion.objects.count(),
        "failed_imports": list(FailedImport.objects.values_list("reason", flat=True)[:5]),
        "peak_rss_mb": memory,
    }


def main(argv=None) -> None:
    args = parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    import django

    django.setup()
    base = [path.read_bytes() for path in LETTERS]
    contents = [variant(base[index % len(base)], index) for index in range(args.letters)]
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    runs = []
    for concurrency in [int(n) for n in args.workers.split(",")]:
        print(f"{args.letters} letters, {concurrency} worker process(es) ...", flush=True)
        result = run_once(args, concurrency, contents)
        runs.append(result)
        print(
            f"  {result['seconds']} s, {result['letters_per_second']} letters/s, {result['ms_per_letter']} ms a letter,"
            f" CPU ms a letter {result['cpu_ms_per_letter']}, load {result['load'][0]:.1f};"
            f" statuses {result['document_statuses']}; peak RSS {result['peak_rss_mb']} MB",
            flush=True,
        )
        if result["failed_imports"]:
            print(f"  failed imports, first five: {result['failed_imports']}")
    from import_speed import environment

    data = {"environment": environment(), "letters": args.letters, "runs": runs}
    (ROOT / "bench" / "results" / "celery_import.json").write_text(json.dumps(data, indent=1, default=str))


if __name__ == "__main__":
    main()
