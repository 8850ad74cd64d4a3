"""Build the corpus letters (.docx) from their plain sources: `python -m tests.corpus.build [--check]`.

A source (tests/corpus/source/<id>.md) is the published text with a tiny markup, described
in tests/corpus/README.md. The .docx is laid out the way a ministry's Word file is: a letter
head table (or a "Den Haag, <datum>" line), headings in the style the front matter names
(bold, bold and italic, Heading styles in English or Dutch, automatically numbered headings),
bullet and numbered lists with Word numbering, and real Word footnotes. The output is
reproducible (fixed timestamps, same parts), so the committed .docx can be checked against
their sources.
"""

import re
import sys
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from tests.docx_builder import R_NS, W_NS, footnote_ref, footnotes_xml, para, run, text_para

CORPUS = Path(__file__).resolve().parent
SOURCES = CORPUS / "source"
LETTERS = CORPUS / "letters"

HEADING_STYLES = ("bold", "bold-italic", "styles", "styles-nl", "numbered")
META_KEYS = {"ministry", "date", "subject", "label", "to", "layout", "headings"}
ADDRESSES = {
    "Tweede Kamer": ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Postbus 20018", "2500 EA  DEN HAAG"),
    "Eerste Kamer": ("Aan de Voorzitter van de Eerste Kamer der Staten-Generaal", "Postbus 20017", "2500 EA  DEN HAAG"),
}
BULLETS, NUMBERED_LIST, NUMBERED_HEADINGS = 1, 2, 3
MARKER = re.compile(r"\[\^([^\]\s]+)\]")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.+)$")
HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class SourceError(ValueError):
    """A source file that does not follow the markup."""


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" | "heading" | "bullet" | "numbered"
    text: str
    level: int = 0


@dataclass(frozen=True)
class Source:
    meta: dict
    blocks: tuple[Block, ...]
    footnotes: dict  # label -> text


def parse(text: str) -> Source:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        raise SourceError("a source starts with front matter between two '---' lines")
    end = 1 + [line.strip() for line in lines[1:]].index("---")
    meta = _front_matter(lines[1:end])
    blocks, footnotes, pending = [], {}, []
    for line in lines[end + 1 :] + [""]:
        stripped = line.strip()
        block = _line_block(stripped, footnotes)
        if block is not None or not stripped:
            if pending:
                blocks.append(Block("paragraph", " ".join(pending)))
                pending = []
            if isinstance(block, Block):
                blocks.append(block)
        else:
            pending.append(stripped)
    _check_markers(blocks, footnotes)
    return Source(meta, tuple(blocks), footnotes)


def _front_matter(lines) -> dict:
    meta = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in META_KEYS:
            raise SourceError(f"unknown front matter line {line!r}")
        meta[key.strip()] = value.strip()
    for required in ("ministry", "date", "headings"):
        if not meta.get(required):
            raise SourceError(f"front matter needs {required!r}")
    if meta["headings"] not in HEADING_STYLES:
        raise SourceError(f"headings must be one of {', '.join(HEADING_STYLES)}")
    if meta.get("layout", "table") not in ("table", "denhaag") or meta.get("to", "Tweede Kamer") not in ADDRESSES:
        raise SourceError("layout is table or denhaag; to is Tweede Kamer or Eerste Kamer")
    return meta


def _line_block(line: str, footnotes: dict):
    """The block a single line stands for, True for a footnote definition, None for paragraph text."""
    if definition := DEFINITION.match(line):
        footnotes[definition[1]] = definition[2]
        return True
    if heading := HEADING.match(line):
        return Block("heading", heading[2].strip(), len(heading[1]))
    if line.startswith("- "):
        return Block("bullet", line[2:].strip())
    if line.startswith("+ "):
        return Block("numbered", line[2:].strip())
    return None


def _check_markers(blocks, footnotes) -> None:
    used = [label for block in blocks for label in MARKER.findall(block.text)]
    if missing := sorted(set(used) - set(footnotes)):
        raise SourceError(f"footnote markers without a definition: {missing}")
    if unused := sorted(set(footnotes) - set(used)):
        raise SourceError(f"footnote definitions never marked: {unused}")


def build(source: Source) -> bytes:
    """The .docx of one source, always the same bytes for the same source."""
    ids = _footnote_ids(source.blocks)
    body = [*_letter_head(source.meta), *(_block_xml(b, source.meta["headings"], ids) for b in source.blocks)]
    files = {
        "[Content_Types].xml": _content_types(bool(ids)),
        "_rels/.rels": _package_rels(),
        "docProps/core.xml": _core(source.meta.get("subject", "")),
        "word/_rels/document.xml.rels": _document_rels(bool(ids)),
        "word/document.xml": _document(body),
        "word/styles.xml": _styles(source.meta["headings"]),
        "word/numbering.xml": _numbering(),
        "word/header1.xml": _header(source.meta["ministry"]),
    }
    if ids:
        files["word/footnotes.xml"] = footnotes_xml({ids[label]: source.footnotes[label] for label in ids})
    return _zip(files)


def _footnote_ids(blocks) -> dict:
    ids: dict = {}
    for block in blocks:
        for label in MARKER.findall(block.text):
            ids.setdefault(label, len(ids) + 1)
    return ids


def _runs(text: str, ids: dict, **format_) -> list[str]:
    """Runs for text with [^label] markers turned into Word footnote references."""
    runs, position = [], 0
    for marker in MARKER.finditer(text):
        if marker.start() > position:
            runs.append(run(text[position : marker.start()], **format_))
        runs.append(footnote_ref(ids[marker[1]]))
        position = marker.end()
    if position < len(text):
        runs.append(run(text[position:], **format_))
    return runs


def _block_xml(block: Block, heading_style: str, ids: dict) -> str:
    if block.kind == "bullet":
        return para(*_runs(block.text, ids), style="Lijstalinea", num=(BULLETS, 0))
    if block.kind == "numbered":
        return para(*_runs(block.text, ids), style="Lijstalinea", num=(NUMBERED_LIST, 0))
    if block.kind == "paragraph":
        return para(*_runs(block.text, ids))
    level = block.level
    if heading_style == "bold":
        return para(*_runs(block.text, ids, bold=True))
    if heading_style == "bold-italic":
        return para(*_runs(block.text, ids, bold=level == 1, italic=level > 1))
    if heading_style == "styles-nl":
        return para(*_runs(block.text, ids), style=f"Kop{level}")
    numbering = (NUMBERED_HEADINGS, level - 1) if heading_style == "numbered" else None
    return para(*_runs(block.text, ids), style=f"Heading{level}", num=numbering)


def _letter_head(meta: dict) -> list[str]:
    address = ADDRESSES[meta.get("to", "Tweede Kamer")]
    if meta.get("layout", "table") == "denhaag":
        return [text_para(address[0]), text_para(f"Den Haag, {meta['date']}")]

    def cell(*paragraphs, span=1):
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{props}{''.join(text_para(p) for p in paragraphs)}</w:tc>"

    rows = [cell(*address, span=2), cell("Datum") + cell(meta["date"])]
    if meta.get("subject"):
        rows.append(cell(meta.get("label", "Betreft")) + cell(meta["subject"]))
    props = '<w:tblPr><w:tblW w:w="7512" w:type="dxa"/></w:tblPr>'
    grid = props + '<w:tblGrid><w:gridCol w:w="1588"/><w:gridCol w:w="5924"/></w:tblGrid>'
    return ["<w:tbl>" + grid + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>", text_para("")]


def _document(body: list[str]) -> str:
    section = '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/></w:sectPr>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:body>{''.join(body)}{section}</w:body></w:document>"
    )


def _header(ministry: str) -> str:
    line = text_para(f"Ministerie van {ministry}")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">{line}</w:hdr>'


def _style(style_id: str, name: str, *, ppr: str = "", rpr: str = "", kind: str = "paragraph") -> str:
    based = '<w:basedOn w:val="Standaard"/>' if kind == "paragraph" else ""
    parts = f"{based}{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}"
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{parts}</w:style>'


def _styles(heading_style: str) -> str:
    prefix = "Kop" if heading_style == "styles-nl" else "Heading"
    headings = "".join(
        _style(f"{prefix}{n}", f"heading {n}", ppr=f'<w:keepNext/><w:outlineLvl w:val="{n - 1}"/>', rpr="<w:b/>")
        for n in (1, 2, 3)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/>'
        '<w:rPr><w:rFonts w:ascii="Verdana" w:hAnsi="Verdana"/><w:sz w:val="18"/></w:rPr></w:style>'
        f"{headings}"
        + _style("Lijstalinea", "List Paragraph", ppr='<w:ind w:left="720"/>')
        + _style("Voetnoottekst", "footnote text", rpr='<w:sz w:val="13"/>')
        + _style("Voetnootmarkering", "footnote reference", rpr='<w:vertAlign w:val="superscript"/>', kind="character")
        + "</w:styles>"
    )


def _level(ilvl: int, fmt: str, text: str) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/>'
        f'<w:pPr><w:ind w:left="{360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
    )


def _numbering() -> str:
    abstracts = {
        BULLETS: _level(0, "bullet", "•"),
        NUMBERED_LIST: _level(0, "decimal", "%1."),
        NUMBERED_HEADINGS: _level(0, "decimal", "%1.")
        + _level(1, "decimal", "%1.%2")
        + _level(2, "decimal", "%1.%2.%3"),
    }
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
        + "".join(f'<w:abstractNum w:abstractNumId="{n}">{levels}</w:abstractNum>' for n, levels in abstracts.items())
        + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>' for n in abstracts)
        + "</w:numbering>"
    )


def _core(subject: str) -> str:
    title = f"<dc:title>{escape(subject)}</dc:title>" if subject else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/">{title}</cp:coreProperties>'
    )


WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _content_types(with_footnotes: bool) -> str:
    parts = {"document": "document.main", "styles": "styles", "numbering": "numbering", "header1": "header"}
    if with_footnotes:
        parts["footnotes"] = "footnotes"
    overrides = "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{WORD_TYPE}.{kind}+xml"/>' for name, kind in parts.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}"
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )


def _relationships(relations: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in relations)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'
    )


def _package_rels() -> str:
    core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    return _relationships(
        [("rId1", f"{REL_TYPE}/officeDocument", "word/document.xml"), ("rId2", core, "docProps/core.xml")]
    )


def _document_rels(with_footnotes: bool) -> str:
    relations = [
        ("rIdStyles", f"{REL_TYPE}/styles", "styles.xml"),
        ("rIdNumbering", f"{REL_TYPE}/numbering", "numbering.xml"),
        ("rIdHeader1", f"{REL_TYPE}/header", "header1.xml"),
    ]
    if with_footnotes:
        relations.append(("rIdFootnotes", f"{REL_TYPE}/footnotes", "footnotes.xml"))
    return _relationships(relations)


def _zip(files: dict[str, str]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8"))
    return buffer.getvalue()


def members(content: bytes) -> dict[str, bytes]:
    """A .docx as its parts: what is compared, since zlib versions may compress the same parts differently."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def is_current(corpus_id: str, content: bytes) -> bool:
    target = LETTERS / f"{corpus_id}.docx"
    return target.exists() and members(target.read_bytes()) == members(content)


def built_letters() -> dict[str, bytes]:
    """Corpus id -> the .docx its source builds to, for every source file."""
    return {path.stem: build(parse(path.read_text(encoding="utf-8"))) for path in sorted(SOURCES.glob("*.md"))}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for corpus_id, content in built_letters().items():
        if is_current(corpus_id, content):
            continue
        stale.append(corpus_id)
        if not check:
            (LETTERS / f"{corpus_id}.docx").write_bytes(content)
    verb = "out of date" if check else "written"
    print(f"{len(stale)} letter(s) {verb}" + (f": {', '.join(stale)}" if stale else ""))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
