"""The topic matcher kept per process (letters/topics/tagging.matcher_from_db): reused while the
rules stay as they are, built again when anyone, in any process, edits them."""

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from letters.models import Topic, TopicRule
from letters.topics.matching import SectionText
from letters.topics.tagging import matcher_from_db

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def rainbow():
    topic = Topic.objects.create(name="Regenboog", slug="regenboog", threshold=5.0)
    rule = TopicRule.objects.create(topic=topic, term="regenboogkamer*", weight=1.0)
    return topic, rule


def heading_tags(heading: str) -> list[str]:
    matcher, _ = matcher_from_db()
    return matcher.tag([SectionText(heading, "", None)])[0][0]


def in_another_session(sql: str, params: tuple) -> None:
    """What a clerk's edit in the web process does to this worker: a committed change, no signal."""
    db = connection.settings_dict
    with psycopg.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432, password=db["PASSWORD"]
    ) as other:
        other.execute(sql, params)


def test_matcher_unchanged_rules_reuse_the_matcher_in_one_statement(rainbow):
    first, topics = matcher_from_db()
    with CaptureQueriesContext(connection) as queries:
        second, again = matcher_from_db()
    assert second is first
    assert again is topics
    assert len(queries) == 1


def test_matcher_term_edited_in_another_session_tags_by_the_new_term(rainbow):
    _, rule = rainbow
    assert heading_tags("De regenboogkamers") == ["regenboog"]
    in_another_session("UPDATE letters_topicrule SET term = %s WHERE id = %s", ("zonnekamer*", rule.pk))
    assert heading_tags("De regenboogkamers") == []
    assert heading_tags("De zonnekamers") == ["regenboog"]


def test_matcher_rule_deleted_in_another_session_no_longer_tags(rainbow):
    _, rule = rainbow
    assert heading_tags("De regenboogkamer") == ["regenboog"]
    in_another_session("DELETE FROM letters_topicrule WHERE id = %s", (rule.pk,))
    assert heading_tags("De regenboogkamer") == []


def test_matcher_rule_added_in_another_session_tags_its_topic(rainbow):
    topic, _ = rainbow
    assert heading_tags("Het wolkenkrabberplan") == []
    in_another_session(
        "INSERT INTO letters_topicrule (topic_id, term, weight, names_topic) VALUES (%s, %s, 1.0, false)",
        (topic.pk, "wolkenkrabber*"),
    )
    assert heading_tags("Het wolkenkrabberplan") == ["regenboog"]


def test_matcher_threshold_lowered_in_another_session_tags_a_body_that_now_scores_enough(rainbow):
    topic, _ = rainbow
    body = "De regenboogkamer is open. De regenboogkamer sluit om vijf uur."
    matcher, _ = matcher_from_db()
    assert matcher.tag([SectionText("Openingstijden", body, None)])[0][0] == []
    in_another_session("UPDATE letters_topic SET threshold = %s WHERE id = %s", (2.0, topic.pk))
    matcher, topics = matcher_from_db()
    assert matcher.tag([SectionText("Openingstijden", body, None)])[0][0] == ["regenboog"]
    assert topics["regenboog"].threshold == 2.0
