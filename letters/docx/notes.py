"""The notes beside a letter's text: footnotes, endnotes, and the "1) …" source lists of answers.

`notes` reads the footnotes or endnotes the text marks; `endnote_style` says how the endnotes are
marked; `link_source_list` turns a closing source list into notes linked to its markers.
"""

import re
from dataclasses import replace

from letters.docx.blocks import Footnote, FootnoteRef, Paragraph
from letters.docx.walker import normalise, runs
from letters.docx.wordml import ENDNOTE_FORMAT, W, endnote_numbering, note_label

FOOTNOTES, ENDNOTES = ("word/footnotes.xml", W + "footnote"), ("word/endnotes.xml", W + "endnote")
SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
NOTE_MARKS = (W + "footnoteRef", W + "endnoteRef")  # the note's own number at its start
NOTE_ID, NOTE_TYPE, PARAGRAPH, TEXT, TAB = W + "id", W + "type", W + "p", W + "t", W + "tab"


def notes(package, part: tuple[str, str], numbers: dict[str, str]) -> tuple[Footnote, ...]:
    """The notes of one part the letter marks, in the order of their first marker."""
    texts = _read_notes(package, part, set(numbers)) if numbers else {}
    return tuple(Footnote(number, texts[note_id]) for note_id, number in numbers.items() if note_id in texts)


def _read_notes(package, part: tuple[str, str], wanted: set[str]) -> dict[str, str]:
    """The text of each note the letter marks; the others are parsed and passed over."""
    name, tag = part
    texts: dict[str, str] = {}
    if not package.has(name):
        return texts
    for note in package.iter_children(name, (tag,)):
        note_id = note.get(NOTE_ID) or ""
        if note_id in wanted and note.get(NOTE_TYPE) not in SEPARATORS:
            texts[note_id] = _note_text(note)
    return texts


def endnote_style(package) -> tuple[str, int]:
    """How the endnotes are marked (word/settings.xml). Word numbers them i, ii, iii by default; a
    letter that also has footnotes and numbers its endnotes 1, 2, 3 would give two notes one mark,
    so its endnotes keep Word's default marks there."""
    fmt, start = endnote_numbering(package.xml("word/settings.xml"))
    if note_label(start, fmt).isdigit() and _has_footnotes(package):
        return ENDNOTE_FORMAT, 1
    return fmt, start


def _has_footnotes(package) -> bool:
    name, tag = FOOTNOTES
    found = package.iter_children(name, (tag,)) if package.has(name) else ()
    return any(note.get(NOTE_TYPE) not in SEPARATORS for note in found)


def _note_text(note) -> str:
    lines = []
    for p in note.iter(PARAGRAPH):
        pieces = []
        for run in runs(p):
            texts = []
            for node in run:
                tag = node.tag
                if tag == TEXT:
                    texts.append(node.text or "")
                elif tag == TAB:
                    texts.append(" ")
                elif tag in NOTE_MARKS:
                    break  # the run with the note's own number
            else:
                pieces.extend(texts)
        line, _ = normalise(pieces, [])
        if line:
            lines.append(line)
    return "\n".join(lines)


# Answers to Kamervragen cite their sources as "… in Arnhem? 1)" in a question and list them at the end
# of the letter: "1) Aanhangsel Handelingen, …", typed or as a Word list ("1." / "1)").
SOURCE_MARKER = re.compile(r"(?<![\d(])(\d{1,2})\)(?=[\s,.;:]|$)")
TYPED_SOURCE = re.compile(r"^(\d{1,2})\)\s+(\S.*)$", re.DOTALL)
MAX_SOURCES = 30


def link_source_list(blocks) -> tuple[list, tuple[Footnote, ...]]:
    """The letter's closing source list as notes ("1)", as the letter marks them), linked to its markers.

    Only when the letter's last paragraphs are numbered 1 to n and its text, before them, first marks
    the sources in that order, 1) to n), each at least once; otherwise nothing changes."""
    sources = _closing_sources(blocks)
    if not sources:
        return blocks, ()
    body = blocks[: -len(sources)]
    markers = [_source_markers(block, len(sources)) for block in body]
    first_seen = list(dict.fromkeys(int(digits) for found in markers for _, _, digits in found))
    if first_seen != list(range(1, len(sources) + 1)):
        return blocks, ()
    linked = [_with_source_refs(block, found) if found else block for block, found in zip(body, markers, strict=True)]
    return linked, tuple(Footnote(f"{number})", text) for number, text in enumerate(sources, 1))


def _closing_sources(blocks) -> list[str]:
    """The texts of the numbered paragraphs 1 to n that end the letter, or [] when it ends otherwise."""
    found: list[tuple[int, str]] = []
    for block in reversed(blocks[-MAX_SOURCES:]):
        item = _source_item(block)
        if item is None or (found and item[0] != found[-1][0] - 1):
            break
        found.append(item)
    if not found or found[-1][0] != 1:
        return []
    return [text for _, text in reversed(found)]


def _source_item(block) -> tuple[int, str] | None:
    if not isinstance(block, Paragraph) or block.footnote_refs:
        return None
    label = block.list_label.rstrip(".)")
    if block.list_label[-1:] in (".", ")") and label.isdigit():
        return int(label), block.text
    typed = TYPED_SOURCE.match(block.text) if block.list_level is None else None
    return (int(typed.group(1)), typed.group(2)) if typed else None


def _source_markers(block, count: int) -> list[tuple[int, int, str]]:
    """The "N)" markers (1 <= N <= count) in a paragraph as (start, end, N's digits); not "(1)", nor a typed
    list item's own number."""
    if not isinstance(block, Paragraph) or ")" not in block.text:
        return []
    return [
        (start, end, digits)
        for start, end, digits in markers_in(block.text)
        if 1 <= int(digits) <= count and start > 0 and "(" not in _token_before(block.text, start)
    ]


def markers_in(text: str) -> list[tuple[int, int, str]]:
    """What SOURCE_MARKER.finditer(text) finds, as (start, end, digits), looked for from each ")" instead
    of by trying the pattern at every character (a few times slower on a long paragraph): one or two
    digits (\\d is str.isdecimal) right before it, no digit or "(" before them, a space, one of ",.;:" or
    the end after it. Matches cannot overlap: each ends at its own ")"."""
    found = []
    close = text.find(")")
    while close >= 0:
        end = close + 1
        if end == len(text) or text[end] in ",.;:" or text[end].isspace():
            start = close
            while start > 0 and close - start < 3 and text[start - 1].isdecimal():
                start -= 1
            if 1 <= close - start <= 2 and (start == 0 or text[start - 1] != "("):
                found.append((start, end, text[start:close]))
        close = text.find(")", end)
    return found


def _token_before(text: str, end: int) -> str:
    return text[:end].rsplit(None, 1)[-1] if text[:end].strip() else ""


def _with_source_refs(paragraph: Paragraph, markers) -> Paragraph:
    """The paragraph without its "N)" markers (and the space before each), with a note reference at each."""
    source = paragraph.text
    cuts = [(start - (source[start - 1] == " "), end, f"{digits})") for start, end, digits in markers]
    text, refs, last = "", [], 0
    for start, end, number in cuts:
        text += source[last:start]
        refs.append(FootnoteRef(len(text), number))
        last = end
    text += source[last:]

    def moved(offset: int) -> int:
        return offset - sum(end - start for start, end, _ in cuts if end <= offset)

    kept = [FootnoteRef(moved(ref.offset), ref.number) for ref in paragraph.footnote_refs]
    return replace(paragraph, text=text, footnote_refs=tuple(sorted(kept + refs, key=lambda ref: ref.offset)))
