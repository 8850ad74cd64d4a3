"""The extraction's figures on the corpus never fall below the floors in tests/corpus/floors.json.

The floors are today's figures (a ratchet: `make evaluate` shows them beside the goals of
issue 13; `python -m tests.corpus.evaluate --raise-floors` records progress).
"""

import pytest

from tests.corpus import evaluate


def test_floors_cover_every_row_of_the_table():
    assert sorted(evaluate.read_floors()) == sorted(evaluate.GOALS)


@pytest.mark.django_db
def test_corpus_figures_stay_at_or_above_their_floors():
    per_letter = evaluate.evaluate_corpus()
    summed = evaluate.totals(per_letter)
    floors = evaluate.read_floors()
    report = evaluate.table(summed, len(per_letter), floors)
    print(report)

    assert evaluate.below_floors(summed, floors) == [], report
