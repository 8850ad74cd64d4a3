"""Parsing SyncFeed pages: pages from FakeTK, hand-written live-shaped pages, recorded entries, bad input."""

from datetime import UTC, datetime

import pytest

from kamer.tk.feed import (
    DocumentRecord,
    DossierRecord,
    FeedEntry,
    FeedError,
    FeedPage,
    ZaakRecord,
    parse_entity,
    parse_feed_page,
)
from tests.kamer.fake_server import DOCX, PDF, FakeTK
from tests.kamer.recorded import feed_of, renamespaced_entry

DOC_GUID = "0f3c2a6e-5b1d-4c8e-9a7f-1e2d3c4b5a60"
DOC2_GUID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
DOSSIER_29517 = "581eb81e-a5f3-51bf-b5a9-a200f99194f8"  # FakeTK's deterministic guid for dossier 29517
DOSSIER_36600_VI = "7ced9ed3-4135-51d5-973c-90e17b05fcf9"
TK = 'xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"'
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
BASE = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"


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
                document=DocumentRecord(
                    id=DOC_GUID,
                    bijgewerkt="2025-10-03T10:00:00.0000010Z",
                    deleted=False,
                    content_type=DOCX,
                    content_length=10,
                    soort="Brief regering",
                    document_nummer="2025D43420",
                    titel="Brandweer",
                    onderwerp="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
                    datum="2025-10-03",
                    volgnummer=264,
                    vergaderjaar="2025-2026",
                    kamerstukdossier_ids=(DOSSIER_29517,),
                    zaak_ids=(),
                ),
                dossier=None,
                zaak=None,
            ),
            FeedEntry(
                guid=DOC2_GUID,
                updated="2025-10-03T10:00:00.0000030Z",
                category="document",
                enclosure_url=f"{fake.base_url}/SyncFeed/2.0/Resources/{DOC2_GUID}",
                deleted=False,
                document=DocumentRecord(
                    id=DOC2_GUID,
                    bijgewerkt="2025-10-03T10:00:00.0000030Z",
                    deleted=False,
                    content_type=DOCX,
                    content_length=3,
                    soort="Brief regering",
                    document_nummer="2025D50001",
                    titel="Begroting",
                    onderwerp=None,
                    datum="2025-12-01",
                    volgnummer=None,
                    vergaderjaar="2025-2026",
                    kamerstukdossier_ids=(DOSSIER_36600_VI,),
                    zaak_ids=(),
                ),
                dossier=None,
                zaak=None,
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
        DossierRecord(DOSSIER_29517, "29517", None, None, "2025-10-03T10:00:00.0000000Z", False),
        DossierRecord(
            DOSSIER_36600_VI,
            "36600",
            "VI",
            "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid",
            "2025-10-03T10:00:00.0000020Z",
            False,
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

    assert [e.document.document_nummer for e in first.entries] == ["2025D00000", "2025D00001"]
    assert (first.next_skiptoken, first.has_more) == (3, True)
    assert [
        (e.document.document_nummer, e.document.content_type, e.document.content_length) for e in second.entries
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
        document=DocumentRecord(
            DOC_GUID, "2025-10-03T10:00:00.0000020Z", True, None, None, None, None, None, None, None, None, None, (), ()
        ),
        dossier=None,
        zaak=None,
    )


LIVE_PAGE = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">SyncFeed</title>
  <link rel="self" href="{BASE}/Feed?category=Document&amp;skiptoken=20127000"/>
  <link rel="next" href="{BASE}/Feed?skiptoken=20127222&amp;category=Document"/>
  <entry>
    <title>3f2504e0-4f89-41d3-9a0c-0305e82c3301</title>
    <id>{BASE}/Entiteiten/3f2504e0-4f89-41d3-9a0c-0305e82c3301</id>
    <author><name>Tweede Kamer der Staten-Generaal</name></author>
    <updated>2025-10-03T14:02:11.1234567Z</updated>
    <category term="document"/>
    <link rel="next" href="{BASE}/Feed?skiptoken=20127221&amp;category=Document"/>
    <link rel="enclosure" href="{BASE}/Resources/3f2504e0-4f89-41d3-9a0c-0305e82c3301"/>
    <content type="application/xml">
      <document {TK} {XSI} id="3f2504e0-4f89-41d3-9a0c-0305e82c3301"
          tk:bijgewerkt="2025-10-03T16:01:58.5570000" tk:verwijderd="false"
          tk:contentType="application/pdf" tk:contentLength="482113">
        <huidigeDocumentVersie ref="9b2c6a1e-1111-4222-8333-444455556666"/>
        <zaak ref="aa11bb22-cc33-4d44-8e55-ff6677889900"/>
        <zaak ref="bb11bb22-cc33-4d44-8e55-ff6677889900"/>
        <kamerstukdossier ref="5e0f5c55-6d1c-4d7c-9f0e-2b8a1c3d4e5f"/>
        <soort>Brief regering</soort>
        <documentNummer>2025D43420</documentNummer>
        <titel>Rampenbestrijding</titel>
        <onderwerp>Verzamelbrief brandweer, crisisbeheersing en meldkamers</onderwerp>
        <datum>2025-10-03T00:00:00</datum>
        <volgnummer>264</volgnummer>
        <vergaderjaar>2025-2026</vergaderjaar>
        <kamer>2</kamer>
        <citeertitel xsi:nil="true"/>
      </document>
    </content>
  </entry>
  <entry>
    <title>aa11bb22-cc33-4d44-8e55-ff6677889900</title>
    <id>{BASE}/Entiteiten/aa11bb22-cc33-4d44-8e55-ff6677889900</id>
    <updated>2025-10-03T14:02:12Z</updated>
    <category term="zaak"/>
    <link rel="next" href="{BASE}/Feed?skiptoken=20127222&amp;category=Document"/>
    <content type="application/xml">
      <zaak {TK} id="aa11bb22-cc33-4d44-8e55-ff6677889900" tk:bijgewerkt="2025-10-03T16:00:00Z" tk:verwijderd="False">
        <kamerstukdossier ref="5e0f5c55-6d1c-4d7c-9f0e-2b8a1c3d4e5f"/>
        <nummer>2025Z18704</nummer>
        <soort>Brief regering</soort>
        <onderwerp>Verzamelbrief brandweer</onderwerp>
      </zaak>
    </content>
  </entry>
</feed>
""".encode()


def test_hand_written_live_shaped_page():
    page = parse_feed_page(LIVE_PAGE)

    assert (page.next_skiptoken, page.has_more) == (20127222, True)
    document, zaak = page.entries
    assert document.enclosure_url == f"{BASE}/Resources/3f2504e0-4f89-41d3-9a0c-0305e82c3301"
    assert document.document == DocumentRecord(
        id="3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        bijgewerkt="2025-10-03T16:01:58.5570000",
        deleted=False,
        content_type="application/pdf",
        content_length=482113,
        soort="Brief regering",
        document_nummer="2025D43420",
        titel="Rampenbestrijding",
        onderwerp="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
        datum="2025-10-03",
        volgnummer=264,
        vergaderjaar="2025-2026",
        kamerstukdossier_ids=("5e0f5c55-6d1c-4d7c-9f0e-2b8a1c3d4e5f",),
        zaak_ids=("aa11bb22-cc33-4d44-8e55-ff6677889900", "bb11bb22-cc33-4d44-8e55-ff6677889900"),
    )
    assert zaak == FeedEntry(
        guid="aa11bb22-cc33-4d44-8e55-ff6677889900",
        updated="2025-10-03T14:02:12Z",
        category="zaak",
        enclosure_url=None,
        deleted=False,
        document=None,
        dossier=None,
        zaak=ZaakRecord(
            id="aa11bb22-cc33-4d44-8e55-ff6677889900",
            nummer="2025Z18704",
            soort="Brief regering",
            onderwerp="Verzamelbrief brandweer",
            kamerstukdossier_ids=("5e0f5c55-6d1c-4d7c-9f0e-2b8a1c3d4e5f",),
            bijgewerkt="2025-10-03T16:00:00Z",
            deleted=False,
        ),
    )


def test_recorded_entries_with_namespaces_restored():
    page = parse_feed_page(
        feed_of(
            renamespaced_entry("wetsuite_entry_kamerstukdossier_30218.nsstripped.xml"),
            renamespaced_entry("wetsuite_entry_fractieZetelPersoon.nsstripped.xml"),
        )
    )

    assert page == FeedPage(
        entries=(
            FeedEntry(
                guid="1f031e16-cb3b-45b5-b3c9-a8abd27c913a",
                updated="2019-06-28T20:34:35.1495901Z",
                category="kamerstukdossier",
                enclosure_url=None,
                deleted=False,
                document=None,
                dossier=DossierRecord(
                    id="1f031e16-cb3b-45b5-b3c9-a8abd27c913a",
                    nummer="30218",
                    toevoeging=None,
                    titel="Wijziging van de Wet ruimtelijke ordening inzake de grondexploitatie",
                    bijgewerkt="2008-08-26T12:13:04.6270000",
                    deleted=False,
                ),
                zaak=None,
            ),
            FeedEntry(
                guid="808fcd50-a0dc-4f60-8b9d-c404a2eb5b2e",
                updated="2023-08-29T13:23:13Z",
                category="fractieZetelPersoon",
                enclosure_url=None,
                deleted=False,
                document=None,
                dossier=None,
                zaak=None,
            ),
        ),
        next_skiptoken=16687327,  # the last entry's own next link: there is no feed-level one
        has_more=False,
    )


def deleted_entry(guid: str, bijgewerkt: str, updated: str, skiptoken: int) -> str:
    """A deleted Document placeholder as the live feed sends it (recorded in syncfeed/wetsuite_entry_dicts.txt)."""
    return f"""<entry><title>{guid}</title><id>{BASE}/Entiteiten/{guid}</id><updated>{updated}</updated>
      <category term="document"/><link rel="next" href="{BASE}/Feed?skiptoken={skiptoken}&amp;category=Document"/>
      <content type="application/xml"><document {TK} id="{guid}" tk:bijgewerkt="{bijgewerkt}" tk:verwijderd="true"/>
      </content></entry>"""


def test_recorded_deleted_placeholders():
    body = (
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        + deleted_entry(
            "d1bd5ec5-72fb-4702-8115-b6d24b552cdb", "2019-07-03T15:32:12.6700000", "2019-07-03T13:33:10Z", 7
        )
        + deleted_entry(
            "3f75d7c1-379e-4241-9f82-539d244887ff", "2019-07-03T15:33:02.7970000", "2019-07-03T13:33:10Z", 8
        )
        + "</feed>"
    ).encode()

    page = parse_feed_page(body)

    assert [(e.guid, e.deleted, e.enclosure_url, e.document.bijgewerkt, e.document.soort) for e in page.entries] == [
        ("d1bd5ec5-72fb-4702-8115-b6d24b552cdb", True, None, "2019-07-03T15:32:12.6700000", None),
        ("3f75d7c1-379e-4241-9f82-539d244887ff", True, None, "2019-07-03T15:33:02.7970000", None),
    ]
    assert (page.next_skiptoken, page.has_more) == (8, False)


def test_unqualified_attributes_and_capitalised_booleans_are_read():
    entity = f'<document {TK} id="{DOC_GUID}" bijgewerkt="2026-04-26T00:00:00Z" verwijderd="True"/>'.encode()

    assert parse_entity(entity) == DocumentRecord(
        DOC_GUID, "2026-04-26T00:00:00Z", True, None, None, None, None, None, None, None, None, None, (), ()
    )


def test_unknown_entity_kind_gives_no_record():
    entity = f'<persoon {TK} id="{DOC_GUID}" tk:bijgewerkt="2026-04-26T00:00:00Z" tk:verwijderd="false"/>'.encode()

    assert parse_entity(entity) is None


def page_with(entity: str, *, links: str | None = None, title: str = DOC_GUID) -> bytes:
    links = links if links is not None else f'<link rel="next" href="{BASE}/Feed?category=Document&amp;skiptoken=5"/>'
    return (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>{title}</title><updated>2025-10-03T10:00:00Z</updated>'
        f'<category term="document"/>{links}<content type="application/xml">{entity}</content></entry></feed>'
    ).encode()


GOOD_ENTITY = f'<document {TK} id="{DOC_GUID}" tk:bijgewerkt="2025-10-03T10:00:00Z" tk:verwijderd="false">'


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "de feedpagina is leeg"),
        (b"   \n", "de feedpagina is leeg"),
        (b"<html><body>Service Unavailable</body></html>", "de pagina is geen Atom-feed: het hoofdelement is <html>"),
        (
            b'<feed xmlns="urn:other"/>',
            "de pagina is geen Atom-feed: het hoofdelement is <feed xmlns='urn:other'>",
        ),
        (
            b'<rss xmlns="http://www.w3.org/2005/Atom"/>',
            "de pagina is geen Atom-feed: het hoofdelement is <rss xmlns='http://www.w3.org/2005/Atom'>",
        ),
        (page_with(GOOD_ENTITY + "</document>", title=""), "entry 1 heeft geen <title>"),
        (page_with(GOOD_ENTITY + "</document>", links=""), 'entry 1 (%s) heeft geen <link rel="next"> met skiptoken'),
        (
            page_with(GOOD_ENTITY + "</document>", links=f'<link rel="next" href="{BASE}/Feed?category=Document"/>'),
            'de <link rel="next"> van entry 1 (%s) bevat geen numeriek skiptoken: '
            "'https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document'",
        ),
        (
            page_with(GOOD_ENTITY + "</document>").replace(b"<updated>2025-10-03T10:00:00Z</updated>", b""),
            "entry 1 (%s) heeft geen <updated>",
        ),
        (
            page_with(GOOD_ENTITY + "</document>").replace(b'<category term="document"/>', b""),
            "entry 1 (%s) heeft geen <category term=...>",
        ),
        (
            page_with(GOOD_ENTITY + "</document>")
            .replace(b"</content>", b"")
            .replace(b'<content type="application/xml">', b""),
            "entry 1 (%s) heeft geen <content>",
        ),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><link rel="next" href="https://example.org/Feed?category=Document"/>'
            + page_with(GOOD_ENTITY + "</document>")[len(b'<feed xmlns="http://www.w3.org/2005/Atom">') :],
            "de <link rel=\"next\"> van de feed bevat geen numeriek skiptoken: 'https://example.org/Feed?category=Document'",
        ),
        (page_with(""), "entry 1 (%s) hoort in <content> precies één entiteit te bevatten, maar bevat er 0"),
        (
            page_with(GOOD_ENTITY + "</document>" + GOOD_ENTITY + "</document>"),
            "entry 1 (%s) hoort in <content> precies één entiteit te bevatten, maar bevat er 2",
        ),
        (
            page_with(f'<document {TK} tk:bijgewerkt="2025-10-03T10:00:00Z" tk:verwijderd="false"/>'),
            "een <document> heeft geen attribuut id",
        ),
        (
            page_with(f'<document {TK} id="{DOC_GUID}" tk:verwijderd="false"/>'),
            f"<document> {DOC_GUID} heeft geen attribuut bijgewerkt",
        ),
        (
            page_with(f'<document {TK} id="{DOC_GUID}" tk:bijgewerkt="2025-10-03T10:00:00Z" tk:verwijderd="maybe"/>'),
            f"het attribuut verwijderd van {DOC_GUID} moet true of false zijn, niet 'maybe'",
        ),
        (
            page_with(f'<document {TK} id="{DOC_GUID}" tk:bijgewerkt="2025-10-03T10:00:00Z"/>'),
            f"<document> {DOC_GUID} heeft geen attribuut verwijderd",
        ),
        (
            page_with(GOOD_ENTITY + "<volgnummer>264a</volgnummer></document>"),
            f"volgnummer van {DOC_GUID} is geen geheel getal: '264a'",
        ),
        (
            page_with(
                f'<document {TK} id="{DOC_GUID}" tk:bijgewerkt="2025-10-03T10:00:00Z" tk:verwijderd="false" '
                'tk:contentLength="lots"/>'
            ),
            f"contentLength van {DOC_GUID} is geen geheel getal: 'lots'",
        ),
    ],
)
def test_broken_pages_raise_feed_error_with_a_reason(body, reason):
    with pytest.raises(FeedError) as caught:
        parse_feed_page(body)

    assert caught.value.reason == reason.replace("%s", DOC_GUID)
    assert str(caught.value) == caught.value.reason


@pytest.mark.parametrize(
    "body",
    [
        b"not xml at all",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
        b"\x00\x01\x02",
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>&undefined;</entry></feed>',
    ],
)
def test_not_well_formed_raises_feed_error_not_an_lxml_error(body):
    with pytest.raises(FeedError) as caught:
        parse_feed_page(body)

    assert caught.value.reason.startswith("de feedpagina is geen goed gevormde XML: ")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__ is True


def test_an_empty_entity_is_refused_with_its_own_name():
    with pytest.raises(FeedError) as caught:
        parse_entity(b"  ")

    assert caught.value.reason == "de entiteit is leeg"


def test_bytes_are_required():
    with pytest.raises(FeedError) as caught:
        parse_feed_page('<feed xmlns="http://www.w3.org/2005/Atom"/>')

    assert caught.value.reason == "de feedpagina moet bytes zijn, geen str"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE feed [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol3;</title></feed>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></feed>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE feed SYSTEM "http://example.invalid/feed.dtd">
<feed xmlns="http://www.w3.org/2005/Atom"/>"""

PLAIN_DOCTYPE = b'<!DOCTYPE feed><feed xmlns="http://www.w3.org/2005/Atom"/>'


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PLAIN_DOCTYPE])
def test_a_dtd_is_refused(body):
    with pytest.raises(FeedError) as caught:
        parse_feed_page(body)

    assert caught.value.reason == "de feedpagina bevat een DTD (<!DOCTYPE ...>); uit veiligheid geweigerd"


def test_empty_feed_has_no_next_skiptoken():
    assert parse_feed_page(b'<feed xmlns="http://www.w3.org/2005/Atom"/>') == FeedPage((), None, False)
