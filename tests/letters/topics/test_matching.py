import pytest
from django.urls import reverse

from letters.importing.store import import_letter
from letters.models import SHOWN_SOURCES, RetagJob, Section, Source, Topic, TopicRule, TopicTag
from letters.topics.matching import Matcher, Rule, SectionText, TopicRules, compile_term
from letters.topics.tagging import run_retag
from tests.conftest import SAMPLES
from tests.letters.web.test_views import text_of

STYLES = SAMPLES / "seed" / "verzamelbrief-2025D43420-styles.docx"

# The seed letter's sections and their topics with the starting rules (the table in the note).
# The opening lists every subject of the letter (issue 15, item 11), and the governance passage
# speaks of VMX, which names C2000 en VMX on its own.
SEED_TOPICS = [
    (
        "",
        [
            "alerteren-nl-alert-en-was",
            "brandweerzorg",
            "c2000-en-vmx",
            "crisisbeheersing",
            "geweld-tegen-hulpverleners",
            "kcr2-locc",
            "meldkamers-en-112",
            "noodcommunicatievoorziening",
            "ptss-en-psychosociale-zorg",
            "weerbaarheid",
        ],
    ),
    ("Meldkamers", ["meldkamers-en-112"]),
    ("Ontwikkelingen in de meldkamers", ["meldkamers-en-112"]),
    ("Realisatie meldkamers afgerond", ["meldkamers-en-112"]),
    ("Pilots meldkamerfunctie ambulance en zorgcoördinatie", ["meldkamers-en-112"]),
    ("Brief inspectie governance meldkamerdomein", ["c2000-en-vmx", "meldkamers-en-112"]),
    ("Videobellen met de meldkamer", ["meldkamers-en-112"]),
    ("Ontwikkelingen 112", ["meldkamers-en-112"]),
    ("Beleidsreactie WODC evaluatie naar programma IVC", ["c2000-en-vmx", "meldkamers-en-112"]),
    ("C2000", ["c2000-en-vmx", "meldkamers-en-112"]),
    ("Vernieuwing Missiekritische Communicatie (VMX)", ["c2000-en-vmx"]),
    ("Taskforce Onze hulpverleners veilig", ["geweld-tegen-hulpverleners"]),
    ("Borging", ["geweld-tegen-hulpverleners"]),
    ("PTSS", ["ptss-en-psychosociale-zorg"]),
    ("Landelijke regeling PTSS brandweer", ["brandweerzorg", "ptss-en-psychosociale-zorg"]),
    (
        "Dekking amendement 36725-VI, nr. 16 inzake uitvoering regeling PTSS brandweerlieden",
        ["brandweerzorg", "ptss-en-psychosociale-zorg"],
    ),
    ("Kabinetsreactie initiatiefnota Boswijk c.s.", ["ptss-en-psychosociale-zorg"]),
    ("Positieve en noodzakelijke ontwikkelingen", ["ptss-en-psychosociale-zorg"]),
    ("Overkoepelende benadering", ["ptss-en-psychosociale-zorg"]),
    ("Samenwerking en uitwisseling van kennis en ervaring", ["ptss-en-psychosociale-zorg"]),
    ("Crisisbeheersing", ["crisisbeheersing"]),
    ("Rapport van de Inspectie Justitie en Veiligheid inzake versterking crisisbeheersing", ["crisisbeheersing"]),
    (
        "Brief Inspectie Justitie en Veiligheid inzake toezicht preparatie op (langdurige) stroomuitval",
        ["crisisbeheersing"],
    ),
    ("Knooppunt Coördinatie Regio's- Rijk (KCR2)", ["kcr2-locc"]),
    ("Weerbaarheid", ["weerbaarheid"]),
    ("Ontwikkelingen alerteren bij (hybride) militaire dreiging", ["alerteren-nl-alert-en-was", "weerbaarheid"]),
    ("Waarschuwings- en Alarmeringssysteem", ["alerteren-nl-alert-en-was"]),
    ("Noodcommunicatievoorziening", ["noodcommunicatievoorziening"]),
]


@pytest.mark.parametrize(
    ("term", "text", "matches"),
    [
        ("meldkamer", "de meldkamers van politie", True),
        ("meldkamer", "het meldkamerdomein", False),
        ("meldkamer*", "het meldkamerdomein", True),
        ("meldkamer*", "de regionale meldkamer", True),
        ("112-melding*", "de 112-meldingen", True),
        ("NL-Alert", "een NL-Alert sturen", True),
        ("WAS", "de uitfasering van het WAS", True),
        ("WAS", "het was een goed jaar", False),  # acronyms keep their case
        ("C2000", "het c2000-netwerk", False),
        ("NL-Alert", "een nl-alert", True),
        ("C2000", "C20001", False),
        ("Onze hulpverleners veilig", "Taskforce Onze  hulpverleners veilig", True),
        ("brandweer", "brandweerzorg", False),
    ],
)
def test_terms_match_words_inflections_and_compounds(term, text, matches):
    assert bool(compile_term(term).search(text)) == matches


def matcher(threshold=5.0):
    return Matcher([TopicRules("c2000", (Rule("C2000", 2), Rule("VMX", 2)), threshold)])


def test_a_heading_match_tags_a_section():
    assert matcher().tag([SectionText("Vernieuwing C2000", "", None)]) == [(["c2000"], False)]


def test_a_passing_mention_in_the_body_does_not_tag():
    one_mention = SectionText("Meldkamers", "Ook C2000 is genoemd.", None)
    three_mentions = SectionText("Meldkamers", "C2000 hier, C2000 daar en VMX straks.", None)

    assert matcher().tag([one_mention, three_mentions]) == [([], False), (["c2000"], False)]


def test_a_section_without_its_own_match_takes_its_parents_topics():
    sections = [
        SectionText("C2000", "", None),
        SectionText("Borging", "Geen treffers hier.", 0),
        SectionText("Nog dieper", "", 1),
        SectionText("Los", "", None),
    ]

    assert matcher().tag(sections) == [(["c2000"], False), (["c2000"], True), (["c2000"], True), ([], False)]


def import_styles():
    return import_letter(content=STYLES.read_bytes(), filename=STYLES.name, source=Source.COMMAND).version


def shown_topics(version):
    tags = TopicTag.objects.filter(section__version=version, source__in=SHOWN_SOURCES).select_related(
        "topic", "section"
    )
    by_position = {}
    for tag in tags:
        by_position.setdefault(tag.section.position, []).append(tag.topic.slug)
    return [(s.heading, sorted(by_position.get(s.position, []))) for s in version.sections.order_by("position")]


@pytest.mark.django_db
def test_seed_sections_get_their_topics():
    assert shown_topics(import_styles()) == SEED_TOPICS


@pytest.mark.django_db
def test_analyse_letter_gives_each_section_its_topics():
    from letters.importing.analysis import analyse

    result = analyse(STYLES.read_bytes(), STYLES.name)

    assert [(s["heading"], sorted(s["topics"])) for s in result["sections"]] == SEED_TOPICS


@pytest.mark.django_db
def test_hand_corrections_survive_retagging(clerk_client, clerk):
    version = import_styles()
    c2000 = version.sections.get(heading="C2000")
    borging = version.sections.get(heading="Borging")
    weerbaarheid = Topic.objects.get(slug="weerbaarheid")
    meldkamers = Topic.objects.get(slug="meldkamers-en-112")

    clerk_client.post(
        reverse("section_topics", args=[c2000.pk]), {"topics": [Topic.objects.get(slug="c2000-en-vmx").pk]}
    )
    clerk_client.post(
        reverse("section_topics", args=[borging.pk]),
        {"topics": [Topic.objects.get(slug="geweld-tegen-hulpverleners").pk, weerbaarheid.pk]},
    )
    run_retag(RetagJob.objects.create(started_by=clerk))

    topics = dict(shown_topics(version))
    assert topics["C2000"] == ["c2000-en-vmx"]
    assert topics["Borging"] == ["geweld-tegen-hulpverleners", "weerbaarheid"]
    excluded = TopicTag.objects.get(section=c2000, topic=meldkamers)
    assert (excluded.source, excluded.tagged_by) == (TopicTag.Source.EXCLUDED, clerk)


@pytest.mark.django_db
def test_only_staff_with_the_permission_correct_topics(policy_client):
    section = import_styles().sections.get(heading="C2000")

    response = policy_client.post(reverse("section_topics", args=[section.pk]), {"topics": []})

    assert response.status_code == 403
    assert dict(shown_topics(section.version))["C2000"] == ["c2000-en-vmx", "meldkamers-en-112"]


@pytest.mark.django_db
def test_changing_rules_retags_in_a_task_with_visible_progress(clerk_client, django_capture_on_commit_callbacks):
    version = import_styles()
    topic = Topic.objects.get(slug="weerbaarheid")
    rules = list(topic.rules.order_by("id"))
    data = {"rules-TOTAL_FORMS": len(rules) + 1, "rules-INITIAL_FORMS": len(rules)}
    for index, rule in enumerate(rules):
        data |= {f"rules-{index}-id": rule.pk, f"rules-{index}-term": rule.term, f"rules-{index}-weight": rule.weight}
    data |= {f"rules-{len(rules)}-term": "Taskforce", f"rules-{len(rules)}-weight": 5}

    with django_capture_on_commit_callbacks(execute=True):
        response = clerk_client.post(reverse("topic_rules", args=[topic.slug]), data)

    job = RetagJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.status, job.done, job.total) == ("done", Section.objects.count(), Section.objects.count())
    assert TopicRule.objects.filter(topic=topic, term="Taskforce").exists()
    assert "weerbaarheid" in dict(shown_topics(version))["Taskforce Onze hulpverleners veilig"]
    progress = clerk_client.get(job.get_absolute_url()).content.decode()
    assert f"Klaar</strong>: {job.total} van {job.total} passages (100%)." in progress
    assert 'hx-trigger="every 1s"' not in progress  # a finished job stops polling


@pytest.mark.django_db
def test_policy_staff_cannot_change_rules(policy_client):
    topic = Topic.objects.get(slug="weerbaarheid")
    before = list(TopicRule.objects.order_by("id").values_list("topic_id", "term", "weight", "names_topic"))
    data = {"rules-TOTAL_FORMS": 1, "rules-INITIAL_FORMS": 0, "rules-0-term": "Taskforce", "rules-0-weight": 5}

    page = policy_client.get(reverse("topic_rules", args=[topic.slug]))
    sent = policy_client.post(reverse("topic_rules", args=[topic.slug]), data)

    assert (page.status_code, sent.status_code) == (403, 403)
    assert "Geen toegang Met uw account (beleid) mag u deze pagina niet openen." in text_of(sent)
    assert list(TopicRule.objects.order_by("id").values_list("topic_id", "term", "weight", "names_topic")) == before
    assert RetagJob.objects.count() == 0


def test_a_term_shared_by_two_topics_counts_for_both():
    shared = Matcher([TopicRules("a", (Rule("Taskforce", 5),)), TopicRules("b", (Rule("Taskforce", 5),))])

    assert shared.tag([SectionText("", "De Taskforce is klaar.", None)]) == [(["a", "b"], False)]
