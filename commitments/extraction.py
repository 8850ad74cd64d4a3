"""Find motions, done declarations and commitments in letter text (pure Python).

Input is the letter's paragraphs with their footnote markers; output is plain data.
A motion mention names its members ("de motie van het lid Michon-Derkzen", "de
moties Dassen c.s. en Kröger c.s.", "motie De Vries", "de moties Kamerstuk 32 793,
nr. 176 (Dik-Faber)"); its kamerstuk is the citation in brackets right after the
name, else the one of the footnote whose marker follows it. A passage declares a
motion done with "beschouw ik … als afgedaan" (or "als uitgevoerd"), the passive
"wordt de motie … afgedaan", "hiermee voldoe ik aan …" or "hiermee kom ik … na";
weaker wording is a mention.
"""

import datetime
import re
from dataclasses import dataclass

from commitments import promises
from commitments.dates import parse_due
from commitments.literals import Needs, folded, is_plain
from commitments.members import KnownMembers
from commitments.promises import commitment_kind
from tkdossiers.citations import find as find_citations

__all__ = ["Commitment", "MotionMention", "Passage", "commitment_kind", "find_all", "find_commitments", "find_motions"]

UPPER = "A-ZÀ-ÖØ-Þ"  # a name may start with a capital with a diacritic: Öztürk, Ünver
PARTICLE = (
    r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+['’]t|[Tt]['’]|['’]t|[Ll]a|[Ll]e|[Dd]el|[Dd]os|[Dd]i)"
)
# "een motie van de Partij voor de Dieren" names a party, not a member called "van de Partij"
NOT_A_NAME = r"(?!(?:Kamerstuk(?:ken)?|Handelingen|Tweede|Eerste|Kamer|Partij)\b)"
WORD = rf"{NOT_A_NAME}[{UPPER}][\w'’]+"
# "Michon-Derkzen", "Nijkerken-de Haan"; not the first half of a written-out compound ("moties
# Vreemdelingen- en asielbeleid", a debate's title): the \b keeps the name from giving back letters.
SURNAME = rf"{WORD}(?:-(?:{PARTICLE}\s+)*{WORD})*\b(?!-\s)"
INITIALS = rf"(?:[{UPPER}]\.\s?)+"  # "J.Z.C.M. Tellegen": not part of the member's name
# A first name stays: the Kamer names members that way where surnames are shared ("Inge van Dijk").
FIRST_NAME = rf"(?:(?!{PARTICLE}\s){WORD}\s+(?=(?:{PARTICLE}\s+)*[{UPPER}]))"
NAME = rf"(?:{INITIALS})?{FIRST_NAME}?(?:{PARTICLE}\s+)*{SURNAME}"
CS = r"(?:\s+c\.s\.)?"
GROUP = rf"{NAME}(?:\s+en\s+{NAME}|,\s+{NAME}|/{NAME})*{CS}"
ADJECTIVE = r"(?:aangenomen|gewijzigde|gelijkstrekkende|verwante|eerdere|aangehouden|(?:eerder\s+|boven)?genoemde)"
LEAD = rf"(?P<lead>\b(?:[Dd]e\s+)?(?:door\s+de\s+Kamer\s+)?(?:{ADJECTIVE}\s+)*)\b(?P<word>[Mm]oties?)"
# How a match of LEAD begins: its first word ("eerder" also begins "eerdere"), or the motion's.
LEAD_STARTS = ("De", "de", "door", "aangenomen", "gewijzigde", "gelijkstrekkende", "verwante", "eerder", "aangehouden")
LEAD_STARTS += ("boven", "genoemde", "Motie", "motie")
BRACKETS = r"(?:\s*\((?P<parties>[^()]{1,80})\))?"
# "van het lid", "van de leden", "van het Lid" (a capital, as answers print it); "van van het lid" as it
# was published once, a word doubled
MEMBERS_LEAD = r"(?:(?:van\s+){1,2}(?:het\s+|de\s+)?(?:[Ll]id|[Ll]eden)\s+)?"
MENTION = re.compile(rf"{LEAD}(?:\s+|-){MEMBERS_LEAD}(?P<names>{GROUP}(?:\s+en\s+{GROUP})*){BRACKETS}")
# "de moties A (Kamerstuk …) en B (Kamerstuk …)": the next motion of a list, after one in brackets
NEXT_IN_LIST = re.compile(rf"(?:,\s*|\s+en\s+){MEMBERS_LEAD}(?P<names>{GROUP}){BRACKETS}")
# "de moties Kamerstuk 32 793, nr. 176 (…)", "de motie (Kamerstuk 36 600 VI, nr. 12)": named by the kamerstuk
CITED = r"(?:\s+|\s*(?P<open>\()\s*)(?=Kamerstuk|\d\d[\s\u00a0]?\d{3})"
CITED_FIRST = re.compile(rf"{LEAD}{CITED}")
# What a match of CITED_FIRST holds from its "motie" on: found by a scan for the "m", where CITED_FIRST
# is tried at every position (its lead may begin at any word), and most sentences with a motion cite none.
CITED_AFTER_MOTION = re.compile(rf"[Mm]oties?{CITED}")
NAMES_IN_BRACKETS = re.compile(rf"\s*\((?P<names>{GROUP})\)")
LIST_SEPARATOR = re.compile(r",?\s+en\s+|,\s*")

DECLARATIONS = [  # (words of which a sentence holds one, pattern; group span: where the motion stands)
    (("afgedaan", "uitgevoerd"), r"\bbeschouw(?:t|en)?\b(?P<span>.*?)\bals\s+(?:afgedaan|uitgevoerd)\b"),
    (
        ("afgedaan", "uitgevoerd"),
        r"(?P<span>)\bals\s+(?:afgedaan|uitgevoerd)\s+(?:te\s+|kan\s+|kunnen\s+)?(?:worden\s+)?beschouw(?:en|d)\b",
    ),
    (("afgedaan",), r"\b(?:wordt|worden|is|zijn)\b(?P<span>.*?)\bafgedaan\b"),
    (("uitgevoerd",), r"\b(?:is|zijn)\s+(?:hiermee|daarmee|hierbij)\b(?P<span>.*?)\buitgevoerd\b"),
    (
        ("uitgevoerd",),
        r"\b(?:hiermee|daarmee|hierbij|met\s+(?:deze|dit)\s+\w+)\s+(?:is|zijn)\b(?P<span>.*?)\buitgevoerd\b",
    ),
    (  # "Hiermee is voldaan aan de motie …", "Met deze brief wordt voldaan aan …"
        ("voldaan",),
        r"\b(?:hiermee|daarmee|hierbij|met\s+(?:deze|dit)\s+\w+)\s+(?:is|zijn|wordt|worden)\s+(?:\w+\s+)?"
        r"voldaan\s+aan\b(?P<span>.*)",
    ),
    (
        ("voldoe",),
        r"\b(?:hiermee|daarmee|hierbij|met\s+(?:deze|dit)\s+\w+)\s+voldo(?:e|et|en)\s+(?:ik|wij|we|het\s+kabinet)"
        r"\s+(?:\w+\s+)?aan\b(?P<span>.*)",
    ),
    (
        ("kom",),
        r"\b(?:hiermee|daarmee|hierbij|met\s+(?:deze|dit)\s+\w+)\s+kom(?:t|en)?\s+(?:ik|wij|we|het\s+kabinet)\b"
        r"(?P<span>.*?)\bna\b(?=\s*[.,;]|\s*$)",
    ),
]
DECLARATIONS = [(words, re.compile(pattern, re.IGNORECASE)) for words, pattern in DECLARATIONS]
DECLARATIONS = [(words, pattern, Needs.of(pattern)) for words, pattern in DECLARATIONS]  # Needs: see literals
DECLARING_WORDS = tuple({word for words, _, _ in DECLARATIONS for word in words})
NEGATION = re.compile(r"\b(?:niet|geen|deels|gedeeltelijk|grotendeels|ten\s+dele)\b", re.IGNORECASE)
CONDITION = re.compile(r"\b(?:pas|zodra|wanneer|nadat|indien|mits)\b", re.IGNORECASE)  # done later, not now
BACK_REFERENCE = re.compile(
    r"\b(?:de|deze|die)\s+(?:verwante\s+|(?:eerder\s+)?genoemde\s+|(?:boven|voor|laatst)genoemde\s+)?moties?\b",
    re.IGNORECASE,
)

BACK_REFERENCE_NEEDS = Needs.of(BACK_REFERENCE)

ABBREVIATIONS = set("nr nrs mln mld bijv resp art jl blz p incl excl ca vgl zgn dhr mevr".split())
SENTENCE_END = re.compile(r"[.!?](?=[\u201d\u2019\"')]*\s+[A-Z\u201c\u2018\"'(0-9€])")
# The same for a text without "!" or "?": a pattern that starts with one character is looked for
# as fast as str.find, a class of three is tried at every position.
DOT_END = re.compile(r"\.(?=[\u201d\u2019\"')]*\s+[A-Z\u201c\u2018\"'(0-9€])")
WORD_WINDOW = 40  # characters before a dot in which its word is looked for first
ABBREVIATED = re.compile(r"^(?:\w\.)*\w$")  # "c.s", "D.M", "o.a", a single letter
SHORTEST_WORD = max(map(len, ABBREVIATIONS)) + 1  # letters before a dot that make no abbreviation


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
    kamerstuk: str | None  # "29517-260", from the brackets or the footnote after the name
    declares_done: bool
    sentence: str  # the passage that mentions (or declares) it
    start: int
    # per member, the keys of the Kamer's members it can be (one when the name is certain); () without a list
    persons: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Commitment:
    section: int
    text: str  # the whole sentence
    kind: str  # "new" | "prior"
    due: datetime.date | None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, not splitting after abbreviations or initials."""
    spans, start = [], 0
    ends = DOT_END if "!" not in text and "?" not in text else SENTENCE_END
    for match in ends.finditer(text):
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
    if dot >= SHORTEST_WORD and text[dot - SHORTEST_WORD : dot].isalpha():
        return False  # a word of letters longer than any abbreviation, no dot in it: most sentence ends
    word = _word_before(text, dot).lstrip("(\"'\u2018\u201c")
    return word.lower() in ABBREVIATIONS or bool(ABBREVIATED.match(word))


def _word_before(text: str, dot: int) -> str:
    """The last whitespace-separated word of text[:dot] ("" when there is none), read from the
    few characters before the dot when the word starts among them: copying and splitting all of
    text[:dot] at every dot made long passages quadratic."""
    window_start = max(0, dot - WORD_WINDOW)
    words = text[window_start:dot].rsplit(None, 1)
    if window_start == 0 or len(words) == 2:
        return words[-1] if words else ""
    return text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""


class _Text:
    """A passage as both finders read it: its lower case (`folded`), the commitment anchors it holds
    (`_texts`) and whether it `is_plain` (then so is each sentence), its sentences when first asked for."""

    __slots__ = ("_spans", "anchors", "lower", "passage", "plain")

    def __init__(self, passage: Passage, lower: str, anchors: set[str], plain: bool):
        self.passage, self.lower, self.anchors, self.plain, self._spans = passage, lower, anchors, plain, None

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = sentences(self.passage.text)
        return self._spans

    def sentence(self, start: int, end: int) -> tuple[str, str | None]:
        """The sentence at a span, stripped, and its part of `lower` (None where "İ" made that longer)."""
        raw = self.passage.text[start:end]
        sentence = raw.strip()
        if len(self.lower) != len(self.passage.text):
            return sentence, None
        begin = start + len(raw) - len(raw.lstrip())
        return sentence, self.lower[begin : begin + len(sentence)]


def _texts(passages: list[Passage]) -> list[_Text]:
    """The passages lower-cased and scanned for anchors as one text: one call per letter instead of
    one per passage and anchor, whose overhead was most of the work. `folded` reads the text character
    by character (no anchor holds the newline between two passages), so each passage's part of the
    whole is its own folded copy; where lower() lengthens a character ("İ") each passage is done alone."""
    texts = [passage.text for passage in passages]
    joined = "\n".join(texts)
    lower = folded(joined)
    if len(lower) != len(joined):
        return [_alone(passage) for passage in passages]
    starts, start = [], 0
    for text in texts:
        starts.append(start)
        start += len(text) + 1
    found = promises.anchors_by_part(lower, starts)
    plain = is_plain(joined)  # nearly every letter: then each passage is
    return [
        _Text(passage, lower[begin : begin + len(passage.text)], anchors, plain or is_plain(passage.text))
        for passage, begin, anchors in zip(passages, starts, found, strict=True)
    ]


def _alone(passage: Passage) -> _Text:
    lower = folded(passage.text)
    return _Text(passage, lower, promises.anchors_in(lower), is_plain(passage.text))


def find_all(
    passages: list[Passage],
    footnote_kamerstukken: dict[str, str],
    members: "KnownMembers | None",
    letter_date: datetime.date | None,
) -> tuple[list[MotionMention], list["Commitment"]]:
    """`find_motions` and `find_commitments` of the same passages, each split into sentences once."""
    texts = _texts(passages)
    return _motions(texts, footnote_kamerstukken, members), _commitments(texts, letter_date)


def find_motions(
    passages: list[Passage], footnote_kamerstukken: dict[str, str], members: "KnownMembers | None" = None
) -> list[MotionMention]:
    """Every motion mention in reading order. With the Kamer's members (`KnownMembers`, or a list of
    `Member`) each named member gets the keys of the members it can be; without, names stand alone."""
    return _motions(_texts(passages), footnote_kamerstukken, members)


def _motions(texts: list[_Text], footnote_kamerstukken, members) -> list[MotionMention]:
    known = KnownMembers.of(members) if members is not None and not isinstance(members, KnownMembers) else members
    mentions: list[MotionMention] = []
    previous_sentence_mentions: list[int] = []
    for text in texts:
        passage = text.passage
        if "otie" not in passage.text and not (previous_sentence_mentions and _may_declare_back(text)):
            continue  # no sentence of it names a motion or declares an earlier one done
        for start, end in text.spans:
            sentence = passage.text[start:end]
            found = _mentions_in(passage, start, end, footnote_kamerstukken) if "otie" in sentence else []
            if not (found or previous_sentence_mentions):
                continue  # nothing it could declare done
            declared = _declared(sentence, [m.start - start for m in found], text.plain or None)
            if declared == "back" and not found and previous_sentence_mentions:
                index = previous_sentence_mentions[-1]
                mentions[index] = _with(mentions[index], declares_done=True, sentence=sentence)
            for position, mention in enumerate(found):
                done = declared != "back" and position in (declared or ())
                mentions.append(_with(mention, declares_done=done, persons=_persons(mention, known)))
            if found:
                previous_sentence_mentions = [len(mentions) - len(found) + i for i in range(len(found))]
    return mentions


def _may_declare_back(text: _Text) -> bool:
    """Whether a sentence of the passage can declare "de motie" of an earlier one done (`_declared`)."""
    lower = text.lower  # "mot" first: rarer than "kom", one of the declaring words
    return BACK_REFERENCE_NEEDS.met(text.passage.text, lower, text.plain) and _holds_one(lower, DECLARING_WORDS)


def _persons(mention: MotionMention, known: "KnownMembers | None") -> tuple[tuple[str, ...], ...]:
    """The candidate members of each name; initials the letter prints before it ("I. van Dijk") count."""
    if not known or not known.by_form:
        return ()
    printed = [re.search(rf"(?:{INITIALS})?{re.escape(name)}", mention.text) for name in mention.members]
    names = [found.group(0) if found else name for found, name in zip(printed, mention.members, strict=True)]
    return tuple(tuple(m.key for m in known.candidates(name)) for name in names)


def _with(mention: MotionMention, **changes) -> MotionMention:
    return MotionMention(**{**mention.__dict__, **changes})


def _mentions_in(passage: Passage, start: int, end: int, footnote_kamerstukken) -> list[MotionMention]:
    sentence = passage.text[start:end]

    def mention(match, members, text, kamerstuk=None) -> MotionMention:
        return MotionMention(
            section=passage.section,
            text=text.rstrip(),
            members=members,
            kamerstuk=kamerstuk
            or _kamerstuk_after(passage.refs, start + match.end("names"), start + match.end(), footnote_kamerstukken),
            declares_done=False,
            sentence=sentence,
            start=start + match.start(),
        )

    found = [mention(*item) for item in _cited_first(sentence)]
    for match in _lead_matches(MENTION, sentence):
        groups = (
            re.split(r"\s+en\s+(?=[A-Z])(?=.*c\.s\.)", match.group("names"))
            if match.group("word").lower() == "moties"
            else [match.group("names")]
        )
        kamerstuk = _kamerstuk_in(match.group("parties")) or _kamerstuk_set_off(sentence, match.end())
        found += [mention(match, members, match.group(0), kamerstuk) for g in groups if (members := _members(g))]
        listed = match
        while match.group("word").lower() == "moties" and listed.group("parties"):
            listed = NEXT_IN_LIST.match(sentence, listed.end())
            if not listed or not (members := _members(listed.group("names"))):
                break
            text = sentence[listed.start("names") : listed.end()]
            found.append(mention(listed, members, text, _kamerstuk_in(listed.group("parties"))))
    if len(found) == 1 and not found[0].kamerstuk:
        at_end = _kamerstuk_at_end(passage, start, end, found[0], footnote_kamerstukken)
        found = [_with(found[0], kamerstuk=at_end)] if at_end else found
    return sorted(found, key=lambda m: m.start)


@dataclass(frozen=True)
class _Span:
    """Where a mention stands in its sentence, shaped like the re.Match it stands in for."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _cited_first(sentence: str) -> list[tuple]:
    """(match, members, text, kamerstuk) of motions named by their kamerstuk, the member in brackets after it."""
    found = []
    if not CITED_AFTER_MOTION.search(sentence):
        return found
    for lead in _lead_matches(CITED_FIRST, sentence):
        position, text_start = lead.end(), lead.start()
        while True:
            citations, _ = find_citations(sentence[position : position + 90])
            if not citations or citations[0].start != 0:
                break
            names = NAMES_IN_BRACKETS.match(sentence, position + citations[0].end)
            if not names or not (members := _members(names.group("names"))):
                if text_start == lead.start():  # the first of the list names no member: known by its kamerstuk
                    end = position + citations[0].end + (1 if lead.group("open") else 0)
                    found.append((_Span(lead.start(), end), (), sentence[text_start:end], citations[0].key))
                break
            found.append((names, members, sentence[text_start : names.end()], citations[0].key))
            separator = LIST_SEPARATOR.match(sentence, names.end())
            if not separator:
                break
            position = text_start = separator.end()
    return found


def _lead_matches(pattern: re.Pattern, sentence: str):
    """What `pattern.finditer(sentence)` gives for a pattern that begins with LEAD, tried only where one
    of LEAD_STARTS stands: finditer tries it at every position, and each try of the lead costs."""
    starts = set()
    for word in LEAD_STARTS:
        at = sentence.find(word)
        while at != -1:
            starts.add(at)
            at = sentence.find(word, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (match := pattern.match(sentence, start)):
            end = match.end()  # finditer goes on after a match: matches never overlap
            yield match


def _members(group: str) -> tuple[str, ...]:
    names = re.split(r"\s+en\s+|,\s+|/", re.sub(r"\s+c\.s\.", "", group))
    return tuple(re.sub(rf"^{INITIALS}", "", name.strip()) for name in names if name.strip())


def _kamerstuk_in(brackets: str | None) -> str | None:
    """The kamerstuk cited in the brackets after a motion: "(Kamerstukken II 2023/24, 29 628, nr. 1200)"."""
    if not brackets or not any(c.isdigit() for c in brackets):
        return None
    citations, _ = find_citations(brackets)
    return citations[0].key if citations else None


# "de motie van het lid Akerboom, 36 410 XIV, nr. 9, waarin …": the citation set off by a comma
SET_OFF_CITATION = re.compile(r",\s*(?=(?:Kamerstuk(?:ken)?\s+)?\d\d[\s\u00a0]?\d{3}\b)")
SET_OFF_CITATION_SPAN = 60  # characters after the comma a citation of one kamerstuk fits in


def _kamerstuk_set_off(sentence: str, end: int) -> str | None:
    """The kamerstuk cited right after the names, set off by a comma, when the citation is the whole
    clause: it ends at a comma, a bracket or the sentence's end, so "…, 36 410 leden stemden …" is none."""
    comma = SET_OFF_CITATION.match(sentence, end)
    if not comma:
        return None
    clause = sentence[comma.end() : comma.end() + SET_OFF_CITATION_SPAN]
    citations, _ = find_citations(clause)
    if not citations or citations[0].start != 0:
        return None
    rest = clause[citations[0].end :].lstrip()
    return citations[0].key if not rest or rest[0] in ",;.)" else None


def _kamerstuk_after(refs, names_end: int, end: int, footnote_kamerstukken) -> str | None:
    """The kamerstuk of the footnote marked after the members' names: right after them, after the party
    in brackets ("het lid Özütok[^1] (GroenLinks)"), or just after the mention."""
    for ref_offset, number in refs:
        if names_end <= ref_offset <= end + 3:
            return footnote_kamerstukken.get(number)
    return None


def _kamerstuk_at_end(passage: Passage, start: int, end: int, mention: MotionMention, footnote_kamerstukken):
    """The kamerstuk of the footnote marked after the full stop of a sentence with one motion mention, when
    the footnote names the motion ("Motie Bikker en Omtzigt, Kamerstuk 36 410, nr. 31") or the mention's
    subject runs to the sentence's end ("de motie van het Lid Ceder over … (12-10-2023).[^3]"). Not any
    footnote there: in "Conform de motie van het lid X bied ik u het rapport aan.[^6]" it is the report's."""
    mention_end = mention.start + len(mention.text)
    last = start + len(passage.text[start:end].rstrip())
    after = [(offset, number) for offset, number in passage.refs if mention_end <= offset <= end]
    if len(after) != 1 or after[0][0] < last:
        return None
    number = after[0][1]
    text = getattr(footnote_kamerstukken, "text", lambda number: "")(number)  # a plain mapping has no texts
    names_it = "motie" in text.lower() and any(name in text for name in mention.members)
    if not (names_it or passage.text[mention_end:end].lstrip().startswith("over ")):
        return None
    return footnote_kamerstukken.get(number)


def _declared(sentence: str, mention_starts: list[int], plain: bool | None = None):
    """Which mentions in the sentence it declares done: a tuple of indexes, "back" (an earlier one), or
    None. `plain`: whether the sentence `is_plain`, when the caller knows."""
    lower = folded(sentence)
    if not _holds_one(lower, DECLARING_WORDS):
        return None
    plain = is_plain(sentence) if plain is None else plain
    for words, pattern, needs in DECLARATIONS:
        match = _holds_one(lower, words) and needs.met(sentence, lower, plain) and pattern.search(sentence)
        if not match or _negated(sentence, match):
            continue
        inside = tuple(i for i, s in enumerate(mention_starts) if match.start("span") <= s < match.end("span"))
        before = [i for i, s in enumerate(mention_starts) if s < match.start()]
        if inside or before:
            return inside or (before[-1],)
        return "back" if BACK_REFERENCE.search(sentence) else None
    return None


def _holds_one(lower: str, words) -> bool:
    """Whether `lower` holds one of the words (a for loop: a generator cost more than the tests)."""
    for word in words:
        if word in lower:
            return True
    return False


def _negated(sentence: str, match) -> bool:
    """Whether the declaration is denied: "is nog niet afgedaan", "kan de motie niet als afgedaan beschouwen"."""
    clause_start = max(sentence.rfind(mark, 0, match.start()) for mark in ",;:") + 1
    return bool(NEGATION.search(sentence, clause_start, match.end()) or CONDITION.search(sentence))


def _by_sentence(text: _Text, wordings: tuple[list, list]) -> list[tuple[list, list]]:
    """The wordings that can match each sentence of the passage (`promises.by_sentence`); all of
    them where "İ" made `lower` longer than the text, so that its offsets are not the sentences'."""
    if len(text.lower) != len(text.passage.text):
        return [wordings] * len(text.spans)
    return promises.by_sentence(text.lower, text.spans, wordings)


def find_commitments(passages: list[Passage], letter_date: datetime.date | None) -> list[Commitment]:
    return _commitments(_texts(passages), letter_date)


def _commitments(texts: list[_Text], letter_date: datetime.date | None) -> list[Commitment]:
    found = []
    for text in texts:
        wordings = promises.wordings_in(text.passage.text, text.lower, text.anchors, text.plain)
        if not (wordings[0] or wordings[1]):
            continue  # no wording can match any sentence of the passage
        for (start, end), candidates in zip(text.spans, _by_sentence(text, wordings), strict=True):
            if not (candidates[0] or candidates[1]):
                continue  # no anchor of a wording stands in the sentence
            sentence, lower = text.sentence(start, end)
            promise = promises.promise(sentence, candidates, lower, text.plain or None)
            if promise:
                kind, due_from = promise
                due = parse_due(sentence[due_from:], letter_date, looking_back=kind == "prior")
                found.append(Commitment(text.passage.section, sentence, kind, due))
    return found
