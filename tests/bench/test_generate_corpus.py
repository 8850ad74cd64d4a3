"""bench/generate_corpus.py: a small corpus has what the benchmarks rely on, and the same seed gives it again."""

import hashlib
import io
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import DateTimeField, ForeignKey

from bench import generate_corpus
from bench.generate_corpus import COMMON_WORD, NAMED_DOSSIERS, REVIEW_WINDOW, YEARS, generate
from commitments.models import Commitment, Motion, MotionMention
from letters.models import (
    SHOWN_SOURCES,
    Footnote,
    Letter,
    LetterDossier,
    LetterVersion,
    Reference,
    Section,
    Topic,
    TopicTag,
)
from letters.topics.matching import compile_term
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db

LETTERS = 40  # 20 letters of seed 1 declare no motion done; 40 declare some, one of them in the last 90 days
SEED = 1
END = date(2025, 6, 30)
# The corpus of 40 letters of seed 1 up to END on an empty database. A change to the generator
# that changes these makes earlier benchmark figures incomparable: change them on purpose only.
ROWS = {
    "letters": 40,
    "versions": 49,
    "sections": 1763,
    "footnotes": 354,
    "references": 606,
    "mentions": 52,
    "commitments": 48,
    "tags": 976,
}
# Every table the generator writes, for the fingerprint of a corpus.
MODELS = [Dossier, Kamerstuk, Motion, Letter, LetterVersion, Section, Footnote, Reference]
MODELS += [MotionMention, Commitment, TopicTag, LetterDossier, Topic]


def make(**options) -> tuple[dict, str]:
    out = io.StringIO()
    rows = generate(**{"letters": LETTERS, "seed": SEED, "end_date": END, "out": out, **options})
    return rows, out.getvalue()


@pytest.fixture
def corpus() -> dict:
    return make()[0]


def test_rows_written_are_those_asked_and_in_the_database(corpus):
    assert corpus == ROWS
    in_database = {
        "letters": Letter.objects.count(),
        "versions": LetterVersion.objects.count(),
        "sections": Section.objects.count(),
        "footnotes": Footnote.objects.count(),
        "references": Reference.objects.count(),
        "mentions": MotionMention.objects.count(),
        "commitments": Commitment.objects.count(),
        "tags": TopicTag.objects.count(),
    }
    assert in_database == ROWS
    assert Dossier.objects.count() == 200  # max(200, letters // 5): busy ones first, then made-up ones
    assert Motion.objects.count() == 20  # max(20, 35 % of the letters)


def test_progress_and_summary_on_out():
    _, output = make()
    lines = output.splitlines()
    assert [line.split("] ", 1)[1] for line in lines[:-1]] == [
        "200 dossiers, 20 motions",
        "       40 / 40 letters, 1,763 sections",
        "motions settled, 1 awaiting review",
        "search vectors filled",
        "kept counts of dossiers, kamerstukken and topics filled",
    ]
    summary = ", ".join(f"{n:,} {name}" for name, n in ROWS.items())
    assert lines[-1].startswith("Done in ") and lines[-1].endswith(f" s: {summary}")


def test_each_letter_has_one_current_version_the_newest(corpus):
    letters = Letter.objects.all()
    assert {letter.identity for letter in letters} == {f"synthetic:{letter.document_number}" for letter in letters}
    for letter in letters:
        versions = list(letter.versions.order_by("number"))
        assert [v.number for v in versions] in ([1], [1, 2])
        assert [v.is_current for v in versions] == [False] * (len(versions) - 1) + [True]
        assert letter.current_version == versions[-1]
        assert END - timedelta(days=YEARS * 365) <= letter.date <= END
        assert letter.date.weekday() < 5


def test_sections_form_a_tree_with_paths_and_older_versions_lack_the_last_ones(corpus):
    sections = defaultdict(list)
    for section in Section.objects.order_by("version_id", "position"):
        sections[section.version_id].append(section)
    for version in LetterVersion.objects.all():
        own = sections[version.pk]
        assert [s.position for s in own] == list(range(len(own)))
        if version.is_current:
            assert 10 <= len(own) <= 60
        else:  # 1 to 3 of the last sections missing
            current = sections[version.letter.current_version_id]
            assert len(current) - 3 <= len(own) <= len(current) - 1
            assert [(s.heading, s.text) for s in own] == [(s.heading, s.text) for s in current[: len(own)]]
        by_pk = {s.pk: s for s in own}
        for section in own:
            assert section.level in (1, 2, 3)
            assert section.text == "\n".join(block_text(block) for block in section.blocks)
            parent = by_pk.get(section.parent_id)
            if section.parent_id is None:
                assert section.level == 1 and section.path == ""
            else:
                assert parent is not None and parent.level < section.level
                assert section.path == (f"{parent.path} › {parent.heading}" if parent.path else parent.heading)


def block_text(block: dict) -> str:
    if block["type"] == "table":
        return "\n".join(" | ".join(cell["text"] for cell in row) for row in block["rows"])
    return block["text"]


def test_footnotes_and_references_point_within_their_version(corpus):
    sections = dict(Section.objects.values_list("pk", "version_id"))
    for footnote in Footnote.objects.all():
        assert sections[footnote.section_id] == footnote.version_id
    footnotes = {f.pk: f for f in Footnote.objects.all()}
    for reference in Reference.objects.select_related("kamerstuk__dossier"):
        assert sections[reference.section_id] == reference.version_id
        if reference.footnote_id is None:
            assert reference.location == Reference.Location.BODY
        else:
            assert reference.location == Reference.Location.FOOTNOTE
            assert footnotes[reference.footnote_id].version_id == reference.version_id
            assert reference.text in footnotes[reference.footnote_id].text
        if reference.kind == Reference.Kind.KAMERSTUK:
            kamerstuk = reference.kamerstuk
            assert reference.text.endswith(f"{kamerstuk.dossier.display}, nr. {kamerstuk.number}")
        else:
            assert reference.kamerstuk_id is None
    kinds = set(Reference.objects.values_list("kind", flat=True))
    assert Reference.Kind.KAMERSTUK in kinds and len(kinds) > 1
    assert {Reference.Location.BODY, Reference.Location.FOOTNOTE} == set(
        Reference.objects.values_list("location", flat=True)
    )


def test_named_dossiers_exist_and_29517_is_cited_most(corpus):
    named = {(d.number, d.toevoeging): d.title for d in Dossier.objects.all() if d.title}
    assert named == {(number, toevoeging): title for number, toevoeging, title in NAMED_DOSSIERS}
    cited = Counter(
        Reference.objects.filter(version__is_current=True, kamerstuk__isnull=False).values_list(
            "kamerstuk__dossier", flat=True
        )
    )
    busiest = [Dossier.objects.get(pk=pk).key for pk, _ in cited.most_common(2)]
    assert busiest == ["29517", "36600-VI"]  # what the pages benchmark requests as the busiest dossier
    assert set(Kamerstuk.objects.values_list("soort", flat=True)) == {"Brief regering", "Motie"}
    assert Kamerstuk.objects.filter(soort="Motie").count() == Motion.objects.filter(kamerstuk__isnull=False).count()


def test_topics_are_tagged_where_their_terms_stand(corpus):
    tags = list(TopicTag.objects.select_related("section__version", "topic"))
    assert {TopicTag.Source.RULE, TopicTag.Source.INHERITED} == {tag.source for tag in tags}
    assert len({tag.topic_id for tag in tags}) == 9  # of the 10 starting topics
    shown = Counter(tag.topic.slug for tag in tags if tag.section.version.is_current)
    assert shown.most_common(1)[0][0] == "meldkamers-en-112"  # the pages benchmark's topic, of COMMON_WORD
    tagged = {(tag.section_id, tag.topic_id) for tag in tags}
    rules = {topic.pk: [compile_term(rule.term) for rule in topic.rules.all()] for topic in Topic.objects.all()}
    for tag in tags:
        if tag.source == TopicTag.Source.INHERITED:
            assert (tag.section.parent_id, tag.topic_id) in tagged
        else:
            text = f"{tag.section.heading}\n{tag.section.text}"
            assert any(rule.search(text) for rule in rules[tag.topic_id]), (tag.topic.slug, text)


def test_every_passage_is_searchable(corpus):
    assert not Section.objects.filter(search_vector__isnull=True).exists()
    assert not Footnote.objects.filter(search_vector__isnull=True).exists()
    query = SearchQuery(COMMON_WORD, config="dutch")
    found = set(Section.objects.filter(search_vector=query).values_list("pk", flat=True))
    word = re.compile(rf"\b{COMMON_WORD}s?\b", re.IGNORECASE)  # meldkamer, meldkamers: one stem
    naming = {s.pk for s in Section.objects.only("heading", "text") if word.search(f"{s.heading}\n{s.text}")}
    assert found == naming
    assert len(found) > 0


def test_motions_are_declared_by_their_latest_declaring_letter(corpus):
    declaring = defaultdict(list)
    for mention in MotionMention.objects.select_related("version__letter", "section"):
        assert mention.section.version_id == mention.version_id
        assert mention.sentence[1:] in mention.section.text
        if mention.declares_done:
            declaring[mention.motion_id].append(mention.version.letter)
    recent = set()  # declared in the last 90 days: the clerks have yet to review them
    for motion in Motion.objects.all():
        letters = sorted(declaring.get(motion.pk, []), key=lambda letter: (letter.date, letter.pk))
        assert motion.declared_in == (letters[-1] if letters else None)
        if letters:
            assert motion.declaration_reviewed == (letters[-1].date < END - REVIEW_WINDOW)
            if not motion.declaration_reviewed:
                recent.add(motion.pk)
    assert (len(declaring), len(recent)) == (9, 1)
    assert set(Motion.objects.awaiting_review().values_list("pk", flat=True)) == recent
    for commitment in Commitment.objects.select_related("made_in__version"):
        assert commitment.made_in.version_id == commitment.letter.current_version_id
        assert commitment.text in commitment.made_in.text
        assert commitment.kind != Commitment.Kind.PRIOR or commitment.due is None


def test_kept_counts_match_a_count_from_scratch(corpus):
    current = set(LetterVersion.objects.filter(is_current=True).values_list("pk", flat=True))
    letter_of = dict(LetterVersion.objects.values_list("pk", "letter_id"))
    date_of = dict(Letter.objects.values_list("pk", "date"))
    sections = {pk: version for pk, version in Section.objects.values_list("pk", "version_id")}

    citations, last = defaultdict(int), {}
    per_letter = defaultdict(int)
    for version, kamerstuk, dossier in Reference.objects.filter(kamerstuk__isnull=False).values_list(
        "version", "kamerstuk", "kamerstuk__dossier"
    ):
        if version in current:
            citations[kamerstuk] += 1
            day = date_of[letter_of[version]]
            last[kamerstuk] = max(last.get(kamerstuk, day), day)
            per_letter[letter_of[version], dossier] += 1
    kept = {pk: (n, day) for pk, n, day in Kamerstuk.objects.values_list("pk", "citation_count", "last_cited")}
    assert kept == {pk: (citations.get(pk, 0), last.get(pk)) for pk in kept}
    assert sum(citations.values()) > 0
    assert dict(((d.letter_id, d.dossier_id), d.citations) for d in LetterDossier.objects.all()) == per_letter

    shown = defaultdict(set)  # topic -> shown tagged sections of current versions
    for section, topic, source in TopicTag.objects.values_list("section", "topic", "source"):
        if source in SHOWN_SOURCES and sections[section] in current:
            shown[topic].add(section)
    open_motions, open_commitments = defaultdict(set), defaultdict(set)
    for motion, section in MotionMention.objects.filter(motion__status=Motion.Status.OPEN).values_list(
        "motion", "section"
    ):
        for topic, passages in shown.items():
            if section in passages:
                open_motions[topic].add(motion)
    for commitment, section in Commitment.objects.filter(status=Commitment.Status.OPEN).values_list("pk", "made_in"):
        for topic, passages in shown.items():
            if section in passages:
                open_commitments[topic].add(commitment)
    expected = {}
    for topic in Topic.objects.all():
        passages = shown.get(topic.pk, set())
        versions = {sections[pk] for pk in passages}
        expected[topic.pk] = (
            len(passages),
            len(versions),
            max((date_of[letter_of[v]] for v in versions), default=None),
            len(open_motions[topic.pk]),
            len(open_commitments[topic.pk]),
        )
    figures = ["passage_count", "letter_count", "latest_date", "open_motion_count", "open_commitment_count"]
    assert {t.pk: tuple(getattr(t, name) for name in figures) for t in Topic.objects.all()} == expected
    assert sum(n for n, *_ in expected.values()) > 0
    assert not Topic.objects.filter(counted_at__isnull=True).exists()


def fingerprint() -> str:
    """Every row the generator wrote, keys replaced by the row's rank in its table (sequences
    move on after a rollback), timestamps left out; the order of rows within a table ignored."""
    ranks = {}

    def rank(model, pk):
        if model not in ranks:
            ranks[model] = {key: n for n, key in enumerate(model.objects.order_by("pk").values_list("pk", flat=True))}
        return ranks[model][pk]

    tables = {}
    for model in MODELS:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key and not isinstance(f, DateTimeField)]
        rows = []
        for values in model.objects.order_by().values_list(*[f.attname for f in fields]):
            row = [
                rank(f.related_model, value) if isinstance(f, ForeignKey) and value is not None else value
                for f, value in zip(fields, values, strict=True)
            ]
            rows.append(json.dumps(row, default=str, ensure_ascii=False))
        tables[model._meta.label] = sorted(rows)
    return hashlib.sha256(json.dumps(tables).encode()).hexdigest()


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another():
    with transaction.atomic():
        make()
        first = fingerprint()
        transaction.set_rollback(True)
    with transaction.atomic():
        make(seed=2)
        other = fingerprint()
        transaction.set_rollback(True)
    assert Letter.objects.count() == 0
    make()
    assert fingerprint() == first
    assert other != first


def test_appending_adds_other_letters():
    make(letters=5)
    rows, _ = make(letters=5)  # the same seed: continues with other letter numbers
    assert rows["letters"] == 5
    assert Letter.objects.count() == 10
    assert len(set(Letter.objects.values_list("document_number", flat=True))) == 10


def test_the_command_line_passes_its_options(capsys):
    with transaction.atomic():
        generate(letters=5, seed=3, end_date=END, out=io.StringIO())
        expected = fingerprint()
        transaction.set_rollback(True)
    generate_corpus.main(["--letters", "5", "--seed", "3", "--batch", "2", "--end-date", END.isoformat()])
    assert fingerprint() == expected
    progress = [line.split("] ", 1)[1] for line in capsys.readouterr().out.splitlines() if " / 5 letters" in line]
    assert [line.split(",")[0].strip() for line in progress] == ["2 / 5 letters", "4 / 5 letters", "5 / 5 letters"]


def test_refuses_bad_options_and_a_full_database_before_writing(monkeypatch):
    with pytest.raises(ValueError, match="at least 1"):
        generate(letters=0)
    with pytest.raises(ValueError, match="at least 1"):
        generate(letters=5, batch=0)
    with monkeypatch.context() as patch:
        patch.setattr(connection, "vendor", "sqlite")
        with pytest.raises(ValueError, match="not PostgreSQL"):
            generate(letters=5)
    Letter.objects.bulk_create([Letter(identity=f"real:{n}", title="Brief") for n in range(101)])
    with pytest.raises(ValueError, match="already has 101 letters; pass --append"):
        generate(letters=5)
    with pytest.raises(SystemExit, match="already has 101 letters"):
        generate_corpus.main(["--letters", "5"])
    assert (Dossier.objects.count(), Motion.objects.count(), Letter.objects.count()) == (0, 0, 101)
    rows, _ = make(letters=5, append=True)
    assert (rows["letters"], Letter.objects.count()) == (5, 106)
