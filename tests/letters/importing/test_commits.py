"""Bulk imports (the command, the sync's fetches) commit without waiting for the disk; uploads wait."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kamer import sync
from kamer.tk.client import TKClient
from letters.importing import fetching
from letters.importing.store import Outcome, import_letter
from letters.models import Source
from tests.conftest import SEED
from tests.kamer.fake_server import FakeTK

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's"),
]


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.parametrize(("source", "setting"), [(Source.COMMAND, "off"), (Source.SYNC, "off"), (Source.UPLOAD, "on")])
def test_only_an_upload_waits_for_its_commit_to_reach_the_disk(source, setting):
    # The test's transaction holds the import's (a savepoint), so its setting is still in force.
    with CaptureQueriesContext(connection) as queries:
        result = import_letter(content=SEED.read_bytes(), filename=SEED.name, source=source)

    assert result.outcome == Outcome.IMPORTED
    assert synchronous_commit() == setting
    setting_statements = [query["sql"] for query in queries if "synchronous_commit" in query["sql"]]
    assert [sql.startswith("SELECT -1, count(pg_advisory_xact_lock") for sql in setting_statements] == (
        [True] if setting == "off" else []
    )  # set in the statement that takes the locks and keys: no round trip of its own


class RecordingClient(TKClient):
    """The fake Kamer's client, noting the connection's setting while the letter downloads."""

    seen: list[str] = []

    def download(self, url):
        self.seen.append(synchronous_commit())
        return super().download(url)


def test_a_fetch_commits_without_waiting_and_leaves_the_connection_as_it_was():
    with FakeTK(page_size=3) as tk:
        tk.publish_document(content=SEED.read_bytes(), document_nummer="2025D43420", titel="Verzamelbrief")
        client = RecordingClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)
        sync.run(client=client)
        before = synchronous_commit()

        statuses = [fetching.fetch(fetch_id, client=client) for fetch_id in fetching.queue_changed()]

    assert statuses == ["imported"]
    assert (before, client.seen, synchronous_commit()) == ("on", ["off"], "on")
