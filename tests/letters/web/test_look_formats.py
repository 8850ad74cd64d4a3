"""Issue 15, item 16: Dutch dates, whole words in the table of contents, the sync page in a clerk's
words, a favicon."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from kamer.models import SyncState
from letters.models import FailedImport, LetterVersion, Source
from letters.templatetags.letter_text import short_date, short_datetime
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tests.letters.web.test_views import text_of

pytestmark = pytest.mark.django_db
MOMENT = datetime.datetime(2026, 12, 1, 6, 23, tzinfo=datetime.UTC)  # 07:23 in Amsterdam
LONG_HEADING = (
    "Samenwerking tussen meldkamers, veiligheidsregio en politie bij grote incidenten in het hele land en daarbuiten"
)


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (datetime.date(2025, 10, 3), "3 okt. 2025"),
        (datetime.date(2025, 5, 12), "12 mei 2025"),
        (datetime.date(2024, 3, 1), "1 mrt. 2024"),
        (datetime.date(2024, 6, 30), "30 jun. 2024"),
        (None, ""),
    ],
)
def test_short_date_abbreviates_the_month_as_dutch_does(day, shown):
    assert short_date(day) == shown


def test_short_datetime_is_in_the_sites_time_zone():
    assert short_datetime(MOMENT) == "1 dec. 2026 07:23"


def test_letter_page_dates_its_versions_in_dutch(policy_client, seed_letter):
    LetterVersion.objects.filter(letter=seed_letter).update(imported_at=MOMENT)

    text = text_of(policy_client.get(seed_letter.get_absolute_url()))

    assert "Versie 1 1 dec. 2026 07:23 · Opdrachtregel" in text
    assert "Dec 2026" not in text


def test_failed_imports_are_dated_in_dutch(clerk_client):
    FailedImport.objects.create(filename="kapot.docx", size=3, reason="leeg bestand", source=Source.UPLOAD)
    FailedImport.objects.update(created_at=MOMENT)

    text = text_of(clerk_client.get(reverse("failed_imports")))

    assert "1 dec. 2026 07:23 kapot.docx" in text


def test_contents_cut_a_long_heading_after_a_whole_word(policy_client):
    letter = add(letter_citing("Lang kopje", "12 maart 2024", ["Een voetnoot."], heading=LONG_HEADING), "lang.docx")

    html = policy_client.get(letter.get_absolute_url()).content.decode()

    assert (
        f'<a href="#sectie-0" title="{LONG_HEADING}">'
        "Samenwerking tussen meldkamers, veiligheidsregio en politie bij grote incidenten in het…</a>"
    ) in html


def test_sync_page_shows_a_clerk_no_skiptoken(clerk_client):
    SyncState.objects.create(category="Document", skiptoken=8812345, entries_seen=40, last_run_at=MOMENT)

    text = text_of(clerk_client.get(reverse("sync_state")))

    assert "Categorie Gelezen items Laatste run Laatst gelukt Laatste fout Document 40 1 december 2026 07:23" in text
    assert ("skiptoken" in text.lower(), "8812345" in text) == (False, False)


def test_sync_page_shows_an_admin_how_far_each_category_was_read(client, admin_user):
    SyncState.objects.create(category="Document", skiptoken=8812345, entries_seen=40)
    client.force_login(admin_user)

    text = text_of(client.get(reverse("sync_state")))

    assert "Categorie Gelezen tot (skiptoken) Gelezen items" in text
    assert "Document 8812345 40 nooit nooit" in text


def test_every_page_names_the_favicon(policy_client):
    html = policy_client.get(reverse("home")).content.decode()

    assert f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">' in html
    assert f'<link rel="icon" href="{static("favicon.ico")}" sizes="16x16 32x32 48x48">' in html


def test_favicons_are_an_svg_and_an_ico():
    static = Path(settings.BASE_DIR) / "static"

    assert (static / "favicon.svg").read_text().startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert (static / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # the ICO header
