"""TKClient against the fake Tweede Kamer: paging, retries, timeouts, size limits, headers."""

import socket

import pytest

from kamer.tk.client import DEFAULT_USER_AGENT, Resource, TKClient, TKError
from kamer.tk.feed import FeedError
from tests.kamer.fake_server import DOCX, PDF, FakeTK

GUID = "0f3c2a6e-5b1d-4c8e-9a7f-1e2d3c4b5a60"
FEED = "/SyncFeed/2.0/Feed?category=Document"


class Sleeps(list):
    """Records the pauses the client asks for instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def fake():
    with FakeTK(page_size=2) as server:
        yield server


@pytest.fixture
def sleeps():
    return Sleeps()


def client_for(fake, sleeps, **kwargs):
    return TKClient(fake.base_url, sleep=sleeps, **kwargs)


def publish(fake, n, **kwargs):
    return fake.publish_document(content=b"x" * (n + 1), document_nummer=f"2025D0000{n}", titel="T", **kwargs)


def test_paging_follows_skiptokens_to_the_end(fake, sleeps):
    guids = [publish(fake, n) for n in range(5)]  # dossier 29517 is seq 1; the documents are seq 2..6
    client = client_for(fake, sleeps)

    pages = list(client.pages("Document"))

    assert [[entry.guid for entry in page.entries] for page in pages] == [guids[0:2], guids[2:4], guids[4:5]]
    assert [(page.next_skiptoken, page.has_more) for page in pages] == [(3, True), (5, True), (6, False)]
    assert fake.requests == [
        ("GET", FEED),
        ("GET", FEED + "&skiptoken=3"),
        ("GET", FEED + "&skiptoken=5"),
    ]
    assert sleeps == [0.1, 0.1]  # page_pause before every page after the first


def test_resuming_from_the_stored_skiptoken_sees_only_new_entries(fake, sleeps):
    first = publish(fake, 0)
    publish(fake, 1)
    client = client_for(fake, sleeps)
    stored = list(client.pages("Document"))[-1].next_skiptoken
    fake.publish_new_version(first, b"%PDF-1.7", content_type=PDF)

    pages = list(client.pages("Document", skiptoken=stored))

    assert stored == 3
    assert [(e.guid, e.document.content_type, e.document.content_length) for p in pages for e in p.entries] == [
        (first, PDF, 8)
    ]
    assert pages[-1].next_skiptoken == 4
    assert fake.requests[-1] == ("GET", FEED + "&skiptoken=3")


def test_up_to_date_feed_gives_an_empty_page(fake, sleeps):
    publish(fake, 0)

    page = client_for(fake, sleeps).feed_page("Document", 2)

    assert (page.entries, page.next_skiptoken, page.has_more) == ((), None, False)


def test_a_500_then_success_is_retried(fake, sleeps):
    guid = publish(fake, 0)
    fake.fail_next(1, status=500)

    page = client_for(fake, sleeps).feed_page("Document", None)

    assert [entry.guid for entry in page.entries] == [guid]
    assert fake.requests == [("GET", FEED), ("GET", FEED)]
    assert sleeps == [0.5]


def test_backoff_is_exponential(fake, sleeps):
    publish(fake, 0)
    fake.fail_next(3, status=503)

    client_for(fake, sleeps).feed_page("Document", None)

    assert len(fake.requests) == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_a_429_is_retried(fake, sleeps):
    fake.fail_next(1, status=429)

    page = client_for(fake, sleeps).feed_page("Document", None)

    assert page.entries == ()
    assert len(fake.requests) == 2


def test_persistent_500_gives_up_after_the_retries(fake, sleeps):
    fake.fail_next(10, status=500)

    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps).feed_page("Document", 7)

    url = f"{fake.base_url}{FEED}&skiptoken=7"
    assert (caught.value.retryable, caught.value.status) == (True, 500)
    assert caught.value.reason == f"HTTP 500 voor {url} (opgegeven na 4 pogingen)"
    assert len(fake.requests) == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_without_retries_the_reason_says_one_attempt(fake, sleeps):
    fake.fail_next(1, status=503)

    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps, retries=0).feed_page("Document", None)

    url = f"{fake.base_url}{FEED}"
    assert caught.value.reason == f"HTTP 503 voor {url} (opgegeven na 1 poging)"
    assert sleeps == []


def test_a_404_is_not_retried(fake, sleeps):
    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps).download(GUID)

    url = f"{fake.base_url}/SyncFeed/2.0/Resources/{GUID}"
    assert (caught.value.reason, caught.value.retryable, caught.value.status) == (f"HTTP 404 voor {url}", False, 404)
    assert fake.requests == [("GET", f"/SyncFeed/2.0/Resources/{GUID}")]
    assert sleeps == []


def test_a_4xx_on_the_feed_is_not_retried(fake, sleeps):
    fake.fail_next(2, status=403)

    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps).feed_page("Document", None)

    assert (caught.value.retryable, caught.value.status) == (False, 403)
    assert len(fake.requests) == 1


def test_a_timeout_is_retried_then_succeeds(fake, sleeps):
    guid = publish(fake, 0)
    fake.delay_next(1, 2.0)

    page = client_for(fake, sleeps, timeout=0.2).feed_page("Document", None)

    assert [entry.guid for entry in page.entries] == [guid]
    assert len(fake.requests) == 2
    assert sleeps == [0.5]


def test_timeouts_give_up_retryable_after_the_retries(fake, sleeps):
    fake.delay_next(3, 2.0)

    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps, timeout=0.2, retries=2).feed_page("Document", None)

    url = f"{fake.base_url}{FEED}"
    assert (caught.value.retryable, caught.value.status) == (True, None)
    assert caught.value.reason == f"de Tweede Kamer antwoordde niet binnen 0,2 s: {url} (opgegeven na 3 pogingen)"
    assert len(fake.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_connection_refused_is_retried_and_retryable(sleeps):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = TKClient(f"http://127.0.0.1:{port}", sleep=sleeps, retries=2)

    with pytest.raises(TKError) as caught:
        client.feed_page("Document", None)

    assert (caught.value.retryable, caught.value.status) == (True, None)
    assert caught.value.reason.startswith(
        f"http://127.0.0.1:{port}/SyncFeed/2.0/Feed?category=Document niet bereikbaar: "
    )
    assert caught.value.reason.endswith("(opgegeven na 3 pogingen)")
    assert sleeps == [0.5, 1.0]


def test_a_broken_page_raises_feed_error_and_the_next_try_works(fake, sleeps):
    guid = publish(fake, 0)
    fake.break_next_page()
    client = client_for(fake, sleeps)

    with pytest.raises(FeedError) as caught:
        client.feed_page("Document", None)
    page = client.feed_page("Document", None)

    assert caught.value.reason.startswith("de feedpagina is geen goed gevormde XML: ")
    assert [entry.guid for entry in page.entries] == [guid]
    assert len(fake.requests) == 2


def test_download_by_enclosure_and_by_id(fake, sleeps):
    guid = fake.publish_document(content=b"PK\x03\x04 docx bytes", document_nummer="2025D43420", titel="T")
    client = client_for(fake, sleeps)
    entry = client.feed_page("Document", None).entries[0]

    by_url = client.download(entry.enclosure_url)
    fake.publish_new_version(guid, b"%PDF-1.7 typeset", content_type=PDF)
    by_id = client.download(guid)

    assert by_url == Resource(content=b"PK\x03\x04 docx bytes", content_type=DOCX)
    assert by_id == Resource(content=b"%PDF-1.7 typeset", content_type=PDF)
    assert fake.requests[1:] == [("GET", f"/SyncFeed/2.0/Resources/{guid}")] * 2


def test_oversized_download_is_refused_by_content_length(fake, sleeps):
    guid = fake.publish_document(content=b"x" * 11, document_nummer="2025D43420", titel="T")

    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps, max_bytes=10).download(guid)

    url = f"{fake.base_url}/SyncFeed/2.0/Resources/{guid}"
    assert (caught.value.reason, caught.value.retryable) == (f"{url} is 11 bytes, meer dan de limiet van 10", False)
    assert len(fake.requests) == 1


def test_oversized_download_without_content_length_is_refused_while_reading(fake, sleeps):
    guid = fake.publish_document(content=b"x" * 200_000, document_nummer="2025D43420", titel="T")
    fake.omit_content_length = True

    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps, max_bytes=100_000).download(guid)

    url = f"{fake.base_url}/SyncFeed/2.0/Resources/{guid}"
    assert (caught.value.reason, caught.value.retryable) == (f"{url} is groter dan de limiet van 100000 bytes", False)
    assert len(fake.requests) == 1


def test_a_download_at_the_limit_is_fine_without_content_length(fake, sleeps):
    guid = fake.publish_document(content=b"y" * 10, document_nummer="2025D43420", titel="T")
    fake.omit_content_length = True

    assert client_for(fake, sleeps, max_bytes=10).download(guid) == Resource(b"y" * 10, DOCX)


def test_download_from_another_host_is_refused(fake, sleeps):
    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps).download("https://example.org/SyncFeed/2.0/Resources/" + GUID)

    assert caught.value.retryable is False
    assert caught.value.reason == (
        f"downloaden van een andere server dan {fake.base_url} geweigerd: "
        f"https://example.org/SyncFeed/2.0/Resources/{GUID}"
    )
    assert fake.requests == []


@pytest.mark.parametrize("bad_id", ["../etc/passwd", "", "a b", "x" * 65, "abc\n", "%2e%2e"])
def test_a_bad_resource_id_is_refused(fake, sleeps, bad_id):
    with pytest.raises(TKError) as caught:
        client_for(fake, sleeps).download(bad_id)

    assert (caught.value.reason, caught.value.retryable) == (f"geen geldige document-id: {bad_id!r}", False)
    assert fake.requests == []


def test_the_user_agent_and_accept_headers_are_sent(fake, sleeps):
    client_for(fake, sleeps).feed_page("Document", None)
    client_for(fake, sleeps, user_agent="TKDossiers-test/1.0").feed_page("Document", None)

    assert [headers["user-agent"] for headers in fake.request_headers] == [DEFAULT_USER_AGENT, "TKDossiers-test/1.0"]
    assert DEFAULT_USER_AGENT == "TKDossiers/0.1 (+https://github.com/...)"
    assert fake.request_headers[0]["accept"] == "application/atom+xml, application/xml;q=0.9"


def test_feed_url_shape():
    client = TKClient("https://gegevensmagazijn.tweedekamer.nl/")

    assert (
        client.feed_url("Document", None)
        == "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document"
    )
    assert client.feed_url("Document", 20127222) == (
        "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document&skiptoken=20127222"
    )
    assert client.resource_url(GUID) == f"https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Resources/{GUID}"


@pytest.mark.parametrize("base", ["ftp://example.org", "file:///etc", "gegevensmagazijn.tweedekamer.nl", ""])
def test_base_url_must_be_http(base):
    with pytest.raises(ValueError, match="base_url must be an http"):
        TKClient(base)
