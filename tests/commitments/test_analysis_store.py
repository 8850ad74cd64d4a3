"""What the motions-and-commitments analyser sends to the database inside an import
(commitments.analysis.Analyser.store): one statement per kind of row, nothing for the Kamer's record
where none is mirrored, no savepoints; and what it stores is what it stored before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments import analysis
from commitments.models import Commitment, Motion
from kamer.models import Persoon, Toezegging
from letters.importing.store import import_letter
from letters.models import Source
from tests.commitments.record.kamer_rows import motie
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text

pytestmark = pytest.mark.django_db


def statements_of_store(monkeypatch, content, filename=SEED.name) -> list[str]:
    """The SQL the analyser's store() sends while `content` is imported."""
    sent = []
    store = analysis.analyser.store

    def counted(**kwargs):
        with CaptureQueriesContext(connection) as captured:
            store(**kwargs)
        sent.extend(query["sql"] for query in captured.captured_queries)

    monkeypatch.setattr(analysis.analyser, "store", counted)
    import_letter(content=content, filename=filename, source=Source.COMMAND)
    return sent


def kinds(statements) -> list[str]:
    return [" ".join(sql.split()[:4]) for sql in statements]


def test_the_seed_without_the_kamers_record_sends_one_statement_per_kind_of_row(monkeypatch):
    sent = statements_of_store(monkeypatch, SEED.read_bytes())

    assert kinds(sent) == [
        "SELECT COUNT(*), MAX(p.updated_at), EXISTS",  # what is mirrored, and the members' fingerprint
        'SELECT "tkdossiers_kamerstuk"."id", "tkdossiers_kamerstuk"."dossier_id", "tkdossiers_kamerstuk"."number",',
        'INSERT INTO "commitments_motion" ("kamerstuk_id",',  # created declared: no UPDATE after
        'SELECT "commitments_motion"."id", "commitments_motion"."kamerstuk_id", "commitments_motion"."zaak_id",',
        'INSERT INTO "commitments_motionmention" ("motion_id",',
        'INSERT INTO "commitments_commitment" ("key",',  # an upsert: a new version keeps the status
    ]
    declared = Motion.objects.filter(declared_in__isnull=False, declaration_reviewed=False)
    assert sorted(declared.values_list("members_key", flat=True)) == ["mutluer", "van dijk", "wijen-nass"]


def test_a_new_version_declares_nothing_twice_and_keeps_each_commitments_status(monkeypatch):
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    Commitment.objects.filter(pk=Commitment.objects.order_by("pk").first().pk).update(
        status=Commitment.Status.FULFILLED
    )
    corrected = with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg")

    sent = statements_of_store(monkeypatch, corrected, "gecorrigeerd.docx")

    assert [sql.split()[0] for sql in sent] == ["SELECT", "SELECT", "INSERT", "SELECT", "INSERT", "INSERT"]
    assert Commitment.objects.filter(status=Commitment.Status.FULFILLED).count() == 1
    assert set(Commitment.objects.values_list("made_in__version__number", flat=True)) == {2}


def test_with_the_motions_zaken_mirrored_they_are_linked_in_the_import_without_a_savepoint(monkeypatch):
    zaak = motie("2024Z04020", "Motie van het lid Wijen-Nass", dossier=("29628", ""), volgnummer=1272)

    sent = statements_of_store(monkeypatch, SEED.read_bytes())

    motion = Motion.objects.get(kamerstuk__dossier__number="29628", kamerstuk__number="1272")
    assert (motion.zaak_id, motion.zaak_source) == (zaak.guid, Motion.ZaakSource.KAMERSTUK)
    assert not [sql for sql in sent if "SAVEPOINT" in sql]
    assert len([sql for sql in sent if 'FROM "kamer_documentzaak"' in sql.split("EXISTS")[0]]) == 1
    assert 'UPDATE "commitments_motion" SET "zaak_id"' in " ".join(sent)


def test_the_mirror_is_read_in_one_statement_and_the_members_then_in_none():
    Persoon.objects.create(guid="p-inge", roepnaam="Inge", surname="Dijk", tussenvoegsel="van")
    Toezegging.objects.create(guid="t-1", number="TZ1", text="De minister zegt toe de Kamer te informeren.")

    with CaptureQueriesContext(connection) as first:
        mirror = analysis.kamer_mirror()
    members = analysis.known_members(mirror)
    with CaptureQueriesContext(connection) as again:
        same = analysis.known_members(mirror)

    assert len(first) == 1 and len(again) == 0 and same is members
    assert (mirror.persons[0], mirror.motion_zaken, mirror.register) == (1, False, True)
    assert [m.key for m in members.candidates("Inge van Dijk")] == ["p-inge"]
