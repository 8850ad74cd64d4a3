"""Parsing entities as the live feed shapes them: a hand-written live-shaped page, recorded entries, placeholders."""

from datetime import UTC, datetime, timedelta, timezone

from kamer.tk.feed import DocumentRecord, DossierRecord, FeedEntry, FeedPage, ZaakRecord, parse_entity, parse_feed_page
from tests.kamer.recorded import feed_of, renamespaced_entry
from tests.kamer.tk.helpers import BASE, DOC_GUID, TK, XSI

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
        bijgewerkt=datetime(2025, 10, 3, 16, 1, 58, 557000, tzinfo=UTC),  # zone-less: the Kamer writes UTC
        deleted=False,
        content_type="application/pdf",
        content_length=482113,
        huidige_versie_id="9b2c6a1e-1111-4222-8333-444455556666",
        zaak_ids=("aa11bb22-cc33-4d44-8e55-ff6677889900", "bb11bb22-cc33-4d44-8e55-ff6677889900"),
        kamerstukdossier_id="5e0f5c55-6d1c-4d7c-9f0e-2b8a1c3d4e5f",
        soort="Brief regering",
        document_number="2025D43420",
        title="Rampenbestrijding",
        subject="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
        date=datetime(2025, 10, 3).date(),
        volgnummer=264,
        vergaderjaar="2025-2026",
        citeertitel=None,
    )
    assert (document.dossier, document.zaak) == (None, None)
    assert zaak == FeedEntry(
        guid="aa11bb22-cc33-4d44-8e55-ff6677889900",
        updated="2025-10-03T14:02:12Z",
        category="zaak",
        enclosure_url=None,
        deleted=False,
        record=ZaakRecord(
            id="aa11bb22-cc33-4d44-8e55-ff6677889900",
            bijgewerkt=datetime(2025, 10, 3, 16, 0, tzinfo=UTC),
            deleted=False,
            kamerstukdossier_id="5e0f5c55-6d1c-4d7c-9f0e-2b8a1c3d4e5f",
            number="2025Z18704",
            soort="Brief regering",
            subject="Verzamelbrief brandweer",
        ),
    )
    assert (zaak.zaak, zaak.document) == (zaak.record, None)


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
                record=DossierRecord(
                    id="1f031e16-cb3b-45b5-b3c9-a8abd27c913a",
                    bijgewerkt=datetime(2008, 8, 26, 12, 13, 4, 627000, tzinfo=UTC),
                    deleted=False,
                    title="Wijziging van de Wet ruimtelijke ordening inzake de grondexploitatie",
                    citeertitel=None,
                    number="30218",
                    toevoeging=None,
                    hoogste_volgnummer=25,
                    afgesloten=False,
                ),
            ),
            FeedEntry(
                guid="808fcd50-a0dc-4f60-8b9d-c404a2eb5b2e",
                updated="2023-08-29T13:23:13Z",
                category="fractieZetelPersoon",
                enclosure_url=None,
                deleted=False,
                record=None,  # a kind the mirror does not keep
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
        (
            "d1bd5ec5-72fb-4702-8115-b6d24b552cdb",
            True,
            None,
            datetime(2019, 7, 3, 15, 32, 12, 670000, tzinfo=UTC),
            None,
        ),
        ("3f75d7c1-379e-4241-9f82-539d244887ff", True, None, datetime(2019, 7, 3, 15, 33, 2, 797000, tzinfo=UTC), None),
    ]
    assert (page.next_skiptoken, page.has_more) == (8, False)


def test_unqualified_attributes_and_capitalised_booleans_are_read():
    entity = f'<document {TK} id="{DOC_GUID}" bijgewerkt="2026-04-26T00:00:00+02:00" verwijderd="True"/>'.encode()

    assert parse_entity(entity) == DocumentRecord(
        id=DOC_GUID, bijgewerkt=datetime(2026, 4, 26, tzinfo=timezone(timedelta(hours=2))), deleted=True
    )


def test_unknown_entity_kind_gives_no_record():
    entity = f'<fractieZetel {TK} id="{DOC_GUID}" tk:bijgewerkt="2026-04-26T00:00:00Z" tk:verwijderd="false"/>'.encode()

    assert parse_entity(entity) is None
