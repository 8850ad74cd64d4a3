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
from dataclasses import dataclass, field
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
# The characters IGNORECASE takes for "i" or "s" that lower() does not make them: in a text without
# them (nearly every one) a string with "i" or "s" stands in its lower() wherever the pattern matches.
UNFOLDING = "\u0130\u0131\u017f"


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
    # With IGNORECASE: the clauses where "i" and "s" are letters like the others, for a text without
    # UNFOLDING (most strings of a Dutch pattern hold one of them); None where they are `clauses`.
    plain: tuple[tuple[str, ...], ...] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, pattern: re.Pattern, min_length: int = MIN_LENGTH) -> "Needs":
        folded = bool(pattern.flags & re.IGNORECASE)
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        clauses = _usable(_sequence(parsed, folded, FOLDS_OTHERWISE), min_length)
        plain = _usable(_sequence(parsed, folded, ""), min_length) if folded else clauses
        return cls(clauses, folded, None if plain == clauses else plain)

    def met(self, text: str, lower: str, plain: bool | None = None) -> bool:
        """Whether `text` (and `lower`, its `folded` copy or its lower()) holds a string of every clause;
        `plain`: whether the text `is_plain`, when the caller knows (else it is looked at here)."""
        if self.folded:
            target = lower
            if self.plain is None or not (plain if plain is not None else is_plain(text)):
                clauses = self.clauses
            else:
                clauses = self.plain
        else:
            target, clauses = text, self.clauses
        for clause in clauses:  # for loops: a generator per clause cost more than the tests
            for string in clause:
                if string in target:
                    break
            else:
                return False
        return True


def is_plain(text: str) -> bool:
    """Whether IGNORECASE takes no character of the text for "i" or "s" that lower() does not make one."""
    return text.isascii() or not (UNFOLDING[0] in text or UNFOLDING[1] in text or UNFOLDING[2] in text)


def _usable(clauses, min_length: int) -> tuple[tuple[str, ...], ...]:
    """The clauses worth a scan, the longest strings first: they are the rarest, and the first
    clause to fail decides."""
    usable = [c for c in {_minimal(c) for c in clauses} if c and min(map(len, c)) >= min_length]
    return tuple(sorted(usable, key=lambda c: (-min(map(len, c)), c)))


def _minimal(clause) -> tuple[str, ...]:
    """The clause without strings that hold another of its strings (that one is found in them too)."""
    if "" in clause:
        return ()
    return tuple(sorted(s for s in clause if not any(t != s and t in s for t in clause)))


def _sequence(items, folded: bool, otherwise: str) -> list[frozenset]:
    """The clauses of a sequence: each run of items that spells a few strings, and those of the rest."""
    clauses, run = [], {""}
    for op, av in items:
        strings = _strings(op, av, folded, otherwise)
        if strings is not None and len(run) * len(strings) <= MAX_STRINGS:
            run = {a + b for a in run for b in strings}
            continue
        clauses.append(frozenset(run))
        run = {""} if strings is None else set(strings)
        if strings is None:
            clauses += _inside(op, av, folded, otherwise)
    clauses.append(frozenset(run))
    return clauses


def _strings(op, av, folded: bool, otherwise: str) -> set[str] | None:
    """The strings one item matches when they are few and fixed; zero-width assertions match "".
    With `folded`, a letter in `otherwise` matches more than its lower case: it ends a string."""
    if op is sre.LITERAL:
        char = chr(av)
        if not folded:
            return {char}
        return {char.lower()} if char.isascii() and char.lower() not in otherwise else None
    if op in (sre.AT, sre.ASSERT_NOT):
        return {""}
    if op is sre.SUBPATTERN and not (av[1] or av[2]):  # a group that changes no flags
        return _spelled(av[3], folded, otherwise)
    if op is sre.BRANCH:
        return _union([_spelled(alternative, folded, otherwise) for alternative in av[1]])
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return _union([_strings(sre.LITERAL, char, folded, otherwise) for _, char in av])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[:2] == (0, 1):  # "(?:en)?"
        inner = _spelled(av[2], folded, otherwise)
        return None if inner is None else inner | {""}
    return None


def _spelled(items, folded: bool, otherwise: str) -> set[str] | None:
    spelled = {""}
    for op, av in items:
        strings = _strings(op, av, folded, otherwise)
        if strings is None or len(spelled) * len(strings) > MAX_STRINGS:
            return None
        spelled = {a + b for a in spelled for b in strings}
    return spelled


def _union(sets) -> set[str] | None:
    if any(s is None for s in sets):
        return None
    union = set().union(*sets)
    return union if len(union) <= MAX_STRINGS else None


def _inside(op, av, folded: bool, otherwise: str) -> list[frozenset]:
    """The clauses an item that spells no fixed strings still needs: those of a group, of a
    lookahead (what it looks at is in the text too), of what repeats at least once, and of
    every alternative of a branch (one clause: the best of each, joined)."""
    if op is sre.SUBPATTERN and not (av[1] or av[2]):
        return _sequence(av[3], folded, otherwise)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, folded, otherwise)
    if op is sre.ASSERT:
        return _sequence(av[1], folded, otherwise)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2], folded, otherwise)
    if op is sre.BRANCH:
        best = [_best(_sequence(alternative, folded, otherwise)) for alternative in av[1]]
        return [frozenset().union(*best)] if all(best) else []
    return []


def _best(clauses) -> frozenset | None:
    usable = [c for c in map(_minimal, clauses) if c]
    return frozenset(max(usable, key=lambda c: min(map(len, c)))) if usable else None
