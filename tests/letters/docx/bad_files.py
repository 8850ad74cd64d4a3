"""Files that must be refused with a clear reason: (name, bytes factory, reason)."""

from letters.docx.package import OLE_MAGIC
from tests.conftest import SEED
from tests.docx_builder import CONTENT_TYPES, ROOT_RELS, build_docx, document_xml, text_para, zip_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_document(xml: str) -> bytes:
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "word/document.xml": xml})


def billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    return _with_document(
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )


def external_entity() -> bytes:
    return _with_document(
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )


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

BAD_IDS = [name for name, _, _ in BAD_FILES]


def good_docx() -> bytes:
    return build_docx(text_para("tekst"))
