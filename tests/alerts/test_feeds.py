"""Atom feeds of topics, dossiers, filtered lists and monitors; the iCalendar feeds of due dates."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar
from lxml import etree

from alerts import services
from commitments.models import Commitment
from kamer.models import Toezegging
from tests.alerts.helpers import follow_topic, follower, import_seed

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def seed():
    return import_seed(1).letter


@pytest.fixture
def reader(client):
    user = follower("lezer")
    client.force_login(user)
    client.user = user
    return client


def entries(response) -> list[tuple[str, str]]:
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content, etree.XMLParser(resolve_entities=False, no_network=True))
    return [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href")) for entry in feed.iter(f"{ATOM}entry")
    ]


def test_a_topics_feed_holds_its_passages(reader, seed):
    found = entries(reader.get("/onderwerpen/c2000-en-vmx/atom/"))

    assert sorted(title.split(" · ")[0] for title, _ in found) == [
        "Beleidsreactie WODC evaluatie naar programma IVC",
        "Brief inspectie governance meldkamerdomein",
        "C2000",
        "Vernieuwing Missiekritische Communicatie (VMX)",
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
    ]
    assert all(link.startswith(f"http://testserver/brieven/{seed.pk}/?sectie=") for _, link in found)


def test_a_dossiers_feed_holds_the_passages_that_cite_it(reader, seed):
    found = entries(reader.get("/dossiers/29517/atom/"))

    assert len(found) > 0
    assert reader.get("/dossiers/99999/atom/").status_code == 404


def test_a_filtered_lists_feed_filters_as_the_page_does(reader, seed):
    found = entries(reader.get("/passages/atom/?q=NAVO-top"))

    assert [title.split(" · ")[0] for title, _ in found] == ["C2000"]


def test_the_references_feed_links_each_citation_to_the_passage_that_makes_it(reader, seed):
    found = entries(reader.get("/verwijzingen/atom/?dossier=28684"))

    # as the seed writes them: the Van Dijk motion in its footnote, and a later kamerstuk in running text
    assert sorted(title for title, _ in found) == [
        "Kamerstukken II, 2024/25, 28 684, nr. 759",
        "Kamerstukken II, 2024/25, 28684 nr. 778",
    ]
    assert all(link.startswith(f"http://testserver/brieven/{seed.pk}/?sectie=") for _, link in found)


def test_an_invalid_filter_is_a_400_naming_it(reader):
    response = reader.get("/passages/atom/?date_from=gisteren")

    assert (response.status_code, response.content.decode()) == (
        400,
        "Ongeldig filter: date_from: Voer een geldige datum in.",
    )


def test_feeds_are_read_where_the_list_is(client, settings, seed):
    assert client.get("/passages/atom/").status_code == 302  # a login first
    settings.TKD_PUBLIC_READ = True
    assert client.get("/passages/atom/").status_code == 200


def test_letter_text_is_escaped_in_a_feed(reader, seed):
    from letters.models import Section

    Section.objects.filter(heading="C2000").update(text="<script>alert(1)</script> C2000")

    body = reader.get("/onderwerpen/c2000-en-vmx/atom/").content.decode()

    assert "<script>" not in body and "&amp;lt;script&amp;gt;" in body


def test_a_monitors_feed_is_its_owners(reader, client, seed):
    mine = follow_topic(reader.user)
    theirs = follow_topic(follower("ander"))

    assert len(entries(reader.get(reverse("monitor_atom", args=[mine.pk])))) == 5
    assert reader.get(reverse("monitor_atom", args=[theirs.pk])).status_code == 404


def test_a_saved_search_monitors_feed_is_the_search(reader, seed):
    monitor, _ = services.follow(
        user=reader.user, kind="search", frequency="daily", listing="section", query="q=NAVO-top"
    )

    found = entries(reader.get(reverse("monitor_atom", args=[monitor.pk])))

    assert [title.split(" · ")[0] for title, _ in found] == ["C2000"]


def test_the_registers_feed_filters_as_its_page_does(reader):
    for number, ministerie in [("TZ1", "JenV"), ("TZ2", "Financiën")]:
        Toezegging.objects.create(guid=number, number=number, text=f"Brief van {ministerie}", ministerie=ministerie)

    found = entries(reader.get("/toezeggingenregister.atom?ministerie=JenV"))

    assert found == [("TZ1: Brief van JenV", "http://testserver/toezeggingenregister/TZ1/")]
    assert reader.get("/toezeggingenregister.atom?ministerie=onbekend").status_code == 400


def test_a_saved_search_of_the_register_has_its_monitor_feed(reader):
    Toezegging.objects.create(guid="tz-1", number="TZ1", text="Een brief", status="Openstaand")
    monitor, _ = services.follow(
        user=reader.user, kind="search", frequency="daily", listing="toezegging", query="status=Openstaand"
    )

    found = entries(reader.get(reverse("monitor_atom", args=[monitor.pk])))

    assert found == [("TZ1: Een brief", "http://testserver/toezeggingenregister/TZ1/")]


def events(response) -> list[tuple[str, datetime.date]]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return [(str(event["summary"]), event.decoded("dtstart")) for event in calendar.walk("VEVENT")]


def test_the_calendar_holds_the_seeds_commitments_with_their_due_dates(reader, seed):
    Toezegging.objects.create(
        guid="tz-1",
        number="TZ202501-001",
        text="Een brief voor de zomer",
        status="Openstaand",
        due=datetime.date(2026, 7, 1),
    )

    found = events(reader.get("/toezeggingen.ics"))

    commitment = Commitment.objects.get(due__isnull=False)
    assert found == [
        (f"Toezegging: {commitment.text[:88].rsplit(' ', 1)[0]}…", datetime.date(2026, 6, 1)),
        ("TZ202501-001: Een brief voor de zomer", datetime.date(2026, 7, 1)),
    ]


def test_the_calendar_takes_the_lists_filters(reader, seed):
    assert events(reader.get("/toezeggingen.ics?status=nagekomen")) == []
    assert len(events(reader.get("/toezeggingen.ics?status=open"))) == 1
    assert reader.get("/toezeggingen.ics?overdue=misschien").status_code == 400
