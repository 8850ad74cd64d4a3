"""The wording of a commitment: the patterns a sentence that promises something matches (pure Python).

A new commitment ("Ik zal uw Kamer voor de zomer informeren", "Hier kom ik op terug") or a prior
one ("Zoals toegezegd ..."). Each pattern comes with trigger words (lower case) of which a
sentence must hold one for the pattern to be tried, and with what its regex cannot match without
(`commitments.literals.Needs`): both are substring tests, far cheaper than the search, and most
sentences and paragraphs fail them.
"""

import bisect
import re
from dataclasses import dataclass

import ahocorasick_rs

from commitments.literals import Needs, folded, is_plain

KAMER = r"(?:[Uu]w|[Dd]e|[Dd]e\s+Tweede)\s+Kamer"
MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
LATER_MOMENT = (  # a moment still to come, named the way dates.py reads it; one group, so that the words
    # around it in a wording bind to all of it ("ontvangt VWS … in februari" holds no "in februari ontvangt u")
    rf"(?:\b(?:voor|na|uiterlijk|eind|begin|medio|in)\s+(?:de\s+|het\s+)?(?:zomer\w*|kerst\w*|voorjaar|najaar"
    rf"|(?:eerste|tweede|derde|vierde)\s+kwartaal|Q[1-4]\s+20\d\d|{MONTH}|\d{{1,2}}\s+{MONTH})\b"
    r"|\bbij\s+de\s+(?:begroting|voorjaarsnota|najaarsnota|miljoenennota)\b"
    r"|\b(?:voor|vóór|op|bij|met)\s+(?:de\s+)?Prinsjesdag\b)"
)
# A moment still to come or a condition still to be met: what makes a sentence in the present a promise.
FUTURE = rf"(?:{LATER_MOMENT}|\b(?:zodra|nadat|binnenkort|op\s+korte\s+termijn|zo\s+(?:spoedig|snel)\s+mogelijk)\b)"
SENDING = r"(?:verstuurd|verzonden|gestuurd|toegezonden|toegestuurd|aangeboden)"
TO_DELIVER = (
    r"(?:informeren|berichten|sturen|toesturen|toe\s+te\s+sturen|zenden|toezenden|toe\s+te\s+zenden|toekomen"
    r"|aanbieden|aan\s+te\s+bieden|rapporteren|indienen|in\s+te\s+dienen)"
)
SENT = r"(?:verzonden|gestuurd|toegezonden|aangeboden|toegestuurd)"
WHO = r"(?:het\s+kabinet|de\s+minister|de\s+staatssecretaris|de\s+regering)"
# Each pattern with words (lower case) of which a sentence must hold one for it to be tried.
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
    (  # "Het kabinet zal in een separate brief op deze vraag ingaan": a letter to come; not "zal ingaan op"
        # without a letter (a Council's agenda, a talk), nor "in deze brief", the letter itself (`ABOUT_THIS_LETTER`)
        re.compile(
            rf"\b{WHO}\s+(?:zal|zullen)\b[^.;?]*?\bin\s+een\s+(?:\w+\s+)?brief\b[^.;?]*?\bingaan\b",
            re.IGNORECASE,
        ),
        ("kabinet zal", "minister zal", "staatssecretaris zal", "regering zal", "zullen"),
    ),
    (  # "Uw Kamer wordt voor de zomer geïnformeerd", "De Kamer zal … een rapportage ontvangen"
        re.compile(r"\bKamer\s+(?:wordt|zal)\b.*?\b(?:ge[iï]nformeerd|bericht|ontvangen)\b"),
        ("kamer wordt", "kamer zal"),
    ),
    (  # "U zult deze informatie … ontvangen", "Daarna zult u … worden geïnformeerd": the Kamer addressed, to
        # come; not "U zult begrijpen dat …", what it will have had ("u zult de brief hebben ontvangen"), a question
        re.compile(
            r"\b(?:[Uu]\s+zult|zult\s+u)\b(?:(?!\b(?:niet|hebben)\b)[^.;?])*?\b(?:ontvangen|ge[iï]nformeerd)\b(?![^.;]*\?)"
        ),
        ("u zult", "zult u"),
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
            r"\b(?:zeg(?:gen)?\s+(?:ik|wij|we)|(?:ik|wij|we)\s+zeg(?:gen)?)\b(?:\s+[^\s.;:]+){0,8}?\s+toe\b",
            re.IGNORECASE,
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
    (  # "…, waarna ik uw Kamer spoedig zal informeren", "een agenda die we u in het voorjaar zullen toezenden":
        # a subordinate or relative clause puts its verbs last
        re.compile(
            r"\b(?:waarna|nadat|zodat|dat|die|welke)\s+(?:ik|wij|we)\b(?:\s+(?!niet\b|geen\b)[^\s,;]+){1,6}?\s+"
            rf"(?:zal|zullen)\s+(?:doen\s+)?{TO_DELIVER}\b",
            re.IGNORECASE,
        ),
        (
            "waarna ",
            "nadat ",
            "dat ik",
            "dat wij",
            "dat we",
            "die ik",
            "die wij",
            "die we",
            "welke ",
        ),  # "zodat ik": "dat ik"
    ),
    (  # "In Q1 2026 ontvangt uw Kamer de rapportage", "Uw Kamer ontvangt in het najaar …": the present for later
        re.compile(
            rf"{LATER_MOMENT}(?:\s+\S+){{0,3}}?\s+ontvangt\s+(?:u|{KAMER})\b"
            rf"|\b(?:u|{KAMER})\s+ontvangt\b.*?{LATER_MOMENT}"
            rf"|\b(?:zodra|nadat)\b[^.;]{{1,200}}?,\s*ontvangt\s+(?:u|{KAMER})\b",  # "Zodra …, ontvangt uw Kamer"
            re.IGNORECASE,
        ),
        ("ontvangt",),
    ),
    (  # "Zodra er een akkoord is, wordt deze verstuurd aan de Kamer", "Na de zomer wordt het aan uw Kamer gestuurd"
        re.compile(
            rf"^(?=.*?{FUTURE}).*?\b(?:wordt|worden)\b(?:\s+[^\s,;]+){{0,6}}?\s+"
            rf"(?:{SENDING}\s+(?:aan|naar)\s+(?:u|{KAMER})|(?:aan|naar)\s+(?:u|{KAMER})\s+{SENDING})\b",
            re.IGNORECASE,
        ),
        ("verstuurd", "verzonden", "gestuurd", "toegezonden", "toegestuurd", "aangeboden"),
    ),
    (  # "Ik stuur het akkoord na de zomer aan uw Kamer", "Zo spoedig mogelijk daarna zend ik u de rapportage"
        re.compile(
            rf"^(?=.*?{FUTURE}).*?\b(?:(?:ik|wij|we)\s+(?:stuur|sturen|zend|zenden|bied|bieden)"
            rf"|(?:stuur|zend|bied)\s+ik|(?:sturen|zenden|bieden)\s+(?:wij|we))"
            rf"(?:\s+(?:u|{KAMER})\b|\b[^.;]{{0,80}}?\b(?:aan|naar)\s+(?:u|{KAMER})\b)",
            re.IGNORECASE,
        ),
        tuple(  # the subject beside its verb: "sturen" alone stands in "aansturen" and "aan te sturen"
            pair
            for verb, plural in (("stuur", "sturen"), ("zend", "zenden"), ("bied", "bieden"))
            for pair in (f"ik {verb}", f"{verb} ik", f"wij {plural}", f"we {plural}", f"{plural} wij", f"{plural} we")
        ),
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
    (  # "is, in antwoord op vragen van de leden …, uw Kamer … toegezegd": a clause set off by commas may stand between
        re.compile(
            r"\b(?:zoals|is|werd|heb|heeft|hebben|had|hadden)\b(?:\s*,[^,;]{1,160},)?.{0,200}?\btoegezegd\b",
            re.IGNORECASE,
        ),
        ("toegezegd",),
    ),
    (re.compile(r"\b(?:mijn|de|deze|die|onze)\s+toezegging(?:en)?\b", re.IGNORECASE), ("toezegging",)),
    (  # "heb ik u bericht … dat ik Uw Kamer voor 1 april een notitie zal doen toekomen"
        re.compile(
            r"\b(?:heb|had)\s+ik\s+(?:u|uw\s+Kamer)\s+(?:\w+\s+){0,3}?(?:bericht|gemeld|laten\s+weten|meegedeeld)\b"
            r".*?\bdat\s+ik\b(?=.*\b(?:zal|zou)\b)",
            re.IGNORECASE,
        ),
        ("bericht", "gemeld", "laten weten", "meegedeeld"),
    ),
    (  # "heeft de Staatssecretaris … uw Kamer laten weten u eind van het jaar te informeren", "Het kabinet heeft …"
        re.compile(
            rf"\b(?:heb|had|heeft|hebben|hadden)\s+(?:(?:ik|wij|we|{WHO}(?:\s+[^\s,;]+){{0,8}}?)\s+)?(?:u|uw\s+Kamer)\s+"
            r"(?:\w+\s+){0,3}?(?:bericht|gemeld|laten\s+weten|meegedeeld)\b(?=[^.;]{0,120}?\b(?:te\s+(?:informeren"
            r"|berichten|sturen|zenden|rapporteren|delen)|(?:toe|aan|in)\s+te\s+(?:sturen|zenden|bieden|dienen))\b)",
            re.IGNORECASE,
        ),
        ("laten weten", "bericht", "gemeld", "meegedeeld"),
    ),
]
ABOUT_THIS_LETTER = re.compile(  # "de in deze brief genoemde maatregelen" is not about the letter itself
    r"(?<!\bde\s)(?<!\bhet\s)\b(?:in|met)\s+(?:deze|dit|onderhavige)\s+(?:\w*brief|bericht)\b"
    # a part of the letter, also named by what it is: "In het eerste gedeelte van deze voortgangsrapportage zal ik …"
    r"|\b(?:in\s+het|het)\s+(?:\w+\s+)?(?:gedeelte|deel)\s+van\s+(?:deze|dit|onderhavige)\s+"
    r"(?:\w*brief|\w*rapportage|notitie)\b"
    r"|\b(?:deze|dit)\s+(?:\w*brief|samenvatting|hoofdstuk|paragraaf)\s+(?:beginnen|openen|afsluiten|eindigen)\b"
    r"|\bna\s+(?:deze|dit)\s+(?:samenvatting|inleiding|hoofdstuk|paragraaf)\b"
    r"|\((?:zie\s+)?(?:hoofdstuk|paragraaf)\s+\d[^()]*\)|\b(?:hierbij|hieronder|verderop|onderstaand\w*)\b"
    r"|\bin\s+de\s+bijlage\b",
    re.IGNORECASE,
)
# "zal de Minister de bijeenkomst voorzitten", "zal ik de Raad bijwonen": taking part in a meeting is no promise
PARTAKING = re.compile(
    r"\b(?:deel\s*(?:te\s+)?nemen|deelnemen|voorzitten|voor\s+te\s+zitten|bijwonen|bij\s+te\s+wonen|vertegenwoordigen)\b",
    re.IGNORECASE,
)
ONGOING = re.compile(r"\bblijf|\bblijven\b", re.IGNORECASE)  # "Ik zal … eindverantwoordelijk blijven"
INFORMING = re.compile(rf"\b{TO_DELIVER}\b|\bop\s+de\s+hoogte\b", re.IGNORECASE)
# Each tried where the sentence holds what it needs (literals): the search tries them at every position.
ABOUT_THIS_LETTER_NEEDS = Needs.of(ABOUT_THIS_LETTER)
ONGOING_NEEDS = Needs.of(ONGOING)


# Words in nearly every passage of a letter to the Kamer (every "Kamerstuk" cited): no wording's anchor.
EVERYWHERE = ("kamer",)


@dataclass(frozen=True)
class Wording:
    """A pattern of commitment wording, tried only on a text that holds one of its words and what its regex needs."""

    pattern: re.Pattern
    words: tuple[str, ...]
    needs: Needs
    anchors: tuple[str, ...]  # lower case: a passage whose lower() holds none of them cannot match
    looks: tuple[str, ...]  # the anchors as they stand in a `folded` text

    @classmethod
    def of(cls, pattern: re.Pattern, words: tuple[str, ...]) -> "Wording":
        needs = Needs.of(pattern)
        anchors = _anchors(words, needs)
        return cls(pattern, words, needs, anchors, tuple(folded(anchor) for anchor in anchors))

    def possible(self, text: str, lower: str, plain: bool | None = None) -> bool:
        for word in self.words:  # a for loop: a generator cost more than the tests
            if word in lower:
                return self.needs.met(text, lower, plain)
        return False

    def search(self, sentence: str, lower: str, plain: bool | None = None):
        return self.possible(sentence, lower, plain) and self.pattern.search(sentence)


def _anchors(words: tuple[str, ...], needs: Needs) -> tuple[str, ...]:
    """Of the clauses the wording cannot match without (its words, those of `needs`) the rarest one,
    in lower case: the one with the longest strings, then the fewest."""
    clauses = [words]
    for clause in needs.clauses:  # a string the text holds is in its lower() in lower case (but for
        if needs.folded or not any("Σ" in string for string in clause):  # Σ, which lower() reads in context)
            clauses.append(tuple(string.lower() for string in clause))
    usable = [clause for clause in clauses if not any(string in EVERYWHERE for string in clause)] or clauses
    return max(usable, key=lambda clause: (min(map(len, clause)), -len(clause)))


PRIOR = tuple(Wording.of(pattern, words) for pattern, words in PRIOR_PROMISE)
NEW = tuple(Wording.of(pattern, words) for pattern, words in NEW_PROMISE)

# What `wordings_in` looks for: for each anchor a part of it, so that its presence follows from the
# anchor's and no passage a wording can match is passed over. The parts with a "z" are a few short
# words that most anchors with a "z" hold; the other parts are the anchors that hold no other anchor:
# a wording whose anchor holds one ("kamer zal" holds "zal") is looked at where that one is, which
# makes the passage one to read anyway. All are found in one scan (PART_SCANNER).
Z_PARTS = ("zal", "zullen", "zet ", "zetten", "zeg ", "zeggen", "zegd", "zegging", "zend", "zonden")
ANCHORS = {anchor for wording in PRIOR + NEW for anchor in wording.anchors}
SCANNED = tuple(
    sorted(a for a in ANCHORS if "z" not in a and not any(b != a and b in a and "z" not in b for b in ANCHORS))
)


def _parts(wording: Wording) -> frozenset[str]:
    """The parts (Z_PARTS, SCANNED) of which a passage holds one where it holds an anchor of the wording."""
    parts = set()
    for anchor in wording.anchors:
        part = next((p for p in Z_PARTS if p in anchor), None) if "z" in anchor else None
        parts.update([part] if part else (s for s in SCANNED if s in anchor))
    return frozenset(parts)


# Each scanned part as it stands in a `folded` text ("ge?nformeerd"): where the part stands in lower(),
# that does in the folded copy, and a passage holding it only for another "?" is read further, no more.
SCANNED_FOLDED = tuple(folded(part) for part in SCANNED)

# (wording, its parts), in the wordings' order
PRIOR_PARTS = tuple((wording, _parts(wording)) for wording in PRIOR)
NEW_PARTS = tuple((wording, _parts(wording)) for wording in NEW)


def _by_part(wordings_parts) -> dict[str, tuple[int, ...]]:
    """Per part, the indexes of the wordings it is a part of: a passage holds a few parts, not 24."""
    indexes: dict[str, list[int]] = {}
    for index, (_, parts) in enumerate(wordings_parts):
        for part in parts:
            indexes.setdefault(part, []).append(index)
    return {part: tuple(found) for part, found in indexes.items()}


PRIOR_BY_PART = _by_part(PRIOR_PARTS)
NEW_BY_PART = _by_part(NEW_PARTS)


# Every part at once: one Aho-Corasick scan of a `folded` text (ASCII, one character a byte) for all of
# them, where a str.find per part went through the letter some 40 times.
PARTS = Z_PARTS + SCANNED
PART_SCANNER = ahocorasick_rs.AhoCorasick([*Z_PARTS, *SCANNED_FOLDED], matchkind=ahocorasick_rs.MATCHKIND_STANDARD)


def anchors_in(lower: str) -> set[str]:
    """The parts `lower` (a `folded` text) holds."""
    return {PARTS[part] for part, _, _ in PART_SCANNER.find_matches_as_indexes(lower, overlapping=True)}


def anchors_by_part(lower: str, starts: list[int]) -> list[set[str]]:
    """The parts each part of `lower` (a `folded` text) holds (parts of the text begin at `starts`, and
    none holds the newline before the next): all looked for in the whole text at once."""
    found = [set() for _ in starts]
    for part, at, _ in PART_SCANNER.find_matches_as_indexes(lower, overlapping=True):
        found[bisect.bisect_right(starts, at) - 1].add(PARTS[part])
    return found


def wordings_in(
    text: str, lower: str, anchors: set[str] | None = None, plain: bool | None = None
) -> tuple[list[Wording], list[Wording]]:
    """The prior and new wordings (in their order) a passage can hold: the others can match none of
    its sentences (a sentence's words and strings are the passage's). `lower` is `folded(text)`, and
    `anchors` the anchors it holds (`anchors_in`): most passages hold none, and then no wording is
    looked at. `plain`: whether the text `is_plain`, when the caller knows."""
    present = anchors_in(lower) if anchors is None else anchors
    if not present:
        return [], []
    plain = is_plain(text) if plain is None else plain
    return (
        _possible(PRIOR, PRIOR_BY_PART, present, text, lower, plain),
        _possible(NEW, NEW_BY_PART, present, text, lower, plain),
    )


def _possible(wordings, by_part, present: set[str], text: str, lower: str, plain: bool) -> list[Wording]:
    """The wordings (in their order) with a part in `present` that are `possible` in the text."""
    indexes = set()
    for part in present:
        indexes.update(by_part.get(part, ()))
    return [wordings[i] for i in sorted(indexes) if wordings[i].possible(text, lower, plain)]


def by_sentence(lower: str, spans: list[tuple[int, int]], wordings: tuple[list, list]) -> list[tuple[list, list]]:
    """Per sentence (`spans` of the passage that `lower` is `folded`, as long as it), the passage's
    wordings that can match it: those with an anchor that begins in it, as every match holds one.
    Each anchor is looked for once in the passage, not each wording in every sentence."""
    ends = [end for _, end in spans]
    found = [([], []) for _ in spans]
    for kind, kind_wordings in enumerate(wordings):
        for wording in kind_wordings:
            sentences = set()
            for look in wording.looks:
                at = lower.find(look)
                while at != -1:
                    sentences.add(bisect.bisect_right(ends, at))
                    at = lower.find(look, at + 1)
            for index in sentences:
                if index < len(spans):  # none after the last: whitespace
                    found[index][kind].append(wording)
    return found


def promise(
    sentence: str, wordings: tuple | None = None, lower: str | None = None, plain: bool | None = None
) -> tuple[str, int] | None:
    """The kind of commitment a sentence makes and where its due moment is named: for an earlier
    promise, after the words that report it ("Begin oktober heb ik toegezegd …" is not due in October).
    `wordings`: those of the passage the sentence is part of (`wordings_in`), else all; `lower`: the
    sentence `folded`, when the caller has it; `plain`: whether it `is_plain`, when the caller knows."""
    prior, new = wordings or (PRIOR, NEW)
    lower = folded(sentence) if lower is None else lower
    plain = is_plain(sentence) if plain is None else plain
    for wording in prior:
        if match := wording.search(sentence, lower, plain):
            return "prior", match.end()
    for wording in new:
        if wording.search(sentence, lower, plain):
            break
    else:
        return None
    if ABOUT_THIS_LETTER_NEEDS.met(sentence, lower, plain) and ABOUT_THIS_LETTER.search(sentence):
        return None
    ongoing = ONGOING_NEEDS.met(sentence, lower, plain) and ONGOING.search(sentence)
    if (ongoing or PARTAKING.search(sentence)) and not INFORMING.search(sentence):
        return None
    if QUESTION.search(sentence):  # "Kunt u bevestigen dat u schreef: «… zal ik … treffen»?": a member asks
        return None
    return "new", 0


QUESTION = re.compile(r"\?[\s»«”“’'\")\]]*$")  # a sentence that ends in a question mark, quotes and brackets after it


def commitment_kind(sentence: str) -> str | None:
    found = promise(sentence)
    return found[0] if found else None
