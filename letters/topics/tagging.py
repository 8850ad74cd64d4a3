"""Store topic tags: rule tags are recomputed, hand corrections are kept."""

from django.db import transaction
from django.utils import timezone

from letters.models import RetagJob, Section, Topic, TopicTag
from letters.topics import recount
from letters.topics.matching import Matcher, Rule, SectionText, TopicRules
from tkdossiers import compiled

BATCH = 500
HAND = [TopicTag.Source.MANUAL, TopicTag.Source.EXCLUDED]


def matcher_from_db() -> tuple[Matcher, dict[str, Topic]]:
    """The matcher of the rules as they are now, kept per process between imports: one statement.

    That statement reads every topic with its rules, and is the fingerprint: any edit, from any
    process (the rules editor, the admin, a shell), changes it, and the matcher is built again from
    what it read. Unchanged, an import compiles nothing. The topics it returns are for tagging:
    fields other than name, slug and threshold are read from the database when asked for.
    """
    global _cached
    rows = tuple(compiled.rows("topic rules", _rules))  # every import asks: compiled once
    if _cached is None or _cached[0] != rows:
        _cached = (rows, *_matcher_of(rows))
    return _cached[1], _cached[2]


def _rules():
    return Topic.objects.order_by("name", "rules__id").values_list(*TOPIC_FIELDS, *RULE_FIELDS)


TOPIC_FIELDS = ("pk", "name", "slug", "threshold")
RULE_FIELDS = ("rules__id", "rules__term", "rules__weight", "rules__names_topic")
_cached: tuple[tuple, Matcher, dict[str, Topic]] | None = None


def _matcher_of(rows: tuple) -> tuple[Matcher, dict[str, Topic]]:
    """rows: per topic (by name) its rules (by id), or one row of None for a topic without rules."""
    topics: dict[str, Topic] = {}
    rules: dict[str, list[Rule]] = {}
    for pk, name, slug, threshold, rule, term, weight, names in rows:
        if slug not in topics:
            topics[slug] = Topic.from_db(
                Topic.objects.db, ["id", "name", "slug", "threshold"], [pk, name, slug, threshold]
            )
            rules[slug] = []
        if rule is not None:
            rules[slug].append(Rule(term, weight, names))
    matcher = Matcher([TopicRules(slug, tuple(rules[slug]), topic.threshold) for slug, topic in topics.items()])
    return matcher, topics


def tag_sections(sections: list[Section], matcher: Matcher, topics: dict[str, Topic], *, new=False) -> int:
    """Recompute rule and inherited tags of one version's sections (in position order);
    `new` sections have no tags yet, so there is nothing to keep or delete."""
    index_of = {section.pk: index for index, section in enumerate(sections)}
    texts = [SectionText(s.heading, s.text, index_of.get(s.parent_id)) for s in sections]
    hand = (
        set()
        if new
        else set(TopicTag.objects.filter(section__in=sections, source__in=HAND).values_list("section_id", "topic_id"))
    )
    rows = [
        TopicTag(
            section=section, topic=topics[slug], source=TopicTag.Source.INHERITED if inherited else TopicTag.Source.RULE
        )
        for section, (slugs, inherited) in zip(sections, matcher.tag(texts), strict=True)
        for slug in slugs
        if (section.pk, topics[slug].pk) not in hand
    ]
    if not new:
        TopicTag.objects.filter(section__in=sections).exclude(source__in=HAND).delete()
    # A hand correction committed meanwhile keeps its tag: the rule tag for the same pair yields.
    TopicTag.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return len(rows)


def tag_new_version(sections: list[Section]) -> int:
    """Tags for the sections of a version just stored (in position order)."""
    matcher, topics = matcher_from_db()
    return tag_sections(sections, matcher, topics, new=True)


def start_retag(*, user) -> RetagJob:
    """Queue re-tagging of every section after the rules changed; runs in Celery, after commit."""
    # tagging <-> tasks is an allowed pair: the task calls run_retag.
    from letters.topics.tasks import retag_sections

    job = RetagJob.objects.create(started_by=user, total=Section.objects.count())
    transaction.on_commit(lambda: retag_sections.delay(job.pk))
    return job


def run_retag(job: RetagJob) -> None:
    RetagJob.objects.filter(pk=job.pk).update(status=RetagJob.Status.RUNNING, total=Section.objects.count(), done=0)
    done = 0
    versions = Section.objects.order_by().values_list("version_id", flat=True).distinct()
    for version_id in sorted(set(versions)):
        # The rules as they are now, for every letter: when a clerk saves new rules while this job
        # runs, the job started for them and this one must not put older tags back behind it. The
        # kept matcher is rebuilt only when the rules changed (one statement otherwise).
        matcher, topics = matcher_from_db()
        sections = list(
            Section.objects.filter(version_id=version_id)
            .order_by("position")
            .only("pk", "heading", "text", "parent_id")
        )
        with transaction.atomic():
            tag_sections(sections, matcher, topics)
        done += len(sections)
        RetagJob.objects.filter(pk=job.pk).update(done=done)
    RetagJob.objects.filter(pk=job.pk).update(status=RetagJob.Status.DONE, done=done, finished_at=timezone.now())
    recount.recount_topics()


@transaction.atomic
def set_section_topics(*, section: Section, topics: list[Topic], user) -> None:
    """A hand correction: these and only these topics; it survives re-tagging.

    Two corrections of one passage at once run one after the other (the section's row is
    locked), so the last one decides; a tag a re-tag adds meanwhile is taken over, not doubled.
    """
    # NO KEY: a re-tag inserting tags checks its foreign key on the section at commit; FOR UPDATE
    # would block that check while this correction waits for the re-tag: a deadlock.
    Section.objects.select_for_update(no_key=True).only("pk").get(pk=section.pk)
    wanted = {t.pk for t in topics}
    current = {tag.topic_id: tag for tag in TopicTag.objects.select_for_update().filter(section=section)}
    for topic_id, tag in current.items():
        shown = tag.source != TopicTag.Source.EXCLUDED
        if shown and topic_id not in wanted:
            tag.source, tag.tagged_by = TopicTag.Source.EXCLUDED, user
            tag.save(update_fields=["source", "tagged_by", "tagged_at"])
        elif not shown and topic_id in wanted:
            tag.source, tag.tagged_by = TopicTag.Source.MANUAL, user
            tag.save(update_fields=["source", "tagged_by", "tagged_at"])
    TopicTag.objects.bulk_create(
        [
            TopicTag(section=section, topic_id=t, source=TopicTag.Source.MANUAL, tagged_by=user)
            for t in wanted - set(current)
        ],
        update_conflicts=True,
        unique_fields=["section", "topic"],
        update_fields=["source", "tagged_by", "tagged_at"],
    )
    recount.topics_changed()
