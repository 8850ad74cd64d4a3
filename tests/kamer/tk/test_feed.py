"""Parsing SyncFeed pages from FakeTK: entries, next skiptokens and page ends, new versions, deletions."""

from datetime import UTC, date, datetime

import pytest

from kamer.tk.feed import DocumentRecord, DossierRecord, FeedEntry, FeedPage, parse_feed_page
from tests.kamer.fake_server import DOCX, PDF, FakeTK
from tests.kamer.fake_server.entities import documentversie_guid
from tests.kamer.tk.helpers import DOC_GUID

DOC2_GUID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
DOSSIER_29517 = "581eb81e-a5f3-51bf-b5a9-a200f99194f8"  # FakeTK's deterministic guid for dossier 29517
DOSSIER_36600_VI = "7ced9ed3-4135-51d5-973c-90e17b05fcf9"


def fixed_clock():
    return datetime(2025, 10, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def fake():
    with FakeTK(page_size=2, clock=fixed_clock) as server:
        yield server


def test_page_from_the_fake_server(fake):
    fake.publish_document(
        content=b"0123456789",
        guid=DOC_GUID,
        document_nummer="2025D43420",
        titel="Brandweer",
        onderwerp="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
        volgnummer=264,
    )
    fake.publish_document(
        content=b"abc",
        guid=DOC2_GUID,
        document_nummer="2025D50001",
        titel="Begroting",
        dossier=("36600", "VI"),
        datum="2025-12-01",
    )

    page = parse_feed_page(fake.render_feed("Document", 0))

    assert page == FeedPage(
        entries=(
            FeedEntry(
                guid=DOC_GUID,
                updated="2025-10-03T10:00:00.0000010Z",
                category="document",
                enclosure_url=f"{fake.base_url}/SyncFeed/2.0/Resources/{DOC_GUID}",
                deleted=False,
                record=DocumentRecord(
                    id=DOC_GUID,
                    bijgewerkt=datetime(2025, 10, 3, 10, 0, 0, 1, tzinfo=UTC),
                    deleted=False,
                    content_type=DOCX,
                    content_length=10,
                    huidige_versie_id=documentversie_guid(DOC_GUID, 1),
                    kamerstukdossier_id=DOSSIER_29517,
                    soort="Brief regering",
                    document_number="2025D43420",
                    title="Brandweer",
                    subject="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
                    date=date(2025, 10, 3),
                    volgnummer=264,
                    vergaderjaar="2025-2026",
                    organisatie="Tweede Kamer",
                ),
            ),
            FeedEntry(
                guid=DOC2_GUID,
                updated="2025-10-03T10:00:00.0000030Z",
                category="document",
                enclosure_url=f"{fake.base_url}/SyncFeed/2.0/Resources/{DOC2_GUID}",
                deleted=False,
                record=DocumentRecord(
                    id=DOC2_GUID,
                    bijgewerkt=datetime(2025, 10, 3, 10, 0, 0, 3, tzinfo=UTC),
                    deleted=False,
                    content_type=DOCX,
                    content_length=3,
                    huidige_versie_id=documentversie_guid(DOC2_GUID, 1),
                    kamerstukdossier_id=DOSSIER_36600_VI,
                    soort="Brief regering",
                    document_number="2025D50001",
                    title="Begroting",
                    subject=None,
                    date=date(2025, 12, 1),
                    volgnummer=None,
                    vergaderjaar="2025-2026",
                    organisatie="Tweede Kamer",
                ),
            ),
        ),
        next_skiptoken=4,
        has_more=False,
    )


def test_dossier_page_from_the_fake_server(fake):
    fake.publish_document(content=b"x", guid=DOC_GUID, document_nummer="2025D43420", titel="Brandweer")
    fake.publish_document(
        content=b"y",
        guid=DOC2_GUID,
        document_nummer="2025D50001",
        titel="Begroting",
        dossier=("36600", "VI"),
        dossier_titel="Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid",
    )

    page = parse_feed_page(fake.render_feed("Kamerstukdossier", 0))

    assert [entry.dossier for entry in page.entries] == [
        DossierRecord(
            id=DOSSIER_29517,
            bijgewerkt=datetime(2025, 10, 3, 10, 0, tzinfo=UTC),
            deleted=False,
            number="29517",
            afgesloten=False,
        ),
        DossierRecord(
            id=DOSSIER_36600_VI,
            bijgewerkt=datetime(2025, 10, 3, 10, 0, 0, 2, tzinfo=UTC),
            deleted=False,
            title="Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid",
            number="36600",
            toevoeging="VI",
            afgesloten=False,
        ),
    ]
    assert [(e.category, e.enclosure_url, e.document) for e in page.entries] == [("kamerstukdossier", None, None)] * 2
    assert (page.next_skiptoken, page.has_more) == (3, False)


def test_full_page_points_to_the_next_and_a_new_version_is_a_new_entry(fake):
    for n in range(3):
        fake.publish_document(content=b"x" * n, document_nummer=f"2025D0000{n}", titel="T")
    fake.publish_new_version(fake_guid(fake, 0), b"%PDF-1.7 new", content_type=PDF)

    first = parse_feed_page(fake.render_feed("Document", 0))
    second = parse_feed_page(fake.render_feed("Document", first.next_skiptoken))
    third = parse_feed_page(fake.render_feed("Document", second.next_skiptoken))

    assert [e.document.document_number for e in first.entries] == ["2025D00000", "2025D00001"]
    assert (first.next_skiptoken, first.has_more) == (3, True)
    assert [
        (e.document.document_number, e.document.content_type, e.document.content_length) for e in second.entries
    ] == [
        ("2025D00002", DOCX, 2),
        ("2025D00000", PDF, 12),
    ]
    assert second.entries[1].guid == first.entries[0].guid
    assert (second.next_skiptoken, second.has_more) == (5, False)
    assert third == FeedPage(entries=(), next_skiptoken=None, has_more=False)


def fake_guid(fake, n):
    return parse_feed_page(fake.render_feed("Document", 0)).entries[n].guid


def test_deleted_document_is_an_empty_element(fake):
    fake.publish_document(content=b"x", guid=DOC_GUID, document_nummer="2025D43420", titel="Brandweer")
    fake.delete_document(DOC_GUID)

    entry = parse_feed_page(fake.render_feed("Document", 2)).entries[0]

    assert entry == FeedEntry(
        guid=DOC_GUID,
        updated="2025-10-03T10:00:00.0000020Z",
        category="document",
        enclosure_url=None,
        deleted=True,
        record=DocumentRecord(id=DOC_GUID, bijgewerkt=datetime(2025, 10, 3, 10, 0, 0, 2, tzinfo=UTC), deleted=True),
    )


def test_empty_feed_has_no_next_skiptoken():
    assert parse_feed_page(b'<feed xmlns="http://www.w3.org/2005/Atom"/>') == FeedPage((), None, False)
