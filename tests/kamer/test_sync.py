"""Mirroring the fake Tweede Kamer's SyncFeed into kamer's models, in-process."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kamer import sync
from kamer.models import Document, SyncState
from kamer.tk.client import TKClient
from tests.kamer.fake_server import FakeTK
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def tk():
    with FakeTK(page_size=3) as fake:
        yield fake


@pytest.fixture
def tk_client(tk):
    return TKClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)


def publish(tk, number: str, **kwargs) -> str:
    return tk.publish_document(content=b"PK fake docx", document_nummer=number, titel=f"Brief {number}", **kwargs)


def test_documents_are_mirrored_with_their_dossier_and_timestamp(tk, tk_client):
    guid = publish(tk, "2025D43420", dossier=("36600", "VI"))

    report = sync.run(client=tk_client)

    document = Document.objects.select_related("dossier").get()
    assert report.changed_documents == [document.pk]
    assert (document.guid, document.document_number, document.soort) == (guid, "2025D43420", "Brief regering")
    assert (document.dossier.number, document.dossier.toevoeging) == ("36600", "VI")
    assert document.bijgewerkt.tzinfo is not None and document.content_length == len(b"PK fake docx")


def test_a_reflood_of_unchanged_entities_writes_nothing(tk, tk_client):
    for number in ("2025D00001", "2025D00002", "2025D00003", "2025D00004"):
        publish(tk, number)
    sync.run(client=tk_client)
    before = list(Document.objects.order_by("pk").values_list("pk", "updated_at"))
    assert tk.reflood() == 5  # four documents and their dossier

    with CaptureQueriesContext(connection) as queries:
        report = sync.run(client=tk_client)

    writes = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert (report.entries, report.changed_documents) == (5, [])
    assert {sql.split(" SET ")[0] for sql in writes} == {'UPDATE "kamer_syncstate"'}  # the skiptokens alone
    assert list(Document.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_a_new_version_and_a_deletion_update_the_same_row(tk, tk_client):
    guid = publish(tk, "2025D43420")
    sync.run(client=tk_client)
    first = Document.objects.get()
    tk.publish_new_version(guid, b"PK a longer fake docx")
    sync.run(client=tk_client)
    tk.delete_document(guid)

    report = sync.run(client=tk_client)

    document = Document.objects.get()
    assert report.changed_documents == [first.pk] and document.pk == first.pk
    assert (document.deleted, document.document_number, document.content_length) == (True, "2025D43420", 21)
    assert document.bijgewerkt > first.bijgewerkt


def test_a_document_that_arrives_before_its_dossier_is_linked_when_the_dossier_comes(tk, tk_client):
    publish(tk, "2025D43420", dossier=("29517", None))
    report = sync.SyncReport()
    sync.sync_category("Document", client=tk_client, report=report)
    assert Document.objects.get().dossier is None

    sync.sync_category("Kamerstukdossier", client=tk_client, report=report)

    assert Document.objects.get().dossier == Dossier.objects.get(number="29517")


def test_a_broken_page_stops_the_sync_without_moving_the_skiptoken(tk, tk_client):
    for number in ("2025D00001", "2025D00002", "2025D00003", "2025D00004"):
        publish(tk, number)
    sync.run(client=tk_client, max_pages=1)
    state = SyncState.objects.get(category="Document")
    before = state.skiptoken
    tk.break_next_page()

    with pytest.raises(sync.SyncError):
        sync.run(client=tk_client)

    state.refresh_from_db()
    errors = list(SyncState.objects.exclude(last_error="").values_list("category", "last_error"))
    assert state.skiptoken == before
    assert [category for category, _ in errors] == ["Kamerstukdossier"]  # the first page read is the broken one
    assert errors[0][1].startswith("Kamerstukdossier: de feedpagina is geen goed gevormde XML: ")
    report = sync.run(client=tk_client)  # the next run finishes the job
    assert (Document.objects.count(), len(report.changed_documents)) == (4, 1)
