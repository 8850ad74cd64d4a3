"""Correcting a passage's topics by hand (letters/web/topic_views.section_topics): only topics
from the list; anything else is a Dutch message, never a 500."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from letters.models import SHOWN_SOURCES, Topic, TopicTag

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def section(c2000_letter):
    return c2000_letter.current_version.sections.get(heading="Onderwerp")


def shown(section) -> list[str]:
    return sorted(section.topic_tags.filter(source__in=SHOWN_SOURCES).values_list("topic__slug", flat=True))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "Kies alleen onderwerpen uit de lijst."),
        ("99999999999999999999", "Kies alleen onderwerpen uit de lijst; een ervan bestaat niet (meer)."),
        ("-1", "Kies alleen onderwerpen uit de lijst; een ervan bestaat niet (meer)."),
    ],
)
def test_a_topic_not_in_the_list_is_refused_in_the_fragment(clerk_client, section, value, message):
    before = shown(section)
    topic = Topic.objects.get(slug="weerbaarheid")

    response = clerk_client.post(
        reverse("section_topics", args=[section.pk]), {"topics": [topic.pk, value]}, headers=HTMX
    )

    assert response.status_code == 200
    assert f'<p class="error" role="alert">{message}</p>' in response.content.decode()
    assert "Opgeslagen." not in response.content.decode()
    assert shown(section) == before


def test_a_topic_not_in_the_list_is_refused_with_a_message_on_the_letter(clerk_client, section):
    response = clerk_client.post(reverse("section_topics", args=[section.pk]), {"topics": ["x"]})

    assert response["Location"] == f"{section.version.get_absolute_url()}#{section.anchor}"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "De onderwerpen zijn niet aangepast. Kies alleen onderwerpen uit de lijst."
    ]
    assert TopicTag.objects.filter(section=section, source=TopicTag.Source.MANUAL).count() == 0
