"""Read a .docx letter into plain data: paragraphs, tables, footnotes, metadata.

`read(content, filename)` is the one entry point. It returns a `ParsedDocument` or
raises `ReadError`. The text comes out as a reader sees it: runs split mid-word,
proofing marks, bookmarks, field codes, deleted revisions and fallback copies of
text boxes are handled so that only the visible text remains.
"""

import re
from dataclasses import dataclass, field

from letters.docx import metadata as metadata_mod
from letters.docx.package import ReadError, open_package
from letters.docx.wordml import MC, NumberingCounter, StyleSheet, W, attr, inside

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
    number: str
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    metadata: metadata_mod.Metadata
    blocks: tuple  # Paragraph | Table, in document order, letter head and signature removed
    footnotes: tuple[Footnote, ...] = field(default=())


def read(content: bytes, filename: str = "") -> ParsedDocument:
    package = open_package(content)
    root = package.xml("word/document.xml")
    body = root.find(W + "body") if root is not None else None
    if body is None:
        raise ReadError("word/document.xml bevat geen documenttekst (w:body ontbreekt)")
    walker = _BodyWalker(
        StyleSheet(package.xml("word/styles.xml")), NumberingCounter(package.xml("word/numbering.xml"))
    )
    blocks = walker.walk(body)
    footnote_texts = _read_footnotes(package.xml("word/footnotes.xml"))
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
    footnotes = tuple(
        Footnote(number, footnote_texts[footnote_id])
        for footnote_id, number in walker.footnote_numbers.items()
        if footnote_id in footnote_texts
    )
    return ParsedDocument(metadata=meta, blocks=tuple(blocks), footnotes=footnotes)


class _BodyWalker:
    """Turns w:body children into Paragraph and Table blocks, numbering footnotes."""

    def __init__(self, styles: StyleSheet, numbering: NumberingCounter):
        self.styles = styles
        self.numbering = numbering
        self.footnote_numbers: dict[str, str] = {}  # footnote id -> number shown

    def walk(self, container) -> list:
        blocks = []
        for child in container:
            if child.tag == W + "p":
                blocks.append(self.paragraph(child))
                for box in _text_boxes(child):
                    blocks.extend(self.walk(box))
            elif child.tag == W + "tbl":
                blocks.append(self.table(child))
            elif child.tag in (W + "sdt", W + "customXml", W + "ins"):
                content = child.find(W + "sdtContent")
                blocks.extend(self.walk(content if content is not None else child))
        return blocks

    def table(self, tbl) -> Table:
        rows, everything = [], []
        for tr in tbl.iter(W + "tr"):
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
        ppr = p.find(W + "pPr")
        style_id = attr(ppr.find(W + "pStyle"), "val") if ppr is not None and ppr.find(W + "pStyle") is not None else ""
        style = self.styles.get(style_id)
        outline = style.outline_level
        if ppr is not None and ppr.find(W + "outlineLvl") is not None:
            value = attr(ppr.find(W + "outlineLvl"), "val")
            outline = int(value) if value and value.isdigit() and int(value) < 9 else None
        pieces, refs, runs_format = [], [], []
        self._collect(p, pieces, refs, runs_format, style)
        text, refs = _normalise(pieces, refs)
        visible = [fmt for fmt, run_text in runs_format if run_text.strip()]
        list_level, list_label = self._list_info(ppr, style)
        return Paragraph(
            text=text,
            style=style.name,
            outline_level=outline,
            bold=bool(visible) and all(bold for bold, _ in visible),
            italic=bool(visible) and all(italic for _, italic in visible),
            list_level=list_level,
            list_label=list_label,
            footnote_refs=tuple(refs),
        )

    def _list_info(self, ppr, style):
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, level = style.num_id, 0
        if num_pr is not None:
            if num_pr.find(W + "numId") is not None:
                num_id = attr(num_pr.find(W + "numId"), "val")
            if num_pr.find(W + "ilvl") is not None:
                level = int(attr(num_pr.find(W + "ilvl"), "val") or 0)
        if not num_id or num_id == "0":
            return None, ""
        return level, self.numbering.next_label(num_id, level)

    def _collect(self, element, pieces, refs, runs_format, style):
        """Walk a paragraph's descendants in order, keeping only visible text."""
        in_field_code = False
        for run in _runs(element):
            rpr = run.find(W + "rPr")
            bold, italic = self.styles.run_format(rpr, style)
            run_text = []
            for node in run:
                tag = node.tag
                if tag == W + "fldChar":
                    kind = attr(node, "fldCharType")
                    in_field_code = kind == "begin" or (in_field_code and kind not in ("separate", "end"))
                elif in_field_code or tag in (W + "instrText", W + "delText", W + "rPr"):
                    continue
                elif tag == W + "t":
                    run_text.append(node.text or "")
                elif tag in (W + "tab", W + "ptab"):
                    run_text.append("\t")
                elif tag in (W + "br", W + "cr"):
                    run_text.append("\n" if attr(node, "type") in (None, "textWrapping") else " ")
                elif tag == W + "noBreakHyphen":
                    run_text.append("\u2011")
                elif tag in (W + "footnoteReference", W + "endnoteReference"):
                    pieces.append("".join(run_text))
                    run_text = []
                    self._footnote_ref(node, pieces, refs, is_endnote=tag == W + "endnoteReference")
            pieces.append("".join(run_text))
            runs_format.append(((bold, italic), "".join(run_text)))

    def _footnote_ref(self, node, pieces, refs, *, is_endnote):
        if is_endnote:
            return  # endnotes are rare in letters; their marker is dropped, not misnumbered
        footnote_id = attr(node, "id") or ""
        if (attr(node, "customMarkFollows") or "").lower() in ("1", "true", "on"):
            return  # the custom mark follows as ordinary text
        number = self.footnote_numbers.setdefault(footnote_id, str(len(self.footnote_numbers) + 1))
        refs.append((len("".join(pieces)), number))


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
    for node in element.iter(W + "r"):
        if not inside(node, element, SKIPPED_CONTAINERS):
            yield node


MARK = "\ue000"  # stands in for a footnote marker while whitespace is collapsed
SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
SPACE_AROUND_NEWLINE = re.compile(f" ?({MARK}*)\n ?")
SPACE_AROUND_MARKS = re.compile(f" ({MARK}+) ")


def _normalise(pieces, refs):
    """Collapse whitespace as Word displays it, moving footnote offsets along."""
    raw = "".join(pieces)
    if not refs and "\n" not in raw:
        return " ".join(raw.split()), ()  # the common case, at C speed
    if refs:
        cuts = sorted({offset for offset, _ in refs})
        raw = "".join(raw[a:b] + MARK for a, b in zip([0, *cuts[:-1]], cuts, strict=True)) + raw[cuts[-1] :]
    text = SPACE_AROUND_MARKS.sub(r" \1", SPACE_AROUND_NEWLINE.sub("\\1\n", SPACES.sub(" ", raw)))
    marks = [match.start() - index for index, match in enumerate(re.finditer(MARK, text))]
    text = text.replace(MARK, "")
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    at = dict(zip(sorted({offset for offset, _ in refs}), marks, strict=True))
    adjusted = tuple(
        FootnoteRef(offset=min(max(at[offset] - lead, 0), len(stripped)), number=number) for offset, number in refs
    )
    return stripped, adjusted


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


def _read_footnotes(root) -> dict[str, str]:
    if root is None:
        return {}
    texts = {}
    for note in root.findall(W + "footnote"):
        if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        lines = []
        for p in note.iter(W + "p"):
            pieces, refs = [], []
            for run in _runs(p):
                if run.find(W + "footnoteRef") is not None:
                    continue
                pieces.extend(
                    (node.text or "") if node.tag == W + "t" else " "
                    for node in run
                    if node.tag in (W + "t", W + "tab")
                )
            line, _ = _normalise(pieces, refs)
            if line:
                lines.append(line)
        texts[attr(note, "id") or ""] = "\n".join(lines)
    return texts


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
