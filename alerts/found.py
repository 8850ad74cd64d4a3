"""What a finder returns: one item for one monitor, and the words to say when something happened."""

import datetime
from dataclasses import dataclass

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
