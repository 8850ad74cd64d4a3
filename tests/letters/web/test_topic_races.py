"""Requests that race (letters/web/topic_views.py): a double click on "Volgen", two clerks
correcting one passage at once. Each thread is a browser with its own database connection."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from letters.models import SHOWN_SOURCES, Topic, TopicFollow, TopicTag
from tests.conftest import make_user
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tkdossiers.roles import CLERKS, POLICY_STAFF

pytestmark = pytest.mark.django_db(transaction=True)
HTMX = {"HX-Request": "true"}


def at_once(user, requests: list[tuple[str, dict]], headers=None) -> list:
    """POST each (url, data) from its own logged-in browser, all released together; the responses,
    or the exception a request raised (the test client raises what would be a 500)."""
    clients = [Client() for _ in requests]
    for client in clients:
        client.force_login(user)
    start, answers = threading.Barrier(len(requests)), [None] * len(requests)

    def post(index, client, url, data):
        try:
            start.wait()
            answers[index] = client.post(url, data, headers=headers or {})
        except Exception as exc:  # noqa: BLE001 - reported as the answer
            answers[index] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=post, args=(i, client, url, data))
        for i, (client, (url, data)) in enumerate(zip(clients, requests, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return answers


@pytest.mark.parametrize(("toggles", "follows"), [(20, 0), (21, 1)])
def test_concurrent_follow_toggles_take_turns(reference_data, toggles, follows):
    user = make_user("beleid", POLICY_STAFF)
    topic = Topic.objects.get(slug="c2000-en-vmx")

    answers = at_once(user, [(reverse("topic_follow", args=[topic.slug]), {})] * toggles)

    assert [getattr(a, "status_code", a) for a in answers] == [302] * toggles
    assert {a["Location"] for a in answers} == {topic.get_absolute_url()}
    assert TopicFollow.objects.filter(user=user, topic=topic).count() == follows


def test_concurrent_hand_corrections_of_an_untagged_passage_leave_the_last_decision(reference_data):
    clerk = make_user("griffie", CLERKS)
    letter = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c.docx")
    section = letter.current_version.sections.get(heading="Onderwerp")
    TopicTag.objects.filter(section=section).delete()
    topics = list(Topic.objects.order_by("pk")[:6])
    url = reverse("section_topics", args=[section.pk])

    answers = at_once(clerk, [(url, {"topics": [topic.pk]}) for topic in topics], headers=HTMX)

    assert [getattr(a, "status_code", a) for a in answers] == [200] * len(topics)
    tags = TopicTag.objects.filter(section=section)
    assert tags.count() == len(topics)  # one row per topic: none doubled
    assert tags.filter(source__in=SHOWN_SOURCES).count() == 1  # the last correction's one topic
    assert tags.filter(source=TopicTag.Source.EXCLUDED).count() == len(topics) - 1
