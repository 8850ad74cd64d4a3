"""Find citations of kamerstukken in letter text (pure Python).

`find(text)` returns every kamerstuk citation with its literal text and position,
parsed into dossier number, toevoeging, ondernummer and vergaderjaar, plus the
look-alikes that are not kamerstukken (Handelingen, Staatscourant, articles of law,
BWB identifiers, URLs) as `OtherCitation`s, kept apart. `find_dossiers(text)` gives the
dossiers named without a document number ("(Kamerstuk 34 919)"), a reference kind of their own.
`may_cite(texts)` tells, for all texts of a letter in one look, which of them can hold either.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

SPACE = r"[ \u00a0\u202f]"
YEAR = r"(?P<year>(?:19|20)\d{2}\s*[/\-–—]\s*-?\s*(?:19|20)?\d{2})"
# A dossier number: five digits, Word users often put a (no-break) space after two.
DOSSIER = rf"\d{{2}}{SPACE}?\d{{3}}"
# The toevoeging: a Roman numeral or capital letter after a space or hyphen, or a
# number after a hyphen ("21501-20").
TOEVOEGING = rf"(?:(?:-|{SPACE})(?:[IVXLC]+|[A-Z])\b|-\d{{1,3}}\b)"
NUMBER_LIST = r"\d{1,5}(?:\s*(?:,|en|&)\s*\d{1,5}(?!\d|\s*[/\-–]\d))*"
PREFIX = (
    rf"(?:(?:Kamerstuk(?:ken)?|Tweede{SPACE}Kamer|TK|(?P<senate>Eerste{SPACE}Kamer))(?P<chamber>{SPACE}I{{1,2}})?"
    rf",?(?:{SPACE}*vergaderjaar)?,?{SPACE}*(?:{YEAR},?{SPACE}*)?)"
)
DOSSIERS = rf"(?P<dossiers>{DOSSIER}(?:{TOEVOEGING})?(?:{SPACE}*(?:,|en|&){SPACE}*{DOSSIER}(?:{TOEVOEGING})?)*)"
AMOUNT_BEFORE = re.compile(r"(?:[€$\d.,]|€[ \u00a0])$")  # "€ 12 345, nr. 3" is money, not a dossier
KAMERSTUK = re.compile(
    rf"(?P<prefix>{PREFIX})?{DOSSIERS}(?P<separator>,?{SPACE}*)"
    rf"(?:nrs?\.?{SPACE}*(?P<numbers>{NUMBER_LIST})|(?P<bare>\d{{1,4}})\b"
    rf"|(?P<nr>nr\.?{SPACE}*)?(?P<letters>[A-Z]{{1,2}})\b)"  # the Eerste Kamer's papers: "30 880, AA"
)
ONE_DOSSIER = re.compile(rf"(?P<number>{DOSSIER})(?P<toevoeging>{TOEVOEGING})?")
# A dossier named without a document number: "(Kamerstuk 34 919)", "kamerstukdossier 29 517", "dossier 36 600-VI".
DOSSIER_ONLY = re.compile(
    rf"\b(?:Kamerstuk(?:ken)?(?:{SPACE}I{{1,2}})?|[Kk]amerstukdossier|[Dd]ossier),?{SPACE}+(?:{YEAR},?{SPACE}*)?"
    rf"(?P<number>{DOSSIER})(?P<toevoeging>{TOEVOEGING})?(?!{SPACE}*,?{SPACE}*(?:nrs?\b|\d|[A-Z]{{1,2}}\b)|\d|-\d)"
)
# Where a match of DOSSIER_ONLY begins (`_word_starts`): "Kamerstuk…", "[Kk]amerstukdossier", "[Dd]ossier".
DOSSIER_ONLY_STARTS = (("Kamerstuk", 0), ("amerstukdossier", 1), ("ossier", 1))

# Look-alikes kept apart, each with where its matches begin: a word every match starts with, or
# holds that many characters in. The pattern is tried there only (`_matches`), and not at all in a
# text without the words: a substring search is far cheaper, and most paragraphs hold none of them.
OTHER_PATTERNS = [
    (
        "aanhangsel",
        re.compile(r"Aanhangsel(?: van)?(?: de)? Handelingen(?: II| I)?,?(?: vergaderjaar)?,? [\d/\-–]+,? nr\.? ?\d+"),
        (("Aanhangsel", 0),),
    ),
    (
        "handelingen",
        re.compile(r"Handelingen(?: II| I)?,?(?: vergaderjaar)?,? [\d/\-–]+,? nr\.? ?\d+(?:,? item \d+)?"),
        (("Handelingen", 0),),
    ),
    (
        "staatscourant",
        re.compile(r"\b(?:Staatscourant|Stcrt\.?) \d{4},? (?:nr\. ?)?\d+"),
        (("Staatscourant", 0), ("Stcrt", 0)),
    ),
    ("staatsblad", re.compile(r"\b(?:Staatsblad|Stb\.?) \d{4},? (?:nr\. ?)?\d+"), (("Staatsblad", 0), ("Stb", 0))),
    ("bwb", re.compile(r"\bBWB[RV]\d{7}\b"), (("BWB", 0),)),
    ("url", re.compile(r"\bhttps?://[^\s<>\"|]+[^\s<>\"|.,;:)]"), (("http", 0),)),
    (
        "wetsartikel",
        re.compile(
            r"\b(?:wets)?[Aa]rtikel(?:en)? \d+(?:[:.]\d+)*[a-z]?(?:,? (?:lid|onderdeel) \d+)?"
            r"(?: van (?:de|het) [A-Z][\w-]*(?: \d{4})?| (?:Awb|Sr|Sv|BW|Gemeentewet|Grondwet|Wvw 1994|Wet [\w ]+?\b))"
        ),
        (("rtikel", 1), ("rtikel", 5)),  # "artikel", "wetsartikel"
    ),
    ("regelgeving", re.compile(r"\b[Aa]rtikel \d+[a-z]? (?:Regeling|Besluit|Beschikking) [\w-]+"), (("rtikel", 1),)),
]
# Every kamerstuk citation holds a dossier number and begins with it or with a word of its prefix:
# KAMERSTUK is tried only there (`_citation_starts`), not at every position of the text.
# DOSSIER, written so that re looks for its first digit by two ranges, which it tests faster than
# "\d": every character "\d" takes is 0-9 or from U+0660 on, and the lookbehind keeps those only.
DOSSIER_NUMBER = re.compile(rf"[0-9\u0660-\U0010ffff](?<=\d)\d{SPACE}?\d\d\d")
PREFIX_WORDS = (("Kamerstuk", 0), ("Tweede", 0), ("TK", 0), ("Eerste", 0))
# A text holds one of these if any look-alike pattern can match: each pattern's words ("St" for
# Staatscourant, Stcrt, Staatsblad and Stb), and "Handelingen" for an Aanhangsel, which names them.
LOOKALIKE_MARKS = ("http", "rtikel", "St", "Handelingen", "BWB")
LOOKALIKE_BYTES = tuple(mark.encode() for mark in LOOKALIKE_MARKS)
# For `may_cite`, which reads texts as ASCII with "?" for anything else: digits and "?" (which may stand
# for a digit, a no-break space or a question mark) become "0", a space stays, anything else is "x".
DIGITS_AND_SPACES = bytes(48 if chr(b) in "0123456789?" else 32 if b == 32 else 120 for b in range(256))
# A dossier number written so: "29517", "29 517", "29\u00a0517" (its space a "?", so "000000").
DOSSIER_SHAPES = (b"00000", b"00 000")
DIGIT_RUNS = re.compile(r"\d+")
NOT_DIGITS = re.compile(r"\D")
LOOKED_AT_TOGETHER = 200_000  # characters: the seed letter has 47,000


@dataclass(frozen=True)
class Citation:
    text: str  # the literal text, as written
    start: int
    end: int
    dossier: str  # "29517"
    toevoeging: str | None  # "VI", "A", "21"
    number: str  # ondernummer, "264"
    year: str | None  # vergaderjaar normalised to "2024/25"

    @property
    def key(self) -> str:
        """The kamerstuk's id as officielebekendmakingen writes it: 29517-264, 36600-VI-100."""
        return "-".join(part for part in (self.dossier, self.toevoeging, self.number) if part)


@dataclass(frozen=True)
class DossierCitation:
    """A kamerstukdossier named without an ondernummer: it names no document, so it is no kamerstuk."""

    text: str
    start: int
    end: int
    dossier: str  # "34919"
    toevoeging: str | None

    @property
    def key(self) -> str:
        return "-".join(part for part in (self.dossier, self.toevoeging) if part)


@dataclass(frozen=True)
class OtherCitation:
    text: str
    start: int
    end: int
    kind: str  # aanhangsel | handelingen | staatscourant | staatsblad | bwb | url | wetsartikel | regelgeving


def normalise_year(text: str | None) -> str | None:
    """'2024–2025', '2024-2025', '2022/-23', '2024/25' -> '2024/25'."""
    if not text:
        return None
    digits = DIGIT_RUNS.findall(text)
    if len(digits) != 2:
        return None
    first, second = digits
    return f"{first}/{second[-2:]}"


def parse_dossier(text: str) -> tuple[str, str | None] | None:
    """'29517', '29 517', '36600-VI', '36600 VI', '21501-20' -> (number, toevoeging)."""
    match = re.fullmatch(
        rf"{SPACE}*(\d{{2}}{SPACE}?\d{{3}})(?:{SPACE}*[- ]{SPACE}*([IVXLC]+|[A-Z]|\d{{1,3}}))?{SPACE}*",
        text.strip(),
        flags=re.IGNORECASE,
    )
    if not match:
        return None
    number = NOT_DIGITS.sub("", match.group(1))
    toevoeging = match.group(2)
    return number, toevoeging.upper() if toevoeging and toevoeging.isalpha() else toevoeging


def find(text: str) -> tuple[list[Citation], list[OtherCitation]]:
    """All kamerstuk citations and look-alikes in text, in order of appearance."""
    others = _find_others(text)
    taken = [(o.start, o.end) for o in others if o.kind in ("aanhangsel", "handelingen", "url", "staatscourant")]
    citations = []
    for match in _matches(KAMERSTUK, text, _citation_starts(text)):
        if any(start <= match.start() < end for start, end in taken):
            continue
        if not match.group("prefix") and AMOUNT_BEFORE.search(text, max(0, match.start() - 2), match.start()):
            continue
        if match.group("bare") and not (match.group("prefix") and "," in match.group("separator")):
            continue  # "31 793, 42" is only a kamerstuk when "Kamerstuk" says so
        if match.group("letters") and not (match.group("nr") or _senate(match) or _lettered_paper(match)):
            continue  # "30 880 AA": the Eerste Kamer numbers its papers with letters
        citations.extend(_citations_of(match))
    return citations, others


def find_dossiers(text: str) -> list[DossierCitation]:
    """Dossiers the text names without a document number, kept apart from the kamerstukken `find` gives."""
    if "ossier" not in text and "amerstuk" not in text:
        return []
    return [
        DossierCitation(
            m.group(0), m.start(), m.end(), NOT_DIGITS.sub("", m.group("number")), _toevoeging(m.group("toevoeging"))
        )
        for m in _matches(DOSSIER_ONLY, text, _word_starts(text, DOSSIER_ONLY_STARTS))
    ]


def may_cite(texts: list[str]) -> list[bool]:
    """Per text, whether `find` or `find_dossiers` can find anything in it: False only where both give
    nothing. One look at the texts together, to spare the patterns the many paragraphs without a
    dossier number or a word a look-alike needs; a huge letter in batches of some 200,000 characters."""
    found, batch, size = [], [], 0
    for text in texts:
        if batch and size + len(text) > LOOKED_AT_TOGETHER:
            found += _may_cite_together(batch)
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    return found + _may_cite_together(batch)


def _may_cite_together(texts: list[str]) -> list[bool]:
    """`may_cite` of texts read together as ASCII, one byte a character."""
    joined = "\n".join(texts).encode("ascii", "replace")
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    found = [False] * len(texts)
    _mark(found, joined, LOOKALIKE_BYTES, starts)
    _mark(found, joined.translate(DIGITS_AND_SPACES), DOSSIER_SHAPES, starts)
    return found


def _mark(found: list[bool], data: bytes, words: tuple[bytes, ...], starts: list[int]) -> None:
    """Mark the texts that hold one of the words (each text starts in `data` at its offset in `starts`)."""
    for word in words:
        at = data.find(word)
        while at != -1:
            which = bisect_right(starts, at) - 1
            found[which] = True
            at = data.find(word, starts[which + 1]) if which + 1 < len(starts) else -1  # the next text


def _citations_of(match) -> list[Citation]:
    year = normalise_year(match.group("year"))
    dossiers = [
        (NOT_DIGITS.sub("", m.group("number")), _toevoeging(m.group("toevoeging")))
        for m in ONE_DOSSIER.finditer(match.group("dossiers"))
    ]
    if match.group("letters"):
        numbers = [match.group("letters")]  # an Eerste Kamer paper: "30 880, AA"
    else:
        numbers = DIGIT_RUNS.findall(match.group("numbers") or match.group("bare"))
    literal = match.group(0).rstrip(" ,")
    return [
        Citation(literal, match.start(), match.start() + len(literal), dossier, toevoeging, number, year)
        for dossier, toevoeging in dossiers
        for number in numbers
    ]


def _senate(match) -> bool:
    """Whether the citation's prefix names the Eerste Kamer: "Kamerstukken I", "Eerste Kamer"."""
    return bool(match.group("senate")) or (match.group("chamber") or "").strip() == "I"


def _lettered_paper(match) -> bool:
    """Whether "Kamerstuk 34 903, F" names a paper by its letter: "Kamerstuk(ken)", no "II", and the letter
    set off by a comma, as a toevoeging never is ("36 600 VI", "36 600-VI")."""
    prefix = (match.group("prefix") or "").lstrip()
    return (
        prefix.startswith("Kamerstuk")
        and (match.group("chamber") or "").strip() != "II"
        and "," in match.group("separator")
    )


def _toevoeging(raw: str | None) -> str | None:
    if not raw:
        return None
    return raw.strip(" -\u00a0\u202f") or None


def _matches(pattern: re.Pattern, text: str, starts: list[int]):
    """What `pattern.finditer(text)` gives, trying the pattern only at `starts` (in order), where
    every match of it must begin."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()  # finditer goes on after a match: matches never overlap
            yield match


def _word_starts(text: str, words) -> list[int]:
    """Where a match can begin, in order: each (word, offset) found, that many characters before it."""
    starts = set()
    for word, offset in words:
        at = text.find(word, offset)
        while at != -1:
            starts.add(at - offset)
            at = text.find(word, at + 1)
    return sorted(starts)


def _citation_starts(text: str) -> list[int]:
    """Where a kamerstuk citation can begin, in order: a dossier number or a word of the prefix."""
    match = DOSSIER_NUMBER.search(text)
    if not match:
        return []
    starts = _word_starts(text, PREFIX_WORDS)
    while match:
        starts.append(match.start())
        match = DOSSIER_NUMBER.search(text, match.start() + 1)  # "123456" holds two
    return sorted(set(starts))


def _find_others(text: str) -> list[OtherCitation]:
    found: list[OtherCitation] = []
    for mark in LOOKALIKE_MARKS:
        if mark in text:
            break
    else:
        return found
    for kind, pattern, words in OTHER_PATTERNS:
        for match in _matches(pattern, text, _word_starts(text, words)):
            if any(o.start <= match.start() < o.end for o in found):
                continue
            found.append(OtherCitation(match.group(0), match.start(), match.end(), kind))
    return sorted(found, key=lambda o: o.start)


def vergaderjaar_for(day) -> str:
    """The parliamentary year a date falls in; it starts on Prinsjesdag (third Tuesday of September)."""
    first = day.replace(month=9, day=1)
    prinsjesdag = first.replace(day=1 + (1 - first.weekday()) % 7 + 14)
    start = day.year if day >= prinsjesdag else day.year - 1
    return f"{start}/{str(start + 1)[-2:]}"
