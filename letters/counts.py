"""Figures kept beside the data they count, because counting live does not scale.

At 20,000 letters the start page and topic index took 5 s counting every tag, the dossier
page 300 ms counting every reference of its kamerstukken. So:

- per letter, the dossiers its newest version cites (`LetterDossier`), and per kamerstuk its
  citations and last citation date, are rewritten inside the import transaction: they
  touch only what one letter cites;
- per topic, its passages, letters, latest date, open motions and open commitments are
  recounted over everything by a Celery task after a change commits (an import, re-tagging,
  a hand correction, a clerk's decision). Changes that commit close together share one
  recount; the pages show when the figures were counted.

`manage.py recount` rebuilds all of it, for repairs and after bulk loads.
"""

from collections import Counter

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from letters.models import SHOWN_SOURCES, Letter, LetterDossier, LetterVersion, Reference, Topic, TopicTag
from tkdossiers.models import Kamerstuk

RECOUNT_PENDING = "letters:topic-recount-pending"
RECOUNT_PENDING_SECONDS = 300  # a lost task blocks new ones at most this long
RECOUNT_DELAY_SECONDS = 2  # lets a burst of imports share one recount


def record_citations(letter: Letter, version: LetterVersion, references: list[Reference], previous_id=None) -> None:
    """After storing a new current version: its cited dossiers, and the counts of every
    kamerstuk it or the version it replaces cites."""
    cited = Counter(ref.kamerstuk.dossier_id for ref in references if ref.kamerstuk_id)
    LetterDossier.objects.filter(letter=letter).delete()
    LetterDossier.objects.bulk_create(
        [LetterDossier(letter=letter, dossier_id=dossier_id, citations=n) for dossier_id, n in cited.items()]
    )
    kamerstukken = {ref.kamerstuk_id for ref in references if ref.kamerstuk_id}
    if previous_id is not None:
        kamerstukken |= set(
            Reference.objects.filter(version_id=previous_id, kamerstuk__isnull=False).values_list(
                "kamerstuk_id", flat=True
            )
        )
    recount_kamerstukken(kamerstukken)


def recount_kamerstukken(ids=None) -> int:
    """Citation count and last citation date from the current versions; all kamerstukken
    when `ids` is None. Rows are locked in key order first, so that two imports citing the
    same kamerstukken wait for each other instead of deadlocking."""
    kamerstukken = Kamerstuk.objects.all()
    if ids is not None:
        if not ids:
            return 0
        kamerstukken = kamerstukken.filter(pk__in=ids)
        list(kamerstukken.select_for_update().order_by("pk").values_list("pk", flat=True))
    current = Reference.objects.filter(kamerstuk=OuterRef("pk"), version__is_current=True).order_by()
    return kamerstukken.update(
        citation_count=Coalesce(
            Subquery(current.values("kamerstuk").annotate(n=Count("pk")).values("n")),
            0,
        ),
        last_cited=Subquery(current.values("kamerstuk").annotate(d=Max("version__letter__date")).values("d")),
    )


def rebuild_letter_dossiers() -> int:
    """Every letter's cited dossiers from its current version, from scratch. Imports that
    write their rows meanwhile wait until this commits, then write their own again."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {LetterDossier._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        LetterDossier.objects.all().delete()
        rows = (
            Reference.objects.filter(version__is_current=True, kamerstuk__isnull=False)
            .order_by()
            .values("version__letter", "kamerstuk__dossier")
            .annotate(n=Count("pk"))
        )
        created = LetterDossier.objects.bulk_create(
            (
                LetterDossier(
                    letter_id=row["version__letter"], dossier_id=row["kamerstuk__dossier"], citations=row["n"]
                )
                for row in rows.iterator(chunk_size=5000)
            ),
            batch_size=5000,
        )
    return len(created)


def recount_all() -> dict[str, int]:
    """Rebuild every kept count from the data: after bulk loads, and to repair."""
    letter_dossiers = rebuild_letter_dossiers()
    with transaction.atomic():
        kamerstukken = recount_kamerstukken()
    recount_topics()
    return {"letter dossiers": letter_dossiers, "kamerstukken": kamerstukken, "topics": Topic.objects.count()}


def topics_changed() -> None:
    """Call in the transaction that changed tags, mentions or statuses: after it commits a
    recount is queued, unless one is already waiting to start."""

    def queue():
        if cache.add(RECOUNT_PENDING, True, RECOUNT_PENDING_SECONDS):
            from letters.tasks import recount_topics

            recount_topics.apply_async(countdown=RECOUNT_DELAY_SECONDS)

    transaction.on_commit(queue)


def recount_topics() -> None:
    """Every topic's figures over the current versions: one grouped query per figure."""
    cache.delete(RECOUNT_PENDING)  # a change committed from now on queues the next recount
    counted_at = timezone.now()
    shown = TopicTag.objects.filter(source__in=SHOWN_SOURCES, section__version__is_current=True).order_by()
    figures = {
        row["topic"]: row
        for row in shown.values("topic").annotate(
            passages=Count("pk"),
            letters=Count("section__version", distinct=True),
            latest=Max("section__version__letter__date"),
        )
    }
    open_motions, open_commitments = _open_items()
    with transaction.atomic():
        topics = list(Topic.objects.select_for_update().order_by("pk"))
        for topic in topics:
            row = figures.get(topic.pk, {})
            topic.passage_count = row.get("passages", 0)
            topic.letter_count = row.get("letters", 0)
            topic.latest_date = row.get("latest")
            topic.open_motion_count = open_motions.get(topic.pk, 0)
            topic.open_commitment_count = open_commitments.get(topic.pk, 0)
            topic.counted_at = counted_at
        Topic.objects.bulk_update(topics, TOPIC_FIGURES)


TOPIC_FIGURES = [
    "passage_count",
    "letter_count",
    "latest_date",
    "open_motion_count",
    "open_commitment_count",
    "counted_at",
]


def _open_items() -> tuple[dict[int, int], dict[int, int]]:
    """Per topic: open motions mentioned and open commitments made in its current passages."""
    if not apps.is_installed("commitments"):
        return {}, {}
    from commitments.models import Commitment, Motion, MotionMention

    tagged = {"section__topic_tags__source__in": SHOWN_SOURCES}
    motions = (
        MotionMention.objects.filter(motion__status=Motion.Status.OPEN, version__is_current=True, **tagged)
        .order_by()
        .values("section__topic_tags__topic")
        .annotate(n=Count("motion", distinct=True))
    )
    commitments = (
        Commitment.objects.filter(
            status=Commitment.Status.OPEN,
            made_in__version__is_current=True,
            made_in__topic_tags__source__in=SHOWN_SOURCES,
        )
        .order_by()
        .values("made_in__topic_tags__topic")
        .annotate(n=Count("pk", distinct=True))
    )
    return (
        {row["section__topic_tags__topic"]: row["n"] for row in motions},
        {row["made_in__topic_tags__topic"]: row["n"] for row in commitments},
    )
