"""Build small .docx files in memory for tests: real WordprocessingML, no templates."""

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def run(text: str, *, bold=False, italic=False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, style: str = "", num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if style or num:
        numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{pstyle}{numpr}</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def text_para(text: str, **kwargs) -> str:
    bold, italic = kwargs.pop("bold", False), kwargs.pop("italic", False)
    return para(run(text, bold=bold, italic=italic), **kwargs)


def footnote_ref(footnote_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteReference w:id="{footnote_id}"/></w:r>'


def footnotes_xml(notes: dict[int, str]) -> str:
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + text)}</w:p></w:footnote>'
        for number, text in notes.items()
    )
    return (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        f'</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )


def head_table(date: str, subject: str, label: str = "Betreft") -> str:
    def cell(text):
        return f"<w:tc>{text_para(text)}</w:tc>"

    return f"<w:tbl><w:tr>{cell('Datum')}{cell(date)}</w:tr><w:tr>{cell(label)}{cell(subject)}</w:tr></w:tbl>"


def document_xml(*body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
        f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )


def build_docx(
    *body: str, footnotes: dict[int, str] | None = None, parts: dict[str, str | bytes] | None = None
) -> bytes:
    """A .docx whose body holds the given paragraphs and tables (WordprocessingML strings)."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/document.xml": document_xml(*body),
    }
    if footnotes:
        files["word/footnotes.xml"] = footnotes_xml(footnotes)
    files.update(parts or {})
    return zip_bytes(files)


def zip_bytes(files: dict[str, str | bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def simple_letter(
    subject="Voortgang meldkamers", date="3 oktober 2025", body_text="Met deze brief informeer ik uw Kamer."
) -> bytes:
    return build_docx(
        head_table(date, subject),
        text_para(body_text),
        text_para("Meldkamers", bold=True),
        text_para("De meldkamers zijn gereed."),
    )


def with_replaced_text(content: bytes, old: str, new: str, part: str = "word/document.xml") -> bytes:
    """The same .docx with one piece of text in one part changed (a corrected version)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    files = {info.filename: source.read(info.filename) for info in source.infolist()}
    text = files[part].decode("utf-8")
    assert old in text, f"{old!r} not in {part}"
    files[part] = text.replace(old, new, 1).encode("utf-8")
    return zip_bytes(files)


def letter_citing(
    subject: str,
    date: str,
    citations: list[str],
    *,
    heading="Onderwerp",
    signer="De Minister van Justitie en Veiligheid,",
) -> bytes:
    """A letter with one heading and a paragraph whose footnotes cite the given texts, one each."""
    refs = [footnote_ref(i) for i in range(1, len(citations) + 1)]
    return build_docx(
        head_table(date, subject),
        text_para(heading, bold=True),
        para(run("Zie de eerdere stukken."), *refs),
        text_para(signer),
        text_para("A.B. Minister"),
        footnotes={i: text for i, text in enumerate(citations, 1)},
    )
