"""The monitors page, the Volgen buttons, what was sent, and the signed unsubscribe link."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alerts import collect, digests, services
from alerts.mail import unsubscribe_token
from alerts.models import Digest, Monitor
from commitments.models import Motion
from letters.models import Topic
from tests.alerts.helpers import follow_topic, follower, import_seed
from tkdossiers.models import Dossier
from tkdossiers.roles import CLERKS, POLICY_STAFF

pytestmark = pytest.mark.django_db


@pytest.fixture
def user_client(client):
    user = follower("beleid", POLICY_STAFF)
    client.force_login(user)
    client.user = user
    return client


def test_the_monitors_page_needs_a_login(client):
    response = client.get(reverse("monitor_list"))
    assert (response.status_code, response.url) == (302, "/inloggen/?next=/meldingen/")


def test_following_a_topic_from_the_form(user_client):
    response = user_client.post(
        reverse("monitor_create"), {"kind": "topic", "topic": "c2000-en-vmx", "frequency": "weekly"}
    )

    monitor = Monitor.objects.get()
    assert (monitor.user, monitor.kind, monitor.topic.slug, monitor.frequency) == (
        user_client.user,
        "topic",
        "c2000-en-vmx",
        "weekly",
    )
    assert response.url == f"/meldingen/#melding-{monitor.pk}"
    page = user_client.get(reverse("monitor_list")).content.decode()
    assert "onderwerp C2000 en VMX (missiekritische communicatie)" in page
    assert f'href="/meldingen/{monitor.pk}/atom/"' in page


def test_following_a_saved_search_keeps_its_filters_without_the_page(user_client):
    user_client.post(
        reverse("monitor_create"),
        {"kind": "search", "search": "http://testserver/passages/?q=C2000&pagina=3&dossier=", "frequency": "daily"},
    )

    monitor = Monitor.objects.get()
    assert (monitor.listing, monitor.query, monitor.label) == (
        "section",
        "q=C2000",
        "zoekopdracht in passages (q=C2000)",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "search", "search": "/zoeken/?q=x"}, "Plak het adres van een lijst"),
        ({"kind": "search", "search": "/passages/?date_from=gisteren"}, "Voer een geldige datum in."),
        ({"kind": "dossier", "dossier": "99999"}, "Dit dossier kennen we niet"),
        ({"kind": "topic"}, "Kies een onderwerp."),
        ({"kind": "team_due"}, "Selecteer een geldige keuze."),  # not for policy staff
    ],
)
def test_a_form_that_cannot_follow_says_why(user_client, data, message):
    response = user_client.post(reverse("monitor_create"), data | {"frequency": "daily"})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Monitor.objects.exists()


def test_the_griffie_follows_its_team_deadlines(client):
    clerk = follower("griffie", CLERKS)
    client.force_login(clerk)

    client.post(reverse("monitor_create"), {"kind": "team_due", "frequency": "daily"})

    monitor = Monitor.objects.get()
    assert (monitor.team.name, monitor.label) == (CLERKS, "termijnen van team Griffie")


def test_following_twice_changes_how_often_and_makes_one_monitor(user_client):
    for frequency in ("daily", "direct"):
        user_client.post(reverse("monitor_create"), {"kind": "topic", "topic": "c2000-en-vmx", "frequency": frequency})

    assert list(Monitor.objects.values_list("frequency", flat=True)) == ["direct"]


def test_the_follow_button_posts_back_to_the_page(user_client):
    topic = Topic.objects.get(slug="c2000-en-vmx")
    request = RequestFactory().get("/onderwerpen/c2000-en-vmx/")
    request.user = user_client.user
    html = Template('{% load alerts %}{% follow_button "topic" topic %}').render(
        Context({"request": request, "topic": topic, "csrf_token": "t"})
    )
    assert '<input type="hidden" name="topic" value="c2000-en-vmx">' in html
    assert '<input type="hidden" name="next" value="/onderwerpen/c2000-en-vmx/">' in html

    response = user_client.post(
        reverse("monitor_create"),
        {"kind": "topic", "topic": "c2000-en-vmx", "frequency": "daily", "next": "/onderwerpen/c2000-en-vmx/"},
    )

    assert response.url == "/onderwerpen/c2000-en-vmx/"
    html = Template('{% load alerts %}{% follow_button "topic" topic %}').render(
        Context({"request": request, "topic": topic})
    )
    assert "U volgt dit (dagelijks)" in html


def test_next_elsewhere_is_not_followed(user_client):
    response = user_client.post(
        reverse("monitor_create"),
        {"kind": "topic", "topic": "c2000-en-vmx", "frequency": "daily", "next": "https://example.com/"},
    )
    assert response.url.startswith("/meldingen/#melding-")


def test_the_search_button_offers_the_lists_atom_feed(user_client):
    request = RequestFactory().get("/passages/?q=C2000&pagina=2")
    request.user = user_client.user
    html = Template("{% load alerts %}{% follow_search_button %}").render(Context({"request": request}))
    assert '<input type="hidden" name="search" value="/passages/?q=C2000">' in html
    assert 'href="/passages/atom/?q=C2000"' in html


def test_the_register_offers_following_its_search_and_its_feed(user_client):
    from kamer.models import Toezegging

    Toezegging.objects.create(guid="tz-1", number="TZ1", text="Een brief", ministerie="JenV")
    page = user_client.get("/toezeggingenregister/?ministerie=JenV&pagina=1").content.decode()
    assert '<input type="hidden" name="search" value="/toezeggingenregister/?ministerie=JenV">' in page
    assert 'href="/toezeggingenregister.atom?ministerie=JenV"' in page

    user_client.post(
        reverse("monitor_create"),
        {"kind": "search", "search": "/toezeggingenregister/?ministerie=JenV", "frequency": "weekly"},
    )

    monitor = Monitor.objects.get()
    assert (monitor.listing, monitor.query, monitor.label) == (
        "toezegging",
        "ministerie=JenV",
        "zoekopdracht in toezeggingenregister (ministerie=JenV)",
    )


def test_changing_how_often_and_stopping(user_client):
    monitor = follow_topic(user_client.user)

    user_client.post(reverse("monitor_update", args=[monitor.pk]), {f"m{monitor.pk}-frequency": "weekly"})
    assert Monitor.objects.get().frequency == "weekly"

    user_client.post(reverse("monitor_delete", args=[monitor.pk]))
    assert not Monitor.objects.exists()


def test_another_users_monitor_cannot_be_changed(user_client):
    monitor = follow_topic(follower("ander"))

    response = user_client.post(reverse("monitor_delete", args=[monitor.pk]))

    assert response.status_code == 404
    assert Monitor.objects.filter(pk=monitor.pk).exists()


def test_writes_need_the_csrf_token():
    user = follower("beleid")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    response = client.post(reverse("monitor_create"), {"kind": "topic", "topic": "c2000-en-vmx", "frequency": "daily"})

    assert response.status_code == 403
    assert not Monitor.objects.exists()


def sent_digest(user):
    import_seed(1)
    follow_topic(user)
    import_seed(2)
    collect.collect()
    return digests.send_digest(user_id=user.pk, frequency="daily")


def test_the_unsubscribe_link_asks_then_stops_one_monitor(client):
    user = follower()
    monitor = follow_topic(user)
    url = reverse("unsubscribe", args=[unsubscribe_token(monitor)])

    page = client.get(url).content.decode()
    assert "Wilt u geen meldingen meer over <strong>onderwerp C2000 en VMX" in page
    assert Monitor.objects.exists()  # opening the link changes nothing

    response = client.post(url)

    assert "U krijgt geen meldingen meer over onderwerp C2000 en VMX" in response.content.decode()
    assert not Monitor.objects.exists()


def test_a_forged_unsubscribe_link_does_nothing(client):
    monitor = follow_topic(follower())
    token = unsubscribe_token(monitor)

    response = client.post(reverse("unsubscribe", args=[token[:-2] + "xx"]))

    assert response.status_code == 400
    assert "Deze afmeldlink klopt niet" in response.content.decode()
    assert Monitor.objects.exists()


def test_the_sent_page_lists_each_mail_with_its_items(user_client):
    digest = sent_digest(user_client.user)

    page = user_client.get(reverse("sent_list")).content.decode()

    assert "TK Dossiers: 1 nieuwe melding (dagelijks)" in page
    assert "gewijzigd in onderwerp C2000 en VMX (missiekritische communicatie)" in page
    assert "<mark>zes</mark> <mark>extra</mark>" in page
    assert f'id="mail-{digest.pk}"' in page


def mail_with_item(user, number):
    monitor = Monitor.objects.create(
        user=user, kind="ministerie", ministerie=f"M{number}", target=f"ministerie:{number}"
    )
    digest = Digest.objects.create(user=user, subject=f"mail {number}", item_count=1)
    monitor.items.create(key="x", title="t", url="/", reason="r", happened_at=digest.sent_at, digest=digest)


def test_the_sent_page_queries_do_not_grow_with_the_mails(user_client):
    user = user_client.user

    def count():
        with CaptureQueriesContext(connection) as captured:
            user_client.get(reverse("sent_list"))
        return len(captured)

    mail_with_item(user, 1)
    one = count()
    mail_with_item(user, 2)
    mail_with_item(user, 3)
    assert count() == one


def test_the_monitors_page_queries_do_not_grow_with_the_monitors(user_client):
    import_seed(1)
    user = user_client.user
    follow_topic(user)
    services.renew_feed_token(user=user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            page = user_client.get(reverse("monitor_list")).content.decode()
        return len(captured), page

    one, _ = count()
    services.follow(user=user, kind="dossier", frequency="weekly", dossier=Dossier.objects.get(number="29517"))
    services.follow(user=user, kind="motion", frequency="direct", motion=Motion.objects.order_by("pk").first())
    three, page = count()
    assert three == one
    assert "dossier 29 517" in page and "motie " in page


def things():
    from kamer.models import Toezegging

    import_seed(1)
    return {
        "topic": Topic.objects.get(slug="c2000-en-vmx"),
        "dossier": Dossier.objects.get(number="29517"),
        "motion": Motion.objects.order_by("pk").first(),
        "toezegging": Toezegging.objects.create(guid="tz-9", number="TZ202501-009", text="Een brief"),
        "ministerie": "Justitie en Veiligheid",
    }


@pytest.mark.parametrize("kind", ["topic", "dossier", "motion", "toezegging", "ministerie"])
def test_each_follow_button_makes_its_monitor(user_client, kind):
    import re

    thing = things()[kind]
    request = RequestFactory().get("/ergens/")
    request.user = user_client.user
    html = Template("{% load alerts %}{% follow_button kind thing %}").render(
        Context({"request": request, "kind": kind, "thing": thing, "csrf_token": "t"})
    )
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))
    fields.pop("csrfmiddlewaretoken")

    response = user_client.post(reverse("monitor_create"), fields | {"frequency": "direct"})

    monitor = Monitor.objects.get()
    assert (response.url, monitor.kind, monitor.frequency) == ("/ergens/", kind, "direct")
    expected = {"toezegging": ("toezegging_id", "tz-9"), "ministerie": ("ministerie", "Justitie en Veiligheid")}
    field, value = expected.get(kind, (f"{kind}_id", getattr(thing, "pk", None)))
    assert getattr(monitor, field) == value
