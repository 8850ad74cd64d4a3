"""End to end with real parts: the fake Kamer publishes a new version of the seed letter, a real Celery
worker (Redis) imports it and sends the digest to a real SMTP server on 127.0.0.1 (aiosmtpd).

The worker reads the test database, so these tests commit (transactional_db).
"""

import re
import time

import pytest

from alerts import collect
from alerts.models import Digest, SentItem
from alerts.tasks import send_digests, send_user_digest
from kamer.tasks import sync_feed
from letters.models import LetterVersion, Section
from tests.alerts.helpers import NEW_SENTENCE, OLD_SENTENCE, follow_topic, follower, import_seed
from tests.alerts.smtp import SMTPServer
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text
from tests.kamer.fake_server import FakeTK
from tests.letters.importing.test_fetching_worker import QUEUE, REDIS_URL, Worker, forget_connections, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp():
    with SMTPServer() as server:
        yield server


@pytest.fixture
def worker(reference_data, smtp, monkeypatch):
    import redis

    from tkdossiers.celery import app as celery_app

    broker = redis.Redis.from_url(REDIS_URL)
    broker.delete(QUEUE)
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url", "task_default_queue")}
    celery_app.conf.update(task_always_eager=False, broker_url=REDIS_URL, task_default_queue=QUEUE)
    forget_connections()
    for name, value in {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "ALERTS_MAIL_RETRY_SECONDS": "1",
        "ALERTS_SITE_URL": "http://tkd.example.nl",
    }.items():
        monkeypatch.setenv(name, value)
    with FakeTK(page_size=5) as tk:
        process = Worker(QUEUE, tk, concurrency=2)
        yield tk, process
        process.stop()
    celery_app.conf.update(saved)
    forget_connections()
    broker.delete(QUEUE)


def texts(message) -> tuple[str, str]:
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def test_a_new_version_arrives_as_one_digest_once_even_when_the_mail_server_refuses_first(worker, smtp):
    tk, process = worker
    guid = tk.publish_document(content=SEED.read_bytes(), document_nummer="2025D43420", titel="Verzamelbrief")
    sync_feed.delay()
    wait_for(lambda: LetterVersion.objects.count() == 1, message="version 1")
    user = follower("beleid", email="beleid@example.nl")
    follow_topic(user, frequency="daily")
    tk.publish_new_version(guid, with_replaced_text(SEED.read_bytes(), OLD_SENTENCE, NEW_SENTENCE))
    sync_feed.delay()
    wait_for(lambda: LetterVersion.objects.count() == 2, message="version 2")
    smtp.inbox.refuse_next(1)

    started = time.monotonic()
    send_digests.delay("daily")
    wait_for(lambda: smtp.inbox.messages, message="the digest")

    (message,) = smtp.inbox.messages
    plain, html = texts(message)
    changed = Section.objects.get(version__number=2, heading="C2000")
    assert smtp.inbox.refused == 1 and time.monotonic() - started >= 1  # refused, retried after a second
    assert (message["To"], message["Subject"]) == ("beleid@example.nl", "TK Dossiers: 1 nieuwe melding (dagelijks)")
    assert re.findall(r"^- (.+?)\r?$", plain, re.M) == [
        "gewijzigd in onderwerp C2000 en VMX (missiekritische communicatie): C2000 · Verzamelbrief brandweer, "
        "crisisbeheersing en meldkamers"
    ]
    assert f"http://tkd.example.nl/brieven/{changed.version.letter_id}/?sectie={changed.position}#" in plain
    assert (
        "<mark>C2000</mark>, bijvoorbeeld door het bijplaatsen van <mark>zes</mark> <mark>extra</mark> masten" in html
    )
    assert list(SentItem.objects.values_list("key", flat=True)) == [f"section:{changed.pk}"]

    send_digests.delay("daily")  # the next round: nothing new
    wait_for(lambda: process.finished("send_digests") == 2, message="the second round")
    time.sleep(1)  # room for a mail task the second round would have queued
    assert (len(smtp.inbox.messages), Digest.objects.count()) == (1, 1)


def test_two_workers_sending_the_same_digest_send_one_mail(worker, smtp):
    _, process = worker
    import_seed(1)
    user = follower("beleid", email="beleid@example.nl")
    follow_topic(user, frequency="direct")
    import_seed(2)
    collect.collect()

    send_user_digest.delay(user.pk, "direct")
    send_user_digest.delay(user.pk, "direct")

    wait_for(lambda: process.finished("send_user_digest") == 2, message="both tasks")
    assert (len(smtp.inbox.messages), Digest.objects.count(), SentItem.objects.filter(digest=None).count()) == (1, 1, 0)
