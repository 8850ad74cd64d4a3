"""Two syncs of one category at once (the beat and "Synchroniseer nu"): the stored skiptoken never
moves back to the page the slower one read."""

import threading

import pytest
from django.db import connection, connections

from kamer.models import SyncState
from kamer.sync import SyncReport, sync_category
from kamer.tk.feed import FeedEntry, FeedPage

pytestmark = pytest.mark.django_db(transaction=True)
CATEGORY = "Zaak"
LAST_PAGE = 10


class Feed:
    """Pages 1..10 of one entry each (no record, so nothing is mirrored); the token is the page number.
    `before_first_page`, when set, is waited for before the first page is answered."""

    def __init__(self, before_first_page: threading.Event | None = None):
        self.before_first_page = before_first_page
        self.asked = []

    def feed_page(self, category, token):
        self.asked.append(token)
        if self.before_first_page is not None:
            assert self.before_first_page.wait(30)
            self.before_first_page = None
        number = (token or 0) + 1
        entry = FeedEntry(guid=f"g{number}", updated="", category="x", enclosure_url=None, deleted=False, record=None)
        return FeedPage((entry,), number, has_more=number < LAST_PAGE)


def test_a_sync_that_started_earlier_does_not_set_the_skiptoken_back():
    if connection.vendor != "postgresql":
        pytest.skip("two connections writing at once: PostgreSQL's row locks (SQLite writes one at a time)")
    SyncState.objects.create(category=CATEGORY)
    other_done, failures = threading.Event(), []
    slow = Feed(before_first_page=other_done)

    def slow_sync():  # reads the stored token (none yet), then waits for the Kamer's answer
        try:
            sync_category(CATEGORY, client=slow, report=SyncReport(), max_pages=1)
        except Exception as exc:  # reported by the test, not lost in the thread
            failures.append(repr(exc))
        finally:
            connections["default"].close()

    thread = threading.Thread(target=slow_sync)
    thread.start()
    for _ in range(1000):  # until the slow sync has read the stored token and asked for its page
        if slow.asked:
            break
        thread.join(0.01)
    fast = Feed()
    sync_category(CATEGORY, client=fast, report=SyncReport(), max_pages=20)
    stored_by_fast = SyncState.objects.get(category=CATEGORY).skiptoken
    other_done.set()
    thread.join(30)

    state = SyncState.objects.get(category=CATEGORY)
    assert failures == []
    assert (slow.asked, fast.asked) == ([None], [None, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert (stored_by_fast, state.skiptoken, state.entries_seen) == (LAST_PAGE, LAST_PAGE, LAST_PAGE + 1)


@pytest.mark.parametrize(("stored", "page_token", "kept"), [(None, 1, 1), (3, 4, 4), (5, 4, 5), (None, None, None)])
def test_a_page_stores_its_skiptoken_only_when_it_is_further(stored, page_token, kept):
    SyncState.objects.create(category=CATEGORY, skiptoken=stored)

    class OnePage:
        def feed_page(self, category, token):
            entry = FeedEntry(guid="g", updated="", category="x", enclosure_url=None, deleted=False, record=None)
            return FeedPage((entry,), page_token, has_more=False)

    sync_category(CATEGORY, client=OnePage(), report=SyncReport())

    assert SyncState.objects.get(category=CATEGORY).skiptoken == kept
