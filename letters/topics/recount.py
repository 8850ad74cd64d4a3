"""The topic index's figures, kept beside the data because counting live does not scale.

At 20,000 letters the start page and topic index took 5 s counting every tag. So per topic
its passages, letters and latest date (and the figures the analysers own, such as open
motions and commitments) are recounted over everything by a Celery task after a change
commits (an import, re-tagging, a hand correction, a clerk's decision). Changes that commit
close together share one recount; the pages show when the figures were counted.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from letters.apps import analyser_hooks
from letters.models import SHOWN_SOURCES, Topic, TopicTag

RECOUNT_PENDING = "letters:topic-recount-pending"
RECOUNT_PENDING_SECONDS = 300  # a lost task blocks new ones at most this long
RECOUNT_DELAY_SECONDS = 2  # lets a burst of imports share one recount
OWN_FIGURES = ["passage_count", "letter_count", "latest_date"]


def topics_changed() -> None:
    """Call in the transaction that changed tags, mentions or statuses: after it commits a
    recount is queued, unless one is already waiting to start."""

    def queue():
        if cache.add(RECOUNT_PENDING, True, RECOUNT_PENDING_SECONDS):
            # recount <-> tasks is an allowed pair: the task calls recount_topics.
            from letters.topics.tasks import recount_topics as recount_task

            recount_task.apply_async(countdown=RECOUNT_DELAY_SECONDS)

    transaction.on_commit(queue)


def recount_topics() -> None:
    """Every topic's figures over the current versions: one grouped query per figure."""
    cache.delete(RECOUNT_PENDING)  # a change committed from now on queues the next recount
    counted_at = timezone.now()
    figures = _own_figures()
    for hook in analyser_hooks("topic_figures"):
        figures.update(hook())
    with transaction.atomic():
        topics = list(Topic.objects.select_for_update().order_by("pk"))
        for topic in topics:
            for name, per_topic in figures.items():
                setattr(topic, name, per_topic.get(topic.pk, None if name == "latest_date" else 0))
            topic.counted_at = counted_at
        Topic.objects.bulk_update(topics, [*figures, "counted_at"])


def _own_figures() -> dict[str, dict[int, object]]:
    shown = TopicTag.objects.filter(source__in=SHOWN_SOURCES, section__version__is_current=True).order_by()
    rows = shown.values("topic").annotate(
        passage_count=Count("pk"),
        letter_count=Count("section__version", distinct=True),
        latest_date=Max("section__version__letter__date"),
    )
    figures = {name: {} for name in OWN_FIGURES}
    for row in rows:
        for name in OWN_FIGURES:
            figures[name][row["topic"]] = row[name]
    return figures
