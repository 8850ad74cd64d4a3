"""In the browser: a monitor from a saved search (in two steps) and its Atom feed, also at its secret
address for a feed reader; the due dates as iCalendar."""

import datetime

import pytest
from icalendar import Calendar
from lxml import etree

from alerts.models import Monitor
from commitments.models import Commitment
from tests.e2e.conftest import log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_saved_search_becomes_a_monitor_with_an_atom_feed(page, letters, policy_user):
    log_in(page, "beleid")
    page.goto("/passages/?q=NAVO-top")
    search = page.url.removeprefix(page.url.split("/passages/")[0])  # the list's address on this site

    page.goto("/meldingen/")
    page.get_by_label("Zoekopdracht").check()
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("heading", name="Volgen: zoekopdracht").wait_for()
    page.get_by_label("Zoekopdracht", exact=True).fill(search)
    shoot(page, "alerts-step-two")
    page.get_by_label("Hoe vaak").select_option("weekly")
    page.get_by_role("button", name="Volgen").click()

    page.get_by_text("U volgt nu zoekopdracht in passages (q=NAVO-top) (wekelijks).").wait_for()
    shoot(page, "alerts-monitors")
    monitor = Monitor.objects.get()
    assert (monitor.user, monitor.listing, monitor.query, monitor.frequency) == (
        policy_user,
        "section",
        "q=NAVO-top",
        "weekly",
    )
    feed = page.get_by_role("link", name="Atom").get_attribute("href")
    response = page.request.get(feed)
    assert response.headers["content-type"].startswith("application/atom+xml")
    xml = etree.fromstring(response.body(), etree.XMLParser(resolve_entities=False, no_network=True))
    titles = [entry.findtext(f"{ATOM}title") for entry in xml.iter(f"{ATOM}entry")]
    assert xml.findtext(f"{ATOM}title") == "TK Dossiers · zoekopdracht in passages (q=NAVO-top)"
    assert [title.split(" · ")[0] for title in titles] == ["C2000"]

    page.get_by_role("button", name="Adres voor een feedlezer").click()
    page.get_by_text("U ziet dit adres maar één keer.").wait_for()
    shoot(page, "alerts-feed-address")
    address = page.locator("p.card code").inner_text()
    reader = page.context.browser.new_context()  # a feed reader: no login
    assert xml_title(reader.request.get(address).body()) == "TK Dossiers · zoekopdracht in passages (q=NAVO-top)"
    reader.close()


def xml_title(body: bytes) -> str:
    return etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True)).findtext(f"{ATOM}title")


def test_the_calendar_of_due_dates_validates_and_holds_the_seeds_commitments(page, letters, policy_user):
    log_in(page, "beleid")
    page.goto("/meldingen/")
    page.get_by_role("link", name="alle toezeggingen (.ics)").wait_for()

    response = page.request.get("/toezeggingen.ics")

    calendar = Calendar.from_ical(response.body())
    found = [(event.decoded("dtstart"), str(event["summary"])[:40]) for event in calendar.walk("VEVENT")]
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    expected = Commitment.objects.filter(due__isnull=False).order_by("due", "pk").values_list("due", "text")
    assert found == [(due, f"Toezegging: {text}"[:40]) for due, text in expected]
    assert (datetime.date(2026, 6, 1), "Toezegging: In plaats van de door de toe") in found  # the seed's
    assert all(event["uid"] and event["dtstamp"] for event in calendar.walk("VEVENT"))
