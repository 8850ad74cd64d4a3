"""What a finder returns: one item for one monitor, and the words to say when something happened."""

import datetime
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


@dataclass(frozen=True)
class Found:
    monitor_id: int
    key: str
    title: str
    url: str
    reason: str
    happened_at: datetime.datetime
    snippet: str = ""


def dutch_date(day: datetime.date) -> str:
    """1 juli 2026, whatever language the process runs in (a worker activates none)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def register_url(toezegging) -> str:
    """The toezegging's page in the register (commitments.register), by its nummer; the commitments
    list while the register has no page for it."""
    try:
        return (
            reverse("toezegging_detail", args=[toezegging.number]) if toezegging.number else reverse("commitment_list")
        )
    except NoReverseMatch:
        return reverse("commitment_list")
