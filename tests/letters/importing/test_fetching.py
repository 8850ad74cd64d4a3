"""Fetching the letters the fake Tweede Kamer publishes, in-process (with Celery workers: test_fetching_worker.py)."""

import datetime
import io
import re
import threading
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from kamer import sync
from kamer.models import Document, SyncState
from kamer.tk.client import TKClient
from letters.importing import fetching
from letters.models import DocumentFetch, Letter, LetterVersion, TypesetPublication, WatchedDossier
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text
from tests.kamer.fake_server import PDF, FakeTK

pytestmark = pytest.mark.django_db
LETTERS = sorted((Path(__file__).resolve().parents[3] / "samples" / "letters").glob("*.docx"))


@pytest.fixture
def tk():
    with FakeTK(page_size=3) as fake:
        yield fake


@pytest.fixture
def tk_client(tk):
    return TKClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)


def publish_seed(tk, content=None):
    return tk.publish_document(
        content=content or SEED.read_bytes(),
        document_nummer="2025D43420",
        titel="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
    )


def run_and_fetch(tk_client, **options):
    sync.run(client=tk_client)
    return [fetching.fetch(fetch_id, client=tk_client) for fetch_id in fetching.queue_changed(**options)]


def test_a_published_letter_is_fetched_and_imported(tk, tk_client):
    guid = publish_seed(tk)

    statuses = run_and_fetch(tk_client)

    fetch = DocumentFetch.objects.select_related("document__dossier").get(document__guid=guid)
    assert statuses == ["imported"]
    assert (fetch.document.document_number, fetch.document.dossier.number, fetch.letter.title) == (
        "2025D43420",
        "29517",
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
    )
    assert LetterVersion.objects.get().source == "sync"


def test_a_new_version_becomes_version_two_and_version_one_stays(tk, tk_client):
    guid = publish_seed(tk)
    run_and_fetch(tk_client)
    tk.publish_new_version(guid, with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"))

    statuses = run_and_fetch(tk_client)

    letter = Letter.objects.get()
    assert statuses == ["imported"]
    assert list(letter.versions.values_list("number", "source")) == [(1, "sync"), (2, "sync")]
    assert letter.current_version.sections.filter(heading="Borging en vervolg").exists()
    assert letter.versions.get(number=1).sections.filter(heading="Borging").exists()


def test_an_unchanged_document_is_not_downloaded_again(tk, tk_client):
    publish_seed(tk)
    run_and_fetch(tk_client)
    downloads = sum(path.startswith("/SyncFeed/2.0/Resources/") for _, path in tk.requests)

    assert run_and_fetch(tk_client) == []
    assert sum(path.startswith("/SyncFeed/2.0/Resources/") for _, path in tk.requests) == downloads


def test_a_pdf_replacing_the_docx_is_kept_beside_the_versions(tk, tk_client, policy_client):
    guid = publish_seed(tk)
    run_and_fetch(tk_client)
    tk.publish_new_version(guid, b"%PDF-1.7 opgemaakte publicatie", content_type=PDF)

    statuses = run_and_fetch(tk_client)

    letter = Letter.objects.get()
    publication = TypesetPublication.objects.get()
    assert statuses == ["typeset"]
    assert (publication.letter, publication.size, bytes(publication.content)) == (
        letter,
        30,
        b"%PDF-1.7 opgemaakte publicatie",
    )
    assert letter.versions.count() == 1 and letter.current_version.sections.count() == 28
    page = policy_client.get(letter.get_absolute_url()).content.decode()
    assert f'href="/brieven/{letter.pk}/publicaties/{publication.pk}/">PDF (30' in page


def test_other_file_types_are_recorded_and_skipped_with_the_reason(tk, tk_client):
    tk.publish_document(
        content=b"<html></html>", content_type="text/html", document_nummer="2025D00001", titel="Webpagina"
    )

    assert run_and_fetch(tk_client) == ["skipped"]
    assert DocumentFetch.objects.get().status_reason == "bestandstype text/html wordt niet ingelezen"


def test_only_letters_of_watched_dossiers_are_fetched(tk, tk_client):
    publish_seed(tk)
    tk.publish_document(
        content=LETTERS[0].read_bytes(), document_nummer="2023D45871", titel="Antwoord", dossier=("28684", None)
    )
    WatchedDossier.objects.create(number="28684")

    run_and_fetch(tk_client)

    assert list(Document.objects.order_by("document_number").values_list("document_number", "fetch__status")) == [
        ("2023D45871", "imported"),
        ("2025D43420", None),
    ]


def test_a_dossier_watched_later_has_its_letters_fetched_then(tk, tk_client):
    tk.publish_document(
        content=LETTERS[0].read_bytes(), document_nummer="2023D45871", titel="Antwoord", dossier=("28684", None)
    )
    WatchedDossier.objects.create(number="29517")
    assert run_and_fetch(tk_client) == []

    WatchedDossier.objects.create(number="28684")

    assert run_and_fetch(tk_client) == ["imported"]


def test_other_kinds_of_document_are_recorded_not_fetched(tk, tk_client):
    tk.publish_document(content=SEED.read_bytes(), document_nummer="2025D00002", titel="Motie", soort="Motie")

    assert run_and_fetch(tk_client) == []
    assert (Document.objects.get().soort, DocumentFetch.objects.count()) == ("Motie", 0)


def test_a_deleted_document_marks_the_letter_withdrawn_and_keeps_it(tk, tk_client):
    guid = publish_seed(tk)
    run_and_fetch(tk_client)
    tk.delete_document(guid)

    run_and_fetch(tk_client)

    letter = Letter.objects.get()
    assert letter.withdrawn_at is not None and letter.versions.count() == 1
    assert (Document.objects.get().deleted, DocumentFetch.objects.get().status) == (True, "withdrawn")


@pytest.mark.django_db(transaction=True)
def test_nothing_is_locked_while_the_kamer_answers(tk, tk_client, reference_data):
    publish_seed(tk)
    sync.run(client=tk_client)
    (waiting,) = fetching.queue_changed()
    tk.delay_next(1, 1.5)  # the download takes a while
    fetcher = threading.Thread(target=lambda: fetching.fetch(waiting, client=tk_client) and connection.close())
    fetcher.start()
    try:
        deadline = time.monotonic() + 10
        while not any(path.startswith("/SyncFeed/2.0/Resources/") for _, path in tk.requests):
            assert time.monotonic() < deadline, "the download did not start"
            time.sleep(0.05)

        with transaction.atomic():  # another connection may lock the row at once: no one holds it
            claimed = DocumentFetch.objects.select_for_update(nowait=True).get(pk=waiting)
        assert (claimed.status, Letter.objects.count()) == ("fetching", 0)
    finally:
        fetcher.join(10)
    assert DocumentFetch.objects.get(pk=waiting).status == "imported"


def test_a_claim_left_by_a_dead_worker_lapses_and_the_letter_is_fetched_again(tk, tk_client, settings):
    publish_seed(tk)
    sync.run(client=tk_client)
    (waiting,) = fetching.queue_changed()
    lapsed = timezone.now() - datetime.timedelta(seconds=settings.TK_FETCH_LEASE_SECONDS + 1)
    DocumentFetch.objects.filter(pk=waiting).update(status="fetching", claimed_at=timezone.now())
    assert fetching.queue_changed() == [] and fetching.fetch(waiting, client=tk_client) == "fetching"
    DocumentFetch.objects.filter(pk=waiting).update(claimed_at=lapsed)  # the worker died long ago

    assert fetching.queue_changed() == [waiting]
    assert fetching.fetch(waiting, client=tk_client) == "imported"


def test_server_errors_are_retried(tk, tk_client):
    publish_seed(tk)
    tk.fail_next(2, status=503)

    assert run_and_fetch(tk_client) == ["imported"]


def test_a_missing_file_fails_with_the_reason_and_is_not_retried(tk, tk_client):
    guid = publish_seed(tk)
    sync.run(client=tk_client)
    (waiting,) = fetching.queue_changed()
    tk.delete_document(guid)  # the resource now answers 404

    status = fetching.fetch(waiting, client=tk_client)

    fetch = DocumentFetch.objects.get()
    assert status == "failed"
    assert fetch.status_reason == f"downloaden mislukt: HTTP 404 voor {tk.base_url}/SyncFeed/2.0/Resources/{guid}"


def test_sync_tk_command_reports_what_it_did(tk, settings):
    settings.TK_BASE_URL = tk.base_url
    settings.TK_PAGE_PAUSE = 0
    publish_seed(tk)
    tk.publish_document(content=b"%PDF-1.4", content_type=PDF, document_nummer="2025D00003", titel="Alleen PDF")
    out = io.StringIO()

    call_command("sync_tk", "--once", stdout=out, stderr=io.StringIO())

    assert (
        out.getvalue().splitlines()[-1] == "2 pagina's, 3 items gelezen; ingelezen: 1, opgemaakte publicatie bewaard: 1"
    )


def test_sync_tk_can_be_limited_to_one_dossier(tk, settings):
    settings.TK_BASE_URL, settings.TK_PAGE_PAUSE = tk.base_url, 0
    publish_seed(tk)
    tk.publish_document(
        content=LETTERS[0].read_bytes(), document_nummer="2023D45871", titel="Antwoord", dossier=("28684", None)
    )

    call_command("sync_tk", "--once", "--dossier", "28684", stdout=io.StringIO(), stderr=io.StringIO())

    assert list(Letter.objects.values_list("kenmerk", flat=True)) == ["4975504"]
    with pytest.raises(CommandError, match="geen dossiernummer"):
        call_command("sync_tk", "--once", "--dossier", "abc")


def test_sync_page_shows_state_and_failures(tk, tk_client, clerk_client):
    publish_seed(tk)
    tk.publish_document(
        content=b"kapot",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        document_nummer="2025D00004",
        titel="Kapot",
    )
    run_and_fetch(tk_client)

    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", clerk_client.get(reverse("sync_state")).content.decode()))

    assert "Document " + str(SyncState.objects.get(category="Document").entries_seen) in text  # items read
    assert "2025D00004 Kapot inlezen mislukt: geen geldig .docx-bestand: het is geen zip-archief" in text
    assert "Nu synchroniseren" not in text  # clerks read; only admins start a sync


def test_only_admins_start_a_sync(clerk_client, admin_user, client, django_capture_on_commit_callbacks, tk, settings):
    settings.TK_BASE_URL, settings.TK_PAGE_PAUSE = tk.base_url, 0
    publish_seed(tk)
    assert clerk_client.post(reverse("sync_now")).status_code == 403
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sync_now"))

    assert response["Location"] == reverse("sync_state")
    # Eager Celery in this test (no worker): the request does not sync itself, the Kamer is not asked.
    assert (tk.requests, Letter.objects.count()) == ([], 0)
