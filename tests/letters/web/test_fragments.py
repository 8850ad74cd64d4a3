"""Cached parts of pages (letters.web.fragments): served again only while the database has not
changed, the same HTML as rendering them, never another user's CSRF token or permissions."""

import re

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Motion
from letters.importing.store import import_letter
from letters.models import Letter, Source, Topic
from letters.web import fragments
from tests.conftest import SEED, make_user
from tkdossiers.roles import CLERKS, POLICY_STAFF

QUEUE = "/moties/wachtrij/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def quiet_database(monkeypatch):
    """The database as nobody else writes to it: one state until the test says otherwise (the
    PostgreSQL server of the test run is shared with other databases, whose writes change it)."""
    state = {"now": "quiet"}
    monkeypatch.setattr(fragments, "_read_state", lambda: state["now"])
    return state


@pytest.fixture
def seed(db):
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)


def client_of(username, group):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(username, group))
    return client


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, response.content.decode(), len(queries)


def without_tokens(html: str) -> str:
    return re.sub(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]+', r"\1-", html)


def pages(seed_letter_pk, dossier="29517"):
    topic = Topic.objects.filter(passage_count__gt=0).order_by("name").first() or Topic.objects.first()
    return [
        "/",
        f"/brieven/{seed_letter_pk}/",
        f"/dossiers/{dossier}/",
        "/zoeken/?q=meldkamer",
        QUEUE,
        topic.get_absolute_url(),
    ]


def test_a_page_from_the_cache_is_the_page_rendered_with_fewer_queries(seed, quiet_database, settings):
    clerk = client_of("griffie", CLERKS)
    letter = Letter.objects.get()
    for url in pages(letter.pk):
        settings.FRAGMENT_CACHE_SECONDS = 0
        rendered = get(clerk, url)
        settings.FRAGMENT_CACHE_SECONDS = 300
        filled, served = get(clerk, url), get(clerk, url)

        assert (served[0], without_tokens(served[1])) == (200, without_tokens(rendered[1])), url
        assert without_tokens(filled[1]) == without_tokens(rendered[1]), url
        assert served[2] < rendered[2], url


def test_a_change_shows_on_the_next_request(seed, quiet_database):
    reader = client_of("beleid", POLICY_STAFF)
    before = get(reader, "/")[1]
    Letter.objects.update(title="Een nieuwe titel")
    quiet_database["now"] = "after-a-write"  # what PostgreSQL's snapshot does when it commits

    after = get(reader, "/")[1]

    assert ("Een nieuwe titel" in before, "Een nieuwe titel" in after) == (False, True)


def test_each_clerk_gets_a_token_of_their_own_that_the_site_accepts(seed, quiet_database):
    first, second = client_of("griffie", CLERKS), client_of("griffie2", CLERKS)
    first_page, second_page = get(first, QUEUE)[1], get(second, QUEUE)[1]
    waiting = Motion.objects.awaiting_review().order_by("updated_at", "id").first()

    token = TOKEN.search(second_page).group(1)
    response = second.post(
        reverse("motion_action", args=[waiting.pk, "afwijzen"]),
        {"note": "Niet uitgevoerd.", "csrfmiddlewaretoken": token},
    )

    assert fragments.CSRF_PLACEHOLDER not in first_page + second_page
    assert (response.status_code, Motion.objects.get(pk=waiting.pk).declaration_reviewed) == (302, True)


def test_a_reader_never_gets_the_clerks_forms_from_the_cache(seed, quiet_database):
    clerk, reader = client_of("griffie", CLERKS), client_of("beleid", POLICY_STAFF)
    letter = Letter.objects.get()
    for url in (QUEUE, f"/brieven/{letter.pk}/"):
        clerk_page, reader_page = get(clerk, url)[1], get(reader, url)[1]

        assert ("csrfmiddlewaretoken" in clerk_page.split("<main")[1], "Onderwerpen corrigeren" in reader_page) == (
            True,
            False,
        ), url


def test_the_state_changes_when_another_connection_commits_a_write(transactional_db):
    before = fragments._read_state()
    params = connection.get_connection_params()
    with psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"}, autocommit=True) as other:
        other.execute("SELECT pg_current_xact_id()")  # a transaction that writes: it takes an id

    assert (before is not None, fragments._read_state() != before) == (True, True)


def test_a_transaction_that_wrote_neither_reads_nor_stores_fragments(seed):
    assert fragments._read_state() is None  # the test's transaction imported the seed


def test_nothing_is_cached_when_switched_off(transactional_db, settings, rf):
    settings.FRAGMENT_CACHE_SECONDS = 0
    assert (fragments._read_state() is not None, fragments.data_state(rf.get("/"))) == (True, None)


def test_permissions_are_remembered_until_the_data_changes(seed, quiet_database):
    user = make_user("wisselt", CLERKS)
    client = Client()
    client.force_login(user)
    as_clerk = get(client, QUEUE)
    user.groups.set([Group.objects.get(name=POLICY_STAFF)])
    remembered = get(client, QUEUE)
    quiet_database["now"] = "after-the-change"

    changed = get(client, QUEUE)

    assert ["Afgedaan bevestigen" in page[1] for page in (as_clerk, remembered, changed)] == [True, True, False]
    assert remembered[2] == 2  # the session and the user: no permissions, no cards
