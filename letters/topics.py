"""Tag sections with topics by editable rules (pure matching; the rules live in the database).

A rule is a term with a weight. "meldkamer" matches the word and its Dutch
inflections (meldkamers); "meldkamer*" also matches compounds (meldkamerdomein,
meldkamerfunctie); a term may hold spaces or hyphens ("112-melding", "NL-Alert").
A section gets the topics its heading names; without a heading match, its body
must score above the topic's threshold (so a passing mention does not tag it);
a section with no match of its own takes its parent's topics.
"""

import re
from dataclasses import dataclass

INFLECTION = r"(?:s|en|e|'s|’s)?"
MAX_COUNT = 3  # a word repeated in one long passage should not outweigh every other rule


@dataclass(frozen=True)
class Rule:
    term: str
    weight: float = 1.0


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
    """All topics' rules in one alternation, so each text is scanned once; `tag` gives each
    section its topic slugs. At one position the longest term wins (no double counting)."""

    def __init__(self, topics: list[TopicRules]):
        self.slugs = [t.slug for t in topics]
        self.thresholds = [t.threshold for t in topics]
        by_term: dict[str, list[tuple[int, float]]] = {}  # one alternative per term, for every topic using it
        for index, topic in enumerate(topics):
            for rule in topic.rules:
                if rule.term.strip():
                    by_term.setdefault(term_source(rule.term), []).append((index, rule.weight))
        terms = sorted(by_term, key=len, reverse=True)
        self.groups = [by_term[term] for term in terms]  # regex group n+1 -> [(topic, weight), ...]
        self.pattern = re.compile("|".join(f"({term})" for term in terms)) if terms else None

    def _hits(self, text: str) -> dict[int, int]:
        """Regex group -> number of matches in the text."""
        counts: dict[int, int] = {}
        if self.pattern is not None and text:
            for match in self.pattern.finditer(text):
                counts[match.lastindex] = counts.get(match.lastindex, 0) + 1
        return counts

    def own_topics(self, section: SectionText) -> list[str]:
        named = {topic for group in self._hits(section.heading) for topic, _ in self.groups[group - 1]}
        scores = [0.0] * len(self.slugs)
        for group, count in self._hits(section.body).items():
            for topic, weight in self.groups[group - 1]:
                scores[topic] += weight * min(count, MAX_COUNT)
        return [
            slug for index, slug in enumerate(self.slugs) if index in named or scores[index] >= self.thresholds[index]
        ]

    def tag(self, sections: list[SectionText]) -> list[tuple[list[str], bool]]:
        """Per section: (topic slugs, inherited from the parent?)."""
        tagged: list[tuple[list[str], bool]] = []
        for section in sections:
            own = self.own_topics(section)
            if own or section.parent is None:
                tagged.append((own, False))
            else:
                tagged.append((list(tagged[section.parent][0]), True))
        return tagged
