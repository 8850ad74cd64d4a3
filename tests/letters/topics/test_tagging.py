"""Hand corrections (letters/topics/tagging.set_section_topics) racing other writers of the
same tags, each on its own database connection."""

import threading
import time

import pytest
from django.db import connection, transaction

from letters.models import Section, Topic, TopicTag
from letters.topics.tagging import set_section_topics
from tests.conftest import make_user
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tkdossiers.roles import CLERKS

pytestmark = pytest.mark.django_db(transaction=True)


def in_thread(work) -> tuple[threading.Thread, list]:
    errors = []

    def run():
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def test_a_rule_tag_added_during_a_hand_correction_becomes_the_hand_tag(reference_data):
    clerk = make_user("griffie", CLERKS)
    section = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c.docx").current_version.sections.get(
        heading="Onderwerp"
    )
    TopicTag.objects.filter(section=section).delete()
    topic = Topic.objects.get(slug="weerbaarheid")
    inserted, release = threading.Event(), threading.Event()

    def retag():  # a re-tag inserts the same (section, topic) and commits a moment later
        with transaction.atomic():
            TopicTag.objects.create(section_id=section.pk, topic=topic, source=TopicTag.Source.RULE)
            inserted.set()
            release.wait(10)

    retagging, retag_errors = in_thread(retag)
    inserted.wait(10)
    correcting, errors = in_thread(
        lambda: set_section_topics(section=Section.objects.get(pk=section.pk), topics=[topic], user=clerk)
    )
    time.sleep(0.5)  # the correction now waits for the re-tag's row
    release.set()
    retagging.join(10)
    correcting.join(10)

    assert (retag_errors, errors) == ([], [])
    tag = TopicTag.objects.get(section=section)
    assert (tag.topic, tag.source, tag.tagged_by) == (topic, TopicTag.Source.MANUAL, clerk)
