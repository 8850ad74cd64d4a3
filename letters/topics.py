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


def compile_term(term: str) -> re.Pattern:
    term = term.strip()
    compound = term.endswith("*")
    words = [re.escape(part) for part in re.split(r"\s+", term.rstrip("*").strip())]
    core = r"\s+".join(words)
    tail = r"[\w-]*" if compound else INFLECTION
    # Acronyms (WAS, NCV, LMS) keep their case: "was" is also a common Dutch verb.
    acronym = re.fullmatch(r"[A-Z0-9-]{2,8}", term.rstrip("*")) is not None
    return re.compile(rf"(?<![\w-]){core}{tail}(?![\w])", 0 if acronym else re.IGNORECASE)


class Matcher:
    """Compiled rules of every topic; `tag` gives each section its topic slugs."""

    def __init__(self, topics: list[TopicRules]):
        self.topics = [
            (t.slug, [(compile_term(r.term), r.weight) for r in t.rules if r.term.strip()], t.threshold) for t in topics
        ]

    def own_topics(self, section: SectionText) -> list[str]:
        found = []
        for slug, patterns, threshold in self.topics:
            if any(p.search(section.heading) for p, _ in patterns):
                found.append(slug)
            elif self.body_score(patterns, section.body) >= threshold:
                found.append(slug)
        return found

    @staticmethod
    def body_score(patterns, body: str) -> float:
        """Weighted occurrences, each rule counting at most MAX_COUNT times."""
        return sum(weight * min(len(pattern.findall(body)), MAX_COUNT) for pattern, weight in patterns)

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
