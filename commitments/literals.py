"""What a text must contain for a regular expression to match in it (pure Python).

A pattern like `\\baan\\s+uw\\s+Kamer\\s+(?:zal|zullen)\\s+worden\\s+verzonden\\b` cannot match a text
without "Kamer" and one of "zal" or "zullen": testing those substrings (a fast scan in C) tells
most sentences and paragraphs apart without the search, which tries the pattern at every
position. `Needs.of(pattern)` reads the pattern's parse tree (the standard library's own parser)
once; `needs.met(text, lower)` is then a few substring tests. Only strings every match must
contain are taken, so a text that fails the test cannot match: the search is skipped, never
answered differently.

The lower case a `Needs` looks in is `folded(text)`: text.lower() with "?" for what is not ASCII.
"""

import re
from dataclasses import dataclass
from re import _constants as sre
from re import _parser

MIN_LENGTH = 3  # shorter strings are in nearly every text: not worth a scan
MAX_STRINGS = 16  # alternatives spelled out per clause, at most
# With IGNORECASE a letter also matches characters whose lower() is not that letter: "İ" and "ı"
# match "i", "ſ" matches "s" (tests/commitments/test_literals.py checks every code point). Such
# letters, and any non-ASCII one, end a string instead of being compared in lower case.
FOLDS_OTHERWISE = "is"
# The characters besides ASCII whose lower() holds an ASCII letter: "İ" (i and a combining dot), the Kelvin sign (k).
LOWER_TO_ASCII = "\u0130\u212a"


def folded(text: str) -> str:
    """text.lower() with "?" for each character that is not ASCII. A string of ASCII without "?" (every
    string a `Needs`, a trigger word or an anchor looks for) stands in it where it stands in
    text.lower(), and the copy takes one byte a character: lower() itself, `in` and `find` go
    character by character through a text that holds one "’" or "é", several times slower. As long
    as the text, but where lower() lengthens "İ"."""
    if text.isascii():
        return text.lower()
    if any(char in text for char in LOWER_TO_ASCII):
        return text.lower().encode("ascii", "replace").decode("ascii")
    return text.encode("ascii", "replace").lower().decode("ascii")


@dataclass(frozen=True)
class Needs:
    """Clauses, each a tuple of strings of which a matching text holds one."""

    clauses: tuple[tuple[str, ...], ...]
    folded: bool  # the strings are lower case, to be looked for in the text's lower()

    @classmethod
    def of(cls, pattern: re.Pattern) -> "Needs":
        folded = bool(pattern.flags & re.IGNORECASE)
        clauses = {_minimal(c) for c in _sequence(_parser.parse(pattern.pattern, pattern.flags), folded)}
        usable = [c for c in clauses if c and min(map(len, c)) >= MIN_LENGTH]
        # the longest strings first: they are the rarest, and the first clause to fail decides
        return cls(tuple(sorted(usable, key=lambda c: (-min(map(len, c)), c))), folded)

    def met(self, text: str, lower: str) -> bool:
        """Whether `text` (and `lower`, its `folded` copy or its lower()) holds a string of every clause."""
        target = lower if self.folded else text
        return all(any(s in target for s in clause) for clause in self.clauses)


def _minimal(clause) -> tuple[str, ...]:
    """The clause without strings that hold another of its strings (that one is found in them too)."""
    if "" in clause:
        return ()
    return tuple(sorted(s for s in clause if not any(t != s and t in s for t in clause)))


def _sequence(items, folded: bool) -> list[frozenset]:
    """The clauses of a sequence: each run of items that spells a few strings, and those of the rest."""
    clauses, run = [], {""}
    for op, av in items:
        strings = _strings(op, av, folded)
        if strings is not None and len(run) * len(strings) <= MAX_STRINGS:
            run = {a + b for a in run for b in strings}
            continue
        clauses.append(frozenset(run))
        run = {""} if strings is None else set(strings)
        if strings is None:
            clauses += _inside(op, av, folded)
    clauses.append(frozenset(run))
    return clauses


def _strings(op, av, folded: bool) -> set[str] | None:
    """The strings one item matches when they are few and fixed; zero-width assertions match ""."""
    if op is sre.LITERAL:
        char = chr(av)
        if not folded:
            return {char}
        return {char.lower()} if char.isascii() and char.lower() not in FOLDS_OTHERWISE else None
    if op in (sre.AT, sre.ASSERT_NOT):
        return {""}
    if op is sre.SUBPATTERN and not (av[1] or av[2]):  # a group that changes no flags
        return _spelled(av[3], folded)
    if op is sre.BRANCH:
        return _union([_spelled(alternative, folded) for alternative in av[1]])
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return _union([_strings(sre.LITERAL, char, folded) for _, char in av])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[:2] == (0, 1):  # "(?:en)?"
        inner = _spelled(av[2], folded)
        return None if inner is None else inner | {""}
    return None


def _spelled(items, folded: bool) -> set[str] | None:
    spelled = {""}
    for op, av in items:
        strings = _strings(op, av, folded)
        if strings is None or len(spelled) * len(strings) > MAX_STRINGS:
            return None
        spelled = {a + b for a in spelled for b in strings}
    return spelled


def _union(sets) -> set[str] | None:
    if any(s is None for s in sets):
        return None
    union = set().union(*sets)
    return union if len(union) <= MAX_STRINGS else None


def _inside(op, av, folded: bool) -> list[frozenset]:
    """The clauses an item that spells no fixed strings still needs: those of a group, of a
    lookahead (what it looks at is in the text too), of what repeats at least once, and of
    every alternative of a branch (one clause: the best of each, joined)."""
    if op is sre.SUBPATTERN and not (av[1] or av[2]):
        return _sequence(av[3], folded)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, folded)
    if op is sre.ASSERT:
        return _sequence(av[1], folded)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2], folded)
    if op is sre.BRANCH:
        best = [_best(_sequence(alternative, folded)) for alternative in av[1]]
        return [frozenset().union(*best)] if all(best) else []
    return []


def _best(clauses) -> frozenset | None:
    usable = [c for c in map(_minimal, clauses) if c]
    return frozenset(max(usable, key=lambda c: min(map(len, c)))) if usable else None
