"""What changed between two versions of a letter, section by section (pure Python)."""

import difflib
import re
from dataclasses import dataclass
from functools import cached_property

WORD = re.compile(r"\S+\s*")
# Word pairs compared at most in one go: 1,000 words against 1,000 take about 50 ms.
WORD_PAIRS = 1_000_000
# How a long passage is cut before its words are compared: paragraphs, then sentences.
UNITS = (re.compile(r"[^\n]*\n|[^\n]+"), re.compile(r".+?(?:[.!?]+\s+|$)", re.S))


@dataclass(frozen=True)
class SectionChange:
    status: str  # added | removed | changed | unchanged
    heading: str
    old_heading: str
    old_text: str
    new_text: str

    @cached_property
    def words(self) -> tuple[tuple[str, str], ...]:
        """(op, text) with op in equal | insert | delete. Worked out when first read, so a page that
        shows one part of a long comparison diffs only the sections it shows."""
        if self.status == "changed":
            return word_diff(self.old_text, self.new_text)
        op, text = {"added": ("insert", self.new_text), "removed": ("delete", self.old_text)}.get(
            self.status, ("equal", self.new_text)
        )
        return ((op, text),)

    @property
    def size(self) -> int:
        """At most how much text showing this change takes."""
        return len(self.heading) + len(self.old_text) + len(self.new_text)


def _key(heading: str) -> str:
    return re.sub(r"\W+", " ", heading).strip().lower()


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """(op, text) pieces that turn `old` into `new`, word by word.

    SequenceMatcher is quadratic and worse on the common words of Dutch prose: two versions of a
    passage of 6,000 words took 5 s of CPU, on every view of the comparison. So a long passage is
    paired paragraph by paragraph first, then sentence by sentence, and only pieces small enough are
    compared word by word; a changed sentence too long even for that shows as removed and added whole.
    """
    return tuple(_diff(old, new, UNITS))


def _diff(old: str, new: str, units: tuple[re.Pattern, ...]) -> list[tuple[str, str]]:
    a, b = WORD.findall(old), WORD.findall(new)
    if len(a) * len(b) <= WORD_PAIRS:
        return _word_ops(a, b)
    if not units:
        return [(op, text) for op, text in (("delete", old), ("insert", new)) if text]
    a, b = units[0].findall(old), units[0].findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        out += [("equal", removed)] if op == "equal" else _diff(removed, added, units[1:])
    return out


def _word_ops(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def compare(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[SectionChange]:
    """old/new: (heading, text) per section in order. Sections are paired by heading, in order;
    a renamed heading with the same position pairs too when its text is mostly the same."""
    matcher = difflib.SequenceMatcher(a=[_key(h) for h, _ in old], b=[_key(h) for h, _ in new], autojunk=False)
    changes: list[SectionChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [_pair(old[i], new[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        elif op == "replace" and i2 - i1 == j2 - j1:
            changes += [_pair(old[i], new[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        else:
            changes += [SectionChange("removed", old[i][0], old[i][0], old[i][1], "") for i in range(i1, i2)]
            changes += [SectionChange("added", new[j][0], "", "", new[j][1]) for j in range(j1, j2)]
    return changes


def _pair(old, new) -> SectionChange:
    return SectionChange("unchanged" if old == new else "changed", new[0], old[0], old[1], new[1])


def set_changes(old: set[str], new: set[str]) -> dict[str, list[str]]:
    return {"appeared": sorted(new - old), "disappeared": sorted(old - new)}
