"""Broken SyncFeed input: every malformed page or entity raises FeedError with a reason, never an lxml error."""

import pytest

from kamer.tk.feed import FeedError, parse_entity, parse_feed_page
from tests.kamer.tk.helpers import BASE, DOC_GUID, TK


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
            f"volgnummer van <document> {DOC_GUID} is geen geheel getal: '264a'",
        ),
        (
            page_with(
                f'<document {TK} id="{DOC_GUID}" tk:bijgewerkt="2025-10-03T10:00:00Z" tk:verwijderd="false" '
                'tk:contentLength="lots"/>'
            ),
            f"contentLength van <document> {DOC_GUID} is geen geheel getal: 'lots'",
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
