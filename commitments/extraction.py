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

from commitments.dates import parse_due
from commitments.members import KnownMembers
from tkdossiers.citations import find as find_citations

UPPER = "A-ZÀ-ÖØ-Þ"  # a name may start with a capital with a diacritic: Öztürk, Ünver
PARTICLE = (
    r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+['’]t|[Tt]['’]|['’]t|[Ll]a|[Ll]e|[Dd]el|[Dd]os|[Dd]i)"
)
NOT_A_NAME = r"(?!(?:Kamerstuk(?:ken)?|Handelingen|Tweede|Eerste|Kamer)\b)"
WORD = rf"{NOT_A_NAME}[{UPPER}][\w'’]+"
SURNAME = rf"{WORD}(?:-(?:{PARTICLE}\s+)*{WORD})*"  # "Michon-Derkzen", "Nijkerken-de Haan"
INITIALS = rf"(?:[{UPPER}]\.\s?)+"  # "J.Z.C.M. Tellegen": not part of the member's name
# A first name stays: the Kamer names members that way where surnames are shared ("Inge van Dijk").
FIRST_NAME = rf"(?:(?!{PARTICLE}\s){WORD}\s+(?=(?:{PARTICLE}\s+)*[{UPPER}]))"
NAME = rf"(?:{INITIALS})?{FIRST_NAME}?(?:{PARTICLE}\s+)*{SURNAME}"
CS = r"(?:\s+c\.s\.)?"
GROUP = rf"{NAME}(?:\s+en\s+{NAME}|,\s+{NAME}|/{NAME})*{CS}"
ADJECTIVE = r"(?:aangenomen|gewijzigde|gelijkstrekkende|verwante|eerdere|aangehouden|(?:eerder\s+|boven)?genoemde)"
LEAD = rf"(?P<lead>\b(?:[Dd]e\s+)?(?:door\s+de\s+Kamer\s+)?(?:{ADJECTIVE}\s+)*)\b(?P<word>[Mm]oties?)"
BRACKETS = r"(?:\s*\((?P<parties>[^()]{1,80})\))?"
MENTION = re.compile(
    rf"{LEAD}(?:\s+|-)(?:van\s+(?:het\s+|de\s+)?(?:lid|leden)\s+)?(?P<names>{GROUP}(?:\s+en\s+{GROUP})*){BRACKETS}"
)
# "de moties A (Kamerstuk …) en B (Kamerstuk …)": the next motion of a list, after one in brackets
MEMBERS_LEAD = r"(?:van\s+(?:het\s+|de\s+)?(?:lid|leden)\s+)?"
NEXT_IN_LIST = re.compile(rf"(?:,\s*|\s+en\s+){MEMBERS_LEAD}(?P<names>{GROUP}){BRACKETS}")
# "de moties Kamerstuk 32 793, nr. 176 (…)", "de motie (Kamerstuk 36 600 VI, nr. 12)": named by the kamerstuk
CITED_FIRST = re.compile(rf"{LEAD}(?:\s+|\s*(?P<open>\()\s*)(?=Kamerstuk|\d\d[\s\u00a0]?\d{{3}})")
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
DECLARING_WORDS = tuple({word for words, _ in DECLARATIONS for word in words})
NEGATION = re.compile(r"\b(?:niet|geen|deels|gedeeltelijk|grotendeels|ten\s+dele)\b", re.IGNORECASE)
CONDITION = re.compile(r"\b(?:pas|zodra|wanneer|nadat|indien|mits)\b", re.IGNORECASE)  # done later, not now
BACK_REFERENCE = re.compile(
    r"\b(?:de|deze|die)\s+(?:verwante\s+|(?:eerder\s+)?genoemde\s+|(?:boven|voor|laatst)genoemde\s+)?moties?\b",
    re.IGNORECASE,
)

ABBREVIATIONS = set("nr nrs mln mld bijv resp art jl blz p incl excl ca vgl zgn dhr mevr".split())
SENTENCE_END = re.compile(r"[.!?](?=[\u201d\u2019\"')]*\s+[A-Z\u201c\u2018\"'(0-9€])")
ABBREVIATED = re.compile(r"^(?:\w\.)*\w$")  # "c.s", "D.M", "o.a", a single letter

KAMER = r"(?:[Uu]w|[Dd]e|[Dd]e\s+Tweede)\s+Kamer"
MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
LATER_MOMENT = (  # a moment still to come, named the way dates.py reads it
    rf"\b(?:voor|na|uiterlijk|eind|begin|medio|in)\s+(?:de\s+|het\s+)?(?:zomer\w*|kerst\w*|voorjaar|najaar"
    rf"|(?:eerste|tweede|derde|vierde)\s+kwartaal|{MONTH}|\d{{1,2}}\s+{MONTH})\b"
    r"|\bbij\s+de\s+(?:begroting|voorjaarsnota|najaarsnota|miljoenennota)\b"
)
TO_DELIVER = (
    r"(?:informeren|berichten|sturen|toesturen|toe\s+te\s+sturen|zenden|toezenden|toe\s+te\s+zenden|toekomen"
    r"|aanbieden|aan\s+te\s+bieden|rapporteren|indienen|in\s+te\s+dienen)"
)
SENT = r"(?:verzonden|gestuurd|toegezonden|aangeboden|toegestuurd)"
WHO = r"(?:het\s+kabinet|de\s+minister|de\s+staatssecretaris|de\s+regering)"
# Each pattern with words (lower case) of which a sentence must hold one for it to match:
# a substring test is far cheaper than the search, and most sentences fail it.
NEW_PROMISE = [
    (
        re.compile(r"\bzal\s+ik\b|\bik\s+zal\b|\bzullen\s+(?:wij|we)\b|\b(?:wij|we)\s+zullen\b", re.IGNORECASE),
        ("zal", "zullen"),
    ),
    (re.compile(rf"\bzal\s+{WHO}\b", re.IGNORECASE), ("zal",)),
    (
        re.compile(rf"\b{WHO}\s+(?:zal|zullen)\b.*?\b{TO_DELIVER}\b", re.IGNORECASE),
        ("kabinet zal", "minister zal", "staatssecretaris zal", "regering zal", "zullen"),
    ),
    (  # "Uw Kamer wordt voor de zomer geïnformeerd", "De Kamer zal … een rapportage ontvangen"
        re.compile(r"\bKamer\s+(?:wordt|zal)\b.*?\b(?:ge[iï]nformeerd|bericht|ontvangen)\b"),
        ("kamer wordt", "kamer zal"),
    ),
    (  # "zullen … aan uw Kamer worden aangeboden", "aan uw Kamer zal worden verzonden"
        re.compile(rf"\b(?:zal|zullen)\b.*?\b(?:aan|naar)\s+(?:u|{KAMER})\s+(?:worden\s+)?{SENT}\b"),
        ("verzonden", "gestuurd", "toegezonden", "aangeboden", "toegestuurd"),
    ),
    (  # "Het kabinet zet zich in om het wetsvoorstel zo spoedig mogelijk aan uw Kamer aan te bieden"
        re.compile(
            rf"\b(?:zet(?:ten)?\s+(?:ik|wij|we|{WHO})\s+(?:mij|me|ons|zich)|(?:ik|wij|we|{WHO})\s+zet(?:ten)?\s+"
            rf"(?:mij|me|ons|zich))\s+in\b.*?\b(?:u|{KAMER})\b.*?\b{TO_DELIVER}\b",
            re.IGNORECASE,
        ),
        (" zet ", "zetten"),
    ),
    (  # "Ik zeg toe uw Kamer … te informeren", "zeg ik u toe"
        re.compile(
            r"\b(?:zeg(?:gen)?\s+(?:ik|wij|we)|(?:ik|wij|we)\s+zeg(?:gen)?)\b(?:\s+\w+){0,3}?\s+toe\b", re.IGNORECASE
        ),
        ("zeg ", "zeggen"),
    ),
    (
        re.compile(rf"\b(?:wordt|worden|zal|zullen)\s+(?:ik\s+)?{KAMER}\b.*?\b(?:ge[iï]nformeerd|bericht)\b"),
        ("kamer",),
    ),
    (re.compile(rf"\bverwacht(?:en)?\b.*?\b(?:u|{KAMER})\b.*?\b{TO_DELIVER}\b"), ("verwacht",)),
    (re.compile(rf"\bstreef(?:t|en)?\b.*?\b(?:u|{KAMER})\b.*?\bte\s+{TO_DELIVER}\b", re.IGNORECASE), ("stre",)),
    (  # "Hier kom ik voor de zomer op terug", "Op de uitkomsten komt het kabinet bij uw Kamer terug"
        re.compile(
            r"\b(?:kom(?:t|en)?\s+(?:ik|wij|we|het\s+kabinet)|(?:ik|wij|we|het\s+kabinet)\s+kom(?:t|en)?)\b"
            r"(?:(?!\bniet\b)[^.;])*?\bterug\b",
            re.IGNORECASE,
        ),
        ("terug",),
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
    (re.compile(rf"\b(?:informeer|stuur|zend)\s+ik\s+{KAMER}\b.*?\b(?:voor|uiterlijk|eind|begin|na)\b"), ("kamer",)),
    (  # "Ik informeer uw Kamer voor het zomerreces over …": the present for a later moment
        re.compile(
            rf"\b(?:ik|wij|we)\s+(?:informeer|informeren|stuur|sturen|zend|zenden)\s+(?:u|{KAMER})\b.*?{LATER_MOMENT}",
            re.I,
        ),
        ("ik informeer", "informeren u", "informeren uw", "ik stuur", "sturen u", "ik zend", "zenden u"),
    ),
    (
        re.compile(r"\bwordt\s+u\s+(?:bericht|geïnformeerd)\b|\buw\s+Kamer\s+zal\s+worden\s+(?:verzonden|gestuurd)\b"),
        ("wordt", "kamer"),
    ),
    (
        re.compile(r"\baan\s+uw\s+Kamer\s+(?:zal|zullen)\s+worden\s+(?:verzonden|gestuurd|toegezonden|aangeboden)\b"),
        ("kamer",),
    ),
]
# A prior commitment: the match ends where the earlier promise's words (and its due moment) begin.
PRIOR_PROMISE = [
    (
        re.compile(
            r"\bzoals\s+(?:ik\s+)?(?:eerder\s+|reeds\s+|u\s+)?(?:aan\s+uw\s+Kamer\s+)?toegezegd\b", re.IGNORECASE
        ),
        ("toegezegd",),
    ),
    (re.compile(r"\bzoals\s+(?:ik|het\s+kabinet)\b.*?\btoezegde\b", re.IGNORECASE), ("toezegde",)),
    (re.compile(r"\b(?:zoals|is|werd|heb|hebben|had|hadden)\b.{0,120}?\btoegezegd\b", re.IGNORECASE), ("toegezegd",)),
    (re.compile(r"\b(?:mijn|de|deze|die|onze)\s+toezegging(?:en)?\b", re.IGNORECASE), ("toezegging",)),
    (  # "heb ik u bericht … dat ik Uw Kamer voor 1 april een notitie zal doen toekomen"
        re.compile(
            r"\b(?:heb|had)\s+ik\s+(?:u|uw\s+Kamer)\s+(?:\w+\s+){0,3}?(?:bericht|gemeld|laten\s+weten|meegedeeld)\b"
            r".*?\bdat\s+ik\b(?=.*\b(?:zal|zou)\b)",
            re.IGNORECASE,
        ),
        ("bericht", "gemeld", "laten weten", "meegedeeld"),
    ),
]
ABOUT_THIS_LETTER = re.compile(  # "de in deze brief genoemde maatregelen" is not about the letter itself
    r"(?<!\bde\s)(?<!\bhet\s)\b(?:in|met)\s+(?:deze|dit|onderhavige)\s+(?:\w*brief|bericht)\b"
    r"|\b(?:deze|dit)\s+(?:\w*brief|samenvatting|hoofdstuk|paragraaf)\s+(?:beginnen|openen|afsluiten|eindigen)\b"
    r"|\bna\s+(?:deze|dit)\s+(?:samenvatting|inleiding|hoofdstuk|paragraaf)\b"
    r"|\((?:zie\s+)?(?:hoofdstuk|paragraaf)\s+\d[^()]*\)|\b(?:hierbij|hieronder|verderop|onderstaand\w*)\b"
    r"|\bin\s+de\s+bijlage\b",
    re.IGNORECASE,
)
ONGOING = re.compile(r"\bblijf|\bblijven\b", re.IGNORECASE)  # "Ik zal … eindverantwoordelijk blijven"
INFORMING = re.compile(rf"\b{TO_DELIVER}\b|\bop\s+de\s+hoogte\b", re.IGNORECASE)


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
    return word.lower() in ABBREVIATIONS or bool(ABBREVIATED.match(word))


def find_motions(
    passages: list[Passage], footnote_kamerstukken: dict[str, str], members: "KnownMembers | None" = None
) -> list[MotionMention]:
    """Every motion mention in reading order. With the Kamer's members (`KnownMembers`, or a list of
    `Member`) each named member gets the keys of the members it can be; without, names stand alone."""
    known = KnownMembers.of(members) if members is not None and not isinstance(members, KnownMembers) else members
    mentions: list[MotionMention] = []
    previous_sentence_mentions: list[int] = []
    for passage in passages:
        for start, end in sentences(passage.text):
            sentence = passage.text[start:end]
            found = _mentions_in(passage, start, end, footnote_kamerstukken) if "otie" in sentence else []
            declared = _declared(sentence, [m.start - start for m in found])
            if declared == "back" and not found and previous_sentence_mentions:
                index = previous_sentence_mentions[-1]
                mentions[index] = _with(mentions[index], declares_done=True, sentence=sentence)
            for position, mention in enumerate(found):
                done = declared != "back" and position in (declared or ())
                mentions.append(_with(mention, declares_done=done, persons=_persons(mention, known)))
            if found:
                previous_sentence_mentions = [len(mentions) - len(found) + i for i in range(len(found))]
    return mentions


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
            kamerstuk=kamerstuk or _kamerstuk_after(passage.refs, start + match.end(), footnote_kamerstukken),
            declares_done=False,
            sentence=sentence,
            start=start + match.start(),
        )

    found = [mention(*item) for item in _cited_first(sentence)]
    for match in MENTION.finditer(sentence):
        groups = (
            re.split(r"\s+en\s+(?=[A-Z])(?=.*c\.s\.)", match.group("names"))
            if match.group("word").lower() == "moties"
            else [match.group("names")]
        )
        kamerstuk = _kamerstuk_in(match.group("parties"))
        found += [mention(match, members, match.group(0), kamerstuk) for g in groups if (members := _members(g))]
        listed = match
        while match.group("word").lower() == "moties" and listed.group("parties"):
            listed = NEXT_IN_LIST.match(sentence, listed.end())
            if not listed or not (members := _members(listed.group("names"))):
                break
            text = sentence[listed.start("names") : listed.end()]
            found.append(mention(listed, members, text, _kamerstuk_in(listed.group("parties"))))
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
    for lead in CITED_FIRST.finditer(sentence):
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


def _members(group: str) -> tuple[str, ...]:
    names = re.split(r"\s+en\s+|,\s+|/", re.sub(r"\s+c\.s\.", "", group))
    return tuple(re.sub(rf"^{INITIALS}", "", name.strip()) for name in names if name.strip())


def _kamerstuk_in(brackets: str | None) -> str | None:
    """The kamerstuk cited in the brackets after a motion: "(Kamerstukken II 2023/24, 29 628, nr. 1200)"."""
    if not brackets or not any(c.isdigit() for c in brackets):
        return None
    citations, _ = find_citations(brackets)
    return citations[0].key if citations else None


def _kamerstuk_after(refs, offset: int, footnote_kamerstukken) -> str | None:
    for ref_offset, number in refs:
        if offset <= ref_offset <= offset + 3:
            return footnote_kamerstukken.get(number)
    return None


def _declared(sentence: str, mention_starts: list[int]):
    """Which mentions in the sentence it declares done: a tuple of indexes, "back" (an earlier one), or None."""
    lower = sentence.lower()
    if not any(word in lower for word in DECLARING_WORDS):
        return None
    for words, pattern in DECLARATIONS:
        match = any(word in lower for word in words) and pattern.search(sentence)
        if not match or _negated(sentence, match):
            continue
        inside = tuple(i for i, s in enumerate(mention_starts) if match.start("span") <= s < match.end("span"))
        before = [i for i, s in enumerate(mention_starts) if s < match.start()]
        if inside or before:
            return inside or (before[-1],)
        return "back" if BACK_REFERENCE.search(sentence) else None
    return None


def _negated(sentence: str, match) -> bool:
    """Whether the declaration is denied: "is nog niet afgedaan", "kan de motie niet als afgedaan beschouwen"."""
    clause_start = max(sentence.rfind(mark, 0, match.start()) for mark in ",;:") + 1
    return bool(NEGATION.search(sentence, clause_start, match.end()) or CONDITION.search(sentence))


def find_commitments(passages: list[Passage], letter_date: datetime.date | None) -> list[Commitment]:
    found = []
    for passage in passages:
        patterns = _promise_patterns(passage.text.lower())
        if not (patterns[0] or patterns[1]):
            continue  # no trigger word anywhere in the passage: no sentence of it can promise
        for start, end in sentences(passage.text):
            sentence = passage.text[start:end].strip()
            promise = _promise(sentence, patterns)
            if promise:
                kind, due_from = promise
                due = parse_due(sentence[due_from:], letter_date, looking_back=kind == "prior")
                found.append(Commitment(passage.section, sentence, kind, due))
    return found


def commitment_kind(sentence: str) -> str | None:
    promise = _promise(sentence)
    return promise[0] if promise else None


# Every pattern's trigger words, tested once per passage: substring tests in one loop are cheaper
# than a regex alternation over the text, and the patterns whose words the passage lacks are not
# tried on any of its sentences.
TRIGGER_WORDS = tuple(sorted({word for _, words in PRIOR_PROMISE + NEW_PROMISE for word in words}))


def _promise_patterns(lower: str) -> tuple[list, list]:
    """The prior and new promise patterns (in their order) whose trigger words the text holds."""
    present = {word for word in TRIGGER_WORDS if word in lower}
    return (
        [(pattern, words) for pattern, words in PRIOR_PROMISE if not present.isdisjoint(words)],
        [(pattern, words) for pattern, words in NEW_PROMISE if not present.isdisjoint(words)],
    )


def _promise(sentence: str, patterns: tuple[list, list] | None = None) -> tuple[str, int] | None:
    """The kind of commitment a sentence makes and where its due moment is named: for an earlier
    promise, after the words that report it ("Begin oktober heb ik toegezegd …" is not due in October).
    `patterns`: those of the passage the sentence is part of (`_promise_patterns`), else all."""
    prior, new = patterns or (PRIOR_PROMISE, NEW_PROMISE)
    lower = sentence.lower()
    for pattern, words in prior:
        if any(word in lower for word in words) and (match := pattern.search(sentence)):
            return "prior", match.end()
    if not any(any(word in lower for word in words) and pattern.search(sentence) for pattern, words in new):
        return None
    if ABOUT_THIS_LETTER.search(sentence) or (ONGOING.search(sentence) and not INFORMING.search(sentence)):
        return None
    return "new", 0
