"""Figures kept beside the data they count, because counting live does not scale.

At 20,000 letters the dossier page took 300 ms counting every reference of its kamerstukken.
So, per letter, the dossiers its newest version cites (`LetterDossier`), and per kamerstuk its
citations and last citation date, are rewritten inside the import transaction: they touch
only what one letter cites. The topics' figures are letters.topics.recount's.

`manage.py recount` rebuilds all of it, for repairs and after bulk loads.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce

from letters.models import Letter, LetterDossier, LetterVersion, Reference, Topic
from letters.topics.recount import recount_topics
from tkdossiers.models import Kamerstuk


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
