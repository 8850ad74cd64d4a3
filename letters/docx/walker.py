"""Turn the children of word/document.xml's w:body into Paragraph and Table blocks.

Runs split mid-word, proofing marks, bookmarks, field codes, deleted revisions and fallback copies
of text boxes are handled so that only the visible text remains. This runs for every paragraph of
every letter: lookups go through lxml's C iterators with a tag filter (`iterchildren(tag, …)`), never
ElementPath (`find`), and each paragraph's properties and runs are looked at once.
"""

import re

from letters.docx.blocks import FootnoteRef, Paragraph, Table
from letters.docx.package import MAX_FOOTNOTES, ReadError
from letters.docx.wordml import MC, VAL, NumberingCounter, StyleSheet, W, inside, level_number, note_label, whole_number

PARAGRAPH, TABLE, RUN = W + "p", W + "tbl", W + "r"
WRAPPERS = (W + "sdt", W + "customXml", W + "ins")  # block containers the walker looks into
BLOCK_TAGS = (PARAGRAPH, TABLE, *WRAPPERS)
SDT, SDT_CONTENT, ROW, CELL = W + "sdt", W + "sdtContent", W + "tr", W + "tc"
P_PR, P_STYLE, OUTLINE_LVL = W + "pPr", W + "pStyle", W + "outlineLvl"
NUM_PR, NUM_ID, ILVL = W + "numPr", W + "numId", W + "ilvl"
R_PR, TEXT, FLD_CHAR, FLD_CHAR_TYPE, TYPE = W + "rPr", W + "t", W + "fldChar", W + "fldCharType", W + "type"
SHOWN_AS = {W + "tab": "\t", W + "ptab": "\t", W + "noBreakHyphen": "\u2011"}
BREAKS = (W + "br", W + "cr")
FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE = W + "footnoteReference", W + "endnoteReference"
NOTE_REFERENCES = (FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE)
NOTE_ID, CUSTOM_MARK = W + "id", W + "customMarkFollows"
TEXT_BOX, FALLBACK = W + "txbxContent", MC + "Fallback"
SKIPPED_CONTAINERS = (W + "del", W + "moveFrom", TEXT_BOX, FALLBACK)  # no visible runs inside


def too_many(what: str, limit: int) -> ReadError:
    return ReadError(f"de brief bevat te veel {what} (meer dan {limit:,})".replace(",", "."))


class BodyWalker:
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
                boxes: list = []
                blocks.append(self.paragraph(child, boxes))
                for box in boxes:
                    if _anchored(box):
                        blocks.extend(self.walk(box))
            elif tag == TABLE:
                blocks.append(self.table(child))
            elif tag in WRAPPERS:
                content = next(child.iterchildren(SDT_CONTENT), None)
                blocks.extend(self.walk(content if content is not None else child))
        return blocks

    def table(self, tbl) -> Table:
        rows, everything = [], []
        # Only this table's own rows: a nested table's rows belong to the cell that holds it.
        wrapped = (
            tr for sdt in tbl.iterchildren(SDT) for c in sdt.iterchildren(SDT_CONTENT) for tr in c.iterchildren(ROW)
        )
        for tr in [*tbl.iterchildren(ROW), *wrapped]:
            cells = []
            for tc in tr.iterchildren(CELL):
                paragraphs = [self.paragraph(p) for p in tc.iterchildren(PARAGRAPH)]
                for nested in tc.iterchildren(TABLE):
                    paragraphs.extend(self.paragraph(p) for p in nested.iter(PARAGRAPH))
                cells.append(_join_paragraphs(paragraphs))
                everything.extend(paragraphs)
            rows.append(tuple(cells))
        return Table(tuple(rows), tuple(everything))

    def paragraph(self, p, text_boxes: list | None = None) -> Paragraph:
        """The paragraph p; the text boxes in it are added to text_boxes when given."""
        self.paragraphs_left -= 1
        if self.paragraphs_left < 0:
            raise too_many("alinea's", self.max_paragraphs)
        first = p[0] if len(p) else None  # Word writes w:pPr first; a scan only when it did not
        ppr = first if first is None or first.tag == P_PR else next(p.iterchildren(P_PR), None)
        style_id, outline, num_pr = _properties(ppr)
        style = self.styles.get(style_id)
        pieces, refs, bold, italic = self._collect(p, style, text_boxes)
        text, refs = normalise(pieces, refs)
        list_level, list_label = self._list_info(num_pr, style) if num_pr is not None or style.num_id else (None, "")
        # By position (text, style, outline_level, bold, italic, list_level, list_label, footnote_refs):
        # keywords cost half as much again, for every paragraph.
        outline_level = style.outline_level if outline is False else outline
        return Paragraph(text, style.name, outline_level, bold, italic, list_level, list_label, refs)

    def _list_info(self, num_pr, style):
        num_id, level = style.num_id, 0
        if num_pr is not None:
            found_id = found_level = None
            for prop in num_pr[:]:  # the first of each counts
                tag = prop.tag
                if tag == NUM_ID:
                    found_id = prop if found_id is None else found_id
                elif tag == ILVL:
                    found_level = prop if found_level is None else found_level
            if found_id is not None:
                num_id = found_id.get(VAL)
            if found_level is not None:
                level = level_number(found_level.get(VAL))
        if not num_id or num_id == "0":
            return None, ""
        return level, self.numbering.next_label(num_id, level)

    def _collect(self, p, style, text_boxes: list | None):
        """Walk a paragraph's runs in document order, keeping only visible text.

        Returns the text pieces, the footnote markers as (offset into the joined pieces, number), and
        whether every run with visible text is bold, and italic. Runs inside deleted text, text boxes
        and mc:Fallback copies are skipped; every text box in p goes to text_boxes when given.
        """
        pieces, refs = [], []
        visible, all_bold, all_italic = False, True, True
        length = 0  # of "".join(pieces), kept as we go: joining at every marker is quadratic
        in_field_code = False
        for run in p.iter(RUN, TEXT_BOX) if text_boxes is not None else p.iter(RUN):  # one scan for both
            if text_boxes is not None and run.tag == TEXT_BOX:
                text_boxes.append(run)
                continue
            if run.getparent() is not p and inside(run, p, SKIPPED_CONTAINERS):
                continue
            rpr, run_text = None, []
            for node in run[:]:  # a slice: cheaper than lxml's child iterator
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
            # Once a visible run is neither bold nor italic, the paragraph is neither: no need to look further.
            if (all_bold or all_italic) and text and not text.isspace():
                bold, italic = self.styles.run_format(rpr, style)
                visible, all_bold, all_italic = True, all_bold and bold, all_italic and italic
        return pieces, refs, visible and all_bold, visible and all_italic

    def _note_number(self, node, *, is_endnote) -> str | None:
        """The mark of a footnote or endnote reference; footnotes and endnotes share one cap."""
        if (node.get(CUSTOM_MARK) or "").lower() in ("1", "true", "on"):
            return None  # the custom mark follows as ordinary text
        self.footnote_refs_left -= 1
        if self.footnote_refs_left < 0:
            raise too_many("voetnoten", MAX_FOOTNOTES)
        note_id = node.get(NOTE_ID) or ""
        if not is_endnote:
            return self.footnote_numbers.setdefault(note_id, str(len(self.footnote_numbers) + 1))
        if note_id not in self.endnote_numbers:
            if callable(self._endnote_style):
                self._endnote_style = self._endnote_style()
            fmt, start = self._endnote_style
            self.endnote_numbers[note_id] = note_label(start + len(self.endnote_numbers), fmt)
        return self.endnote_numbers[note_id]


def _properties(ppr) -> tuple[str, int | None | bool, object]:
    """(style id, outline level or False when the paragraph sets none, w:numPr) of a w:pPr."""
    style = outline = num_pr = None
    if ppr is not None:
        for prop in ppr[:]:  # the first of each counts
            tag = prop.tag
            if tag == P_STYLE:
                style = prop if style is None else style
            elif tag == OUTLINE_LVL:
                outline = prop if outline is None else outline
            elif tag == NUM_PR:
                num_pr = prop if num_pr is None else num_pr
    level = False
    if outline is not None:
        level = whole_number(outline.get(VAL))
        level = level if level is not None and 0 <= level < 9 else None
    return (style.get(VAL) or "") if style is not None else "", level, num_pr


def _anchored(box) -> bool:
    """A text box of its own: not Word's mc:Fallback copy of one, nor inside another box."""
    return not any(ancestor.tag in (FALLBACK, TEXT_BOX) for ancestor in box.iterancestors())


def runs(element):
    """Runs in document order, skipping deleted text, nested text boxes and mc:Fallback copies."""
    for node in element.iter(RUN):
        if node.getparent() is element or not inside(node, element, SKIPPED_CONTAINERS):
            yield node


MARK = "\ue000"  # stands in for a footnote marker while whitespace is collapsed
SPACES = " \t\u00a0\u2007\u202f"  # what Word shows as a space; a run of them shows as one
SPACE_AROUND_NEWLINE = re.compile(f" ?({MARK}*)\n ?")
SPACE_AROUND_MARKS = re.compile(f" ({MARK}+) ")


def normalise(pieces, refs) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Collapse whitespace as Word displays it, moving footnote offsets along."""
    raw = "".join(pieces)
    if MARK in raw:
        raw = raw.replace(MARK, " ")  # the marker character is ours: a letter's own is a space
    if "\n" not in raw:
        if not refs:
            if _tidy(raw):
                return raw, ()  # what split and join would give back, known from a faster scan
            return " ".join(raw.split()), ()  # the common case, at C speed
        if not _has_spaces_to_collapse(raw):
            # marked() would change nothing: a mark loses the space after it only between two spaces.
            return _placed(raw, {offset: offset for offset, _ in refs}, refs)
    return _placed(*marked(raw, refs), refs)


def marked(raw: str, refs) -> tuple[str, dict[int, int]]:
    """raw with its whitespace collapsed around a MARK at each footnote offset; returns the text without
    the marks and, per offset, where its mark ended up."""
    cuts = sorted({offset for offset, _ in refs})
    if cuts:
        raw = "".join(raw[a:b] + MARK for a, b in zip([0, *cuts[:-1]], cuts, strict=True)) + raw[cuts[-1] :]
    text = _collapse_spaces(raw) if _has_spaces_to_collapse(raw) else raw
    if "\n" in text:
        text = SPACE_AROUND_NEWLINE.sub("\\1\n", text)
    if " " + MARK in text:
        text = SPACE_AROUND_MARKS.sub(r" \1", text)
    marks = [match.start() - index for index, match in enumerate(re.finditer(MARK, text))]
    return text.replace(MARK, ""), dict(zip(cuts, marks, strict=True))


def _placed(text: str, at: dict[int, int], refs) -> tuple[str, tuple[FootnoteRef, ...]]:
    """The text stripped, and each reference at its mark's place in it."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return stripped, tuple(
        FootnoteRef(min(max(at[offset] - lead, 0), len(stripped)), number) for offset, number in refs
    )


def _tidy(text: str) -> bool:
    """No whitespace but single spaces between words: " ".join(text.split()) == text. Every
    character str.split() splits on except the space is unprintable to str.isprintable()."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _has_spaces_to_collapse(text: str) -> bool:
    """Whether _collapse_spaces would change anything: a few substring scans."""
    return "  " in text or any(space in text for space in SPACES[1:])


def _collapse_spaces(text: str) -> str:
    """Each run of SPACES as one plain space. Substring replacements: a regular expression tried at every
    character of a long paragraph costs ten times as much."""
    for space in SPACES[1:]:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


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
