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
from dataclasses import dataclass

INFLECTION = r"(?:s|en|e|'s|’s)?"
MAX_COUNT = 3  # a word repeated in one long passage should not outweigh every other rule


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

    A cheap substring test on the lower-cased text picks the few terms that can match, so
    a long passage is scanned by those alone. A term shared by two topics counts for both.
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

    def _hits(self, text: str) -> list[tuple[int, list[tuple[int, float, bool]]]]:
        """(number of matches, topics it counts for) for every term found in the text."""
        lowered = text.lower()
        found = []
        for literal, pattern, users in self.terms:
            if literal in lowered:
                count = len(pattern.findall(text))
                if count:
                    found.append((count, users))
        return found

    def own_topics(self, section: SectionText) -> list[str]:
        return self._slugs(self._own(section))

    def _own(self, section: SectionText) -> set[int]:
        """The topics the section's heading or naming terms name, or its body scores enough for."""
        own = {topic for _, users in self._hits(section.heading) for topic, _, _ in users}
        scores = [0.0] * len(self.slugs)
        for count, users in self._hits(section.body):
            for topic, weight, names in users:
                scores[topic] += weight * min(count, MAX_COUNT)
                if names:
                    own.add(topic)
        return own | {index for index, score in enumerate(scores) if score >= self.thresholds[index]}

    def _mentioned(self, text: str) -> set[int]:
        return {topic for _, users in self._hits(text) for topic, _, _ in users}

    def _slugs(self, topics: set[int]) -> list[str]:
        return [slug for index, slug in enumerate(self.slugs) if index in topics]

    def tag(self, sections: list[SectionText]) -> list[tuple[list[str], bool]]:
        """Per section: (topic slugs, inherited from the parent?)."""
        own = [self._own(section) for section in sections]
        if len(sections) > 1 and is_opening(sections[0]):
            treated = set().union(*own[1:])
            own[0] |= self._mentioned(sections[0].body) & treated
        tagged: list[tuple[list[str], bool]] = []
        for section, topics in zip(sections, own, strict=True):
            if topics or section.parent is None:
                tagged.append((self._slugs(topics), False))
            else:
                tagged.append((list(tagged[section.parent][0]), True))
        return tagged


def is_opening(section: SectionText) -> bool:
    """The text before the letter's first heading."""
    return not section.heading.strip() and section.parent is None
