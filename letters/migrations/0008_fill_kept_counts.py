"""Fill the kept counts of 0007 for letters imported before it (see letters.importing.counts).

Written with the historical models, as migrations must be; letters.importing.counts keeps them
up to date from here on."""

from django.db import migrations
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

SHOWN_SOURCES = ["rule", "inherited", "manual"]


def fill(apps, schema_editor):
    Reference = apps.get_model("letters", "Reference")
    LetterDossier = apps.get_model("letters", "LetterDossier")
    Kamerstuk = apps.get_model("tkdossiers", "Kamerstuk")
    Topic = apps.get_model("letters", "Topic")
    TopicTag = apps.get_model("letters", "TopicTag")
    MotionMention = apps.get_model("commitments", "MotionMention")
    Commitment = apps.get_model("commitments", "Commitment")

    cited = Reference.objects.filter(version__is_current=True, kamerstuk__isnull=False).order_by()
    LetterDossier.objects.bulk_create(
        LetterDossier(letter_id=row["version__letter"], dossier_id=row["kamerstuk__dossier"], citations=row["n"])
        for row in cited.values("version__letter", "kamerstuk__dossier").annotate(n=Count("pk"))
    )
    current = cited.filter(kamerstuk=OuterRef("pk")).values("kamerstuk")
    Kamerstuk.objects.update(
        citation_count=Coalesce(Subquery(current.annotate(n=Count("pk")).values("n")), 0),
        last_cited=Subquery(current.annotate(d=Max("version__letter__date")).values("d")),
    )

    shown = TopicTag.objects.filter(source__in=SHOWN_SOURCES, section__version__is_current=True).order_by()
    figures = {
        row["topic"]: row
        for row in shown.values("topic").annotate(
            passages=Count("pk"), letters=Count("section__version", distinct=True), latest=Max("section__version__letter__date")
        )
    }
    motions = dict(
        MotionMention.objects.filter(
            motion__status="open", version__is_current=True, section__topic_tags__source__in=SHOWN_SOURCES
        )
        .order_by()
        .values_list("section__topic_tags__topic")
        .annotate(n=Count("motion", distinct=True))
    )
    commitments = dict(
        Commitment.objects.filter(
            status="open", made_in__version__is_current=True, made_in__topic_tags__source__in=SHOWN_SOURCES
        )
        .order_by()
        .values_list("made_in__topic_tags__topic")
        .annotate(n=Count("pk", distinct=True))
    )
    now = timezone.now()
    for topic in Topic.objects.all():
        row = figures.get(topic.pk, {})
        Topic.objects.filter(pk=topic.pk).update(
            passage_count=row.get("passages", 0),
            letter_count=row.get("letters", 0),
            latest_date=row.get("latest"),
            open_motion_count=motions.get(topic.pk, 0),
            open_commitment_count=commitments.get(topic.pk, 0),
            counted_at=now,
        )


class Migration(migrations.Migration):
    dependencies = [("letters", "0007_kept_counts"), ("commitments", "0003_motion_updated_index")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
