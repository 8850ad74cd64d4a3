"""A topic rule's term holds at least two letters or digits: a term "*" (or only punctuation) would
tag every passage with its topic."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from letters.models import RetagJob, Topic, TopicRule
from letters.models.topics import validate_term

REFUSED = "Een term heeft minstens twee letters of cijfers; alleen * of leestekens past op elke passage."


@pytest.mark.parametrize("term", ["*", "**", "-", " - ", "...", "a*", "é", "1-*", ""])
def test_a_term_without_two_letters_or_digits_is_refused(term):
    with pytest.raises(ValidationError) as refused:
        validate_term(term)

    assert refused.value.messages == [REFUSED]


@pytest.mark.parametrize("term", ["VMX", "C2000", "meldkamer*", "112-melding", "NL-Alert", "ab", "é1"])
def test_a_term_with_two_letters_or_digits_is_accepted(term):
    assert validate_term(term) is None


def _rules_with_a_new_term(topic: Topic, term: str) -> dict:
    rules = list(topic.rules.order_by("id"))
    data = {"rules-TOTAL_FORMS": len(rules) + 1, "rules-INITIAL_FORMS": len(rules)}
    for index, rule in enumerate(rules):
        data |= {f"rules-{index}-id": rule.pk, f"rules-{index}-term": rule.term, f"rules-{index}-weight": rule.weight}
    return data | {f"rules-{len(rules)}-term": term, f"rules-{len(rules)}-weight": 5}


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["*", "--"])
def test_rules_page_refuses_a_term_that_matches_everything_and_saves_nothing(clerk_client, term):
    topic = Topic.objects.get(slug="weerbaarheid")
    before = list(TopicRule.objects.order_by("id").values_list("topic_id", "term", "weight", "names_topic"))

    response = clerk_client.post(reverse("topic_rules", args=[topic.slug]), _rules_with_a_new_term(topic, term))

    assert response.status_code == 200
    assert f'<span class="error">{REFUSED}</span>' in response.content.decode()
    assert list(TopicRule.objects.order_by("id").values_list("topic_id", "term", "weight", "names_topic")) == before
    assert RetagJob.objects.count() == 0
