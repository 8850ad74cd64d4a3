"""A re-tag job reads the rules afresh for every letter (letters.topics.tagging.run_retag).

Two rule edits a minute apart start two jobs. The older one, still running, must not put the
older rules' tags back on letters after the newer job tagged them: nothing would correct them.
Here the older job is held at its first letter by a row lock while a clerk adds a rule; it must
tag the second letter by the rules as they are by then.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from letters.models import RetagJob, Topic, TopicRule, TopicTag
from letters.topics.tagging import run_retag
from tests.docx_builder import letter_citing
from tests.letters.imported import add

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_running_retag_tags_the_next_letter_by_rules_saved_meanwhile(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("holding the job at a row lock needs PostgreSQL")
    first = add(letter_citing("Eerste brief", "1 mei 2024", [], heading="Meldkamers"), "a.docx").current_version
    second = add(letter_citing("Tweede brief", "2 mei 2024", [], heading="Kleurcodes"), "b.docx").current_version
    topic = Topic.objects.get(slug="meldkamers-en-112")
    TopicTag.objects.filter(section__version=first).delete()  # so that the job must write the first letter's tags
    job = RetagJob.objects.create()
    locked, job_pid, failures = threading.Event(), [], []

    def hold_the_first_letter():
        try:
            with transaction.atomic(), connections["default"].cursor() as cursor:
                cursor.execute("SELECT id FROM letters_section WHERE version_id = %s FOR UPDATE", [first.pk])
                locked.set()
                for _ in range(200):  # until the job waits for the lock
                    if job_pid:
                        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [job_pid[0]])
                        if cursor.fetchone()[0] == "Lock":
                            break
                    time.sleep(0.05)
                else:
                    failures.append("the job never waited for the first letter")
                TopicRule.objects.create(topic=topic, term="kleurcode", weight=1, names_topic=True)  # the clerk's edit
        except Exception as exc:  # noqa: BLE001 - reported by the test
            failures.append(repr(exc))
        finally:
            connections["default"].close()

    def run_the_job():
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                job_pid.append(cursor.fetchone()[0])
            run_retag(RetagJob.objects.get(pk=job.pk))
        except Exception as exc:  # noqa: BLE001 - reported by the test
            failures.append(repr(exc))
        finally:
            connections["default"].close()

    holder = threading.Thread(target=hold_the_first_letter)
    holder.start()
    assert locked.wait(10)
    worker = threading.Thread(target=run_the_job)
    worker.start()
    holder.join(30)
    worker.join(30)

    assert failures == []
    assert RetagJob.objects.get(pk=job.pk).status == RetagJob.Status.DONE
    tagged = TopicTag.objects.filter(section__version=second, section__heading="Kleurcodes", topic=topic)
    assert tagged.exists()
