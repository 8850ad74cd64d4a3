"""Read a .docx letter into plain data: paragraphs, tables, footnotes, metadata.

`read(content, filename)` is the one entry point. It returns a `ParsedDocument` or
raises `ReadError`. The text comes out as a reader sees it (`walker`): runs split mid-word,
proofing marks, bookmarks, field codes, deleted revisions and fallback copies of
text boxes are handled so that only the visible text remains. The notes beside the
text are read by `notes`.
"""

from letters.docx import metadata as metadata_mod
from letters.docx.blocks import Footnote, FootnoteRef, Paragraph, ParsedDocument, Table
from letters.docx.notes import ENDNOTES, FOOTNOTES, endnote_style, link_source_list, notes
from letters.docx.numbering import Numbering
from letters.docx.package import MAX_PARAGRAPHS, ReadError, open_package
from letters.docx.walker import BLOCK_TAGS, BodyWalker
from letters.docx.wordml import NumberingCounter, StyleSheet, W

__all__ = ["ReadError", "read", "ParsedDocument", "Paragraph", "Table", "Footnote", "FootnoteRef"]

NO_BODY = "word/document.xml bevat geen documenttekst (w:body ontbreekt)"
NUMBERING = "word/numbering.xml"


def read(content: bytes, filename: str = "", *, max_paragraphs: int = MAX_PARAGRAPHS) -> ParsedDocument:
    """The letter in content, or ReadError. max_paragraphs is for benchmarks; callers keep the default."""
    return _read(open_package(content), filename, max_paragraphs)


def _read(package, filename: str, max_paragraphs: int) -> ParsedDocument:
    styles = StyleSheet(package.xml("word/styles.xml", leave_out=b"w:latentStyles"))  # Word's, never read
    package.defer(NUMBERING)
    walker = BodyWalker(
        styles,
        NumberingCounter(lambda: _numbering(package)),
        max_paragraphs=max_paragraphs,
        endnote_style=lambda: endnote_style(package),
    )
    blocks = walker.walk(package.iter_children("word/document.xml", BLOCK_TAGS, within=W + "body", missing=NO_BODY))
    head, blocks = _split_letter_head(blocks)
    signature, blocks = metadata_mod.take_signature(blocks)
    meta = metadata_mod.extract(
        head_lines=[line for block in head for line in _lines(block)],
        headers=metadata_mod.defer_headers(package),
        package=package,
        signature=signature,
        filename=filename,
        first_heading=_first_bold_line(blocks),
    )
    footnotes = notes(package, FOOTNOTES, walker.footnote_numbers) + notes(package, ENDNOTES, walker.endnote_numbers)
    blocks, sources = link_source_list(blocks)
    return ParsedDocument(metadata=meta, blocks=tuple(blocks), footnotes=footnotes + sources)


def _numbering(package) -> Numbering | None:
    data = package.deferred_bytes(NUMBERING)
    return None if data is None else Numbering(data, NUMBERING)


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
