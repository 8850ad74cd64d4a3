"""Following, changing and unfollowing, and making a secret address, ask a permission that the three
roles hold (alerts.migrations.0004_monitor_roles); a logged-in user without a role may only read."""

import pytest
from django.urls import reverse

from alerts import services
from alerts.models import FeedToken, Monitor
from tests.alerts.helpers import follow_topic, follower
from tests.letters.web.test_views import text_of
from tkdossiers.roles import ADMINS, CLERKS, POLICY_STAFF

pytestmark = pytest.mark.django_db
REFUSED = "Geen toegang Met uw account (lezer) mag u deze pagina niet openen."


@pytest.fixture
def roleless(client):
    user = follower("lezer")
    client.force_login(user)
    client.user = user
    return client


def _state():
    monitors = Monitor.objects.order_by("pk").values_list("user_id", "kind", "frequency", "feed_token_hash")
    return list(monitors), list(FeedToken.objects.values_list("user_id", "token_hash"))


def test_without_a_role_following_is_refused_with_the_dutch_page(roleless):
    page = roleless.get(reverse("monitor_create"), {"soort": "topic"})
    sent = roleless.post(reverse("monitor_create"), {"kind": "topic", "topic": "c2000-en-vmx", "frequency": "daily"})

    assert (page.status_code, sent.status_code) == (403, 403)
    assert REFUSED in text_of(sent)
    assert Monitor.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("monitor_update", lambda pk: {f"m{pk}-frequency": "weekly"}),
        ("monitor_delete", lambda pk: {}),
        ("monitor_feed_renew", lambda pk: {}),
    ],
)
def test_without_a_role_a_monitor_is_neither_changed_nor_stopped(roleless, name, data):
    monitor = follow_topic(roleless.user)
    services.renew_monitor_feed_token(monitor=monitor)
    before = _state()

    response = roleless.post(reverse(name, args=[monitor.pk]), data(monitor.pk))

    assert (response.status_code, REFUSED in text_of(response)) == (403, True)
    assert _state() == before


def test_without_a_role_no_calendar_address_is_made(roleless):
    response = roleless.post(reverse("calendar_renew"))

    assert (response.status_code, REFUSED in text_of(response)) == (403, True)
    assert FeedToken.objects.count() == 0


@pytest.mark.parametrize("group", [POLICY_STAFF, CLERKS, ADMINS])
def test_every_role_may_follow_change_unfollow_and_make_addresses(client, group):
    user = follower("rol", group)
    client.force_login(user)

    client.post(reverse("monitor_create"), {"kind": "topic", "topic": "c2000-en-vmx", "frequency": "daily"})
    monitor = Monitor.objects.get(user=user)
    client.post(reverse("monitor_update", args=[monitor.pk]), {f"m{monitor.pk}-frequency": "weekly"})
    changed = Monitor.objects.get(pk=monitor.pk).frequency
    calendar = client.post(reverse("calendar_renew"))
    feed = client.post(reverse("monitor_feed_renew", args=[monitor.pk]))
    client.post(reverse("monitor_delete", args=[monitor.pk]))

    assert (changed, calendar.status_code, feed.status_code) == ("weekly", 200, 200)
    assert FeedToken.objects.filter(user=user).count() == 1
    assert not Monitor.objects.filter(pk=monitor.pk).exists()
