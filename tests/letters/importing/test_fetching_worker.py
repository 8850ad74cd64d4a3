"""End to end with real parts: PostgreSQL, Redis and Celery worker processes against the fake Kamer.

The worker processes read the test database, so these tests commit (transactional_db).
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from kamer import sync
from kamer.tasks import sync_feed
from kamer.tk.client import TKClient
from letters.importing import fetching
from letters.importing.tasks import fetch_document
from letters.models import DocumentFetch, Letter, LetterVersion, Topic
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text
from tests.kamer.fake_server import FakeTK
from tkdossiers.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
pytestmark = pytest.mark.django_db(transaction=True)
LEASE_SECONDS = 3  # the workers' claim on a download: short, so a dead worker's claim lapses in the test


def wait_for(condition, timeout=45.0, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {message}")


class Worker:
    """A `celery worker` process on its own queue, reading the test database."""

    def __init__(self, queue: str, tk: FakeTK, concurrency: int = 1):
        settings = connection.settings_dict
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "tkdossiers.settings",
            "DEBUG": "1",
            "DATABASE_URL": f"postgres://{settings['USER'] or 'postgres'}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}",
            "REDIS_URL": REDIS_URL,
            "CELERY_QUEUE": queue,
            "TK_BASE_URL": tk.base_url,
            "TK_PAGE_PAUSE_MS": "0",
            "TK_TIMEOUT_SECONDS": "2",
            "TK_RETRIES": "2",
            "TK_FETCH_LEASE_SECONDS": str(LEASE_SECONDS),
        }
        self.log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"worker-{queue}.log", "w+")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tkdossiers",
                "worker",
                "-Q",
                queue,
                "-c",
                str(concurrency),
                "--pool",
                "prefork",
                "-l",
                "info",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(lambda: "ready." in Path(self.log.name).read_text(), 60, "the worker to start")

    def finished(self, task: str) -> int:
        """How many runs of the task the worker has logged as succeeded."""
        return sum(
            f"tasks.{task}[" in line and "succeeded" in line for line in Path(self.log.name).read_text().splitlines()
        )

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@pytest.fixture
def tk(reference_data):
    with FakeTK(page_size=5) as fake:
        yield fake


QUEUE = f"test-{uuid.uuid4().hex[:8]}"  # one queue per test session, emptied before each test


@pytest.fixture
def queue():
    """Send tasks to a real Redis, on a queue of our own, for this test; eager again afterwards."""
    broker = redis.Redis.from_url(REDIS_URL)
    broker.delete(QUEUE)
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url", "task_default_queue")}
    celery_app.conf.update(task_always_eager=False, broker_url=REDIS_URL, task_default_queue=QUEUE)
    forget_connections()
    yield QUEUE
    celery_app.conf.update(saved)
    forget_connections()
    broker.delete(QUEUE)


def forget_connections():
    """Make the app build its producer pool anew from the current broker_url (pools are cached)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def workers(tk, queue):
    started = []

    def start(concurrency=1):
        worker = Worker(queue, tk, concurrency)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def publish_seed(tk, content=None):
    return tk.publish_document(
        content=content or SEED.read_bytes(), document_nummer="2025D43420", titel="Verzamelbrief"
    )


def resource_requests(tk):
    return sum(path.startswith("/SyncFeed/2.0/Resources/") for _, path in tk.requests)


def test_a_letter_and_its_new_version_arrive_through_the_worker(tk, workers):
    workers()
    guid = publish_seed(tk)

    sync_feed.delay()
    wait_for(lambda: LetterVersion.objects.count() == 1, message="version 1")
    tk.publish_new_version(guid, with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"))
    sync_feed.delay()
    wait_for(lambda: LetterVersion.objects.count() == 2, message="version 2")

    letter = Letter.objects.get()
    assert list(letter.versions.values_list("number", flat=True)) == [1, 2]
    assert letter.versions.get(number=1).sections.filter(heading="Borging").exists()
    assert DocumentFetch.objects.get().status == "imported"
    # the worker's import queued a recount of the topic figures, which a worker ran after it
    wait_for(
        lambda: Topic.objects.filter(slug="c2000-en-vmx", letter_count=1, passage_count=5).exists(),
        message="the topic recount",
    )


@pytest.mark.parametrize("trouble", ["server error", "timeout"])
def test_server_errors_and_timeouts_are_retried(tk, workers, trouble):
    workers()
    publish_seed(tk)
    sync.run(client=TKClient(tk.base_url, page_pause=0))  # record the document; the worker fetches it
    (waiting,) = fetching.queue_changed()
    if trouble == "server error":
        tk.fail_next(1, status=500)
    else:
        tk.delay_next(1, 3)  # longer than the worker's 2 s timeout

    fetch_document.delay(waiting)

    wait_for(lambda: LetterVersion.objects.count() == 1, message="the retried download")
    assert resource_requests(tk) == 2


def test_a_worker_killed_half_way_leaves_the_job_for_the_next_run(tk, workers):
    first = workers()
    publish_seed(tk)
    sync.run(client=TKClient(tk.base_url, page_pause=0))
    (waiting,) = fetching.queue_changed()
    tk.delay_next(1, 30)  # the download hangs ...
    fetch_document.delay(waiting)
    wait_for(lambda: resource_requests(tk) == 1, message="the download to start")

    first.kill()  # ... and the worker dies in the middle of it

    fetch = DocumentFetch.objects.get()
    assert (fetch.status, Letter.objects.count()) == ("fetching", 0)  # claimed, and nothing held open
    workers()
    time.sleep(LEASE_SECONDS)  # until the dead worker's claim lapses
    sync_feed.delay()  # the next scheduled run picks up what was left
    wait_for(lambda: DocumentFetch.objects.get().status == "imported", message="the import after the restart")
    assert LetterVersion.objects.count() == 1


def test_two_workers_fetching_the_same_document_make_one_version(tk, workers):
    worker = workers(concurrency=2)
    publish_seed(tk)
    sync.run(client=TKClient(tk.base_url, page_pause=0))
    (waiting,) = fetching.queue_changed()
    tk.delay_next(1, 1)  # keep the first download busy (within the 2 s timeout) while the second task arrives

    fetch_document.delay(waiting)
    fetch_document.delay(waiting)

    wait_for(lambda: worker.finished("fetch_document") == 2, message="both tasks to finish")
    assert DocumentFetch.objects.get().status == "imported"
    assert (LetterVersion.objects.count(), resource_requests(tk)) == (1, 1)


def worker_backends() -> set[int]:
    """The PostgreSQL backends of the test database other than this test's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        return {pid for (pid,) in cursor.fetchall()}


def publish_letters(tk, count):
    for n in range(count):
        content = with_replaced_text(SEED.read_bytes(), "Borging", f"Borging {n}")
        tk.publish_document(content=content, document_nummer=f"2025D4342{n}", titel=f"Brief {n}")
    sync.run(client=TKClient(tk.base_url, page_pause=0))
    return fetching.queue_changed()


def imported(*fetch_ids):
    return lambda: DocumentFetch.objects.filter(pk__in=fetch_ids, status="imported").count() == len(fetch_ids)


def test_a_worker_keeps_its_database_connection_from_one_fetch_to_the_next(tk, workers):
    workers()
    first, *others = publish_letters(tk, 3)
    fetch_document.delay(first)
    wait_for(imported(first), message="the first letter")
    wait_for(worker_backends, message="the worker's connection")
    after_first = worker_backends()

    for fetch_id in others:
        fetch_document.delay(fetch_id)
    wait_for(imported(*others), message="the other letters")

    assert worker_backends() == after_first


def test_a_worker_whose_database_connection_was_cut_fetches_the_next_letter(tk, workers):
    workers()
    first, second = publish_letters(tk, 2)
    fetch_document.delay(first)
    wait_for(imported(first), message="the first letter")
    wait_for(worker_backends, message="the worker's connection")
    cut = worker_backends()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", [list(cut)])
    wait_for(lambda: not worker_backends() & cut, message="the connection to end")

    fetch_document.delay(second)

    wait_for(imported(second), message="the second letter")
    assert DocumentFetch.objects.get(pk=second).status_reason == "geïmporteerd"
