"""The due dates of commitments (and of the register's toezeggingen) as an iCalendar feed, for Outlook."""

import datetime

from django.http import HttpResponse
from icalendar import Calendar, Event

from commitments.models import Commitment
from commitments.register.rows import toezegging_url
from kamer.models import Toezegging

CONTENT_TYPE = "text/calendar; charset=utf-8"
SUMMARY_LENGTH = 90


def _event(uid: str, summary: str, due: datetime.date, url: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", due)  # a date: an all-day event
    event.add("dtend", due + datetime.timedelta(days=1))
    event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
    event.add("url", url)
    event.add("description", description)
    return event


def _short(text: str) -> str:
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def calendar(*, name: str, commitments, toezeggingen, absolute) -> Calendar:
    """commitments and toezeggingen: querysets; only those with a due date are in the calendar."""
    cal = Calendar()
    cal.add("prodid", "-//TK Dossiers//toezeggingen//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for commitment in commitments.filter(due__isnull=False).select_related("letter").order_by("due", "pk"):
        description = f"{commitment.text}\n\nStatus: {commitment.get_status_display()}. Uit: {commitment.letter.title}"
        cal.add_component(
            _event(
                f"commitment-{commitment.pk}@tkdossiers",
                f"Toezegging: {_short(commitment.text)}",
                commitment.due,
                absolute(commitment.get_absolute_url()),
                description,
            )
        )
    for toezegging in toezeggingen.filter(due__isnull=False).order_by("due", "number"):
        description = f"{toezegging.text}\n\nStatus: {toezegging.status}. {toezegging.ministerie}".strip()
        cal.add_component(
            _event(
                f"toezegging-{toezegging.guid}@tkdossiers",
                f"{toezegging.number}: {_short(toezegging.text)}",
                toezegging.due,
                absolute(toezegging_url(toezegging)),
                description,
            )
        )
    return cal


def calendar_response(cal: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "private, no-store"  # a personal feed's address is its key
    return response


def open_commitments():
    return Commitment.objects.filter(status=Commitment.Status.OPEN)


def open_toezeggingen():
    return Toezegging.objects.current().filter(
        status__in=[Toezegging.Status.OPENSTAAND, Toezegging.Status.DEELS_VOLDAAN]
    )
