"""The dossier page's panels and the commitment list's dossier filter (commitments/dossiers.py):
a commitment counted once however many ways its passage ties it to the dossier, the total beside
the first few, in two queries however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.dossiers import dossier_panels, in_dossier
from commitments.models import Commitment, Motion
from letters.models import Letter, Section
from tests.letters.imported import citing_letters
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


def promise_in(index: int, *, due_day: int) -> Commitment:
    """A promise in the passage of "Brief {index}" that cites 29 517, nr. 250."""
    made_in = Section.objects.filter(version__letter__title=f"Brief {index}", references__isnull=False).first()
    return Commitment.objects.create(
        key=f"k{index}",
        letter=made_in.version.letter,
        made_in=made_in,
        text=f"Toezegging {index}",
        kind="new",
        due=f"2026-03-{due_day:02}",
    )


def panel_rows(dossier: Dossier, limit: int):
    motions, commitments = dossier_panels(dossier, limit)
    return [(p.total, [item.text for item in p.items]) for p in (motions, commitments)]


def test_panels_total_counts_all_while_the_items_stop_at_the_limit():
    citing_letters(0, 3)
    for index, day in ((0, 20), (1, 10), (2, 30)):
        promise_in(index, due_day=day)
    dossier = Dossier.objects.get(number="29517")
    Motion.objects.create(kamerstuk=Kamerstuk.objects.get(dossier=dossier, number="250"))

    assert panel_rows(dossier, 2) == [
        (1, ["Motie onbekend (29 517, nr. 250)"]),
        (3, ["Toezegging 1", "Toezegging 0"]),  # open ones by due date, the earliest first
    ]


def test_panels_of_a_dossier_without_motions_or_commitments_are_empty():
    citing_letters(0, 1)

    assert panel_rows(Dossier.objects.get(number="29517"), 10) == [(0, []), (0, [])]


def test_panels_take_two_queries_for_one_commitment_or_three():
    citing_letters(0, 3)
    dossier = Dossier.objects.get(number="29517")
    promise_in(0, due_day=1)
    with CaptureQueriesContext(connection) as one:
        dossier_panels(dossier, 10)
    promise_in(1, due_day=2), promise_in(2, due_day=3)

    with CaptureQueriesContext(connection) as three:
        panels = dossier_panels(dossier, 10)

    assert panels[1].total == 3
    assert len(one) == len(three) == 2


def test_dossier_filter_lists_a_commitment_tied_two_ways_once():
    citing_letters(0, 1)
    commitment = promise_in(0, due_day=1)
    Letter.objects.filter(pk=commitment.letter_id).update(dossier=Dossier.objects.get(number="29517"))

    assert list(Commitment.objects.filter(in_dossier(("29517", None))).values_list("text", flat=True)) == [
        "Toezegging 0"
    ]
    assert Commitment.objects.filter(in_dossier(("29517", "VI"))).count() == 0
