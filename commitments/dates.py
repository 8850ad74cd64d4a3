"""When a commitment is due, from the words of the letter (pure Python).

"voor de zomer van 2026", "eind 2026", "bij de Voorjaarsnota 2026", "in het vierde
kwartaal van 2025", "uiterlijk maart 2026", "voor 1 maart 2026", "op vrijdag 13
september", "aanstaande maandag". A phrase without a year takes the first such moment after the letter;
for an earlier promise (`looking_back`) the moment nearest the letter, which may
have passed: "zoals toegezegd, eind februari" in a letter of 5 March is that February.
"""

import calendar
import datetime
import re

from commitments.literals import Needs, folded, is_plain

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
MONTH = rf"(?P<month>{'|'.join(MONTHS)})"
WEEKDAYS = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()
WEEKDAY = rf"(?:(?:{'|'.join(WEEKDAYS)})\s+)?"
COMING = r"(?:aanstaande|komende|a\.s\.)"
QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}
YEAR = r"(?:\s+(?:van\s+)?(?P<year>20\d{2}))?"
BEFORE = r"v(?:oo|óó|óo|oó)r"  # "voor", "vóór"
NEXT_YEAR = r"(?P<next>volgend\s+jaar)"


def _end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _prinsjesdag(year: int) -> datetime.date:
    first = datetime.date(year, 9, 1)
    return first.replace(day=1 + (1 - first.weekday()) % 7 + 14)


def _month(match) -> int:
    return MONTHS.index(match["month"].lower()) + 1


def _coming_weekday(letter_date: datetime.date, match) -> datetime.date:
    """The weekday after the letter's date: "aanstaande maandag" in a letter of a Thursday is the Monday
    after it, in a letter of a Monday the Monday a week on."""
    weekday = WEEKDAYS.index((match["weekday"] or match["weekday_first"]).lower())
    days = (weekday - letter_date.weekday() - 1) % 7 + 1
    return letter_date + datetime.timedelta(days=days)


# What a promise is due before when it is named by a moment with its date: "voor het commissiedebat van 12
# maart", "ruim voor het sluiten van de openstellingsperiode van de Lbv (1 december 2023)". Not any noun: in
# "voor het rapport van 12 maart" the date is the report's.
DATED_MOMENT = (
    r"(?:\w*debat|\w*overleg|\w*behandeling|\w*vergadering|Raad|\w*top|bijeenkomst|stemmingen|stemming"
    r"|sluiten|sluiting|einde|start|opening|deadline|\w*reces)"
)

# (pattern, function of (year, match) -> date). Where two match at the same place, the first wins.
RULES = [
    (
        rf"\b{BEFORE}\s+(?:het|de)\s+(?:\w+\s+){{0,2}}?{DATED_MOMENT}\b[^.;()?]{{0,80}}?"
        rf"(?:\s(?:van|op)\s+|\s*\(\s*){WEEKDAY}(?P<day>\d{{1,2}})\s+{MONTH}\b(?:\s+(?P<year>20\d{{2}}))?",
        lambda y, m: datetime.date(y, _month(m), int(m["day"])),
    ),
    # an exact date, unless it is a past one ("op 24 april jl.")
    (
        rf"\b(?:op|{BEFORE}|uiterlijk(?:\s+op|\s+{BEFORE})?|per|tot(?:\s+en\s+met)?)\s+{WEEKDAY}"
        rf"(?P<day>\d{{1,2}})\s+{MONTH}\b(?:\s+(?P<year>20\d{{2}}))?(?!\s*j\.?l\.?)",
        lambda y, m: datetime.date(y, _month(m), int(m["day"])),
    ),
    (
        rf"\b(?:in\s+)?het\s+(?P<q>eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal{YEAR}",
        lambda y, m: _end_of_month(y, QUARTERS[m["q"].lower()] * 3),
    ),
    (rf"\bQ(?P<q>[1-4]){YEAR}", lambda y, m: _end_of_month(y, int(m["q"]) * 3)),
    (rf"\b{BEFORE}\s+(?:de\s+zomer(?:reces)?|het\s+zomerreces){YEAR}", lambda y, m: datetime.date(y, 7, 1)),
    (rf"\bna\s+(?:de\s+zomer(?:reces)?|het\s+zomerreces){YEAR}", lambda y, m: datetime.date(y, 10, 1)),
    (
        rf"\b(?:in\s+)?(?:het|dit|komend|komende|volgend|volgende)\s+voorjaar{YEAR}",
        lambda y, m: datetime.date(y, 6, 20),
    ),
    (rf"\b(?:in\s+)?(?:het|dit|komend|komende|volgend|volgende)\s+najaar{YEAR}", lambda y, m: datetime.date(y, 12, 21)),
    (rf"\b{BEFORE}\s+(?:het\s+kerstreces|de\s+kerst){YEAR}", lambda y, m: datetime.date(y, 12, 20)),
    (r"\bin\s+de\s+loop\s+van\s+(?P<year>20\d{2})", lambda y, m: datetime.date(y, 12, 31)),
    (rf"\b(?:bij|in|met)\s+de\s+[Vv]oorjaarsnota{YEAR}", lambda y, m: datetime.date(y, 6, 1)),
    (rf"\b(?:bij|in|met)\s+de\s+[Nn]ajaarsnota{YEAR}", lambda y, m: datetime.date(y, 11, 30)),
    (rf"\b(?:bij|in|met)\s+de\s+(?:[Mm]iljoenennota|begroting){YEAR}", lambda y, m: _prinsjesdag(y)),
    (
        rf"\b(?:bij|in|met|op|{BEFORE}|uiterlijk(?:\s+op|\s+{BEFORE})?)\s+(?:de\s+)?[Pp]rinsjesdag{YEAR}",
        lambda y, m: _prinsjesdag(y),
    ),
    (
        rf"\b(?:uiterlijk|{BEFORE}|in|eind)\s+(?:in\s+)?(?:de\s+maand\s+)?{MONTH}\b{YEAR}",
        lambda y, m: _end_of_month(y, _month(m)),
    ),
    (r"\b(?:eind|einde)(?:\s+van)?\s+(?:dit|het)\s+jaar\b", lambda y, m: datetime.date(y, 12, 31)),
    (rf"\b(?:eind|einde)(?:\s+van)?\s+(?:(?P<year>20\d{{2}})|{NEXT_YEAR})\b", lambda y, m: datetime.date(y, 12, 31)),
    (rf"\bbegin\s+(?:(?P<year>20\d{{2}})|{NEXT_YEAR})", lambda y, m: datetime.date(y, 3, 31)),
    # "aanstaande maandag", "komende vrijdag", "maandag a.s.": a weekday counted from the letter's date, not
    # from a year (with a date beside it, "aanstaande maandag 24 maart", the date is read)
    (
        rf"\b(?:{COMING}\s+(?P<weekday>{'|'.join(WEEKDAYS)})\b(?!\s+\d)"
        rf"|\b(?P<weekday_first>{'|'.join(WEEKDAYS)})\s+(?:aanstaande\b|a\.s\.))",
        _coming_weekday,
    ),
]


def _needs(pattern: re.Pattern) -> Needs:
    """What a rule needs; for one that needs no string long enough to be worth a scan elsewhere, the
    shorter ones: a scan for the "q" of "Q1 2026" costs far less than the search it spares."""
    needs = Needs.of(pattern)
    return needs if needs.clauses or needs.plain else Needs.of(pattern, min_length=1)


COMPILED = [(re.compile(pattern, re.IGNORECASE), build) for pattern, build in RULES]
# With what each pattern cannot match without (commitments.literals): a sentence names one or two
# moments, and searching it for all sixteen was most of the work.
COMPILED = [(pattern, build, _needs(pattern)) for pattern, build in COMPILED]


def parse_due(text: str, letter_date: datetime.date | None, *, looking_back: bool = False) -> datetime.date | None:
    """The due date of the first moment a sentence names, relative to the letter's date; None for none."""
    lower, plain = folded(text), is_plain(text)
    found = [
        (m, order, build)
        for order, (pattern, build, needs) in enumerate(COMPILED)
        if needs.met(text, lower, plain) and (m := pattern.search(text))
    ]
    for match, _, build in sorted(found, key=lambda item: (item[0].start(), item[1])):
        due = _dated(match, build, letter_date, looking_back)
        if due is not None:
            return due
    return None


def _dated(match, build, letter_date, looking_back) -> datetime.date | None:
    """The moment a phrase names, or None when it cannot be dated (no year, no letter date; 31 april)."""
    groups = match.groupdict()
    if build is _coming_weekday:
        return None if letter_date is None else _coming_weekday(letter_date, match)
    if groups.get("year"):
        return _built(build, int(groups["year"]), match)
    if letter_date is None:
        return None
    if groups.get("next"):
        return _built(build, letter_date.year + 1, match)
    candidates = [due for offset in (-1, 0, 1, 2, 3, 4) if (due := _built(build, letter_date.year + offset, match))]
    if looking_back:
        return min(candidates, key=lambda due: abs(due - letter_date), default=None)
    return next((due for due in candidates if due >= letter_date), None)


def _built(build, year: int, match) -> datetime.date | None:
    try:
        return build(year, match)
    except ValueError:  # 31 april, or 29 februari in a year without it
        return None
