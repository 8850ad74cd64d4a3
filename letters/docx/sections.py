"""Split a letter's blocks into a tree of sections (pure Python).

Headings come in many forms: Word heading styles (any language, by outline level),
numbered headings ("1.", "1.1"), question/answer letters ("Vraag 1" / "Antwoord op
vraag 1") and short bold or italic paragraphs. Levels follow the document where it
shows them (styles, numbering) and a reading heuristic where it does not.
"""

import re
from dataclasses import dataclass, replace

from letters.docx.reader import FootnoteRef, Paragraph

# The title of an amendment or motion heads the government's answer to it and runs past 200 characters.
MAX_HEADING_CHARS = 250
QA_TITLE = re.compile(r"^(?:Antwoord(?:en)?|Beantwoording)\s+(?:van|op)\b", re.IGNORECASE)
QUESTION = re.compile(r"^(?:Vraag|Vragen)\s+\d+[\d\s,en-]*:?$", re.IGNORECASE)
ANSWER = re.compile(r"^Antwoord(?:en)?\s+(?:op\s+)?(?:de\s+)?(?:vraag|vragen)\s+\d+[\d\s,en-]*:?$", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(?:\.|\))?\s+(\S.*)$")
LETTER_LABEL = re.compile(r"^(?:[a-z]|[ivx]{1,4})[.)]\s")  # "a. …", "b) …", "ii. …": a subheading's label
ABBREVIATION_END = re.compile(r"(?:\b\w\.\w\.|\bnr\.|\bc\.s\.|\be\.a\.|\bo\.a\.|\bjl\.)$", re.IGNORECASE)


@dataclass(frozen=True)
class SectionData:
    heading: str
    level: int
    number: str = ""  # "1.1" for numbered headings
    kind: str = "heading"  # opening | heading | title | question | answer
    parent: int | None = None  # index into the list split() returns
    heading_refs: tuple[FootnoteRef, ...] = ()
    blocks: tuple = ()


@dataclass
class _Heading:
    kind: str  # style | numbered | title | question | answer | bold | italic
    text: str
    refs: tuple
    number: str = ""
    hint: int = 0  # level from style or numbering


def split(blocks) -> list[SectionData]:
    blocks = _merge_split_headings(list(blocks))
    marks = _classify(blocks)
    levels = _levels(marks, _named_in_opening(blocks, marks))
    opening: list = []
    found: list[tuple[_Heading, int, int | None, list]] = []  # (heading, level, parent index, blocks)
    stack: list[int] = []
    for block, mark, level in zip(blocks, marks, levels, strict=True):
        if mark is None:
            (found[-1][3] if found else opening).append(block)
            continue
        while stack and found[stack[-1]][1] >= level:
            stack.pop()
        found.append((mark, level, stack[-1] if stack else None, []))
        stack.append(len(found) - 1)
    shift = 1 if opening else 0  # the opening goes first: every parent index moves one along
    sections = [SectionData(heading="", level=1, kind="opening", blocks=tuple(opening))] if opening else []
    sections.extend(
        SectionData(
            heading=mark.text,
            level=level,
            number=mark.number,
            kind=mark.kind if mark.kind in ("title", "question", "answer") else "heading",
            parent=None if parent is None else parent + shift,
            heading_refs=mark.refs,
            blocks=tuple(section_blocks),
        )
        for mark, level, parent, section_blocks in found
    )
    return sections


def _is_paragraph(block) -> bool:
    return isinstance(block, Paragraph)


def _merge_split_headings(blocks):
    """Join a bold heading that Word users broke over two paragraphs."""
    merged = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            _is_paragraph(block)
            and _is_paragraph(previous)
            and block.bold
            and previous.bold
            and block.list_level is None
            and previous.list_level is None
            and block.text[:1].islower()
            and block.outline_level == previous.outline_level  # two heading levels are two headings
            and not LETTER_LABEL.match(block.text)  # a labelled subheading opens a heading of its own
            and previous.text[-1:] not in ".?:;!"
            and len(previous.text) + len(block.text) < 400
        ):
            offset = len(previous.text) + 1
            refs = previous.footnote_refs + tuple(FootnoteRef(r.offset + offset, r.number) for r in block.footnote_refs)
            merged[-1] = replace(previous, text=f"{previous.text} {block.text}", footnote_refs=refs)
        else:
            merged.append(block)
    return merged


def _classify(blocks) -> list[_Heading | None]:
    marks: list[_Heading | None] = []
    for block in blocks:
        after_question = bool(marks) and marks[-1] is not None and marks[-1].kind == "question"
        marks.append(None if after_question else _heading_of(block))
    return marks


def _heading_of(block) -> _Heading | None:
    if not _is_paragraph(block) or not block.text or "\n" in block.text:
        return None
    text, refs = block.text, block.footnote_refs
    if block.outline_level is not None and len(text) <= 300:
        return _with_number(_Heading("style", text, refs, hint=block.outline_level + 1))
    if block.list_level is not None:
        return None
    if QUESTION.match(text):
        return _Heading("question", text.rstrip(":"), refs)
    if ANSWER.match(text):
        return _Heading("answer", text.rstrip(":"), refs)
    emphasised = block.bold or block.italic
    if emphasised and QA_TITLE.match(text) and len(text) <= 400:
        return _Heading("title", text, refs)
    if not emphasised or len(text) > MAX_HEADING_CHARS or _reads_as_sentence(text):
        return None
    numbered = _with_number(_Heading("bold" if block.bold else "italic", text, refs))
    if numbered.number:
        numbered.kind = "numbered"
        numbered.hint = numbered.number.count(".") + 1
    return numbered


def _with_number(heading: _Heading) -> _Heading:
    match = NUMBERED.match(heading.text)
    if not match:
        return heading
    cut = match.start(2)
    heading.number = match.group(1)
    heading.text = match.group(2)
    heading.refs = tuple(FootnoteRef(max(r.offset - cut, 0), r.number) for r in heading.refs)
    return heading


def _reads_as_sentence(text: str) -> bool:
    stripped = text.rstrip(" \u201d\u2019\"')")
    if stripped[-1:] in "?:;!,":
        return True
    return stripped.endswith(".") and not ABBREVIATION_END.search(stripped)


ARTICLES = re.compile(r"\b(?:de|het|een|the)\s+", re.IGNORECASE)
MIN_NAMED = 3  # an opening that names fewer headings is no list of the letter's subjects


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w'’-]+", ARTICLES.sub("", text.lower())))


def _named_in_opening(blocks, marks) -> list[bool]:
    """Per heading, whether the letter's opening names it among its subjects ("Concreet gaat deze brief
    in op de ontwikkelingen in meldkamers, de beleidsreactie …"): its first two words, articles aside."""
    first = next((i for i, mark in enumerate(marks) if mark is not None), len(marks))
    opening = f" {_words(' '.join(b.text for b in blocks[:first] if _is_paragraph(b)))} "
    named = []
    for mark in marks:
        words = _words(mark.text).split()[:2] if mark is not None else []
        named.append(bool(words) and f" {' '.join(words)} " in opening)
    return named if sum(named) >= MIN_NAMED else [False] * len(marks)


def _levels(marks, named=None) -> list[int]:
    """Give every heading its level; see the module docstring.

    Plain bold headings show no level of their own. A heading followed directly by a heading opens a
    chapter (level 1) and what follows it is level 2; where the opening lists the letter's subjects
    (`named`), a named heading after the text of an unnamed level-2 heading, or after the text of a
    level-1 heading, is a subject of its own (level 1) rather than one more subsection."""
    named = named or [False] * len(marks)
    structured = any(m is not None and m.kind in ("style", "numbered") for m in marks)
    has_title = any(m is not None and m.kind == "title" for m in marks)
    levels = []
    last_structured = 0  # level of the last styled or numbered heading
    last_bold = 0  # level of the last unstructured bold heading
    chapter_open = False
    previous = None  # (level, named, had text under it) of the previous plain bold heading
    for index, mark in enumerate(marks):
        level = 0
        if mark is None:
            levels.append(0)
            continue
        if mark.kind in ("style", "numbered"):
            level = last_structured = mark.hint
            last_bold = 0
        elif mark.kind == "title":
            level = 1
        elif mark.kind in ("question", "answer"):
            level = 2 if has_title else 1
        elif mark.kind == "bold":
            if structured:
                level = last_structured + 1
            elif has_title:
                level = 2
            else:
                followed_by_heading = index + 1 < len(marks) and marks[index + 1] is not None
                chapter_open = followed_by_heading or chapter_open
                level = 1 if followed_by_heading or not chapter_open or _own_subject(named[index], previous) else 2
                previous = (level, named[index], not followed_by_heading)
            last_bold = level
        else:  # italic
            base = last_bold or (last_structured if structured else 1 if not has_title else 2)
            level = base + 1
        levels.append(level)
    return levels


def _own_subject(named: bool, previous) -> bool:
    """Whether a named heading inside an open chapter starts a subject of its own (see `_levels`)."""
    if not named or previous is None:
        return False
    level, previous_named, had_text = previous
    return had_text and (level == 1 or not previous_named)
