"""Files that must be refused with a clear reason: (name, bytes factory, reason)."""

from functools import partial

from letters.docx.package import OLE_MAGIC
from tests.conftest import SEED
from tests.docx_builder import (
    CONTENT_TYPES,
    ROOT_RELS,
    build_docx,
    document_xml,
    footnote_ref,
    para,
    run,
    text_para,
    zip_bytes,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_document(xml: str) -> bytes:
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "word/document.xml": xml})


def billion_laughs_xml() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )


def billion_laughs() -> bytes:
    return _with_document(billion_laughs_xml())


def external_entity() -> bytes:
    return _with_document(
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )


# 70 KB before the DOCTYPE: past any look at the first bytes of a part.
LONG_COMMENT = "<!-- " + "opvulling " * 7000 + "-->"
CORE_NS = (
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
CUSTOM_NS = 'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
# Each part the reader parses, with the entity &x; where the reader would read its text.
PARTS_WITH_ENTITY = {
    "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
    "</w:document>",
    "word/footnotes.xml": f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>",
    "word/endnotes.xml": f'<w:endnotes xmlns:w="{W_NS}"><w:endnote w:id="1"><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
    "</w:endnote></w:endnotes>",
    "word/settings.xml": f'<w:settings xmlns:w="{W_NS}"><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>'
    "<w:defaultTabStop>&x;</w:defaultTabStop></w:settings>",
    "word/styles.xml": f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Kop1">'
    '<w:name w:val="heading 1"/></w:style><w:latentStyles>&x;</w:latentStyles></w:styles>',
    "word/numbering.xml": f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">&x;</w:abstractNum>'
    "</w:numbering>",
    "word/header1.xml": f'<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:hdr>',
    "docProps/core.xml": f"<cp:coreProperties {CORE_NS}><dc:title>&x;</dc:title></cp:coreProperties>",
    "docProps/custom.xml": f'<Properties {CUSTOM_NS}><property name="Onderwerp">&x;</property></Properties>',
}


def dtd_after_long_comment(part: str, doctype: str = '<!DOCTYPE d [<!ENTITY x "boom">]>') -> bytes:
    """A letter whose part has a 70 KB comment, then a DOCTYPE, then the entity in its text."""
    root = PARTS_WITH_ENTITY[part]
    hostile = f'<?xml version="1.0" encoding="UTF-8"?>{LONG_COMMENT}{doctype}{root}'
    endnote = '<w:r><w:endnoteReference w:id="1"/></w:r>'  # so that the endnote parts are read too
    body = para(run("Zie noot"), footnote_ref(1), endnote)
    listed = para(run("Eerste punt"), num=(1, 0))  # so that the numbering is read too
    return build_docx(body, listed, footnotes={1: "Kamerstukken II 2024/25, 36600-VI, nr. 3."}, parts={part: hostile})


def billion_laughs_after_long_comment() -> bytes:
    """Billion laughs with its entities beyond the first 64 KB: libxml2 stops at the first use."""
    return _with_document(billion_laughs_xml().replace("<!DOCTYPE", LONG_COMMENT + "<!DOCTYPE", 1))


def zip_bomb() -> bytes:
    # 200 MB of one repeated paragraph compresses to a few hundred kB
    filler = text_para("a") * (200 * 1024 * 1024 // len(text_para("a")))
    return _with_document(document_xml(filler))


def path_traversal() -> bytes:
    return zip_bytes({"../../etc/cron.d/evil": "x", "word/document.xml": document_xml(text_para("tekst"))})


def too_many_entries() -> bytes:
    return zip_bytes({f"word/media/image{i}.png": b"" for i in range(2100)} | {"word/document.xml": document_xml()})


def encrypted_zip_entry() -> bytes:
    """A zip whose entry carries the "encrypted" flag (bit 0) in both of its headers."""
    data = bytearray(zip_bytes({"word/document.xml": document_xml(text_para("geheim"))}))
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    return bytes(data)


BAD_FILES = [
    ("leeg.docx", lambda: b"", "het bestand is leeg"),
    (
        "tekst.docx",
        lambda: b"Dit is gewoon tekst, geen Word-bestand.",
        "geen geldig .docx-bestand: het is geen zip-archief",
    ),
    (
        "afgebroken.docx",
        lambda: SEED.read_bytes()[: len(SEED.read_bytes()) // 2],
        "geen geldig .docx-bestand: het zip-archief is beschadigd of afgebroken",
    ),
    (
        "scan.docx",
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "dit is een PDF-bestand, geen Word-document (.docx)",
    ),
    (
        "oud.docx",
        lambda: OLE_MAGIC + b"\x00" * 504,
        "dit is een oud Word-bestand (.doc), geen .docx; sla het op als .docx",
    ),
    (
        "versleuteld.docx",
        lambda: OLE_MAGIC + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100,
        "dit Office-bestand is versleuteld met een wachtwoord",
    ),
    (
        "geen-document.docx",
        lambda: zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "word/styles.xml": "<a/>"}),
        "geen Word-document: word/document.xml ontbreekt in het archief",
    ),
    (
        "kapotte-xml.docx",
        lambda: _with_document(f'<w:document xmlns:w="{W_NS}"><w:body><w:p>'),
        "word/document.xml is geen geldige XML (fout op regel 1, kolom 97)",
    ),
    (
        "billion-laughs.docx",
        billion_laughs,
        "word/document.xml bevat een DTD of entiteiten; dat komt in Word-bestanden niet voor",
    ),
    (
        "xxe.docx",
        external_entity,
        "word/document.xml bevat een DTD of entiteiten; dat komt in Word-bestanden niet voor",
    ),
    ("zipbom.docx", zip_bomb, "word/document.xml pakt verdacht sterk uit (zip-bom); het bestand is geweigerd"),
    ("traversal.docx", path_traversal, "ongeldige bestandsnaam in het archief: '../../etc/cron.d/evil'"),
    ("veel.docx", too_many_entries, "het archief bevat te veel bestanden (2101)"),
    ("zip-wachtwoord.docx", encrypted_zip_entry, "het archief is versleuteld met een wachtwoord"),
    ("te-groot.docx", lambda: b"PK\x03\x04" + b"\x00" * (26 * 1024 * 1024), "het bestand is te groot (meer dan 25 MB)"),
    (
        "geen-body.docx",
        lambda: _with_document(f'<w:document xmlns:w="{W_NS}"/>'),
        "word/document.xml bevat geen documenttekst (w:body ontbreekt)",
    ),
]

DTD_REFUSED = "{} bevat een DTD of entiteiten; dat komt in Word-bestanden niet voor"
BAD_FILES += [
    (
        f"dtd-na-commentaar-{part.replace('/', '-')}.docx",
        partial(dtd_after_long_comment, part),
        DTD_REFUSED.format(part),
    )
    for part in PARTS_WITH_ENTITY
]
BAD_FILES += [
    (
        "doctype-zonder-subset-na-commentaar.docx",
        partial(dtd_after_long_comment, "word/document.xml", "<!DOCTYPE w:document>"),
        DTD_REFUSED.format("word/document.xml"),
    ),
    (
        "billion-laughs-na-commentaar.docx",
        billion_laughs_after_long_comment,
        DTD_REFUSED.format("word/document.xml"),
    ),
]

BAD_IDS = [name for name, _, _ in BAD_FILES]


def good_docx() -> bytes:
    return build_docx(text_para("tekst"))
