"""The secret addresses of the personal calendar and of each monitor's Atom feed: only a hash of
their token is stored, the address is shown once, renewing ends the old one."""

import datetime
import hashlib
import re

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from alerts import services
from alerts.models import FeedToken, Monitor
from tests.alerts.helpers import follow_topic, follower, import_seed
from tests.alerts.test_feeds import entries, events
from tkdossiers.roles import POLICY_STAFF

pytestmark = pytest.mark.django_db
ADDRESS = re.compile(r'<p class="card"><code>http://testserver(/meldingen/[^<]+)</code></p>')


@pytest.fixture
def reader(client):
    user = follower("lezer", POLICY_STAFF)
    client.force_login(user)
    client.user = user
    return client


def new_address(client, url) -> str:
    """POST to make an address; the path the page shows (once)."""
    response = client.post(url)
    assert response["Cache-Control"] == "private, no-store"
    (path,) = ADDRESS.findall(response.content.decode())
    return path


def token_of(path: str) -> str:
    return path.rstrip("/").removesuffix(".ics").rsplit("/", 1)[1]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def stored_text() -> str:
    """Every value of every row of every table of the project's models, as one text."""
    return "\n".join(str(row) for model in apps.get_models() for row in model.objects.values_list())


def test_the_calendar_address_is_shown_once_and_works_without_a_login(reader):
    import_seed(1)
    page = reader.get(reverse("monitor_list")).content.decode()
    assert "U heeft nog geen agenda-adres." in page and not re.search(r"/meldingen/agenda/(?!vernieuwen/)", page)

    response = reader.post(reverse("calendar_renew"))
    path = ADDRESS.findall(response.content.decode())[0]

    assert "U ziet dit adres maar één keer." in response.content.decode()
    assert "Het vorige adres werkt niet meer." not in response.content.decode()
    page = reader.get(reverse("monitor_list")).content.decode()
    assert path not in page and "Uw agenda-adres is gemaakt op" in page
    personal = Client().get(path)
    assert [due for _, due in events(personal)] == [datetime.date(2026, 6, 1)]
    assert personal["Cache-Control"] == "private, no-store"


def test_the_database_holds_a_hash_of_the_calendar_token_not_the_token(reader):
    token = token_of(new_address(reader, reverse("calendar_renew")))

    assert FeedToken.objects.get(user=reader.user).token_hash == sha256(token)
    assert token not in stored_text()


@pytest.mark.parametrize("token", ["", "x", "a" * 43])
def test_a_wrong_calendar_token_is_a_404(reader, token):
    new_address(reader, reverse("calendar_renew"))

    assert Client().get(f"/meldingen/agenda/{token}.ics").status_code == 404


def test_the_hash_itself_is_no_calendar_address(reader):
    new_address(reader, reverse("calendar_renew"))
    stored = FeedToken.objects.get().token_hash

    assert Client().get(reverse("personal_calendar", args=[stored])).status_code == 404


def test_renewing_the_calendar_ends_the_old_address(reader):
    old = new_address(reader, reverse("calendar_renew"))

    response = reader.post(reverse("calendar_renew"))

    new = ADDRESS.findall(response.content.decode())[0]
    assert "Het vorige adres werkt niet meer." in response.content.decode()
    assert (Client().get(old).status_code, Client().get(new).status_code) == (404, 200)


def test_an_inactive_users_calendar_is_gone(reader):
    path = new_address(reader, reverse("calendar_renew"))
    reader.user.is_active = False
    reader.user.save()

    assert Client().get(path).status_code == 404


def test_a_monitors_feed_address_works_without_a_login_for_that_monitor_only(reader):
    import_seed(1)
    mine = follow_topic(reader.user)
    services.follow(user=reader.user, kind="ministerie", frequency="daily", ministerie="Financiën")

    path = new_address(reader, reverse("monitor_feed_renew", args=[mine.pk]))

    response = Client().get(path)
    assert response["Cache-Control"] == "private, no-store"
    assert len(entries(response)) == 5
    body = response.content.decode()
    assert "<title>TK Dossiers · onderwerp C2000 en VMX (missiekritische communicatie)</title>" in body
    assert "Financiën" not in body
    assert Monitor.objects.get(pk=mine.pk).feed_token_hash == sha256(token_of(path))
    assert token_of(path) not in stored_text()


def test_renewing_a_monitors_feed_address_ends_the_old_one(reader):
    monitor = follow_topic(reader.user)
    old = new_address(reader, reverse("monitor_feed_renew", args=[monitor.pk]))

    response = reader.post(reverse("monitor_feed_renew", args=[monitor.pk]))

    new = ADDRESS.findall(response.content.decode())[0]
    assert "Het vorige adres werkt niet meer." in response.content.decode()
    assert (Client().get(old).status_code, Client().get(new).status_code) == (404, 200)


@pytest.mark.parametrize("token", ["x", "a" * 43])
def test_a_wrong_feed_token_is_a_404(reader, token):
    new_address(reader, reverse("monitor_feed_renew", args=[follow_topic(reader.user).pk]))

    assert Client().get(reverse("monitor_feed", args=[token])).status_code == 404


def test_another_users_monitor_gets_no_address_from_me(reader):
    theirs = follow_topic(follower("ander"))

    response = reader.post(reverse("monitor_feed_renew", args=[theirs.pk]))

    assert response.status_code == 404
    assert Monitor.objects.get(pk=theirs.pk).feed_token_hash is None


def test_a_stopped_monitors_feed_address_is_gone(reader):
    monitor = follow_topic(reader.user)
    path = new_address(reader, reverse("monitor_feed_renew", args=[monitor.pk]))

    services.unfollow(monitor=monitor)

    assert Client().get(path).status_code == 404


def test_an_inactive_users_feed_is_gone(reader):
    path = new_address(reader, reverse("monitor_feed_renew", args=[follow_topic(reader.user).pk]))
    reader.user.is_active = False
    reader.user.save()

    assert Client().get(path).status_code == 404


@pytest.mark.parametrize("name", ["calendar_renew", "monitor_feed_renew"])
def test_making_an_address_needs_the_csrf_token(name):
    user = follower("beleid")
    monitor = follow_topic(user)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(reverse(name, args=[monitor.pk] if name == "monitor_feed_renew" else []))

    assert response.status_code == 403
    assert (FeedToken.objects.exists(), Monitor.objects.get().feed_token_hash) == (False, None)


@pytest.mark.django_db(transaction=True)
def test_the_migration_hashes_a_token_in_place_and_its_address_keeps_working():
    executor = MigrationExecutor(connection)
    before = [("alerts", "0002_roles")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("auth", "User").objects.create(username="oud", is_active=True)
    old.get_model("alerts", "FeedToken").objects.create(user_id=user.pk, token="an-address-in-use")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert FeedToken.objects.get().token_hash == sha256("an-address-in-use")
    response = Client().get(reverse("personal_calendar", args=["an-address-in-use"]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
