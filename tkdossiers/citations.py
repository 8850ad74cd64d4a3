"""Find citations of kamerstukken in letter text (pure Python).

`find(text)` returns every kamerstuk citation with its literal text and position,
parsed into dossier number, toevoeging, ondernummer and vergaderjaar, plus the
look-alikes that are not kamerstukken (Handelingen, Staatscourant, articles of law,
BWB identifiers, URLs) as `OtherCitation`s, kept apart. `find_dossiers(text)` gives the
dossiers named without a document number ("(Kamerstuk 34 919)"), a reference kind of their own.
"""

import re
from dataclasses import dataclass

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

# Look-alikes kept apart, each with words of which a text must hold one for the pattern to
# match: a substring test is far cheaper than the search, and most paragraphs fail it.
OTHER_PATTERNS = [
    (
        "aanhangsel",
        re.compile(r"Aanhangsel(?: van)?(?: de)? Handelingen(?: II| I)?,?(?: vergaderjaar)?,? [\d/\-–]+,? nr\.? ?\d+"),
        ("Aanhangsel",),
    ),
    (
        "handelingen",
        re.compile(r"Handelingen(?: II| I)?,?(?: vergaderjaar)?,? [\d/\-–]+,? nr\.? ?\d+(?:,? item \d+)?"),
        ("Handelingen",),
    ),
    ("staatscourant", re.compile(r"\b(?:Staatscourant|Stcrt\.?) \d{4},? (?:nr\. ?)?\d+"), ("Staatscourant", "Stcrt")),
    ("staatsblad", re.compile(r"\b(?:Staatsblad|Stb\.?) \d{4},? (?:nr\. ?)?\d+"), ("Staatsblad", "Stb")),
    ("bwb", re.compile(r"\bBWB[RV]\d{7}\b"), ("BWB",)),
    ("url", re.compile(r"\bhttps?://[^\s<>\"|]+[^\s<>\"|.,;:)]"), ("http",)),
    (
        "wetsartikel",
        re.compile(
            r"\b(?:wets)?[Aa]rtikel(?:en)? \d+(?:[:.]\d+)*[a-z]?(?:,? (?:lid|onderdeel) \d+)?"
            r"(?: van (?:de|het) [A-Z][\w-]*(?: \d{4})?| (?:Awb|Sr|Sv|BW|Gemeentewet|Grondwet|Wvw 1994|Wet [\w ]+?\b))"
        ),
        ("rtikel",),
    ),
    ("regelgeving", re.compile(r"\b[Aa]rtikel \d+[a-z]? (?:Regeling|Besluit|Beschikking) [\w-]+"), ("rtikel",)),
]
TWO_DIGITS = re.compile(r"\d\d")  # every kamerstuk citation has a dossier number


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
    digits = re.findall(r"\d+", text)
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
    number = re.sub(r"\D", "", match.group(1))
    toevoeging = match.group(2)
    return number, toevoeging.upper() if toevoeging and toevoeging.isalpha() else toevoeging


def find(text: str) -> tuple[list[Citation], list[OtherCitation]]:
    """All kamerstuk citations and look-alikes in text, in order of appearance."""
    others = _find_others(text)
    taken = [(o.start, o.end) for o in others if o.kind in ("aanhangsel", "handelingen", "url", "staatscourant")]
    citations = []
    if not TWO_DIGITS.search(text):
        return citations, others
    for match in KAMERSTUK.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        if not match.group("prefix") and AMOUNT_BEFORE.search(text, max(0, match.start() - 2), match.start()):
            continue
        if match.group("bare") and not (match.group("prefix") and "," in match.group("separator")):
            continue  # "31 793, 42" is only a kamerstuk when "Kamerstuk" says so
        if match.group("letters") and not (match.group("nr") or _senate(match)):
            continue  # "30 880 AA": the Eerste Kamer numbers its papers with letters
        citations.extend(_citations_of(match))
    return citations, others


def find_dossiers(text: str) -> list[DossierCitation]:
    """Dossiers the text names without a document number, kept apart from the kamerstukken `find` gives."""
    if "ossier" not in text and "amerstuk" not in text:
        return []
    return [
        DossierCitation(
            m.group(0), m.start(), m.end(), re.sub(r"\D", "", m.group("number")), _toevoeging(m.group("toevoeging"))
        )
        for m in DOSSIER_ONLY.finditer(text)
    ]


def _citations_of(match) -> list[Citation]:
    year = normalise_year(match.group("year"))
    dossiers = [
        (re.sub(r"\D", "", m.group("number")), _toevoeging(m.group("toevoeging")))
        for m in ONE_DOSSIER.finditer(match.group("dossiers"))
    ]
    if match.group("letters"):
        numbers = [match.group("letters")]  # an Eerste Kamer paper: "30 880, AA"
    else:
        numbers = re.findall(r"\d+", match.group("numbers") or match.group("bare"))
    literal = match.group(0).rstrip(" ,")
    return [
        Citation(literal, match.start(), match.start() + len(literal), dossier, toevoeging, number, year)
        for dossier, toevoeging in dossiers
        for number in numbers
    ]


def _senate(match) -> bool:
    """Whether the citation's prefix names the Eerste Kamer: "Kamerstukken I", "Eerste Kamer"."""
    return bool(match.group("senate")) or (match.group("chamber") or "").strip() == "I"


def _toevoeging(raw: str | None) -> str | None:
    if not raw:
        return None
    return raw.strip(" -\u00a0\u202f") or None


def _find_others(text: str) -> list[OtherCitation]:
    found: list[OtherCitation] = []
    for kind, pattern, words in OTHER_PATTERNS:
        if not any(word in text for word in words):
            continue
        for match in pattern.finditer(text):
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
