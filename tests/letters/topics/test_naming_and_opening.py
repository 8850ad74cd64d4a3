"""Issue 15, item 11: topic tagging agrees with search.

A term that names its topic on its own (VMX for C2000 en VMX) tags at its first mention, while
other terms still need the topic's threshold; a letter's opening takes the topics it mentions
that the letter goes on to treat.
"""

import pytest

from letters.importing.store import import_letter
from letters.models import SHOWN_SOURCES, Section, Source, Topic, TopicRule, TopicTag
from letters.topics.defaults import STARTING_TOPICS, starting_rules
from letters.topics.matching import Matcher, Rule, SectionText, TopicRules
from letters.web.search import search_sections
from tests.conftest import SAMPLES

STYLES = SAMPLES / "seed" / "verzamelbrief-2025D43420-styles.docx"


def c2000_and_ptss():
    return Matcher(
        [
            TopicRules("c2000", (Rule("C2000", 2, names=True), Rule("VMX", 2, names=True), Rule("TETRA", 1))),
            TopicRules("ptss", (Rule("PTSS", 3, names=True), Rule("psychosociale", 1))),
        ]
    )


def test_one_mention_of_a_naming_term_tags_the_passage():
    governance = SectionText("Governance", "Voor VMX krijgt de minister doorzettingsmacht.", None)

    assert c2000_and_ptss().tag([governance]) == [(["c2000"], False)]


def test_one_mention_of_a_term_that_does_not_name_the_topic_does_not_tag():
    hint = SectionText("Governance", "Het TETRA-protocol en psychosociale steun.", None)

    assert c2000_and_ptss().tag([hint]) == [([], False)]


def test_a_naming_term_names_only_its_own_topic():
    shared = Matcher([TopicRules("a", (Rule("NCV", 2, names=True),)), TopicRules("b", (Rule("NCV", 2),))])

    assert shared.tag([SectionText("Uitval", "Ook de NCV werkte.", None)]) == [(["a"], False)]


def test_the_opening_takes_the_topics_it_mentions_that_the_letter_treats():
    sections = [
        SectionText("", "Deze brief gaat in op C2000 en op psychosociale zorg.", None),
        SectionText("C2000", "De masten worden vervangen.", None),
        SectionText("Zorg", "De PTSS-regeling en psychosociale zorg voor hulpverleners.", None),
    ]

    assert c2000_and_ptss().tag(sections) == [(["c2000", "ptss"], False), (["c2000"], False), (["ptss"], False)]


def test_the_opening_does_not_take_a_topic_the_letter_only_mentions():
    sections = [
        SectionText("", "Deze brief gaat in op het TETRA-protocol en op psychosociale steun.", None),
        SectionText("Zorg", "De PTSS-regeling voor hulpverleners.", None),
    ]

    assert c2000_and_ptss().tag(sections)[0] == (["ptss"], False)


def test_a_letter_of_one_passage_is_tagged_like_any_passage():
    only = SectionText("", "Het TETRA-protocol en psychosociale steun, verder niets.", None)

    assert c2000_and_ptss().tag([only]) == [([], False)]


def test_a_headed_first_section_is_no_opening():
    sections = [
        SectionText("Inleiding", "Over psychosociale steun.", None),
        SectionText("Zorg", "De PTSS-regeling voor hulpverleners.", None),
    ]

    assert c2000_and_ptss().tag(sections)[0] == ([], False)


def test_every_naming_term_of_the_starting_topics_is_one_of_its_rules():
    for topic in STARTING_TOPICS:
        assert set(topic.get("names", ())) <= {term for term, _ in topic["rules"]}, topic["slug"]
    named = {(t.slug, r.term) for t in starting_rules() for r in t.rules if r.names}
    assert ("c2000-en-vmx", "VMX") in named and ("c2000-en-vmx", "TETRA") not in named
    assert not any(slug == "brandweerzorg" for slug, _ in named)  # "brandweer" is said in passing


def shown(slug):
    return set(
        TopicTag.objects.filter(topic__slug=slug, source__in=SHOWN_SOURCES).values_list("section__heading", flat=True)
    )


@pytest.mark.django_db
def test_the_migrated_rules_name_their_topics_like_the_starting_set():
    migrated = set(TopicRule.objects.filter(names_topic=True).values_list("topic__slug", "term"))

    assert migrated == {(t.slug, r.term) for t in starting_rules() for r in t.rules if r.names}


@pytest.mark.django_db
def test_searching_vmx_finds_the_passages_the_topic_lists():
    import_letter(content=STYLES.read_bytes(), filename=STYLES.name, source=Source.COMMAND)

    found = {s.heading for s in search_sections(Section.objects.current(), "VMX")}

    assert found == {
        "Brief inspectie governance meldkamerdomein",
        "Beleidsreactie WODC evaluatie naar programma IVC",
        "C2000",
        "Vernieuwing Missiekritische Communicatie (VMX)",
    }
    assert found <= shown("c2000-en-vmx")
    assert shown("c2000-en-vmx") == found | {""}  # and the opening, which lists it


@pytest.mark.django_db
def test_the_seed_opening_lists_every_topic_of_the_letter():
    import_letter(content=STYLES.read_bytes(), filename=STYLES.name, source=Source.COMMAND)

    opening = Section.objects.get(position=0)
    tagged = set(opening.topic_tags.filter(source__in=SHOWN_SOURCES).values_list("topic__slug", flat=True))

    assert tagged == set(Topic.objects.values_list("slug", flat=True))
    assert len(tagged) == 10
