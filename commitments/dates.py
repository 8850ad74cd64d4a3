"""When a commitment is due, from the words of the letter (pure Python).

"voor de zomer van 2026", "eind 2026", "bij de Voorjaarsnota 2026", "in het vierde
kwartaal van 2025", "uiterlijk maart 2026", "uiterlijk in maart" (the next March after
the letter). A phrase without a year takes the first such moment after the letter.
"""

import calendar
import datetime
import re

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}
YEAR = r"(?:\s+(?:van\s+)?(?P<year>20\d{2}))?"


def _end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _prinsjesdag(year: int) -> datetime.date:
    first = datetime.date(year, 9, 1)
    return first.replace(day=1 + (1 - first.weekday()) % 7 + 14)


# (pattern, function of (year, match) -> date). Order matters: specific before general.
RULES = [
    (
        rf"\b(?:in\s+)?het\s+(?P<q>eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal{YEAR}",
        lambda y, m: _end_of_month(y, QUARTERS[m["q"].lower()] * 3),
    ),
    (rf"\bQ(?P<q>[1-4]){YEAR}", lambda y, m: _end_of_month(y, int(m["q"]) * 3)),
    (rf"\bvoor\s+de\s+zomer(?:reces)?{YEAR}", lambda y, m: datetime.date(y, 7, 1)),
    (rf"\bna\s+de\s+zomer(?:reces)?{YEAR}", lambda y, m: datetime.date(y, 10, 1)),
    (rf"\b(?:in\s+)?(?:het|dit)\s+voorjaar{YEAR}", lambda y, m: datetime.date(y, 6, 20)),
    (rf"\b(?:in\s+)?(?:het|dit)\s+najaar{YEAR}", lambda y, m: datetime.date(y, 12, 21)),
    (rf"\bvoor\s+(?:het\s+kerstreces|de\s+kerst){YEAR}", lambda y, m: datetime.date(y, 12, 20)),
    (r"\bin\s+de\s+loop\s+van\s+(?P<year>20\d{2})", lambda y, m: datetime.date(y, 12, 31)),
    (rf"\b(?:bij|in|met)\s+de\s+[Vv]oorjaarsnota{YEAR}", lambda y, m: datetime.date(y, 6, 1)),
    (rf"\b(?:bij|in|met)\s+de\s+[Nn]ajaarsnota{YEAR}", lambda y, m: datetime.date(y, 11, 30)),
    (rf"\b(?:bij|in|met)\s+de\s+(?:[Mm]iljoenennota|begroting|[Pp]rinsjesdag){YEAR}", lambda y, m: _prinsjesdag(y)),
    (
        rf"\b(?:uiterlijk|voor|in|eind)\s+(?:in\s+)?(?P<month>{'|'.join(MONTHS)})\b{YEAR}",
        lambda y, m: _end_of_month(y, MONTHS.index(m["month"].lower()) + 1),
    ),
    (rf"\b(?:eind|einde)(?:\s+van)?(?:\s+(?:dit|het)\s+jaar)?{YEAR}\b", lambda y, m: datetime.date(y, 12, 31)),
    (rf"\bbegin\b{YEAR}", lambda y, m: datetime.date(y, 3, 31)),
]
COMPILED = [(re.compile(pattern, re.IGNORECASE), build) for pattern, build in RULES]


def parse_due(text: str, letter_date: datetime.date | None) -> datetime.date | None:
    """The due date a sentence names, relative to the letter's date; None when it names none."""
    for pattern, build in COMPILED:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("year"):
            return build(int(groups["year"]), match)
        if letter_date is None:
            return None
        due = build(letter_date.year, match)
        return due if due >= letter_date else build(letter_date.year + 1, match)
    return None
