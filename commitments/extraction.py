"""Find motions, done declarations and commitments in letter text (pure Python).

Input is the letter's paragraphs with their footnote markers; output is plain data.
A motion mention names its members ("de motie van het lid Michon-Derkzen", "de
moties Dassen c.s. en Kröger c.s."); its kamerstuk comes from the footnote whose
marker follows the name. A passage declares a motion done with "beschouw ik … als
afgedaan" or the passive "wordt de motie … afgedaan"; weaker wording is a mention.
"""

import datetime
import re
from dataclasses import dataclass

from commitments.dates import parse_due

PARTICLE = r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+'t|[Tt]'|[Ll]a|[Ll]e|[Dd]el|[Dd]os|[Dd]i)"
NAME = rf"(?:{PARTICLE}\s+)*[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*"
CS = r"(?:\s+c\.s\.)?"
GROUP = rf"{NAME}(?:\s+en\s+{NAME}|,\s+{NAME}|/{NAME})*{CS}"
MENTION = re.compile(
    rf"\b(?P<lead>[Dd]e\s+(?:door\s+de\s+Kamer\s+)?(?:(?:aangenomen|gewijzigde|gelijkstrekkende|verwante|eerdere)\s+)*)"
    rf"(?P<word>[Mm]oties?)\s+"
    rf"(?:van\s+(?:het\s+|de\s+)?(?:lid|leden)\s+)?"
    rf"(?P<names>{GROUP}(?:\s+en\s+{GROUP})*)"
    rf"(?:\s*\((?P<parties>[^()]{{1,80}})\))?"
)
DECLARE_ACTIVE = re.compile(r"\bbeschouw(?:t|en)?\b(?P<span>.*?)\bals\s+afgedaan\b", re.IGNORECASE)
DECLARE_PASSIVE = re.compile(r"\b(?:wordt|worden|is|zijn)\b(?P<span>.*?)\bafgedaan\b", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:niet|nog\s+niet|geen)\b[^.]*\bafgedaan\b", re.IGNORECASE)
BACK_REFERENCE = re.compile(r"\b(?:de|deze|die)\s+(?:verwante\s+|genoemde\s+|bovengenoemde\s+)?motie\b", re.IGNORECASE)

ABBREVIATIONS = {
    "nr",
    "nrs",
    "mln",
    "mld",
    "bijv",
    "resp",
    "art",
    "jl",
    "blz",
    "p",
    "incl",
    "excl",
    "ca",
    "vgl",
    "zgn",
    "dhr",
    "mevr",
}
SENTENCE_END = re.compile(r"[.!?](?=[\u201d\u2019\"')]*\s+[A-Z\u201c\u2018\"'(0-9€])")
INITIALS = re.compile(r"^(?:\w\.)*\w$")  # "c.s", "D.M", "o.a", a single letter

# Each pattern with words (lower case) of which a sentence must hold one for it to match:
# a substring test is far cheaper than the search, and most sentences fail it.
NEW_PROMISE = [
    (
        re.compile(r"\bzal\s+ik\b|\bik\s+zal\b|\bzullen\s+(?:wij|we)\b|\b(?:wij|we)\s+zullen\b", re.IGNORECASE),
        ("zal", "zullen"),
    ),
    (re.compile(r"\bzal\s+(?:het\s+kabinet|de\s+minister|de\s+staatssecretaris)\b", re.IGNORECASE), ("zal",)),
    (
        re.compile(
            r"\b(?:wordt|worden|zal|zullen)\s+(?:ik\s+)?(?:uw|de)\s+Kamer\b.*?\b(?:geïnformeerd|ge[iï]nformeerd|bericht)\b"
        ),
        ("kamer",),
    ),
    (
        re.compile(r"\bverwacht(?:en)?\b.*?\b(?:uw|de)\s+Kamer\b.*?\b(?:informeren|sturen|berichten|toesturen)\b"),
        ("verwacht",),
    ),
    (
        re.compile(r"\b(?:is|ben|zijn)\s+voornemens\b.*?\b(?:informeren|berichten|sturen|toezenden|zenden)\b"),
        ("voornemens",),
    ),
    (
        re.compile(
            r"\b(?:informatie|brief|rapportage|reactie|kabinetsreactie)\b.*?"
            r"\bvolgt\s+(?:wanneer|zodra|na|in|voor|eind|begin|uiterlijk)\b"
        ),
        ("volgt",),
    ),
    (re.compile(r"\b(?:informeer|stuur|zend)\s+ik\s+uw\s+Kamer\b.*?\b(?:voor|uiterlijk|eind|begin|na)\b"), ("kamer",)),
    (
        re.compile(r"\bwordt\s+u\s+(?:bericht|geïnformeerd)\b|\buw\s+Kamer\s+zal\s+worden\s+(?:verzonden|gestuurd)\b"),
        ("wordt", "kamer"),
    ),
    (
        re.compile(r"\baan\s+uw\s+Kamer\s+(?:zal|zullen)\s+worden\s+(?:verzonden|gestuurd|toegezonden|aangeboden)\b"),
        ("kamer",),
    ),
]
PRIOR_PROMISE = [
    (
        re.compile(
            r"\bzoals\s+(?:ik\s+)?(?:eerder\s+|reeds\s+|u\s+)?(?:aan\s+uw\s+Kamer\s+)?toegezegd\b", re.IGNORECASE
        ),
        ("toegezegd",),
    ),
    (re.compile(r"\bzoals\s+(?:ik|het\s+kabinet)\b.*?\btoezegde\b", re.IGNORECASE), ("toezegde",)),
    (re.compile(r"\b(?:is|werd|heb\s+ik|hebben\s+wij|had\s+ik)\b.*?\btoegezegd\b", re.IGNORECASE), ("toegezegd",)),
    (re.compile(r"\b(?:mijn|de)\s+toezegging\b", re.IGNORECASE), ("toezegging",)),
]
ABOUT_THIS_LETTER = re.compile(
    r"\b(?:in|met)\s+(?:deze|dit)\s+(?:brief|bericht|verzamelbrief)\b|\bhierbij\b|\bin\s+de\s+bijlage\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Passage:
    """One paragraph of a letter: its section, text and footnote markers (offset, number)."""

    section: int
    text: str
    refs: tuple = ()


@dataclass(frozen=True)
class MotionMention:
    section: int
    text: str  # "de motie van het lid Michon-Derkzen"
    members: tuple[str, ...]
    kamerstuk: str | None  # "29517-260", from the footnote after the name
    declares_done: bool
    sentence: str  # the passage that mentions (or declares) it
    start: int


@dataclass(frozen=True)
class Commitment:
    section: int
    text: str  # the whole sentence
    kind: str  # "new" | "prior"
    due: datetime.date | None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, not splitting after abbreviations or initials."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.group(0) == "." and _is_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    word = word.lstrip("(\"'\u2018\u201c")
    return word.lower() in ABBREVIATIONS or bool(INITIALS.match(word))


def find_motions(passages: list[Passage], footnote_kamerstukken: dict[str, str]) -> list[MotionMention]:
    mentions: list[MotionMention] = []
    previous_sentence_mentions: list[int] = []
    for passage in passages:
        for start, end in sentences(passage.text):
            sentence = passage.text[start:end]
            found = _mentions_in(passage, start, end, footnote_kamerstukken)
            declared = _declared(sentence, [m.start - start for m in found])
            if declared == "back" and not found and previous_sentence_mentions:
                index = previous_sentence_mentions[-1]
                mentions[index] = _with(mentions[index], declares_done=True, sentence=sentence)
            for position, mention in enumerate(found):
                mentions.append(_with(mention, declares_done=declared == position))
            if found:
                previous_sentence_mentions = [len(mentions) - len(found) + i for i in range(len(found))]
    return mentions


def _with(mention: MotionMention, **changes) -> MotionMention:
    return MotionMention(**{**mention.__dict__, **changes})


def _mentions_in(passage: Passage, start: int, end: int, footnote_kamerstukken) -> list[MotionMention]:
    sentence = passage.text[start:end]
    found = []
    for match in MENTION.finditer(sentence):
        groups = (
            re.split(r"\s+en\s+(?=[A-Z])(?=.*c\.s\.)", match.group("names"))
            if match.group("word").lower() == "moties"
            else [match.group("names")]
        )
        for group in groups:
            members = _members(group)
            if not members:
                continue
            found.append(
                MotionMention(
                    section=passage.section,
                    text=match.group(0).rstrip(),
                    members=members,
                    kamerstuk=_kamerstuk_after(passage.refs, start + match.end(), footnote_kamerstukken),
                    declares_done=False,
                    sentence=sentence,
                    start=start + match.start(),
                )
            )
    return found


def _members(group: str) -> tuple[str, ...]:
    names = re.split(r"\s+en\s+|,\s+|/", re.sub(r"\s+c\.s\.", "", group))
    return tuple(name.strip() for name in names if name.strip())


def _kamerstuk_after(refs, offset: int, footnote_kamerstukken) -> str | None:
    for ref_offset, number in refs:
        if offset <= ref_offset <= offset + 3:
            return footnote_kamerstukken.get(number)
    return None


def _declared(sentence: str, mention_starts: list[int]):
    """Which mention in the sentence it declares done: an index, "back" (an earlier one), or None."""
    if "afgedaan" not in sentence.lower() or NEGATED.search(sentence):
        return None
    match = DECLARE_ACTIVE.search(sentence) or DECLARE_PASSIVE.search(sentence)
    if not match:
        return None
    inside = [i for i, s in enumerate(mention_starts) if match.start("span") <= s < match.end("span")]
    if inside:
        return inside[-1]
    before = [i for i, s in enumerate(mention_starts) if s < match.start()]
    if before:
        return before[-1]
    return "back" if BACK_REFERENCE.search(match.group(0)) else None


def find_commitments(passages: list[Passage], letter_date: datetime.date | None) -> list[Commitment]:
    found = []
    for passage in passages:
        for start, end in sentences(passage.text):
            sentence = passage.text[start:end].strip()
            kind = commitment_kind(sentence)
            if kind:
                found.append(Commitment(passage.section, sentence, kind, parse_due(sentence, letter_date)))
    return found


def commitment_kind(sentence: str) -> str | None:
    lower = sentence.lower()
    if _any_match(PRIOR_PROMISE, sentence, lower):
        return "prior"
    if ABOUT_THIS_LETTER.search(sentence):
        return None
    if _any_match(NEW_PROMISE, sentence, lower):
        return "new"
    return None


def _any_match(rules, sentence: str, lower: str) -> bool:
    return any(any(word in lower for word in words) and pattern.search(sentence) for pattern, words in rules)
