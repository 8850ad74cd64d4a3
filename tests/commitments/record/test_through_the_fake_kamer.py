"""The seed letter's motions against the Kamer's record as the sync brings it: the fake Kamer's
record (tests/kamer/fake_server/record.py) synced with kamer.sync, in the order published and in
reverse, then the seed imported. Every mention with a kamerstuk ends at the zaak the record gives
that kamerstuk, with the vote the record holds."""

import pytest
from django.contrib.auth.models import AnonymousUser

from commitments.models import Motion
from commitments.record.reading import motions_for, with_record
from kamer import sync
from kamer.tk.client import TKClient
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED
from tests.kamer.fake_server import FakeTK
from tests.kamer.fake_server.record import publish_kamer_record

pytestmark = pytest.mark.django_db


def synced_record(*, reverse: bool):
    with FakeTK(page_size=100) as tk:
        record = publish_kamer_record(tk, reverse=reverse)
        sync.run(client=TKClient(tk.base_url, timeout=5, retries=2, page_pause=0, sleep=lambda s: None))
    return record


@pytest.mark.parametrize("reverse", [False, True], ids=["in order", "reversed"])
def test_the_seed_letters_motions_resolve_to_the_zaken_the_kamer_synced(reverse):
    record = synced_record(reverse=reverse)

    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)

    resolved = {motion.kamerstuk.key: motion.zaak_id for motion in Motion.objects.filter(kamerstuk__isnull=False)}
    assert resolved == {key: record.motions[key].zaak for key in record.seed_motions}
    assert set(Motion.objects.values_list("zaak_source", flat=True)) == {Motion.ZaakSource.KAMERSTUK}


def test_the_vote_on_a_seed_motion_is_the_one_the_record_holds():
    record = synced_record(reverse=True)
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    expected = record.motions["29628-1272"]

    motions = motions_for(AnonymousUser()).filter(kamerstuk__dossier__number="29628", kamerstuk__number="1272")
    vote = with_record(motions.get()).record.vote

    assert (vote.voor, vote.tegen, vote.uitslag == "aangenomen") == (expected.voor, expected.tegen, expected.aangenomen)
