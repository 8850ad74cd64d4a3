"""Tag sections with topics by editable rules (pure matching; the rules live in the database).

A rule is a term with a weight. "meldkamer" matches the word and its Dutch
inflections (meldkamers); "meldkamer*" also matches compounds (meldkamerdomein,
meldkamerfunctie); a term may hold spaces or hyphens ("112-melding", "NL-Alert").
A section gets the topics its heading names; without a heading match, its body
must score above the topic's threshold (so a passing mention does not tag it),
or hold a term that on its own names the topic (`names`: VMX and C2000 name
"C2000 en VMX", while "radiobediening" is only a hint); a section with no match
of its own takes its parent's topics.

A letter's untitled opening often lists what the letter is about in one sentence,
each subject mentioned once. So the opening of a letter that goes on in other
sections also takes every topic it mentions that one of those sections is tagged
with: a mention of what the letter itself treats is a subject it lists. A mention
of anything else, and the opening of a letter that is one passage, still need the
threshold like any other passage.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

import ahocorasick_rs

INFLECTION = r"(?:s|en|e|'s|’s)?"
MAX_COUNT = 3  # a word repeated in one long passage should not outweigh every other rule
# The characters besides A-Z and a-z that the case rule of re takes as an ASCII letter: İ and ı as i,
# ſ as s, the Kelvin sign as k (tests/letters/topics/test_matching_scan.py looks through all of Unicode).
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"
SEARCHED_TOGETHER = 200_000  # characters: the seed letter has 44,000


@dataclass(frozen=True)
class Rule:
    term: str
    weight: float = 1.0
    names: bool = False  # one mention of the term tags: it names the topic on its own


@dataclass(frozen=True)
class TopicRules:
    slug: str
    rules: tuple[Rule, ...]
    threshold: float = 5.0


@dataclass(frozen=True)
class SectionText:
    heading: str
    body: str
    parent: int | None  # index of the parent section in the same list


def term_source(term: str) -> str:
    """The regular expression for one rule's term, with its case rule built in."""
    term = term.strip()
    compound = term.endswith("*")
    words = [re.escape(part) for part in re.split(r"\s+", term.rstrip("*").strip())]
    core = r"\s+".join(words)
    tail = r"[\w-]*" if compound else INFLECTION
    source = rf"(?<![\w-]){core}{tail}(?![\w])"
    # Acronyms (WAS, NCV, LMS) keep their case: "was" is also a common Dutch verb.
    acronym = re.fullmatch(r"[A-Z0-9-]{2,8}", term.rstrip("*")) is not None
    return source if acronym else f"(?i:{source})"


def compile_term(term: str) -> re.Pattern:
    return re.compile(term_source(term))


class Matcher:
    """Every topic's rules, compiled once; `tag` gives each section its topic slugs.

    A term's pattern is tried only where its first word stands, found for every term at once by one
    multi-word (Aho-Corasick) scan of all the letter's texts (`_hits_of`), so no text is scanned by
    every pattern, nor searched once per term. A term shared by two topics counts for both.
    """

    def __init__(self, topics: list[TopicRules]):
        self.slugs = [t.slug for t in topics]
        self.thresholds = [t.threshold for t in topics]
        by_term: dict[str, list[tuple[int, float, bool]]] = {}
        for index, topic in enumerate(topics):
            for rule in topic.rules:
                if rule.term.strip():
                    by_term.setdefault(rule.term.strip(), []).append((index, rule.weight, rule.names))
        # (the term's first word in lower case, its pattern, the topics it counts for: index, weight, names)
        self.terms = [
            (re.split(r"\s+", term.rstrip("*").lower())[0], compile_term(term), users)
            for term, users in by_term.items()
        ]
        # The terms `_hits_together` finds by their first word: an ASCII one, not empty (as that of a term
        # "*", which is everywhere). The others are tested as `_hits` does.
        self.first_words = _FirstWords(
            (literal, index, pattern)
            for index, (literal, pattern, _) in enumerate(self.terms)
            if literal and literal.isascii()
        )
        self.unscanned = [
            index for index, (literal, _, _) in enumerate(self.terms) if not literal or not literal.isascii()
        ]

    def _hits(self, text: str) -> list[tuple[int, list[tuple[int, float, bool]]]]:
        """(number of matches up to MAX_COUNT, topics it counts for) for every term found in the text:
        the plain way, for the letters and terms `_hits_of` cannot look through as bytes."""
        lowered = text.lower()
        found = []
        for literal, pattern, users in self.terms:
            if literal in lowered:
                count = min(len(pattern.findall(text)), MAX_COUNT)
                if count:
                    found.append((count, users))
        return found

    def _hits_of(self, texts: list[str]) -> list[list[tuple[int, list[tuple[int, float, bool]]]]]:
        """`_hits` of each text, the texts searched together (`_hits_together`) in batches of some
        SEARCHED_TOGETHER characters: a long letter in one, a huge one without a copy of all its text."""
        hits, batch, size = [], [], 0
        for text in texts:
            if batch and size + len(text) > SEARCHED_TOGETHER:
                hits += self._hits_together(batch)
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        return hits + self._hits_together(batch)

    def _hits_together(self, texts: list[str]) -> list[list[tuple[int, list[tuple[int, float, bool]]]]]:
        """`_hits` of each text: one scan of all of them for every term's first word at once, and a term's
        pattern tried only where its first word stands, not at every position of every text."""
        if len(texts) <= 2:  # one section: a search of the texts together saves nothing
            return [self._hits(text) for text in texts]
        joined = "\n".join(texts)  # no first word holds a newline
        if not joined.isascii() and any(char in joined for char in ASCII_LOOKALIKES):
            return [self._hits(text) for text in texts]
        # One byte per character, so positions stay: ASCII lower-cased, anything else "?". Without the
        # lookalikes, an ASCII word stands here wherever the case rule lets its pattern match in the text.
        lowered = joined.encode("ascii", "replace").lower()
        starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        counts: list[dict[int, int]] = [{} for _ in texts]
        self.first_words.count(lowered, texts, starts, counts)
        for term in self.unscanned:
            literal, pattern, _ = self.terms[term]
            for text, found in zip(texts, counts, strict=True):
                if literal in text.lower() and (count := min(len(pattern.findall(text)), MAX_COUNT)):
                    found[term] = count
        return [[(count, self.terms[term][2]) for term, count in sorted(found.items())] for found in counts]

    def own_topics(self, section: SectionText) -> list[str]:
        return self._slugs(self._own(*self._hits_of([section.heading, section.body])))

    def _own(self, heading_hits, body_hits) -> set[int]:
        """The topics the section's heading or naming terms name, or its body scores enough for."""
        own = _topics(heading_hits)
        scores = [0.0] * len(self.slugs)
        for count, users in body_hits:
            for topic, weight, names in users:
                scores[topic] += weight * count
                if names:
                    own.add(topic)
        return own | {index for index, score in enumerate(scores) if score >= self.thresholds[index]}

    def _slugs(self, topics: set[int]) -> list[str]:
        return [slug for index, slug in enumerate(self.slugs) if index in topics]

    def tag(self, sections: list[SectionText]) -> list[tuple[list[str], bool]]:
        """Per section: (topic slugs, inherited from the parent?)."""
        hits = self._hits_of([text for section in sections for text in (section.heading, section.body)])
        own = [self._own(hits[2 * index], hits[2 * index + 1]) for index in range(len(sections))]
        if len(sections) > 1 and is_opening(sections[0]):
            treated = set().union(*own[1:])
            own[0] |= _topics(hits[1]) & treated
        tagged: list[tuple[list[str], bool]] = []
        for section, topics in zip(sections, own, strict=True):
            if topics or section.parent is None:
                tagged.append((self._slugs(topics), False))
            else:
                tagged.append((list(tagged[section.parent][0]), True))
        return tagged


def _topics(hits) -> set[int]:
    return {topic for _, users in hits for topic, _, _ in users}


class _FirstWords:
    """The terms' first words, to find every place where any of them stands in one scan (Aho-Corasick)."""

    def __init__(self, words):
        """words: (first word, term index, pattern) triples."""
        terms_of: dict[str, list[tuple[int, re.Pattern]]] = {}
        for word, term, pattern in words:
            terms_of.setdefault(word, []).append((term, pattern))
        self.terms = list(terms_of.values())  # per word: the terms it begins and their patterns
        self.scanner = ahocorasick_rs.BytesAhoCorasick(
            [word.encode() for word in terms_of], matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )

    def count(self, lowered: bytes, texts: list[str], starts: list[int], counts: list[dict[int, int]]) -> None:
        """Per text, per term, the number of matches `pattern.findall` gives up to MAX_COUNT, trying a
        term's pattern only where its first word stands in lowered (the texts joined, each from its
        offset in starts)."""
        after: dict[int, int] = {}  # per term, where findall goes on after its last match, or the next text
        for word, at, _ in self.scanner.find_matches_as_indexes(lowered, overlapping=True):
            which = -1
            for term, pattern in self.terms[word]:
                if at < after.get(term, 0):
                    continue
                if which == -1:
                    which = bisect_right(starts, at) - 1
                if match := pattern.match(texts[which], at - starts[which]):
                    found = counts[which]
                    count = found[term] = found.get(term, 0) + 1
                    if count < MAX_COUNT:
                        after[term] = starts[which] + match.end()
                    else:  # counted enough in this text
                        after[term] = starts[which + 1] if which + 1 < len(starts) else len(lowered)


def is_opening(section: SectionText) -> bool:
    """The text before the letter's first heading."""
    return not section.heading.strip() and section.parent is None
