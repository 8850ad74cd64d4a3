"""Finding words in text the way a reader means them, in plain Python (no Django).

The demo's search on SQLite (letters.web.search) uses it to match, rank and highlight what
PostgreSQL's Dutch full-text search does in the database; the sender filter uses `fold` and
the one-to-one table beside it so that "Yesilgoz" finds "Yeşilgöz".

Matching is deliberately simple: words are folded (lower case, no diacritics), split on
anything that is not a letter or digit (so "C2000/VMX" is two words, as in the query), and
reduced by a small Dutch suffix list ("meldkamers" → "meldkamer", "robuuste" → "robuust"). A
query word of four letters or more also matches the words it starts ("meldkamer" finds
"meldkamerdomein"), which a reader of a compound-rich language expects from a search box.
"""

import math
import re
import unicodedata
from dataclasses import dataclass

START, STOP = "\x01", "\x02"  # highlight markers, as PostgreSQL's SearchHeadline is asked to write
WORD = re.compile(r"\w+")
# Letters that NFKD does not split into a base letter and an accent.
_UNSPLIT = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "ae"}
# Dutch endings, longest first, with what replaces them: plurals, inflected adjectives.
_SUFFIXES = (("heden", "heid"), ("en", ""), ("s", ""), ("e", ""))
_MIN_STEM = 3
_PREFIX_MIN = 4  # a query word this long also matches the longer words it starts
SNIPPET_WORDS = 35
_LEAD_WORDS = 6  # words shown before the first hit in a snippet


def fold(text: str) -> str:
    """Lower case without diacritics: 'Yeşilgöz-Zegerius' -> 'yesilgoz-zegerius'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(str.maketrans(_UNSPLIT)))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def _one_to_one() -> tuple[str, str]:
    """Each accented Latin letter and the plain lower-case letter it folds to, for SQL's
    translate(), which maps one character to one character."""
    accented, plain = [], []
    for code in range(0xC0, 0x250):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalpha() and folded != char:
            accented.append(char)
            plain.append(folded)
    return "".join(accented), "".join(plain)


ACCENTED, PLAIN = _one_to_one()


def stem(word: str) -> str:
    """A folded word without its Dutch ending; numbers and short words stay as they are."""
    if word.isdigit() or len(word) <= _MIN_STEM:
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)] + replacement
            if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1].isalpha() and word[-1] not in "aeiou":
                word = word[:-1]  # "bakken" -> "bakk" -> "bak", as "bak"
            break
    return word


def words(text: str) -> list[str]:
    return [stem(word) for word in WORD.findall(fold(text))]


@dataclass(frozen=True)
class Query:
    """Search terms in the syntax PostgreSQL's websearch reads: words (all of them), "a phrase",
    -word (not), and `or` between alternatives. Each phrase is a tuple of stemmed words."""

    alternatives: tuple[tuple[tuple[str, ...], ...], ...]
    excluded: tuple[tuple[str, ...], ...] = ()

    @property
    def words(self) -> set[str]:
        return {word for alternative in self.alternatives for phrase in alternative for word in phrase}

    def __bool__(self):
        return any(self.alternatives)


_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


def parse(terms: str, *, also: tuple[str, ...] = ()) -> Query:
    """The query of terms; `also` are further alternatives (a dossier number as the Kamer
    writes it, "29 517", beside "29517")."""
    alternatives, excluded, current = [], [], []
    for match in _TERM.finditer(terms):
        negative = bool(match.group(1) or match.group(3))
        quoted = match.group(2) is not None
        text = match.group(2) if quoted else match.group(4)
        if not quoted and not negative and text.lower() == "or":
            alternatives.append(current)
            current = []
            continue
        found = words(text)
        phrases = [tuple(found)] if quoted or negative else [(word,) for word in found]
        (excluded if negative else current).extend(phrase for phrase in phrases if phrase)
    alternatives.append(current)
    alternatives.extend([tuple(words(text))] for text in also)
    return Query(tuple(tuple(a) for a in alternatives if a), tuple(excluded))


@dataclass(frozen=True)
class Tokens:
    """The words of a text, folded and stemmed, with where each stands in it."""

    spans: tuple[tuple[int, int], ...]
    folded: tuple[str, ...]
    stems: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> "Tokens":
        found = list(WORD.finditer(text))
        folded = tuple(fold(m.group()) for m in found)
        return cls(tuple(m.span() for m in found), folded, tuple(map(stem, folded)))

    def is_word(self, index: int, word: str) -> bool:
        """Whether the text's word at index is the stemmed query word, or starts with it."""
        if self.stems[index] == word:
            return True
        return len(word) >= _PREFIX_MIN and not word.isdigit() and self.folded[index].startswith(word)

    def count(self, phrase: tuple[str, ...]) -> int:
        size = len(phrase)
        return sum(
            all(self.is_word(start + i, phrase[i]) for i in range(size)) for start in range(len(self.stems) - size + 1)
        )


def score(query: Query, heading: str, text: str) -> float:
    """0 when the passage does not match; else higher for more and heading hits (PostgreSQL
    weighs the heading A and the text B). The best matching alternative counts."""
    if not query:
        return 0.0
    folded = fold(f"{heading}\n{text}")
    if not any(word[:_PREFIX_MIN] in folded for word in query.words):
        return 0.0  # a quick look before the words are split
    head, body = Tokens.of(heading), Tokens.of(text)
    if any(head.count(phrase) or body.count(phrase) for phrase in query.excluded):
        return 0.0
    best = 0.0
    for alternative in query.alternatives:
        counts = [(head.count(phrase), body.count(phrase)) for phrase in alternative]
        if all(in_head or in_body for in_head, in_body in counts):
            best = max(best, sum(4.0 * bool(in_head) + math.log1p(in_body) for in_head, in_body in counts))
    return best


def snippet(query: Query, text: str, *, size: int = SNIPPET_WORDS) -> str:
    """Some `size` words of text around its densest run of hits, the hits between START and
    STOP, with "…" where text was left out; the opening words when nothing in text matched."""
    tokens = Tokens.of(text)
    wanted = query.words
    hits = [i for i in range(len(tokens.stems)) if any(tokens.is_word(i, word) for word in wanted)]
    first = max(hits, key=lambda i: (_distinct_within(tokens, hits, i, size, wanted), -i)) if hits else 0
    if not tokens.spans:
        return ""
    start = max(0, min(first - _LEAD_WORDS, len(tokens.spans) - size))  # a full window near the end too
    end = min(len(tokens.spans), start + size)
    hit_set = set(hits)
    pieces = ["… " if start else ""]
    position = tokens.spans[start][0]
    for index in range(start, end):
        begin, finish = tokens.spans[index]
        word = text[begin:finish]
        pieces.append(text[position:begin])
        pieces.append(f"{START}{word}{STOP}" if index in hit_set else word)
        position = finish
    tail = text[position:] if end == len(tokens.spans) else " …"
    pieces.append(tail)
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


def _distinct_within(tokens: Tokens, hits: list[int], first: int, size: int, wanted: set[str]) -> int:
    found = {word for i in hits if first <= i < first + size for word in wanted if tokens.is_word(i, word)}
    return len(found)
