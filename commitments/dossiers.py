"""Motions and commitments per kamerstukdossier: for the dossier filter of the commitment list
and for the dossier page (the analyser's `dossier_items`, see letters.apps).

A commitment belongs to a dossier through its own passage: the kamerstukken that passage cites,
the motions it mentions, or the letter's own place in the Kamer's record. Not through what the
rest of its letter cites: one verzamelbrief cites many dossiers, and each would list all its
promises.
"""

from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Cast
from django.urls import reverse

from commitments.models import Commitment, Motion, MotionMention
from letters.models import Reference
from letters.web.dossier_views import DossierItem, DossierPanel
from letters.web.filters import dossier_q


def in_dossier(value: tuple[str, str | None]) -> Q:
    """Commitments of a dossier as the filters read it: (number, toevoeging), where no toevoeging
    is any toevoeging of the number."""
    return _tied_to(lambda path: dossier_q(path, value))


def _tied_to(dossier_at) -> Q:
    """dossier_at(path) is the Q that the dossier at `path` (a Dossier relation) is the wanted one.

    The ids come from a UNION of three look-ups PostgreSQL answers from indexes (the dossier's
    kamerstukken -> their references' sections; its motions -> their mentions' sections; its
    letters), then joined on the primary key. An OR of EXISTS made it hash every reference of the
    dossier and join all letters for every commitment (issue 16: 3 times as slow at 20,000 letters).
    """
    cited = Reference.objects.filter(dossier_at("kamerstuk__dossier")).values("section_id")
    mentioned = MotionMention.objects.filter(dossier_at("motion__kamerstuk__dossier")).values("section_id")
    ids = Commitment.objects.order_by().values("pk")
    tied = ids.filter(made_in__in=cited).union(
        ids.filter(made_in__in=mentioned), ids.filter(dossier_at("letter__dossier"))
    )
    return Q(pk__in=tied)


def dossier_panels(dossier, limit: int) -> list[DossierPanel]:
    """Its motions and commitments, open ones first, at most `limit` of each: two queries, each
    counting its rows in a window beside the first `limit` of them."""
    query = f"?dossier={dossier.key}"
    motions, commitments = reverse("motion_list") + query, reverse("commitment_list") + query
    return [
        _panel("Moties", _motions(dossier), _motion_item, motions, "moties", limit),
        _panel("Toezeggingen", _commitments(dossier), _commitment_item, commitments, "toezeggingen", limit),
    ]


def _panel(heading, rows, item, url, noun, limit) -> DossierPanel:
    first = list(rows.annotate(panel_total=Window(Count("pk")))[:limit])
    return DossierPanel(
        heading=heading,
        items=[item(row) for row in first],
        total=first[0].panel_total if first else 0,
        more_url=url,
        more_label=f"Alle {noun} van dit dossier",
        empty=f"Geen {noun} in dit dossier.",
    )


def _open_first(status):
    return Case(When(status=status, then=Value(0)), default=Value(1), output_field=IntegerField())


def _motions(dossier):
    return (
        Motion.objects.filter(kamerstuk__dossier=dossier)
        .select_related("kamerstuk__dossier")
        .order_by(
            _open_first(Motion.Status.OPEN),
            F("declaration_reviewed").asc(),  # among the open ones, those the clerks still have to judge
            F("declared_in").asc(nulls_last=True),
            Cast("kamerstuk__number", IntegerField()).desc(),
            "-pk",
        )
    )


def _commitments(dossier):
    return (
        Commitment.objects.filter(_tied_to(lambda path: Q(**{path: dossier})))
        .select_related("letter", "made_in__version")
        .defer("made_in__blocks", "made_in__text", "made_in__search_vector", "made_in__version__content")
        .order_by(
            _open_first(Commitment.Status.OPEN),
            F("due").asc(nulls_last=True),
            F("letter__date").desc(nulls_last=True),
            "-pk",
        )
    )


def _motion_item(motion) -> DossierItem:
    return DossierItem(
        text=str(motion),
        url=motion.get_absolute_url(),
        status=motion.status,
        status_label=motion.get_status_display(),
        marks=(("awaiting", "wacht op griffie"),) if motion.awaiting_review else (),
    )


def _commitment_item(commitment) -> DossierItem:
    made_in = commitment.made_in
    return DossierItem(
        text=commitment.text,
        url=made_in.version.passage_url(made_in) if made_in else commitment.letter.get_absolute_url(),
        status=commitment.status,
        status_label=commitment.get_status_display(),
        marks=(("overdue", "over tijd"),) if commitment.is_overdue else (),
        kind=commitment.get_kind_display(),
        due=commitment.due,
        letter=commitment.letter,
    )
