"""The register against the fake Kamer: the record around the seed letter synced with kamer.sync,
the seed letter imported from its .docx, and the sync's hooks (settings.KAMER_SYNC_HOOKS) run:
the letter is suggested as the kamerbrief nakoming of the toezegging the register says it keeps."""

import pytest

from commitments.models import ToezeggingMatch
from commitments.register.nakoming import named_letters
from kamer import sync
from kamer.models import Toezegging
from kamer.tk.client import TKClient
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED
from tests.kamer.fake_server import FakeTK
from tests.kamer.fake_server.record import publish_kamer_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced():
    seed = import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND).letter
    with FakeTK(page_size=100) as tk:
        publish_kamer_record(tk, letter=SEED.read_bytes())
        report = sync.run(client=TKClient(tk.base_url, timeout=5, retries=2, page_pause=0, sleep=lambda s: None))
    return seed, report


def test_the_sync_hook_suggests_the_seed_letter_as_the_kamerbrief_nakoming(synced):
    seed, report = synced

    sync.run_hooks(report)

    match = ToezeggingMatch.objects.select_related("commitment", "toezegging").get()
    assert (match.toezegging.number, match.kind, match.score, match.state) == (
        "TZ202503-118",
        "fulfils",
        87.9,
        "suggested",
    )
    assert match.commitment.text == (
        "Zoals toegezegd aan uw Kamer geef ik namens het kabinet een reactie op deze initiatiefnota."
    )
    assert match.commitment.letter == seed


def test_the_registers_kamerbrief_nakoming_names_the_seed_letter(synced):
    seed, _ = synced
    named = {t.number: named_letters(t.kamerbrief_nakoming) for t in Toezegging.objects.exclude(kamerbrief_nakoming="")}

    assert named == {
        "TZ202503-117": [seed],  # "Kamerbrief d.d. 3 oktober 2025 (29517, nr. 275)": through the Kamer's Document
        "TZ202503-118": [seed],  # "2025D43420"
        "TZ202503-119": [seed],
        "TZ202402-045": [],  # 29517 nr. 252: a letter we do not have
    }
