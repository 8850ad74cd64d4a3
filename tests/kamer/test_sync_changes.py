"""What a sync changed reaches the hooks (settings.KAMER_SYNC_HOOKS) even when the run that stored
it stopped before them: each page keeps its changes (SyncChange) until the hooks have run.

The hook observed here is letters.importing.counts.after_sync: a kamerstuk takes its vergaderjaar
from the Kamer's record of it as soon as that record is mirrored and the hooks have run."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from kamer import sync
from kamer.models import Document, Kamerstukdossier, SyncChange
from kamer.tasks import sync_feed
from kamer.tk.client import TKClient
from letters.importing.store import import_letter
from letters.models import Source
from tests.docx_builder import letter_citing
from tests.kamer.fake_server import FakeTK
from tkdossiers.models import Kamerstuk

pytestmark = pytest.mark.django_db


class HookFailed(Exception):
    pass


def failing_hook(report):
    raise HookFailed("a hook that fails after the pages were stored")


@pytest.fixture
def tk(settings):
    with FakeTK(page_size=3) as fake:
        settings.TK_BASE_URL, settings.TK_PAGE_PAUSE = fake.base_url, 0
        yield fake


@pytest.fixture
def tk_client(tk):
    return TKClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)


@pytest.fixture
def cited():
    """A letter citing 29517 nr. 264 as of 2024/25; the Kamer's record (published below) says 2023-2024."""
    content = letter_citing("Voortgang meldkamers", "3 oktober 2025", ["Kamerstukken II 2024/25, 29 517, nr. 264"])
    import_letter(content=content, filename="brief.docx", source=Source.COMMAND)
    assert year_of_264() == "2024/25"


def year_of_264() -> str:
    return Kamerstuk.objects.get(dossier__number="29517", number="264").vergaderjaar


def publish_record(tk) -> str:
    return tk.publish_document(
        content=b"PK fake docx", document_nummer="2024D01264", titel="Brief", volgnummer=264, vergaderjaar="2023-2024"
    )


def test_changes_a_run_stored_before_it_stopped_reach_the_next_runs_hooks(tk, tk_client, cited):
    guid = publish_record(tk)
    sync.run(client=tk_client)  # the pages are stored; the worker dies before its hooks
    assert year_of_264() == "2024/25"

    result = sync_feed()  # the next beat: nothing new in the feed, the hooks run on what was left

    assert (result["entries"], year_of_264()) == (0, "2023/24")
    assert SyncChange.objects.count() == 0
    assert Document.objects.get(guid=guid).volgnummer == 264


def test_a_hook_that_fails_leaves_every_change_for_the_next_run(tk, tk_client, cited, settings, clerk_client):
    guid = publish_record(tk)
    hooks = settings.KAMER_SYNC_HOOKS
    settings.KAMER_SYNC_HOOKS = [*hooks, f"{__name__}.failing_hook"]
    with pytest.raises(HookFailed):
        sync.run_hooks(sync.run(client=tk_client))
    dossier = Kamerstukdossier.objects.get(number="29517").guid
    assert sorted(SyncChange.objects.values_list("category", "guid")) == [
        ("Document", guid),
        ("Kamerstukdossier", dossier),
    ]
    page = re.sub(r"\s+", " ", clerk_client.get(reverse("sync_state")).content.decode())
    assert "2 wijzigingen uit de open data wachten nog op verwerking" in page

    settings.KAMER_SYNC_HOOKS = hooks
    given = sync.run_hooks(sync.run(client=tk_client))

    assert (given.entries, given.changed) == (0, {"Kamerstukdossier": [dossier], "Document": [guid]})
    assert given.changed_documents == [Document.objects.get(guid=guid).pk]
    assert (year_of_264(), SyncChange.objects.count()) == ("2023/24", 0)
    assert "wachten nog op verwerking" not in clerk_client.get(reverse("sync_state")).content.decode()


def test_changes_the_hooks_have_seen_are_not_given_again(tk, tk_client):
    guid = publish_record(tk)
    first = sync.run_hooks(sync.run(client=tk_client))
    assert first.changed["Document"] == [guid]

    again = sync.run_hooks(sync.run(client=tk_client))

    assert (again.changed, again.changed_documents) == ({}, [])


def test_the_sync_command_runs_the_hooks_too(tk, cited):
    publish_record(tk)

    call_command("sync_tk", "--once", stdout=io.StringIO(), stderr=io.StringIO())

    assert (year_of_264(), SyncChange.objects.count()) == ("2023/24", 0)
