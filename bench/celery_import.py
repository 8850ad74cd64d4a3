"""Bulk import through Celery: N letters fetched and imported by real worker processes.

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/celery_import.py --letters 300 --workers 1,2 \
        --database-url postgres://postgres@127.0.0.1:5432/tkd_celery --redis-url redis://127.0.0.1:6379/12

(or `bench/import_speed.py --celery N` with the same options). For each worker count, in a fresh
PostgreSQL database: the fake Tweede Kamer publishes N letters (the seed letter and the five real
letters in turn, each under its own document number; the bytes differ by a zip comment, the text
does not), the feed is recorded in this process (not timed), then `celery worker -c W` starts and,
once it is ready, one `fetch_document` task per letter is queued. Timed: from queueing the first
task to the last fetch leaving "pending" and "fetching". Memory: the peak RSS (VmHWM) of every
worker process.

CPU in that time, per letter, for every process that shares the machine's cores:
worker_main and worker_pool (the worker's main process, which talks to Redis, and its pool),
postgresql (the backends of the benchmark database, polled from /proc), postgresql_shared (the
postmaster and the WAL writer, checkpointer, ...: every database's, so other users count too),
redis (the whole server's), bench_queue_and_poll (this process queueing the tasks and asking
PostgreSQL whether they are done) and bench_fake_kamer (the rest of this process: the fake
Kamer's HTTP threads). Counts per letter: PostgreSQL sessions opened (about 0 when the workers keep
their connections; 1 if a connection were opened per task, and then `postgresql` would miss the
backends that live less than a poll), transactions and Redis commands. On a shared machine
letters a second follow the load; CPU time does so much less.

Needs PostgreSQL and Redis (`make services`). Writes bench/results/celery_import.json (--output).
"""

import argparse
import io
import json
import os
import resource
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
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "celery_import.json")
    parser.add_argument(
        "--worker-option", action="append", default=[], help="more for `celery worker`, e.g. --worker-option=-O=fair"
    )
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
    command += args.worker_option
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


def parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


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
    /proc (a backend's last poll counts; one that lives less than a poll interval is missed).

    With `counters`, also the database's own counts (pg_stat_database: sessions opened and
    transactions; a second's wait at each end, for the backends to report them), which say
    whether backends were missed, and the CPU of the processes every database shares (the
    postmaster, which forks each backend, the WAL writer, the checkpointer, ...)."""

    def __init__(self, url: str, interval: float = 0.1, *, counters: bool = False):
        self.base, self.name, self.interval = url.rsplit("/", 1)[0], url.rsplit("/", 1)[1], interval
        self.with_counters = counters
        self.start, self.seen = {}, {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.poller_seconds = 0.0  # this process's own CPU for the polling

    def __enter__(self):
        import psycopg

        self.connection = psycopg.connect(f"{self.base}/postgres", autocommit=True)
        if self.with_counters:
            self.counters_before = self._counters()
        self.start = self._ticks()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        if self.with_counters:
            self.counters = {key: value - self.counters_before[key] for key, value in self._counters().items()}
        self.connection.close()

    def seconds(self) -> float:
        ticks = sum(seen - self.start.get(pid, 0) for pid, seen in self.seen.items())
        return ticks / os.sysconf("SC_CLK_TCK")

    def _counters(self) -> dict[str, float]:
        time.sleep(1.1)  # backends report their counts every second or so, and when they end
        self.connection.execute("SELECT pg_stat_clear_snapshot()")
        sessions, transactions = self.connection.execute(
            "SELECT sessions, xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s", [self.name]
        ).fetchone()
        return {
            "sessions": sessions,
            "transactions": transactions,
            "backends_seen": len(self.seen),
            "shared_seconds": self._shared_ticks() / os.sysconf("SC_CLK_TCK"),
        }

    def _shared_ticks(self) -> int:
        (postmaster,) = self.connection.execute("SELECT pg_backend_pid()").fetchone()
        postmaster = parent(postmaster)
        shared = self.connection.execute("SELECT pid FROM pg_stat_activity WHERE datname IS NULL").fetchall()
        return sum(cpu_ticks(pid) for pid in [postmaster, *(pid for (pid,) in shared)])

    def _ticks(self) -> dict[int, int]:
        pids = self.connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.name])
        return {pid: cpu_ticks(pid) for (pid,) in pids.fetchall()}

    def _poll(self):
        while not self.stop.wait(self.interval):
            for pid, ticks in self._ticks().items():
                self.seen[pid] = max(self.seen.get(pid, 0), ticks)
        self.poller_seconds = time.thread_time()


class RedisCPU:
    """CPU seconds and commands of the Redis server inside the block (INFO; the whole server, so a
    client of another database on the same server counts too)."""

    def __init__(self, url: str):
        import redis

        self.client = redis.Redis.from_url(url)

    def __enter__(self):
        self.before = self._read()
        return self

    def __exit__(self, *exc):
        self.used = {key: value - self.before[key] for key, value in self._read().items()}

    def _read(self) -> dict[str, float]:
        cpu, stats = self.client.info("cpu"), self.client.info("stats")
        return {"seconds": cpu["used_cpu_user"] + cpu["used_cpu_sys"], "commands": stats["total_commands_processed"]}


def process_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_once(args, concurrency: int, contents: list[bytes]) -> dict:
    from django.db.models import Count

    from letters.models import DocumentFetch, FailedImport, Letter, LetterVersion
    from tests.kamer.fake_server import FakeTK

    fresh_database(args.database_url)
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    log_path = ROOT / "bench" / "results" / f"celery-worker-{concurrency}.log"
    with FakeTK(page_size=250) as tk:
        fetch_ids = publish_and_sync(tk, contents)
        worker = start_worker(args, queue, concurrency, tk.base_url, log_path)
        try:
            wait_until_ready(worker, concurrency, log_path)
            timed = import_through_worker(args, queue, worker, fetch_ids)
        finally:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(30)
    statuses = dict(DocumentFetch.objects.values_list("status").annotate(n=Count("pk")))
    imported, seconds = statuses.get("imported", 0), timed["seconds"]
    return {
        "workers": concurrency,
        "letters_queued": len(fetch_ids),
        "seconds": round(seconds, 1),
        "letters_per_second": round(imported / seconds, 2),
        "ms_per_letter": round(1000 * seconds / max(imported, 1), 1),
        "cpu_ms_per_letter": {name: round(1000 * value / len(fetch_ids), 2) for name, value in timed["cpu"].items()},
        "per_letter": {name: round(value / len(fetch_ids), 2) for name, value in timed["counts"].items()},
        "load": os.getloadavg(),
        "document_statuses": statuses,
        "letters": Letter.objects.count(),
        "versions": LetterVersion.objects.count(),
        "failed_imports": list(FailedImport.objects.values_list("reason", flat=True)[:5]),
        "peak_rss_mb": timed["memory"],
    }


def publish_and_sync(tk, contents: list[bytes]) -> list[int]:
    """Publish the letters, record the feed (not timed), mark the fetches pending; their ids."""
    from kamer import sync
    from kamer.tk.client import TKClient
    from letters.importing.fetching import queue_changed

    for index, content in enumerate(contents):
        tk.publish_document(content=content, document_nummer=f"2026D{10000 + index}", titel=f"Brief {index}")
    sync.run(client=TKClient(tk.base_url, page_pause=0))
    return queue_changed()  # as the sync's hook does, without queueing the tasks yet


def wait_until_ready(worker: subprocess.Popen, concurrency: int, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while not pool_ready(worker, concurrency):
        if time.monotonic() > deadline or worker.poll() is not None:
            raise SystemExit(f"the worker did not start; see {log_path}")
        time.sleep(0.2)
    time.sleep(1.0)  # the pool processes finish importing Django


def import_through_worker(args, queue: str, worker: subprocess.Popen, fetch_ids: list[int]) -> dict:
    """Queue one fetch per letter and wait until none is waiting. CPU in that time, by component:
    the worker's main process and its pool, PostgreSQL's backends, Redis, and this process, split
    into its main thread (queueing and polling), the PostgreSQL poller and the rest: the fake
    Kamer's HTTP threads."""
    from letters.importing.tasks import fetch_document
    from letters.models import DocumentFetch
    from tkdossiers.celery import app

    app.conf.update(task_always_eager=False, broker_url=args.redis_url, task_default_queue=queue)
    app._pool = None
    app.amqp._producer_pool = None
    pool = children(worker.pid)
    main_before, pool_before = cpu_ticks(worker.pid), sum(cpu_ticks(pid) for pid in pool)
    with BackendCPU(args.database_url, counters=True) as database, RedisCPU(args.redis_url) as redis_used:
        own_before, thread_before, started = process_seconds(), time.thread_time(), time.perf_counter()
        for fetch_id in fetch_ids:
            fetch_document.delay(fetch_id)
        pending = DocumentFetch.objects.filter(status__in=[DocumentFetch.Status.PENDING, DocumentFetch.Status.FETCHING])
        while pending.exists():
            if time.perf_counter() - started > args.timeout:
                raise SystemExit(f"gave up after {args.timeout} s; {pending.count()} still pending")
            time.sleep(0.25)
        seconds = time.perf_counter() - started
        own, main_thread = process_seconds() - own_before, time.thread_time() - thread_before
        main_ticks, pool_ticks = cpu_ticks(worker.pid) - main_before, sum(cpu_ticks(pid) for pid in pool) - pool_before
    tick = os.sysconf("SC_CLK_TCK")
    cpu = {
        "worker_main": main_ticks / tick,
        "worker_pool": pool_ticks / tick,
        "postgresql": database.seconds(),
        "postgresql_shared": database.counters["shared_seconds"],
        "redis": redis_used.used["seconds"],
        "bench_queue_and_poll": main_thread,
        "bench_fake_kamer": own - main_thread - database.poller_seconds,
    }
    counts = {
        "postgresql_sessions": database.counters["sessions"],
        "postgresql_backends_seen": database.counters["backends_seen"],
        "postgresql_transactions": database.counters["transactions"],
        "redis_commands": redis_used.used["commands"],
    }
    memory = {"main": peak_rss_mb(worker.pid), "pool": [peak_rss_mb(pid) for pid in pool]}
    return {"seconds": seconds, "cpu": cpu | {"total": sum(cpu.values())}, "counts": counts, "memory": memory}


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
            f" load {result['load'][0]:.1f}\n  CPU ms a letter {result['cpu_ms_per_letter']}\n"
            f"  a letter: {result['per_letter']};"
            f" statuses {result['document_statuses']}; peak RSS {result['peak_rss_mb']} MB",
            flush=True,
        )
        if result["failed_imports"]:
            print(f"  failed imports, first five: {result['failed_imports']}")
    from import_speed import environment

    data = {"environment": environment(), "letters": args.letters, "runs": runs}
    args.output.write_text(json.dumps(data, indent=1, default=str))


if __name__ == "__main__":
    main()
