"""Read a .docx letter into plain data: paragraphs, tables, footnotes, metadata.

`read(content, filename)` is the one entry point. It returns a `ParsedDocument` or
raises `ReadError`. The text comes out as a reader sees it: runs split mid-word,
proofing marks, bookmarks, field codes, deleted revisions and fallback copies of
text boxes are handled so that only the visible text remains.
"""

import re
from dataclasses import dataclass, field, replace

from letters.docx import metadata as metadata_mod
from letters.docx.package import MAX_FOOTNOTES, MAX_PARAGRAPHS, ReadError, open_package
from letters.docx.wordml import (
    ENDNOTE_FORMAT,
    MC,
    VAL,
    NumberingCounter,
    StyleSheet,
    W,
    attr,
    child_map,
    endnote_numbering,
    inside,
    level_number,
    note_label,
    whole_number,
)

__all__ = ["ReadError", "read", "ParsedDocument", "Paragraph", "Table", "Footnote", "FootnoteRef"]


@dataclass(frozen=True)
class FootnoteRef:
    offset: int  # position in Paragraph.text where the marker stood
    number: str  # the number the reader sees ("3"), or a custom mark ("*")


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""
    outline_level: int | None = None  # 0-based, from style or paragraph
    bold: bool = False
    italic: bool = False
    list_level: int | None = None
    list_label: str = ""
    footnote_refs: tuple[FootnoteRef, ...] = ()


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Paragraph, ...], ...]  # each cell as one paragraph (lines joined by \n)
    cell_paragraphs: tuple[Paragraph, ...] = ()  # all paragraphs, for unwrapping layout tables

    @property
    def text(self) -> str:
        return "\n".join(" | ".join(cell.text for cell in row) for row in self.rows)

    @property
    def is_layout(self) -> bool:
        """At most one filled cell per row: Word users' way of placing text, not data."""
        return all(sum(1 for cell in row if cell.text) <= 1 for row in self.rows)


@dataclass(frozen=True)
class Footnote:
    """A footnote, or an endnote: both are notes beside the text, marked as the letter marks them."""

    number: str
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    metadata: metadata_mod.Metadata
    blocks: tuple  # Paragraph | Table, in document order, letter head and signature removed
    footnotes: tuple[Footnote, ...] = field(default=())


# Tags and attributes looked at for every paragraph and run, built once.
PARAGRAPH, TABLE, RUN = W + "p", W + "tbl", W + "r"
WRAPPERS = (W + "sdt", W + "customXml", W + "ins")  # block containers the walker looks into
BLOCK_TAGS = (PARAGRAPH, TABLE, *WRAPPERS)
P_PR, P_STYLE, OUTLINE_LVL = W + "pPr", W + "pStyle", W + "outlineLvl"
NUM_PR, NUM_ID, ILVL = W + "numPr", W + "numId", W + "ilvl"
R_PR, TEXT, FLD_CHAR, FLD_CHAR_TYPE, TYPE = W + "rPr", W + "t", W + "fldChar", W + "fldCharType", W + "type"
SHOWN_AS = {W + "tab": "\t", W + "ptab": "\t", W + "noBreakHyphen": "\u2011"}
BREAKS = (W + "br", W + "cr")
FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE = W + "footnoteReference", W + "endnoteReference"
NOTE_REFERENCES = (FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE)
NO_BODY = "word/document.xml bevat geen documenttekst (w:body ontbreekt)"


def read(content: bytes, filename: str = "", *, max_paragraphs: int = MAX_PARAGRAPHS) -> ParsedDocument:
    """The letter in content, or ReadError. max_paragraphs is for benchmarks; callers keep the default."""
    package = open_package(content)
    walker = _BodyWalker(
        StyleSheet(package.xml("word/styles.xml")),
        NumberingCounter(package.xml("word/numbering.xml")),
        max_paragraphs=max_paragraphs,
        endnote_style=lambda: _endnote_style(package),
    )
    blocks = walker.walk(package.iter_children("word/document.xml", BLOCK_TAGS, within=W + "body", missing=NO_BODY))
    head, blocks = _split_letter_head(blocks)
    signature, blocks = metadata_mod.take_signature(blocks)
    meta = metadata_mod.extract(
        head_lines=[line for block in head for line in _lines(block)],
        header_lines=metadata_mod.header_lines(package),
        package=package,
        signature=signature,
        filename=filename,
        first_heading=_first_bold_line(blocks),
    )
    footnotes = _notes(package, FOOTNOTES, walker.footnote_numbers) + _notes(package, ENDNOTES, walker.endnote_numbers)
    blocks, sources = _link_source_list(blocks)
    return ParsedDocument(metadata=meta, blocks=tuple(blocks), footnotes=footnotes + sources)


def _too_many(what: str, limit: int) -> ReadError:
    return ReadError(f"de brief bevat te veel {what} (meer dan {limit:,})".replace(",", "."))


class _BodyWalker:
    """Turns w:body children into Paragraph and Table blocks, numbering footnotes."""

    def __init__(self, styles: StyleSheet, numbering: NumberingCounter, *, max_paragraphs: int, endnote_style):
        self.styles = styles
        self.numbering = numbering
        self.footnote_numbers: dict[str, str] = {}  # footnote id -> number shown
        self.endnote_numbers: dict[str, str] = {}  # endnote id -> mark shown ("i", or "1" without footnotes)
        self._endnote_style = endnote_style  # () -> (format, first number), asked at the first endnote
        self.paragraphs_left = max_paragraphs
        self.footnote_refs_left = MAX_FOOTNOTES
        self.max_paragraphs = max_paragraphs

    def walk(self, container) -> list:
        blocks = []
        for child in container:
            tag = child.tag
            if tag == PARAGRAPH:
                blocks.append(self.paragraph(child))
                for box in _text_boxes(child):
                    blocks.extend(self.walk(box))
            elif tag == TABLE:
                blocks.append(self.table(child))
            elif tag in WRAPPERS:
                content = child.find(W + "sdtContent")
                blocks.extend(self.walk(content if content is not None else child))
        return blocks

    def table(self, tbl) -> Table:
        rows, everything = [], []
        # Only this table's own rows: a nested table's rows belong to the cell that holds it.
        for tr in [*tbl.findall(W + "tr"), *tbl.findall(f"{W}sdt/{W}sdtContent/{W}tr")]:
            cells = []
            for tc in tr.findall(W + "tc"):
                paragraphs = [self.paragraph(p) for p in tc.findall(W + "p")]
                nested = [p for t in tc.findall(W + "tbl") for p in self._table_paragraphs(t)]
                cells.append(_join_paragraphs(paragraphs + nested))
                everything.extend(paragraphs + nested)
            rows.append(tuple(cells))
        return Table(tuple(rows), tuple(everything))

    def _table_paragraphs(self, tbl):
        return [self.paragraph(p) for p in tbl.iter(W + "p")]

    def paragraph(self, p) -> Paragraph:
        self.paragraphs_left -= 1
        if self.paragraphs_left < 0:
            raise _too_many("alinea's", self.max_paragraphs)
        props = child_map(next(p.iterchildren(P_PR), None))  # the first pPr child, as find() but in C
        style = self.styles.get(attr(props.get(P_STYLE), "val") or "")
        outline = style.outline_level
        if OUTLINE_LVL in props:
            value = props[OUTLINE_LVL].get(VAL)
            outline = whole_number(value)
            outline = outline if outline is not None and 0 <= outline < 9 else None
        pieces, refs, (bold, italic) = self._collect(p, style)
        text, refs = _normalise(pieces, refs)
        list_level, list_label = self._list_info(props.get(NUM_PR), style)
        return Paragraph(
            text=text,
            style=style.name,
            outline_level=outline,
            bold=bold,
            italic=italic,
            list_level=list_level,
            list_label=list_label,
            footnote_refs=tuple(refs),
        )

    def _list_info(self, num_pr, style):
        num_id, level = style.num_id, 0
        if num_pr is not None:
            props = child_map(num_pr)
            if NUM_ID in props:
                num_id = props[NUM_ID].get(VAL)
            if ILVL in props:
                level = level_number(props[ILVL].get(VAL))
        if not num_id or num_id == "0":
            return None, ""
        return level, self.numbering.next_label(num_id, level)

    def _collect(self, element, style):
        """Walk a paragraph's descendants in order, keeping only visible text.

        Returns the text pieces, the footnote markers as (offset into the joined pieces,
        number), and (bold, italic): whether every run with visible text is.
        """
        pieces, refs = [], []
        visible, all_bold, all_italic = False, True, True
        length = 0  # of "".join(pieces), kept as we go: joining at every marker is quadratic
        in_field_code = False
        for run in _runs(element):
            rpr, run_text = None, []
            for node in run:
                tag = node.tag
                if tag == R_PR:
                    rpr = node if rpr is None else rpr
                elif tag == FLD_CHAR:
                    kind = node.get(FLD_CHAR_TYPE)
                    in_field_code = kind == "begin" or (in_field_code and kind not in ("separate", "end"))
                elif in_field_code:
                    continue
                elif tag == TEXT:
                    run_text.append(node.text or "")
                elif tag in SHOWN_AS:
                    run_text.append(SHOWN_AS[tag])
                elif tag in BREAKS:
                    run_text.append("\n" if node.get(TYPE) in (None, "textWrapping") else " ")
                elif tag in NOTE_REFERENCES:
                    before = "".join(run_text)
                    pieces.append(before)
                    length += len(before)
                    run_text = []
                    number = self._note_number(node, is_endnote=tag == ENDNOTE_REFERENCE)
                    if number:
                        refs.append((length, number))
            text = "".join(run_text)
            pieces.append(text)
            length += len(text)
            if text.strip():
                bold, italic = self.styles.run_format(rpr, style)
                visible, all_bold, all_italic = True, all_bold and bold, all_italic and italic
        return pieces, refs, (visible and all_bold, visible and all_italic)

    def _note_number(self, node, *, is_endnote) -> str | None:
        """The mark of a footnote or endnote reference; footnotes and endnotes share one cap."""
        if (attr(node, "customMarkFollows") or "").lower() in ("1", "true", "on"):
            return None  # the custom mark follows as ordinary text
        self.footnote_refs_left -= 1
        if self.footnote_refs_left < 0:
            raise _too_many("voetnoten", MAX_FOOTNOTES)
        note_id = attr(node, "id") or ""
        if not is_endnote:
            return self.footnote_numbers.setdefault(note_id, str(len(self.footnote_numbers) + 1))
        if note_id not in self.endnote_numbers:
            if callable(self._endnote_style):
                self._endnote_style = self._endnote_style()
            fmt, start = self._endnote_style
            self.endnote_numbers[note_id] = note_label(start + len(self.endnote_numbers), fmt)
        return self.endnote_numbers[note_id]


def _text_boxes(paragraph):
    """Text boxes anchored in a paragraph, without Word's mc:Fallback duplicates."""
    return [
        box
        for box in paragraph.iter(W + "txbxContent")
        if not any(a.tag in (MC + "Fallback", W + "txbxContent") for a in box.iterancestors())
    ]


SKIPPED_CONTAINERS = (W + "del", W + "moveFrom", W + "txbxContent", MC + "Fallback")


def _runs(element):
    """Runs in document order, skipping deleted text, nested text boxes and mc:Fallback copies."""
    for node in element.iter(RUN):
        if node.getparent() is element or not inside(node, element, SKIPPED_CONTAINERS):
            yield node


MARK = "\ue000"  # stands in for a footnote marker while whitespace is collapsed
# Only what changes: a run of two or more, or one that is not a plain space (a no-op
# replacement of every single space costs a match each).
SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\t\u00a0\u2007\u202f]")
SPACE_AROUND_NEWLINE = re.compile(f" ?({MARK}*)\n ?")
SPACE_AROUND_MARKS = re.compile(f" ({MARK}+) ")


def _normalise(pieces, refs):
    """Collapse whitespace as Word displays it, moving footnote offsets along."""
    raw = "".join(pieces).replace(MARK, " ")  # the marker character is ours: a letter's own is a space
    if not refs and "\n" not in raw:
        if _tidy(raw):
            return raw, ()  # what split and join would give back, known from a faster scan
        return " ".join(raw.split()), ()  # the common case, at C speed
    if refs:
        cuts = sorted({offset for offset, _ in refs})
        raw = "".join(raw[a:b] + MARK for a, b in zip([0, *cuts[:-1]], cuts, strict=True)) + raw[cuts[-1] :]
    text = SPACES.sub(" ", raw) if _has_spaces_to_collapse(raw) else raw
    if "\n" in text:
        text = SPACE_AROUND_NEWLINE.sub("\\1\n", text)
    if " " + MARK in text:
        text = SPACE_AROUND_MARKS.sub(r" \1", text)
    marks = [match.start() - index for index, match in enumerate(re.finditer(MARK, text))]
    text = text.replace(MARK, "")
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    at = dict(zip(sorted({offset for offset, _ in refs}), marks, strict=True))
    adjusted = tuple(
        FootnoteRef(offset=min(max(at[offset] - lead, 0), len(stripped)), number=number) for offset, number in refs
    )
    return stripped, adjusted


def _tidy(text: str) -> bool:
    """No whitespace but single spaces between words: " ".join(text.split()) == text. Every
    character str.split() splits on except the space is unprintable to str.isprintable()."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _has_spaces_to_collapse(text: str) -> bool:
    """Whether SPACES matches anywhere: a few substring scans instead of a regex at every character."""
    return "  " in text or any(space in text for space in "\t\u00a0\u2007\u202f")


def _join_paragraphs(paragraphs) -> Paragraph:
    text, refs = "", []
    for paragraph in paragraphs:
        if not paragraph.text:
            continue
        if text:
            text += "\n"
        refs.extend(FootnoteRef(len(text) + ref.offset, ref.number) for ref in paragraph.footnote_refs)
        text += paragraph.text
    return Paragraph(text=text, footnote_refs=tuple(refs))


FOOTNOTES, ENDNOTES = ("word/footnotes.xml", W + "footnote"), ("word/endnotes.xml", W + "endnote")
SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
NOTE_MARKS = (W + "footnoteRef", W + "endnoteRef")  # the note's own number at its start


def _notes(package, part: tuple[str, str], numbers: dict[str, str]) -> tuple[Footnote, ...]:
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
        note_id = attr(note, "id") or ""
        if note_id in wanted and attr(note, "type") not in SEPARATORS:
            texts[note_id] = _footnote_text(note)
    return texts


def _endnote_style(package) -> tuple[str, int]:
    """How the endnotes are marked (word/settings.xml). Word numbers them i, ii, iii by default; a
    letter that also has footnotes and numbers its endnotes 1, 2, 3 would give two notes one mark,
    so its endnotes keep Word's default marks there."""
    fmt, start = endnote_numbering(package.xml("word/settings.xml"))
    if note_label(start, fmt).isdigit() and _has_footnotes(package):
        return ENDNOTE_FORMAT, 1
    return fmt, start


def _has_footnotes(package) -> bool:
    name, tag = FOOTNOTES
    notes = package.iter_children(name, (tag,)) if package.has(name) else ()
    return any(attr(note, "type") not in SEPARATORS for note in notes)


def _footnote_text(note) -> str:
    lines = []
    for p in note.iter(W + "p"):
        pieces = []
        for run in _runs(p):
            if any(run.find(mark) is not None for mark in NOTE_MARKS):
                continue
            pieces.extend(
                (node.text or "") if node.tag == W + "t" else " " for node in run if node.tag in (W + "t", W + "tab")
            )
        line, _ = _normalise(pieces, [])
        if line:
            lines.append(line)
    return "\n".join(lines)


def _split_letter_head(blocks):
    """Split off the letter head: the tables with Datum / Betreft, addresses and such.

    One-column tables elsewhere are layout (a cover note, a signature block) and are
    unwrapped into paragraphs; empty paragraphs and tables are dropped.
    """
    head, body = [], []
    for block in blocks:
        if isinstance(block, Table) and (metadata_mod.is_head_table(block) or metadata_mod.is_address_table(block)):
            head.append(block)
        elif isinstance(block, Table) and block.is_layout:
            body.extend(p for p in block.cell_paragraphs if p.text)
        elif isinstance(block, Table):
            if any(cell.text for row in block.rows for cell in row):
                body.append(block)
        elif block.text:
            body.append(block)
    return head, body


def _lines(block):
    if isinstance(block, Paragraph):
        return block.text.split("\n")
    return [line for row in block.rows for cell in row for line in cell.text.split("\n")]


def _first_bold_line(blocks) -> str:
    for block in blocks:
        if isinstance(block, Paragraph) and (block.bold or block.outline_level is not None) and block.text:
            return block.text
    return ""


# Answers to Kamervragen cite their sources as "… in Arnhem? 1)" in a question and list them at the end
# of the letter: "1) Aanhangsel Handelingen, …", typed or as a Word list ("1." / "1)").
SOURCE_MARKER = re.compile(r"(?<![\d(])(\d{1,2})\)(?=[\s,.;:]|$)")
TYPED_SOURCE = re.compile(r"^(\d{1,2})\)\s+(\S.*)$", re.DOTALL)
MAX_SOURCES = 30


def _link_source_list(blocks) -> tuple[list, tuple[Footnote, ...]]:
    """The letter's closing source list as notes ("1)", as the letter marks them), linked to its markers.

    Only when the letter's last paragraphs are numbered 1 to n and its text, before them, first marks
    the sources in that order, 1) to n), each at least once; otherwise nothing changes."""
    sources = _closing_sources(blocks)
    if not sources:
        return blocks, ()
    body = blocks[: -len(sources)]
    markers = [_source_markers(block, len(sources)) for block in body]
    first_seen = list(dict.fromkeys(int(m.group(1)) for found in markers for m in found))
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


def _source_markers(block, count: int) -> list:
    """The "N)" markers (1 <= N <= count) in a paragraph; not "(1)", nor a typed list item's own number."""
    if not isinstance(block, Paragraph) or ")" not in block.text:
        return []
    return [
        m
        for m in SOURCE_MARKER.finditer(block.text)
        if 1 <= int(m.group(1)) <= count and m.start() > 0 and "(" not in _token_before(block.text, m.start())
    ]


def _token_before(text: str, end: int) -> str:
    return text[:end].rsplit(None, 1)[-1] if text[:end].strip() else ""


def _with_source_refs(paragraph: Paragraph, markers) -> Paragraph:
    """The paragraph without its "N)" markers (and the space before each), with a note reference at each."""
    source = paragraph.text
    cuts = [(m.start() - (source[m.start() - 1] == " "), m.end(), f"{m.group(1)})") for m in markers]
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
