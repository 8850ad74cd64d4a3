"""A full sync of the fake Kamer's record (tests/kamer/fake_server/record.py), its re-flood, any order."""

from collections import Counter

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from kamer import sync
from kamer.models import (
    Besluit,
    Document,
    DocumentVersie,
    Fractie,
    Persoon,
    Stemming,
    SyncState,
    Toezegging,
    Zaak,
    ZaakActor,
)
from kamer.tk import fields as tk_fields
from kamer.tk.client import TKClient
from tests.kamer.fake_server import FakeTK
from tests.kamer.fake_server.record import publish_kamer_record
from tests.kamer.test_sync_kinds import statement
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db
PAGE_SIZE = 100


def client_of(tk) -> TKClient:
    return TKClient(tk.base_url, timeout=5, retries=2, page_pause=0, sleep=lambda seconds: None)


@pytest.fixture(params=[False, True], ids=["in order", "reversed"])
def synced(request):
    """The whole record published (in order, or every entity in reverse order) and synced once."""
    with FakeTK(page_size=PAGE_SIZE) as tk:
        record = publish_kamer_record(tk, reverse=request.param)
        report = sync.run(client=client_of(tk))
        yield tk, record, report


def test_a_full_sync_mirrors_every_entity_of_the_record(synced):
    tk, record, report = synced

    stored = {mirror.model.objects.count() for mirror in sync.MIRRORS.values()}
    assert (
        report.entries == len(record.published) == sum(mirror.model.objects.count() for mirror in sync.MIRRORS.values())
    )
    assert 0 not in stored
    assert Fractie.objects.aggregate(seats=Sum("seats"))["seats"] == 150
    assert Persoon.objects.count() == 150
    assert set(Toezegging.objects.values_list("status", flat=True)) == {
        "Openstaand",
        "Voldaan",
        "Deels Voldaan",
        "Vervallen",
    }
    assert sorted(SyncState.objects.values_list("category", flat=True)) == sorted(tk_fields.CATEGORIES)


def test_a_motion_is_linked_to_its_indieners_votes_and_document_in_either_order(synced):
    _, record, _ = synced
    motion = record.motions["29628-1272"]

    zaak = Zaak.objects.get(guid=motion.zaak)
    actors = list(zaak.actors.order_by("relatie", "actor_name"))
    assert (zaak.number, zaak.soort, zaak.afgedaan) == (motion.zaak_nummer, "Motie", motion.afgedaan)
    assert [actor.persoon.guid for actor in actors if actor.relatie == "Indiener"] == [motion.indiener]
    assert sorted(actor.persoon.guid for actor in actors if actor.relatie == "Medeindiener") == sorted(
        motion.medeindieners
    )
    assert all(actor.fractie is not None for actor in actors)
    vote = Besluit.objects.get(guid=motion.besluit_stemming)
    stemmingen = list(vote.stemmingen.select_related("fractie"))
    assert sorted(s.guid for s in stemmingen) == sorted(motion.stemmingen)
    assert sum(s.fractie_grootte for s in stemmingen if s.soort == "Voor") == motion.voor
    assert sum(s.fractie_grootte for s in stemmingen if s.soort == "Tegen") == motion.tegen
    assert all(s.fractie is not None for s in stemmingen)
    assert [link.zaak_id for link in vote.zaak_links.all()] == [motion.zaak]
    assert vote.agendapunt.activiteit.guid == motion.vote
    document = Document.objects.select_related("dossier").get(guid=motion.document)
    assert [link.zaak.guid for link in document.zaak_links.all()] == [motion.zaak]
    assert (document.dossier.key, document.volgnummer) == ("29628", 1272)
    assert DocumentVersie.objects.get(guid=motion.documentversie).document == document


def test_the_kamerstuk_lookup_finds_a_motion_with_a_toevoeging(synced):
    _, record, _ = synced

    found = Document.objects.kamerstuk("36600", "VI", 100).get()

    assert [link.zaak.guid for link in found.zaak_links.all()] == [record.motions["36600-VI-100"].zaak]
    assert Dossier.objects.get(number="36600", toevoeging="VI").tk_id == record.dossiers["36600-VI"]


def test_a_hoofdelijke_stemming_has_a_vote_per_member(synced):
    _, record, _ = synced
    motion = record.motions["29517-258"]

    vote = Besluit.objects.get(guid=motion.besluit_stemming)

    assert vote.stemmings_soort == "Hoofdelijk"
    assert vote.stemmingen.filter(persoon__isnull=False).count() == len(motion.stemmingen)


def test_a_reflood_of_the_whole_record_writes_nothing(synced):
    tk, record, first = synced
    before = {m.model: sorted(m.model.objects.values_list("guid", "updated_at")) for m in sync.MIRRORS.values()}
    dossiers = sorted(Dossier.objects.values_list("pk", "tk_id", "title"))
    assert tk.reflood() == len(record.published)

    with CaptureQueriesContext(connection) as queries:
        report = sync.run(client=client_of(tk))

    statements = Counter(statement(q["sql"]) for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE")))
    writes = {name: n for name, n in statements.items() if not name.startswith("SELECT")}
    assert (report.entries, report.changed, report.changed_documents) == (len(record.published), {}, [])
    assert writes == {"UPDATE kamer_syncstate": 2 * len(tk_fields.CATEGORIES) + report.pages}
    assert statements["SELECT kamer_syncstate"] == len(tk_fields.CATEGORIES)
    assert sum(n for name, n in statements.items() if name.startswith("SELECT")) == 12 + report.pages
    assert {m.model: sorted(m.model.objects.values_list("guid", "updated_at")) for m in sync.MIRRORS.values()} == before
    assert sorted(Dossier.objects.values_list("pk", "tk_id", "title")) == dossiers


def test_deletions_are_marked_and_keep_the_record(synced):
    tk, record, _ = synced
    motion = record.motions["28684-759"]
    tk.delete(motion.zaak)
    tk.delete(motion.actors[0])
    tk.delete(motion.stemmingen[0])

    report = sync.run(client=client_of(tk))

    assert report.changed == {
        "Zaak": [motion.zaak],
        "ZaakActor": [motion.actors[0]],
        "Stemming": [motion.stemmingen[0]],
    }
    zaak = Zaak.objects.get(guid=motion.zaak)
    assert (zaak.deleted, zaak.number) == (True, motion.zaak_nummer)
    assert (ZaakActor.objects.get(guid=motion.actors[0]).deleted, Stemming.objects.filter(deleted=True).count()) == (
        True,
        1,
    )
    assert motion.zaak not in set(Zaak.objects.motions().values_list("guid", flat=True))
