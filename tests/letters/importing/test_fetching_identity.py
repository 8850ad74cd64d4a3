"""Issue 12, item 5: a letter's own dossier and kamerstuk, kept from the Kamer's document of it
(letters.importing.counts.record_identity): at import, after a sync, never over an admin's choice."""

import pytest

from kamer import sync
from kamer.models import Document, Kamerstukdossier
from kamer.sync import SyncReport
from kamer.tk.client import TKClient
from letters.importing import counts, fetching
from letters.models import DocumentFetch, Letter
from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tests.kamer.fake_server import FakeTK
from tests.letters.imported import add
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db
KSD_GUID = "6f1b2c3d-0000-4000-8000-000000000001"


def kamer_document(number="2025D43420", volgnummer=275, dossier_number="29517", **fields):
    dossier, _ = Dossier.objects.get_or_create(number=dossier_number)
    return Document.objects.create(
        guid=f"doc-{number}",
        document_number=number,
        soort="Brief regering",
        volgnummer=volgnummer,
        dossier=dossier,
        **fields,
    )


def identity(letter):
    letter.refresh_from_db()
    return (
        letter.dossier.key if letter.dossier else None,
        letter.kamerstuk.key if letter.kamerstuk else None,
    )


def no_number_letter():
    return add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c2000.docx")


def test_an_uploaded_letter_takes_its_kamerstuk_at_import_by_its_document_number():
    kamer_document()

    letter = add(SEED.read_bytes(), SEED.name)

    assert identity(letter) == ("29517", "29517-275")
    assert Kamerstuk.objects.get(dossier__number="29517", number="275").soort == "Brief regering"


def test_a_letter_imported_before_its_document_takes_it_after_the_next_sync():
    letter = add(SEED.read_bytes(), SEED.name)
    assert identity(letter) == (None, None)
    kamer_document()

    counts.after_sync(SyncReport())

    assert identity(letter) == ("29517", "29517-275")


def test_a_letter_without_a_number_takes_the_kamerstuk_of_the_document_it_was_fetched_from():
    letter = no_number_letter()
    document = kamer_document(number="2024D11111", volgnummer=12, dossier_number="36600")
    DocumentFetch.objects.create(document=document, letter=letter, status=DocumentFetch.Status.IMPORTED)

    counts.after_sync(SyncReport())

    assert identity(letter) == ("36600", "36600-12")


def test_the_dossier_is_found_by_the_documents_kamerstukdossier_when_the_sync_did_not_link_it():
    Kamerstukdossier.objects.create(guid=KSD_GUID, number="36999", toevoeging="VI", title="Begroting JenV")
    Document.objects.create(
        guid="doc-1", document_number="2025D43420", volgnummer=8, kamerstukdossier_id=KSD_GUID, soort="Brief regering"
    )

    letter = add(SEED.read_bytes(), SEED.name)

    assert identity(letter) == ("36999-VI", "36999-VI-8")
    assert (letter.dossier.title, letter.dossier.tk_id) == ("Begroting JenV", KSD_GUID)


def test_what_an_admin_set_is_never_overridden():
    letter = add(SEED.read_bytes(), SEED.name)
    chosen = Kamerstuk.objects.create(dossier=Dossier.objects.get_or_create(number="29628")[0], number="1")
    Letter.objects.filter(pk=letter.pk).update(dossier=chosen.dossier, kamerstuk=chosen)
    kamer_document()

    counts.after_sync(SyncReport())

    assert identity(letter) == ("29628", "29628-1")


def test_an_admins_other_dossier_keeps_the_documents_kamerstuk_off_the_letter():
    letter = add(SEED.read_bytes(), SEED.name)
    Letter.objects.filter(pk=letter.pk).update(dossier=Dossier.objects.get_or_create(number="29628")[0])
    kamer_document()

    counts.after_sync(SyncReport())

    assert identity(letter) == ("29628", None)
    assert not Kamerstuk.objects.filter(number="275").exists()


def test_a_document_that_is_no_kamerstuk_gives_nothing():
    kamer_document(volgnummer=None)

    letter = add(SEED.read_bytes(), SEED.name)

    assert identity(letter) == (None, None)


def test_a_kamerstuk_that_is_already_another_letters_is_not_given_twice():
    kamer_document()
    first = add(SEED.read_bytes(), SEED.name)
    second = no_number_letter()
    Letter.objects.filter(pk=second.pk).update(document_number="2025D43420")

    counts.after_sync(SyncReport())

    assert (identity(first), identity(second)) == (("29517", "29517-275"), ("29517", None))


def test_a_sync_with_nothing_to_fill_reads_one_query(django_assert_num_queries):
    add(SEED.read_bytes(), SEED.name)  # its document is not mirrored
    kamer_document(number="2025D99999")  # a document of no letter

    with django_assert_num_queries(1):
        assert counts.record_identity() == 0


def test_a_letter_fetched_from_the_fake_kamer_knows_its_kamerstuk():
    with FakeTK(page_size=3) as tk:
        tk.publish_document(
            content=SEED.read_bytes(),
            document_nummer="2025D43420",
            titel="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
            volgnummer=275,
        )
        client = TKClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)
        sync.run(client=client)
        statuses = [fetching.fetch(fetch_id, client=client) for fetch_id in fetching.queue_changed()]

    assert statuses == ["imported"]
    assert identity(Letter.objects.get()) == ("29517", "29517-275")
