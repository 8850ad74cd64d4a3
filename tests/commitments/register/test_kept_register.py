"""The register an import scores its commitments against is kept per process, and read again as
soon as the register changed (commitments.register.services.kept_register)."""

import pytest

from commitments import analysis
from commitments.models import ToezeggingMatch
from commitments.register import services
from letters.importing.store import Outcome, import_letter
from letters.models import Source
from tests.commitments.register.helpers import toezegging
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text

pytestmark = pytest.mark.django_db

# A commitment of the seed letter, and the same promise as the register writes it.
SEED_PROMISE = "Landelijke Agenda Crisisbeheersing"
REGISTERED = (
    "De minister zegt toe de Kamer via de jaarlijkse voortgangsbrief op hoofdlijnen te blijven informeren over "
    "de voortgang van de Landelijke Agenda Crisisbeheersing."
)
UNRELATED = "De minister zegt toe de Kamer te informeren over de huisvesting van de politie in Zeeland."


def import_seed(content=None, filename=SEED.name):
    return import_letter(content=content or SEED.read_bytes(), filename=filename, source=Source.COMMAND)


def suggested() -> list[tuple[str, str]]:
    matches = ToezeggingMatch.objects.filter(commitment__text__contains=SEED_PROMISE)
    return sorted(matches.values_list("toezegging_id", "commitment__letter__title"))


def test_the_register_is_read_once_while_it_does_not_change(django_assert_num_queries):
    toezegging("TZ202503-041", REGISTERED)
    state = analysis.kamer_mirror().register_state
    first = services.kept_register(state)

    with django_assert_num_queries(0):
        again = services.kept_register(state)

    assert again is first
    assert [entry.key for entry in again.entries] == ["tz-TZ202503-041"]


@pytest.mark.parametrize("change", ["added", "edited", "deleted"])
def test_a_change_to_the_register_is_read_by_the_next_call(change):
    entry = toezegging("TZ202503-041", UNRELATED)
    services.kept_register(analysis.kamer_mirror().register_state)
    if change == "added":
        toezegging("TZ202503-042", REGISTERED)
    elif change == "edited":
        entry.text = REGISTERED
        entry.save()
    else:
        entry.deleted = True
        entry.save()

    texts = [e.text for e in services.kept_register(analysis.kamer_mirror().register_state).entries]

    assert texts == {"added": [UNRELATED, REGISTERED], "edited": [REGISTERED], "deleted": []}[change]


def test_an_import_scores_against_an_entry_added_after_the_previous_import():
    toezegging("TZ202503-041", UNRELATED)  # a mirrored register that nothing of the seed fits
    assert import_seed().outcome == Outcome.IMPORTED
    assert suggested() == []
    toezegging("TZ202503-042", REGISTERED)

    corrected = with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg")
    result = import_seed(corrected, "gecorrigeerd.docx")

    assert result.outcome == Outcome.NEW_VERSION
    assert suggested() == [("tz-TZ202503-042", result.letter.title)]
